import datetime

import pytest

from gongkai.plans.importing.deadlines import Deadline, parse_deadline

D = datetime.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9月底", D(2021, 9, 30)),
        ("12月底", D(2021, 12, 31)),
        ("2月底", D(2021, 2, 28)),
        ("6月末", D(2021, 6, 30)),
        ("九月底", D(2021, 9, 30)),
        ("十二月底", D(2021, 12, 31)),
        ("9月30日前", D(2021, 9, 30)),
        ("6月15日", D(2021, 6, 15)),
        ("6月15号前", D(2021, 6, 15)),
        ("年底前", D(2021, 12, 31)),
        ("年内", D(2021, 12, 31)),
        ("年底", D(2021, 12, 31)),
        ("全年", D(2021, 12, 31)),
        ("上半年", D(2021, 6, 30)),
        ("下半年", D(2021, 12, 31)),
        ("第一季度", D(2021, 3, 31)),
        ("第二季度", D(2021, 6, 30)),
        ("3季度", D(2021, 9, 30)),
        ("第4季度", D(2021, 12, 31)),
        ("一季度末", D(2021, 3, 31)),
        ("第一季度末", D(2021, 3, 31)),
        ("2021年9月30日", D(2021, 9, 30)),
        ("2021年9月底", D(2021, 9, 30)),
        ("2022年3月底前", D(2022, 3, 31)),
        ("2021年底", D(2021, 12, 31)),
        ("2021-09-30", D(2021, 9, 30)),
        ("  9月底 \n", D(2021, 9, 30)),
        ("9 月 底", D(2021, 9, 30)),
        ("９月底", D(2021, 9, 30)),  # full-width digit
    ],
)
def test_dates(text, expected):
    deadline = parse_deadline(text, 2021)
    assert (deadline.kind, deadline.date, deadline.recognised) == ("date", expected, True)
    assert deadline.text == " ".join(text.split())


def test_leap_year_uses_the_plan_year():
    assert parse_deadline("2月底", 2024).date == D(2024, 2, 29)
    assert parse_deadline("2月29日", 2024).date == D(2024, 2, 29)


@pytest.mark.parametrize("text", ["持续推进", "长期坚持", "常态化", "长期", "持续开展"])
def test_ongoing(text):
    assert parse_deadline(text, 2021) == Deadline(text, "ongoing", None, None, True)


@pytest.mark.parametrize(
    ("text", "rule"),
    [("每月", "monthly"), ("每季度", "quarterly"), ("每半年", "half-yearly"), ("每年", "yearly")],
)
def test_recurring(text, rule):
    assert parse_deadline(text, 2021) == Deadline(text, "recurring", None, rule, True)


@pytest.mark.parametrize("text", ["", "   ", "\t"])
def test_empty_is_none_and_recognised(text):
    assert parse_deadline(text, 2021) == Deadline("", "none", None, None, True)


@pytest.mark.parametrize("text", ["2月30日", "2月29日", "13月底", "第五季度", "随时", "底", "9月32日", "另行通知"])
def test_unrecognised_is_kept_as_text(text):
    deadline = parse_deadline(text, 2021)
    assert (deadline.text, deadline.kind, deadline.date, deadline.recognised) == (text, "none", None, False)


def test_without_a_year_month_expressions_have_no_date():
    deadline = parse_deadline("9月底", None)
    assert (deadline.kind, deadline.date, deadline.recognised) == ("date", None, True)
    assert parse_deadline("2021年9月底", None).date == D(2021, 9, 30)
    assert not parse_deadline("2月30日", None).recognised
