"""Reminders about disclosure applications for `gongkai tick`: lights, who hears about them, escalation.

Lights follow foi.lights and the office's thresholds (foi.models.Thresholds, rules.md §7): yellow at
5 or fewer working days left by default, red once the reply is overdue. Who is told, once a day:

* yellow and red — the application's handler; with no handler (or an inactive one), the unit's handlers
  (and, in a unit without handlers, its liaisons);
* red — also the handling unit's liaisons;
* red and overdue by more than the office's escalation threshold (default 3 working days) — also the
  disclosure office's administrators;
* replies awaiting approval — the unit's reviewers (its liaisons where it has none);
* an applicant's deadline that passed (no correction, fee unpaid) — the handler, to close the case.

The clock of a paused application (consultation, fee, correction) is recomputed from its events,
because a consultation that is not answered lapses after 15 working days without anyone recording
it: the cached due date would be stale. Running applications use the cached due date.

Each person gets at most one FOI notification a day (key "foi-reminders:<day>"), so running the tick
twice sends nothing twice; the same text is a section of their daily e-mail digest (supervision.digest).
Texts name tracking codes, units and dates: never personal data.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gongkai.notifications.models import Kind, Notification
from gongkai.notifications.services import notify_many
from gongkai.orgs.models import Membership, Role, Unit
from gongkai.workdays.calendar import CalendarYearMissing, WorkCalendar

from . import clock, clocking
from .lights import light
from .models import Application, ClockEvent, Status, Thresholds

MAX_LISTED = 10  # per heading: a notification is read, not searched; the work list has the rest

RUNNING = (Status.IN_HANDLING, Status.AWAITING_APPROVAL, Status.APPROVED)
PAUSED = (Status.CONSULTING, Status.AWAITING_PAYMENT, Status.AWAITING_CORRECTION)


@dataclass(frozen=True)
class Matter:
    """One application that needs a word today. `workdays`: left (yellow) or overdue (red)."""

    application_id: int
    tracking_code: str
    unit_id: int
    handler_id: int | None
    status: str
    due_date: object
    colour: str | None  # "yellow", "red", or None (in time, or no clock running)
    workdays: int | None
    abandoned_as: str | None = None  # the applicant's deadline passed: close the case
    escalated_to_office: bool = False  # red and overdue beyond the office's threshold


@dataclass
class UnitMatters:
    unit_id: int
    yellow: list = field(default_factory=list)
    red: list = field(default_factory=list)
    awaiting_approval: list = field(default_factory=list)
    to_close: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.yellow or self.red or self.awaiting_approval or self.to_close)


def foi_matters(today, calendar, thresholds=None):
    """{handling unit id: UnitMatters} of the open applications that need a word on `today`.

    `thresholds`: the office's (foi.models.Thresholds), read here when not given.
    """
    thresholds = thresholds or Thresholds.current()
    matters = {}
    for matter in _lit(today, calendar, thresholds):
        unit = matters.setdefault(matter.unit_id, UnitMatters(matter.unit_id))
        if matter.colour == "red":
            unit.red.append(matter)
        elif matter.colour == "yellow":
            unit.yellow.append(matter)
        if matter.abandoned_as:
            unit.to_close.append(matter)
        if matter.status == Status.AWAITING_APPROVAL:
            unit.awaiting_approval.append(matter)
    for unit in matters.values():
        unit.red.sort(key=lambda m: (-(m.workdays or 0), m.tracking_code))  # most overdue first
        unit.yellow.sort(key=lambda m: (m.workdays, m.tracking_code))  # least time left first
        unit.awaiting_approval.sort(key=lambda m: (m.due_date is None, m.due_date, m.tracking_code))
        unit.to_close.sort(key=lambda m: m.tracking_code)
    return {unit_id: unit for unit_id, unit in matters.items() if unit}


def _lit(today, calendar, thresholds):
    fields = ("id", "tracking_code", "handling_unit_id", "handler_id", "status", "due_date")
    yellow, escalation = thresholds.yellow_workdays, thresholds.office_escalation_workdays
    for row in Application.objects.filter(status__in=RUNNING).values(*fields):
        colour, days = light(row["due_date"], today, calendar, yellow=yellow)
        yield _matter(row, row["due_date"], colour, days, escalation)
    events = Prefetch("clock_events", queryset=ClockEvent.objects.order_by("day", "id"))
    for application in Application.objects.filter(status__in=PAUSED).prefetch_related(events):
        state = _clock(application, today, calendar)
        if state is None:
            continue
        row = {name: getattr(application, name) for name in fields}
        colour, days = (None, None) if state.paused else light(state.due, today, calendar, yellow=yellow)
        yield _matter(row, state.due, colour, days, escalation, abandoned_as=state.abandoned_as)


def _clock(application, today, calendar):
    """The clock on `today`, or None where it cannot be computed (the work list shows why)."""
    try:
        events = [clocking.as_clock_event(row) for row in application.clock_events.all()]
        return clock.compute_clock(events, calendar=calendar, today=today)
    except (clock.ClockError, CalendarYearMissing):
        return None


def _matter(row, due, colour, days, escalation, abandoned_as=None):
    return Matter(application_id=row["id"], tracking_code=row["tracking_code"], unit_id=row["handling_unit_id"],
                  handler_id=row["handler_id"], status=row["status"], due_date=due,
                  colour=colour if colour in ("yellow", "red") else None, workdays=days, abandoned_as=abandoned_as,
                  escalated_to_office=colour == "red" and days is not None and days > escalation)


# --- who hears what ------------------------------------------------------------------------------

class Heading:
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    TO_CLOSE = "to_close"
    APPROVAL = "approval"
    ESCALATED = "escalated"  # liaisons and the office: overdue in a unit they oversee

    ORDER = (OVERDUE, DUE_SOON, TO_CLOSE, APPROVAL, ESCALATED)


@dataclass
class ReminderReport:
    today: object
    workday: bool = True
    units: int = 0
    yellow: int = 0
    red: int = 0
    escalated: int = 0  # red and overdue beyond the office threshold
    awaiting_approval: int = 0
    to_close: int = 0
    recipients: int = 0
    notified: int = 0  # new notifications written now (0 on a second run the same day)
    # {user id: DigestSection}: what the daily e-mail digest adds for each person (tick sends it).
    sections: dict = field(default_factory=dict, repr=False)

    def summary(self):
        return {name: getattr(self, name) for name in (
            "workday", "units", "yellow", "red", "escalated", "awaiting_approval", "to_close", "recipients",
            "notified")} | {"today": self.today.isoformat()}


def send_foi_reminders(today, *, calendar=None):
    """Notify handlers, reviewers, liaisons and the office of today's FOI matters, once per person per day.

    Nothing is sent on a day that is not a working day (as the ledger tick). Raises CalendarYearMissing
    when `today`'s year has no calendar: that is an error to fix, not a day to guess.
    """
    calendar = calendar or WorkCalendar.from_db()
    report = ReminderReport(today=today)
    if not calendar.is_workday(today):
        report.workday = False
        return report
    with transaction.atomic():
        matters = foi_matters(today, calendar)
        _count(report, matters)
        inboxes = recipients(matters)
        report.recipients = len(inboxes)
        report.sections = digest_sections(inboxes, matters, today)
        report.notified = notify_many(notifications=[
            Notification(user_id=user_id, kind=section.kind, text=section.text, url=reverse("foi:list"),
                         key=f"foi-reminders:{today.isoformat()}")
            for user_id, section in sorted(report.sections.items())])
    return report


def _count(report, matters):
    report.units = len(matters)
    for unit in matters.values():
        report.yellow += len(unit.yellow)
        report.red += len(unit.red)
        report.escalated += sum(1 for m in unit.red if m.escalated_to_office)
        report.awaiting_approval += len(unit.awaiting_approval)
        report.to_close += len(unit.to_close)


@dataclass
class People:
    by_unit: dict  # unit id → {role: [user ids]}
    office: list  # the disclosure office's administrators


def recipients(matters):
    """{user id: {heading: [Matter]}}: what each person is told today (a matter once per heading)."""
    people = _people(matters)
    inboxes = {}

    def tell(user_ids, heading, matter):
        for user_id in user_ids:
            inbox = inboxes.setdefault(user_id, {})
            if heading == Heading.ESCALATED and matter.application_id in inbox.get(Heading.OVERDUE, ()):
                continue  # a liaison standing in for absent handlers already has it as their own
            inbox.setdefault(heading, {}).setdefault(matter.application_id, matter)

    for unit_id, unit in matters.items():
        staff = people.by_unit.get(unit_id, {})
        for heading, listed in ((Heading.OVERDUE, unit.red), (Heading.DUE_SOON, unit.yellow),
                                (Heading.TO_CLOSE, unit.to_close)):
            for matter in listed:
                tell(_handlers_of(matter, staff), heading, matter)
        for matter in unit.red:
            tell(staff.get(Role.LIAISON, ()), Heading.ESCALATED, matter)
            if matter.escalated_to_office:
                tell(people.office, Heading.ESCALATED, matter)
        for matter in unit.awaiting_approval:
            tell(staff.get(Role.REVIEWER) or staff.get(Role.LIAISON, ()), Heading.APPROVAL, matter)
    return {user_id: {heading: list(listed.values()) for heading, listed in inbox.items()}
            for user_id, inbox in inboxes.items()}


def _handlers_of(matter, staff):
    """The application's handler; else the unit's handlers; else its liaisons (someone must hear it).

    A named handler who left the unit or was deactivated is passed over: the unit's handlers hear instead.
    """
    if matter.handler_id in (*staff.get(Role.HANDLER, ()), *staff.get(Role.LIAISON, ())):
        return [matter.handler_id]
    return staff.get(Role.HANDLER) or staff.get(Role.LIAISON, ())


def _people(matters):
    by_unit = {}
    rows = (Membership.objects.filter(user__is_active=True, unit_id__in=list(matters),
                                      role__in=(Role.HANDLER, Role.LIAISON, Role.REVIEWER))
            .values_list("unit_id", "role", "user_id").order_by("user_id"))
    for unit_id, role, user_id in rows:
        by_unit.setdefault(unit_id, {}).setdefault(role, []).append(user_id)
    office = sorted(set(Membership.objects.filter(role=Role.OFFICE_ADMIN, user__is_active=True)
                        .values_list("user_id", flat=True)))
    return People(by_unit=by_unit, office=office)


# --- the text ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DigestSection:
    """One person's FOI matters of the day: the notification's text, also a section of the e-mail digest."""

    text: str
    kind: str  # the notification kind: a warning when something is overdue
    overdue: int  # overdue applications (their own, or in units they oversee)
    attention: int  # the others: due soon, to close, awaiting approval


def digest_sections(inboxes, matters, today):
    """{user id: DigestSection} in the deployment's language."""
    if not inboxes:
        return {}
    units = dict(Unit.objects.filter(pk__in=list(matters)).values_list("pk", "name"))
    with translation.override(settings.LANGUAGE_CODE):
        return {user_id: _section(headings, units, today) for user_id, headings in inboxes.items()}


