"""The 2021 and 2026 calendars day by day against the State Council notices (rules.md §1.1)."""

import datetime

import pytest

from gongkai.workdays.calendar import DayKind

D = datetime.date


def days(first, last):
    return [first + datetime.timedelta(days=i) for i in range((last - first).days + 1)]


def whole_year(year):
    return days(D(year, 1, 1), D(year, 12, 31))


# 国办发明电〔2020〕27号
HOLIDAYS_2021 = {
    *days(D(2021, 1, 1), D(2021, 1, 3)),  # 元旦
    *days(D(2021, 2, 11), D(2021, 2, 17)),  # 春节
    *days(D(2021, 4, 3), D(2021, 4, 5)),  # 清明节
    *days(D(2021, 5, 1), D(2021, 5, 5)),  # 劳动节
    *days(D(2021, 6, 12), D(2021, 6, 14)),  # 端午节
    *days(D(2021, 9, 19), D(2021, 9, 21)),  # 中秋节
    *days(D(2021, 10, 1), D(2021, 10, 7)),  # 国庆节
}
MAKEUP_2021 = {D(2021, 2, 7), D(2021, 2, 20), D(2021, 4, 25), D(2021, 5, 8), D(2021, 9, 18), D(2021, 9, 26), D(2021, 10, 9)}

HOLIDAYS_2026 = {
    *days(D(2026, 1, 1), D(2026, 1, 3)),
    *days(D(2026, 2, 15), D(2026, 2, 23)),
    *days(D(2026, 4, 4), D(2026, 4, 6)),
    *days(D(2026, 5, 1), D(2026, 5, 5)),
    *days(D(2026, 6, 19), D(2026, 6, 21)),
    *days(D(2026, 9, 25), D(2026, 9, 27)),
    *days(D(2026, 10, 1), D(2026, 10, 7)),
}
MAKEUP_2026 = {D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20), D(2026, 10, 10)}


@pytest.mark.parametrize("year, holidays, makeup", [(2021, HOLIDAYS_2021, MAKEUP_2021), (2026, HOLIDAYS_2026, MAKEUP_2026)])
def test_every_day_of_the_year_matches_the_notice(calendar_2021_2026, year, holidays, makeup):
    for day in holidays:
        assert not calendar_2021_2026.is_workday(day), day
    for day in makeup:
        assert day.weekday() >= 5, f"{day} is not a weekend day: the expected list is wrong"
        assert calendar_2021_2026.is_workday(day), day
    # Every other day follows the week: this covers the ordinary days around each block.
    wrong = [
        day for day in whole_year(year)
        if calendar_2021_2026.is_workday(day) != (day in makeup or (day.weekday() < 5 and day not in holidays))
    ]
    assert wrong == []


def test_days_around_national_day_2021(calendar_2021_2026):
    cal = calendar_2021_2026
    assert cal.is_workday(D(2021, 9, 30))  # Thursday before the holiday
    assert not cal.is_workday(D(2021, 10, 1))  # Friday, holiday
    assert cal.is_workday(D(2021, 10, 8))  # Friday after
    assert cal.is_workday(D(2021, 10, 9))  # Saturday, make-up
    assert not cal.is_workday(D(2021, 10, 10))  # an ordinary Sunday
    assert not cal.is_workday(D(2021, 10, 16))  # an ordinary Saturday
    assert cal.is_workday(D(2021, 10, 11))  # an ordinary Monday


def test_days_around_spring_festival_2026(calendar_2021_2026):
    cal = calendar_2021_2026
    assert cal.is_workday(D(2026, 2, 13))  # Friday before
    assert cal.is_workday(D(2026, 2, 14))  # Saturday, make-up
    assert not cal.is_workday(D(2026, 2, 16))  # Monday, holiday
    assert not cal.is_workday(D(2026, 2, 23))  # Monday, last holiday
    assert cal.is_workday(D(2026, 2, 24))
    assert not cal.is_workday(D(2026, 2, 22))  # Sunday inside the block
    assert cal.is_workday(D(2026, 2, 28))  # Saturday, make-up
    assert not cal.is_workday(D(2026, 3, 1))  # ordinary Sunday


def test_day_kinds_carry_the_notice_names(calendar_2021_2026):
    assert calendar_2021_2026.day_kind(D(2021, 10, 1)) == (DayKind.HOLIDAY, "国庆节")
    assert calendar_2021_2026.day_kind(D(2021, 9, 20)) == (DayKind.HOLIDAY, "中秋节")
    assert calendar_2021_2026.day_kind(D(2021, 10, 9)) == (DayKind.MAKEUP_WORKDAY, "国庆节调休")
    assert calendar_2021_2026.day_kind(D(2021, 10, 16)) == (DayKind.WEEKEND, "")
    assert calendar_2021_2026.day_kind(D(2021, 10, 15)) == (DayKind.WORKDAY, "")


def test_the_2021_notice_number_is_recorded(calendar_2021_2026):
    from gongkai.workdays.models import CalendarYear

    year = CalendarYear.objects.get(year=2021)
    assert year.notice == "国办发明电〔2020〕27号"
    assert year.source == CalendarYear.Source.PACKAGE
    assert year.special_days.filter(kind="workday").count() == 7
