"""Red / yellow / green lights (红黄绿亮灯) as pure functions over plain facts.

`light_for` takes the facts of one assignment as plain values (a `.values()` row will do, with the
report facts of queries.REPORT_FACTS), today's date, a working-day calendar and the thresholds, and
touches no database: the dashboards and `gongkai tick` run it over 20,000 rows from one query.

Rules (rules.md §7; every number is a threshold the office sets):
  * completed assignments are "done" (grey);
  * red: open and the due date is before today (due today is not yet overdue);
  * yellow: `yellow_workdays` or fewer working days left, or behind schedule (序时进度, below) by
    `behind_points` or more, or returned by the lead unit and not yet corrected;
  * green otherwise, with the reason it is green (on pace, reported as continuing work, no due date).

序时进度 is judged only where it means something: for work with a real start and due date, against
what the unit itself reported (the latest report its reviewer signed off). A current report (made
within `current_report_workdays`) is held to the schedule of the day it was made, so a unit that
reported on pace stays green until its next report is due; a report at 0% is continuing work
described in words (持续推进), which claims no share to compare. Work not reported for longer is
held to today's schedule with the last reported share (0 if none): no report, no progress assumed.
Ongoing and recurring tasks (no due date) have no milestones and are never behind.
"""

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.ledger.models import CLOSED_STATES, AssignmentState
from gongkai.workdays.calendar import CalendarYearMissing

# The fields `light_for` reads. The first five are Assignment columns; the report facts are
# annotations (queries.REPORT_FACTS): callers select them with `queries.fact_values(...)`.
FACT_FIELDS = ("due_date", "started_on", "state", "percent", "returns", "reported_on", "reported_percent")


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
    # How long a report vouches for its pace: about one monthly reporting round.
    current_report_workdays: int = 22


class Why(StrEnum):
    # Warnings (they make a light red or yellow):
    OVERDUE = "overdue"  # value: working days overdue (None when the calendar is missing)
    DUE_SOON = "due_soon"  # value: working days left
    BEHIND = "behind"  # value: points behind the schedule of the day of a current report
    NOT_REPORTED = "not_reported"  # value: points behind today's schedule, no current report
    RETURNED = "returned"  # value: times returned
    CALENDAR_MISSING = "calendar_missing"  # value: the year whose holiday notice is not loaded
    # Why a light is green:
    ON_PACE = "on_pace"  # value: the percent of a current report, keeping pace with its day's schedule
    ON_PACE_TODAY = "on_pace_today"  # value: the percent of an older report, keeping pace even with today's
    CONTINUING = "continuing"  # a current report of continuing work (持续推进) without a share
    NO_DEADLINE = "no_deadline"  # ongoing or recurring work: no due date, no milestones
    TIME_LEFT = "time_left"  # value: working days left (nothing reported yet, or the check is off)


WARNINGS = frozenset({Why.OVERDUE, Why.DUE_SOON, Why.BEHIND, Why.NOT_REPORTED, Why.RETURNED})
# Reasons a digest or a list calls "behind schedule".
SCHEDULE_WARNINGS = frozenset({Why.BEHIND, Why.NOT_REPORTED})


class Reason(NamedTuple):
    why: Why
    value: int | None = None
    on: object = None  # the date of the report the reason rests on
    percent: int | None = None  # the percentage that report gave
    expected: int | None = None  # the schedule's percentage the report is held to

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

    @property
    def behind_schedule(self):
        return any(reason.why in SCHEDULE_WARNINGS for reason in self.reasons)


DONE = Light(Colour.DONE)
GREEN = Light(Colour.GREEN)  # a bare green, for callers that need "not red" (escalation tests)
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
    left = None
    if due is not None:
        try:
            if overdue:
                reasons.append(Reason(Why.OVERDUE, calendar.count_workdays(due, today)))
            else:
                left = calendar.count_workdays(today, due)
                if left <= settings.yellow_workdays:
                    reasons.append(Reason(Why.DUE_SOON, left))
        except CalendarYearMissing as missing:
            # Red is certain without the calendar; "due soon" is not, and is never guessed.
            reasons.append(Reason(Why.CALENDAR_MISSING, missing.year))
            if overdue:
                reasons.append(Reason(Why.OVERDUE, None))
    schedule = None
    if due is not None and not overdue:
        schedule = schedule_reason(facts, due, today, calendar, settings)
        if schedule is not None and schedule.why in SCHEDULE_WARNINGS:
            reasons.append(schedule)
    if state == RETURNED and settings.returns_make_yellow:
        reasons.append(Reason(Why.RETURNED, facts["returns"]))
    if overdue:
        return Light(Colour.RED, tuple(reasons))
    if any(reason.why in WARNINGS for reason in reasons):
        return Light(Colour.YELLOW, tuple(reasons))
    return Light(Colour.GREEN, (*reasons, _green_reason(facts, due, left, schedule)))


