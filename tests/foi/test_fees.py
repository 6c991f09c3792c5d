"""Information processing fees (rules.md §3): the schedules, the monthly count, waivers, payment, the CLI.

Amounts were worked out by hand from the 费用办法's bands; §3.2's worked examples are here verbatim.
Dates are pinned; the calendar is the 2021–2022 State Council notices as the chinesecalendar package
encodes them (2021: 国庆节 10/1–10/7, make-up days 9/18, 9/26, 10/9; 2022: 元旦 1/1–1/3).
"""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils.translation import override

from gongkai.foi import fees
from gongkai.foi.fees import Band, FeeError, FeeMethod, PaymentState
from gongkai.workdays import package
from gongkai.workdays.calendar import CalendarYearMissing, WorkCalendar

D = datetime.date


@pytest.fixture(scope="module")
def calendar():
    """2021 and 2022 from the package data, built without the database."""
    holidays, workdays = {}, {}
    for year in (2021, 2022):
        year_holidays, year_workdays = package.year_days(year)
        holidays.update(year_holidays)
        workdays.update(year_workdays)
    return WorkCalendar(years=[2021, 2022], holidays=holidays, workdays=workdays)


# --- 按件计收: the rate of the nth application in a month ------------------------------------------

@pytest.mark.parametrize("nth, yuan", [
    (1, 0), (10, 0),  # 1–10 free
    (11, 100), (30, 100),  # 11–30: 100
    (31, 200), (35, 200), (40, 200),  # 31–40: 200 (worked example 1: the 35th costs 200)
    (41, 300), (50, 300),  # each further block of 10: +100
    (51, 400), (100, 800), (101, 900),
    (1_000_000, 9_999_800),  # 200 + 99,996 blocks × 100: far out, still one line
])
def test_per_item_rate_at_every_boundary(nth, yuan):
    fee = fees.quote_per_item(nth)
    assert fee.amount == Decimal(yuan)
    assert isinstance(fee.amount, Decimal)
    assert fee.method == FeeMethod.PER_ITEM and fee.quantity == nth


@pytest.mark.parametrize("count, yuan", [
    (0, 0), (10, 0), (11, 100), (30, 2000), (31, 2200), (40, 4000), (41, 4300),
    (35, 3000),  # worked example 1: 10×0 + 20×100 + 5×200
    (45, 5500),  # 10×0 + 20×100 + 10×200 + 5×300
])
def test_per_item_month_totals(count, yuan):
    assert fees.quote_per_item_month(count).amount == Decimal(yuan)


def test_month_total_is_the_sum_of_each_application():
    running = Decimal(0)
    for n in range(1, 131):
        running += fees.quote_per_item(n).amount
        assert fees.quote_per_item_month(n).amount == running, n


def test_month_total_breakdown_of_45():
    lines = [(line.band.first, line.band.last, line.count, line.rate, line.subtotal)
             for line in fees.quote_per_item_month(45).lines]
    assert lines == [
        (1, 10, 10, 0, 0), (11, 30, 20, 100, 2000), (31, 40, 10, 200, 2000), (41, 50, 5, 300, 1500),
    ]


def test_one_application_has_one_line_naming_its_block():
    (line,) = fees.quote_per_item(35).lines
    assert (line.band.first, line.band.last, line.count, line.rate, line.subtotal) == (31, 40, 1, 200, 200)
    (far,) = fees.quote_per_item(1_000_000).lines
    assert (far.band.first, far.band.last, far.rate) == (999_991, 1_000_000, 9_999_800)


# --- 按量计收: progressive per page --------------------------------------------------------------

@pytest.mark.parametrize("pages, yuan", [
    (0, 0), (1, 0), (30, 0),
    (31, 10), (100, 700),  # 70 × 10
    (101, 720), (200, 2700),  # 700 + 100 × 20
    (201, 2740),  # 2700 + 40
    (250, 4700),  # worked example 2
    (2219, 83460),  # worked example 3: 700 + 2000 + 2019 × 40
])
def test_per_page_at_every_boundary(pages, yuan):
    assert fees.quote_per_page(pages).amount == Decimal(yuan)


