"""Light thresholds at their exact boundaries, on the official 2021 calendar (调休 included).

National Day 2021: 1–7 October off; Sunday 26 September and Saturday 9 October are working days.
"""

import datetime

from django.utils import translation

from gongkai.supervision.lights import (
    CachedCalendar,
    Colour,
    Rollup,
    Thresholds,
    Why,
    expected_percent,
    light_for,
    roll_up_by,
)
from tests.supervision.conftest import PLAN_START

D = datetime.date
DEFAULTS = Thresholds()


def facts(due=None, *, state="in_progress", percent=0, returns=0, started=PLAN_START):
    return {"due_date": due, "started_on": started, "state": state, "percent": percent, "returns": returns}


def test_five_working_days_left_across_national_day_is_yellow_six_is_green(calendar):
    due = D(2021, 10, 11)  # Monday after the holiday
    # From 28 Sep: 29, 30 Sep, 8 Oct, Saturday 9 Oct (make-up day), 11 Oct — five working days.
    light = light_for(facts(due, percent=90), D(2021, 9, 28), calendar, DEFAULTS)
    assert light.colour == Colour.YELLOW
    assert light.value_of(Why.DUE_SOON) == 5
    # One calendar day earlier is six working days: green (a weekday count would say ten).
    earlier = light_for(facts(due, percent=90), D(2021, 9, 27), calendar, DEFAULTS)
    assert earlier.colour == Colour.GREEN and earlier.reasons == ()
    # Sunday 26 September is a make-up working day, so it is seven, not six, from there.
    assert light_for(facts(due, percent=90), D(2021, 9, 26), calendar, Thresholds(yellow_workdays=6)).colour == "green"


def test_during_the_holiday_only_working_days_count(calendar):
    light = light_for(facts(D(2021, 10, 11), percent=90), D(2021, 10, 1), calendar, DEFAULTS)
    assert (light.colour, light.value_of(Why.DUE_SOON)) == (Colour.YELLOW, 3)  # 8, 9 and 11 October


def test_due_today_is_yellow_not_red(calendar):
    light = light_for(facts(D(2021, 9, 30), percent=90), D(2021, 9, 30), calendar, DEFAULTS)
    assert light.colour == Colour.YELLOW
    assert light.value_of(Why.DUE_SOON) == 0
    with translation.override("en"):
        assert [str(reason) for reason in light.reasons] == ["Due today"]


def test_due_yesterday_is_red_and_counts_working_days_overdue(calendar):
    light = light_for(facts(D(2021, 10, 7)), D(2021, 10, 8), calendar, DEFAULTS)
    assert light.colour == Colour.RED
    # Due 30 September, seen on 8 October: eight calendar days, one working day late.
    late = light_for(facts(D(2021, 9, 30)), D(2021, 10, 8), calendar, DEFAULTS)
    assert (late.colour, late.value_of(Why.OVERDUE)) == (Colour.RED, 1)
    with translation.override("en"):
        assert str(late.reasons[0]) == "1 working days overdue"


def test_twenty_points_behind_is_yellow_nineteen_is_not(calendar):
    due = D(2021, 11, 26)  # the 100th working day after the start on 5 July
    today = D(2021, 9, 13)  # the 50th: 50% of the time is used, and 50 working days remain
    assert calendar.count_workdays(PLAN_START, due) == 100
    assert expected_percent(PLAN_START, due, today, calendar) == 50
    behind = light_for(facts(due, percent=30), today, calendar, DEFAULTS)
    assert (behind.colour, behind.value_of(Why.BEHIND)) == (Colour.YELLOW, 20)
    on_track = light_for(facts(due, percent=31), today, calendar, DEFAULTS)
    assert on_track.colour == Colour.GREEN
    assert light_for(facts(due, percent=30), today, calendar, Thresholds(behind_points=21)).colour == Colour.GREEN


def test_a_fraction_of_a_point_short_of_the_threshold_is_not_rounded_up(calendar):
    due = calendar.add_workdays(PLAN_START, 150)
    today = calendar.add_workdays(PLAN_START, 59)  # expected 39.33%
    assert light_for(facts(due, percent=19), today, calendar, DEFAULTS).colour == Colour.YELLOW  # 20.33 behind
    assert light_for(facts(due, percent=20), today, calendar, DEFAULTS).colour == Colour.GREEN  # 19.33 behind


def test_behind_schedule_check_can_be_turned_off(calendar):
    light = light_for(facts(D(2021, 11, 26), percent=0), D(2021, 9, 13), calendar, Thresholds(behind_points=0))
    assert light.colour == Colour.GREEN


