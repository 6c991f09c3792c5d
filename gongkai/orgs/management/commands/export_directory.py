import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.cli_help import os_reason
from gongkai.orgs.directory import export_csv, export_xlsx


class Command(BaseCommand):
    help = gettext_lazy("Write the unit directory as CSV (the default) or XLSX, to standard output or a file.")
    # A data command: the system checks (templates, URLs) are for `serve` and `migrate` and cost
    # a third of a second per run.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv", help=_("csv or xlsx"))
        parser.add_argument("--output", "-o", metavar=_("FILE"),
                            help=_("file to write (default: standard output)"))

    def handle(self, **options):
        data = export_xlsx() if options["format"] == "xlsx" else export_csv()
        if options["output"]:
            try:
                with open(options["output"], "wb") as handle:
                    handle.write(data)
            except OSError as error:
                raise CommandError(_("Cannot write %(file)s: %(reason)s")
                                   % {"file": options["output"], "reason": os_reason(error)}) from error
        else:
            sys.stdout.buffer.write(data)
