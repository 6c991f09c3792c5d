"""Red / yellow / green lights (红黄绿亮灯) as pure functions over plain facts.

`light_for` takes the facts of one assignment as plain values (a `.values()` row will do), today's
date, a working-day calendar and the thresholds, and touches no database: the dashboards and
`gongkai tick` run it over 20,000 rows from one query.

Rules (rules.md §7; every number is a threshold the office sets):
  * completed assignments are "done" (grey);
  * red: open and the due date is before today (due today is not yet overdue);
  * yellow: `yellow_workdays` or fewer working days left, or behind schedule (序时进度) by
    `behind_points` or more, or returned by the lead unit and not yet corrected;
  * green otherwise — ongoing tasks without a due date stay green unless returned.
"""

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.ledger.models import CLOSED_STATES, AssignmentState
from gongkai.workdays.calendar import CalendarYearMissing

# The fields `light_for` reads; callers select them with `.values(*FACT_FIELDS)`.
FACT_FIELDS = ("due_date", "started_on", "state", "percent", "returns")


class Colour(StrEnum):
    DONE = "done"
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"

    @property
    def label(self):
        return COLOUR_LABELS[self]


COLOUR_LABELS = {
    Colour.DONE: gettext_lazy("Completed"),
    Colour.GREEN: gettext_lazy("Green"),
    Colour.YELLOW: gettext_lazy("Yellow"),
    Colour.RED: gettext_lazy("Red"),
}

# Worst wins when lights are rolled up: red over yellow over green over done.
SEVERITY = {Colour.DONE: 0, Colour.GREEN: 1, Colour.YELLOW: 2, Colour.RED: 3}
WORST_FIRST = sorted(Colour, key=SEVERITY.get, reverse=True)


@dataclass(frozen=True)
class Thresholds:
    """What the office configured (LightSettings holds them; tests build them directly)."""

    yellow_workdays: int = 5
    behind_points: int = 20  # 0 turns the schedule check off
    returns_make_yellow: bool = True


class Why(StrEnum):
    OVERDUE = "overdue"  # value: working days overdue (None when the calendar is missing)
    DUE_SOON = "due_soon"  # value: working days left
    BEHIND = "behind"  # value: percentage points behind schedule
    RETURNED = "returned"  # value: times returned
    CALENDAR_MISSING = "calendar_missing"  # value: the year whose holiday notice is not loaded


class Reason(NamedTuple):
    why: Why
    value: int | None

    def __str__(self):
        return describe(self)


class Light(NamedTuple):
    # Named tuples, not dataclasses: the dashboards create 20,000 of them per request.
    colour: Colour
    reasons: tuple = ()

    def has(self, why):
        return any(reason.why == why for reason in self.reasons)

    def value_of(self, why):
        return next((reason.value for reason in self.reasons if reason.why == why), None)


DONE = Light(Colour.DONE)
GREEN = Light(Colour.GREEN)
# Plain strings: set membership and equality on them are what 20,000 rows a request pay for.
CLOSED = frozenset(str(state) for state in CLOSED_STATES)
RETURNED = str(AssignmentState.RETURNED)


def light_for(facts, today, calendar, settings):
    """The light of one assignment. `facts` maps FACT_FIELDS to plain values."""
    state = facts["state"]
    if state in CLOSED:
        return DONE
    reasons = []
    due = facts["due_date"]
    overdue = due is not None and due < today
    if due is not None:
        reasons.extend(_deadline_reasons(due, today, overdue, calendar, settings))
        if not overdue:
            reasons.extend(_schedule_reasons(facts, due, today, calendar, settings))
    if state == RETURNED and settings.returns_make_yellow:
        reasons.append(Reason(Why.RETURNED, facts["returns"]))
    if overdue:
        return Light(Colour.RED, tuple(reasons))
    if any(reason.why != Why.CALENDAR_MISSING for reason in reasons):
        return Light(Colour.YELLOW, tuple(reasons))
    return Light(Colour.GREEN, tuple(reasons)) if reasons else GREEN