def _section(headings, units, today):
    overdue = sum(len(headings.get(heading, ())) for heading in (Heading.OVERDUE, Heading.ESCALATED))
    attention = sum(len(listed) for listed in headings.values()) - overdue
    return DigestSection(text=reminder_text(headings, units, today), overdue=overdue, attention=attention,
                         kind=Kind.WARNING if overdue else Kind.REMINDER)


def heading_labels():
    return {
        Heading.OVERDUE: _("Disclosure applications overdue"),
        Heading.DUE_SOON: _("Disclosure applications due soon"),
        Heading.TO_CLOSE: _("Applicant's deadline passed: close as abandoned"),
        Heading.APPROVAL: _("Replies awaiting your approval"),
        Heading.ESCALATED: _("Overdue in units you oversee"),
    }


def reminder_text(headings, units, today):
    """One person's notification: a line per application under each heading, tracking codes only."""
    labels = heading_labels()
    lines = [_("Disclosure applications on %(date)s") % {"date": today.isoformat()}]
    for heading in Heading.ORDER:
        listed = headings.get(heading)
        if not listed:
            continue
        lines.append(f"{labels[heading]} ({len(listed)}):")
        lines += [f"· {_line(matter, units, heading)}" for matter in listed[:MAX_LISTED]]
        if len(listed) > MAX_LISTED:
            lines.append("  " + _("… and %(count)s more") % {"count": len(listed) - MAX_LISTED})
    return "\n".join(lines)


def _line(matter, units, heading):
    values = {"code": matter.tracking_code, "unit": units.get(matter.unit_id, ""), "n": matter.workdays,
              "due": matter.due_date.isoformat() if matter.due_date else "—"}
    if heading == Heading.TO_CLOSE:
        return _("%(code)s (%(unit)s): the applicant did not act in time") % values
    if matter.colour == "red":
        if matter.workdays is None:
            return _("%(code)s (%(unit)s): overdue since %(due)s") % values
        return ngettext("%(code)s (%(unit)s): overdue by %(n)s working day (due %(due)s)",
                        "%(code)s (%(unit)s): overdue by %(n)s working days (due %(due)s)", matter.workdays) % values
    if matter.colour == "yellow" and matter.workdays is not None:
        return ngettext("%(code)s (%(unit)s): %(n)s working day left (due %(due)s)",
                        "%(code)s (%(unit)s): %(n)s working days left (due %(due)s)", matter.workdays) % values
    return _("%(code)s (%(unit)s): due %(due)s") % values
