"""`gongkai workdays ...`: compute deadlines and manage the working-day calendar from the shell."""

import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.cli_help import os_reason
from gongkai.workdays import package, services
from gongkai.workdays.calendar import CalendarYearMissing, CountFrom, WorkCalendar
from gongkai.workdays.models import CalendarYear
from gongkai.workdays.notice_format import NoticeFormatError, decode, parse_notice_text


class Command(BaseCommand):
    help = gettext_lazy("Working-day deadlines (add, count) and the official calendar behind them (load-package, "
                        "load-notice, status).")
    # A data command, like the others: the template and URL checks cost a third of a second per run.
    requires_system_checks = []

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar=_("ACTION"),
                                        title=_("actions"))

        add = actions.add_parser("add", help=_("print working day N counted from DATE"))
        add.add_argument("date", metavar="DATE", help=_("start date, YYYY-MM-DD"))
        add.add_argument("n", metavar="N", help=_("number of working days"))
        add.add_argument("--explain", action="store_true", help=_("list every day passed and why it counted or not"))
        add.add_argument("--same-day", action="store_true", help=_("count DATE itself as working day 1"))

        count = actions.add_parser("count", help=_("print the number of working days after A up to and including B"))
        count.add_argument("after", metavar="A")
        count.add_argument("until", metavar="B")

        load_package = actions.add_parser("load-package", help=_("load years from the chinesecalendar package"))
        load_package.add_argument("years", nargs="*", metavar=_("YEAR"),
                                  help=_("default: 2019 to the last year the package covers"))
        load_package.add_argument("--replace", action="store_true", help=_("reload years already loaded"))

        load_notice = actions.add_parser("load-notice", help=_("load one year from a notice text file (date,kind,name lines)"))
        load_notice.add_argument("file", metavar=_("FILE"))
        load_notice.add_argument("--year", required=True, metavar=_("YEAR"))
        load_notice.add_argument("--notice", required=True, metavar=_("NUMBER"),
                                 help=_("the notice's number, e.g. 国办发明电〔2020〕27号"))
        load_notice.add_argument("--replace", action="store_true", help=_("replace the year if it is loaded"))

        actions.add_parser("status", help=_("list the loaded years"))

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
        wanted = [parse_year(y) for y in years] or list(package.default_years())
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
            raise CommandError(_("Cannot read %(file)s: %(reason)s") % {"file": file, "reason": os_reason(error)}) from error
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
                _("%(year)s: %(source)s, %(holidays)s holidays, %(workdays)s make-up working days, notice %(notice)s")
                % {"year": y.year, "source": y.get_source_display(), "holidays": y.holiday_count,
                   "workdays": y.workday_count, "notice": y.notice or "—"}
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
