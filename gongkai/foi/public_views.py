"""The public side: apply, and look up an application's status with its code and password."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import deciding, replies, services, throttle
from .forms import ApplicationForm, CorrectionForm, RatingForm, StatusLookupForm
from .models import Rating


@require_http_methods(["GET", "POST"])
def apply(request):
    form = ApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        application, password = services.submit_online(
            target_unit=form.cleaned_data["target_unit"], fields=form.applicant_fields()
        )
        # Shown once, in the response to the POST: the password never travels in a URL.
        return render(request, "foi/public/submitted.html", {
            "application": application, "password": password,
            "receipt_text": services.receipt_text(application, password),
        })
    return render(request, "foi/public/apply.html", {"form": form}, status=400 if form.errors else 200)


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
    if application is not None and request.POST.get("action") in APPLICANT_ACTIONS:
        application = applicant_action(request, application)
    return render(request, "foi/public/status.html", {
        "form": form, "application": application, "not_found": not_found, "paused_until": paused_until,
        "credentials": form.cleaned_data if application else None,
        "rating_form": RatingForm(), "correction_form": CorrectionForm(),
    }, status=429 if paused_until and not not_found else 200)


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
