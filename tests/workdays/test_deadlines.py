"""Deadline arithmetic: rules.md's worked example, holiday crossings, counting, explanations, missing years."""

import datetime

import pytest

from gongkai.workdays.calendar import CalendarYearMissing, CountFrom, WorkCalendar

D = datetime.date


def test_worked_example_of_rules_md(calendar_2021_2026):
    cal = calendar_2021_2026
    received = D(2021, 9, 15)  # Wednesday
    # 9/16 Thu 1, 9/17 Fri 2, 9/18 Sat (make-up) 3, 9/19–21 中秋节, 9/22 4, 9/23 5, 9/24 6, 9/25 Sat skipped,
    # 9/26 Sun (make-up) 7.
    assert cal.add_workdays(received, 7) == D(2021, 9, 26)
    # 9/27–9/30 are 8–11, 10/1–7 国庆节, 10/8 Fri 12, 10/9 Sat (make-up) 13, 10/11–15 14–18, 10/18 19, 10/19 20.
    assert cal.add_workdays(received, 20) == D(2021, 10, 19)
    # Counting the receipt day as day 1 ends one working day earlier.
    assert cal.add_workdays(received, 20, count_from=CountFrom.SAME_DAY) == D(2021, 10, 18)
    assert cal.add_workdays(received, 20, count_from="same_day") == D(2021, 10, 18)


def test_deadline_across_national_day_2021(calendar_2021_2026):
    # From Tue 9/28: 9/29 1, 9/30 2, 10/1–7 skipped, 10/8 3, 10/9 Sat (make-up) 4, 10/11–15 5–9,
    # 10/18–22 10–14, 10/25–29 15–19, Mon 11/1 20.
    assert calendar_2021_2026.add_workdays(D(2021, 9, 28), 20) == D(2021, 11, 1)
    # Received during the holiday (Sat 10/2): 10/8 is day 1, 10/9 day 2, 10/11 day 3.
    assert calendar_2021_2026.add_workdays(D(2021, 10, 2), 3) == D(2021, 10, 11)
    assert calendar_2021_2026.add_workdays(D(2021, 10, 2), 3, count_from=CountFrom.SAME_DAY) == D(2021, 10, 11)


def test_deadline_across_spring_festival_2026(calendar_2021_2026):
    cal = calendar_2021_2026
    # From Wed 2/11: 2/12 1, 2/13 2, Sat 2/14 (make-up) 3, 2/15–2/23 春节, 2/24 4, 2/25 5, 2/26 6, 2/27 7.
    assert cal.add_workdays(D(2026, 2, 11), 7) == D(2026, 2, 27)
    # … Sat 2/28 (make-up) 8, 3/2–3/6 9–13, 3/9–3/13 14–18, 3/16 19, Tue 3/17 20.
    assert cal.add_workdays(D(2026, 2, 11), 20) == D(2026, 3, 17)
    # Weekdays alone would give Tue 3/10: the calendar must not.
    assert cal.add_workdays(D(2026, 2, 11), 20) != D(2026, 3, 10)


def test_zero_days_and_next_workday(calendar_2021_2026):
    cal = calendar_2021_2026
    assert cal.add_workdays(D(2021, 10, 8), 0) == D(2021, 10, 8)  # a working day is its own day 0
    assert cal.add_workdays(D(2021, 10, 1), 0) == D(2021, 10, 8)  # a holiday moves to the next working day
    assert cal.next_workday(D(2021, 10, 8)) == D(2021, 10, 9)  # strictly after; Saturday 10/9 is make-up
    assert cal.next_workday(D(2021, 9, 30)) == D(2021, 10, 8)
    assert cal.add_workdays(D(2021, 9, 30), 1) == cal.next_workday(D(2021, 9, 30))


def test_deadline_crossing_new_year(calendar_2021_2026):
    # From Wed 2025-12-31: 2026-01-01–03 元旦, Sun 1/4 (make-up) 1, 1/5 2, 1/6 3.
    assert calendar_2021_2026.add_workdays(D(2025, 12, 31), 3) == D(2026, 1, 6)


def test_count_workdays_counts_the_days_after_a_up_to_and_including_b(calendar_2021_2026):
    cal = calendar_2021_2026
    assert cal.count_workdays(D(2021, 9, 15), D(2021, 10, 19)) == 20
    assert cal.count_workdays(D(2021, 9, 15), D(2021, 9, 15)) == 0
    assert cal.count_workdays(D(2021, 9, 30), D(2021, 10, 8)) == 1  # only 10/8; 9/30 itself is excluded
    assert cal.count_workdays(D(2021, 9, 29), D(2021, 10, 8)) == 2  # 9/30 and 10/8
    assert cal.count_workdays(D(2021, 10, 1), D(2021, 10, 7)) == 0
    assert cal.count_workdays(D(2021, 10, 19), D(2021, 9, 15)) == -20
    assert cal.count_workdays(D(2025, 12, 31), D(2026, 1, 5)) == 2  # 1/4 (make-up Sunday) and 1/5
    assert cal.count_workdays(D(2020, 12, 31), D(2021, 12, 31)) == 250  # 365 − 104 weekend days − 18 weekday holidays + 7 make-up days
    for start in (D(2021, 9, 15), D(2026, 2, 11), D(2021, 2, 10)):
        for n in (1, 7, 20, 40):
            assert cal.count_workdays(start, cal.add_workdays(start, n)) == n


