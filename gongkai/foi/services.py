"""Every write to disclosure applications: keyword-only, an acting user, one transaction, an event."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.events.services import record

from . import clocking, handoffs, intake, permissions
from .models import RECEIVED_ON_ARRIVAL, Application, Channel, ClockEvent, Part, Status, Thresholds

APPLICANT_FIELDS = (
    "applicant_type", "name", "legal_representative", "contact_person", "id_type", "id_number", "phone", "email",
    "address", "postcode", "description", "document_number", "purpose", "form", "delivery",
)


def _create(*, actor, channel, arrived_at, target_unit, fields):
    missing = [f for f in ("name", "id_number", "description") if not str(fields.get(f, "")).strip()]
    if missing:
        raise ValidationError(_("Name, identity document number and the information requested are required."))
    if not (fields.get("phone") or fields.get("email") or fields.get("address")):
        raise ValidationError(_("Give at least one way to reach the applicant: phone, e-mail or address."))
    password = intake.new_password()
    for _attempt in range(5):  # a code collision is astronomically rare; retry rather than fail
        try:
            with transaction.atomic():
                application = Application.objects.create(
                    tracking_code=intake.new_tracking_code(arrived_at.year), password_hash=intake.hash_password(password),
                    channel=channel, arrived_at=arrived_at, target_unit=target_unit, handling_unit=target_unit,
                    status=Status.AWAITING_CONFIRMATION, registered_by=actor,
                    # All text; a field the caller leaves out (older clients: the organisation's people) is empty.
                    **{k: str(fields.get(k) or "").strip() for k in APPLICANT_FIELDS},
                )
            break
        except IntegrityError:
            continue
    else:
        raise RuntimeError("could not allocate a tracking code")
    # The event names the channel and unit only: personal data never goes into the log.
    record(actor=actor, verb="foi.received", subject=application,
           data={"channel": channel, "unit": target_unit.name})
    return application, password


@transaction.atomic
def submit_online(*, target_unit, fields, now=None):
    """A member of the public applies through the web form. Returns (application, query password)."""
    now = now or timezone.now()
    application, password = _create(actor=None, channel=Channel.ONLINE, arrived_at=now, target_unit=target_unit,
                                    fields=fields)
    if application.email:
        transaction.on_commit(lambda: _send_receipt(application, password))
    return application, password


def receipt_text(application, password):
    """The text shown after submitting and sent by e-mail or SMS: code and password, nothing personal."""
    return _(
        "Your application to %(unit)s was received. Tracking code: %(code)s. Query password: %(password)s. "
        "Keep both to follow it at %(site)s/foi/status/."
    ) % {"unit": application.target_unit.name, "code": application.tracking_code, "password": password,
         "site": getattr(settings, "SITE_URL", "")}


def _send_receipt(application, password):
    send_mail(_("Your government information disclosure application"), receipt_text(application, password),
              None, [application.email], fail_silently=True)


@transaction.atomic
def register(*, actor, channel, arrived_at, target_unit, fields):
    """Staff register an application that arrived in person, by post, fax, e-mail or another platform:
    a unit for itself, the office and the city-wide intake desk for any unit."""
    permissions.check_register(actor, target_unit)
    if channel == Channel.ONLINE:
        raise ValidationError(_("Online applications come in through the public form."))
    application, password = _create(actor=actor, channel=channel, arrived_at=arrived_at, target_unit=target_unit,
                                    fields=fields)
    if channel in RECEIVED_ON_ARRIVAL:
        _confirm(actor, application, timezone.localtime(arrived_at).date(),
                 _("Received on arrival (%(channel)s)") % {"channel": application.get_channel_display()})
    return application, password


@transaction.atomic
def confirm_receipt(*, actor, application, day, note):
    """The legal receipt date for channels that need confirmation with the applicant (Art 31)."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    permissions.check(actor, "confirm_receipt", application)
    if day < timezone.localtime(application.arrived_at).date():
        raise ValidationError(_("Receipt cannot be confirmed before the application arrived."))
    if not note.strip():
        raise ValidationError(_("Say how receipt was confirmed with the applicant (e.g. by phone, who, when)."))
    _confirm(actor, application, day, note.strip())
    return application


def _confirm(actor, application, day, note):
    ClockEvent.objects.create(application=application, kind="received", day=day, note=note, actor=actor)
    application.receipt_date, application.receipt_note = day, note
    application.status = Status.IN_HANDLING
    application.due_date = clocking.state_of(application, today=day).due
    application.version += 1
    application.save()
    record(actor=actor, verb="foi.receipt_confirmed", subject=application,
           data={"day": day, "due": application.due_date})


def find_by_code(tracking_code, password):
    """The application for a public status lookup, or None — the same answer for a wrong code or password."""
    application = Application.objects.filter(tracking_code=(tracking_code or "").strip().upper()).first()
    return application if intake.password_matches(application, password) else None


