"""What the ledger says about each unit as of the close of a cut-off day: the facts bulletins and the
annual assessment count.

The ledger stores current state, but a bulletin for 1 July – 30 September written in mid-October must
count what was true when 30 September closed. So every fact is read from dates, never from today's state:

* completed by the cut-off: `completed_on` (the day the completion report was accepted) ≤ cut-off;
  late when the ledger judged it late at acceptance (state `done_late`);
* due date at the cut-off: the current due date, unless it was changed after the cut-off — then the
  value it had before the first such change, read from the event log (`assignment.due_changed`);
* overdue at the cut-off: due on or before the cut-off and not completed by it — the ledger's own rule
  (`Assignment.is_overdue(today)`: due date < today) evaluated on the day after the cut-off;
* returned: progress reports the lead unit returned (`decided_at`) on or before the cut-off. Returns by
  the unit's own reviewer stay inside the unit and are not counted.

Three queries, whatever the size of the plan: assignment rows, returned reports, later due-date changes.
The counting itself is a pure function (`count_facts`) over those rows.
"""

import datetime
from dataclasses import asdict, dataclass
from fractions import Fraction

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from gongkai.events.models import Event
from gongkai.ledger.models import Assignment, AssignmentState, ProgressReport, ReportStatus


@dataclass(frozen=True)
class Facts:
    """Counts for one unit (or a total) over a window that ends at the cut-off."""

    assignments: int = 0  # assignments the unit had at the cut-off (window-independent)
    due: int = 0  # due within the window
    completed: int = 0  # completed within the window, whatever their due date
    completed_due: int = 0  # due within the window and completed by the cut-off
    completed_late: int = 0  # completed within the window, after their due date
    overdue: int = 0  # due within the window and not completed by the cut-off
    returned: int = 0  # reports the lead unit returned within the window

    @property
    def completion_rate(self):
        """Share of the assignments due that were completed by the cut-off; None when nothing was due."""
        return Fraction(self.completed_due, self.due) if self.due else None

    def __add__(self, other):
        return Facts(**{name: value + getattr(other, name) for name, value in asdict(self).items()})

    def as_dict(self):
        return asdict(self)


@dataclass(frozen=True)
class AssignmentRow:
    unit_id: int
    due_date: datetime.date | None  # as it stood at the cut-off
    completed_on: datetime.date | None
    late: bool


@dataclass(frozen=True)
class ReturnRow:
    unit_id: int
    returned_on: datetime.date


def count_facts(assignments, returns, *, cutoff, start=None):
    """{unit_id: Facts} over the window start..cutoff (both inclusive; no start = from the beginning)."""

    def in_window(day):
        return day is not None and day <= cutoff and (start is None or day >= start)

    counts = {}
    for row in assignments:
        counts.setdefault(row.unit_id, _Counter()).add_assignment(row, cutoff, in_window)
    for row in returns:
        if in_window(row.returned_on):
            counts.setdefault(row.unit_id, _Counter()).returned += 1
    return {unit_id: counter.facts() for unit_id, counter in counts.items()}


class _Counter:
    def __init__(self):
        self.assignments = self.due = self.completed = self.completed_due = 0
        self.completed_late = self.overdue = self.returned = 0

    def add_assignment(self, row, cutoff, in_window):
        self.assignments += 1
        done_by_cutoff = row.completed_on is not None and row.completed_on <= cutoff
        if in_window(row.completed_on):
            self.completed += 1
            self.completed_late += row.late
        if in_window(row.due_date):
            self.due += 1
            if done_by_cutoff:
                self.completed_due += 1
            else:
                self.overdue += 1

    def facts(self):
        return Facts(**vars(self))


def total(facts_per_unit):
    return sum(facts_per_unit.values(), Facts())


# --- reading the ledger ----------------------------------------------------------------------------


def start_of_day(day):
    """The first instant of `day`, in local time (Asia/Shanghai)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def end_of_day(day):
    """The first instant after `day` closes, in local time."""
    return start_of_day(day + datetime.timedelta(days=1))


def load_rows(plan, cutoff):
    """(assignment rows, return rows) of `plan` as they stood at the close of `cutoff`."""
    values = (
        Assignment.objects.in_plan(plan).filter(started_on__lte=cutoff)
        .values_list("pk", "unit_id", "due_date", "completed_on", "state")
    )
    earlier_due = due_dates_before_later_changes(cutoff)
    assignments = [
        AssignmentRow(unit_id=unit_id, due_date=earlier_due.get(pk, due_date),
                      completed_on=completed_on, late=state == AssignmentState.DONE_LATE)
        for pk, unit_id, due_date, completed_on, state in values
    ]
    returned = ProgressReport.objects.filter(
        assignment__task__item__plan=plan, status=ReportStatus.RETURNED, decided_at__lt=end_of_day(cutoff),
    ).values_list("assignment__unit_id", "decided_at")
    returns = [ReturnRow(unit_id=unit_id, returned_on=timezone.localdate(at)) for unit_id, at in returned]
    return assignments, returns


def due_dates_before_later_changes(cutoff):
    """{assignment pk: due date it had at the cut-off} for assignments whose due date changed after it."""
    events = Event.objects.filter(
        verb="assignment.due_changed", subject_type=ContentType.objects.get_for_model(Assignment),
        created_at__gte=end_of_day(cutoff),
    ).order_by("created_at", "id").values_list("subject_id", "data")
    earlier = {}
    for subject_id, data in events:
        earlier.setdefault(int(subject_id), _parse_date(data.get("from")))
    return earlier


def _parse_date(value):
    return datetime.date.fromisoformat(value) if value else None


def ledger_facts(plan, *, cutoff, start=None):
    """{unit_id: Facts} of `plan` over start..cutoff, read from the ledger as of the close of `cutoff`."""
    assignments, returns = load_rows(plan, cutoff)
    return count_facts(assignments, returns, cutoff=cutoff, start=start)


def period_and_cumulative(plan, *, start, cutoff):
    """Both windows from one read of the ledger: ({unit: period Facts}, {unit: cumulative Facts})."""
    assignments, returns = load_rows(plan, cutoff)
    return (count_facts(assignments, returns, cutoff=cutoff, start=start),
            count_facts(assignments, returns, cutoff=cutoff))


def last_closed_day(today):
    """Figures are as of the close of a day: the latest day that has closed is yesterday."""
    return today - datetime.timedelta(days=1)
