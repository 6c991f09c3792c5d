"""Every write to plans goes through here: keyword-only, an acting user, one transaction, an event."""

import hashlib

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.dispatch import Signal
from django.utils.translation import gettext as _

from gongkai.events.services import record
from gongkai.orgs.access import require_office
from gongkai.orgs.models import GroupRule
from gongkai.orgs.naming import NameResolver, normalize_name
from gongkai.orgs.services import add_alias

from .importing import read_plan_file
from .importing.deadlines import parse_deadline
from .importing.draft import PlanDraft
from .models import Item, Plan, PlanImport, Section, Task, TaskUnit

# Sent inside the transaction after a lead unit designates 市政府有关部门 for a task, so that the
# ledger (which depends on plans, not the other way round) can give the new units their assignments.
units_designated = Signal()


class DuplicatePlan(Exception):
    """The file (or a plan with the same title and year) was imported before."""

    def __init__(self, existing):
        self.existing = existing
        super().__init__(str(existing))


def parse_plan_file(*, data, filename="", year=None):
    """Parse and resolve unit names; returns the gongkai.plan/v1 dict. Raises PlanFileError."""
    draft = read_plan_file(data, filename=filename, year=year, max_bytes=settings.PLAN_UPLOAD_MAX_BYTES)
    resolver = NameResolver()
    return draft.to_json(resolve=lambda name: resolver.resolve(name).as_json())


def sha256_of(data):
    return hashlib.sha256(data).hexdigest()


@transaction.atomic
def stage_import(*, actor, data, filename, year=None):
    """Parse an uploaded file into a PlanImport awaiting review. Nothing of the plan is saved yet."""
    require_office(actor, _("Only the disclosure office imports plans."))
    plan_json = parse_plan_file(data=data, filename=filename, year=year)
    staged = PlanImport.objects.create(
        created_by=actor, filename=filename[:255], sha256=sha256_of(data), draft=plan_json
    )
    record(actor=actor, verb="plan_import.staged", subject=staged, data={"warnings": len(plan_json["warnings"])})
    return staged


def find_duplicate(*, sha256, title, year):
    return (
        Plan.objects.filter(source_sha256=sha256).order_by("-version").first()
        or Plan.objects.filter(title=title, year=year).order_by("-version").first()
    )


@transaction.atomic
def confirm_import(*, actor, staged, new_version=False):
    require_office(actor, _("Only the disclosure office imports plans."))
    _require_pending(staged)
    draft = PlanDraft.from_json(staged.draft)
    plan = create_plan(
        actor=actor, draft=draft, source_name=staged.filename, sha256=staged.sha256, new_version=new_version
    )
    staged.status, staged.plan = PlanImport.Status.CONFIRMED, plan
    staged.save(update_fields=["status", "plan"])
    return plan


def _restage(staged, draft):
    resolver = NameResolver()
    staged.draft = draft.to_json(resolve=lambda name: resolver.resolve(name).as_json())
    staged.save(update_fields=["draft"])


def _require_pending(staged):
    if staged.status != PlanImport.Status.PENDING:
        raise ValidationError(_("This import was already handled."))


@transaction.atomic
def correct_staged_plan(*, actor, staged, title, year):
    """Correct the title or year before saving; a new year re-dates every deadline."""
    require_office(actor, _("Only the disclosure office imports plans."))
    _require_pending(staged)
    draft = PlanDraft.from_json(staged.draft)
    title = title.strip()
    if not title:
        raise ValidationError(_("The plan needs a title."))
    changes = {k: {"from": v, "to": n} for k, v, n in (("title", draft.title, title), ("year", draft.year, year)) if v != n}
    draft.title, draft.year = title, year
    if "year" in changes:
        for item in draft.items():
            for task in item.tasks:
                task.deadline = parse_deadline(task.deadline.text, year)
    _restage(staged, draft)
    record(actor=actor, verb="plan_import.corrected", subject=staged, data={"changes": changes})