def _green_reason(facts, due, left, schedule):
    if due is None:
        return Reason(Why.NO_DEADLINE, on=facts["reported_on"])
    if schedule is not None:
        return schedule
    return Reason(Why.TIME_LEFT, left)


def schedule_reason(facts, due, today, calendar, settings):
    """序时进度 of an open assignment not yet overdue: a warning (BEHIND, NOT_REPORTED), the reason it
    keeps pace (ON_PACE, CONTINUING), or None where nothing can be judged (the check is off, the work
    has not started, or the calendar is missing)."""
    started = facts["started_on"]
    if not settings.behind_points or started is None or today <= started or due <= started:
        return None
    reported_on, percent = facts["reported_on"], facts["reported_percent"] or 0
    try:
        total = calendar.count_workdays(started, due)
        current = reported_on is not None and calendar.count_workdays(reported_on, today) <= \
            settings.current_report_workdays
        if current and not percent:
            return Reason(Why.CONTINUING, on=reported_on)
        # A current report is held to its own day's schedule; otherwise today's, with what was last said.
        elapsed = calendar.count_workdays(started, reported_on if current else today)
    except CalendarYearMissing:
        return None  # said once by light_for when it concerns the due date's year
    if total <= 0:
        return None
    elapsed = max(0, min(elapsed, total))
    # Integers only, so 19.99 points behind is never rounded up to 20.
    lag = elapsed * 100 - percent * total
    expected = elapsed * 100 // total
    if lag >= settings.behind_points * total:
        why = Why.BEHIND if current else Why.NOT_REPORTED
        return Reason(why, lag // total, on=reported_on, percent=percent, expected=expected)
    if reported_on is None:
        return None  # nothing reported yet, and not yet expected to show
    why = Why.ON_PACE if current else Why.ON_PACE_TODAY
    return Reason(why, percent, on=reported_on, percent=percent, expected=expected)


def expected_percent(started, due, today, calendar):
    """The share of the working time used by `today`, in whole percent (for display)."""
    if started is None or due is None or due <= started:
        return None
    total = calendar.count_workdays(started, due)
    if total <= 0:
        return None
    elapsed = max(0, min(calendar.count_workdays(started, today), total))
    return elapsed * 100 // total


def _day(day):
    return _("%(month)s/%(day)s") % {"month": day.month, "day": day.day}


def describe(reason):
    """One line people read: "3 working days overdue", "25 points behind schedule (…)"."""
    value, why = reason.value, reason.why
    if why == Why.OVERDUE:
        if value is None:
            return _("Overdue")
        return _("%(days)s working days overdue") % {"days": value}
    if why == Why.DUE_SOON:
        if value == 0:
            return _("Due today")
        return _("%(days)s working days left") % {"days": value}
    if why == Why.BEHIND:
        return _("%(points)s points behind schedule: reported %(percent)s%% on %(day)s, when %(expected)s%% "
                 "of the time was used") % {"points": value, "percent": reason.percent, "day": _day(reason.on),
                                             "expected": reason.expected}
    if why == Why.NOT_REPORTED:
        if reason.on is None:
            return _("No progress reported, and %(expected)s%% of the time is used") % {"expected": reason.expected}
        return _("No progress reported since %(day)s (%(percent)s%% then), and %(expected)s%% of the time is used"
                 ) % {"day": _day(reason.on), "percent": reason.percent, "expected": reason.expected}
    if why == Why.RETURNED:
        return _("Returned for correction")
    if why == Why.ON_PACE:
        return _("On schedule: reported %(percent)s%% on %(day)s, when %(expected)s%% of the time was used") % {
            "percent": reason.percent, "day": _day(reason.on), "expected": reason.expected}
    if why == Why.ON_PACE_TODAY:
        return _("On schedule: reported %(percent)s%% on %(day)s, and %(expected)s%% of the time is used") % {
            "percent": reason.percent, "day": _day(reason.on), "expected": reason.expected}
    if why == Why.CONTINUING:
        return _("Continuing work, progress reported on %(day)s") % {"day": _day(reason.on)}
    if why == Why.NO_DEADLINE:
        if reason.on is None:
            return _("Ongoing work without a due date")
        return _("Ongoing work without a due date, last reported on %(day)s") % {"day": _day(reason.on)}
    if why == Why.TIME_LEFT:
        if value is None:
            return _("Not yet due")
        return _("%(days)s working days to the due date") % {"days": value}
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
