"""Light thresholds at their exact boundaries, on the official 2021 calendar (调休 included).

National Day 2021: 1–7 October off; Sunday 26 September and Saturday 9 October are working days.
New Year 2022: 1–3 January off. The plan starts on Monday 5 July 2021 (PLAN_START).
"""

import datetime

import pytest
from django.utils import translation

from gongkai.ledger.models import Assignment
from gongkai.ledger.services import submit_report, take_step
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
from gongkai.supervision.models import LightSettings
from gongkai.supervision.queries import light_of
from tests.supervision.conftest import PLAN_START, at

D = datetime.date
DEFAULTS = Thresholds()
YEAR_END = D(2021, 12, 31)


def facts(due=None, *, state="in_progress", reported=None, percent=0, returns=0, started=PLAN_START):
    """An assignment's facts; `reported` is the day of its latest signed-off report, `percent` what it said."""
    return {"due_date": due, "started_on": started, "state": state, "percent": percent, "returns": returns,
            "reported_on": reported, "reported_percent": percent if reported else None}


def reasons_in_chinese(light):
    with translation.override("zh-hans"):
        return [str(reason) for reason in light.reasons]


# --- deadlines --------------------------------------------------------------------------------------------


def test_five_working_days_left_across_national_day_is_yellow_six_is_green(calendar):
    due = D(2021, 10, 11)  # Monday after the holiday
    on_pace = {"reported": D(2021, 9, 24), "percent": 95}
    # From 28 Sep: 29, 30 Sep, 8 Oct, Saturday 9 Oct (make-up day), 11 Oct — five working days.
    light = light_for(facts(due, **on_pace), D(2021, 9, 28), calendar, DEFAULTS)
    assert light.colour == Colour.YELLOW
    assert [(reason.why, reason.value) for reason in light.reasons] == [(Why.DUE_SOON, 5)]
    # One calendar day earlier is six working days: green (a weekday count would say ten).
    earlier = light_for(facts(due, **on_pace), D(2021, 9, 27), calendar, DEFAULTS)
    assert earlier.colour == Colour.GREEN and [reason.why for reason in earlier.reasons] == [Why.ON_PACE]
    # Sunday 26 September is a make-up working day, so it is seven, not six, from there.
    light = light_for(facts(due, **on_pace), D(2021, 9, 26), calendar, Thresholds(yellow_workdays=6))
    assert light.colour == Colour.GREEN


def test_during_the_holiday_only_working_days_count(calendar):
    light = light_for(facts(D(2021, 10, 11), reported=D(2021, 9, 24), percent=95), D(2021, 10, 1), calendar, DEFAULTS)
    assert (light.colour, light.value_of(Why.DUE_SOON)) == (Colour.YELLOW, 3)  # 8, 9 and 11 October


def test_due_today_is_yellow_not_red(calendar):
    light = light_for(facts(D(2021, 9, 30), reported=D(2021, 9, 27), percent=95), D(2021, 9, 30), calendar, DEFAULTS)
    assert light.colour == Colour.YELLOW
    assert light.value_of(Why.DUE_SOON) == 0
    with translation.override("en"):
        assert [str(reason) for reason in light.reasons] == ["Due today"]
    assert reasons_in_chinese(light) == ["今日到期"]


def test_due_yesterday_is_red_and_counts_working_days_overdue(calendar):
    light = light_for(facts(D(2021, 10, 7)), D(2021, 10, 8), calendar, DEFAULTS)
    assert light.colour == Colour.RED
    # Due 30 September, seen on 8 October: eight calendar days, one working day late.
    late = light_for(facts(D(2021, 9, 30)), D(2021, 10, 8), calendar, DEFAULTS)
    assert (late.colour, late.value_of(Why.OVERDUE)) == (Colour.RED, 1)
    assert reasons_in_chinese(late) == ["已逾期 1 个工作日"]


# --- 序时进度: measured against what the unit reported -------------------------------------------------------


def test_a_current_report_is_held_to_the_schedule_of_its_own_day(calendar):
    due = D(2021, 11, 26)  # the 100th working day after the start on 5 July
    reported = D(2021, 9, 13)  # the 50th: 50% of the time was used when the unit reported
    assert calendar.count_workdays(PLAN_START, due) == 100
    assert expected_percent(PLAN_START, due, reported, calendar) == 50
    today = D(2021, 9, 24)  # nine working days later (60% used by now): the report is still current
    behind = light_for(facts(due, reported=reported, percent=30), today, calendar, DEFAULTS)
    assert (behind.colour, behind.value_of(Why.BEHIND)) == (Colour.YELLOW, 20)
    assert reasons_in_chinese(behind) == ["落后序时进度 20 个百分点：9月13日报送完成 30%，当时序时进度 50%"]
    # 31% was 19 points behind on its day: on schedule, although today's schedule is 60%.
    on_pace = light_for(facts(due, reported=reported, percent=31), today, calendar, DEFAULTS)
    assert on_pace.colour == Colour.GREEN
    assert reasons_in_chinese(on_pace) == ["进度正常：9月13日报送完成 31%，当时序时进度 50%"]
    assert light_for(facts(due, reported=reported, percent=30), today, calendar,
                     Thresholds(behind_points=21)).colour == Colour.GREEN


