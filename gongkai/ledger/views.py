from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.orgs.access import office_admin_required
from gongkai.plans.models import Plan
from gongkai.supervision.models import LightSettings
from gongkai.workdays.calendar import WorkCalendar

from . import listing, permissions, services
from .forms import DueDateForm, LedgerFilterForm, ProblemForm, ReportForm, RoundForm, StepForm
from .models import Assignment, Evidence, ProgressReport, ReportingRound, ReportStatus

ASSIGNMENT_RELATED = ("task__item__plan", "unit")


@login_required
def my_work(request):
    """A person's desk: their units' open assignments and the reports waiting for them."""
    user, today = request.user, timezone.localdate()
    own = Assignment.objects.filter(unit_id__in=user.unit_ids).select_related(*ASSIGNMENT_RELATED)
    to_sign = ProgressReport.objects.filter(
        status=ReportStatus.AWAITING_SIGNOFF, assignment__unit_id__in=reviewing_unit_ids(user)
    ).select_related("assignment__unit", "assignment__task__item", "author")
    to_decide = ProgressReport.objects.filter(
        status=ReportStatus.AWAITING_LEAD,
        assignment__in=Assignment.objects.all() if user.is_office_admin else Assignment.objects.led_by(user.unit_ids),
    ).select_related("assignment__unit", "assignment__task__item", "author")
    return render(request, "ledger/my_work.html", {
        "open": own.open().order_by("due_date"), "done": own.closed().order_by("-completed_on")[:20],
        "to_sign": to_sign, "to_decide": to_decide, "today": today,
        "plans": Plan.objects.visible_to(user).annotate(assignments=Count("items__tasks__assignments")),
    })


def reviewing_unit_ids(user):
    return [unit_id for unit_id, role in user.role_pairs if role in ("reviewer", "liaison")]


@login_required
def plan_ledger(request, pk):
    """A plan's assignments, filtered, lit, sorted and paged; a bad filter is said and dropped, never a 500."""
    plan = get_object_or_404(Plan.objects.visible_to(request.user), pk=pk)
    today = timezone.localdate()
    visible = Assignment.objects.visible_to(request.user).in_plan(plan)
    form = LedgerFilterForm(request.GET, plan=plan, assignments=visible)
    ledger = listing.build(visible, form.filters(), today=today, calendar=WorkCalendar.from_db(),
                           thresholds=LightSettings.current().thresholds, page_number=request.GET.get("page"))
    if request.GET.get("page") not in (None, str(ledger.page.number)):
        messages.warning(request, _("There is no page %(asked)s; this is page %(number)d.") % {
            "asked": request.GET["page"][:10], "number": ledger.page.number})
    return render(request, "ledger/plan_ledger.html", {
        "plan": plan, "form": form, "ledger": ledger, "today": today, "counts": listing.totals(visible, today),
        **listing.links(request.GET), "rounds": plan.rounds.all(), "round_form": RoundForm(),
    })


@office_admin_required
@require_POST
def generate(request, pk):
    plan = get_object_or_404(Plan, pk=pk)
    created = services.generate_assignments(actor=request.user, plan=plan)
    messages.success(request, _("%(count)d assignments were created.") % {"count": created})
    return redirect("ledger:plan", pk=plan.pk)


