import hashlib
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.cli_help import os_reason
from gongkai.documents.importing.files import FilesError, FolderFiles, NoFiles
from gongkai.documents.importing.readers import ImportFileError
from gongkai.documents.importing.report import plan_json, report_lines
from gongkai.documents.importing.writing import plan_listing, write_plan
from gongkai.orgs.models import Unit


class Command(BaseCommand):
    help = gettext_lazy("Import documents from an existing site (JSON Lines gongkai.document/v1, CSV or XLSX); "
                        "--dry-run checks the file and writes nothing.")
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("path", metavar=_("FILE"), help=_("the listing: JSON Lines, CSV or XLSX"))
        parser.add_argument("--files", metavar=_("DIR"), help=_("the folder holding the attachments the listing names"))
        parser.add_argument("--dry-run", action="store_true", help=_("check and report; write nothing"))
        parser.add_argument("--publish", action="store_true",
                            help=_("publish proactively disclosed documents at their 发布日期 (else they stay drafts)"))
        parser.add_argument("--json", action="store_true", help=_("print the report as JSON"))

    def handle(self, path, **options):
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise CommandError(_("Cannot read %(file)s: %(reason)s") % {"file": path, "reason": os_reason(error)}) from error
        if not Unit.objects.exists():
            raise CommandError(_("The unit directory is empty: load it first with gongkai load-directory FILE "
                                 "(CSV or XLSX)."))
        try:
            files = FolderFiles(options["files"]) if options["files"] else NoFiles()
            plan = plan_listing(data=data, filename=path, files=files, publish=options["publish"])
        except (ImportFileError, FilesError) as error:
            raise CommandError(error.message) from error
        written = not options["dry_run"] and not plan.errors and bool(plan.new)
        if written:
            try:
                write_plan(actor=None, plan=plan, files=files, filename=Path(path).name,
                           sha256=hashlib.sha256(data).hexdigest())
            except FilesError as error:
                raise CommandError(error.message) from error
        if options["json"]:
            self.stdout.write(json.dumps(plan_json(plan, written=written, dry_run=options["dry_run"]),
                                         ensure_ascii=False, indent=1))
        else:
            for line in report_lines(plan, written=written, dry_run=options["dry_run"]):
                self.stdout.write(line)
        if plan.errors:
            raise CommandError(_("Nothing was imported: correct the rows above and run the import again."))
