"""The statutory clock of an application: every pause and restart rule, with dates across holidays.

Calendars are built from the chinesecalendar package data (as the stored calendar is seeded), so
these tests need no database except the one that reads the stored calendar. Every expected date is
counted by hand in the comment above it. 2021: 中秋节 9/19–9/21 with make-up Sat 9/18 and Sun 9/26;
国庆节 10/1–10/7 with make-up Sat 10/9. 2026: 春节 2/15–2/23 with make-up Sat 2/14 and Sat 2/28.
"""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import override

from gongkai.foi.clock import (
    FEE_UNPAID,
    NO_CORRECTION,
    ClockError,
    ClockEvent,
    ClockSettings,
    ExcludedSpan,
    PendingConsultation,
    compute_clock,
)
from gongkai.workdays import package
from gongkai.workdays.calendar import CalendarYearMissing, WorkCalendar
from gongkai.workdays.services import ensure_package_years

D = datetime.date
E = ClockEvent


@pytest.fixture(autouse=True)
def english():
    """These tests read the English msgids; the deployment's Chinese is checked in the page tests."""
    with override("en"):
        yield


def package_calendar(years):
    holidays, workdays = {}, {}
    for year in years:
        year_holidays, year_workdays = package.year_days(year)
        holidays.update(year_holidays)
        workdays.update(year_workdays)
    return WorkCalendar(years=years, holidays=holidays, workdays=workdays)


@pytest.fixture(scope="module")
def cal():
    return package_calendar([2021, 2022, 2025, 2026])


def clock(cal, events, **kwargs):
    kwargs.setdefault("settings", ClockSettings())
    return compute_clock(events, calendar=cal, **kwargs)


def received(day):
    return E("received", day)


# --- the plain period ------------------------------------------------------------------------------

def test_worked_example_of_rules_md(cal):
    # Received Wed 2021-09-15. 9/16 Thu 1, 9/17 Fri 2, 9/18 Sat (make-up) 3, 9/19–21 中秋节, 9/22 4, 9/23 5,
    # 9/24 6, 9/25 Sat skipped, 9/26 Sun (make-up) 7 → the 补正 notice is due Sun 9/26.
    # 9/27–9/30 8–11, 10/1–7 国庆节, 10/8 12, 10/9 Sat (make-up) 13, 10/11–15 14–18, 10/18 19, Tue 10/19 20.
    state = clock(cal, [received(D(2021, 9, 15))])
    assert state.correction_notice_due == D(2021, 9, 26)
    assert state.due == D(2021, 10, 19)
    assert state.budget == 20 and not state.paused and state.excluded == ()
    # Counting the receipt day as day 1 ends one working day earlier: Mon 10/18.
    same_day = clock(cal, [received(D(2021, 9, 15))], settings=ClockSettings(count_from="same_day"))
    assert same_day.due == D(2021, 10, 18)
    assert same_day.correction_notice_due == D(2021, 9, 24)  # 9/15 1, 9/16 2, 9/17 3, 9/18 4, 9/22 5, 9/23 6, 9/24 7


def test_used_and_left_on_a_given_day(cal):
    events = [received(D(2021, 9, 15))]
    # Used by Thu 9/30: 9/16, 9/17, 9/18, 9/22, 9/23, 9/24, 9/26, 9/27, 9/28, 9/29, 9/30 = 11; 20 − 11 = 9 left.
    state = clock(cal, events, today=D(2021, 9, 30))
    assert (state.workdays_used, state.workdays_left, state.overdue) == (11, 9, False)
    # On a holiday (10/4) nothing more is used.
    assert clock(cal, events, today=D(2021, 10, 4)).workdays_used == 11
    # On the receipt day nothing is used yet (next-day counting).
    assert clock(cal, events, today=D(2021, 9, 15)).workdays_left == 20
    # On the due date 0 left; the next working day (Wed 10/20) is one day overdue.
    assert clock(cal, events, today=D(2021, 10, 19)).workdays_left == 0
    late = clock(cal, events, today=D(2021, 10, 20))
    assert (late.workdays_used, late.workdays_left, late.overdue) == (21, -1, True)
    assert clock(cal, events).workdays_used is None  # no day, no usage


