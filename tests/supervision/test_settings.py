"""The office sets thresholds as data; lights and the ladder follow them at once."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.events.models import Event
from gongkai.foi.models import Thresholds as FoiThresholds
from gongkai.supervision.models import LightSettings
from gongkai.supervision.services import update_settings
from tests.supervision.conftest import at

# These tests read English pages: the deployment must offer English (Chinese is the only default).
pytestmark = pytest.mark.usefixtures("english")


def test_defaults_are_created_on_first_use(db):
    row = LightSettings.current()
    assert (row.yellow_workdays, row.behind_points, row.returns_make_yellow) == (5, 20, True)
    assert (row.issuing_office, row.notice_title, row.number_prefix) == ("沈阳市人民政府办公室", "督办通知单", "督办")


def test_office_changes_thresholds_with_an_event(office):
    row = update_settings(actor=office, yellow_workdays=10, behind_points=30, issuing_office=" 沈阳市政务公开办 ")
    assert (row.yellow_workdays, row.behind_points, row.issuing_office) == (10, 30, "沈阳市政务公开办")
    event = Event.objects.about(row).get()
    assert event.data["changes"]["yellow_workdays"] == {"from": 5, "to": 10}
    update_settings(actor=office, yellow_workdays=10)  # no change, no event
    assert Event.objects.about(row).count() == 1


def test_only_the_office_sets_thresholds(fgw_liaison):
    with pytest.raises(PermissionDenied):
        update_settings(actor=fgw_liaison, yellow_workdays=1)


@pytest.mark.parametrize("values", [{"yellow_workdays": -1}, {"behind_points": 101}, {"number_prefix": "  "},
                                    {"color": "red"}])
def test_bad_values_are_refused_with_a_message(office, values):
    with pytest.raises(ValidationError):
        update_settings(actor=office, **values)
    assert LightSettings.current().yellow_workdays == 5


def test_settings_page_saves_and_the_dashboard_follows(ledger, office, client_for):
    client = client_for(office)
    form = {"yellow_workdays": 0, "behind_points": 0, "current_report_workdays": 30, "returns_make_yellow": "",
            "warning_after_workdays": 3, "supervision_after_workdays": 3, "repeat_reminder_workdays": 5, "reply_workdays": 3,
            "issuing_office": "沈阳市人民政府办公室", "notice_title": "督办通知单", "number_prefix": "督办",
            "bulletin_number_prefix": "沈政公开办", "foi-yellow_workdays": 6, "foi-office_escalation_workdays": 2}
    assert client.post("/supervision/settings/", form).status_code == 302
    foi = FoiThresholds.current()
    assert (foi.yellow_workdays, foi.office_escalation_workdays) == (6, 2)
    assert LightSettings.current().thresholds.current_report_workdays == 30
    assert LightSettings.current().bulletin_number_prefix == "沈政公开办"
    with at(datetime.date(2021, 9, 2), 10):
        board = client.get("/supervision/").context["board"]
    assert board.totals["yellow"] == 0  # nothing is behind schedule, and nothing is due on the day
    bad = client.post("/supervision/settings/", {**form, "yellow_workdays": 500, "foi-yellow_workdays": 9},
                      HTTP_ACCEPT_LANGUAGE="en")
    assert bad.status_code == 400 and "less than or equal to 60" in bad.content.decode()
    assert LightSettings.current().yellow_workdays == 0
    assert FoiThresholds.current().yellow_workdays == 6  # both or neither


def test_settings_page_is_for_the_office_only(ledger, shenhe, client_for):
    assert client_for(shenhe).get("/supervision/settings/").status_code == 403
