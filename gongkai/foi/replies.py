"""From a stored decision to the letter the applicant receives (DOCX or PDF), and the applicant's own steps."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from gongkai.events.services import record

from . import clocking, letters, outcomes
from .models import Application, Status


def letter_data(decision, *, today=None):
    application = decision.application
    return letters.LetterData(
        kind=outcomes.letter_kind_for(decision.closure_code, decision.reason_detail),
        issuing_unit=application.handling_unit.name, addressee=application.name,
        date_of_issue=today or timezone.localdate(), receipt_date=application.receipt_date,
        document_number=decision.document_number, request_summary=application.description,
        closure_code=decision.closure_code, reason_detail=decision.reason_detail, reasons=decision.reasons,
        grounds=tuple(decision.grounds), how_to_obtain=decision.how_to_obtain,
    )


def render(decision, fmt):
    """The reply letter in the deployment's language (not the language of whoever clicks)."""
    data = letter_data(decision)
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