def test_reply_on_the_due_date_is_in_time_the_day_after_is_late(cal):
    on_time = clock(cal, [received(D(2021, 9, 15)), E("replied", D(2021, 10, 19))], today=D(2021, 11, 1))
    assert (on_time.replied_on, on_time.late, on_time.overdue) == (D(2021, 10, 19), False, None)
    assert on_time.workdays_used == 20  # counted up to the reply, not up to today
    late = clock(cal, [received(D(2021, 9, 15)), E("replied", D(2021, 10, 20))])
    assert late.late is True


def test_receipt_on_a_holiday_counts_from_the_first_working_day_after(cal):
    # Received Sat 10/2 (国庆节): 10/8 1, 10/9 (make-up) 2, 10/11–15 3–7, 10/18–22 8–12, 10/25–29 13–17,
    # 11/1 18, 11/2 19, Wed 11/3 20. Same-day counting cannot count a holiday: the same date.
    assert clock(cal, [received(D(2021, 10, 2))]).due == D(2021, 11, 3)
    same_day = ClockSettings(count_from="same_day")
    assert clock(cal, [received(D(2021, 10, 2))], settings=same_day).due == D(2021, 11, 3)


def test_the_stored_calendar_gives_the_same_dates(db):
    ensure_package_years(years=[2021, 2022])
    state = compute_clock([received(D(2021, 9, 15))], calendar=WorkCalendar.from_db(), settings=ClockSettings())
    assert (state.correction_notice_due, state.due) == (D(2021, 9, 26), D(2021, 10, 19))


# --- 补正: one notice, the period restarts ------------------------------------------------------------

NATIONAL_DAY_CORRECTION = [
    received(D(2021, 9, 22)),  # Wed
    E("correction_requested", D(2021, 9, 29), value=D(2021, 9, 30)),  # the applicant has it on Thu 9/30
]


def test_correction_restarts_the_period_across_national_day_2021(cal):
    # Received Wed 9/22: the notice is due by 9/23 1, 9/24 2, 9/26 Sun (make-up) 3, 9/27 4, 9/28 5, 9/29 6,
    # Thu 9/30 7.
    assert clock(cal, NATIONAL_DAY_CORRECTION[:1]).correction_notice_due == D(2021, 9, 30)
    # Correction due 15 working days from the notice's receipt on 9/30: 10/8 1, 10/9 (make-up) 2,
    # 10/11–15 3–7, 10/18–22 8–12, 10/25 13, 10/26 14, Wed 10/27 15. Meanwhile no due date.
    waiting = clock(cal, NATIONAL_DAY_CORRECTION, today=D(2021, 10, 5))
    assert (waiting.due, waiting.paused, waiting.pause_reason, waiting.paused_since) == (
        None, True, "correction", D(2021, 9, 29))
    assert waiting.correction_due == D(2021, 10, 27)
    assert waiting.correction_notice_due is None and waiting.abandoned_as is None
    # Corrected on Fri 10/8: 20 new working days from then: 10/9 (make-up) 1, 10/11–15 2–6, 10/18–22 7–11,
    # 10/25–29 12–16, 11/1 17, 11/2 18, 11/3 19, Thu 11/4 20.
    corrected = clock(cal, [*NATIONAL_DAY_CORRECTION, E("correction_received", D(2021, 10, 8))])
    assert (corrected.period_start, corrected.due, corrected.paused) == (D(2021, 10, 8), D(2021, 11, 4), False)
    assert corrected.correction_due is None