def test_per_page_breakdown_of_250_pages():
    fee = fees.quote_per_page(250)
    rows = [(line.band.first, line.band.last, line.count, line.rate, line.subtotal) for line in fee.lines]
    assert rows == [(1, 30, 30, 0, 0), (31, 100, 70, 10, 700), (101, 200, 100, 20, 2000), (201, None, 50, 40, 2000)]
    with override("en"):
        assert fee.describe_lines() == [
            "pages 1–30: 30 × 0 yuan = 0 yuan",
            "pages 31–100: 70 × 10 yuan = 700 yuan",
            "pages 101–200: 100 × 20 yuan = 2000 yuan",
            "pages 201 and above: 50 × 40 yuan = 2000 yuan",
        ]


def test_quote_takes_exactly_one_method():
    assert fees.quote("per_item", 35).amount == 200
    assert fees.quote(FeeMethod.PER_PAGE, 35).amount == 50
    with pytest.raises(FeeError):
        fees.quote("both", 35)
    with pytest.raises(FeeError):
        fees.quote("per_item", 35, page_basis="A3 sheets counted as two pages")


# --- basis text ------------------------------------------------------------------------------------

def test_basis_names_the_rule_and_the_count():
    with override("en"):
        basis = fees.quote_per_item(35).basis
        assert "Article 4" in basis and "国办函〔2020〕109号" in basis and "no. 35" in basis
        per_page = fees.quote_per_page(250, page_basis="  12 A3 sheets counted as 24 pages ").basis
        assert "Article 5" in per_page and "250 pages" in per_page
        assert per_page.endswith("Pages counted as follows: 12 A3 sheets counted as 24 pages.")
        assert "1 page," in fees.quote_per_page(1).basis
        assert "Applications 1 to 35" in fees.quote_per_item_month(35).basis


# --- bad input -------------------------------------------------------------------------------------

@pytest.mark.parametrize("call, value", [
    (fees.quote_per_item, 0), (fees.quote_per_item, -3), (fees.quote_per_item, "35"),
    (fees.quote_per_item, True), (fees.quote_per_item, 3.0), (fees.quote_per_item, None),
    (fees.quote_per_page, -1), (fees.quote_per_page, fees.MAX_QUANTITY + 1),
    (fees.quote_per_item_month, -1),
])
def test_bad_quantities_are_refused_with_a_message(call, value):
    with override("en"), pytest.raises(FeeError, match="must|cannot"):
        call(value)


# --- the schedule is data --------------------------------------------------------------------------

@override_settings(GONGKAI_FOI_PER_ITEM_PROGRESSION=None)
def test_without_a_progression_the_open_band_is_flat():
    assert fees.quote_per_item(75).amount == 200
    assert fees.quote_per_item_month(45).amount == 2000 + 15 * 200


@override_settings(
    GONGKAI_FOI_PER_PAGE_BANDS=((1, 10, 0), (11, None, "0.5")),
    GONGKAI_FOI_PER_PAGE_PROGRESSION=(100, "0.25"),
)
def test_a_configured_schedule_with_fractions_of_a_yuan():
    # pages 11–110 at 0.50, 111–135 at 0.75
    fee = fees.quote_per_page(135)
    assert fee.amount == Decimal("68.75")
    assert fees.format_yuan(fee.amount) == "68.75"
    assert fees.format_yuan(Decimal("0.5")) == "0.50"


@pytest.mark.parametrize("bands, progression", [
    (((1, 10, 0), (12, None, 100)), None),  # gap
    (((2, None, 0),), None),  # not from 1
    (((1, 10, 0), (11, 30, 100)), None),  # no open-ended band
    (((1, None, 0), (11, 30, 100)), None),  # open band not last
    (((1, 10, 0), (11, None, 100.0)), None),  # float money
    (((1, 10, -5), (11, None, 100)), None),  # negative rate
    (((1, 10, 0), (11, None, "lots")), None),
    (((1, 10, 0), (11, None, 100)), (0, 100)),  # blocks of 0
])
def test_a_misconfigured_schedule_is_reported(bands, progression):
    with override_settings(GONGKAI_FOI_PER_ITEM_BANDS=bands, GONGKAI_FOI_PER_ITEM_PROGRESSION=progression):
        with pytest.raises(ImproperlyConfigured, match="GONGKAI_FOI_PER_ITEM_BANDS"):
            fees.quote_per_item(5)


