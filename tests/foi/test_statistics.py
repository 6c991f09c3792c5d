"""FOI statistics: hand-built applications with hand-counted figures, the page, its scoping and the XLSX.

The set (period 2021, today pinned to 2022-01-10), working days counted on the official calendar:

  unit      applicant   receipt     outcome / state                     served      working days
  A 沈河区  natural     2021-09-15  disclosed, served                   2021-10-19  20 (rules.md worked example)
  B 沈河区  business    2021-09-28  partial, archived                   2021-10-08   3 (9/29, 9/30, 10/8: National Day)
  C 沈河区  natural     2021-12-20  in handling, due 2022-01-18         —
  D 沈河区  natural     2021-11-01  awaiting correction, due 2021-11-29 (overdue)
  E 沈河区  business    2020-12-21  withheld (third party), served      2021-01-08  13 (New Year 1/1–1/3 skipped)
  I 沈河区  legal serv. 2022-01-05  in handling (received next year)
  K 沈河区  nonprofit   2019-03-01  disclosed 2019 (outside everything)
  F 发改委  research    2021-03-01  closed: not corrected 2021-04-20   —
  G 发改委  natural     2021-06-01  partial, archived; part asked of 沈河区 2021-06-29  19 (Dragon Boat 6/14 skipped)
  H 发改委  natural     —           awaiting confirmation (not received yet)
  J 档案馆  natural     2021-05-10  disclosed                           2021-05-20   8
"""

import datetime
import io
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from gongkai.foi import deciding, services, statistics
from gongkai.foi.models import Application, Channel, Part, Status
from gongkai.foi.outcomes import OTHER_BLOCK, PARTIAL_BLOCK, WITHHELD_BLOCK, ClosureCode
from gongkai.orgs.models import Unit
from gongkai.workdays.calendar import WorkCalendar
from gongkai.workdays.services import ensure_package_years
from tests.foi.test_intake import APPLICANT

# These tests read English pages: the deployment must offer English (Chinese is the only default).
pytestmark = pytest.mark.usefixtures("english")

SHANGHAI = ZoneInfo("Asia/Shanghai")
TODAY = datetime.date(2022, 1, 10)
YEAR_2021 = (datetime.date(2021, 1, 1), datetime.date(2021, 12, 31))

ENGLISH = {"accept-language": "en"}  # LocaleMiddleware picks the language per request
D = datetime.date
PERSONAL = ("李明", "210102199001011234", "13812345678", "liming@example.cn", "市府大路")


@pytest.fixture
def calendar(db):
    ensure_package_years(years=[2020, 2021, 2022])
    return WorkCalendar.from_db()


@pytest.fixture
def units(directory, outsider):
    return {"shenhe": directory["沈河区人民政府"], "fgw": directory["沈阳市发展和改革委员会"],
            "archive": outsider.memberships.get().unit}


def make(unit, code, *, applicant_type="natural_person", receipt=None, status=Status.IN_HANDLING, due=None,
         served=None, closed=None, outcome="", reply_workdays=None):
    arrived = receipt or D(2021, 12, 30)
    return Application.objects.create(
        tracking_code=code, password_hash="!", channel=Channel.IN_PERSON,
        arrived_at=datetime.datetime(arrived.year, arrived.month, arrived.day, 9, tzinfo=SHANGHAI),
        receipt_date=receipt, **{**APPLICANT, "applicant_type": applicant_type}, target_unit=unit,
        handling_unit=unit, status=status, due_date=due, served_on=served, closed_on=closed or served,
        closure_code=outcome, reply_workdays=reply_workdays,
    )


