"""Named reads for lights: assignment facts as plain rows, lit in bulk (no model instances)."""

import gc
from contextlib import contextmanager

from django.db.models import Exists, Max, OuterRef, Subquery
from django.db.models.functions import TruncDate

from gongkai.ledger.models import Assignment, ProgressReport, ReportStatus
from gongkai.plans.models import Plan
from gongkai.workdays.calendar import WorkCalendar

from .lights import FACT_FIELDS, CachedCalendar, light_for

ROW_FIELDS = ("id", "unit_id", "task_id", "task__item_id", "task__item__number", "task__position",
              "completed_on", *FACT_FIELDS)
# What a unit has said about its progress: reports its reviewer signed off (a lead unit's return asks
# for a correction, it does not unsay the progress). The handler's draft awaiting sign-off is not yet
# the unit's word, nor one its reviewer sent back.
SIGNED_OFF = (ReportStatus.AWAITING_LEAD, ReportStatus.ACCEPTED, ReportStatus.RETURNED)


def _latest_signed_off():
    return (ProgressReport.objects.filter(assignment=OuterRef("pk"), status__in=SIGNED_OFF)
            .order_by("-created_at", "-id"))


def report_facts():
    """The annotations lights read beside an assignment's columns: the local date and the percentage
    of its latest signed-off report (None without one). Two correlated subqueries on the report's
    assignment index: one query however many assignments."""
    latest = _latest_signed_off()
    return {"reported_on": Subquery(latest.annotate(day=TruncDate("created_at")).values("day")[:1]),
            "reported_percent": Subquery(latest.values("percent")[:1])}


def fact_values(assignments, *fields):
    """`.values()` rows of `assignments` with `fields` and every fact a light needs."""
    return assignments.order_by().annotate(**report_facts()).values(*dict.fromkeys((*fields, *FACT_FIELDS)))


@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector while 20,000 rows and lights are built.

    They hold no reference cycles, but allocating them triggers full collections that rescan
    every live object: a third of a dashboard's time. Reference counting still frees everything.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def position_key(row):
    """Plan order of a fact row: item number (numerically), task position, then id."""
    number = str(row["task__item__number"])
    return (int(number) if number.isdigit() else 10**9, number, row["task__position"], row["id"])


def fact_rows(assignments):
    """One dict per assignment with everything lights, roll-ups and lists need; one query."""
    return list(fact_values(assignments, *ROW_FIELDS))


def lit(rows, *, today, calendar, thresholds):
    """[(row, Light)] for fact rows, counting working days once per distinct date pair."""
    calendar = CachedCalendar(calendar)
    return [(row, light_for(row, today, calendar, thresholds)) for row in rows]


def light_of(assignment, *, today, thresholds, calendar=None):
    """The light of one Assignment instance (for pages that show one)."""
    facts = fact_values(Assignment.objects.filter(pk=assignment.pk)).get()
    return light_for(facts, today, calendar or WorkCalendar.from_db(), thresholds)


def plans_with_assignments():
    """Plans that have a ledger, newest first (EXISTS stops at the first assignment; a join would
    visit all 20,000 and then de-duplicate)."""
    has_assignments = Exists(Assignment.objects.filter(task__item__plan=OuterRef("pk")))
    return Plan.objects.filter(has_assignments).order_by("-year", "-id")


def last_report_times(assignments):
    """{assignment id: time of its latest progress report}."""
    rows = (ProgressReport.objects.filter(assignment__in=assignments).values("assignment_id")
            .annotate(last=Max("created_at")).values_list("assignment_id", "last"))
    return dict(rows)


def assignment_labels(ids):
    """{id: {"item": "7", "position": 2, "text": …, "unit": …, "item_id": …}} for the assignments
    a list shows; long task texts are fetched only for these, in chunks (SQLite limits parameters)."""
    ids, labels = list(ids), {}
    for start in range(0, len(ids), 2000):
        rows = Assignment.objects.filter(pk__in=ids[start:start + 2000]).values_list(
            "id", "task__item__number", "task__position", "task__text", "unit__name", "task__item_id",
            "task__item__plan__title")
        for pk, item, position, text, unit, item_id, plan in rows:
            labels[pk] = {"item": item, "position": position, "text": text, "unit": unit, "item_id": item_id,
                          "plan": plan}
    return labels
