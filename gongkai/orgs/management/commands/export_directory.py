import sys

from django.core.management.base import BaseCommand

from gongkai.orgs.directory import export_csv, export_xlsx


class Command(BaseCommand):
    help = "Write the unit directory as CSV (default) or XLSX to standard output or a file."
    # A data command: the system checks (templates, URLs) are for `serve` and `migrate` and cost
    # a third of a second per run.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
        parser.add_argument("--output", "-o", help="file to write (default: standard output)")

    def handle(self, **options):
        data = export_xlsx() if options["format"] == "xlsx" else export_csv()
        if options["output"]:
            with open(options["output"], "wb") as handle:
                handle.write(data)
        else:
            sys.stdout.buffer.write(data)