def _locked(application, expected_version=None):
    fresh = Application.objects.select_for_update().get(pk=application.pk)
    if expected_version is not None and fresh.version != expected_version:
        raise Conflict(_("Someone else changed this application a moment ago. Reload the page and try again."))
    return fresh


def _bump(application, **fields):
    for name, value in fields.items():
        setattr(application, name, value)
    application.version += 1
    application.save()


class Conflict(ValidationError):
    """The application changed since the page was loaded; the second person's action is refused."""


@transaction.atomic
def assign_handler(*, actor, application, handler, expected_version=None):
    application = _locked(application, expected_version)
    permissions.check(actor, "assign_handler", application)
    if not handler.has_role("handler", application.handling_unit_id) and not handler.has_role(
            "liaison", application.handling_unit_id):
        raise ValidationError(_("%(person)s is not a handler of %(unit)s.")
                              % {"person": handler, "unit": application.handling_unit})
    _bump(application, handler=handler)
    record(actor=actor, verb="foi.handler_assigned", subject=application, data={"handler": str(handler)})
    handoffs.handler_assigned(actor=actor, application=application)
    return application


@transaction.atomic
def transfer(*, actor, application, unit, reason, expected_version=None):
    """Hand the application to the unit that holds the information; the clock keeps running."""
    application = _locked(application, expected_version)
    permissions.check(actor, "transfer", application)
    if unit.pk == application.handling_unit_id:
        raise ValidationError(_("The application is already with %(unit)s.") % {"unit": unit})
    if not reason.strip():
        raise ValidationError(_("Give the reason for the transfer."))
    before = application.handling_unit
    _bump(application, handling_unit=unit, handler=None)
    record(actor=actor, verb="foi.transferred", subject=application,
           data={"from": before.name, "to": unit.name, "reason": reason.strip()})
    handoffs.transferred(actor=actor, application=application, from_unit=before)
    return application


@transaction.atomic
def ask_part(*, actor, application, unit, question, due_date):
    """Joint handling: `unit` answers part of the application by an internal deadline."""
    application = _locked(application)
    permissions.check(actor, "ask_part", application)
    if unit.pk == application.handling_unit_id:
        raise ValidationError(_("The handling unit answers the application itself."))
    if application.due_date and due_date > application.due_date:
        raise ValidationError(_("The internal deadline must fall before the reply is due (%(date)s).")
                              % {"date": application.due_date.isoformat()})
    if not question.strip():
        raise ValidationError(_("Say which part the unit should answer."))
    part, created = Part.objects.get_or_create(application=application, unit=unit,
                                               defaults={"question": question.strip(), "due_date": due_date})
    if not created:
        raise ValidationError(_("%(unit)s was already asked.") % {"unit": unit})
    record(actor=actor, verb="foi.part_requested", subject=application,
           data={"unit": unit.name, "due": due_date})
    handoffs.part_requested(actor=actor, part=part)
    return part


@transaction.atomic
def answer_part(*, actor, part, answer):
    part = Part.objects.select_for_update().select_related("application").get(pk=part.pk)
    permissions.check(actor, "answer_part", part.application, part=part)
    if part.answered_at:
        raise ValidationError(_("This part is already answered."))
    if not answer.strip():
        raise ValidationError(_("The answer is empty."))
    part.answer, part.answered_at = answer.strip(), timezone.now()
    part.save()
    record(actor=actor, verb="foi.part_answered", subject=part.application, data={"unit": part.unit.name})
    handoffs.part_answered(actor=actor, part=part)
    return part


THRESHOLD_LIMIT = 60  # working days: beyond this a light or an escalation stops meaning anything


@transaction.atomic
def update_thresholds(*, actor, yellow_workdays, office_escalation_workdays):
    """The office sets when applications turn yellow and when it hears of red ones (rules.md §7)."""
    if not actor.is_office_admin:
        raise PermissionDenied(_("Only the disclosure office sets the light thresholds."))
    values = {"yellow_workdays": yellow_workdays, "office_escalation_workdays": office_escalation_workdays}
    if not all(isinstance(value, int) and 0 <= value <= THRESHOLD_LIMIT for value in values.values()):
        raise ValidationError(_("Thresholds are whole numbers of working days from 0 to %(limit)s.")
                              % {"limit": THRESHOLD_LIMIT})
    row = Thresholds.objects.select_for_update().get(pk=Thresholds.current().pk)
    changes = {name: {"from": getattr(row, name), "to": value} for name, value in values.items()
               if getattr(row, name) != value}
    if changes:
        for name, change in changes.items():
            setattr(row, name, change["to"])
        row.updated_by = actor
        row.save()
        record(actor=actor, verb="foi.thresholds_changed", subject=row, data={"changes": changes})
    return row