def test_band_labels():
    with override("en"):
        assert Band(201, None, Decimal(40)).label() == "201 and above"
        assert Band(31, 40, Decimal(200)).label() == "31–40"
        assert Band(7, 7, Decimal(0)).label() == "7"


# --- waivers ---------------------------------------------------------------------------------------

def test_waivers_are_off_by_default():
    with pytest.raises(FeeError):
        fees.waive(fees.quote_per_page(250), reason="hardship", approved_by="王主任")


@override_settings(GONGKAI_FOI_FEE_WAIVERS=True)
def test_a_waiver_keeps_the_amount_and_records_why():
    waived = fees.waive(fees.quote_per_page(250), reason=" low-income applicant ", approved_by="王主任")
    assert waived.amount == 4700 and waived.payable == 0
    assert (waived.waiver.reason, waived.waiver.approved_by) == ("low-income applicant", "王主任")
    with override("en"):
        assert waived.basis.endswith("Fee waived: low-income applicant (approved by 王主任).")
    assert fees.quote_per_page(250).payable == 4700
    with pytest.raises(FeeError):
        fees.waive(fees.quote_per_page(250), reason="  ", approved_by="王主任")
    with pytest.raises(FeeError):
        fees.waive(fees.quote_per_page(250), reason="hardship", approved_by="")


# --- the monthly count -----------------------------------------------------------------------------

def test_nth_in_month_counts_the_natural_month_only():
    june = [D(2021, 6, 1), D(2021, 6, 15), D(2021, 6, 30)]
    assert fees.nth_in_month([], D(2021, 6, 30)) == 1
    assert fees.nth_in_month(june, D(2021, 6, 30)) == 4  # same-day earlier registrations count
    assert fees.nth_in_month(june, D(2021, 7, 1)) == 1  # a new month starts at 1
    assert fees.nth_in_month(june + [D(2020, 6, 10)], D(2021, 6, 20)) == 3  # June of another year: no
    assert fees.nth_in_month(june, D(2021, 6, 10)) == 2  # later receipts do not count before this one


def test_nth_in_month_wants_dates_not_times():
    with pytest.raises(TypeError):
        fees.nth_in_month([datetime.datetime(2021, 6, 1, 9)], D(2021, 6, 2))
    with pytest.raises(TypeError):
        fees.nth_in_month([], datetime.datetime(2021, 6, 2, 9))


def test_one_letter_split_into_35_applications_costs_3000():
    # 一事一申请: all 35 parts share one receipt date and are numbered in registration order.
    receipts = [(f"2021-0815-{i:02}", D(2021, 8, 16)) for i in range(1, 36)]
    numbers = fees.numbers_in_month(receipts)
    assert sorted(numbers.values()) == list(range(1, 36))
    assert numbers["2021-0815-35"] == 35
    assert sum(fees.quote_per_item(n).amount for n in numbers.values()) == 3000
    for index, (key, day) in enumerate(receipts):
        assert fees.nth_in_month([d for _k, d in receipts[:index]], day) == numbers[key]


def test_numbers_in_month_restart_each_month():
    receipts = [("a", D(2021, 2, 1)), ("b", D(2021, 1, 31)), ("c", D(2021, 2, 1)), ("d", D(2021, 1, 5))]
    assert fees.numbers_in_month(receipts) == {"d": 1, "b": 2, "a": 1, "c": 2}


# --- payment deadline ------------------------------------------------------------------------------

def test_payment_due_passes_the_national_day_holiday_and_make_up_days(calendar):
    # Received Wed 9/15: 9/16, 9/17, Sat 9/18 (make-up), 9/22–24 (中秋节 9/19–21), Sun 9/26 (make-up),
    # 9/27–30, (国庆节 10/1–7), 10/8, Sat 10/9 (make-up), 10/11–15, 10/18, 10/19 → day 20.
    assert fees.payment_due(D(2021, 9, 15), calendar=calendar) == D(2021, 10, 19)


def test_payment_due_when_the_notice_arrives_on_a_holiday(calendar):
    # Received Fri 10/1 (国庆节): 10/8 is day 1, Sat 10/9 day 2, …, Wed 11/3 day 20.
    assert fees.payment_due(D(2021, 10, 1), calendar=calendar) == D(2021, 11, 3)


def test_payment_due_across_new_year(calendar):
    # Received Thu 2021-12-16: 12/17, 12/20–24, 12/27–31 (11), 元旦 1/1–1/3, 1/4–7 (15), 1/10–14 (20).
    assert fees.payment_due(D(2021, 12, 16), calendar=calendar) == D(2022, 1, 14)