def test_explanation_lists_skipped_holidays_by_name(calendar_2021_2026):
    explanation = calendar_2021_2026.explain_add(D(2021, 9, 28), 20)
    assert explanation.result == D(2021, 11, 1)
    assert explanation.steps[0].date == D(2021, 9, 28) and explanation.steps[0].number is None
    assert explanation.steps[-1].date == D(2021, 11, 1) and explanation.steps[-1].number == 20
    holidays = [(s.date, s.name) for s in explanation.skipped if s.kind == "holiday"]
    assert holidays == [(D(2021, 10, d), "国庆节") for d in range(1, 8)]
    assert [s.date for s in explanation.makeup_days_counted] == [D(2021, 10, 9)]
    weekends = [s.date for s in explanation.skipped if s.kind == "weekend"]
    assert D(2021, 10, 10) in weekends and D(2021, 10, 9) not in weekends
    lines = explanation.lines()
    assert len(lines) == len(explanation.steps) + 2
    assert any("2021-10-01" in line and "国庆节" in line for line in lines)
    assert "2021-11-01" in lines[-1]


def test_explanation_with_same_day_counting(calendar_2021_2026):
    explanation = calendar_2021_2026.explain_add(D(2021, 9, 15), 20, count_from=CountFrom.SAME_DAY)
    assert explanation.steps[0].number == 1
    assert explanation.result == D(2021, 10, 18)


def test_a_year_not_loaded_is_an_error_never_a_guess(calendar_2021_2026):
    cal = calendar_2021_2026
    with pytest.raises(CalendarYearMissing) as error:
        cal.is_workday(D(2027, 1, 4))
    assert error.value.year == 2027 and "2027" in str(error.value)
    with pytest.raises(CalendarYearMissing, match="2019"):
        cal.is_workday(D(2019, 6, 3))  # before the fixture's first year
    # December 2026 has only 9 working days after Sunday 12/20: day 20 lies in 2027.
    with pytest.raises(CalendarYearMissing, match="2027"):
        cal.add_workdays(D(2026, 12, 20), 20)
    with pytest.raises(CalendarYearMissing, match="2027"):
        cal.count_workdays(D(2026, 12, 1), D(2027, 1, 10))
    with pytest.raises(CalendarYearMissing, match="2027"):
        cal.explain_add(D(2026, 12, 20), 20)
    # Up to the last day of the known year is fine.
    assert cal.add_workdays(D(2026, 12, 20), 9) == D(2026, 12, 31)


def test_a_gap_between_known_years_is_an_error():
    cal = WorkCalendar(years=[2021, 2023])
    with pytest.raises(CalendarYearMissing, match="2022"):
        cal.add_workdays(D(2021, 12, 30), 5)


def test_plain_data_calendar_and_bad_input():
    # A toy year: Friday 2027-01-01 a holiday, Saturday 2027-01-09 a make-up day.
    cal = WorkCalendar(years=[2027], holidays={D(2027, 1, 1): "元旦"}, workdays=[D(2027, 1, 9)])
    assert cal.add_workdays(D(2026 + 1, 1, 1), 1) == D(2027, 1, 4)
    assert cal.add_workdays(D(2027, 1, 8), 1) == D(2027, 1, 9)
    with pytest.raises(TypeError):
        cal.is_workday(datetime.datetime(2027, 1, 4, 9, 0))
    with pytest.raises(ValueError):
        cal.add_workdays(D(2027, 1, 4), -1)
    with pytest.raises(ValueError):
        cal.add_workdays(D(2027, 1, 4), 1, count_from="whenever")
    with pytest.raises(ValueError):
        WorkCalendar(years=[2027], holidays=[D(2027, 1, 9)], workdays=[D(2027, 1, 9)])
    with pytest.raises(ValueError):
        WorkCalendar(years=[2027], holidays=[D(2028, 1, 1)])


def test_stored_calendar_shortcuts(calendar_2021_2026):
    from gongkai.workdays import calendar

    assert calendar.add_workdays(D(2021, 9, 15), 20) == D(2021, 10, 19)
    assert calendar.count_workdays(D(2021, 9, 15), D(2021, 10, 19)) == 20
    assert calendar.is_workday(D(2021, 10, 9))
    assert calendar.next_workday(D(2021, 9, 30)) == D(2021, 10, 8)
    assert calendar.explain_add(D(2021, 9, 15), 7).result == D(2021, 9, 26)
