"""Directory, accounts, API tokens, the calendar and escalation notices: the services refuse non-office writers.

`actor=None` is the system (a command, the demo loader, the daily tick) and stays allowed; a signed-out
visitor is an AnonymousUser, never None, and is refused like everyone else.
"""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from gongkai.api.models import ApiToken
from gongkai.api.services import create_token, revoke_token
from gongkai.events.models import Event
from gongkai.orgs.directory import export_csv, import_directory
from gongkai.orgs.models import Role, Unit, UnitAlias, UnitKind, User
from gongkai.orgs.services import add_alias, create_person, create_unit, update_unit
from gongkai.supervision.services import issue_notices
from gongkai.workdays.models import CalendarYear
from gongkai.workdays.services import load_year_from_package
from tests.conftest import PASSWORD


@pytest.fixture
def refused_cast(shenhe, shenhe_viewer, fgw_liaison, outsider):
    return {"handler": shenhe, "viewer": shenhe_viewer, "liaison": fgw_liaison, "outsider": outsider,
            "anonymous": AnonymousUser()}


@pytest.mark.parametrize("who", ["handler", "viewer", "liaison", "outsider", "anonymous"])
def test_only_the_office_keeps_the_directory_and_creates_accounts(who, refused_cast, office, directory):
    actor, shenhe_unit = refused_cast[who], directory["沈河区人民政府"]
    events = Event.objects.count()
    for attempt in (
        lambda: create_unit(actor=actor, name="沈阳市新设局", kind=UnitKind.MUNICIPAL_DEPARTMENT),
        lambda: update_unit(actor=actor, unit=shenhe_unit, name="沈河区政府（改名）"),
        lambda: add_alias(actor=actor, unit=shenhe_unit, name="沈河"),
        lambda: create_person(actor=actor, username="new-person", password=PASSWORD,
                              memberships=[(shenhe_unit, Role.OFFICE_ADMIN)]),
        lambda: import_directory(actor=actor, data=export_csv().replace("沈河区人民政府".encode(), "沈河区政府X".encode()),
                                 filename="units.csv"),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    assert Event.objects.count() == events
    assert not Unit.objects.filter(name__in=["沈阳市新设局", "沈河区政府（改名）", "沈河区政府X"]).exists()
    assert not UnitAlias.objects.filter(name="沈河").exists() and not User.objects.filter(username="new-person").exists()
    assert create_unit(actor=office, name="沈阳市新设局", kind=UnitKind.MUNICIPAL_DEPARTMENT).pk
    assert add_alias(actor=None, unit=shenhe_unit, name="沈河").unit == shenhe_unit  # the system (a command)


def test_a_person_manages_only_their_own_api_tokens(shenhe, fgw_liaison, office):
    token, _key = create_token(actor=shenhe, user=shenhe, name="mine")
    with pytest.raises(PermissionDenied):
        create_token(actor=shenhe, user=fgw_liaison, name="theirs")
    with pytest.raises(PermissionDenied):
        revoke_token(actor=fgw_liaison, token=token)
    assert ApiToken.objects.filter(user=fgw_liaison).count() == 0
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None
    revoke_token(actor=office, token=token)
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
    with pytest.raises(PermissionDenied):
        create_token(actor=AnonymousUser(), user=shenhe, name="anonymous")


@pytest.mark.parametrize("who", ["handler", "viewer", "anonymous"])
def test_only_the_office_loads_a_calendar_year(who, refused_cast, office):
    with pytest.raises(PermissionDenied):
        load_year_from_package(actor=refused_cast[who], year=2025)
    assert not CalendarYear.objects.filter(year=2025).exists()
    load_year_from_package(actor=office, year=2025)
    assert CalendarYear.objects.filter(year=2025).exists()


@pytest.mark.parametrize("who", ["handler", "viewer", "anonymous"])
def test_only_the_office_or_the_tick_issues_escalation_notices(who, refused_cast):
    with pytest.raises(PermissionDenied):
        issue_notices(actor=refused_cast[who], due=[], today=datetime.date(2026, 3, 2), calendar=None, settings=None)
    assert issue_notices(actor=None, due=[], today=datetime.date(2026, 3, 2), calendar=None, settings=None) == []
