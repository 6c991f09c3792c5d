"""The statutory clock of a stored application: its ClockEvent rows fed to the pure foi.clock."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.events.services import record
from gongkai.workdays.calendar import WorkCalendar

from . import clock, permissions
from .models import Application, ClockEvent, Status

# Event kinds whose value is a date (stored as ISO text in JSON).
DATE_VALUES = {clock.Kind.CORRECTION_REQUESTED, clock.Kind.CONSULTATION_SENT, clock.Kind.FEE_NOTICE_SENT,
               clock.Kind.DEADLINE_SET}
STATUS_WHILE_PAUSED = {
    clock.Pause.CORRECTION: Status.AWAITING_CORRECTION,
    clock.Pause.CONSULTATION: Status.CONSULTING,
    clock.Pause.FEE: Status.AWAITING_PAYMENT,
}


def as_clock_event(row):
    value = row.value
    if row.kind in DATE_VALUES and isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return clock.ClockEvent(kind=row.kind, day=row.day, value=value, note=row.note, ref=row.ref)


def state_of(application, *, today=None, extra=(), calendar=None):
    events = [as_clock_event(row) for row in application.clock_events.order_by("day", "id")]
    return clock.compute_clock([*events, *extra], calendar=calendar or WorkCalendar.from_db(),
                               today=today or timezone.localdate())


def step_for(kind):
    """The step of foi.permissions a clock event is: an extension (Art 33) needs the disclosure office."""
    return {clock.Kind.EXTENDED: "extend", clock.Kind.FEE_NOTICE_SENT: "fee_notice"}.get(kind, "clock_step")


@transaction.atomic
def record_step(*, actor, application, kind, day, value=None, note="", ref=""):
    """Record one clock step (补正, consultation, extension, fee, Art 35) after the clock accepts it."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    permissions.check(actor, step_for(kind), application)
    if kind == clock.Kind.RECEIVED:
        raise ValidationError(_("Receipt is confirmed with its own action."))
    step = clock.ClockEvent(kind=kind, day=day, value=value, note=note.strip(), ref=ref)
    try:
        state = state_of(application, extra=[step], today=max(day, timezone.localdate()))
    except clock.ClockError as error:
        raise ValidationError(str(error)) from error
    ClockEvent.objects.create(
        application=application, kind=kind, day=day, note=note.strip(), ref=ref, actor=actor,
        value=value.isoformat() if isinstance(value, datetime.date) else value,
    )
    application.due_date = state.due if state.due else application.due_date
    # foi.permissions lets clock steps in only before a reply is drafted, so the status follows the clock.
    application.status = STATUS_WHILE_PAUSED.get(state.pause_reason, Status.IN_HANDLING) \
        if state.paused else Status.IN_HANDLING
    application.version += 1
    application.save()
    record(actor=actor, verb=f"foi.clock.{kind}", subject=application,
           data={"day": day, "value": str(value) if value is not None else None, "due": state.due})
    return state
