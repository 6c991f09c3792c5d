import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.cli_help import os_reason
from gongkai.orgs.models import Unit
from gongkai.plans import services
from gongkai.plans.importing.draft import PlanDraft
from gongkai.plans.importing.errors import PlanFileError


class Command(BaseCommand):
    help = gettext_lazy("Import a work plan (任务分解表) from a file; --dry-run checks it, --json prints it as "
                        "gongkai.plan/v1.")
    # A data command: the system checks (templates, URLs) are for `serve` and `migrate` and cost
    # a third of a second per run.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("path", metavar=_("FILE"), help=_("the plan file (text, DOCX, XLSX …)"))
        parser.add_argument("--year", type=int, metavar=_("YEAR"),
                            help=_("the plan year, if the title does not say"))
        parser.add_argument("--dry-run", action="store_true", help=_("parse and report; save nothing"))
        parser.add_argument("--json", action="store_true", help=_("print the parsed plan as JSON"))
        parser.add_argument("--new-version", action="store_true",
                            help=_("save even if this plan was imported before"))

    def handle(self, path, **options):
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise CommandError(_("Cannot read %(file)s: %(reason)s") % {"file": path, "reason": os_reason(error)}) from error
        try:
            plan_json = services.parse_plan_file(data=data, filename=path, year=options["year"])
        except PlanFileError as error:
            raise CommandError(error.message) from error
        if not Unit.objects.exists():
            # Every unit name would stay unresolved: the plan would be saved with nobody to do its tasks.
            raise CommandError(_("The unit directory is empty: load it first with gongkai load-directory FILE "
                                 "(CSV or XLSX)."))
        if options["json"]:
            self.stdout.write(json.dumps(plan_json, ensure_ascii=False, indent=1))
        else:
            self.report(plan_json)
        if options["dry_run"]:
            return
        try:
            plan = services.create_plan(
                actor=None, draft=PlanDraft.from_json(plan_json), source_name=Path(path).name,
                sha256=services.sha256_of(data), new_version=options["new_version"],
            )
        except services.DuplicatePlan as duplicate:
            raise CommandError(
                _("This plan was imported before as “%(plan)s” (number %(id)s); nothing saved. Use --new-version "
                  "to save it as a new version.") % {"plan": duplicate.existing, "id": duplicate.existing.pk}
            ) from duplicate
        self.stderr.write(_("Saved plan %(id)s: %(plan)s (version %(version)s)")
                          % {"id": plan.pk, "plan": plan, "version": plan.version})

    def report(self, plan_json):
        items = [item for section in plan_json["sections"] for item in section["items"]]
        tasks = sum(len(item["tasks"]) for item in items)
        unresolved = [u["name"] for u in plan_json["units"] if u["resolved"] is None]
        self.stdout.write(_("%(title)s (%(year)s)") % {"title": plan_json["title"], "year": plan_json["year"]})
        self.stdout.write(_("%(sections)d sections, %(items)d items, %(tasks)d tasks")
                          % {"sections": len(plan_json["sections"]), "items": len(items), "tasks": tasks})
        for warning in plan_json["warnings"]:
            self.stdout.write(_("Warning: %(where)s: %(message)s") % warning)
        for name in unresolved:
            self.stdout.write(_("Unit name not in the directory: %(name)s") % {"name": name})
