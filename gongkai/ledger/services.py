"""Every write to the ledger: keyword-only, an acting user, one transaction, an event row."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.events.services import record
from gongkai.orgs.models import GroupRule
from gongkai.plans.models import DeadlineKind, Task, TaskUnit
from gongkai.review.frozen import ensure_plan_open
from gongkai.uploads import EVIDENCE_KINDS, check_upload

from . import handoffs, permissions
from .models import Assignment, AssignmentState, Evidence, Problem, ProgressReport, ReportingRound
from .workflow import ASSIGNMENT_AFTER, PENDING_REPORT_STATUSES, REPORT_STEPS


class Conflict(ValidationError):
    """Somebody else changed the assignment first; the caller's view of it is stale."""


def responsible_units(task):
    """The units that must carry out `task`: named units, group members, designated departments.

    A task naming no responsible unit at all is carried out by its lead units. A task naming only
    市政府有关部门 waits for the lead unit to designate them: it gets no assignment until then.
    """
    task_units = list(task.units.select_related("unit", "group").prefetch_related("designated_units"))
    responsible = [tu for tu in task_units if tu.role == TaskUnit.Role.RESPONSIBLE]
    units = {}
    for task_unit in responsible or [tu for tu in task_units if tu.role == TaskUnit.Role.LEAD]:
        if task_unit.unit:
            units[task_unit.unit.pk] = task_unit.unit
        elif task_unit.group and task_unit.group.rule == GroupRule.DESIGNATED:
            units.update((u.pk, u) for u in task_unit.designated_units.all())
        elif task_unit.group:
            units.update((u.pk, u) for u in task_unit.group.members())
    return list(units.values())


@transaction.atomic
def generate_assignments(*, actor, plan, started_on=None):
    """Create the missing assignments of every task of `plan`; existing ones are left as they are."""
    if not actor.is_office_admin:
        raise PermissionDenied(_("Only the disclosure office turns a plan into a ledger."))
    ensure_plan_open(plan)
    started_on = started_on or timezone.localdate()
    existing = set(Assignment.objects.in_plan(plan).values_list("task_id", "unit_id"))
    new = []
    for task in Task.objects.in_plan(plan):
        due = task.deadline_date if task.deadline_kind == DeadlineKind.DATE else None
        for unit in responsible_units(task):
            if (task.pk, unit.pk) not in existing:
                new.append(Assignment(task=task, unit=unit, due_date=due, original_due_date=due, started_on=started_on))
    Assignment.objects.bulk_create(new, batch_size=500)
    record(actor=actor, verb="ledger.assignments_generated", subject=plan, data={"created": len(new)})
    return len(new)


def assign_designated_units(*, task, actor, **kwargs):
    """Receiver of plans' `units_designated`: once a plan has a ledger, designated units get assignments."""
    if not Assignment.objects.in_plan(task.item.plan).exists():
        return
    existing = set(task.assignments.values_list("unit_id", flat=True))
    due = task.deadline_date if task.deadline_kind == DeadlineKind.DATE else None
    started_on = timezone.localdate()
    new = [Assignment(task=task, unit=unit, due_date=due, original_due_date=due, started_on=started_on)
           for unit in responsible_units(task) if unit.pk not in existing]
    Assignment.objects.bulk_create(new)
    if new:
        record(actor=actor, verb="ledger.assignments_generated", subject=task.item.plan,
               data={"created": len(new), "task": task.pk})


def _locked(assignment, expected_version=None):
    """The assignment re-read under a row lock; a stale `expected_version` is a conflict."""
    fresh = Assignment.objects.select_for_update().select_related("task__item__plan", "unit").get(pk=assignment.pk)
    ensure_plan_open(fresh.task.item.plan)  # a closed plan's ledger is history
    if expected_version is not None and fresh.version != expected_version:
        raise Conflict(_("Someone else changed this assignment a moment ago. Reload the page and try again."))
    return fresh


def _save(assignment, **fields):
    for name, value in fields.items():
        setattr(assignment, name, value)
    assignment.version += 1
    assignment.save()


