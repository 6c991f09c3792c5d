"""Statistics that add up (issue 8, point 9): rows 二、上年结转 and 四、结转下年度继续办理 of table 三, so that in
every column carried in + received = handled + carried forward — on the page, in the XLSX, across a year's end.

Hand-built cases (today pinned to 2022-03-01), counted by hand for 2021:

  case  unit     applicant      received    finished                  2021 row(s)
  P     发改委   business       2020-12-24  served 2021-01-12         二, handled (disclosed)
  U     发改委   natural        2020-12-31  closed 2021-01-01         二, handled (other: not corrected)
  V     发改委   natural        2020-12-30  closed 2020-12-31         none (finished before 2021)
  R     沈河区   legal service  2020-11-02  open (awaiting correction) 二, 四
  S     沈河区   natural        2021-03-01  closed 2021-04-20         一, handled (other: not corrected)
  T     沈河区   natural        2021-12-31  served 2021-12-31         一, handled (disclosed)
  Q     沈河区   natural        2021-12-28  served 2022-01-14         一, 四   (and in 2022: 二, handled)
  W     沈河区   business       2022-01-04  open                      none     (and in 2022: 一, 四)

发改委 handled two applications in 2021 and received none: the carried-in row says why.
"""

import datetime
import io
from unittest import mock

import pytest
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from gongkai.foi import statistics
from gongkai.foi.models import Application, Status
from gongkai.foi.outcomes import CARRIED_IN_LABEL, CARRIED_OUT_LABEL, NEW_APPLICATIONS_LABEL, ClosureCode
from gongkai.workdays.calendar import WorkCalendar
from tests.foi.test_statistics import calendar, make, sheet_rows, units  # noqa: F401 (fixtures)

D = datetime.date
TODAY = D(2022, 3, 1)
DISCLOSED, NO_CORRECTION = ClosureCode.DISCLOSED, ClosureCode.OTHER_NO_CORRECTION


@pytest.fixture
def cases(units, calendar):  # noqa: F811
    s, f = units["shenhe"], units["fgw"]
    return {
        "P": make(f, "T-P", applicant_type="business", receipt=D(2020, 12, 24), status=Status.SERVED,
                  served=D(2021, 1, 12), outcome=DISCLOSED),
        "U": make(f, "T-U", receipt=D(2020, 12, 31), status=Status.CLOSED, closed=D(2021, 1, 1),
                  outcome=NO_CORRECTION),
        "V": make(f, "T-V", receipt=D(2020, 12, 30), status=Status.CLOSED, closed=D(2020, 12, 31),
                  outcome=NO_CORRECTION),
        "R": make(s, "T-R", applicant_type="legal_service", receipt=D(2020, 11, 2), status=Status.AWAITING_CORRECTION,
                  due=D(2021, 1, 5)),
        "S": make(s, "T-S", receipt=D(2021, 3, 1), status=Status.CLOSED, closed=D(2021, 4, 20), outcome=NO_CORRECTION),
        "T": make(s, "T-T", receipt=D(2021, 12, 31), status=Status.ARCHIVED, served=D(2021, 12, 31),
                  outcome=DISCLOSED),
        "Q": make(s, "T-Q", receipt=D(2021, 12, 28), status=Status.SERVED, served=D(2022, 1, 14), outcome=DISCLOSED),
        "W": make(s, "T-W", applicant_type="business", receipt=D(2022, 1, 4), due=D(2022, 2, 8)),
    }


def compute(year, applications=None):
    first, last = statistics.year_period(year)
    return statistics.compute(applications if applications is not None else Application.objects.all(),
                              first=first, last=last, today=TODAY, calendar=WorkCalendar.from_db())


def rows_of(figures):
    """(二 carried in, 一 received, 三 handled, 四 carried forward)."""
    return figures.carried_in, figures.received, figures.handled, figures.carried_out


def only(*codes):
    return Application.objects.filter(tracking_code__in=[f"T-{code}" for code in codes])


@pytest.mark.parametrize("code, year, expected", [
    ("P", 2021, (1, 0, 1, 0)), ("P", 2020, (0, 1, 0, 1)),
    ("U", 2021, (1, 0, 1, 0)), ("U", 2020, (0, 1, 0, 1)),  # closed on New Year's Day: still open on 12-31
    ("V", 2021, (0, 0, 0, 0)), ("V", 2020, (0, 1, 1, 0)),
    ("R", 2021, (1, 0, 0, 1)), ("R", 2022, (1, 0, 0, 1)),
    ("S", 2021, (0, 1, 1, 0)),
    ("T", 2021, (0, 1, 1, 0)),  # received and served on the year's last day: not carried forward
    ("Q", 2021, (0, 1, 0, 1)), ("Q", 2022, (1, 0, 1, 0)),
    ("W", 2021, (0, 0, 0, 0)), ("W", 2022, (0, 1, 0, 1)),
])
def test_each_known_case_lands_in_its_rows(cases, code, year, expected):
    assert rows_of(compute(year, only(code)).total) == expected


def test_every_unit_and_every_column_balances_in_each_year(cases):
    for year in (2020, 2021, 2022):
        stats = compute(year)
        for figures in [row.figures for row in stats.units] + [stats.total]:
            assert figures.carried_in + figures.received == figures.handled + figures.carried_out, year
            assert figures.table3_balances, (year, figures.table3_check())