def test_a_fraction_of_a_point_short_of_the_threshold_is_not_rounded_up(calendar):
    due = calendar.add_workdays(PLAN_START, 150)
    reported = calendar.add_workdays(PLAN_START, 59)  # expected 39.33%
    light = light_for(facts(due, reported=reported, percent=19), reported, calendar, DEFAULTS)
    assert light.colour == Colour.YELLOW  # 20.33 behind
    assert light_for(facts(due, reported=reported, percent=20), reported, calendar, DEFAULTS).colour == Colour.GREEN


def test_a_report_stays_current_for_its_working_days_across_national_day(calendar):
    """After `current_report_workdays` the last reported share is held to today's schedule."""
    reported = D(2021, 9, 28)  # 48% of the time to the year's end was used
    settings = Thresholds(current_report_workdays=5)
    # 29, 30 September, 8, 9 (Saturday, make-up) and 11 October: five working days, still current,
    # so 30% is held to its own day's 48% (18 points behind: green) …
    current = light_for(facts(YEAR_END, reported=reported, percent=30), D(2021, 10, 11), calendar, settings)
    assert current.colour == Colour.GREEN and current.has(Why.ON_PACE)
    # … and on the sixth working day, Tuesday 12 October, to today's 53%: 23 points behind.
    stale = light_for(facts(YEAR_END, reported=reported, percent=30), D(2021, 10, 12), calendar, settings)
    assert (stale.colour, stale.value_of(Why.NOT_REPORTED)) == (Colour.YELLOW, 23)
    assert reasons_in_chinese(stale) == ["9月28日以来未报送进展（当时完成 30%），序时进度已达 53%"]
    # An older report that still keeps up with today's schedule stays green, and says so.
    older = light_for(facts(YEAR_END, reported=reported, percent=40), D(2021, 10, 12), calendar, settings)
    assert reasons_in_chinese(older) == ["进度正常：9月28日报送完成 40%，今日序时进度 53%"]


def test_continuing_work_reported_without_a_share_is_green_while_it_reports(calendar):
    """A report at 0% (持续推进, progress in words) claims no share to compare with the schedule."""
    today = D(2021, 12, 2)  # 83% of the year-end task's time is used
    continuing = light_for(facts(YEAR_END, reported=D(2021, 11, 25), percent=0), today, calendar, DEFAULTS)
    assert continuing.colour == Colour.GREEN
    assert reasons_in_chinese(continuing) == ["持续推进，11月25日已报送进展"]
    # 22 working days (one round) after 2 November it is still current; after 1 November it is not.
    assert calendar.count_workdays(D(2021, 11, 2), today) == 22
    assert light_for(facts(YEAR_END, reported=D(2021, 11, 2), percent=0), today, calendar, DEFAULTS).colour == "green"
    silent = light_for(facts(YEAR_END, reported=D(2021, 11, 1), percent=0), today, calendar, DEFAULTS)
    assert (silent.colour, silent.value_of(Why.NOT_REPORTED)) == (Colour.YELLOW, 83)


def test_december_year_end_work_reported_on_pace_is_green_not_behind(calendar):
    """The defect: on 2 December every open task was yellow, judged by the accepted percentage only."""
    today = D(2021, 12, 2)
    assert expected_percent(PLAN_START, YEAR_END, today, calendar) == 83
    on_pace = light_for(facts(YEAR_END, reported=D(2021, 11, 26), percent=80), today, calendar, DEFAULTS)
    assert (on_pace.colour, on_pace.value_of(Why.ON_PACE)) == (Colour.GREEN, 80)
    assert reasons_in_chinese(on_pace) == ["进度正常：11月26日报送完成 80%，当时序时进度 80%"]
    # Still yellow where the unit itself says it is far behind, or has said nothing since July.
    behind = light_for(facts(YEAR_END, reported=D(2021, 11, 26), percent=40), today, calendar, DEFAULTS)
    assert (behind.colour, behind.value_of(Why.BEHIND)) == (Colour.YELLOW, 40)
    never = light_for(facts(YEAR_END, state="not_started"), today, calendar, DEFAULTS)
    assert (never.colour, never.value_of(Why.NOT_REPORTED)) == (Colour.YELLOW, 83)
    assert reasons_in_chinese(never) == ["尚未报送进展，序时进度已达 83%"]


