"""The public side: apply (and keep the receipt), look up an application with its code and password, and
download the reply letter once it is served."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.documents.guide import guide_of
from gongkai.orgs.models import Unit
from gongkai.uploads import DOCX

from . import deciding, letters, receipt, replies, services, throttle
from .forms import ApplicationForm, CorrectionForm, RatingForm, StatusLookupForm
from .models import Application, DecisionStatus, Rating, Status
from .outcomes import ClosureCode, outcome_label


@require_http_methods(["GET", "POST"])
def apply(request):
    # ?unit=<id> (the link on a unit's public disclosure guide) chooses the body to apply to.
    chosen = Unit.objects.active().filter(pk=request.GET["unit"]).first() if request.GET.get(
        "unit", "").isdigit() else None
    form = ApplicationForm(request.POST or None, **({"initial": {"target_unit": chosen}} if chosen else {}))
    if request.method == "POST" and form.is_valid():
        application, password = services.submit_online(
            target_unit=form.cleaned_data["target_unit"], fields=form.applicant_fields()
        )
        # Shown once, in the response to the POST: the password never travels in a URL.
        return render(request, "foi/public/submitted.html", receipt.context(application, password))
    unit = form.cleaned_data.get("target_unit") if form.is_bound else chosen
    return render(request, "foi/public/apply.html", {"form": form, "guide_unit": unit, "guide": guide_of(unit)},
                  status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def status(request):
    """Status for code + password; on the same page the applicant corrects (补正) or rates the reply."""
    form = StatusLookupForm(request.POST or None)
    application, not_found, paused_until = None, False, None
    address = request.META.get("REMOTE_ADDR", "")
    if request.method == "POST" and form.is_valid():
        paused_until = throttle.paused_until(address)
        if paused_until is None:  # while paused, not even the right password is checked
            application = services.find_by_code(form.cleaned_data["tracking_code"], form.cleaned_data["password"])
            if application is None:
                not_found = True
                paused_until = throttle.record_failure(address)
            else:
                remember_lookup(request, application)
    if application is not None and request.POST.get("action") in APPLICANT_ACTIONS:
        application = applicant_action(request, application)
    return render(request, "foi/public/status.html", {
        "form": form, "application": application, "not_found": not_found, "paused_until": paused_until,
        "credentials": form.cleaned_data if application else None,
        "rating_form": RatingForm(), "correction_form": CorrectionForm(),
        "outcome": public_outcome(application), "letter": served_decision(application) is not None,
        "letter_minutes": int(LOOKUP_LASTS.total_seconds() // 60),
    }, status=429 if paused_until and not not_found else 200)


# A successful lookup lets this browser download the served reply letter for a while, without the
# password travelling again or ever appearing in a URL.
LOOKUP_SESSION_KEY = "foi_status_lookup"
LOOKUP_LASTS = datetime.timedelta(minutes=30)


def remember_lookup(request, application):
    if request.session.get(LOOKUP_SESSION_KEY) is None:
        request.session.cycle_key()  # a new session id once a code and password were shown to work
    request.session[LOOKUP_SESSION_KEY] = {"application": application.pk, "at": timezone.now().isoformat()}


def looked_up_application(request):
    """The application this browser looked up with its code and password in the last LOOKUP_LASTS, or None."""
    entry = request.session.get(LOOKUP_SESSION_KEY) or {}
    try:
        at = datetime.datetime.fromisoformat(entry["at"])
    except (KeyError, TypeError, ValueError):
        return None
    if not timezone.now() - LOOKUP_LASTS <= at <= timezone.now():
        return None
    return Application.objects.select_related("handling_unit").filter(pk=entry.get("application")).first()


def served_decision(application):
    """The approved decision whose letter was served, once it was served; None before."""
    if application is None or application.status not in (Status.SERVED, Status.ARCHIVED):
        return None
    return application.decisions.filter(status=DecisionStatus.APPROVED).order_by("-reviewed_at").first()


def public_outcome(application):
    """The decision in words (部分公开, 予以公开 · 向申请人提供) once the case is decided; never the stored code."""
    if application is None or application.status not in (Status.SERVED, Status.ARCHIVED, Status.CLOSED):
        return ""
    code = application.closure_code
    # outcome_label shows an unknown code as stored; the public never reads a stored code.
    return outcome_label(code, application.reason_detail) if code in ClosureCode.values else ""


@require_GET
def status_letter(request, fmt):
    """The served reply letter (PDF or DOCX) for the browser that just looked the application up."""
    application = looked_up_application(request)
    decision = served_decision(application)
    if decision is None or fmt not in ("pdf", "docx"):
        raise Http404
    try:
        content = replies.render(decision, fmt, issued_on=application.served_on)
    except (letters.LetterError, ValueError) as error:
        messages.error(request, " ".join(getattr(error, "problems", None) or [str(error)]))
        return redirect("foi:status")
    response = HttpResponse(content, content_type="application/pdf" if fmt == "pdf" else DOCX.content_type)
    # The file name carries the tracking code only: personal data never goes into names or URLs.
    response["Content-Disposition"] = f'attachment; filename="{application.tracking_code}-reply.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


def applicant_action(request, application):
    action = request.POST["action"]
    form = RatingForm(request.POST) if action == "rate" else CorrectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please complete the form."))
        return application
    try:
        if action == "rate":
            deciding.rate(application=application, **form.cleaned_data)
            messages.success(request, _("Thank you: your rating was recorded."))
        else:
            replies.submit_correction(application=application, text=form.cleaned_data["text"])
            messages.success(request, _("Your correction was received; the reply period starts again."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return type(application).objects.get(pk=application.pk)


APPLICANT_ACTIONS = {"rate", "correct"}


def ratings(request):
    """好差评, published: scores, comments and the units' answers — never who rated."""
    published = Rating.objects.select_related("application__handling_unit").order_by("-created_at")[:200]
    return render(request, "foi/public/ratings.html", {"ratings": published})
