"""From a stored decision to the letter the applicant receives (DOCX or PDF), and the applicant's own steps."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from gongkai.documents.guide import with_guide_contacts  # the 附注 contact lines come from the units' guides
from gongkai.events.services import record

from . import clocking, letters, outcomes, permissions
from .models import Application, Status


def letter_data(decision, *, today=None):
    application = decision.application
    return with_guide_contacts(letters.LetterData(
        kind=outcomes.letter_kind_for(decision.closure_code, decision.reason_detail),
        issuing_unit=application.handling_unit.name, addressee=application.name, letterhead=letterhead(),
        date_of_issue=today or timezone.localdate(), receipt_date=application.receipt_date,
        document_number=decision.document_number, request_summary=application.description,
        closure_code=decision.closure_code, reason_detail=decision.reason_detail, reasons=decision.reasons,
        grounds=tuple(decision.grounds), how_to_obtain=decision.how_to_obtain, body=decision.letter_body,
    ), unit=application.handling_unit)


def letterhead():
    """GONGKAI_FOI_LETTERHEAD: None (default) prints the issuing unit's name in red, a text prints that
    text (e.g. 沈阳市人民政府信息公开专用), "" prints none (paper with a pre-printed letterhead)."""
    return getattr(settings, "GONGKAI_FOI_LETTERHEAD", None)


def generated_text(decision):
    """The letter body as Gongkai words it, for staff to start editing from."""
    with translation.override(settings.LANGUAGE_CODE):
        return letters.draft_body(letter_data(decision))


@transaction.atomic
def edit_letter(*, actor, decision, body):
    """Staff reword the letter before it is approved; the edited text is what is issued."""
    application = Application.objects.select_for_update().get(pk=decision.application_id)  # first, as 审核 does
    permissions.check(actor, "edit_letter", application)
    decision = type(decision).objects.select_for_update().get(pk=decision.pk)
    if decision.status != "awaiting_approval":
        raise ValidationError(_("Only a reply awaiting approval can be edited; approved letters are final."))
    decision.letter_body = body.strip()
    decision.save(update_fields=["letter_body"])
    record(actor=actor, verb="foi.letter_edited", subject=application, data={"decision": decision.pk})
    return decision


NOTICE_KINDS = {
    "correction_requested": letters.LetterKind.CORRECTION,
    "extended": letters.LetterKind.EXTENSION,
    "consultation_sent": letters.LetterKind.CONSULTATION,
    "fee_notice_sent": letters.LetterKind.FEE,
}


def notice_data(application, event):
    """The notice that goes with a clock step (补正, 延期, 征求意见, 收费), from the application's clock."""
    state = clocking.state_of(application, today=event.day)
    kind = NOTICE_KINDS[event.kind]
    extra = {}
    if kind == letters.LetterKind.CORRECTION:
        extra = {"correction_items": tuple(line for line in event.note.splitlines() if line.strip()) or (
            _("Describe the information requested more precisely (subject, period, issuing body)."),),
            "correction_deadline": state.correction_due}
    elif kind == letters.LetterKind.EXTENSION:
        extra = {"new_deadline": state.due}
    elif kind == letters.LetterKind.CONSULTATION:
        extra = {"addressee": event.ref or event.note or _("the third party consulted")}
    elif kind == letters.LetterKind.FEE:
        extra = {"fee_amount": application.fee_amount, "fee_standard": application.fee_standard,
                 "payment_deadline": state.fee_payment_due, "payment_method": payment_method()}
    return with_guide_contacts(letters.LetterData(**{
        "kind": kind, "issuing_unit": application.handling_unit.name, "addressee": application.name,
        "letterhead": letterhead(),
        "date_of_issue": event.day, "receipt_date": application.receipt_date,
        "request_summary": application.description, **extra,
    }), unit=application.handling_unit)


def payment_method():
    """How applicants pay, as the unit's finance rules say (a setting; fees go to the treasury)."""
    return getattr(settings, "GONGKAI_FOI_PAYMENT_METHOD", "") or _(
        "Pay by the non-tax revenue payment channel shown on this notice, quoting the tracking code; "
        "an official receipt is issued."
    )


def render_notice(application, event, fmt):
    data = notice_data(application, event)
    with translation.override(settings.LANGUAGE_CODE):
        return letters.render_pdf(data) if fmt == "pdf" else letters.render_docx(data)


def render(decision, fmt, *, issued_on=None):
    """The reply letter in the deployment's language (not the language of whoever clicks), dated today
    or, for a letter already sent, the day it was issued."""
    data = letter_data(decision, today=issued_on)
    with translation.override(settings.LANGUAGE_CODE):
        return letters.render_pdf(data) if fmt == "pdf" else letters.render_docx(data)


@transaction.atomic
def submit_correction(*, application, text):
    """The applicant answers a 补正 notice through the status page; the period restarts (Art 30)."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != Status.AWAITING_CORRECTION:
        raise ValidationError(_("No correction is being waited for."))
    if not text.strip():
        raise ValidationError(_("Write the corrected or completed request."))
    today = timezone.localdate()
    try:
        state = clocking.state_of(application, extra=[clocking.clock.ClockEvent(kind="correction_received", day=today)],
                                  today=today)
    except clocking.clock.ClockError as error:
        raise ValidationError(str(error)) from error
    application.clock_events.create(kind="correction_received", day=today, note=_("Corrected online by the applicant"))
    application.correction, application.status, application.due_date = text.strip()[:5000], Status.IN_HANDLING, state.due
    application.version += 1
    application.save()
    record(actor=None, verb="foi.correction_received", subject=application, data={"due": state.due})
    return application
