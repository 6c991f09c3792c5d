import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gongkai.plans import services
from gongkai.plans.importing.draft import PlanDraft
from gongkai.plans.importing.errors import PlanFileError


class Command(BaseCommand):
    help = "Import a work plan (任务分解表) from a file; --dry-run checks it, --json prints it as gongkai.plan/v1."
    # A data command: the system checks (templates, URLs) are for `serve` and `migrate` and cost
    # a third of a second per run.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--year", type=int, help="the plan year, if the title does not say")
        parser.add_argument("--dry-run", action="store_true", help="parse and report; save nothing")
        parser.add_argument("--json", action="store_true", help="print the parsed plan as JSON")
        parser.add_argument("--new-version", action="store_true", help="save even if this plan was imported before")

    def handle(self, path, **options):
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from error
        try:
            plan_json = services.parse_plan_file(data=data, filename=path, year=options["year"])
        except PlanFileError as error:
            raise CommandError(error.message) from error
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
                f"this plan was imported before as “{duplicate.existing}” (id {duplicate.existing.pk}); "
                "nothing saved. Use --new-version to save it as a new version."
            ) from duplicate
        self.stderr.write(f"saved plan {plan.pk}: {plan} (version {plan.version})")

    def report(self, plan_json):
        items = [item for section in plan_json["sections"] for item in section["items"]]
        tasks = sum(len(item["tasks"]) for item in items)
        unresolved = [u["name"] for u in plan_json["units"] if u["resolved"] is None]
        self.stdout.write(f"{plan_json['title']} ({plan_json['year']})")
        self.stdout.write(f"{len(plan_json['sections'])} sections, {len(items)} items, {tasks} tasks")
        for warning in plan_json["warnings"]:
            self.stdout.write(f"warning: {warning['where']}: {warning['message']}")
        for name in unresolved:
            self.stdout.write(f"unresolved unit name: {name}")
