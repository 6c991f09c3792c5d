"""`gongkai tick`: one pass over the ledger that lights, escalates and tells people, idempotently.

1. light every open assignment (one values() query, the calendar built once);
2. mark notices heeded where the unit reported after them;
3. issue the escalation levels that are due (each at most once per assignment per day);
4. notify the units' handlers and liaisons of today's supervision notices, in the app;
5. remind people of their disclosure applications (foi.reminders), and warn the issuing units of 规章 and
   规范性文件 whose 有效期 ends soon or has ended (documents.expiry), in the app;
6. build one digest per person — the ledger's matters, the FOI section and, in the e-mail, the work
   handed to them since the last one (notifications.handoffs) — and deliver it, at most once per
   person, day and channel.

Steps 2–6 run in one transaction holding the LightSettings row lock, so two ticks started at once
take turns; the second finds today's notices and deliveries already written and adds nothing.
E-mails go out only after that transaction commits (a failed hand-over is retried next run).
Nothing is sent on days that are not working days (weekends, holidays): the office is closed and
the first working day after picks everything up.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings as django_settings
from django.db import transaction
from django.utils import timezone, translation

from gongkai.documents.expiry import send_expiry_warnings
from gongkai.documents.services import publish_due
from gongkai.events.services import record
from gongkai.foi.reminders import send_foi_reminders
from gongkai.ledger.models import Assignment
from gongkai.ledger.rounds import open_periodic_rounds
from gongkai.notifications import handoffs
from gongkai.notifications.models import Delivery, Notification
from gongkai.notifications.services import claim_digests, notify_many, send_claimed
from gongkai.orgs.models import Membership
from gongkai.workdays.calendar import WorkCalendar

from . import digest, queries, services
from .escalation import LastNotice, next_level
from .lights import Colour
from .links import notice_url
from .models import EscalationNotice, Level, LightSettings


@dataclass
class TickReport:
    today: object
    workday: bool = True
    assignments: int = 0
    lights: Counter = field(default_factory=Counter)
    heeded: int = 0
    rounds_opened: int = 0
    issued: Counter = field(default_factory=Counter)
    notified: int = 0
    digests: int = 0
    app: int = 0
    emails: int = 0
    already: int = 0
    failed: list = field(default_factory=list)
    foi: dict = field(default_factory=dict)
    documents_published: int = 0
    expiry: dict = field(default_factory=dict)


def run_tick(*, today=None, connection=None):
    """Run one tick for `today` (default: the local date). Returns what it did."""
    today, started = today or timezone.localdate(), timezone.now()
    calendar = WorkCalendar.from_db()
    report = TickReport(today=today)
    # Scheduled documents go public whenever the tick runs, weekends included: a time set is a time kept.
    report.documents_published = len(publish_due(now=started))
    if not calendar.is_workday(today):  # raises CalendarYearMissing for an unloaded year: say so, don't guess
        report.workday = False
        return report
    with transaction.atomic():
        settings_row = LightSettings.objects.select_for_update().get(pk=LightSettings.current().pk)
        report.rounds_opened = len(open_periodic_rounds(today=today, calendar=calendar))
        thresholds = settings_row.thresholds
        with queries.gc_paused():
            pairs = queries.lit(queries.fact_rows(Assignment.objects.open()), today=today, calendar=calendar,
                                thresholds=thresholds)
        report.assignments = len(pairs)
        report.lights = Counter(light.colour for _row, light in pairs)
        report.heeded = services.mark_heeded()
        due = due_escalations(pairs, today=today, calendar=calendar, settings=settings_row)
        notices = services.issue_notices(actor=None, due=due, today=today, calendar=calendar, settings=settings_row)
        report.issued = Counter(notice.level for notice in notices)
        unit_of = {row["id"]: row["unit_id"] for row, _light, _level in due}
        notices = [(unit_of[notice.assignment_id], notice) for notice in notices]
        report.notified = notify_notices(notices)
        rounds = digest.rounds_missing(digest.current_rounds(today=today, calendar=calendar, thresholds=thresholds))
        matters = digest.collect_matters(pairs, rounds_missing=rounds, notices=notices)
        foi = send_foi_reminders(today, calendar=calendar)
        report.foi = foi.summary()
        report.expiry = send_expiry_warnings(today=today).summary()
        digests, skipped = digest.build_digests(matters, today=today, delivered=delivered_on(today),
                                                foi_sections=foi.sections, handoffs=handoffs.to_email(before=started))
        report.digests = len(digests)
        claimed = claim_digests(day=today, digests=digests)  # under the lock: concurrent ticks claim in turn
    delivered = send_claimed(claimed, connection=connection)  # after commit: no e-mail for a rolled-back claim
    report.app, report.emails, report.already, report.failed = (
        delivered.app, delivered.email, delivered.already + skipped, delivered.failed)
    record(actor=None, verb="supervision.tick", subject=settings_row, data=summary(report))
    return report


def due_escalations(pairs, *, today, calendar, settings):
    """[(row, light, level)] of the open assignments whose next escalation level is due today."""
    red = [(row, light) for row, light in pairs if light.colour == Colour.RED]
    if not red:
        return []
    last = {}
    for assignment_id, level, sent_on, heeded_on in (
            EscalationNotice.objects.filter(assignment__in=Assignment.objects.open().filter(due_date__lt=today))
            .order_by("assignment_id", "sent_at", "id").values_list("assignment_id", "level", "sent_on", "heeded_on")):
        last[assignment_id] = LastNotice(level, sent_on, heeded_on)
    reported = {pk: timezone.localdate(moment) for pk, moment in
                queries.last_report_times(Assignment.objects.open().filter(due_date__lt=today)).items()}
    due = []
    for row, light in red:
        level = next_level(light=light, state=row["state"], last=last.get(row["id"]), today=today,
                           calendar=calendar, settings=settings, last_report_on=reported.get(row["id"]))
        if level:
            due.append((row, light, level))
    return due


def delivered_on(day):
    """{user id: {channels}} of the digests already delivered on `day`."""
    delivered = {}
    for user_id, channel in Delivery.objects.filter(day=day).values_list("user_id", "channel"):
        delivered.setdefault(user_id, set()).add(channel)
    return delivered


def notify_notices(notices):
    """An in-app notification of each supervision notice (督办单) for its unit's handlers and liaisons.

    Reminders and warnings are listed in the day's digest instead: on the first overdue day a unit
    may get dozens, and one notification per reminder per person would bury the digest.
    """
    notices = [(unit_id, notice) for unit_id, notice in notices if notice.level == Level.SUPERVISION]
    if not notices:
        return 0
    people = {}
    for user_id, unit_id in Membership.objects.filter(
            unit_id__in={unit_id for unit_id, _n in notices}, role__in=digest.RECIPIENT_ROLES,
            user__is_active=True).values_list("user_id", "unit_id"):
        people.setdefault(unit_id, set()).add(user_id)
    with translation.override(django_settings.LANGUAGE_CODE):
        texts = {notice.pk: digest.notice_label(notice) for _unit_id, notice in notices}
    rows = [Notification(user_id=user_id, kind=notice.level, text=texts[notice.pk], url=notice_url(notice.pk),
                         key=f"notice:{notice.pk}")
            for unit_id, notice in notices for user_id in sorted(people.get(unit_id, ()))]
    return notify_many(notifications=rows)


def summary(report):
    return {
        "today": report.today.isoformat(), "workday": report.workday, "assignments": report.assignments,
        "lights": dict(report.lights), "heeded": report.heeded, "issued": dict(report.issued),
        "notified": report.notified, "digests": report.digests, "app": report.app, "emails": report.emails,
        "already": report.already, "failed": report.failed, "rounds_opened": report.rounds_opened, "foi": report.foi,
        "documents_published": report.documents_published, "expiry": report.expiry,
    }
