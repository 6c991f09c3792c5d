"""Loading years: from the package, from an administrator's notice, the text format, the cache, the banner."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.events.models import Event
from gongkai.workdays import services
from gongkai.workdays.calendar import CalendarYearMissing, WorkCalendar
from gongkai.workdays.models import CalendarYear, SpecialDay
from gongkai.workdays.notice_format import NoticeFormatError, decode, parse_notice_text
from gongkai.workdays.status import missing_next_year_warning

D = datetime.date

# A made-up 2027 notice: the real one is not published yet. 2027-01-01 is a Friday.
NOTICE_2027 = """\
# 国务院办公厅关于2027年部分节假日安排的通知 (test data)
date,kind,name
2027-01-01~2027-01-03,holiday,元旦
2027-02-05 ， 休 ， 春节
2027-02-06,workday,春节调休
"""


def load_2027(actor=None, **overrides):
    parsed = parse_notice_text(NOTICE_2027)
    arguments = {"year": 2027, "notice": "国办发明电〔2026〕99号", "holidays": parsed.holidays, "workdays": parsed.workdays}
    return services.load_year_from_notice(actor=actor, **{**arguments, **overrides})


def test_parser_reads_ranges_comments_and_chinese_commas():
    parsed = parse_notice_text(NOTICE_2027)
    assert parsed.holidays == [(D(2027, 1, 1), "元旦"), (D(2027, 1, 2), "元旦"), (D(2027, 1, 3), "元旦"), (D(2027, 2, 5), "春节")]
    assert parsed.workdays == [(D(2027, 2, 6), "春节调休")]
    assert parsed.years == [2027]


def test_parser_reports_every_bad_line_with_its_number():
    with pytest.raises(NoticeFormatError) as error:
        parse_notice_text("2027-01-01,holiday,元旦\n2027-13-01,holiday,x\n2027-02-06,rest,春节\njust text\n2027-10-07~2027-10-01,holiday,国庆节")
    problems = error.value.problems
    assert len(problems) == 4
    for line_number, problem in zip((2, 3, 4, 5), problems):
        assert str(line_number) in problem
    assert "2027-13-01" in problems[0] and "rest" in problems[1]
    with pytest.raises(NoticeFormatError):
        parse_notice_text("# only a comment\n")
    with pytest.raises(NoticeFormatError):
        decode(b"x" * 70_000)
    assert decode("2027-01-01,休,元旦".encode("gb18030")) == "2027-01-01,休,元旦"


def test_package_years_load_once_and_are_idempotent(db):
    assert services.ensure_package_years(years=range(2021, 2023)) == [2021, 2022]
    assert services.ensure_package_years(years=range(2021, 2023)) == []
    assert list(CalendarYear.objects.values_list("year", flat=True)) == [2021, 2022]
    event = Event.objects.filter(verb="calendar.year_loaded").first()
    assert event is not None and event.data["year"] in (2021, 2022)


def test_package_cannot_supply_a_year_it_does_not_cover(db):
    with pytest.raises(ValidationError, match="2027"):
        services.load_year_from_package(actor=None, year=2027)


def test_reloading_a_year_needs_replace(calendar_2021_2026):
    with pytest.raises(ValidationError):
        services.load_year_from_package(actor=None, year=2021)
    services.load_year_from_package(actor=None, year=2021, replace=True)
    assert SpecialDay.objects.filter(calendar_year__year=2021).count() == 31 + 7


def test_a_manual_notice_makes_its_year_computable(calendar_2021_2026, calendar_admin):
    with pytest.raises(CalendarYearMissing):
        WorkCalendar.from_db().add_workdays(D(2026, 12, 31), 1)
    year = load_2027(actor=calendar_admin)
    assert (year.source, year.loaded_by, year.notice) == ("manual", calendar_admin, "国办发明电〔2026〕99号")
    cal = WorkCalendar.from_db()  # the cache was invalidated by the load
    # From Thu 2026-12-31: 2027-01-01–03 元旦, Mon 1/4 is day 1.
    assert cal.add_workdays(D(2026, 12, 31), 1) == D(2027, 1, 4)
    assert not cal.is_workday(D(2027, 2, 5)) and cal.is_workday(D(2027, 2, 6))
    event = Event.objects.about(year).get()
    assert event.verb == "calendar.year_loaded" and event.actor == calendar_admin
    assert event.data["workdays"] == ["2027-02-06"]


@pytest.mark.parametrize("holidays, workdays, needle", [
    ([(D(2026, 12, 31), "元旦")], [], "2026-12-31"),  # outside the year
    ([(D(2027, 1, 1), "元旦")], [D(2027, 1, 4)], "2027-01-04"),  # a Monday cannot be a make-up day
    ([(D(2027, 2, 6), "春节")], [D(2027, 2, 6)], "2027-02-06"),  # both holiday and make-up day
    ([(D(2027, 1, 1), "")], [], "2027-01-01"),  # a holiday needs its name
    ([], [D(2027, 2, 6)], None),  # a notice without holidays
])
def test_manual_notice_validation(db, holidays, workdays, needle):
    with pytest.raises(ValidationError) as error:
        services.load_year_from_notice(actor=None, year=2027, notice="国办发明电〔2026〕99号",
                                       holidays=holidays, workdays=workdays)
    if needle:
        assert any(needle in message for message in error.value.messages)
    assert not CalendarYear.objects.exists()


def test_manual_notice_needs_a_number_and_replace_for_a_loaded_year(calendar_2021_2026, calendar_admin):
    with pytest.raises(ValidationError):
        load_2027(notice="  ")
    load_2027()
    with pytest.raises(ValidationError, match="2027"):
        load_2027()
    replaced = load_2027(actor=calendar_admin, replace=True, workdays=[])
    assert replaced.special_days.filter(kind="workday").count() == 0
    assert not WorkCalendar.from_db().is_workday(D(2027, 2, 6))  # the make-up day is gone
    event = Event.objects.about(replaced).first()
    assert event.data["replaced"]["workdays"] == ["2027-02-06"]


def test_only_office_administrators_load_years(db, handler):
    with pytest.raises(PermissionDenied):
        services.load_year_from_package(actor=handler, year=2021)


def test_missing_next_year_warning(calendar_2021_2026):
    assert missing_next_year_warning(D(2026, 10, 31)) is None
    assert "2027" in missing_next_year_warning(D(2026, 11, 1))
    assert "2027" in missing_next_year_warning(D(2026, 12, 31))
    assert missing_next_year_warning(D(2025, 11, 15)) is None  # 2026 is loaded
    load_2027()
    assert missing_next_year_warning(D(2026, 11, 1)) is None
