"""A plan's ledger as an office triages it: filtered, lit, sorted, a page at a time.

Unit, item, task and state filter in the database. The light is not a column: it is computed from
each assignment's facts (supervision/lights.py), so the facts of every assignment left after those
filters are read in one query, lit, filtered by light and sorted in Python — as the dashboards do for
20,000 rows — and only the page's rows fetch their long task texts. A page costs the same number of
queries however many assignments the plan has.
"""

from collections import Counter
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.models import Unit, short_names
from gongkai.querystrings import query_without
from gongkai.supervision import queries
from gongkai.supervision.lights import SEVERITY, WORST_FIRST, Colour, workdays_overdue
from gongkai.supervision.links import assignment_url

from .models import OPEN_STATES, OVERDUE, Assignment, AssignmentState

PAGE_SIZE = 50
TEXT_LENGTH = 60
LIGHT_ORDER = WORST_FIRST
FIELDS = ("id", "unit_id", "task_id", "task__item__position", "task__position", "state", "due_date", "percent")
SORT_CHOICES = [
    ("light", _("Light")), ("due", _("Due date")), ("item", _("Item")), ("unit", _("Unit")), ("state", _("State")),
]
DEFAULT_SORT = "light"  # triage: red first, the most overdue at the top
FILTERS = ("unit", "light", "state", "item", "task")
# State order for sorting: what needs action first, completed work last.
STATUS_ORDER = {OVERDUE: 0, **{str(state): rank for rank, state in enumerate(AssignmentState, start=1)}}


@dataclass
class LedgerList:
    page: Page
    rows: list  # dicts, ready for the template
    lights: Counter  # {colour: count} under every filter but the light
    sort: str

    @property
    def light_counts(self):
        """(colour, label, count) worst first, for the links that filter by light."""
        return [(str(colour), colour.label, self.lights[colour]) for colour in LIGHT_ORDER]


def build(assignments, filters, *, today, calendar, thresholds, page_number=None):
    """`assignments`: what the user may see of the plan; `filters` as cleaned by LedgerFilterForm."""
    assignments = filtered(assignments, filters, today)
    with queries.gc_paused():
        facts = list(queries.fact_values(assignments, *FIELDS))
        pairs = queries.lit(facts, today=today, calendar=calendar, thresholds=thresholds)
    lights = Counter(light.colour for _row, light in pairs)
    if filters.get("light"):
        pairs = [pair for pair in pairs if pair[1].colour == filters["light"]]
    names = dict(Unit.objects.filter(pk__in={row["unit_id"] for row, _light in pairs}).values_list("pk", "name"))
    sort = filters.get("sort") or DEFAULT_SORT
    pairs.sort(key=SORT_KEYS[sort](today, names))
    page = _page(Paginator(pairs, PAGE_SIZE), page_number)
    return LedgerList(page=page, rows=_rows(page.object_list, names, today), lights=lights, sort=sort)


def _page(paginator, number):
    """The page asked for; page 1 for a number that is none, the last page for one past the end."""
    try:
        number = int(number)
    except (TypeError, ValueError):
        number = 1
    return paginator.page(min(max(number, 1), paginator.num_pages))


def filtered(assignments, filters, today):
    if filters.get("unit"):
        assignments = assignments.filter(unit=filters["unit"])
    if filters.get("item"):
        assignments = assignments.filter(task__item=filters["item"])
    if filters.get("task"):
        assignments = assignments.filter(task=filters["task"])
    if filters.get("state"):
        assignments = assignments.in_status(filters["state"], today)
    return assignments


def _status(row, today):
    due = row["due_date"]
    if row["state"] in OPEN_STATES and due is not None and due < today:
        return OVERDUE
    return row["state"]


def _position(row):
    return (row["task__item__position"], row["task__position"], row["id"])


def _due(row, today):
    # Undated (ongoing) work after everything with a date, in plan order.
    due = row["due_date"]
    return (due is None, due or today, row["task__item__position"], row["task__position"], row["id"])


# Each sort is a key over (row, light) pairs, built once per request; 20,000 rows call it 20,000 times.
SORT_KEYS = {
    "due": lambda today, names: lambda pair: _due(pair[0], today),
    "unit": lambda today, names: lambda pair: (names[pair[0]["unit_id"]], _position(pair[0])),
    "item": lambda today, names: lambda pair: (_position(pair[0])[:2], names[pair[0]["unit_id"]]),
    # Worst first; among reds the most working days overdue first.
    "light": lambda today, names: lambda pair: (-SEVERITY[pair[1].colour], -workdays_overdue(pair[1]),
                                                _due(pair[0], today)),
    "state": lambda today, names: lambda pair: (STATUS_ORDER[_status(pair[0], today)], _due(pair[0], today)),
}


def _rows(pairs, names, today):
    """The page's rows with their task texts, item numbers and unit short names: two more queries."""
    labels = {pk: rest for pk, *rest in Assignment.objects.filter(pk__in=[row["id"] for row, _light in pairs])
              .values_list("id", "task__item__number", "task__item__title", "task__text")}
    short = short_names({row["unit_id"]: names[row["unit_id"]] for row, _light in pairs})
    rows = []
    for row, light in pairs:
        number, item_title, text = labels[row["id"]]
        status = _status(row, today)
        rows.append({
            "id": row["id"], "url": assignment_url(row["id"]), "number": f"{number}.{row['task__position']}",
            "item_title": item_title, "text": " ".join(text.split()), "text_length": TEXT_LENGTH,
            "unit": short[row["unit_id"]], "unit_name": names[row["unit_id"]], "due_date": row["due_date"],
            "status": status, "status_label": _("Overdue") if status == OVERDUE else AssignmentState(status).label,
            "percent": row["percent"], "colour": str(light.colour), "colour_label": light.colour.label,
            "reasons": [str(reason) for reason in light.reasons if light.colour != Colour.DONE],
        })
    return rows


def totals(assignments, today):
    """{"total": n, "overdue": n} of the whole plan as the user sees it, whatever the filters."""
    overdue = Q(state__in=OPEN_STATES, due_date__lt=today)
    return assignments.aggregate(total=Count("pk"), overdue=Count("pk", filter=overdue))


def links(query):
    """The starts of the page's links, each keeping the other filters: pages, sorts, lights, every task."""
    return {
        "page_link_base": query_without(query, "page"),
        "sort_link_base": query_without(query, "page", "sort"),
        "light_link_base": query_without(query, "page", "light"),
        "every_task_link": query_without(query, "page", "task"),
    }
