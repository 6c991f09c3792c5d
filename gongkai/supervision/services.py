"""Every write of the supervision app: keyword-only, an acting user (None for `tick`), one transaction,
validation, and an event row."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Max, Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.events.models import Event
from gongkai.events.services import record
from gongkai.ledger.models import Assignment
from gongkai.orgs.access import require_office
from gongkai.orgs.models import Role

from . import queries
from .lights import workdays_overdue
from .models import EscalationNotice, Level, LightSettings, UnitFeedToken

SETTINGS_FIELDS = ("yellow_workdays", "behind_points", "current_report_workdays", "returns_make_yellow",
                   "warning_after_workdays", "supervision_after_workdays", "repeat_reminder_workdays", "reply_workdays",
                   "issuing_office", "notice_title", "number_prefix", "bulletin_number_prefix")
# Beyond these the ladder or the lights stop meaning anything (a "yellow" 200 working days ahead).
LIMITS = {"yellow_workdays": 60, "behind_points": 100, "current_report_workdays": 130,
          "warning_after_workdays": 60, "supervision_after_workdays": 60, "repeat_reminder_workdays": 60,
          "reply_workdays": 60}


@transaction.atomic
def update_settings(*, actor, **values):
    """The office changes thresholds or the notice's wording; unknown names and silly values are refused."""
    if not actor.is_office_admin:
        raise PermissionDenied(_("Only the disclosure office sets the light thresholds."))
    unknown = set(values) - set(SETTINGS_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown settings: %(names)s") % {"names": ", ".join(sorted(unknown))})
    problems = [_("%(name)s must be a whole number from 0 to %(limit)s.") % {"name": name, "limit": limit}
                for name, limit in LIMITS.items()
                if name in values and not (isinstance(values[name], int) and 0 <= values[name] <= limit)]
    problems += [_("%(name)s must not be empty.") % {"name": name}
                 for name in ("issuing_office", "notice_title", "number_prefix", "bulletin_number_prefix")
                 if name in values and not str(values[name]).strip()]
    if problems:
        raise ValidationError(problems)
    row = LightSettings.objects.select_for_update().get(pk=LightSettings.current().pk)
    changes = {}
    for name, value in values.items():
        value = value.strip() if isinstance(value, str) else value
        if getattr(row, name) != value:
            changes[name] = {"from": getattr(row, name), "to": value}
            setattr(row, name, value)
    if changes:
        row.updated_by = actor
        row.save()
        record(actor=actor, verb="supervision.settings_changed", subject=row, data={"changes": changes})
    return row


# --- calendar feeds ----------------------------------------------------------------------------


def manages_feed(user, unit):
    """The unit's liaison, and the office, hand out and revoke its calendar URL."""
    return user.is_authenticated and (user.is_office_admin or user.has_role(Role.LIAISON, unit.pk))


@transaction.atomic
def create_feed_token(*, actor, unit):
    """A new private calendar URL for `unit`; any earlier one stops working (one live URL per unit)."""
    if not manages_feed(actor, unit):
        raise PermissionDenied(_("Only the unit's liaison or the office manages its calendar feed."))
    replaced = _revoke_live(actor, unit)
    token = UnitFeedToken.objects.create(unit=unit, created_by=actor)
    record(actor=actor, verb="feed_token.created", subject=unit, data={"token": token.pk, "replaced": replaced})
    return token


@transaction.atomic
def revoke_feed_token(*, actor, unit):
    if not manages_feed(actor, unit):
        raise PermissionDenied(_("Only the unit's liaison or the office manages its calendar feed."))
    revoked = _revoke_live(actor, unit)
    if not revoked:
        raise ValidationError(_("This unit has no calendar URL to revoke."))
    record(actor=actor, verb="feed_token.revoked", subject=unit, data={"tokens": revoked})
    return revoked


def _revoke_live(actor, unit):
    live = UnitFeedToken.objects.live().select_for_update().filter(unit=unit)
    ids = list(live.values_list("pk", flat=True))
    live.update(revoked_at=timezone.now(), revoked_by=actor)
    return ids


# --- escalation --------------------------------------------------------------------------------


@transaction.atomic
def mark_heeded():
    """Notices followed by a report of the assignment are heeded, on the day of that report."""
    rows = (EscalationNotice.objects.unheeded()
            .annotate(first_report=Min("assignment__reports__created_at",
                                       filter=Q(assignment__reports__created_at__gt=F("sent_at"))))
            .filter(first_report__isnull=False).values_list("pk", "first_report"))
    by_day = {}
    for pk, first_report in rows:
        by_day.setdefault(timezone.localdate(first_report), []).append(pk)
    for day, ids in by_day.items():
        EscalationNotice.objects.filter(pk__in=ids).update(heeded_on=day)
    return sum(len(ids) for ids in by_day.values())


@transaction.atomic
def issue_notices(*, actor, due, today, calendar, settings):
    """Create the notices `due` lists — [(row, light, level)] — numbering supervision notices per year.

    Each notice freezes its details (addressee, task, due date, days overdue, reply date); one
    event per notice lands in the assignment's history. Returns the created notices.
    """
    require_office(actor, _("Only the disclosure office issues reminders, warnings and supervision notices."))
    if not due:
        return []
    labels = queries.assignment_labels(row["id"] for row, _light, _level in due)
    sequence = _last_sequence(today.year)
    now = timezone.now()
    notices = []
    for row, light, level in sorted(due, key=lambda entry: _order(entry, labels)):
        label = labels[row["id"]]
        number, seq = "", None
        if level == Level.SUPERVISION:
            sequence += 1
            seq, number = sequence, f"{settings.number_prefix}〔{today.year}〕{sequence}号"
        notices.append(EscalationNotice(
            assignment_id=row["id"], level=level, number=number, year=today.year if seq else None, sequence=seq,
            sent_on=today, sent_at=now, issued_by=actor if actor and actor.is_authenticated else None,
            details=_details(row, light, label, number, today, calendar, settings),
        ))
    created = EscalationNotice.objects.bulk_create(notices, batch_size=500)
    _record_notices(actor, created)
    return created


def _order(entry, labels):
    row = entry[0]
    label = labels[row["id"]]
    return (_natural(label["item"]), label["position"], label["unit"])


def _natural(number):
    return (int(number), "") if str(number).isdigit() else (10**9, str(number))


def _last_sequence(year):
    # Called inside the tick's transaction, which holds the LightSettings row lock: no two ticks number at once.
    return EscalationNotice.objects.supervision().filter(year=year).aggregate(last=Max("sequence"))["last"] or 0


def _details(row, light, label, number, today, calendar, settings):
    required_by = calendar.add_workdays(today, settings.reply_workdays) if settings.reply_workdays else today
    return {
        "title": settings.notice_title, "number": number, "issuing_office": settings.issuing_office,
        "unit": label["unit"], "plan": label["plan"], "item_number": label["item"],
        "task_position": label["position"], "task_text": label["text"],
        "due_date": row["due_date"].isoformat(), "overdue_workdays": workdays_overdue(light),
        "required_by": required_by.isoformat(),
    }


def _record_notices(actor, notices):
    """One event per notice about its assignment, written in one statement (tick may issue thousands)."""
    assignment_type = ContentType.objects.get_for_model(Assignment)
    actor = actor if actor is not None and actor.is_authenticated else None
    Event.objects.bulk_create([
        Event(actor=actor, verb=f"notice.{notice.level}", subject_type=assignment_type,
              subject_id=str(notice.assignment_id),
              subject_label=f"{notice.details['item_number']}.{notice.details['task_position']} · {notice.details['unit']}",
              data={"notice": notice.pk, "number": notice.number, "overdue_workdays": notice.details["overdue_workdays"]})
        for notice in notices
    ], batch_size=500)
