"""The escalation ladder as a pure function, over the 2021 calendar (Saturday 9 October is a working day)."""

import datetime

from gongkai.supervision.escalation import LastNotice, next_level
from gongkai.supervision.lights import GREEN, Colour, Light
from gongkai.supervision.models import LightSettings

D = datetime.date
RED = Light(Colour.RED)
SETTINGS = LightSettings()  # unsaved: just the defaults (3, 3 and 5 working days)


def level(calendar, today, last=None, *, light=RED, state="in_progress", last_report_on=None):
    return next_level(light=light, state=state, last=last, today=today, calendar=calendar, settings=SETTINGS,
                      last_report_on=last_report_on)


def test_defaults_are_stored_as_data():
    assert (SETTINGS.warning_after_workdays, SETTINGS.supervision_after_workdays,
            SETTINGS.repeat_reminder_workdays) == (3, 3, 5)


def test_first_red_day_brings_a_reminder_and_nothing_else(calendar):
    assert level(calendar, D(2021, 10, 8)) == "reminder"
    assert level(calendar, D(2021, 10, 8), light=GREEN) is None
    assert level(calendar, D(2021, 10, 8), light=Light(Colour.YELLOW)) is None


def test_not_escalated_while_the_lead_unit_holds_the_report(calendar):
    assert level(calendar, D(2021, 10, 8), state="submitted") is None


def test_warning_after_three_unheeded_working_days(calendar):
    reminder = LastNotice("reminder", D(2021, 10, 8))
    assert level(calendar, D(2021, 10, 8), reminder) is None  # the same day: never two steps
    assert level(calendar, D(2021, 10, 11), reminder) is None  # 9 (Saturday, make-up) and 11 October: two
    assert level(calendar, D(2021, 10, 12), reminder) == "warning"  # three


def test_supervision_notice_after_an_unheeded_warning_and_then_nothing(calendar):
    warning = LastNotice("warning", D(2021, 10, 12))
    assert level(calendar, D(2021, 10, 14), warning) is None
    assert level(calendar, D(2021, 10, 15), warning) == "supervision"
    supervision = LastNotice("supervision", D(2021, 10, 15))
    assert level(calendar, D(2021, 12, 31), supervision) is None  # next is a talk (约谈), off the system


def test_heeded_notice_ends_the_chain_until_the_unit_goes_quiet_again(calendar):
    heeded = LastNotice("warning", D(2021, 10, 8), heeded_on=D(2021, 10, 11))
    assert level(calendar, D(2021, 10, 15), heeded) is None  # 12–15 October: four quiet working days
    assert level(calendar, D(2021, 10, 18), heeded) == "reminder"  # five: a new chain, from the bottom
    # A later report counts as activity too: quiet is measured from it.
    assert level(calendar, D(2021, 10, 18), heeded, last_report_on=D(2021, 10, 14)) is None
