"""The open conventions of rules.md: settings with defaults, read from the environment, shown to staff,
and obeyed — here the make-up working days (调休) of rules.md §1.1."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.conventions import CONVENTIONS, from_environment
from gongkai.foi import clock, fees, services
from gongkai.foi.models import Channel
from gongkai.workdays.calendar import WorkCalendar
from gongkai.workdays.services import ensure_package_years
from tests.foi.test_intake import APPLICANT

D = datetime.date


def test_environment_values_are_parsed():
    assert from_environment({
        "GONGKAI_WORKDAYS_FOLLOW_MAKEUP_DAYS": "no", "GONGKAI_FOI_COUNT_FROM": "same_day",
        "GONGKAI_FOI_CORRECTION_DAYS": " 10 ", "GONGKAI_FOI_FEE_WAIVERS": "ON", "PATH": "/usr/bin",
    }) == {"GONGKAI_WORKDAYS_FOLLOW_MAKEUP_DAYS": False, "GONGKAI_FOI_COUNT_FROM": "same_day",
           "GONGKAI_FOI_CORRECTION_DAYS": 10, "GONGKAI_FOI_FEE_WAIVERS": True}
    assert from_environment({}) == {}


@pytest.mark.parametrize(("name", "text"), [
    ("GONGKAI_WORKDAYS_FOLLOW_MAKEUP_DAYS", "maybe"),
    ("GONGKAI_FOI_COUNT_FROM", "tomorrow"),
    ("GONGKAI_FOI_CORRECTION_DAYS", "fifteen"),
    ("GONGKAI_FOI_CORRECTION_DAYS", "0"),
])
def test_a_bad_value_names_the_variable(name, text):
    with pytest.raises(ValueError, match=name):
        from_environment({name: text})


def test_the_code_uses_the_registered_defaults():
    defaults = {convention.name: convention.default for convention in CONVENTIONS}
    assert clock.ClockSettings() == clock.ClockSettings(
        count_from=defaults["GONGKAI_FOI_COUNT_FROM"], correction_days=defaults["GONGKAI_FOI_CORRECTION_DAYS"],
        consultation_pause_starts=defaults["GONGKAI_FOI_CONSULTATION_PAUSE_STARTS"],
        fee_pause=defaults["GONGKAI_FOI_FEE_PAUSE"], fee_pause_starts=defaults["GONGKAI_FOI_FEE_PAUSE_STARTS"])
    assert fees.FEE_WAIVERS is defaults["GONGKAI_FOI_FEE_WAIVERS"] is False


@pytest.fixture
def calendar_2021(db):
    ensure_package_years(years=[2021])


def test_make_up_days_count_unless_the_deployment_says_otherwise(calendar_2021, settings):
    # Tue 2021-09-28 + 5 working days: 9/29, 9/30, 10/8, Sat 10/9 (make-up), Mon 10/11.
    assert WorkCalendar.from_db().add_workdays(D(2021, 9, 28), 5) == D(2021, 10, 11)
    settings.GONGKAI_WORKDAYS_FOLLOW_MAKEUP_DAYS = False
    calendar = WorkCalendar.from_db()  # the cached calendar notices the change
    assert not calendar.is_workday(D(2021, 10, 9))
    assert calendar.add_workdays(D(2021, 9, 28), 5) == D(2021, 10, 12)
    assert not calendar.is_workday(D(2021, 10, 1))  # holidays stay holidays


def test_the_statutory_clock_follows_the_setting(calendar_2021, settings, directory, shenhe):
    settings.GONGKAI_WORKDAYS_FOLLOW_MAKEUP_DAYS = False
    application, _password = services.register(
        actor=shenhe, channel=Channel.IN_PERSON, target_unit=directory["沈河区人民政府"], fields=APPLICANT,
        arrived_at=datetime.datetime(2021, 9, 15, 10, tzinfo=ZoneInfo("Asia/Shanghai")))
    # rules.md's example gives 10/19 counting 9/18, 9/26 and 10/9; without them, three days later.
    assert application.due_date == D(2021, 10, 22)


def row_of(page, name):
    row = page[:page.index(name)]
    row = page[row.rindex("<tr>"):]
    return row[:row.index("</tr>")]


def test_staff_see_the_conventions_and_what_was_changed(client_for, shenhe, settings):
    settings.GONGKAI_FOI_CORRECTION_DAYS = 10
    settings.GONGKAI_FOI_COUNT_FROM = "same_day"
    page = client_for(shenhe).get(reverse("conventions")).content.decode()
    for convention in CONVENTIONS:
        assert f"<code>{convention.name}</code>" in page  # the variable, as a detail under the words
    row = row_of(page, "GONGKAI_FOI_CORRECTION_DAYS")
    assert "补正" in row and "<td>15</td>" in row and "<td>10 <strong" in row and "已更改" in row
    # Choices and switches in words, never as their codes.
    row = row_of(page, "GONGKAI_FOI_COUNT_FROM")
    assert "<td>收到申请之日的次日</td>" in row and "收到申请的当日" in row
    assert "next_day" not in row.replace("GONGKAI_FOI_COUNT_FROM", "")
    assert "same_day" not in page and "<td>是</td>" in row_of(page, "GONGKAI_FOI_FEE_PAUSE<")
    assert page.count("已更改") == 2
    assert Client().get(reverse("conventions")).status_code == 302  # staff only


def test_a_bad_value_in_the_environment_stops_the_start_with_its_name(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    environment = {**os.environ, "GONGKAI_FOI_COUNT_FROM": "tomorrow", "GONGKAI_DATA_DIR": str(tmp_path),
                   "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    result = subprocess.run([sys.executable, "-m", "gongkai", "check"], env=environment, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode != 0
    assert "GONGKAI_FOI_COUNT_FROM='tomorrow': expected one of next_day, same_day" in result.stderr