def test_a_unit_that_handled_more_than_it_received_shows_the_carried_in_row(cases):
    stats = compute(2021)
    fgw = next(row.figures for row in stats.units if row.name == "沈阳市发展和改革委员会")
    assert rows_of(fgw) == (2, 0, 2, 0)  # P and U, received in 2020
    shenhe = next(row.figures for row in stats.units if row.name == "沈河区人民政府")
    assert rows_of(shenhe) == (1, 3, 2, 2)  # R in; S T Q received; S T handled; R Q forward
    assert rows_of(stats.total) == (3, 3, 4, 2)


def test_the_rows_count_per_applicant_type(cases):
    total = compute(2021).total
    # columns: natural person, business, research, nonprofit, legal service, other organisation
    assert total.carried_in_per_type() == [1, 1, 0, 0, 1, 0]  # U; P; R
    assert total.received_per_type() == [3, 0, 0, 0, 0, 0]  # S T Q
    assert total.table3_totals() == [3, 1, 0, 0, 0, 0]  # U S T; P
    assert total.carried_out_per_type() == [1, 0, 0, 0, 1, 0]  # Q; R
    assert total.table3_check() == [(4, 4), (1, 1), (0, 0), (0, 0), (1, 1), (0, 0), (6, 6)]


def test_what_one_year_carries_forward_the_next_carries_in(cases):
    assert compute(2021).total.carried_out == compute(2022).total.carried_in == 2  # R, Q
    assert compute(2020).total.carried_out == compute(2021).total.carried_in == 3  # P, U, R


def test_a_handled_application_without_an_outcome_breaks_the_check_visibly(cases):
    make(cases["S"].handling_unit, "T-X", receipt=D(2021, 5, 6), status=Status.CLOSED, closed=D(2021, 5, 7))
    total = compute(2021).total
    assert total.balances  # handled counts it …
    assert not total.table3_balances  # … but no row of 三 does
    assert total.table3_check()[0] == (5, 4) and total.table3_check()[-1] == (7, 6)


@pytest.fixture
def pinned():
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        yield


def test_the_page_shows_rows_two_and_four_and_the_check(cases, office, client_for, pinned):
    html = client_for(office).get("/foi/statistics/?year=2021").content.decode()
    for label in (NEW_APPLICATIONS_LABEL, CARRIED_IN_LABEL, CARRIED_OUT_LABEL, "勾稽关系", "上期结转数", "结转下期数"):
        assert label in html, label
    check = html[html.index('id="table3-check"'):]
    check = check[:check.index("</tr>")]
    assert check.count("✓") == 7 and "≠" not in check
    # The per-unit table: 发改委 carried 2 in, received 0, handled 2, carried 0 forward.
    row = html[html.index("<th scope=\"row\">沈阳市发展和改革委员会</th>"):]
    cells = [cell.split("</td>")[0] for cell in row.split('<td class="number">')[1:5]]
    assert cells == ["2", "0", "2", "0"]


def test_a_date_range_says_period_not_year(cases, office, client_for, pinned):
    response = client_for(office).get("/foi/statistics/?from=2021-06-01&to=2022-01-31")
    html = response.content.decode()
    assert CARRIED_IN_LABEL not in html and CARRIED_OUT_LABEL not in html and NEW_APPLICATIONS_LABEL not in html
    assert "上期结转申请" in html and "结转下期继续办理" in html
    # In: R (2020; S was finished in April). Received: T Q W. Handled: T Q. Forward: R W.
    assert rows_of(response.context["stats"].total) == (1, 3, 2, 2)


def test_the_xlsx_carries_rows_two_and_four_and_the_check(cases, office, client_for, pinned):
    make(cases["S"].handling_unit, "T-X", receipt=D(2021, 5, 6), status=Status.CLOSED, closed=D(2021, 5, 7))
    response = client_for(office).get("/foi/statistics.xlsx?year=2021")
    book = load_workbook(io.BytesIO(response.content))
    table = {row[0]: row[2:] for row in sheet_rows(book[_("Table 3")])[2:] if row[1] in (None, "")}
    assert table[NEW_APPLICATIONS_LABEL] == [4, 0, 0, 0, 0, 0, 4]
    assert table[CARRIED_IN_LABEL] == [1, 1, 0, 0, 1, 0, 3]
    assert table[CARRIED_OUT_LABEL] == [1, 0, 0, 0, 1, 0, 2]
    # X has no outcome: the natural-person column and the total do not balance, and say by how much.
    assert table["勾稽关系：一＋二＝三（七）＋四"] == ["5 ≠ 4", "✓", "✓", "✓", "✓", "✓", "7 ≠ 6"]
    summary = {row[0]: row[1:5] for row in sheet_rows(book[_("Summary")])[2:]}
    header = [_("Unit"), _("Carried in"), _("Received"), _("Handled"), _("Carried forward")]
    assert sheet_rows(book[_("Summary")])[1][:5] == header and header[1:] == ["上期结转数", "收到申请数", "办结数", "结转下期数"]
    assert summary["沈阳市发展和改革委员会"] == [2, 0, 2, 0]
    assert summary[_("City total")] == [3, 4, 5, 2]
