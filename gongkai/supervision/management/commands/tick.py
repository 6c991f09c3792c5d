import argparse
import datetime

from django.core.management.base import BaseCommand, CommandError

from gongkai.supervision.tick import run_tick
from gongkai.workdays.calendar import CalendarYearMissing


class Command(BaseCommand):
    help = ("Light every open assignment, issue due reminders, warnings and supervision notices, and send each "
            "handler and liaison one digest a day. Safe to run as often as you like: nothing is sent twice.")
    requires_system_checks = []  # run by cron each morning (e.g. 0 8 * * *): the checks only add start-up time

    def add_arguments(self, parser):
        parser.add_argument("--today", type=_date, metavar="YYYY-MM-DD",
                            help="run as if it were this day (for tests and demos)")

    def handle(self, *args, today=None, **options):
        try:
            report = run_tick(today=today)
        except CalendarYearMissing as missing:
            raise CommandError(str(missing)) from missing
        if not report.workday:
            self.stdout.write(f"{report.today}: not a working day; nothing to do.")
            return
        lights = ", ".join(f"{colour} {count}" for colour, count in sorted(report.lights.items()))
        issued = ", ".join(f"{level} {count}" for level, count in sorted(report.issued.items())) or "none"
        self.stdout.write(
            f"{report.today}: {report.assignments} open assignments ({lights or 'none'}); "
            f"{report.rounds_opened} reporting rounds opened; {report.heeded} notices heeded; issued: {issued}; "
            f"digests: {report.digests} ({report.app} in the app, {report.emails} e-mailed, "
            f"{report.already} already delivered today); disclosure applications: {report.foi or 'none'}"
        )
        if report.failed:
            raise CommandError(f"{len(report.failed)} digest e-mails could not be sent; the next run retries them.")


def _date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"expected a date like 2021-10-08, not {value!r}") from error
