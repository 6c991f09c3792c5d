"""`gongkai workdays ...`: compute deadlines and manage the working-day calendar from the shell."""

import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from gongkai.workdays import package, services
from gongkai.workdays.calendar import CalendarYearMissing, CountFrom, WorkCalendar
from gongkai.workdays.models import CalendarYear
from gongkai.workdays.notice_format import NoticeFormatError, decode, parse_notice_text

FIRST_DEFAULT_YEAR = 2019  # the 2019 Regulations' first year; earlier years matter to no open case


class Command(BaseCommand):
    help = "Working-day deadlines (add, count) and the calendar behind them (load-package, load-notice, status)."
    # A data command, like the others: the template and URL checks cost a third of a second per run.
    requires_system_checks = []

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

        add = actions.add_parser("add", help="print working day N counted from DATE")
        add.add_argument("date", help="start date, YYYY-MM-DD")
        add.add_argument("n", help="number of working days")
        add.add_argument("--explain", action="store_true", help="list every day passed and why it counted or not")
        add.add_argument("--same-day", action="store_true", help="count DATE itself as working day 1")

        count = actions.add_parser("count", help="print the number of working days after A up to and including B")
        count.add_argument("after", metavar="A")
        count.add_argument("until", metavar="B")

        load_package = actions.add_parser("load-package", help="load years from the chinesecalendar package")
        load_package.add_argument("years", nargs="*", metavar="YEAR", help=f"default: {FIRST_DEFAULT_YEAR} to the last year covered")
        load_package.add_argument("--replace", action="store_true", help="reload years already loaded")

        load_notice = actions.add_parser("load-notice", help="load one year from a notice text file (date,kind,name lines)")
        load_notice.add_argument("file")
        load_notice.add_argument("--year", required=True)
        load_notice.add_argument("--notice", required=True, help="the notice's number, e.g. 国办发明电〔2020〕27号")
        load_notice.add_argument("--replace", action="store_true")

        actions.add_parser("status", help="list the loaded years")

    def handle(self, *args, action, **options):
        handler = getattr(self, "do_" + action.replace("-", "_"))
        try:
            handler(**options)
        except CalendarYearMissing as error:
            raise CommandError(str(error)) from error
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from error
        except NoticeFormatError as error:
            raise CommandError("\n".join(error.problems)) from error

    def do_add(self, *, date, n, explain, same_day, **_options):
        start, n = parse_date(date), parse_count(n)
        count_from = CountFrom.SAME_DAY if same_day else CountFrom.NEXT_DAY
        calendar = WorkCalendar.from_db()
        if explain:
            for line in calendar.explain_add(start, n, count_from=count_from).lines():
                self.stdout.write(line)
        else:
            self.stdout.write(calendar.add_workdays(start, n, count_from=count_from).isoformat())

    def do_count(self, *, after, until, **_options):
        self.stdout.write(str(WorkCalendar.from_db().count_workdays(parse_date(after), parse_date(until))))

    def do_load_package(self, *, years, replace, **_options):
        covered = package.covered_years()
        wanted = [parse_year(y) for y in years] or list(range(max(FIRST_DEFAULT_YEAR, covered[0]), covered[-1] + 1))
        present = dict(CalendarYear.objects.values_list("year", "source"))
        for year in wanted:
            if year in present and not replace:
                self.stdout.write(_("%(year)s: already loaded, skipped (use --replace to reload)") % {"year": year})
                continue
            services.load_year_from_package(actor=None, year=year, replace=replace)
            self.stdout.write(_("%(year)s: loaded from the package") % {"year": year})

    def do_load_notice(self, *, file, year, notice, replace, **_options):
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(_("Cannot read %(file)s: %(reason)s") % {"file": file, "reason": error.strerror}) from error
        parsed = parse_notice_text(decode(data))
        loaded = services.load_year_from_notice(
            actor=None, year=parse_year(year), notice=notice, holidays=parsed.holidays, workdays=parsed.workdays,
            replace=replace, source=CalendarYear.Source.IMPORT,
        )
        self.stdout.write(
            _("%(year)s: loaded, %(holidays)s holidays and %(workdays)s make-up working days")
            % {"year": loaded.year, "holidays": len(parsed.holidays), "workdays": len(parsed.workdays)}
        )

    def do_status(self, **_options):
        years = CalendarYear.objects.with_counts()
        if not years:
            self.stdout.write(_("No year is loaded: no deadline can be computed."))
        for y in years:
            self.stdout.write(
                f"{y.year}  {y.source:<8} {y.holiday_count:>3} {_('holidays')}  {y.workday_count:>2} "
                f"{_('make-up working days')}  {y.notice or '—'}"
            )


def parse_date(text):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(_("“%(text)s” is not a date (write YYYY-MM-DD)") % {"text": text}) from None


def parse_count(text):
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0:
        raise CommandError(_("“%(text)s” is not a number of working days (0 or more)") % {"text": text})
    return n


def parse_year(text):
    try:
        return int(text)
    except ValueError:
        raise CommandError(_("“%(text)s” is not a year") % {"text": text}) from None
