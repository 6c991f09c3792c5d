import argparse
import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.supervision.lights import WORST_FIRST, Colour
from gongkai.supervision.models import Level
from gongkai.supervision.tick import run_tick
from gongkai.workdays.calendar import CalendarYearMissing


class Command(BaseCommand):
    help = gettext_lazy("The daily check: lights every open assignment, issues the reminders, warnings and "
                        "supervision notices that are due and sends each person one digest a day. Safe to run "
                        "as often as you like: nothing is sent twice.")
    requires_system_checks = []  # run by cron each morning (e.g. 0 8 * * *): the checks only add start-up time

    def add_arguments(self, parser):
        parser.add_argument("--today", type=_date, metavar="YYYY-MM-DD",
                            help=_("run as if it were this day (for tests and demos)"))

    def handle(self, *args, today=None, **options):
        try:
            report = run_tick(today=today)
        except CalendarYearMissing as missing:
            raise CommandError(str(missing)) from missing
        if report.documents_published:
            self.stdout.write(_("Scheduled documents published: %(count)d.") % {"count": report.documents_published})
        if not report.workday:
            self.stdout.write(_("%(day)s: not a working day; nothing to do.") % {"day": report.today})
            return
        for line in report_lines(report):
            self.stdout.write(line)
        if report.failed:
            raise CommandError(_("%(count)d digest e-mails could not be sent; the next run retries them.")
                               % {"count": len(report.failed)})


def counts(counter, labels):
    """「红 3、黄 5」: each label with its count, in the order given; 无 when there is none."""
    parts = [f"{label} {counter[key]}" for key, label in labels if counter.get(key)]
    return "、".join(parts) if parts else _("none")


def report_lines(report):
    lights = counts(report.lights, [(colour, Colour(colour).label) for colour in WORST_FIRST])
    issued = counts(report.issued, [(level.value, level.label) for level in reversed(Level)])
    foi, expiry = report.foi or {}, report.expiry or {}
    return [
        _("%(day)s: %(count)d open assignments (%(lights)s); %(rounds)d reporting rounds opened; %(heeded)d "
          "notices heeded; issued: %(issued)s.") % {
            "day": report.today, "count": report.assignments, "lights": lights, "rounds": report.rounds_opened,
            "heeded": report.heeded, "issued": issued},
        _("Digests: %(digests)d (%(app)d in the app, %(emails)d e-mailed, %(already)d already delivered today).")
        % {"digests": report.digests, "app": report.app, "emails": report.emails, "already": report.already},
        _("Disclosure applications: %(yellow)d yellow, %(red)d red (%(escalated)d escalated to the office), "
          "%(approval)d awaiting approval, %(close)d to close; %(notified)d people notified.") % {
            "yellow": foi.get("yellow", 0), "red": foi.get("red", 0), "escalated": foi.get("escalated", 0),
            "approval": foi.get("awaiting_approval", 0), "close": foi.get("to_close", 0),
            "notified": foi.get("notified", 0)},
        _("规章 and 规范性文件: %(expiring)d expire within %(days)d days, %(expired)d are past their period of "
          "validity yet marked in force; %(notified)d warnings sent.") % {
            "expiring": expiry.get("expiring", 0), "days": expiry.get("days", 0), "expired": expiry.get("expired", 0),
            "notified": expiry.get("notified", 0)},
    ]


def _date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            _("expected a date like 2021-10-08, not “%(value)s”") % {"value": value}) from error
