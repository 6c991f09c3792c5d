import datetime
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.events.models import Event
from gongkai.ledger.models import ProgressReport
from gongkai.orgs.access import office_admin_required
from gongkai.plans.models import Plan

from . import numbering, pdf, services, word
from .content import bulletin_content, ordinal
from .figures import unit_labels
from .forms import EditForm, GenerateForm, PracticeForm
from .models import Bulletin


def attachment(filename, fallback):
    """Content-Disposition keeping a Chinese file name intact (RFC 6266), with an ASCII fallback."""
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"


def error_text(error):
    return " ".join(error.messages)


def previous_quarter(today):
    """(first day, last day) of the latest calendar quarter that has ended by `today`."""
    first_of_this = datetime.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    end = first_of_this - datetime.timedelta(days=1)
    return datetime.date(end.year, end.month - 2, 1), end


def suggested_title(end):
    return _("Government transparency work bulletin, %(year)s quarter %(quarter)s") % {
        "year": end.year, "quarter": ordinal((end.month - 1) // 3 + 1)}


@login_required
def bulletin_list(request):
    bulletins = Bulletin.objects.visible_to(request.user).select_related("plan")
    return render(request, "bulletins/list.html", {"bulletins": bulletins})


@office_admin_required
@require_http_methods(["GET", "POST"])
def bulletin_new(request):
    plans = Plan.objects.visible_to(request.user)
    start, end = previous_quarter(timezone.localdate())
    form = GenerateForm(request.POST or None, plans=plans, initial={
        "plan": plans.filter(year=start.year).first(), "period_start": start, "period_end": end,
        "title": suggested_title(end), "number": numbering.next_number(end.year),
    })
    if request.method == "POST" and form.is_valid():
        try:
            bulletin = services.generate_bulletin(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The draft bulletin was generated from the ledger. Edit it, then publish it."))
            return redirect("bulletins:detail", pk=bulletin.pk)
    return render(request, "form_page.html", {
        "form": form, "heading": _("New bulletin"), "back_url": reverse("bulletins:list"),
        "back_label": _("Bulletins"), "submit": _("Generate"),
    })


@login_required
def bulletin_detail(request, pk):
    bulletin = _bulletin(request, pk)
    events = Event.objects.about(bulletin).select_related("actor") if request.user.is_office_admin else []
    history = [(event, event.label) for event in events]
    return render(request, "bulletins/detail.html", {
        "bulletin": bulletin, "content": bulletin_content(bulletin), "history": history,
        "can_edit": request.user.is_office_admin and bulletin.is_draft,
    })


def _bulletin(request, pk):
    return get_object_or_404(Bulletin.objects.visible_to(request.user).select_related("plan"), pk=pk)


def _published_notice(request, bulletin):
    """A published bulletin is read-only: say so and go back to it (a second click on Publish lands here)."""
    messages.error(request, _("This bulletin is published: it can no longer be changed."))
    return redirect("bulletins:detail", pk=bulletin.pk)


@office_admin_required
@require_http_methods(["GET", "POST"])
def bulletin_edit(request, pk):
    bulletin = _bulletin(request, pk)
    if not bulletin.is_draft:
        return _published_notice(request, bulletin)
    form = EditForm(request.POST or None, initial={name: getattr(bulletin, name) for name in services.TEXT_FIELDS})
    if request.method == "POST" and form.is_valid():
        try:
            services.update_bulletin(actor=request.user, bulletin=bulletin, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The bulletin was saved."))
            return redirect("bulletins:detail", pk=bulletin.pk)
    return render(request, "form_page.html", {
        "form": form, "heading": _("Edit bulletin"), "subheading": bulletin.title,
        "back_url": reverse("bulletins:detail", args=[bulletin.pk]), "back_label": bulletin.title,
        "submit": _("Save"),
    })


@office_admin_required
@require_http_methods(["GET", "POST"])
def bulletin_practices(request, pk):
    bulletin = _bulletin(request, pk)
    if not bulletin.is_draft:
        return _published_notice(request, bulletin)
    form = PracticeForm(request.POST if request.POST.get("action") == "typed" else None)
    if request.method == "POST":
        try:
            done = _practice_action(request, bulletin, form)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            if done:
                return redirect("bulletins:practices", pk=bulletin.pk)
    candidates = list(services.practice_candidates(bulletin))
    labels = unit_labels({report.assignment.unit_id for report in candidates})
    for report in candidates:
        report.unit_label = labels[report.assignment.unit_id]  # one query for all names, not one per row
    return render(request, "bulletins/practices.html", {
        "bulletin": bulletin, "practices": bulletin.practices.select_related("unit", "report"),
        "candidates": candidates, "form": form,
    })


def _practice_action(request, bulletin, form):
    """Carry out one POSTed action on the good practices; False when the typed form has errors to show."""
    action = request.POST.get("action")
    if action == "typed":
        if not form.is_valid():
            return False
        services.add_good_practice(actor=request.user, bulletin=bulletin, **form.cleaned_data)
    elif action == "report":
        report = ProgressReport.objects.filter(pk=_int(request.POST.get("report"))).first()
        if report is None:
            raise ValidationError(_("That progress report no longer exists."))
        services.add_good_practice(actor=request.user, bulletin=bulletin, report=report)
    elif action in ("up", "down", "remove", "text"):
        practice = get_object_or_404(bulletin.practices, pk=_int(request.POST.get("practice")))
        if action == "remove":
            services.remove_good_practice(actor=request.user, practice=practice)
        elif action == "text":
            services.update_good_practice(actor=request.user, practice=practice, text=request.POST.get("text", ""))
        else:
            services.move_good_practice(actor=request.user, practice=practice, offset=-1 if action == "up" else 1)
    else:
        raise ValidationError(_("Unknown action."))
    messages.success(request, _("The good practices were saved."))
    return True


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _post_action(request, pk, service, success):
    bulletin = _bulletin(request, pk)
    try:
        service(actor=request.user, bulletin=bulletin)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, success)
    return redirect("bulletins:detail", pk=bulletin.pk)


@office_admin_required
@require_POST
def bulletin_publish(request, pk):
    return _post_action(request, pk, services.publish_bulletin,
                        _("The bulletin is published: every unit can now read it."))


@office_admin_required
@require_POST
def bulletin_discard(request, pk):
    bulletin = _bulletin(request, pk)
    try:
        services.discard_bulletin(actor=request.user, bulletin=bulletin)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("bulletins:detail", pk=bulletin.pk)
    messages.success(request, _("The draft was discarded."))
    return redirect("bulletins:list")


@login_required
def bulletin_docx(request, pk):
    bulletin = get_object_or_404(Bulletin.objects.visible_to(request.user), pk=pk)
    response = HttpResponse(word.bulletin_docx(bulletin), content_type=word.DOCX_TYPE)
    response["Content-Disposition"] = attachment(f"{bulletin.title}.docx", f"bulletin-{bulletin.pk}.docx")
    return response


@login_required
def bulletin_pdf(request, pk):
    bulletin = get_object_or_404(Bulletin.objects.visible_to(request.user), pk=pk)
    response = HttpResponse(pdf.bulletin_pdf(bulletin), content_type=pdf.PDF_TYPE)
    response["Content-Disposition"] = attachment(f"{bulletin.title}.pdf", f"bulletin-{bulletin.pk}.pdf")
    return response
