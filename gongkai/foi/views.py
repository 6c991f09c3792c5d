from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.events.models import Event
from gongkai.querystrings import query_without
from gongkai.uploads import DOCX
from gongkai.workdays.calendar import CalendarYearMissing, WorkCalendar

from . import charging, clocking, deciding, letters, permissions, receipt, replies, services, worklist
from .forms import (
    AnswerForm,
    ClockStepForm,
    ConfirmReceiptForm,
    DecisionForm,
    FeeNoticeForm,
    HandlerForm,
    LetterEditForm,
    PartForm,
    RegisterForm,
    RemedyForm,
    ReviewForm,
    ServeForm,
    TransferForm,
    WorkListFilterForm,
)
from .lights import current_yellow, light
from .models import OPEN_STATUSES, Application, PersonalDataView
from .privacy import mask_id_number, mask_phone


@login_required
def work_list(request):
    """Open applications of the user's units, filtered and paged, each with its light."""
    today = timezone.localdate()
    form = WorkListFilterForm(request.GET, user=request.user)
    work = worklist.build(request.user, form.filters(), today=today, calendar=WorkCalendar.from_db(),
                          page_number=request.GET.get("page"))
    return render(request, "foi/work_list.html", {
        "form": form, "work": work, "today": today, "filtered": any(form.filters().values()),
        "light_link_base": query_without(request.GET, "light", "page"),
        "page_link_base": query_without(request.GET, "page"),
        "may_register": permissions.may_register(request.user),
    })