def test_no_correction_by_its_deadline_closes_the_case(cal):
    # The correction deadline is Wed 10/27 (above): on that day the applicant still has time.
    assert clock(cal, NATIONAL_DAY_CORRECTION, today=D(2021, 10, 27)).abandoned_as is None
    assert clock(cal, NATIONAL_DAY_CORRECTION, today=D(2021, 10, 28)).abandoned_as == NO_CORRECTION
    # Once the case is replied to (closed), nothing is pending.
    closed = clock(cal, [*NATIONAL_DAY_CORRECTION, E("replied", D(2021, 10, 28))], today=D(2021, 11, 5))
    assert (closed.abandoned_as, closed.late) == (None, False)


def test_correction_restarts_the_period_across_spring_festival_2026(cal):
    # Received Mon 2026-02-09: notice due by 2/10 1, 2/11 2, 2/12 3, 2/13 4, 2/14 Sat (make-up) 5,
    # 2/15–23 春节, 2/24 6, Wed 2/25 7.
    events = [received(D(2026, 2, 9))]
    assert clock(cal, events).correction_notice_due == D(2026, 2, 25)
    # Notice sent and received Thu 2/12; correction due: 2/13 1, 2/14 2, 2/24 3, 2/25 4, 2/26 5, 2/27 6,
    # 2/28 Sat (make-up) 7, 3/2–6 8–12, 3/9 13, 3/10 14, Wed 3/11 15.
    events.append(E("correction_requested", D(2026, 2, 12)))
    assert clock(cal, events).correction_due == D(2026, 3, 11)
    # Corrected Fri 2/13: 2/14 1, 2/24 2, 2/25 3, 2/26 4, 2/27 5, 2/28 6, 3/2–6 7–11, 3/9–13 12–16,
    # 3/16 17, 3/17 18, 3/18 19, Thu 3/19 20. Weekdays alone would give Thu 3/12.
    events.append(E("correction_received", D(2026, 2, 13)))
    state = clock(cal, events, today=D(2026, 2, 24))
    assert state.due == D(2026, 3, 19)
    assert (state.workdays_used, state.workdays_left) == (2, 18)  # 2/14 and 2/24


def test_a_late_correction_can_still_be_accepted(cal):
    # Correction due Wed 10/27 (above); it arrives Thu 10/28 with good reason and the period restarts:
    # 10/29 1, 11/1–5 2–6, 11/8–12 7–11, 11/15–19 12–16, 11/22 17, 11/23 18, 11/24 19, Thu 11/25 20.
    state = clock(cal, [*NATIONAL_DAY_CORRECTION, E("correction_received", D(2021, 10, 28))])
    assert state.due == D(2021, 11, 25)
    with override("en"):
        assert any("after the correction deadline 2021-10-27" in line for line in clock(
            cal, [*NATIONAL_DAY_CORRECTION, E("correction_received", D(2021, 10, 28))]).explanation)


# --- consultations: the time is excluded ------------------------------------------------------------

# Received Mon 2021-09-13; without pauses: 9/14 1, 9/15 2, 9/16 3, 9/17 4, 9/18 (make-up) 5, 9/22 6,
# 9/23 7, 9/24 8, 9/26 (make-up) 9, 9/27–9/30 10–13, 10/8 14, 10/9 (make-up) 15, 10/11–15 16–20 → Fri 10/15.
SEP_13 = received(D(2021, 9, 13))


