"""The closing report (回头看): what was done, what was carried over and why, what was dropped and why.

One data structure feeds both the HTML page and the Word file, so they cannot disagree.
"""

from collections import Counter
from dataclasses import dataclass, field

from gongkai.ledger.models import Assignment, AssignmentState

from .models import Decision


@dataclass
class ItemOutcome:
    """How the assignments of one item ended the year."""

    number: str
    title: str
    counts: Counter = field(default_factory=Counter)  # keys: done, done_late, carried, dropped, undecided

    @property
    def total(self):
        return sum(self.counts.values())


@dataclass
class DecisionGroup:
    """Assignments of one task decided together: same decision, reason, target and due date."""

    task_label: str
    task_text: str
    units: list
    reason: str
    target_plan: object = None
    due_date: object = None


@dataclass
class ClosingReport:
    closure: object
    items: list
    carried: list
    dropped: list

    @property
    def plan(self):
        return self.closure.plan

    @property
    def total(self):
        return sum(item.total for item in self.items)

    def totals(self):
        total = Counter()
        for item in self.items:
            total.update(item.counts)
        return total


OUTCOME_OF_STATE = {AssignmentState.DONE: "done", AssignmentState.DONE_LATE: "done_late"}


def closing_report(closure):
    return ClosingReport(closure=closure, items=item_outcomes(closure), carried=decision_groups(closure, Decision.CARRIED),
                         dropped=decision_groups(closure, Decision.DROPPED))


def item_outcomes(closure):
    outcomes = {}
    for item in closure.plan.items.order_by("position"):
        outcomes[item.pk] = ItemOutcome(number=item.number, title=item.title)
    rows = Assignment.objects.in_plan(closure.plan).values_list("task__item_id", "state", "closure_decision__decision")
    for item_id, state, decision in rows:
        outcomes[item_id].counts[OUTCOME_OF_STATE.get(state) or decision or "undecided"] += 1
    return list(outcomes.values())


def decision_groups(closure, decision):
    rows = closure.decisions.filter(decision=decision).select_related(
        "assignment__task__item", "assignment__unit", "target_plan", "new_assignment")
    groups = {}
    for row in rows:
        task = row.assignment.task
        due = row.new_assignment.due_date if row.new_assignment else None
        key = (task.pk, row.reason, row.target_plan_id, due)
        if key not in groups:
            groups[key] = DecisionGroup(task_label=f"{task.item.number}.{task.position}", task_text=task.text,
                                        units=[], reason=row.reason, target_plan=row.target_plan, due_date=due)
        groups[key].units.append(row.assignment.unit.name)
    return list(groups.values())