@transaction.atomic
def correct_staged_task(*, actor, staged, item_index, task_index, text, deadline_text, lead_units, responsible_units):
    """Correct one task of a parsed plan before it is saved (indexes count from 0 in document order)."""
    require_office(actor, _("Only the disclosure office imports plans."))
    _require_pending(staged)
    draft = PlanDraft.from_json(staged.draft)
    try:
        task = draft.items()[item_index].tasks[task_index]
    except IndexError:
        raise ValidationError(_("That task is not in this import.")) from None
    before = {"text": task.text, "deadline": task.deadline.text, "lead_units": task.lead_units,
              "responsible_units": task.responsible_units}
    task.text = _required_text(text)
    task.deadline = _checked_deadline(deadline_text, draft.year)
    task.lead_units = [normalize_name(n) for n in lead_units]
    task.responsible_units = [normalize_name(n) for n in responsible_units]
    _restage(staged, draft)
    after = {"text": task.text, "deadline": task.deadline.text, "lead_units": task.lead_units,
             "responsible_units": task.responsible_units}
    record(actor=actor, verb="plan_import.corrected", subject=staged, data={
        "task": [item_index, task_index], "changes": {k: {"from": before[k], "to": after[k]} for k in after if before[k] != after[k]},
    })


def _required_text(text):
    text = text.strip()
    if not text:
        raise ValidationError(_("The task text cannot be empty."))
    return text


def _checked_deadline(deadline_text, year):
    deadline = parse_deadline(deadline_text.strip(), year)
    if deadline_text.strip() and not deadline.recognised:
        raise ValidationError(
            _("“%(text)s” is not a deadline Gongkai understands (for example 9月底, 12月31日前, 年底前, 持续推进, 每季度).")
            % {"text": deadline_text}
        )
    return deadline


@transaction.atomic
def discard_import(*, actor, staged):
    require_office(actor, _("Only the disclosure office imports plans."))
    staged.status = PlanImport.Status.DISCARDED
    staged.save(update_fields=["status"])
    record(actor=actor, verb="plan_import.discarded", subject=staged)


@transaction.atomic
def create_plan(*, actor, draft, source_name="", sha256="", new_version=False):
    """Save a parsed plan. A second import of the same plan needs `new_version=True`."""
    require_office(actor, _("Only the disclosure office imports plans."))
    duplicate = find_duplicate(sha256=sha256, title=draft.title, year=draft.year)
    if duplicate and not new_version:
        raise DuplicatePlan(duplicate)
    version = 1
    if duplicate:
        version = Plan.objects.filter(title=draft.title, year=draft.year).aggregate(v=Max("version"))["v"] + 1
    plan = Plan.objects.create(
        title=draft.title, year=draft.year, version=version, source_name=source_name[:255],
        source_sha256=sha256, created_by=actor,
        import_warnings=[{"where": w.where, "message": w.message} for w in draft.warnings],
    )
    resolver = NameResolver()
    item_position = 0
    for section_position, section_draft in enumerate(draft.sections, start=1):
        section = Section.objects.create(
            plan=plan, number=section_draft.number or "", title=section_draft.title or "", position=section_position
        )
        for item_draft in section_draft.items:
            item_position += 1
            item = Item.objects.create(
                plan=plan, section=section, number=item_draft.number or "", title=item_draft.title,
                position=item_position,
            )
            for task_position, task_draft in enumerate(item_draft.tasks, start=1):
                task = Task.objects.create(
                    item=item, position=task_position, text=task_draft.text, **_deadline_fields(task_draft.deadline)
                )
                _set_task_units(task, task_draft.lead_units, task_draft.responsible_units, resolver)
    record(
        actor=actor, verb="plan.imported", subject=plan,
        data={"source": source_name, "version": version, "items": item_position, "warnings": len(draft.warnings)},
    )
    return plan


def _deadline_fields(deadline):
    return {
        "deadline_text": deadline.text,
        "deadline_kind": deadline.kind,
        "deadline_date": deadline.date,
        "deadline_rule": deadline.rule or "",
    }