def test_consultation_span_across_mid_autumn_and_national_day(cal):
    assert clock(cal, [SEP_13]).due == D(2021, 10, 15)
    sent = E("consultation_sent", D(2021, 9, 17), ref="张三")
    # Answer due 15 working days from 9/17: 9/18 1, 9/22 2, 9/23 3, 9/24 4, 9/26 5, 9/27–30 6–9, 10/8 10,
    # 10/9 11, 10/11 12, 10/12 13, 10/13 14, Thu 10/14 15.
    waiting = clock(cal, [SEP_13, sent], today=D(2021, 9, 25))
    # The sending day still counts; the clock stops from the day after.
    assert (waiting.due, waiting.paused, waiting.pause_reason, waiting.paused_since) == (
        None, True, "consultation", D(2021, 9, 18))
    assert waiting.consultations == (PendingConsultation("张三", D(2021, 9, 17), D(2021, 10, 14)),)
    # Used before the pause: 9/14, 9/15, 9/16, 9/17 (the sending day still counts) = 4.
    assert (waiting.workdays_used, waiting.workdays_left) == (4, 16)
    # Answered Fri 10/8: excluded 9/18–10/8 = 9/18, 9/22, 9/23, 9/24, 9/26, 9/27, 9/28, 9/29, 9/30, 10/8 = 10
    # working days; 10/15 + 10 working days (10/18–22, 10/25–29) = Fri 10/29.
    answered = clock(cal, [SEP_13, sent, E("consultation_answered", D(2021, 10, 8), ref="张三")])
    assert answered.due == D(2021, 10, 29)
    assert answered.excluded == (ExcludedSpan(D(2021, 9, 18), D(2021, 10, 8), 10, ("consultation of 2021-09-17 (张三)",)),)
    assert answered.consultations == () and not answered.paused


def test_consultation_boundary_setting_excludes_the_sending_day_too(cal):
    events = [SEP_13, E("consultation_sent", D(2021, 9, 17)), E("consultation_answered", D(2021, 10, 8))]
    # Excluded 9/17–10/8: 11 working days; 10/15 + 11 = 10/18–22, 10/25–29, Mon 11/1.
    state = clock(cal, events, settings=ClockSettings(consultation_pause_starts="same_day"))
    assert state.due == D(2021, 11, 1)
    assert state.excluded[0].workdays == 11


def test_an_unanswered_consultation_lapses_after_its_15_working_days(cal):
    events = [SEP_13, E("consultation_sent", D(2021, 9, 17))]
    # The answer is due Thu 10/14: on that day the clock still waits.
    assert clock(cal, events, today=D(2021, 10, 14)).paused is True
    # From Fri 10/15 the consultation has lapsed: excluded 9/18–10/14 = its 15 working days;
    # 10/15 + 15 working days (10/18–22, 10/25–29, 11/1–5) = Fri 11/5.
    lapsed = clock(cal, events, today=D(2021, 10, 15))
    assert (lapsed.paused, lapsed.due, lapsed.consultations) == (False, D(2021, 11, 5), ())
    assert lapsed.excluded[0].workdays == 15
    # Recording the lapse gives the same date; a late answer excludes only up to its due date too.
    assert clock(cal, [*events, E("consultation_lapsed", D(2021, 10, 18))]).due == D(2021, 11, 5)
    assert clock(cal, [*events, E("consultation_answered", D(2021, 10, 20))]).due == D(2021, 11, 5)


def test_consultee_receipt_day_sets_the_answer_due_date(cal):
    # Sent Fri 9/17, the consultee signs for it Wed 9/22: 9/23 1, 9/24 2, 9/26 3, 9/27–30 4–7, 10/8 8,
    # 10/9 9, 10/11–15 10–14, Mon 10/18 15.
    state = clock(cal, [SEP_13, E("consultation_sent", D(2021, 9, 17), value=D(2021, 9, 22))])
    assert state.consultations[0].answer_due == D(2021, 10, 18)


