"""`gongkai foi-fee`: the information processing fee of one application, from the shell.

    gongkai foi-fee --per-item --nth 35        → 200   (an applicant's 35th application in a month)
    gongkai foi-fee --per-item --month-total 35 → 3000  (all 35 of that month together)
    gongkai foi-fee --per-page 250             → 4700
    … --explain                                  the basis, one line per band, and the total
"""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.foi import fees


class Command(BaseCommand):
    help = gettext_lazy("Print the information processing fee (信息处理费, in yuan) of an application, per application "
                        "or per page.")
    # Pure arithmetic: no reason to pay for template and URL checks on every run.
    requires_system_checks = []

    def add_arguments(self, parser):
        method = parser.add_mutually_exclusive_group(required=True)
        method.add_argument("--per-item", action="store_true", help=_("charge per application (按件计收)"))
        method.add_argument("--per-page", metavar=_("PAGES"), help=_("charge by volume (按量计收) for PAGES pages"))
        parser.add_argument("--nth", metavar="N", help=_("with --per-item: the applicant's Nth application in the month"))
        parser.add_argument("--month-total", metavar="N", help=_("with --per-item: the total for N applications in a month"))
        parser.add_argument("--explain", action="store_true", help=_("print the basis and one line per band"))

    def handle(self, *args, per_item, per_page, nth, month_total, explain, **options):
        try:
            quote = self.quote(per_item=per_item, per_page=per_page, nth=nth, month_total=month_total)
        except fees.FeeError as error:
            raise CommandError(str(error)) from error
        except ImproperlyConfigured as error:
            raise CommandError(_("The fee schedule is misconfigured: %(error)s") % {"error": error}) from error
        if explain:
            self.stdout.write(quote.basis)
            for line in quote.describe_lines():
                self.stdout.write(line)
            self.stdout.write(_("Total: %(amount)s yuan") % {"amount": fees.format_yuan(quote.amount)})
        else:
            self.stdout.write(fees.format_yuan(quote.amount))

    def quote(self, *, per_item, per_page, nth, month_total):
        if per_page is not None:
            if nth is not None or month_total is not None:
                raise CommandError(_("--nth and --month-total go with --per-item, not --per-page."))
            return fees.quote_per_page(parse_number(per_page, "--per-page"))
        if (nth is None) == (month_total is None):
            raise CommandError(_("With --per-item give either --nth N or --month-total N."))
        if nth is not None:
            return fees.quote_per_item(parse_number(nth, "--nth"))
        return fees.quote_per_item_month(parse_number(month_total, "--month-total"))


def parse_number(text, option):
    try:
        return int(text)
    except ValueError:
        raise CommandError(
            _("%(option)s needs a whole number, not “%(text)s”.") % {"option": option, "text": text}
        ) from None