@pytest.fixture
def cases(units, calendar, shenhe):
    s, f, a = units["shenhe"], units["fgw"], units["archive"]
    made = {
        "A": make(s, "T-A", receipt=D(2021, 9, 15), status=Status.SERVED, due=D(2021, 10, 19),
                  served=D(2021, 10, 19), outcome=ClosureCode.DISCLOSED),
        "B": make(s, "T-B", applicant_type="business", receipt=D(2021, 9, 28), status=Status.ARCHIVED,
                  served=D(2021, 10, 8), outcome=ClosureCode.PARTIAL),
        "C": make(s, "T-C", receipt=D(2021, 12, 20), due=D(2022, 1, 18)),
        "D": make(s, "T-D", receipt=D(2021, 11, 1), status=Status.AWAITING_CORRECTION, due=D(2021, 11, 29)),
        "E": make(s, "T-E", applicant_type="business", receipt=D(2020, 12, 21), status=Status.SERVED,
                  served=D(2021, 1, 8), outcome=ClosureCode.WITHHELD_THIRD_PARTY),
        "I": make(s, "T-I", applicant_type="legal_service", receipt=D(2022, 1, 5), due=D(2022, 2, 9)),
        "K": make(s, "T-K", applicant_type="nonprofit", receipt=D(2019, 3, 1), status=Status.ARCHIVED,
                  served=D(2019, 3, 20), outcome=ClosureCode.DISCLOSED),
        "F": make(f, "T-F", applicant_type="research", receipt=D(2021, 3, 1), status=Status.CLOSED,
                  closed=D(2021, 4, 20), outcome=ClosureCode.OTHER_NO_CORRECTION),
        "G": make(f, "T-G", receipt=D(2021, 6, 1), status=Status.ARCHIVED, served=D(2021, 6, 29),
                  outcome=ClosureCode.PARTIAL),
        "H": make(f, "T-H", status=Status.AWAITING_CONFIRMATION),
        "J": make(a, "T-J", receipt=D(2021, 5, 10), status=Status.SERVED, served=D(2021, 5, 20),
                  outcome=ClosureCode.DISCLOSED),
    }
    # 沈河区 helps with G: it may open G (visible_to), but G stays 发改委's in the statistics.
    Part.objects.create(application=made["G"], unit=s, question="本区部分", due_date=D(2021, 6, 20))
    return made


def compute(applications=None, *, period=YEAR_2021, units=()):
    return statistics.compute(applications if applications is not None else Application.objects.all(),
                              first=period[0], last=period[1], today=TODAY, calendar=WorkCalendar.from_db(),
                              units=units)


def figures_of(stats, name):
    return next(row.figures for row in stats.units if row.name == name)


def summary(figures):
    return (figures.received, figures.handled, figures.open_now, figures.overdue, figures.replied,
            figures.reply_workdays, figures.average_reply_workdays)


# --- the arithmetic ------------------------------------------------------------------------------

def test_per_unit_counts_and_working_days(cases):
    stats = compute()
    directory_order = Unit.objects.filter(pk__in=[row.unit_id for row in stats.units]).values_list("pk", flat=True)
    assert [row.unit_id for row in stats.units] == list(directory_order)
    # received A B C D; handled A B E; open C D I; overdue D; working days 20 + 3 + 13.
    assert summary(figures_of(stats, "沈河区人民政府")) == (4, 3, 3, 1, 3, 36, 12.0)
    # received F G (H is not received until confirmed); handled F G; open H, no due date: not overdue.
    assert summary(figures_of(stats, "沈阳市发展和改革委员会")) == (2, 2, 1, 0, 1, 19, 19.0)
    assert summary(figures_of(stats, "沈阳市档案馆")) == (1, 1, 0, 0, 1, 8, 8.0)
    # The city average weighs every reply (63 / 5), not the three unit averages.
    assert summary(stats.total) == (7, 6, 4, 1, 5, 63, 12.6)


def test_working_days_follow_the_official_calendar_across_holidays(cases, calendar):
    # Mon–Fri arithmetic would give 8 (9/29–10/8) and 20 (6/1–6/29); the holidays make it 3 and 19.
    assert calendar.count_workdays(D(2021, 9, 28), D(2021, 10, 8)) == 3
    stats = compute(Application.objects.filter(tracking_code__in=["T-B", "T-G"]))
    assert {row.name: row.figures.reply_workdays for row in stats.units} == {
        "沈河区人民政府": 3, "沈阳市发展和改革委员会": 19}