def test_overlapping_consultations_exclude_the_union_of_their_spans(cal):
    events = [
        SEP_13,
        E("consultation_sent", D(2021, 9, 16), ref="third party"),  # excludes 9/17–9/23
        E("consultation_sent", D(2021, 9, 22), ref="市自然资源局"),  # excludes 9/23–9/29
        E("consultation_answered", D(2021, 9, 23), ref="third party"),
    ]
    # While the second one is open the clock still waits, since the day after the first one's sending.
    waiting = clock(cal, events, today=D(2021, 9, 27))
    assert (waiting.paused, waiting.paused_since, waiting.due) == (True, D(2021, 9, 17), None)
    assert [c.ref for c in waiting.consultations] == ["市自然资源局"]
    state = clock(cal, [*events, E("consultation_answered", D(2021, 9, 29), ref="市自然资源局")])
    # Union 9/17–9/29: 9/17, 9/18, 9/22, 9/23, 9/24, 9/26, 9/27, 9/28, 9/29 = 9 working days (adding the
    # two spans, 4 + 6, would count 9/23 twice). 10/15 + 9: 10/18–22, 10/25–28 → Thu 10/28.
    assert state.due == D(2021, 10, 28)
    assert [(s.first, s.last, s.workdays) for s in state.excluded] == [(D(2021, 9, 17), D(2021, 9, 29), 9)]


def test_a_consultation_after_the_due_date_excludes_nothing(cal):
    # Due Tue 10/19 (worked example); consulting from Wed 10/20 does not rescue a late case.
    events = [received(D(2021, 9, 15)), E("consultation_sent", D(2021, 10, 20)),
              E("consultation_answered", D(2021, 10, 25))]
    state = clock(cal, events, today=D(2021, 10, 26))
    assert (state.due, state.excluded, state.overdue) == (D(2021, 10, 19), (), True)
    assert state.workdays_left == -5  # 10/20, 10/21, 10/22, 10/25, 10/26
    # Sent on the due date itself: that day still counts as working day 20, so the pause starts too late.
    on_due_date = [received(D(2021, 9, 15)), E("consultation_sent", D(2021, 10, 19)),
                   E("consultation_answered", D(2021, 10, 22))]
    assert clock(cal, on_due_date).due == D(2021, 10, 19)
    # Sent the day before (Mon 10/18, day 19): one day remains after the answer on Fri 10/22 → Mon 10/25.
    day_before = [received(D(2021, 9, 15)), E("consultation_sent", D(2021, 10, 18)),
                  E("consultation_answered", D(2021, 10, 22))]
    assert clock(cal, day_before).due == D(2021, 10, 25)


# --- extension -----------------------------------------------------------------------------------

def test_extension_adds_working_days(cal):
    events = [received(D(2021, 9, 15)), E("extended", D(2021, 10, 18), value=20)]
    # 10/19 + 20 working days: 10/20 1, 10/21 2, 10/22 3, 10/25–29 4–8, 11/1–5 9–13, 11/8–12 14–18,
    # 11/15 19, Tue 11/16 20.
    state = clock(cal, events, today=D(2021, 10, 20))
    assert (state.due, state.budget, state.extension) == (D(2021, 11, 16), 40, 20)
    assert (state.workdays_used, state.workdays_left) == (21, 19)
    # Recorded on the due date itself is still in time.
    assert clock(cal, [received(D(2021, 9, 15)), E("extended", D(2021, 10, 19), value=5)]).due == D(2021, 10, 26)


def test_extension_during_a_consultation_adds_to_the_paused_period(cal):
    # Paused since 9/17 (sent 9/17, 4 days used); +10 extension; answered 10/8 (10 excluded, as above):
    # 10/29 + 10 working days = 11/1–5, 11/8–12 → Fri 11/12.
    events = [SEP_13, E("consultation_sent", D(2021, 9, 17)), E("extended", D(2021, 9, 30), value=10),
              E("consultation_answered", D(2021, 10, 8))]
    assert clock(cal, events).due == D(2021, 11, 12)


# --- fees ------------------------------------------------------------------------------------------

FEE_EVENTS = [SEP_13, E("fee_notice_sent", D(2021, 9, 27), value=D(2021, 9, 28))]


