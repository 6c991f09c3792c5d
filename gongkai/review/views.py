"""Staff pages of the year-end review and of progress publication. Thin: every write is a service call."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gongkai.ledger.models import Assignment
from gongkai.orgs.access import office_admin_required
from gongkai.plans.exports import attachment
from gongkai.plans.models import Plan

from . import services
from .forms import CarryOverPlanForm, CloseForm, DecisionForm
from .models import CarryOver, Decision, PlanClosure, PublicationSetting
from .report import closing_report
from .report_docx import DOCX_TYPE, closing_report_docx


def _plan(request, pk):
    return get_object_or_404(Plan.objects.visible_to(request.user), pk=pk)


def _closure(plan):
    closure = PlanClosure.objects.filter(plan=plan).first()
    if closure is None:
        raise Http404
    return closure


def _closed_already(request, closure):
    """A stale page posting to a closed review: say so instead of showing a form that cannot apply."""
    if not closure.is_closed:
        return None
    messages.error(request, _("This plan is already closed; its year-end decisions can no longer change."))
    return redirect("review:plan", pk=closure.plan_id)


def _errors(request, error):
    for message in error.messages:
        messages.error(request, message)


@office_admin_required
def index(request):
    plans = Plan.objects.visible_to(request.user).select_related("closure", "publication").order_by("-year", "title")
    return render(request, "review/index.html", {"plans": plans})


@office_admin_required
def plan_review(request, pk):
    plan = _plan(request, pk)
    return render(request, "review/plan_review.html", review_context(plan))


def review_context(plan, **forms):
    """Everything the review page shows; `forms` carries a bound form back with its errors."""
    closure = PlanClosure.objects.filter(plan=plan).first()
    context = {
        "plan": plan, "closure": closure, "today": timezone.localdate(),
        "publication": PublicationSetting.objects.filter(plan=plan).first(),
        "unfinished_count": Assignment.objects.in_plan(plan).open().count(),
    }
    if closure is not None and not closure.is_closed:
        context.update(draft_context(plan, closure, **forms))
    return context


def draft_context(plan, closure, decision_form=None, close_form=None):
    undecided = closure.undecided().select_related("task__item", "unit").order_by(
        "task__item__position", "task__position", "unit__name")
    return {
        "undecided": group_by_item(undecided),
        "undecided_count": len(undecided),
        "decisions": closure.decisions.select_related("assignment__task__item", "assignment__unit", "target_plan",
                                                      "new_assignment"),
        "decision_form": decision_form or DecisionForm(plan=plan),
        "close_form": close_form or CloseForm(),
        "carry_plan_form": CarryOverPlanForm(),
        "next_year_missing": bool(plan.year) and not Plan.objects.filter(year=plan.year + 1).exists(),
    }


def group_by_item(assignments):
    groups = []
    for assignment in assignments:
        if not groups or groups[-1][0] != assignment.task.item:
            groups.append((assignment.task.item, []))
        groups[-1][1].append(assignment)
    return groups


@office_admin_required
@require_POST
def start(request, pk):
    plan = _plan(request, pk)
    services.start_closure(actor=request.user, plan=plan)
    return redirect("review:plan", pk=plan.pk)


def chosen_assignments(request, closure):
    """Ticked assignments, plus every undecided one of each ticked item. Non-numbers are ignored."""
    ids = {int(v) for v in request.POST.getlist("assignment") if v.isdigit()}
    item_ids = {int(v) for v in request.POST.getlist("item") if v.isdigit()}
    chosen = closure.undecided().filter(task__item_id__in=item_ids) if item_ids else Assignment.objects.none()
    return list(Assignment.objects.filter(pk__in=ids)) + [a for a in chosen if a.pk not in ids]


@office_admin_required
@require_POST
def decide(request, pk):
    plan = _plan(request, pk)
    closure = _closure(plan)
    if stale := _closed_already(request, closure):
        return stale
    form = DecisionForm(request.POST, plan=plan)
    if form.is_valid():
        data = form.cleaned_data
        try:
            rows = decide_with(request, closure, data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(count)s assignments decided: %(decision)s.")
                             % {"count": len(rows), "decision": Decision(data["decision"]).label})
            return redirect("review:plan", pk=plan.pk)
    context = {**review_context(plan, decision_form=form), "checked": set(request.POST.getlist("assignment"))}
    return render(request, "review/plan_review.html", context, status=400)


def decide_with(request, closure, data):
    assignments = chosen_assignments(request, closure)
    if data["decision"] == Decision.CARRIED:
        return services.carry_over(actor=request.user, closure=closure, assignments=assignments,
                                   target_plan=data["target_plan"], reason=data["reason"], due_date=data["due_date"])
    return services.drop(actor=request.user, closure=closure, assignments=assignments, reason=data["reason"])


@office_admin_required
@require_POST
def withdraw(request, pk):
    decision = get_object_or_404(CarryOver.objects.select_related("closure__plan"), pk=pk)
    try:
        services.withdraw_decision(actor=request.user, decision=decision)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("The decision on %(assignment)s was withdrawn.") % {"assignment": decision.assignment})
    return redirect("review:plan", pk=decision.closure.plan_id)


@office_admin_required
@require_POST
def create_carry_plan(request, pk):
    plan = _plan(request, pk)
    form = CarryOverPlanForm(request.POST)
    if form.is_valid():
        try:
            target = services.create_carry_over_plan(actor=request.user, closure=_closure(plan),
                                                     title=form.cleaned_data["title"])
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("“%(plan)s” was created; carry work into it below.") % {"plan": target})
    return redirect("review:plan", pk=plan.pk)


@office_admin_required
@require_POST
def close(request, pk):
    plan = _plan(request, pk)
    closure = _closure(plan)
    if stale := _closed_already(request, closure):
        return stale
    form = CloseForm(request.POST)
    if form.is_valid():
        try:
            services.close_plan(actor=request.user, closure=closure, report_text=form.cleaned_data["report_text"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The plan is closed. Its ledger is frozen."))
            return redirect("review:report", pk=plan.pk)
    return render(request, "review/plan_review.html", review_context(plan, close_form=form), status=400)


@office_admin_required
@require_POST
def publication(request, pk):
    plan = _plan(request, pk)
    published = request.POST.get("published") == "1"
    services.set_publication(actor=request.user, plan=plan, published=published)
    messages.success(request, _("The progress page is public.") if published else _("The progress page is withdrawn."))
    return redirect("review:plan", pk=plan.pk)


def _readable_closure(request, pk):
    """The closing report: every member of staff once closed; a draft only for the office."""
    closure = _closure(_plan(request, pk))
    if not closure.is_closed and not request.user.is_office_admin:
        raise Http404
    return closure


@login_required
def report(request, pk):
    closure = _readable_closure(request, pk)
    return render(request, "review/report.html", {"report": closing_report(closure), "closure": closure,
                                                  "plan": closure.plan})


@login_required
def report_docx(request, pk):
    closure = _readable_closure(request, pk)
    response = HttpResponse(closing_report_docx(closing_report(closure)), content_type=DOCX_TYPE)
    response["Content-Disposition"] = attachment(_("%(plan)s closing report.docx") % {"plan": closure.plan})
    return response