def test_before_the_start_nothing_is_expected(calendar):
    light = light_for(facts(D(2021, 11, 26), started=D(2021, 9, 1)), D(2021, 8, 20), calendar, DEFAULTS)
    assert light.colour == Colour.GREEN


def test_closed_assignments_are_done_whatever_their_dates(calendar):
    for state in ("done", "done_late"):
        assert light_for(facts(D(2021, 9, 30), state=state), D(2021, 12, 1), calendar, DEFAULTS).colour == "done"


def test_ongoing_without_due_date_is_green_unless_returned(calendar):
    assert light_for(facts(None), D(2021, 10, 8), calendar, DEFAULTS).colour == Colour.GREEN
    returned = light_for(facts(None, state="returned", returns=2), D(2021, 10, 8), calendar, DEFAULTS)
    assert (returned.colour, returned.value_of(Why.RETURNED)) == (Colour.YELLOW, 2)
    settings = Thresholds(returns_make_yellow=False)
    assert light_for(facts(None, state="returned", returns=2), D(2021, 10, 8), calendar, settings).colour == "green"


def test_overdue_and_returned_is_red_with_both_reasons(calendar):
    light = light_for(facts(D(2021, 9, 30), state="returned", returns=1), D(2021, 10, 12), calendar, DEFAULTS)
    assert light.colour == Colour.RED
    assert [reason.why for reason in light.reasons] == [Why.OVERDUE, Why.RETURNED]
    assert light.value_of(Why.OVERDUE) == 4  # 8, 9 (Saturday, make-up), 11 and 12 October


def test_a_missing_calendar_year_is_said_not_guessed(calendar):
    light = light_for(facts(D(2023, 1, 4)), D(2022, 12, 30), calendar, DEFAULTS)
    assert light.colour == Colour.GREEN  # not turned yellow by a guess about 2023's holidays
    assert light.value_of(Why.CALENDAR_MISSING) == 2023
    overdue = light_for(facts(D(2023, 1, 4)), D(2023, 1, 5), calendar, DEFAULTS)
    assert overdue.colour == Colour.RED  # overdue is certain without any calendar
    assert overdue.value_of(Why.OVERDUE) is None


def test_roll_up_worst_colour_wins_with_counts():
    lights = [Colour.DONE, Colour.GREEN, Colour.YELLOW, Colour.DONE]
    rollup = Rollup.of(type("L", (), {"colour": colour})() for colour in lights)
    assert (rollup.colour, rollup.total, rollup.done, rollup.completion) == (Colour.YELLOW, 4, 2, 50)
    assert (rollup["yellow"], rollup["red"]) == (1, 0)
    assert Rollup.of([]).colour is None and Rollup.of([]).completion is None


def test_roll_up_by_unit_and_item(calendar):
    today = D(2021, 10, 8)
    rows = [
        {"unit_id": 1, "item": 7, **facts(D(2021, 9, 30))},  # red
        {"unit_id": 1, "item": 8, **facts(D(2021, 12, 31), state="done")},
        {"unit_id": 2, "item": 7, **facts(D(2021, 10, 11), percent=90)},  # yellow: 2 working days left
        {"unit_id": 2, "item": 8, **facts(None)},  # green
    ]
    pairs = [(row, light_for(row, today, calendar, DEFAULTS)) for row in rows]
    by_unit = roll_up_by(pairs, key=lambda row: row["unit_id"])
    by_item = roll_up_by(pairs, key=lambda row: row["item"])
    assert (by_unit[1].colour, by_unit[1].completion) == (Colour.RED, 50)
    assert (by_unit[2].colour, by_unit[2].completion) == (Colour.YELLOW, 0)
    assert (by_item[7].colour, by_item[8].colour) == (Colour.RED, Colour.GREEN)
    plan = Rollup.of(light for _row, light in pairs)
    assert dict(plan.counts) == {"red": 1, "done": 1, "yellow": 1, "green": 1}


def test_cached_calendar_counts_like_the_calendar(calendar):
    cached = CachedCalendar(calendar)
    pairs = [(D(2021, 9, 28), D(2021, 10, 11)), (D(2021, 7, 5), D(2021, 11, 26)), (D(2021, 10, 11), D(2021, 9, 28))]
    assert [cached.count_workdays(a, b) for a, b in pairs * 2] == [calendar.count_workdays(a, b) for a, b in pairs * 2]