def test_fee_notice_pauses_the_clock_until_payment(cal):
    # Payment due 20 working days from the day after the notice arrived (Tue 9/28): 9/29 1, 9/30 2, 10/8 3,
    # 10/9 (make-up) 4, 10/11–15 5–9, 10/18–22 10–14, 10/25–29 15–19, Mon 11/1 20.
    waiting = clock(cal, FEE_EVENTS, today=D(2021, 10, 12))
    assert (waiting.paused, waiting.pause_reason, waiting.paused_since, waiting.fee_payment_due, waiting.due) == (
        True, "fee", D(2021, 9, 27), D(2021, 11, 1), None)
    # Used before the notice: 9/14–9/17, 9/18, 9/22–9/24, 9/26 = 9 (the sending day is paused).
    assert waiting.workdays_used == 9
    # Paid Sat 10/9 (make-up day): paused 9/27–10/9 = 9/27, 9/28, 9/29, 9/30, 10/8, 10/9 = 6 working days;
    # 10/15 + 6 = 10/18–22, Mon 10/25.
    paid = clock(cal, [*FEE_EVENTS, E("fee_paid", D(2021, 10, 9))])
    assert (paid.due, paid.fee_payment_due, paid.paused) == (D(2021, 10, 25), None, False)
    assert paid.excluded[0].workdays == 6


def test_unpaid_fee_closes_the_case_after_its_due_date(cal):
    assert clock(cal, FEE_EVENTS, today=D(2021, 11, 1)).abandoned_as is None
    assert clock(cal, FEE_EVENTS, today=D(2021, 11, 2)).abandoned_as == FEE_UNPAID


def test_fee_pause_can_be_switched_off(cal):
    state = clock(cal, FEE_EVENTS, settings=ClockSettings(fee_pause=False), today=D(2021, 10, 12))
    assert (state.paused, state.due, state.fee_payment_due) == (False, D(2021, 10, 15), D(2021, 11, 1))


# --- Art 35 ----------------------------------------------------------------------------------------

def test_art_35_deadline_replaces_the_computed_one(cal):
    events = [received(D(2021, 9, 15)),
              E("deadline_set", D(2021, 10, 11), value=D(2021, 11, 30), note="300 applications in one month")]
    state = clock(cal, events, today=D(2021, 11, 29))
    assert (state.due, state.deadline_set) == (D(2021, 11, 30), D(2021, 11, 30))
    assert state.workdays_left == 1  # only 11/30 remains
    # A later consultation pauses the work but does not move the date set.
    later = [*events, E("consultation_sent", D(2021, 11, 1)), E("consultation_answered", D(2021, 11, 10))]
    assert clock(cal, later).due == D(2021, 11, 30)
    assert clock(cal, [*later, E("replied", D(2021, 12, 1))]).late is True


# --- the explanation ---------------------------------------------------------------------------------

def test_explanation_lists_start_spans_holidays_and_the_date(cal):
    events = [SEP_13, E("consultation_sent", D(2021, 9, 17), ref="张三"),
              E("consultation_answered", D(2021, 10, 8), ref="张三"), E("extended", D(2021, 10, 20), value=5)]
    with override("en"):
        lines = clock(cal, events, today=D(2021, 10, 21)).explanation
    text = "\n".join(lines)
    assert lines[0].startswith("Received on 2021-09-13 (Monday)")
    assert "Excluded from the period: 2021-09-18 to 2021-10-08, 10 working days" in text
    assert "Extended on 2021-10-20 by 5 working days" in text
    assert "国庆节 2021-10-01–2021-10-07" in text
    # 10/29 + 5 = 11/1–11/5 → due Fri 11/5.
    assert "Reply due on 2021-11-05 (Friday): 20 + 5 working days from 2021-09-13" in text
    assert "not counting 10 excluded working days" in text
    # Used by 10/21: 4 before the pause, then 10/9, 10/11–15, 10/18–21 = 10 → 14 used, 25 − 14 = 11 left.
    assert lines[-1] == "On 2021-10-21: 14 working days used, 11 left."