def test_nothing_reported_yet_is_green_until_a_fifth_of_the_time_is_used(calendar):
    due = D(2021, 11, 26)  # 100 working days from the start
    early = light_for(facts(due, state="not_started"), calendar.add_workdays(PLAN_START, 19), calendar, DEFAULTS)
    assert early.colour == Colour.GREEN
    assert reasons_in_chinese(early) == ["距完成时限还有 81 个工作日"]
    late = light_for(facts(due, state="not_started"), calendar.add_workdays(PLAN_START, 20), calendar, DEFAULTS)
    assert (late.colour, late.value_of(Why.NOT_REPORTED)) == (Colour.YELLOW, 20)


def test_behind_schedule_check_can_be_turned_off(calendar):
    light = light_for(facts(D(2021, 11, 26)), D(2021, 9, 13), calendar, Thresholds(behind_points=0))
    assert light.colour == Colour.GREEN and [reason.why for reason in light.reasons] == [Why.TIME_LEFT]


def test_before_the_start_nothing_is_expected(calendar):
    light = light_for(facts(D(2021, 11, 26), started=D(2021, 9, 1)), D(2021, 8, 20), calendar, DEFAULTS)
    assert light.colour == Colour.GREEN


def test_closed_assignments_are_done_whatever_their_dates(calendar):
    for state in ("done", "done_late"):
        assert light_for(facts(D(2021, 9, 30), state=state), D(2021, 12, 1), calendar, DEFAULTS).colour == "done"


def test_ongoing_without_due_date_has_no_milestones_and_is_green_unless_returned(calendar):
    ongoing = light_for(facts(None), D(2021, 10, 8), calendar, DEFAULTS)
    assert ongoing.colour == Colour.GREEN
    assert reasons_in_chinese(ongoing) == ["持续性工作，无固定完成时限"]
    reported = light_for(facts(None, reported=D(2021, 9, 30), percent=0), D(2021, 12, 2), calendar, DEFAULTS)
    assert reasons_in_chinese(reported) == ["持续性工作，无固定完成时限，最近报送：9月30日"]
    returned = light_for(facts(None, state="returned", returns=2), D(2021, 10, 8), calendar, DEFAULTS)
    assert (returned.colour, returned.value_of(Why.RETURNED)) == (Colour.YELLOW, 2)
    assert reasons_in_chinese(returned) == ["退回整改"]
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


def test_new_year_holiday_counts_no_working_days_toward_the_report(calendar):
    """A report of 30 December is still current on 4 January: 31 December and 4 January are the only
    working days between (1–3 January 2022 are off)."""
    due = D(2022, 3, 31)
    light = light_for(facts(due, reported=D(2021, 12, 30), percent=70), D(2022, 1, 4), calendar,
                      Thresholds(current_report_workdays=2))
    assert light.colour == Colour.GREEN and light.has(Why.ON_PACE)
    # The next working day it is held to today's 68%.
    assert light_for(facts(due, reported=D(2021, 12, 30), percent=45), D(2022, 1, 5), calendar,
                     Thresholds(current_report_workdays=2)).value_of(Why.NOT_REPORTED) == 23


# --- roll-ups -------------------------------------------------------------------------------------------


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
        {"unit_id": 2, "item": 7, **facts(D(2021, 10, 11), reported=D(2021, 9, 28), percent=90)},  # yellow: 2 left
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


# --- the report facts, read from the database -------------------------------------------------------------


@pytest.fixture
def year_end_task(ledger):
    """沈河区政府's assignment of a task due at the end of 2021 (item 2's first task)."""
    return Assignment.objects.filter(unit__name="沈河区人民政府", due_date=YEAR_END).order_by("pk").first()


def test_the_light_reads_the_latest_report_its_reviewer_signed_off(year_end_task, shenhe, shenhe_reviewer,
                                                                   stored_calendar):
    thresholds = LightSettings.current().thresholds
    with at(D(2021, 11, 24)):
        report = submit_report(actor=shenhe, assignment=year_end_task, text="按计划推进，已完成栏目调整。", percent=85)
    with at(D(2021, 12, 2)):
        # A draft awaiting the unit's reviewer is not yet the unit's word: nothing is reported.
        unsigned = light_of(year_end_task, today=D(2021, 12, 2), thresholds=thresholds)
        assert (unsigned.colour, unsigned.has(Why.NOT_REPORTED)) == (Colour.YELLOW, True)
        take_step(actor=shenhe_reviewer, report=report, step="sign_off")
        signed = light_of(year_end_task, today=D(2021, 12, 2), thresholds=thresholds)
    assert signed.colour == Colour.GREEN
    assert reasons_in_chinese(signed) == ["进度正常：11月24日报送完成 85%，当时序时进度 78%"]