@transaction.atomic
def change_due_date(*, actor, assignment, due_date, reason, expected_version=None):
    assignment = _locked(assignment, expected_version)
    if not permissions.acts_for_lead(actor, assignment):
        raise PermissionDenied(_("Only the lead unit or the office changes a due date."))
    if not assignment.is_open:
        raise ValidationError(_("This assignment is completed: its due date is history and cannot change."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for the new due date."))
    before = assignment.due_date
    _save(assignment, due_date=due_date)
    record(actor=actor, verb="assignment.due_changed", subject=assignment,
           data={"from": before, "to": due_date, "reason": reason.strip()})
    return assignment


@transaction.atomic
def submit_report(*, actor, assignment, text, percent, is_final=False, milestone="", links=(), files=(),
                  round=None, expected_version=None):
    """A handler reports progress; completion needs at least one evidence file."""
    assignment = _locked(assignment, expected_version)
    if not permissions.reports_for_unit(actor, assignment):
        raise PermissionDenied(_("Only the unit's handlers and liaison report its progress."))
    if not assignment.is_open:
        raise ValidationError(_("This assignment is completed; nothing more to report."))
    if assignment.reports.filter(status__in=PENDING_REPORT_STATUSES).exists():
        raise ValidationError(_("The previous report is still being reviewed."))
    if not text.strip():
        raise ValidationError(_("Describe the progress."))
    if not 0 <= percent <= 100:
        raise ValidationError(_("Progress is a percentage from 0 to 100."))
    checked = [check_upload(f, allowed=EVIDENCE_KINDS, max_bytes=settings.EVIDENCE_MAX_BYTES) for f in files]
    if is_final and not checked:
        raise ValidationError(_("Reporting completion needs at least one evidence file."))
    report = ProgressReport.objects.create(
        assignment=assignment, author=actor, text=text.strip(), percent=100 if is_final else percent,
        milestone=milestone.strip(), links=[link for link in links if link], is_final=is_final, round=round,
    )
    for upload in checked:
        evidence = Evidence(report=report, original_name=upload.original_name, content_type=upload.kind.content_type,
                            extension=upload.kind.extension, size=upload.size, sha256=upload.sha256)
        evidence.file.save(evidence.original_name, ContentFile(upload.data), save=False)
        evidence.save()
    _save(assignment, state=ASSIGNMENT_AFTER["submit"])
    record(actor=actor, verb="report.submitted", subject=assignment, data={
        "report": report.pk, "percent": report.percent, "final": is_final, "files": len(checked),
    })
    handoffs.report_submitted(actor=actor, report=report)
    return report


@transaction.atomic
def take_step(*, actor, report, step, comment="", expected_version=None):
    """Move a report one step through REPORT_STEPS (sign_off, return_to_handler, accept, return)."""
    rule = REPORT_STEPS[step]
    assignment = _locked(report.assignment, expected_version)
    report = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if not permissions.ROLE_CHECKS[rule.who](actor, assignment):
        raise PermissionDenied(_("You may not take this step on this report."))
    if report.status != rule.source:
        raise Conflict(_("This report is no longer “%(status)s”: someone acted on it first. Reload the page.")
                       % {"status": rule.source.label})
    if step in ("return", "return_to_handler") and not comment.strip():
        raise ValidationError(_("Say what must be corrected."))
    now = timezone.now()
    report.status = rule.target
    if step in ("sign_off", "return_to_handler"):
        report.signed_off_by, report.signed_off_at, report.signoff_comment = actor, now, comment.strip()
    else:
        report.decided_by, report.decided_at, report.comment = actor, now, comment.strip()
    report.save()
    _save(assignment, **_assignment_changes(assignment, report, step))
    record(actor=actor, verb=f"report.{step}", subject=assignment,
           data={"report": report.pk, "comment": comment.strip(), "state": assignment.state})
    report.assignment = assignment
    handoffs.report_step(actor=actor, report=report, step=step)
    return report


def _assignment_changes(assignment, report, step):
    """The assignment shows the progress its unit reported (signed off by the unit's reviewer). A lead
    unit's return asks for a correction: it does not take the reported progress away."""
    if step == "sign_off":
        return {"state": ASSIGNMENT_AFTER["sign_off"], "percent": report.percent}
    if step == "return":
        return {"state": ASSIGNMENT_AFTER["return"], "returns": assignment.returns + 1}
    if step != "accept":
        return {"state": ASSIGNMENT_AFTER[step]}
    if not report.is_final:
        return {"state": ASSIGNMENT_AFTER["accept"], "percent": report.percent}
    if not report.evidence.exists():
        raise ValidationError(_("A completion report without evidence cannot be accepted."))
    today = timezone.localdate()
    late = assignment.due_date is not None and today > assignment.due_date
    return {"state": AssignmentState.DONE_LATE if late else AssignmentState.DONE, "percent": 100, "completed_on": today}


@transaction.atomic
def open_round(*, actor, plan, title, kind, deadline):
    if not actor.is_office_admin:
        raise PermissionDenied(_("Only the disclosure office opens reporting rounds."))
    ensure_plan_open(plan)
    today = timezone.localdate()
    if deadline < today:
        raise ValidationError(_("The reporting deadline cannot be in the past."))
    reporting_round = ReportingRound.objects.create(
        plan=plan, title=title.strip(), kind=kind, opened_on=today, deadline=deadline, opened_by=actor
    )
    record(actor=actor, verb="round.opened", subject=plan, data={"round": reporting_round.pk, "deadline": deadline})
    return reporting_round


PROBLEM_SECTION = "问题整改"


@transaction.atomic
def record_problem(*, actor, plan, unit, title, description, source, found_on, due_date):
    """The office records a problem and hands it to `unit` with a deadline; it becomes a task of `plan`."""
    if not actor.is_office_admin:
        raise PermissionDenied(_("Only the disclosure office records inspection problems."))
    ensure_plan_open(plan)
    if not title.strip() or not description.strip():
        raise ValidationError(_("Say what the problem is and what must be done."))
    if due_date < found_on:
        raise ValidationError(_("The deadline cannot be before the day the problem was found."))
    office_unit = next((m.unit for m in actor.memberships.select_related("unit") if m.role == "office_admin"), None)
    section, _created = plan.sections.get_or_create(
        title=PROBLEM_SECTION, defaults={"position": plan.sections.count() + 1}
    )
    number = f"P{Problem.objects.filter(task__item__plan=plan).count() + 1}"
    item = plan.items.create(section=section, number=number, title=title.strip(), position=plan.items.count() + 1)
    task = item.tasks.create(position=1, text=description.strip(), deadline_text=due_date.isoformat(),
                             deadline_kind=DeadlineKind.DATE, deadline_date=due_date)
    if office_unit:
        task.units.create(role=TaskUnit.Role.LEAD, position=1, name=office_unit.short_name, unit=office_unit)
    task.units.create(role=TaskUnit.Role.RESPONSIBLE, position=1, name=unit.short_name, unit=unit)
    problem = Problem.objects.create(task=task, source=source, found_on=found_on, created_by=actor)
    assignment = Assignment.objects.create(task=task, unit=unit, due_date=due_date, original_due_date=due_date,
                                           started_on=found_on)
    record(actor=actor, verb="problem.recorded", subject=assignment,
           data={"problem": problem.pk, "title": title.strip(), "unit": unit.name, "due": due_date})
    return problem
