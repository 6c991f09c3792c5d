"""The escalation ladder as a pure function: reminder → warning → supervision notice (督办单).

Only overdue (red) assignments escalate, and only while the next move is the unit's: an
assignment whose report waits for the lead unit (state "submitted") is not the unit's fault.
Each level comes only after the previous one went unheeded for the configured working days;
"heeded" means the unit submitted a report after the notice. A heeded notice ends the chain: if
the assignment is still overdue `repeat_reminder_workdays` later, a new chain starts with a reminder.
After a supervision notice the ladder stops: the next step (约谈, a talk) happens off the system.
"""

from dataclasses import dataclass

from gongkai.ledger.models import AssignmentState

from .lights import Colour
from .models import Level

NEXT_LEVEL = {Level.REMINDER: Level.WARNING, Level.WARNING: Level.SUPERVISION, Level.SUPERVISION: None}


@dataclass(frozen=True)
class LastNotice:
    level: str
    sent_on: object  # date
    heeded_on: object = None  # date or None


def gap_before(level, settings):
    """Working days the previous level must have gone unheeded before `level` is issued."""
    return {Level.WARNING: settings.warning_after_workdays,
            Level.SUPERVISION: settings.supervision_after_workdays}[level]


def next_level(*, light, state, last, today, calendar, settings, last_report_on=None):
    """The level to issue today for one assignment, or None.

    `light` is its Light, `state` its workflow state, `last` its latest LastNotice (or None),
    `last_report_on` the day of its latest progress report (None if it never reported).
    """
    if light.colour != Colour.RED or state == AssignmentState.SUBMITTED:
        return None
    if last is None:
        return Level.REMINDER
    if last.sent_on >= today:
        return None  # one step a day at most, whatever the gaps are set to
    if last.heeded_on is not None:
        active_on = max(last.heeded_on, last_report_on or last.heeded_on)
        quiet = calendar.count_workdays(active_on, today)
        return Level.REMINDER if quiet >= settings.repeat_reminder_workdays else None
    level = NEXT_LEVEL[Level(last.level)]
    if level is None:
        return None
    unheeded_for = calendar.count_workdays(last.sent_on, today)
    return level if unheeded_for >= gap_before(level, settings) else None