@office_admin_required
@require_POST
def open_round_view(request, pk):
    plan = get_object_or_404(Plan, pk=pk)
    form = RoundForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the round a title, a kind and a deadline."))
        return redirect("ledger:plan", pk=plan.pk)
    try:
        reporting_round = services.open_round(actor=request.user, plan=plan, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("ledger:plan", pk=plan.pk)
    return redirect("ledger:round", pk=reporting_round.pk)


@login_required
def round_detail(request, pk):
    reporting_round = get_object_or_404(ReportingRound.objects.filter(plan__in=Plan.objects.visible_to(request.user)), pk=pk)
    visible = Assignment.objects.visible_to(request.user)
    missing = reporting_round.missing_assignments().filter(pk__in=visible.values("pk")).select_related(*ASSIGNMENT_RELATED)
    missing_units = missing.values("unit__name").annotate(count=Count("pk")).order_by("-count", "unit__name")
    return render(request, "ledger/round.html", {
        "round": reporting_round, "missing": missing[:500], "missing_units": missing_units,
        "reported": reporting_round.reports.filter(assignment__in=visible).count(),
    })


def visible_assignment(request, pk):
    return get_object_or_404(Assignment.objects.visible_to(request.user).select_related(*ASSIGNMENT_RELATED), pk=pk)


@login_required
def assignment_detail(request, pk, *, report_form=None, step_forms=None, due_form=None):
    assignment = visible_assignment(request, pk)
    user = request.user
    reports = assignment.reports.select_related("author", "signed_off_by", "decided_by").prefetch_related("evidence")
    open_round = ReportingRound.objects.current(assignment.task.item.plan, timezone.localdate())
    return render(request, "ledger/assignment.html", {
        "assignment": assignment, "task": assignment.task, "reports": reports, "today": timezone.localdate(),
        "can_report": permissions.reports_for_unit(user, assignment) and assignment.is_open,
        "can_review": permissions.reviews_for_unit(user, assignment),
        "can_decide": permissions.acts_for_lead(user, assignment),
        "report_form": report_form or ReportForm(initial={"version": assignment.version, "percent": assignment.percent}),
        "due_form": due_form or DueDateForm(initial={"version": assignment.version, "due_date": assignment.due_date}),
        "version": assignment.version, "open_round": open_round,
    }, status=400 if (report_form or due_form) else 200)


@login_required
@require_POST
def report_view(request, pk):
    assignment = visible_assignment(request, pk)
    form = ReportForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        reporting_round = ReportingRound.objects.current(assignment.task.item.plan, timezone.localdate())
        try:
            services.submit_report(
                actor=request.user, assignment=assignment, text=data["text"], percent=data["percent"],
                is_final=data["is_final"], milestone=data["milestone"], links=data["links"], files=data["files"],
                round=reporting_round, expected_version=data["version"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your report was sent to your unit's reviewer."))
            return redirect("ledger:assignment", pk=pk)
    return assignment_detail(request, pk, report_form=form)


@login_required
@require_POST
def step_view(request, pk):
    report = get_object_or_404(
        ProgressReport.objects.filter(assignment__in=Assignment.objects.visible_to(request.user)), pk=pk
    )
    form = StepForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The form was incomplete; nothing was changed."))
        return redirect("ledger:assignment", pk=report.assignment_id)
    try:
        services.take_step(actor=request.user, report=report, step=form.cleaned_data["step"],
                           comment=form.cleaned_data["comment"], expected_version=form.cleaned_data["version"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, STEP_DONE[form.cleaned_data["step"]]())
    return redirect("ledger:assignment", pk=report.assignment_id)


STEP_DONE = {
    "sign_off": lambda: _("Signed off and sent to the lead unit."),
    "return_to_handler": lambda: _("Returned to the handler."),
    "accept": lambda: _("Accepted."),
    "return": lambda: _("Returned to the unit with your comments."),
}


@login_required
@require_POST
def due_date_view(request, pk):
    assignment = visible_assignment(request, pk)
    form = DueDateForm(request.POST)
    if form.is_valid():
        try:
            services.change_due_date(actor=request.user, assignment=assignment, due_date=form.cleaned_data["due_date"],
                                     reason=form.cleaned_data["reason"], expected_version=form.cleaned_data["version"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The due date was changed."))
            return redirect("ledger:assignment", pk=pk)
    if not assignment.is_open:  # completed work shows no due-date form to carry the errors
        messages.error(request, _("This assignment is completed: its due date is history and cannot change."))
        return redirect("ledger:assignment", pk=pk)
    return assignment_detail(request, pk, due_form=form)


@login_required
def evidence_download(request, pk):
    evidence = get_object_or_404(
        Evidence.objects.filter(report__assignment__in=Assignment.objects.visible_to(request.user)), pk=pk
    )
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.original_name,
                        content_type=evidence.content_type)


@login_required
@require_http_methods(["GET", "POST"])
def problems(request, pk):
    """Problems found in inspections: the office records and assigns them; units see theirs."""
    plan = get_object_or_404(Plan.objects.visible_to(request.user), pk=pk)
    form = ProblemForm(request.POST or None) if request.user.is_office_admin else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.record_problem(actor=request.user, plan=plan, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The problem was recorded and assigned."))
                return redirect("ledger:problems", pk=plan.pk)
    assignments = (
        Assignment.objects.visible_to(request.user).in_plan(plan).filter(task__problem__isnull=False)
        .select_related(*ASSIGNMENT_RELATED, "task__problem").order_by("-task__problem__found_on")
    )
    return render(request, "ledger/problems.html", {
        "plan": plan, "form": form, "assignments": assignments, "today": timezone.localdate(),
    }, status=400 if form is not None and form.errors else 200)