def test_explanation_shows_the_restart(cal):
    with override("en"):
        lines = clock(cal, [*NATIONAL_DAY_CORRECTION, E("correction_received", D(2021, 10, 8))]).explanation
    assert any(line.startswith("Correction notice sent on 2021-09-29") for line in lines)
    assert any(line.startswith("Correction received on 2021-10-08 (Friday): the period restarts") for line in lines)
    assert "Reply due on 2021-11-04 (Thursday)" in lines[-1]


# --- settings and missing calendar years -----------------------------------------------------------

def test_settings_come_from_django_settings(cal, settings):
    settings.GONGKAI_FOI_COUNT_FROM = "same_day"
    settings.GONGKAI_FOI_CORRECTION_DAYS = 10
    assert compute_clock([received(D(2021, 9, 15))], calendar=cal).due == D(2021, 10, 18)
    assert ClockSettings().correction_days == 10


@pytest.mark.parametrize("bad", [{"count_from": "tomorrow"}, {"correction_days": 0}, {"fee_pause": "yes"},
                                 {"max_extension_days": True}])
def test_bad_settings_are_refused(bad):
    with pytest.raises(ImproperlyConfigured):
        ClockSettings(**bad)


def test_missing_calendar_year_propagates_with_the_year():
    only_2021 = package_calendar([2021])
    # Received Thu 2021-12-16: 12/17 1, 12/20–24 2–6, 12/27–31 7–11; day 12 lies in 2022.
    with pytest.raises(CalendarYearMissing) as raised:
        compute_clock([received(D(2021, 12, 16))], calendar=only_2021, settings=ClockSettings())
    assert raised.value.year == 2022


# --- refusals ---------------------------------------------------------------------------------------

def refused(cal, events):
    with pytest.raises(ClockError) as raised:
        clock(cal, events)
    return raised.value


def test_a_second_correction_notice_is_refused(cal):
    error = refused(cal, [*NATIONAL_DAY_CORRECTION, E("correction_received", D(2021, 10, 8)),
                          E("correction_requested", D(2021, 10, 11))])
    assert error.event.day == D(2021, 10, 11)


def test_a_correction_notice_after_the_7th_working_day_is_refused(cal):
    # Received Wed 9/22: the 7th working day is Thu 9/30; Fri 10/8 is the 8th.
    assert clock(cal, [received(D(2021, 9, 22)), E("correction_requested", D(2021, 9, 30))]).paused
    error = refused(cal, [received(D(2021, 9, 22)), E("correction_requested", D(2021, 10, 8))])
    with override("en"):
        assert "by 2021-09-30" in str(error)


def test_a_correction_notice_after_other_steps_is_refused(cal):
    refused(cal, [SEP_13, E("consultation_sent", D(2021, 9, 14)), E("correction_requested", D(2021, 9, 15))])


def test_nothing_but_the_correction_or_a_reply_while_waiting_for_it(cal):
    refused(cal, [*NATIONAL_DAY_CORRECTION, E("consultation_sent", D(2021, 10, 8))])
    refused(cal, [*NATIONAL_DAY_CORRECTION, E("extended", D(2021, 10, 8), value=5)])
    refused(cal, [received(D(2021, 9, 22)), E("correction_received", D(2021, 9, 23))])


@pytest.mark.parametrize("value", [21, 0, -3, 2.5, None, True])
def test_an_extension_outside_1_to_20_working_days_is_refused(cal, value):
    refused(cal, [received(D(2021, 9, 15)), E("extended", D(2021, 10, 1), value=value)])