def test_outcomes_by_code_row_block_and_applicant_type(cases):
    total = compute().total
    assert total.by_code() == {ClosureCode.DISCLOSED: 2, ClosureCode.PARTIAL: 2,
                               ClosureCode.WITHHELD_THIRD_PARTY: 1, ClosureCode.OTHER_NO_CORRECTION: 1}
    rows = {row.label: n for row, n in total.by_row()}
    assert rows["（一）予以公开"] == 2 and rows[PARTIAL_BLOCK] == 2
    assert rows["4.保护第三方合法权益"] == 1 and rows["1.属于国家秘密"] == 0
    assert rows["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"] == 1
    assert [n for _block, n in total.by_block()] == [2, 2, 1, 0, 0, 1]
    table = {row.label: per_type for row, per_type, _n in total.table3()}
    # columns: natural person, business, research, nonprofit, legal service, other organisation
    assert table[PARTIAL_BLOCK] == [1, 1, 0, 0, 0, 0]
    assert table["4.保护第三方合法权益"] == [0, 1, 0, 0, 0, 0]
    assert total.table3_totals() == [3, 2, 1, 0, 0, 0] and total.outcome_total == 6
    assert total.received_per_type() == [5, 1, 1, 0, 0, 0]


def test_a_configured_override_moves_the_count_to_another_row(cases, settings):
    settings.GONGKAI_FOI_TABLE3_OVERRIDES = {"withheld_third_party": (WITHHELD_BLOCK, "2.其他法律行政法规禁止公开")}
    rows = {row.label: n for row, n in compute().total.by_row()}
    assert rows["2.其他法律行政法规禁止公开"] == 1 and rows["4.保护第三方合法权益"] == 0


def test_a_date_range_counts_only_its_days(cases):
    stats = compute(period=(D(2021, 6, 1), D(2021, 6, 30)))
    assert (stats.total.received, stats.total.handled, stats.total.replied) == (1, 1, 1)  # G only
    assert [block for block, n in stats.total.by_block() if n] == [PARTIAL_BLOCK]
    # Open and overdue are today's state, whatever the period.
    assert (stats.total.open_now, stats.total.overdue) == (4, 1)


def test_units_asked_for_are_listed_even_with_nothing(cases, directory):
    zrzy = directory["沈阳市自然资源局"]
    stats = compute(Application.objects.filter(handling_unit=zrzy), units=[zrzy.pk])
    assert [(row.name, summary(row.figures)) for row in stats.units] == [
        ("沈阳市自然资源局", (0, 0, 0, 0, 0, 0, None))]


def test_a_missing_calendar_year_leaves_the_reply_out_and_says_so(units, db):
    ensure_package_years(years=[2021, 2022])  # 2020 not loaded: E's days cannot be counted
    make(units["shenhe"], "T-E", receipt=D(2020, 12, 21), status=Status.SERVED, served=D(2021, 1, 8),
         outcome=ClosureCode.DISCLOSED)
    make(units["shenhe"], "T-A", receipt=D(2021, 9, 15), status=Status.SERVED, served=D(2021, 10, 19),
         outcome=ClosureCode.DISCLOSED)
    stats = compute()
    assert stats.missing_years == {2020}
    assert summary(stats.total) == (1, 2, 0, 0, 1, 20, 20.0)


def test_days_kept_at_service_are_summed_beside_those_counted_now(units, calendar):
    # Receipt 9/15, served 10/19: 20 working days on the calendar. The first keeps 20 from its service,
    # the second was served when no calendar was loaded (kept None) and is counted now: 20 as well.
    # The third's record says 10 (what the calendar said then): the record is what is reported.
    for code, kept in (("T-K", 20), ("T-N", None), ("T-R", 10)):
        make(units["shenhe"], code, receipt=D(2021, 9, 15), status=Status.SERVED, served=D(2021, 10, 19),
             outcome=ClosureCode.DISCLOSED, reply_workdays=kept)
    total = compute().total
    assert (total.replied, total.reply_workdays, total.average_reply_workdays) == (3, 50, 16.7)


def test_a_handled_application_without_outcome_is_reported_not_counted_in_a_row(units, calendar):
    make(units["fgw"], "T-X", receipt=D(2021, 3, 1), status=Status.CLOSED, closed=D(2021, 3, 5))
    stats = compute()
    assert (stats.total.handled, stats.total.outcome_total, stats.unknown_outcomes) == (1, 0, 1)