def test_payment_due_in_an_unloaded_year_is_an_error(calendar):
    with pytest.raises(CalendarYearMissing):
        fees.payment_due(D(2022, 12, 20), calendar=calendar)


def test_payment_due_explains_itself(calendar):
    explanation = fees.explain_payment_due(D(2021, 9, 15), calendar=calendar)
    assert explanation.result == D(2021, 10, 19)
    assert [s.date for s in explanation.makeup_days_counted] == [D(2021, 9, 18), D(2021, 9, 26), D(2021, 10, 9)]
    assert D(2021, 10, 1) in [s.date for s in explanation.skipped]


@override_settings(GONGKAI_FOI_FEE_PAYMENT_WORKDAYS=7)
def test_payment_period_is_a_setting(calendar):
    assert fees.payment_due(D(2021, 9, 15), calendar=calendar) == D(2021, 9, 26)  # the make-up Sunday


@override_settings(GONGKAI_FOI_FEE_PAYMENT_WORKDAYS=0)
def test_a_bad_payment_period_is_reported(calendar):
    with pytest.raises(ImproperlyConfigured):
        fees.payment_due(D(2021, 9, 15), calendar=calendar)


@pytest.mark.parametrize("today, paid_on, state", [
    (D(2021, 10, 19), None, PaymentState.DUE),  # the last day
    (D(2021, 10, 20), None, PaymentState.OVERDUE),
    (D(2021, 10, 25), D(2021, 10, 19), PaymentState.PAID),
    (D(2021, 10, 25), D(2021, 10, 20), PaymentState.PAID_LATE),
])
def test_payment_state(calendar, today, paid_on, state):
    assert fees.payment_state(notice_received=D(2021, 9, 15), today=today, paid_on=paid_on, calendar=calendar) == state


def test_payment_due_over_the_stored_calendar(db):
    from gongkai.workdays.services import ensure_package_years

    ensure_package_years(years=[2021, 2022])
    assert fees.payment_due(D(2021, 9, 15), calendar=WorkCalendar.from_db()) == D(2021, 10, 19)


# --- gongkai foi-fee -------------------------------------------------------------------------------

def run(*args):
    out = StringIO()
    with override("en"):
        call_command("foi_fee", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("args, printed", [
    (("--per-item", "--nth", "35"), "200\n"),
    (("--per-item", "--nth", "10"), "0\n"),
    (("--per-item", "--nth", "11"), "100\n"),
    (("--per-item", "--month-total", "35"), "3000\n"),
    (("--per-page", "250"), "4700\n"),
    (("--per-page", "2219"), "83460\n"),
])
def test_cli_prints_the_amount(args, printed):
    assert run(*args) == printed


def test_cli_explains():
    lines = run("--per-page", "250", "--explain").splitlines()
    assert "Article 5" in lines[0] and "250 pages" in lines[0]
    assert lines[1:] == [
        "pages 1–30: 30 × 0 yuan = 0 yuan",
        "pages 31–100: 70 × 10 yuan = 700 yuan",
        "pages 101–200: 100 × 20 yuan = 2000 yuan",
        "pages 201 and above: 50 × 40 yuan = 2000 yuan",
        "Total: 4700 yuan",
    ]


@pytest.mark.parametrize("args, needle", [
    (("--per-item",), "--nth"),
    (("--per-item", "--nth", "3", "--month-total", "4"), "--nth"),
    (("--per-item", "--nth", "thirty-five"), "thirty-five"),
    (("--per-item", "--nth", "0"), "at least 1"),
    (("--per-page", "-5"), "at least 0"),
    (("--per-page", "250", "--nth", "3"), "--per-item"),
    (("--per-item", "--per-page", "3"), "not allowed"),
    ((), "required"),
])
def test_cli_bad_arguments_are_messages(args, needle):
    with pytest.raises(CommandError, match=needle):
        run(*args)


@override_settings(GONGKAI_FOI_PER_PAGE_BANDS=((1, 30, 0),))
def test_cli_reports_a_misconfigured_schedule():
    with pytest.raises(CommandError, match="GONGKAI_FOI_PER_PAGE_BANDS"):
        run("--per-page", "250")
