"""Calendar fixtures. Dates in these tests are pinned; nothing reads the real clock."""

import pytest

from gongkai.orgs.models import Role
from gongkai.orgs.services import create_person, create_unit
from gongkai.workdays.calendar import WorkCalendar
from gongkai.workdays.services import ensure_package_years

PASSWORD = "correct horse battery staple"


@pytest.fixture
def calendar_2021_2026(db):
    """2020–2026 loaded from the chinesecalendar package, as the stored calendar sees them."""
    ensure_package_years(actor=None, years=range(2020, 2027))
    return WorkCalendar.from_db()


@pytest.fixture
def city_office(db):
    return create_unit(actor=None, name="沈阳市人民政府办公室", kind="municipal_department")


@pytest.fixture
def calendar_admin(city_office):
    return create_person(actor=None, username="calendar-admin", password=PASSWORD,
                         memberships=[(city_office, Role.OFFICE_ADMIN)])


@pytest.fixture
def handler(db):
    unit = create_unit(actor=None, name="沈阳市发展和改革委员会", kind="municipal_department")
    return create_person(actor=None, username="handler", password=PASSWORD, memberships=[(unit, Role.HANDLER)])
