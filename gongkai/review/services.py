"""Every write of the year-end review and of progress publication: keyword-only, an acting user,
one transaction, validation, an event row (DESIGN.md, house rule 1).

Workflow of a closure (only the disclosure office acts):

    start_closure ──▶ draft ──carry_over / drop / withdraw_decision──▶ draft ──close_plan──▶ closed

`close_plan` needs a decision for every unfinished assignment; afterwards the plan is frozen.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.events.services import record
from gongkai.ledger.models import Assignment
from gongkai.plans.models import Plan, Section
from gongkai.workdays.calendar import CalendarYearMissing, WorkCalendar
from gongkai.workdays.explanation import Step

from .carrying import CARRY_OVER_SECTION, TargetBuilder
from .frozen import ensure_plan_open
from .models import CarryOver, ClosureStatus, Decision, PlanClosure, PublicationSetting


def _require_office(actor):
    if not actor.is_office_admin:
        raise PermissionDenied(_("Only the disclosure office reviews and closes plans."))


def _require_draft(closure):
    if closure.status != ClosureStatus.DRAFT:
        raise ValidationError(_("This plan is already closed; its year-end decisions can no longer change."))


def _required_reason(reason):
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for this decision: the closing report lists it."))
    return reason


@transaction.atomic
def start_closure(*, actor, plan, today=None):
    """Open the year-end review of `plan` (or return the one already open)."""
    _require_office(actor)
    closure = PlanClosure.objects.filter(plan=plan).first()
    if closure is not None:
        return closure
    closure = PlanClosure.objects.create(plan=plan, started_on=today or timezone.localdate(), started_by=actor)
    record(actor=actor, verb="closure.started", subject=plan,
           data={"closure": closure.pk, "unfinished": closure.unfinished().count()})
    return closure


def _locked_undecided(closure, assignments):
    """The chosen assignments, locked, after checking each is unfinished, in this plan and undecided."""
    ids = {a.pk for a in assignments}
    if not ids:
        raise ValidationError(_("Choose at least one unfinished assignment."))
    # Lock the assignments only, not the tasks, items and units joined to them.
    locked = list(Assignment.objects.select_for_update(of=("self",)).filter(pk__in=ids)
                  .select_related("task__item", "unit"))
    problems = []
    for assignment in locked:
        if assignment.task.item.plan_id != closure.plan_id:
            problems.append(_("%(assignment)s is not in this plan.") % {"assignment": assignment})
        elif not assignment.is_open:
            problems.append(_("%(assignment)s is completed; only unfinished work is carried over or dropped.")
                            % {"assignment": assignment})
    decided = CarryOver.objects.filter(assignment_id__in=ids).select_related("assignment__task__item", "assignment__unit")
    problems += [_("%(assignment)s already has a decision: %(decision)s.")
                 % {"assignment": row.assignment, "decision": row.get_decision_display()} for row in decided]
    if len(locked) != len(ids):
        problems.append(_("Some of the chosen assignments no longer exist. Reload the page."))
    if problems:
        raise ValidationError(problems)
    return locked


def _check_target(closure, target_plan):
    plan = closure.plan
    if target_plan.pk == plan.pk:
        raise ValidationError(_("Unfinished work is carried into another plan, not into the plan being closed."))
    if plan.year and target_plan.year and target_plan.year <= plan.year:
        raise ValidationError(_("Carry work into a later year's plan: “%(target)s” is for %(year)s.")
                              % {"target": target_plan, "year": target_plan.year})
    ensure_plan_open(target_plan)


def start_date_in(target_plan, today):
    """Carried work starts on the first day of the target year, or today if that has begun."""
    if target_plan.year and today.year < target_plan.year:
        return datetime.date(target_plan.year, 1, 1)
    return today


def check_due_date(due_date, *, target_plan, started_on, calendar=None):
    """A new due date lies in the target plan's year, not before the work starts, on a working day."""
    if due_date is None:
        return
    if target_plan.year and due_date.year != target_plan.year:
        raise ValidationError(_("The new due date must fall in %(year)s, the year of “%(plan)s”.")
                              % {"year": target_plan.year, "plan": target_plan})
    if due_date < started_on:
        raise ValidationError(_("The new due date cannot be before %(date)s.") % {"date": started_on.isoformat()})
    calendar = calendar or WorkCalendar.from_db()
    try:
        kind, name = calendar.day_kind(due_date)
    except CalendarYearMissing as missing:
        raise ValidationError(str(missing)) from None
    if not kind.is_working:
        why = Step(date=due_date, kind=kind, name=name, number=None, is_start=False).reason
        raise ValidationError(_("%(date)s is not a working day: %(why)s. Choose a working day.")
                              % {"date": due_date.isoformat(), "why": why})


@transaction.atomic
def carry_over(*, actor, closure, assignments, target_plan, reason, due_date=None, today=None):
    """Carry unfinished assignments into `target_plan`: new tasks and assignments linked to the originals.

    `due_date` None means the carried work is ongoing (持续推进). The originals stay as they are.
    """
    _require_office(actor)
    closure = PlanClosure.objects.select_for_update().get(pk=closure.pk)
    _require_draft(closure)
    reason = _required_reason(reason)
    _check_target(closure, target_plan)
    started_on = start_date_in(target_plan, today or timezone.localdate())
    check_due_date(due_date, target_plan=target_plan, started_on=started_on)
    originals = _locked_undecided(closure, assignments)
    builder = TargetBuilder(target_plan)
    rows = []
    for original in sorted(originals, key=lambda a: (a.task.item.position, a.task.position, a.unit.name)):
        new = builder.assignment_for(original, due_date=due_date, started_on=started_on)
        rows.append(CarryOver(closure=closure, assignment=original, decision=Decision.CARRIED, reason=reason,
                              target_plan=target_plan, new_assignment=new, decided_by=actor))
        record(actor=actor, verb="assignment.carried_over", subject=original,
               data={"into": new.pk, "plan": target_plan.pk, "due_date": due_date, "reason": reason})
    CarryOver.objects.bulk_create(rows)
    record(actor=actor, verb="closure.carried_over", subject=closure.plan, data={
        "assignments": [row.assignment_id for row in rows], "target_plan": target_plan.pk,
        "due_date": due_date, "reason": reason,
    })
    return rows