def _deadline_reasons(due, today, overdue, calendar, settings):
    try:
        if overdue:
            return [Reason(Why.OVERDUE, calendar.count_workdays(due, today))]
        left = calendar.count_workdays(today, due)
    except CalendarYearMissing as missing:
        # Red is certain without the calendar; "due soon" is not, and is never guessed.
        return [Reason(Why.CALENDAR_MISSING, missing.year)] + ([Reason(Why.OVERDUE, None)] if overdue else [])
    return [Reason(Why.DUE_SOON, left)] if left <= settings.yellow_workdays else []


def _schedule_reasons(facts, due, today, calendar, settings):
    """序时进度: expected % = elapsed working days / all working days from start to due date."""
    started = facts["started_on"]
    if not settings.behind_points or started is None or today <= started or due <= started:
        return []
    try:
        total = calendar.count_workdays(started, due)
        elapsed = min(calendar.count_workdays(started, today), total)
    except CalendarYearMissing:
        return []  # reported once by _deadline_reasons when it concerns the due date's year
    if total <= 0:
        return []
    # Integers only, so 19.99 points behind is never rounded up to 20.
    lag = elapsed * 100 - facts["percent"] * total
    if lag >= settings.behind_points * total:
        return [Reason(Why.BEHIND, lag // total)]
    return []


def expected_percent(started, due, today, calendar):
    """The share of the working time used by `today`, in whole percent (for display)."""
    if started is None or due is None or due <= started:
        return None
    total = calendar.count_workdays(started, due)
    if total <= 0:
        return None
    elapsed = max(0, min(calendar.count_workdays(started, today), total))
    return elapsed * 100 // total


def describe(reason):
    """One line people read: "3 working days overdue", "25 points behind schedule"."""
    value = reason.value
    if reason.why == Why.OVERDUE:
        if value is None:
            return _("Overdue")
        return _("%(days)s working days overdue") % {"days": value}
    if reason.why == Why.DUE_SOON:
        if value == 0:
            return _("Due today")
        return _("%(days)s working days left") % {"days": value}
    if reason.why == Why.BEHIND:
        return _("%(points)s points behind schedule") % {"points": value}
    if reason.why == Why.RETURNED:
        return _("Returned for correction")
    return _("Working days unknown: the calendar for %(year)s is not loaded") % {"year": value}


class CachedCalendar:
    """A WorkCalendar whose counts are memoised: 20,000 assignments share a few hundred dates."""

    def __init__(self, calendar):
        self.calendar = calendar
        self._counts = {}

    def count_workdays(self, after, until):
        key = (after, until)
        if key not in self._counts:
            try:
                self._counts[key] = self.calendar.count_workdays(after, until)
            except CalendarYearMissing as missing:
                self._counts[key] = missing
        result = self._counts[key]
        if isinstance(result, CalendarYearMissing):
            raise result
        return result

    def __getattr__(self, name):
        return getattr(self.calendar, name)


# --- roll-ups ----------------------------------------------------------------------------------


@dataclass
class Rollup:
    """Counts by colour of a group of assignments (an item, a unit, a plan); the worst colour wins."""

    counts: Counter

    @classmethod
    def of(cls, lights):
        return cls(Counter(light.colour for light in lights))

    @property
    def colour(self):
        return next((colour for colour in WORST_FIRST if self.counts[colour]), None)

    @property
    def total(self):
        return sum(self.counts.values())

    @property
    def done(self):
        return self.counts[Colour.DONE]

    @property
    def completion(self):
        """Whole percent of assignments completed (None for an empty group)."""
        return self.done * 100 // self.total if self.total else None

    def __getitem__(self, colour):
        return self.counts[Colour(colour)]

    def add(self, colour):
        self.counts[colour] += 1


def roll_up_by(pairs, key):
    """{key(row): Rollup} over (row, light) pairs, e.g. key=lambda row: row["unit_id"]."""
    rollups = {}
    for row, light in pairs:
        group = key(row)
        if group not in rollups:
            rollups[group] = Rollup(Counter())
        rollups[group].add(light.colour)
    return rollups


def workdays_overdue(light):
    """Working days overdue of a red light (0 when not red or unknown), for sorting overdue lists."""
    if light.colour != Colour.RED:
        return 0
    return light.value_of(Why.OVERDUE) or 0
