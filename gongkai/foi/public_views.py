"""The public side: apply, and look up an application's status with its code and password."""

from django.core.cache import cache
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from . import services
from .forms import ApplicationForm, StatusLookupForm

LOOKUP_LIMIT = 20  # wrong lookups per address per hour before the form pauses


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
    form = StatusLookupForm(request.POST or None)
    application, not_found, throttled = None, False, False
    key = f"foi-lookup:{request.META.get('REMOTE_ADDR', '')}"
    if request.method == "POST" and form.is_valid():
        if cache.get(key, 0) >= LOOKUP_LIMIT:
            throttled = True
        else:
            application = services.find_by_code(form.cleaned_data["tracking_code"], form.cleaned_data["password"])
            if application is None:
                cache.set(key, cache.get(key, 0) + 1, 3600)
                not_found = True
    return render(request, "foi/public/status.html", {
        "form": form, "application": application, "not_found": not_found, "throttled": throttled,
    })
