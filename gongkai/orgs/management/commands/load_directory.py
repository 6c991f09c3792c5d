from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.cli_help import os_reason
from gongkai.orgs.directory import DirectoryFileError, import_directory


class Command(BaseCommand):
    help = gettext_lazy("Import or update the unit directory (单位名录) from a CSV or XLSX file.")
    # A data command: the system checks (templates, URLs) are for `serve` and `migrate` and cost
    # a third of a second per run.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("path", metavar=_("FILE"),
                            help=_("CSV or XLSX with the columns 代码, 名称, 简称, 类别, 上级单位代码, 上级单位"))

    def handle(self, path, **options):
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise CommandError(_("Cannot read %(file)s: %(reason)s") % {"file": path, "reason": os_reason(error)}) from error
        try:
            result = import_directory(actor=None, data=data, filename=path)
        except DirectoryFileError as error:
            raise CommandError("\n".join([_("Nothing was imported:"), *error.problems])) from error
        self.stdout.write(_("%(created)d units added, %(updated)d updated, %(aliases)d short names added.") % {
            "created": len(result.created), "updated": len(result.updated), "aliases": result.aliases_added})
