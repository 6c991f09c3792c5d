"""The plan ledger an office can triage: pages, lights with reasons, task text, pickers, sort, bounded queries."""

import datetime
import re
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.ledger.listing import PAGE_SIZE, STATUS_ORDER
from gongkai.ledger.models import Assignment, AssignmentState
from gongkai.orgs.models import Unit
from gongkai.plans.models import Item
from gongkai.supervision.lights import SEVERITY, Colour
from gongkai.supervision.models import LightSettings
from gongkai.supervision.queries import light_of
from gongkai.workdays.calendar import WorkCalendar
from gongkai.workdays.services import ensure_package_years

TODAY = datetime.date(2021, 10, 8)


@pytest.fixture
def lit_ledger(ledger):
    """The ledger with the 2021–2022 calendar loaded, so lights have working days to count."""
    ensure_package_years(actor=None, years=[2021, 2022])
    return ledger


def get(client, plan, params=None, day=TODAY):
    with mock.patch("django.utils.timezone.localdate", return_value=day):
        response = client.get(reverse("ledger:plan", args=[plan.pk]), params or {})
    assert response.status_code == 200
    return response


def rows(response):
    return response.context["ledger"].rows


def test_the_ledger_comes_a_page_at_a_time_and_the_pages_keep_the_filters(client_for, office, lit_ledger):
    client = client_for(office)
    total = Assignment.objects.in_plan(lit_ledger).count()
    assert total > 2 * PAGE_SIZE  # the demo plan's 686 rows were one 20,000 px page
    first = get(client, lit_ledger)
    assert len(rows(first)) == PAGE_SIZE and first.context["ledger"].page.paginator.count == total
    second = get(client, lit_ledger, {"page": 2})
    assert {row["id"] for row in rows(first)}.isdisjoint(row["id"] for row in rows(second))

    filtered = get(client, lit_ledger, {"light": "red", "sort": "unit"})
    html = filtered.content.decode()
    assert 'href="?light=red&amp;sort=unit&amp;page=2"' in html
    after = get(client, lit_ledger, {"light": "red", "sort": "unit", "page": 2})
    assert rows(after) and {row["colour"] for row in rows(after)} == {"red"}


def test_each_row_has_its_light_with_reasons_and_its_task_text_shortened(client_for, office, lit_ledger):
    response = get(client_for(office), lit_ledger, {"sort": "light"})
    thresholds = LightSettings.current().thresholds
    calendar = WorkCalendar.from_db()
    by_id = Assignment.objects.in_bulk([row["id"] for row in rows(response)])
    for row in rows(response):
        light = light_of(by_id[row["id"]], today=TODAY, thresholds=thresholds, calendar=calendar)
        assert row["colour"] == light.colour and row["reasons"] == [str(reason) for reason in light.reasons]
    worst = rows(response)[0]
    assert worst["colour"] == "red" and "个工作日" in worst["reasons"][0]  # e.g. "逾期 48 个工作日"
    html = response.content.decode()
    assert f'<span class="light light-red">{Colour.RED.label}</span>' in html
    long_text = next(row["text"] for row in rows(response) if len(row["text"]) > 60)
    assert long_text[:50] in html and long_text not in html


def test_the_unit_picker_offers_the_plans_units_and_filters_by_one(client_for, office, outsider, lit_ledger):
    response = get(client_for(office), lit_ledger)
    offered = {unit.pk for unit in response.context["form"].fields["unit"].queryset}
    in_plan = set(Assignment.objects.in_plan(lit_ledger).values_list("unit_id", flat=True))
    assert offered == in_plan
    assert outsider.memberships.get().unit_id not in offered
    html = response.content.decode()
    assert re.search(r'<select[^>]*name="unit"', html)

    shenhe = Unit.objects.get(name="沈河区人民政府")
    only = get(client_for(office), lit_ledger, {"unit": shenhe.pk, "light": "red"})
    assert rows(only) and {row["unit_name"] for row in rows(only)} == {"沈河区人民政府"}
    assert len(rows(only)) == Assignment.objects.in_plan(lit_ledger).filter(unit=shenhe).overdue(TODAY).count()


def test_light_counts_are_under_the_other_filters_and_link_to_the_light(client_for, office, lit_ledger):
    shenhe = Unit.objects.get(name="沈河区人民政府")
    response = get(client_for(office), lit_ledger, {"unit": shenhe.pk})
    lights = response.context["ledger"].lights
    assert sum(lights.values()) == Assignment.objects.in_plan(lit_ledger).filter(unit=shenhe).count()
    assert lights[Colour.RED] == Assignment.objects.in_plan(lit_ledger).filter(unit=shenhe).overdue(TODAY).count()
    assert f'href="?unit={shenhe.pk}&amp;light=yellow"' in response.content.decode()


def test_state_filter_matches_the_state_column(client_for, office, lit_ledger):
    in_progress = Assignment.objects.in_plan(lit_ledger).filter(due_date__lt=TODAY)[:5]
    Assignment.objects.filter(pk__in=[a.pk for a in in_progress]).update(state=AssignmentState.IN_PROGRESS)
    on_time = Assignment.objects.in_plan(lit_ledger).filter(due_date__gt=TODAY).first()
    Assignment.objects.filter(pk=on_time.pk).update(state=AssignmentState.IN_PROGRESS)
    client = client_for(office)
    # Past its due date an assignment is 逾期 in the state column, so it is not listed as 推进中.
    assert [row["id"] for row in rows(get(client, lit_ledger, {"state": "in_progress"}))] == [on_time.pk]
    overdue = get(client, lit_ledger, {"state": "overdue"}).context["ledger"].page.paginator.count
    assert overdue == Assignment.objects.in_plan(lit_ledger).overdue(TODAY).count()


