"""The numbers behind the city and unit dashboards, from one facts query per page.

Lights are computed for every assignment of the plan in Python (see lights.py) and tallied in one
pass — per unit, per item, per month, the red list — because at 20,000 assignments each extra
pass over the rows costs as much as a query. Names and task texts are fetched only for the rows
a page lists. Rows handed to templates are plain values: template lookups are the other cost.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from gongkai.ledger.models import Assignment
from gongkai.orgs.display import display_names
from gongkai.orgs.models import Unit
from gongkai.plans.models import Item, Task

from . import charts, queries
from .lights import SEVERITY, Colour, Rollup, Why, workdays_overdue
from .links import assignment_url, item_url, ledger_url, unit_dashboard_url

OVERDUE_LIMIT = 100
# The city's overdue table stays one screen: the worst tasks, a few units each, the rest in the ledger.
OVERDUE_TASKS = 10
UNITS_PER_TASK = 8
ITEM_LIMIT = 100
CHART_UNITS = 40
TREND_MONTHS = 24
DASHBOARD_FIELDS = ("id", "unit_id", "task_id", "task__item_id", "completed_on", "due_date", "started_on", "state",
                    "percent", "returns")


@dataclass
class Dashboard:
    plan: object
    today: datetime.date
    totals: Rollup
    overdue: list = field(default_factory=list)
    overdue_count: int = 0
    overdue_tasks: list = field(default_factory=list)
    overdue_task_count: int = 0
    overdue_url: str = ""
    trend: dict = field(default_factory=dict)
    missing_years: list = field(default_factory=list)
    units: list = field(default_factory=list)
    chart: dict = field(default_factory=dict)
    chart_limited: bool = False
    items: list = field(default_factory=list)
    items_count: int = 0
    assignments: list = field(default_factory=list)


class Tally:
    """Everything a dashboard counts, gathered from (row, light) pairs with C-level Counters."""

    def __init__(self):
        self.totals, self.due, self.completed = Counter(), Counter(), Counter()
        self.units, self.items = {}, {}
        self.red, self.missing_years = [], set()

    def add_all(self, pairs):
        rows = [row for row, _light in pairs]
        colours = [light.colour for _row, light in pairs]
        self.totals.update(colours)
        self.units = _split(Counter(zip([row["unit_id"] for row in rows], colours)))
        self.items = _split(Counter(zip([row["task__item_id"] for row in rows], colours)))
        self.due = _by_month(Counter([row["due_date"] for row in rows]))
        self.completed = _by_month(Counter([row["completed_on"] for row in rows]))
        self.red = [pair for pair in pairs if pair[1].colour == Colour.RED]
        self.missing_years = {reason.value for _row, light in pairs if light.reasons for reason in light.reasons
                              if reason.why == Why.CALENDAR_MISSING}
        return self


def _split(pair_counts):
    """{(group, colour): n} → {group: Counter({colour: n})}."""
    groups = {}
    for (group, colour), count in pair_counts.items():
        groups.setdefault(group, Counter())[colour] = count
    return groups


def _by_month(day_counts):
    months = Counter()
    for day, count in day_counts.items():
        if day is not None:
            months[(day.year, day.month)] += count
    return months


def _lit_tally(assignments, *, today, calendar, thresholds):
    with queries.gc_paused():
        rows = list(queries.fact_values(assignments, *DASHBOARD_FIELDS))
        pairs = queries.lit(rows, today=today, calendar=calendar, thresholds=thresholds)
        return pairs, Tally().add_all(pairs)


def city_dashboard(*, plan, today, calendar, thresholds):
    _pairs, tally = _lit_tally(Assignment.objects.in_plan(plan), today=today, calendar=calendar, thresholds=thresholds)
    board = _common(plan, today, tally)
    board.units = unit_rows(tally.units, plan)
    worst_first = sorted(board.units, key=lambda row: (row["completion"], row["name"]))
    board.chart_limited = len(worst_first) > CHART_UNITS
    board.chart = charts.bar_chart([charts.Bar(row["short_name"], row["completion"], row["name"])
                                    for row in worst_first[:CHART_UNITS]])
    board.items, board.items_count = item_rows(tally.items)
    board.overdue_tasks, board.overdue_task_count = overdue_task_rows(tally.red, plan)
    board.overdue_url = ledger_url(plan.pk, light=Colour.RED)
    return board


def unit_dashboard(*, plan, unit, today, calendar, thresholds):
    pairs, tally = _lit_tally(Assignment.objects.in_plan(plan).filter(unit=unit), today=today, calendar=calendar,
                              thresholds=thresholds)
    board = _common(plan, today, tally)
    red = sorted(tally.red, key=lambda pair: (-workdays_overdue(pair[1]), pair[0]["due_date"], pair[0]["id"]))
    labels = queries.assignment_labels(row["id"] for row, _light in red[:OVERDUE_LIMIT])
    board.overdue = [_assignment_row(row, light, labels[row["id"]]) for row, light in red[:OVERDUE_LIMIT]]
    labels = queries.assignment_labels(row["id"] for row, _light in pairs)
    rows = [_assignment_row(row, light, labels[row["id"]]) for row, light in pairs]
    board.assignments = sorted(rows, key=lambda row: row["position"])
    return board


def _common(plan, today, tally):
    board = Dashboard(plan=plan, today=today, totals=Rollup(tally.totals))
    board.overdue_count = len(tally.red)
    board.trend = monthly_trend(tally.due, tally.completed)
    board.missing_years = sorted(tally.missing_years)
    return board


def _assignment_row(row, light, label):
    return {"id": row["id"], "url": assignment_url(row["id"]), "item_url": item_url(row["task__item_id"]),
            "number": f"{label['item']}.{label['position']}", "text": label["text"], "unit": label["unit"],
            "unit_url": unit_dashboard_url(row["unit_id"]), "due_date": row["due_date"], "percent": row["percent"],
            "colour": str(light.colour), "colour_label": light.colour.label,
            "reasons": [str(reason) for reason in light.reasons], "days": workdays_overdue(light),
            "position": (_natural(label["item"]), label["position"], row["id"])}


def _natural(number):
    number = str(number)
    return (int(number), "") if number.isdigit() else (10**9, number)


def _counts_row(counts):
    """Plain numbers and the worst colour of a Counter of colours, as the tables show them."""
    rollup = Rollup(counts)
    colour = rollup.colour
    return {"colour": str(colour), "colour_label": colour.label, "red": counts[Colour.RED],
            "yellow": counts[Colour.YELLOW], "green": counts[Colour.GREEN], "done": counts[Colour.DONE],
            "total": rollup.total, "completion": rollup.completion}


def unit_rows(unit_counts, plan):
    """Every unit with assignments in the plan: its counts and completion rate, by official name."""
    ids = list(unit_counts)
    names = dict(Unit.objects.filter(pk__in=ids).values_list("pk", "name"))
    short = display_names(names)  # the chart's labels: 沈河区政府 and 沈河区政府办 are told apart
    rows = [{"unit_id": unit_id, "name": names[unit_id], "short_name": short[unit_id],
             "url": unit_dashboard_url(unit_id, plan.pk), **_counts_row(counts)}
            for unit_id, counts in unit_counts.items()]
    return sorted(rows, key=lambda row: row["name"])


def item_rows(item_counts):
    """Items needing attention (red or yellow), worst first, at most ITEM_LIMIT; and how many there are."""
    flagged = [(item_id, counts) for item_id, counts in item_counts.items()
               if counts[Colour.RED] or counts[Colour.YELLOW]]
    flagged.sort(key=lambda entry: (-SEVERITY[Rollup(entry[1]).colour], -entry[1][Colour.RED],
                                    -entry[1][Colour.YELLOW], entry[0]))
    shown = flagged[:ITEM_LIMIT]
    titles = {pk: (number, title) for pk, number, title in
              Item.objects.filter(pk__in=[item_id for item_id, _c in shown]).values_list("pk", "number", "title")}
    return [{"item_id": item_id, "number": titles[item_id][0], "title": titles[item_id][1], "url": item_url(item_id),
             **_counts_row(counts)} for item_id, counts in shown], len(flagged)


def overdue_task_rows(red, plan):
    """The overdue assignments as the office reads them: by task, most overdue task first, each task's
    text once with its overdue units (most overdue first) and how many there are. At most
    OVERDUE_TASKS tasks and UNITS_PER_TASK units each; the links open the ledger filtered to the rest.
    Returns (rows, number of tasks with overdue assignments)."""
    by_task = {}
    for row, light in red:
        by_task.setdefault(row["task_id"], []).append((workdays_overdue(light), row))
    for members in by_task.values():
        members.sort(key=lambda member: (-member[0], member[1]["due_date"], member[1]["id"]))
    worst_first = sorted(by_task.items(), key=lambda entry: (-entry[1][0][0], -len(entry[1]), entry[0]))
    shown = worst_first[:OVERDUE_TASKS]
    tasks = {pk: rest for pk, *rest in Task.objects.filter(pk__in=[task_id for task_id, _m in shown])
             .values_list("pk", "item__number", "position", "text", "item_id")}
    unit_ids = {row["unit_id"] for _task, members in shown for _days, row in members[:UNITS_PER_TASK]}
    names = dict(Unit.objects.filter(pk__in=unit_ids).values_list("pk", "name"))
    short = display_names(names)  # as the chart names them (orgs.display)
    rows = []
    for task_id, members in shown:
        number, position, text, item_id = tasks[task_id]
        rows.append({
            "number": f"{number}.{position}", "text": " ".join(text.split()), "item_url": item_url(item_id),
            "url": ledger_url(plan.pk, task=task_id, light=Colour.RED), "count": len(members),
            "days": members[0][0], "more": max(0, len(members) - UNITS_PER_TASK),
            "units": [{"name": names[row["unit_id"]], "short_name": short[row["unit_id"]], "days": days,
                       "url": ledger_url(plan.pk, unit=row["unit_id"], light=Colour.RED)}
                      for days, row in members[:UNITS_PER_TASK]],
        })
    return rows, len(by_task)


def monthly_trend(due, completed):
    """Assignments due per month against assignments completed per month (the latest TREND_MONTHS)."""
    months = _month_range(min(due | completed), max(due | completed)) if due or completed else []
    months = months[-TREND_MONTHS:]
    return {
        "months": [{"label": f"{year}-{month:02d}", "due": due[(year, month)], "completed": completed[(year, month)]}
                   for year, month in months],
        "chart": charts.column_chart(
            [str(month) for _year, month in months],
            [("due", "due", [due[m] for m in months]), ("completed", "completed", [completed[m] for m in months])],
        ) if months else None,
    }


def _month_range(first, last):
    months, (year, month) = [], first
    while (year, month) <= last:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