def test_the_services_store_what_the_statistics_read(directory, shenhe, shenhe_reviewer, calendar):
    application, _password = services.register(
        actor=shenhe, channel=Channel.IN_PERSON, arrived_at=datetime.datetime(2021, 9, 15, 10, tzinfo=SHANGHAI),
        target_unit=directory["沈河区人民政府"], fields=APPLICANT)
    decision = deciding.draft_decision(
        actor=shenhe, application=application, closure_code=ClosureCode.PARTIAL, reasons="涉及第三方商业秘密。",
        grounds=["art15"], how_to_obtain="电子邮件发送。")
    deciding.review_decision(actor=shenhe_reviewer, decision=decision, approve=True)
    deciding.serve(actor=shenhe, application=application, method="online", day=D(2021, 10, 19))
    assert Application.objects.get(pk=application.pk).reply_workdays == 20  # kept at service
    total = compute().total
    assert summary(total) == (1, 1, 0, 0, 1, 20, 20.0)
    assert total.by_code() == {ClosureCode.PARTIAL: 1}


def test_queries_do_not_grow_with_the_applications(cases, units):
    calendar = WorkCalendar.from_db()

    def run():
        with CaptureQueriesContext(connection) as queries:
            statistics.compute(Application.objects.all(), first=YEAR_2021[0], last=YEAR_2021[1], today=TODAY,
                               calendar=calendar)
        return len(queries.captured_queries)

    before = run()
    for n in range(40):
        make(units["fgw" if n % 2 else "archive"], f"T-M{n}", receipt=D(2021, 4, 1), status=Status.SERVED,
             served=D(2021, 4, 20), outcome=ClosureCode.DISCLOSED)
    assert run() == before == 4  # the grouped counts, the days kept, the days to count, the unit names


# --- the page -----------------------------------------------------------------------------------

@pytest.fixture
def pinned():
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        yield


def test_the_office_sees_every_unit_and_the_city_total(cases, office, client_for, pinned):
    response = client_for(office).get("/foi/statistics/?year=2021", headers=ENGLISH)
    assert response.status_code == 200
    stats = response.context["stats"]
    assert {row.name for row in stats.units} == {"沈河区人民政府", "沈阳市发展和改革委员会", "沈阳市档案馆"}
    assert summary(stats.total) == (7, 6, 4, 1, 5, 63, 12.6)
    html = response.content.decode()
    assert "City total" in html and "12.6" in html and "<svg" in html
    # Blocks （三） to （六） head their numbered rows, as on the printed table 三.
    assert html.count('<th scope="rowgroup"') == 4 and f'<th scope="rowgroup" colspan="8">{WITHHELD_BLOCK}</th>' in html
    assert not any(value in html for value in PERSONAL)


def test_a_unit_sees_only_the_units_it_belongs_to(cases, shenhe, client_for, pinned):
    response = client_for(shenhe).get("/foi/statistics/?year=2021")
    stats = response.context["stats"]
    # G is visible to 沈河区 through its part, but counts for 发改委 only.
    assert [row.name for row in stats.units] == ["沈河区人民政府"]
    assert summary(stats.total) == (4, 3, 3, 1, 3, 36, 12.0)
    assert "沈阳市发展和改革委员会" not in response.content.decode()


def test_a_unit_without_applications_sees_its_zeros(cases, zrzy_liaison, client_for, pinned):
    stats = client_for(zrzy_liaison).get("/foi/statistics/").context["stats"]
    assert [(row.name, row.figures.received) for row in stats.units] == [("沈阳市自然资源局", 0)]