def _set_task_units(task, lead_names, responsible_names, resolver):
    task.units.all().delete()
    rows = []
    for role, names in ((TaskUnit.Role.LEAD, lead_names), (TaskUnit.Role.RESPONSIBLE, responsible_names)):
        for position, name in enumerate(names, start=1):
            resolution = resolver.resolve(name)
            rows.append(TaskUnit(
                task=task, role=role, position=position, name=normalize_name(name),
                unit=resolution.unit, group=resolution.group,
            ))
    TaskUnit.objects.bulk_create(rows)


def _require_editable(actor, task):
    if not Task.objects.editable_by(actor).filter(pk=task.pk).exists():
        raise PermissionDenied(_("Only the office or the task's lead unit may change it."))


def split_unit_names(text):
    """Unit names as a person types them: separated by spaces, commas or 、."""
    for separator in ",，、;；\n":
        text = text.replace(separator, " ")
    return [name for name in text.split() if name]


@transaction.atomic
def update_task(*, actor, task, text, deadline_text, lead_units, responsible_units):
    _require_editable(actor, task)
    text = _required_text(text)
    deadline = _checked_deadline(deadline_text, task.item.plan.year)
    before = task_snapshot(task)
    task.text = text
    for field, value in _deadline_fields(deadline).items():
        setattr(task, field, value)
    task.save()
    _set_task_units(task, lead_units, responsible_units, NameResolver())
    after = task_snapshot(task)
    changes = {k: {"from": before[k], "to": after[k]} for k in after if before[k] != after[k]}
    if changes:
        record(actor=actor, verb="task.updated", subject=task, data={"item": task.item_id, "changes": changes})
    return task


def task_snapshot(task):
    units = list(task.units.all())
    return {
        "text": task.text,
        "deadline": task.deadline_text,
        "lead_units": [u.name for u in units if u.role == TaskUnit.Role.LEAD],
        "responsible_units": [u.name for u in units if u.role == TaskUnit.Role.RESPONSIBLE],
    }


@transaction.atomic
def update_item(*, actor, item, number, title):
    if not Item.objects.editable_by(actor).filter(pk=item.pk).exists():
        raise PermissionDenied(_("Only the office or the item's lead unit may change it."))
    title = title.strip()
    if not title:
        raise ValidationError(_("The item title cannot be empty."))
    changes = {}
    for field, value in (("number", number.strip()), ("title", title)):
        if getattr(item, field) != value:
            changes[field] = {"from": getattr(item, field), "to": value}
            setattr(item, field, value)
    if changes:
        item.save()
        record(actor=actor, verb="item.updated", subject=item, data={"changes": changes})
    return item


@transaction.atomic
def designate_units(*, actor, task_unit, units):
    """The lead unit names who 市政府有关部门 means for this task."""
    if task_unit.group is None or task_unit.group.rule != GroupRule.DESIGNATED:
        raise ValidationError(_("Only a group of designated units takes designations."))
    _require_editable(actor, task_unit.task)
    task_unit.designated_units.set(units)
    units_designated.send(sender=TaskUnit, task=task_unit.task, actor=actor)
    record(
        actor=actor, verb="task.units_designated", subject=task_unit.task,
        data={"item": task_unit.task.item_id, "group": task_unit.name, "units": sorted(u.name for u in units)},
    )


@transaction.atomic
def map_name(*, actor, name, unit, staged=None):
    """Map an unresolved name everywhere: saved plans and, if given, the import being reviewed."""
    count = resolve_unit_name(actor=actor, name=name, unit=unit)
    if staged is not None:
        _restage(staged, PlanDraft.from_json(staged.draft))
    return count


@transaction.atomic
def resolve_unit_name(*, actor, name, unit):
    """A person decided that `name` means `unit`: remember it as an alias and resolve every task using it."""
    if not actor.is_office_admin:
        raise PermissionDenied(_("Only the disclosure office maps unit names."))
    add_alias(actor=actor, unit=unit, name=name)
    task_units = TaskUnit.objects.filter(name=normalize_name(name), unit__isnull=True, group__isnull=True)
    tasks = Task.objects.filter(units__in=task_units).distinct()
    for task in tasks:
        record(actor=actor, verb="task.unit_resolved", subject=task, data={"item": task.item_id, "name": name, "unit": unit.name})
    return task_units.update(unit=unit)
