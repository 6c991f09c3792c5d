"""The city dashboard's overdue table: by task, each task once with its overdue units, one screen,
every task and unit a link to the ledger filtered to it."""

import datetime
from collections import Counter
from urllib.parse import parse_qs, urlsplit

from gongkai.ledger.models import Assignment
from gongkai.supervision.dashboard import OVERDUE_TASKS, UNITS_PER_TASK
from tests.supervision.conftest import at

TODAY = datetime.date(2021, 10, 8)
LATER = datetime.date(2021, 12, 20)  # more tasks overdue than the table shows


def board(client, day=TODAY):
    with at(day, 10):
        response = client.get("/supervision/")
    assert response.status_code == 200
    return response


def ledger_ids(client, url, day):
    """The assignment ids the ledger lists at `url`, over all its pages."""
    ids, page = [], 1
    while True:
        with at(day, 10):
            response = client.get(f"{url}&page={page}")
        ledger = response.context["ledger"]
        ids += [row["id"] for row in ledger.rows]
        if not ledger.page.has_next():
            return ids
        page += 1


def test_overdue_assignments_are_grouped_by_task_each_task_once(ledger, office, client_for):
    response = board(client_for(office))
    overdue = Assignment.objects.in_plan(ledger).overdue(TODAY)
    per_task = Counter(overdue.values_list("task_id", flat=True))
    dashboard = response.context["board"]
    assert dashboard.overdue_task_count == len(per_task) and dashboard.overdue_count == overdue.count()
    rows = dashboard.overdue_tasks
    numbers = [row["number"] for row in rows]
    assert len(numbers) == len(set(numbers)) == min(len(per_task), OVERDUE_TASKS)
    for row in rows:
        task_id = int(parse_qs(urlsplit(row["url"]).query)["task"][0])
        assert row["count"] == per_task[task_id]
        named = {unit["name"] for unit in row["units"]}
        assert named <= set(overdue.filter(task_id=task_id).values_list("unit__name", flat=True))
        assert len(named) == min(row["count"], UNITS_PER_TASK) and row["more"] == row["count"] - len(named)
    # Most overdue first, then the task with most overdue units.
    keys = [(-row["days"], -row["count"]) for row in rows]
    assert keys == sorted(keys)
    html = response.content.decode()
    table = html[html.index('id="overdue-heading"'):html.index('id="items-heading"')]
    for row in rows:  # the task text once, not once per unit
        assert table.count(f">{row['number']}</a>") == 1


def test_the_table_stays_one_screen_and_links_to_the_rest(ledger, office, client_for):
    response = board(client_for(office), LATER)
    dashboard = response.context["board"]
    assert dashboard.overdue_task_count > OVERDUE_TASKS == len(dashboard.overdue_tasks)
    assert all(len(row["units"]) <= UNITS_PER_TASK for row in dashboard.overdue_tasks)
    assert any(row["more"] for row in dashboard.overdue_tasks)
    see_all = f"/ledger/plans/{ledger.pk}/?light=red"
    assert dashboard.overdue_url == see_all and f'href="{see_all}"' in response.content.decode()


def test_each_task_and_unit_opens_the_ledger_filtered_to_it(ledger, office, client_for):
    client = client_for(office)
    dashboard = board(client, LATER).context["board"]
    overdue = Assignment.objects.in_plan(ledger).overdue(LATER)
    row = next(row for row in dashboard.overdue_tasks if row["more"])
    task_id = int(parse_qs(urlsplit(row["url"]).query)["task"][0])
    expected = overdue.filter(task_id=task_id).values_list("pk", flat=True)
    assert sorted(ledger_ids(client, row["url"], LATER)) == sorted(expected)
    unit = row["units"][0]
    unit_id = int(parse_qs(urlsplit(unit["url"]).query)["unit"][0])
    expected = overdue.filter(unit_id=unit_id).values_list("pk", flat=True)
    assert sorted(ledger_ids(client, unit["url"], LATER)) == sorted(expected)


def test_nothing_overdue_says_so(ledger, office, client_for):
    dashboard = board(client_for(office), datetime.date(2021, 7, 6)).context["board"]
    assert dashboard.overdue_tasks == [] and dashboard.overdue_task_count == 0