@transaction.atomic
def drop(*, actor, closure, assignments, reason):
    """Record that unfinished assignments end with this plan, and why (done otherwise, no longer needed …)."""
    _require_office(actor)
    closure = PlanClosure.objects.select_for_update().get(pk=closure.pk)
    _require_draft(closure)
    reason = _required_reason(reason)
    originals = _locked_undecided(closure, assignments)
    rows = [CarryOver(closure=closure, assignment=a, decision=Decision.DROPPED, reason=reason, decided_by=actor)
            for a in originals]
    CarryOver.objects.bulk_create(rows)
    for original in originals:
        record(actor=actor, verb="assignment.dropped", subject=original, data={"reason": reason})
    record(actor=actor, verb="closure.dropped", subject=closure.plan,
           data={"assignments": [a.pk for a in originals], "reason": reason})
    return rows


@transaction.atomic
def withdraw_decision(*, actor, decision):
    """Undo one decision while the review is open. A carried copy goes too, if no one has worked on it."""
    _require_office(actor)
    decision = CarryOver.objects.select_for_update().select_related("closure").get(pk=decision.pk)
    _require_draft(decision.closure)
    new = decision.new_assignment
    if new is not None and (new.reports.exists() or new.version > 1):
        raise ValidationError(_("The carried-over assignment has been worked on in “%(plan)s”; it cannot be "
                                "withdrawn.") % {"plan": decision.target_plan})
    record(actor=actor, verb="closure.decision_withdrawn", subject=decision.closure.plan, data={
        "assignment": decision.assignment_id, "decision": decision.decision, "reason": decision.reason,
        "new_assignment": getattr(new, "pk", None),
    })
    decision.delete()
    if new is not None:
        _delete_carried_copy(new)


def _delete_carried_copy(assignment):
    """The copy, and its task and item once nothing else is left in them."""
    task, item = assignment.task, assignment.task.item
    task.units.filter(role="responsible", unit=assignment.unit).delete()
    assignment.delete()
    if not task.assignments.exists():
        task.delete()
    if not item.tasks.exists():
        item.delete()


@transaction.atomic
def close_plan(*, actor, closure, report_text, today=None):
    """Close the plan: every unfinished assignment decided, the office's report text kept. Freezes the ledger."""
    _require_office(actor)
    closure = PlanClosure.objects.select_for_update().get(pk=closure.pk)
    _require_draft(closure)
    report_text = (report_text or "").strip()
    if not report_text:
        raise ValidationError(_("Write the closing report: what was done, and what remains."))
    undecided = closure.undecided().count()
    if undecided:
        raise ValidationError(_("%(count)s unfinished assignments have no decision yet: carry each over or drop it "
                                "with a reason.") % {"count": undecided})
    stale = closure.decisions.exclude(assignment__in=closure.unfinished()).select_related("assignment__task__item",
                                                                                        "assignment__unit")
    if stale:
        raise ValidationError([_("%(assignment)s was completed after it was decided on; withdraw that decision.")
                               % {"assignment": row.assignment} for row in stale])
    closure.status, closure.report_text = ClosureStatus.CLOSED, report_text
    closure.closed_on, closure.closed_by = today or timezone.localdate(), actor
    closure.save()
    counts = {d: closure.decisions.filter(decision=d).count() for d in Decision.values}
    record(actor=actor, verb="plan.closed", subject=closure.plan, data={"closed_on": closure.closed_on, **counts})
    return closure


@transaction.atomic
def create_carry_over_plan(*, actor, closure, title=""):
    """An empty plan for the next year, holding only the 上年度结转任务 section, to carry work into."""
    _require_office(actor)
    _require_draft(closure)
    plan = closure.plan
    if not plan.year:
        raise ValidationError(_("This plan has no year, so the next year is unknown. Choose an existing plan."))
    title = (title or "").strip() or f"{plan.title}（结转{plan.year + 1}年）"
    if Plan.objects.filter(title=title, year=plan.year + 1).exists():
        raise ValidationError(_("A plan named “%(title)s” for %(year)s exists already.")
                              % {"title": title, "year": plan.year + 1})
    target = Plan.objects.create(title=title[:200], year=plan.year + 1, created_by=actor)
    Section.objects.create(plan=target, number="", title=CARRY_OVER_SECTION, position=1)
    record(actor=actor, verb="plan.created_for_carry_over", subject=target, data={"from_plan": plan.pk})
    return target


@transaction.atomic
def set_publication(*, actor, plan, published):
    """Publish or withdraw the public progress page of `plan`."""
    _require_office(actor)
    setting, _created = PublicationSetting.objects.select_for_update().get_or_create(plan=plan)
    if setting.published == published:
        return setting
    setting.published = published
    if published:
        setting.published_at, setting.published_by = timezone.now(), actor
    setting.save()
    record(actor=actor, verb="progress.published" if published else "progress.unpublished", subject=plan)
    return setting
