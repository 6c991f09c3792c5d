from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gongkai.orgs.directory import DirectoryFileError, import_directory


class Command(BaseCommand):
    help = "Import or update the unit directory from a CSV or XLSX file."
    # A data command: the system checks (templates, URLs) are for `serve` and `migrate` and cost
    # a third of a second per run.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, path, **options):
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from error
        try:
            result = import_directory(actor=None, data=data, filename=path)
        except DirectoryFileError as error:
            raise CommandError("nothing imported:\n" + "\n".join(error.problems)) from error
        self.stdout.write(
            f"{len(result.created)} units added, {len(result.updated)} updated, {result.aliases_added} short names added"
        )