def test_item_filter_is_a_picker_of_the_plans_items(client_for, office, lit_ledger):
    item = Item.objects.get(plan=lit_ledger, number="7")
    response = get(client_for(office), lit_ledger, {"item": item.pk})
    assert rows(response) and {row["number"].split(".")[0] for row in rows(response)} == {"7"}
    assert set(response.context["form"].fields["item"].queryset) == set(Item.objects.filter(plan=lit_ledger))


@pytest.mark.parametrize("sort, key", [
    ("due", lambda row: (row["due_date"] is None, row["due_date"] or TODAY)),
    ("unit", lambda row: row["unit_name"]),
    ("light", lambda row: -SEVERITY[Colour(row["colour"])]),
    ("state", lambda row: STATUS_ORDER[row["status"]]),
])
def test_sorts(client_for, office, lit_ledger, sort, key):
    done = list(Assignment.objects.in_plan(lit_ledger).values_list("pk", flat=True)[:3])
    Assignment.objects.filter(pk__in=done).update(state=AssignmentState.DONE, percent=100, completed_on=TODAY)
    client = client_for(office)
    for page in (1, 2, "last"):
        listed = rows(get(client, lit_ledger, {"sort": sort, "page": page}))
        assert [key(row) for row in listed] == sorted(key(row) for row in listed)
    assert get(client, lit_ledger, {"sort": sort}).context["ledger"].sort == sort


def test_item_sort_is_plan_order(client_for, office, lit_ledger):
    listed = rows(get(client_for(office), lit_ledger, {"sort": "item"}))
    numbers = [tuple(int(part) for part in row["number"].split(".")) for row in listed]
    assert numbers == sorted(numbers) and numbers[0] == (1, 1)


@pytest.mark.parametrize("params", [
    {"light": "purple"}, {"sort": "'; drop table"}, {"unit": "沈河区"}, {"unit": "999999"}, {"item": "x"},
    {"task": "-1"}, {"state": "lost"}, {"unit": "\x00"}, {"page": "abc"}, {"page": "999"}, {"page": "-1"},
    {"page": "9" * 30},
])
def test_bad_values_are_said_on_the_page_and_never_a_500(client_for, office, lit_ledger, params):
    response = get(client_for(office), lit_ledger, params)
    html = response.content.decode()
    assert 'role="alert"' in html or "没有第" in html
    assert rows(response)  # the bad filter is left out, the list still shown
    past_the_end = params.get("page", "").isdigit()
    if not past_the_end:
        assert len(rows(response)) == PAGE_SIZE
    if "page" in params:
        page = response.context["ledger"].page
        assert page.number == (page.paginator.num_pages if past_the_end else 1)


def test_another_plans_task_is_refused(client_for, office, lit_ledger):
    response = get(client_for(office), lit_ledger, {"task": lit_ledger.items.first().tasks.first().pk + 10**6})
    assert 'role="alert"' in response.content.decode()


def test_a_task_link_shows_its_units_and_a_way_back(client_for, office, lit_ledger):
    task = Assignment.objects.in_plan(lit_ledger).overdue(TODAY).first().task
    response = get(client_for(office), lit_ledger, {"task": task.pk, "light": "red"})
    assert {row["number"] for row in rows(response)} == {f"{task.item.number}.{task.position}"}
    assert len(rows(response)) == task.assignments.overdue(TODAY).count()
    assert 'href="?light=red&amp;"' in response.content.decode()  # 全部任务: the task filter removed


def test_a_page_costs_the_same_queries_however_many_rows(client_for, office, lit_ledger):
    done = list(Assignment.objects.in_plan(lit_ledger).values_list("pk", flat=True)[:2])
    Assignment.objects.filter(pk__in=done).update(state=AssignmentState.DONE, percent=100, completed_on=TODAY)
    client = client_for(office)
    get(client, lit_ledger)  # warm the session, the calendar cache and the settings row
    shenhe = Unit.objects.get(name="沈河区人民政府")
    counts = []
    # 50 rows of 600, page 3, the reds, the 2 completed, one unit's rows sorted by state.
    for params in ({}, {"page": 3}, {"light": "red"}, {"light": "done", "sort": "light"},
                   {"unit": shenhe.pk, "sort": "state"}):
        with CaptureQueriesContext(connection) as captured:
            get(client, lit_ledger, params)
        counts.append(len(captured))
    # A unit filter validates its value: one query more than a page without one.
    assert counts[:4] == [counts[0]] * 4 and counts[4] == counts[0] + 1
    assert counts[0] <= 16


def test_a_unit_sees_only_its_own_and_led_assignments(client_for, shenhe, lit_ledger):
    response = get(client_for(shenhe), lit_ledger)
    visible = Assignment.objects.visible_to(shenhe).in_plan(lit_ledger)
    assert response.context["ledger"].page.paginator.count == visible.count()
    offered = {unit.pk for unit in response.context["form"].fields["unit"].queryset}
    assert offered == set(visible.values_list("unit_id", flat=True))