@login_required
@require_http_methods(["GET", "POST"])
def register_view(request):
    if not permissions.may_register(request.user):
        raise PermissionDenied(str(permissions.STEPS["register"].refused))
    form = RegisterForm(request.POST or None, initial={"arrived_at": timezone.localtime().replace(second=0, microsecond=0)})
    if request.method == "POST" and form.is_valid():
        try:
            application, password = services.register(
                actor=request.user, channel=form.cleaned_data["channel"], arrived_at=form.cleaned_data["arrived_at"],
                target_unit=form.cleaned_data["target_unit"], fields=form.applicant_fields(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(request, "foi/public/submitted.html", receipt.context(application, password, staff=True))
    return render(request, "foi/register.html", {"form": form}, status=400 if form.errors else 200)


def clock_state(application, today):
    """The clock with its explanation, or the reason it cannot be computed (e.g. a calendar year missing)."""
    if application.receipt_date is None:
        return None
    try:
        return clocking.state_of(application, today=today)
    except (clocking.clock.ClockError, CalendarYearMissing) as error:
        return {"error": str(error)}


def visible_application(request, pk):
    return get_object_or_404(Application.objects.visible_to(request.user).select_related("handling_unit"), pk=pk)


def notices_of(application):
    """[(clock event, the notice's name)] for the 补正, 延期, 征求意见 and 收费 notices of the application."""
    events = application.clock_events.filter(kind__in=replies.NOTICE_KINDS)
    return [(event, replies.NOTICE_KINDS[event.kind].label) for event in events]


def clock_step_form(can, today):
    """The clock-step form offers an extension only to whoever may approve one (the office, Art 33)."""
    form = ClockStepForm(initial={"day": today})
    if "extend" not in can:
        form.fields["kind"].choices = [choice for choice in form.fields["kind"].choices if choice[0] != "extended"]
    return form


@login_required
def detail(request, pk, *, confirm_form=None):
    """The application with only the steps this person may take in its present status (foi.permissions)."""
    application = visible_application(request, pk)
    today = timezone.localdate()
    # A finished case has no light: its deadline was met or missed when it was served or closed.
    finished_on = None if application.status in OPEN_STATUSES else (application.served_on or application.closed_on)
    colour, left = (None, None) if application.status not in OPEN_STATUSES else light(
        application.due_date, today, WorkCalendar.from_db(), yellow=current_yellow())
    decisions = list(application.decisions.select_related("drafted_by", "reviewed_by"))
    parts = list(application.parts.select_related("unit"))
    can = permissions.allowed_actions(request.user, application, decisions=decisions)
    return render(request, "foi/detail.html", {
        "application": application, "colour": colour, "left": left, "finished_on": finished_on,
        "masked_id": mask_id_number(application.id_number), "masked_phone": mask_phone(application.phone),
        "confirm_form": confirm_form or ConfirmReceiptForm(initial={"day": today}),
        "notices": notices_of(application),
        "history": Event.objects.about(application).select_related("actor")[:50],
        "can": can, "pending_decision": permissions.pending_decision(decisions),
        "transfer_form": TransferForm(initial={"version": application.version}), "part_form": PartForm(),
        "clock_form": clock_step_form(can, today), "clock": clock_state(application, today),
        "decisions": decisions,
        "decision_form": DecisionForm(), "serve_form": ServeForm(initial={"day": today}), "remedy_form": RemedyForm(),
        "remedy_cases": application.remedy_cases.all(), "rating": getattr(application, "rating", None),
        "fee_form": FeeNoticeForm(initial={"day": today}),
        "handler_form": HandlerForm(unit=application.handling_unit, initial={
            "version": application.version, "handler": application.handler_id}),
        "parts": parts, "answerable_parts": permissions.answerable_parts(request.user, application, parts),
    }, status=400 if confirm_form else 200)


@login_required
@require_POST
def confirm_receipt_view(request, pk):
    application = visible_application(request, pk)
    form = ConfirmReceiptForm(request.POST)
    if form.is_valid():
        try:
            services.confirm_receipt(actor=request.user, application=application, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        except CalendarYearMissing as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Receipt confirmed; the statutory clock is running."))
            return redirect("foi:detail", pk=pk)
    return detail(request, pk, confirm_form=form)


@login_required
@require_POST
def personal_data(request, pk):
    """Full identity number, phone and address, for the handling unit's acting staff and the office; logged."""
    application = visible_application(request, pk)
    permissions.check_who(request.user, "reveal_personal_data", application)  # a viewer or intake desk: 403
    PersonalDataView.objects.create(application=application, user=request.user, purpose=request.POST.get("purpose", "")[:100])
    response = render(request, "foi/personal_data.html", {"application": application})
    response["Cache-Control"] = "no-store"
    return response


def _act(request, pk, form, action, done):
    """Run one service with a form's data for the application page; errors come back as messages."""
    if not form.is_valid():
        messages.error(request, _("The form was incomplete; nothing was changed."))
        return redirect("foi:detail", pk=pk)
    return _run(request, pk, lambda: action(form.cleaned_data), done)


def _run(request, pk, step, done):
    """Run one service step and go back to the application page, never a 500."""
    try:
        step()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except CalendarYearMissing as error:  # the clock refuses to guess a year without its notice
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect("foi:detail", pk=pk)


@login_required
@require_POST
def transfer_view(request, pk):
    application = visible_application(request, pk)
    return _act(request, pk, TransferForm(request.POST), lambda data: services.transfer(
        actor=request.user, application=application, unit=data["unit"], reason=data["reason"],
        expected_version=data["version"]), _("The application was transferred."))


@login_required
@require_POST
def ask_part_view(request, pk):
    application = visible_application(request, pk)
    return _act(request, pk, PartForm(request.POST), lambda data: services.ask_part(
        actor=request.user, application=application, **data), _("The unit was asked to answer its part."))


@login_required
@require_POST
def answer_part_view(request, pk, part_pk):
    application = visible_application(request, pk)
    part = get_object_or_404(application.parts, pk=part_pk)
    return _act(request, pk, AnswerForm(request.POST), lambda data: services.answer_part(
        actor=request.user, part=part, answer=data["answer"]), _("Your answer was sent to the handling unit."))


@login_required
@require_POST
def clock_step_view(request, pk):
    application = visible_application(request, pk)
    form = ClockStepForm(request.POST)
    return _act(request, pk, form, lambda data: clocking.record_step(
        actor=request.user, application=application, kind=data["kind"], day=data["day"], value=form.step_value(),
        note=data["note"], ref=data["ref"]), _("The step was recorded and the deadline recomputed."))


@login_required
@require_POST
def decision_view(request, pk):
    application = visible_application(request, pk)
    return _act(request, pk, DecisionForm(request.POST), lambda data: deciding.draft_decision(
        actor=request.user, application=application, **data), _("The reply was drafted and sent for approval."))


@login_required
@require_POST
def review_view(request, pk, decision_pk):
    application = visible_application(request, pk)
    decision = get_object_or_404(application.decisions, pk=decision_pk)
    return _act(request, pk, ReviewForm(request.POST), lambda data: deciding.review_decision(
        actor=request.user, decision=decision, **data), _("Your review was recorded."))


@login_required
@require_POST
def serve_view(request, pk):
    application = visible_application(request, pk)
    return _act(request, pk, ServeForm(request.POST), lambda data: deciding.serve(
        actor=request.user, application=application, **data), _("The service of the reply was recorded."))


@login_required
@require_POST
def archive_view(request, pk):
    application = visible_application(request, pk)
    return _run(request, pk, lambda: deciding.archive(actor=request.user, application=application),
                _("The application was archived."))


@login_required
@require_POST
def reopen_view(request, pk):
    """The office reopens an archived application, with the reason recorded (the service refuses an empty one)."""
    application = visible_application(request, pk)
    return _run(request, pk, lambda: deciding.reopen_archive(
        actor=request.user, application=application, reason=request.POST.get("reason", "")[:300]),
        _("The application was reopened."))


@login_required
@require_POST
def remedy_view(request, pk):
    application = visible_application(request, pk)
    return _act(request, pk, RemedyForm(request.POST), lambda data: deciding.record_remedy(
        actor=request.user, application=application, **data), _("The case was recorded."))


@login_required
def letter_view(request, pk, decision_pk, fmt):
    application = visible_application(request, pk)
    decision = get_object_or_404(application.decisions, pk=decision_pk)
    if fmt not in ("docx", "pdf"):
        raise Http404
    try:
        content = replies.render(decision, fmt)
    except (letters.LetterError, ValueError) as error:
        messages.error(request, " ".join(getattr(error, "problems", None) or [str(error)]))
        return redirect("foi:detail", pk=pk)
    content_type = "application/pdf" if fmt == "pdf" else DOCX.content_type
    response = HttpResponse(content, content_type=content_type)
    # The file name carries the tracking code only: personal data never goes into names or URLs.
    response["Content-Disposition"] = f'attachment; filename="{application.tracking_code}-reply.{fmt}"'
    return response


@login_required
@require_POST
def fee_notice_view(request, pk):
    application = visible_application(request, pk)
    return _act(request, pk, FeeNoticeForm(request.POST), lambda data: charging.send_fee_notice(
        actor=request.user, application=application, **data), _("The fee notice was recorded; the clock is paused."))


@login_required
@require_http_methods(["GET", "POST"])
def letter_edit(request, pk, decision_pk):
    """Edit the reply's wording before it is approved (the generated text is the starting point)."""
    application = visible_application(request, pk)
    decision = get_object_or_404(application.decisions, pk=decision_pk)
    permissions.check_who(request.user, "edit_letter", application)
    form = LetterEditForm(request.POST or None, initial={"body": decision.letter_body or replies.generated_text(decision)})
    if request.method == "POST" and form.is_valid():
        try:
            replies.edit_letter(actor=request.user, decision=decision, body=form.cleaned_data["body"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The letter text was saved."))
            return redirect("foi:detail", pk=pk)
    return render(request, "form_page.html", {
        "form": form, "heading": _("Edit the letter"), "back_url": reverse("foi:detail", args=[pk]),
        "back_label": application.tracking_code,
    }, status=400 if form.errors else 200)


@login_required
def notice_view(request, pk, event_pk, fmt):
    """The notice that goes with a clock step: 补正, 延期, 征求意见 or 收费."""
    application = visible_application(request, pk)
    event = get_object_or_404(application.clock_events.filter(kind__in=replies.NOTICE_KINDS), pk=event_pk)
    if fmt not in ("docx", "pdf"):
        raise Http404
    try:
        content = replies.render_notice(application, event, fmt)
    except (letters.LetterError, ValueError) as error:
        messages.error(request, " ".join(getattr(error, "problems", None) or [str(error)]))
        return redirect("foi:detail", pk=pk)
    response = HttpResponse(content, content_type="application/pdf" if fmt == "pdf" else DOCX.content_type)
    response["Content-Disposition"] = f'attachment; filename="{application.tracking_code}-{event.kind}.{fmt}"'
    return response


@login_required
@require_POST
def handler_view(request, pk):
    application = visible_application(request, pk)
    return _act(request, pk, HandlerForm(request.POST, unit=application.handling_unit), lambda data: services.assign_handler(
        actor=request.user, application=application, handler=data["handler"], expected_version=data["version"]),
        _("The handler was assigned."))
