"""Supervision fixtures: the 2021–2022 calendar, pinned clocks, and people with e-mail addresses.

Nothing here reads the real clock: `at(day)` pins both `timezone.now()` and `localdate()`.
"""

import datetime
from contextlib import contextmanager
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.ledger.services import generate_assignments
from gongkai.orgs.models import Role
from gongkai.orgs.services import create_person
from gongkai.workdays import package
from gongkai.workdays.calendar import WorkCalendar
from gongkai.workdays.services import ensure_package_years

SHANGHAI = ZoneInfo("Asia/Shanghai")
PASSWORD = "correct horse battery staple"
PLAN_START = datetime.date(2021, 7, 5)


def package_calendar(years=(2021, 2022)):
    """The official calendar built straight from the package data: for pure tests without a database."""
    holidays, workdays = {}, {}
    for year in years:
        year_holidays, year_workdays = package.year_days(year)
        holidays.update(year_holidays)
        workdays.update(year_workdays)
    return WorkCalendar(years=years, holidays=holidays, workdays=workdays)


@pytest.fixture(scope="session")
def calendar():
    return package_calendar()


@pytest.fixture
def stored_calendar(db):
    ensure_package_years(actor=None, years=[2021, 2022])
    return WorkCalendar.from_db()


@contextmanager
def at(day, hour=9, minute=0):
    """Pin the clock to `day` at `hour`:`minute` in Shanghai (now() and localdate() both follow)."""
    moment = datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=SHANGHAI)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield moment


@pytest.fixture
def ledger(sample_plan, office, stored_calendar):
    """The 2021 Shenyang plan turned into assignments started 2021-07-05, with the calendar loaded
    (copied from tests/ledger/conftest.py, as test packages do not import each other)."""
    generate_assignments(actor=office, plan=sample_plan, started_on=PLAN_START)
    return sample_plan


def pdf_file(name="evidence.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", content_type="application/pdf")


@pytest.fixture
def shenhe_mail(directory):
    """A handler of 沈河区政府 with an e-mail address (the shared cast has none)."""
    return create_person(actor=None, username="shenhe-mail", password=PASSWORD, email="handler@shenhe.example",
                         memberships=[(directory["沈河区人民政府"], Role.HANDLER)])


@pytest.fixture
def shenhe_liaison(directory):
    return create_person(actor=None, username="shenhe-liaison", password=PASSWORD, email="liaison@shenhe.example",
                         memberships=[(directory["沈河区人民政府"], Role.LIAISON)])
