"""City and unit dashboards: counts by light, completion per unit, overdue list, trend, drill-down, scoping."""

import datetime

import pytest

from gongkai.ledger.models import Assignment
from gongkai.orgs.models import Unit
from gongkai.supervision.charts import Bar, bar_chart, column_chart
from tests.supervision.conftest import at

# These tests read English pages: the deployment must offer English (Chinese is the only default).
pytestmark = pytest.mark.usefixtures("english")

D = datetime.date
TODAY = D(2021, 10, 8)


def get(client, url, day=TODAY):
    with at(day, 10):
        return client.get(url, HTTP_ACCEPT_LANGUAGE="en")


def test_city_dashboard_counts_match_the_ledger(ledger, office, client_for):
    response = get(client_for(office), "/supervision/")
    assert response.status_code == 200
    board = response.context["board"]
    assignments = Assignment.objects.in_plan(ledger)
    overdue = assignments.overdue(TODAY).count()
    assert overdue > 0
    assert board.totals.total == assignments.count()
    assert board.totals["red"] == overdue == board.overdue_count
    assert len(board.units) == assignments.values("unit").distinct().count()
    # Every unit row adds up to that unit's assignments.
    shenhe = Unit.objects.get(name="沈河区人民政府")
    row = next(row for row in board.units if row["unit_id"] == shenhe.pk)
    assert row["total"] == assignments.filter(unit=shenhe).count()
    assert row["red"] == assignments.filter(unit=shenhe).overdue(TODAY).count()
    assert (row["colour"], row["completion"]) == ("red", 0)
    assert row["url"] == f"/supervision/units/{shenhe.pk}/?plan={ledger.pk}"


def test_city_dashboard_is_accessible_svg_with_a_table_and_drill_down(ledger, office, client_for):
    html = get(client_for(office), "/supervision/").content.decode()
    assert 'role="img" aria-labelledby="units-title units-desc"' in html
    assert '<title id="units-title">Completion rate per unit</title>' in html
    assert '<title id="trend-title">' in html
    assert "<summary>Monthly numbers as a table</summary>" in html
    first_overdue = Assignment.objects.in_plan(ledger).overdue(TODAY).order_by("due_date", "pk").first()
    assert f'href="/ledger/plans/{ledger.pk}/?task={first_overdue.task_id}&amp;light=red"' in html
    assert f'href="/ledger/plans/{ledger.pk}/?unit={first_overdue.unit_id}&amp;light=red"' in html
    assert f'href="/plans/items/{first_overdue.task.item_id}/"' in html


def test_city_dashboard_query_count_is_bounded(ledger, office, client_for, django_assert_max_num_queries):
    client = client_for(office)
    get(client, "/supervision/")  # warm the calendar cache and the session
    # 19 for the ledger and the FOI panel, 6 for the 主动公开 and 栏目更新 panels (settings, documents, units,
    # columns, their last publications): a constant, whatever the number of rows (tests/documents/test_metrics.py,
    # test_columns_pages.py)
    with django_assert_max_num_queries(26):
        assert get(client, "/supervision/").status_code == 200


def test_unit_dashboard_query_count_is_bounded(ledger, shenhe, directory, client_for, django_assert_max_num_queries):
    client = client_for(shenhe)
    url = f"/supervision/units/{directory['沈河区人民政府'].pk}/"
    get(client, url)
    with django_assert_max_num_queries(20):
        assert get(client, url).status_code == 200


def test_settings_help_texts_are_tied_to_their_fields(ledger, office, client_for):
    html = get(client_for(office), "/supervision/settings/").content.decode()
    assert 'aria-describedby="id_yellow_workdays_helptext"' in html
    assert 'id="id_yellow_workdays_helptext"' in html


def test_monthly_trend_counts_due_and_completed(ledger, office, client_for):
    done = Assignment.objects.in_plan(ledger).filter(due_date=D(2021, 9, 30))[:3]
    Assignment.objects.filter(pk__in=[a.pk for a in done]).update(state="done", percent=100,
                                                                  completed_on=D(2021, 9, 20))
    board = get(client_for(office), "/supervision/").context["board"]
    september = next(month for month in board.trend["months"] if month["label"] == "2021-09")
    assert september["completed"] == 3
    assert september["due"] == Assignment.objects.in_plan(ledger).filter(due_date__month=9).count()
    assert board.totals["done"] == 3


def test_unit_people_land_on_their_unit_and_see_only_it(ledger, shenhe, client_for, directory):
    client = client_for(shenhe)
    shenhe_unit = directory["沈河区人民政府"]
    response = get(client, "/supervision/")
    assert response.status_code == 302 and response["Location"] == f"/supervision/units/{shenhe_unit.pk}/"
    page = get(client, f"/supervision/units/{shenhe_unit.pk}/")
    assert page.status_code == 200
    rows = page.context["board"].assignments
    assert len(rows) == Assignment.objects.in_plan(ledger).filter(unit=shenhe_unit).count()
    assert {row["unit"] for row in rows} == {"沈河区人民政府"}
    other = directory["和平区人民政府"]
    assert get(client, f"/supervision/units/{other.pk}/").status_code == 404


def test_anonymous_is_sent_to_login(ledger, client):
    response = get(client, "/supervision/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_an_unknown_plan_is_said_not_a_500(ledger, office, client_for):
    response = get(client_for(office), "/supervision/?plan=not-a-number")
    assert response.status_code == 200
    assert response.context["plan"] == ledger
    assert "no ledger for the chosen plan" in response.content.decode()


def test_no_ledger_yet(directory, office, client_for):
    response = get(client_for(office), "/supervision/")
    assert response.status_code == 200 and response.context["board"] is None


def test_bar_chart_geometry():
    chart = bar_chart([Bar("甲", 0), Bar("乙", 50), Bar("丙", 100)], label_width=170)
    plot = 640 - 170 - 50
    assert [row["bar_width"] for row in chart["rows"]] == [0, plot / 2, plot]
    assert [tick["label"] for tick in chart["ticks"]] == [0, 25, 50, 75, 100]
    assert chart["rows"][1]["bar_y"] - chart["rows"][0]["bar_y"] == 22


@pytest.mark.parametrize("peak, step", [(3, 1), (7, 2), (23, 5), (180, 50)])
def test_column_chart_gridlines_are_round_numbers(peak, step):
    chart = column_chart(["9", "10"], [("due", "due", [peak, 1]), ("completed", "completed", [0, 1])])
    values = [line["value"] for line in chart["gridlines"]]
    assert values[1] - values[0] == step and values[-1] >= peak
    tallest = chart["groups"][0]["columns"][0]
    assert tallest["y"] + tallest["height"] == chart["baseline"]