def test_an_extension_after_the_deadline_or_twice_is_refused(cal):
    # Due Tue 10/19: Wed 10/20 is too late.
    error = refused(cal, [received(D(2021, 9, 15)), E("extended", D(2021, 10, 20), value=10)])
    with override("en"):
        assert "2021-10-19" in str(error)
    refused(cal, [received(D(2021, 9, 15)), E("extended", D(2021, 10, 8), value=10),
                  E("extended", D(2021, 10, 11), value=10)])
    # With a smaller maximum set, 15 is too many.
    with pytest.raises(ClockError):
        compute_clock([received(D(2021, 9, 15)), E("extended", D(2021, 10, 8), value=15)], calendar=cal,
                      settings=ClockSettings(max_extension_days=10))


def test_events_out_of_order_are_refused(cal):
    refused(cal, [received(D(2021, 9, 15)), E("consultation_sent", D(2021, 9, 20)),
                  E("consultation_answered", D(2021, 9, 18))])
    refused(cal, [E("consultation_sent", D(2021, 9, 14)), received(D(2021, 9, 15))])  # before the receipt
    refused(cal, [received(D(2021, 9, 15)), received(D(2021, 9, 16))])
    refused(cal, [received(D(2021, 9, 15)), E("replied", D(2021, 9, 20)), E("extended", D(2021, 9, 21), value=5)])
    refused(cal, [received(D(2021, 9, 15)), E("consultation_answered", D(2021, 9, 20))])
    refused(cal, [received(D(2021, 9, 15)), E("fee_paid", D(2021, 9, 20))])
    refused(cal, [])


def test_malformed_events_are_refused(cal):
    refused(cal, [E("received", datetime.datetime(2021, 9, 15, 10, 0))])
    refused(cal, [E("recieved", D(2021, 9, 15))])
    refused(cal, [received(D(2021, 9, 15)), E("replied", D(2021, 9, 20), value=3)])
    refused(cal, [received(D(2021, 9, 15)), E("fee_notice_sent", D(2021, 9, 20), value=D(2021, 9, 19))])


def test_consultation_refusals(cal):
    sent = [SEP_13, E("consultation_sent", D(2021, 9, 14), ref="a"), E("consultation_sent", D(2021, 9, 15), ref="b")]
    refused(cal, [*sent, E("consultation_answered", D(2021, 9, 16))])  # which one?
    refused(cal, [*sent, E("consultation_answered", D(2021, 9, 16), ref="c")])
    refused(cal, [SEP_13, E("consultation_sent", D(2021, 9, 14), ref="a"), E("consultation_sent", D(2021, 9, 15), ref="a")])
    # Sent Tue 9/14, its answer is due on its 15th working day; lapsing on that day is refused.
    due = clock(cal, sent[:2]).consultations[0].answer_due
    refused(cal, [*sent[:2], E("consultation_lapsed", due)])


def test_art_35_refusals(cal):
    # Due Tue 10/19: a "later" date must be after it, and a reason is required.
    refused(cal, [received(D(2021, 9, 15)), E("deadline_set", D(2021, 10, 8), value=D(2021, 10, 19), note="x")])
    refused(cal, [received(D(2021, 9, 15)), E("deadline_set", D(2021, 10, 8), value=D(2021, 11, 30), note=" ")])
    refused(cal, [received(D(2021, 9, 15)), E("deadline_set", D(2021, 10, 8), value=D(2021, 11, 30), note="x"),
                  E("extended", D(2021, 10, 11), value=5)])


def test_a_second_fee_notice_is_refused(cal):
    refused(cal, [*FEE_EVENTS, E("fee_paid", D(2021, 10, 9)), E("fee_notice_sent", D(2021, 10, 11))])


def test_today_before_the_receipt_is_refused_and_later_events_are_left_out(cal):
    refused_today = pytest.raises(ClockError)
    with refused_today:
        clock(cal, [received(D(2021, 9, 15))], today=D(2021, 9, 14))
    # As of 9/25 the consultation answered on 10/8 is still open.
    events = [SEP_13, E("consultation_sent", D(2021, 9, 17)), E("consultation_answered", D(2021, 10, 8))]
    assert clock(cal, events, today=D(2021, 9, 25)).paused is True
