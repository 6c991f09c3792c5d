"""Every write to bulletins: keyword-only, an acting user, one transaction, an event row."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.events.services import record
from gongkai.ledger.models import ProgressReport, ReportStatus
from gongkai.orgs.models import Role

from . import figures, numbering, workflow
from .facts import end_of_day, last_closed_day, start_of_day
from .models import Bulletin, GoodPractice

TEXT_FIELDS = ("title", "number", "issuer", "issued_on", "summary_text", "problems_text", "next_steps_text")


def _check_period(start, end, today):
    if start > end:
        raise ValidationError(_("The period must start before it ends."))
    if end > last_closed_day(today):
        raise ValidationError(
            _("The period ends on %(end)s: its figures are final only once that day is over. Choose a period "
              "that has ended.") % {"end": end.isoformat()}
        )


def _check_number(number, exclude=None):
    """A number names its issuing organ, and two bulletins must not carry the same one."""
    numbering.check_number(number)
    if number and Bulletin.objects.filter(number=number).exclude(pk=exclude).exists():
        raise ValidationError(_("Another bulletin already has the number %(number)s.") % {"number": number})


def office_name(actor):
    """The issuing body printed under the text: the unit the acting office administrator belongs to."""
    membership = actor.memberships.filter(role=Role.OFFICE_ADMIN).select_related("unit").first()
    return membership.unit.name if membership else ""


@transaction.atomic
def generate_bulletin(*, actor, plan, title, period_start, period_end, number="", today=None):
    """A draft bulletin of `plan` for period_start..period_end, its figures read from the ledger."""
    if not actor.is_office_admin:
        raise PermissionDenied(_("Only the disclosure office prepares and publishes bulletins."))
    today = today or timezone.localdate()
    title, number = title.strip(), number.strip()
    if not title:
        raise ValidationError(_("Give the bulletin a title."))
    _check_period(period_start, period_end, today)
    _check_number(number)
    snapshot, overdue, returned = figures.snapshot(plan, start=period_start, cutoff=period_end)
    bulletin = Bulletin.objects.create(
        plan=plan, title=title, number=number, issuer=office_name(actor), issued_on=today,
        period_start=period_start, period_end=period_end, figures=snapshot,
        named_overdue_units=overdue, named_returned_units=returned,
        summary_text=figures.default_summary(snapshot, period_start, period_end), created_by=actor,
    )
    record(actor=actor, verb="bulletin.generated", subject=bulletin, data={
        "plan": plan.pk, "period_start": period_start, "period_end": period_end,
        "overdue_units": len(overdue), "returned_units": len(returned),
    })
    return bulletin


@transaction.atomic
def update_bulletin(*, actor, bulletin, **fields):
    """Change the texts of a draft: any of title, number, issuer, issued_on and the three section texts."""
    bulletin = _locked(bulletin)
    workflow.check(actor, bulletin, "edit")
    unknown = set(fields) - set(TEXT_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    cleaned = {name: value.strip() if isinstance(value, str) else value for name, value in fields.items()}
    if "title" in cleaned and not cleaned["title"]:
        raise ValidationError(_("Give the bulletin a title."))
    if "issued_on" in cleaned and cleaned["issued_on"] is None:
        raise ValidationError(_("Give the date of issue."))
    _check_number(cleaned.get("number"), exclude=bulletin.pk)
    changes = {name: {"from": getattr(bulletin, name), "to": value}
               for name, value in cleaned.items() if getattr(bulletin, name) != value}
    for name, value in cleaned.items():
        setattr(bulletin, name, value)
    bulletin.save()
    if changes:
        record(actor=actor, verb="bulletin.updated", subject=bulletin, data={"changes": changes})
    return bulletin


def practice_candidates(bulletin):
    """Accepted progress reports of the bulletin's plan, accepted within its period: good-practice material."""
    return (
        ProgressReport.objects.filter(
            assignment__task__item__plan=bulletin.plan, status=ReportStatus.ACCEPTED,
            decided_at__gte=start_of_day(bulletin.period_start), decided_at__lt=end_of_day(bulletin.period_end),
        )
        .exclude(pk__in=bulletin.practices.exclude(report=None).values("report"))
        .select_related("assignment__unit", "assignment__task__item")
        .order_by("assignment__task__item__position", "assignment__task__position", "assignment__unit__name")
    )


