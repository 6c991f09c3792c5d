"""The public progress of a plan: per item, who leads it, its deadlines, how much is done, a status word.

Only facts about items and units leave this module — never report texts, comments, people or files —
so the public page cannot show what it was never given. Status is a pure function of the
assignments' states, due dates and year-end decisions, and of `today`.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.ledger.models import OPEN_STATES, Assignment
from gongkai.plans.models import DeadlineKind, Plan

from .frozen import plan_is_closed
from .models import Decision


class ItemStatus(models.TextChoices):
    COMPLETED = "completed", _("Completed")
    IN_PROGRESS = "in_progress", _("In progress")
    OVERDUE = "overdue", _("Overdue")
    CARRIED = "carried", _("Carried over to next year")
    UNFINISHED = "unfinished", _("Not completed")
    NOT_ASSIGNED = "not_assigned", _("Not yet assigned")


@dataclass(frozen=True)
class Fact:
    """What the public status of an item depends on, per assignment."""

    state: str
    due_date: object  # datetime.date | None
    decision: str | None = None  # the year-end decision, once the plan is closed

    @property
    def is_open(self):
        return self.state in OPEN_STATES


def item_status(facts, today, *, plan_closed=False):
    """已完成 when every assignment is completed; 逾期 when an open one is past its due date; else 推进中.

    After the year-end close, open work is either carried over (结转) or not completed: “overdue”
    would stay true forever and tell the public nothing.
    """
    if not facts:
        return ItemStatus.NOT_ASSIGNED
    unfinished = [f for f in facts if f.is_open]
    if not unfinished:
        return ItemStatus.COMPLETED
    if plan_closed:
        carried = any(f.decision == Decision.CARRIED for f in unfinished)
        return ItemStatus.CARRIED if carried else ItemStatus.UNFINISHED
    if any(f.due_date is not None and f.due_date < today for f in unfinished):
        return ItemStatus.OVERDUE
    return ItemStatus.IN_PROGRESS


@dataclass
class ItemProgress:
    number: str
    title: str
    lead_units: list
    deadlines: list
    total: int
    completed: int
    status: ItemStatus

    @property
    def percent(self):
        return round(100 * self.completed / self.total) if self.total else 0


@dataclass
class PlanProgress:
    plan: Plan
    today: object
    closed: bool
    sections: list = field(default_factory=list)  # [(section title, [ItemProgress])]

    @property
    def items(self):
        return [item for _title, items in self.sections for item in items]

    def counts(self):
        """[(status, number of items)] in the order of ItemStatus, statuses with no item left out."""
        statuses = [item.status for item in self.items]
        return [(status, statuses.count(status)) for status in ItemStatus if statuses.count(status)]

    def bar(self):
        """Segments of a 100-wide stacked bar: [(status, count, x, width)]."""
        total, x, segments = len(self.items), 0.0, []
        for status, count in self.counts():
            width = 100 * count / total
            segments.append((status, count, round(x, 3), round(width, 3)))
            x += width
        return segments


def published_plans():
    return Plan.objects.filter(publication__published=True).order_by("-year", "title")


def plan_progress(plan, today):
    closed = plan_is_closed(plan)
    facts = {}
    rows = Assignment.objects.in_plan(plan).values_list("task__item_id", "state", "due_date",
                                                        "closure_decision__decision")
    for item_id, state, due_date, decision in rows:
        facts.setdefault(item_id, []).append(Fact(state, due_date, decision))
    progress = PlanProgress(plan=plan, today=today, closed=closed)
    items = plan.items.select_related("section").prefetch_related("tasks__units").order_by("position")
    last_section = object()
    for item in items:
        if item.section_id != last_section:
            progress.sections.append((str(item.section) if item.section else "", []))
            last_section = item.section_id
        progress.sections[-1][1].append(_item_progress(item, facts.get(item.pk, []), today, closed))
    return progress


def _item_progress(item, facts, today, closed):
    return ItemProgress(
        number=item.number, title=item.title, lead_units=[u.name for u in item.lead_units],
        deadlines=deadline_labels(item.tasks.all()), total=len(facts),
        completed=sum(not f.is_open for f in facts), status=item_status(facts, today, plan_closed=closed),
    )


def deadline_labels(tasks):
    """Each distinct deadline of the tasks once: a date, or the words of the plan (持续推进, 每季度)."""
    labels = []
    for task in tasks:
        if task.deadline_kind == DeadlineKind.DATE and task.deadline_date:
            label = task.deadline_date.isoformat()
        else:
            label = task.deadline_text or str(task.get_deadline_kind_display())
        if label not in labels:
            labels.append(label)
    return labels