def test_anonymous_is_sent_to_log_in(client, db):
    response = client.get("/foi/statistics/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get("/foi/statistics.xlsx").status_code == 302


def test_the_period_defaults_to_this_year_and_takes_dates(cases, office, client_for, pinned):
    client = client_for(office)
    stats = client.get("/foi/statistics/").context["stats"]
    assert (stats.first, stats.last) == (D(2022, 1, 1), D(2022, 12, 31))
    assert stats.total.received == 1  # I
    stats = client.get("/foi/statistics/?from=2021-01-01&to=2021-06-30").context["stats"]
    assert (stats.first, stats.last) == (D(2021, 1, 1), D(2021, 6, 30))
    assert (stats.total.received, stats.total.handled) == (3, 4)  # F G J; E F G J


@pytest.mark.parametrize("query, problem", [
    ("year=abc", "Enter a whole number"),
    ("year=1999", "greater than or equal to 2000"),
    ("from=2021-13-45&to=2021-12-31", "Enter a valid date"),
    ("from=2021-12-01&to=2021-01-01", "The period ends before it starts"),
    ("from=2021-01-01", "Give both the first and the last day"),
    ("year=2021&from=2021-01-01&to=2021-02-01", "either a year or a range of dates"),
])
def test_bad_periods_are_said_and_this_year_is_shown(cases, office, client_for, pinned, query, problem):
    response = client_for(office).get(f"/foi/statistics/?{query}", headers=ENGLISH)
    assert response.status_code == 200
    (message,) = [str(m) for m in response.context["messages"]]
    assert problem in message and message.endswith("showing 2022 instead.")
    stats = response.context["stats"]
    assert (stats.first, stats.last) == (D(2022, 1, 1), D(2022, 12, 31))


def test_the_page_query_count_does_not_grow(cases, units, office, client_for, pinned):
    client = client_for(office)
    client.get("/foi/statistics/?year=2021")  # warm the session and the calendar cache

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/foi/statistics/?year=2021").status_code == 200
        return len(queries.captured_queries)

    before = count()
    for n in range(30):
        make(units["fgw" if n % 2 else "shenhe"], f"T-N{n}", applicant_type="business", receipt=D(2021, 7, 1),
             status=Status.CLOSED, closed=D(2021, 7, 9), outcome=ClosureCode.NOT_PROCESSED_REPEAT)
    assert count() == before <= 15


# --- the workbook --------------------------------------------------------------------------------

def sheet_rows(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_the_xlsx_has_one_sheet_per_table_and_no_personal_data(cases, office, client_for, pinned):
    response = client_for(office).get("/foi/statistics.xlsx?year=2021", headers=ENGLISH)
    assert response.status_code == 200
    assert "foi-statistics-2021-01-01-2021-12-31.xlsx" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Summary", "Outcomes", "Table 3", "Applicant types"]

    summary_rows = sheet_rows(book["Summary"])
    assert summary_rows[0][0] == "Disclosure applications 2021-01-01 to 2021-12-31 (as of 2022-01-10)"
    assert summary_rows[1][:5] == ["Unit", "Carried in", "Received", "Handled", "Carried forward"]
    by_unit = {row[0]: row[1:] for row in summary_rows[2:]}
    # E carried in (received 2020-12-21); C and D carried forward.
    assert by_unit["沈河区人民政府"] == [1, 4, 3, 2, 3, 1, 3, 12]
    assert by_unit["沈阳市发展和改革委员会"][-1] == 19
    assert by_unit["City total"] == [1, 7, 6, 2, 4, 1, 5, 12.6]

    outcome_rows = sheet_rows(book["Outcomes"])
    header = outcome_rows[1]
    city = next(row for row in outcome_rows if row[0] == "City total")
    assert city[header.index("4.保护第三方合法权益")] == 1 and city[-1] == 6

    table = {(row[0], row[1] or ""): row[2:] for row in sheet_rows(book["Table 3"])[2:]}
    assert table[("一、本年新收政府信息公开申请数量", "")] == [5, 1, 1, 0, 0, 0, 7]
    assert table[("三、本年度办理结果", f"{OTHER_BLOCK} 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")] == [
        0, 0, 1, 0, 0, 0, 1]
    assert table[("三、本年度办理结果", "（七）总计")] == [3, 2, 1, 0, 0, 0, 6]

    types = {row[0]: row[1:] for row in sheet_rows(book["Applicant types"])[2:]}
    assert types["沈河区人民政府"] == [3, 1, 0, 0, 0, 0, 4]

    cells = " ".join(str(value) for sheet in book for row in sheet.iter_rows(values_only=True) for value in row)
    assert not any(value in cells for value in PERSONAL)


def test_a_units_xlsx_holds_only_its_units(cases, shenhe, client_for, pinned):
    response = client_for(shenhe).get("/foi/statistics.xlsx?year=2021", headers=ENGLISH)
    book = load_workbook(io.BytesIO(response.content))
    names = [row[0] for row in sheet_rows(book["Summary"])[2:]]
    assert names == ["沈河区人民政府", "Total"]