@transaction.atomic
def add_good_practice(*, actor, bulletin, unit=None, text="", report=None):
    """Feature a good practice: typed (unit and text), or taken from an accepted report of the period."""
    bulletin = _locked(bulletin)
    workflow.check(actor, bulletin, "practices")
    if report is not None:
        if not practice_candidates(bulletin).filter(pk=report.pk).exists():
            raise ValidationError(_("Only reports accepted during the bulletin's period can be featured, each once."))
        unit, text = report.assignment.unit, (text.strip() or report.text)
    text = text.strip()
    if unit is None or not text:
        raise ValidationError(_("Choose the unit and describe the practice."))
    last = bulletin.practices.aggregate(last=Max("position"))["last"] or 0
    practice = GoodPractice.objects.create(bulletin=bulletin, unit=unit, text=text, position=last + 1, report=report)
    record(actor=actor, verb="bulletin.practice_added", subject=bulletin,
           data={"practice": practice.pk, "unit": unit.name, "report": report.pk if report else None})
    return practice


@transaction.atomic
def update_good_practice(*, actor, practice, text):
    bulletin = _locked(practice.bulletin)
    workflow.check(actor, bulletin, "practices")
    if not text.strip():
        raise ValidationError(_("Choose the unit and describe the practice."))
    before, practice.text = practice.text, text.strip()
    practice.save(update_fields=["text"])
    record(actor=actor, verb="bulletin.practice_updated", subject=bulletin,
           data={"practice": practice.pk, "changes": {"text": {"from": before, "to": practice.text}}})
    return practice


@transaction.atomic
def remove_good_practice(*, actor, practice):
    bulletin = _locked(practice.bulletin)
    workflow.check(actor, bulletin, "practices")
    record(actor=actor, verb="bulletin.practice_removed", subject=bulletin,
           data={"practice": practice.pk, "unit": practice.unit.name, "text": practice.text})
    practice.delete()


@transaction.atomic
def move_good_practice(*, actor, practice, offset):
    """Swap the practice with its neighbour above (offset −1) or below (+1); the order is the document's."""
    bulletin = _locked(practice.bulletin)
    workflow.check(actor, bulletin, "practices")
    ordered = list(bulletin.practices.all())
    index = next(i for i, p in enumerate(ordered) if p.pk == practice.pk)
    other = index + offset
    if offset not in (-1, 1) or not 0 <= other < len(ordered):
        return practice
    ordered[index], ordered[other] = ordered[other], ordered[index]
    for position, item in enumerate(ordered, start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])
    record(actor=actor, verb="bulletin.practice_moved", subject=bulletin,
           data={"order": [p.pk for p in ordered]})
    return practice


@transaction.atomic
def publish_bulletin(*, actor, bulletin):
    """Publish a draft: from now on it is read-only, listed in the archive and visible to every unit."""
    bulletin = _locked(bulletin)
    workflow.check(actor, bulletin, "publish")
    missing = [message for message, text in (
        (_("Write the overall situation before publishing."), bulletin.summary_text),
        (_("Write the next steps before publishing."), bulletin.next_steps_text),
    ) if not text.strip()]
    if missing:
        raise ValidationError(missing)
    bulletin.status = workflow.target("publish")
    bulletin.published_at, bulletin.published_by = timezone.now(), actor
    bulletin.save(update_fields=["status", "published_at", "published_by"])
    record(actor=actor, verb="bulletin.published", subject=bulletin, data={"number": bulletin.number})
    return bulletin


@transaction.atomic
def discard_bulletin(*, actor, bulletin):
    """Delete a draft nobody needs; the event log keeps that it existed."""
    bulletin = _locked(bulletin)
    workflow.check(actor, bulletin, "discard")
    record(actor=actor, verb="bulletin.discarded", subject=bulletin, data={"title": bulletin.title})
    bulletin.delete()


def _locked(bulletin):
    """Re-read under a row lock so two editors (or edit and publish) cannot interleave."""
    return Bulletin.objects.select_for_update().select_related("plan").get(pk=bulletin.pk)
