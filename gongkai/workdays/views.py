"""The deadline calculator for staff, and the page where the office loads each year's notice."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.conventions import follow_makeup_days
from gongkai.orgs.access import office_admin_required

from . import package, services
from .calendar import CalendarYearMissing, WorkCalendar
from .forms import CalculatorForm, NoticeForm, PackageYearForm
from .models import CalendarYear
from .status import missing_next_year_warning


@login_required
@require_GET
def calculator(request):
    form = CalculatorForm(request.GET or None)
    explanation = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            explanation = WorkCalendar.from_db().explain_add(data["start"], data["n"], count_from=data["count_from"])
        except CalendarYearMissing as error:
            form.add_error(None, str(error))
    return render(request, "workdays/calculator.html", {"form": form, "explanation": explanation,
                                                        "follow_makeup_days": follow_makeup_days()})


@office_admin_required
@require_http_methods(["GET", "POST"])
def manage(request):
    action = request.POST.get("action")
    package_form = PackageYearForm(request.POST if action == "package" else None, prefix="package")
    notice_form = NoticeForm(request.POST if action == "notice" else None, prefix="notice")
    loaded = None
    if action == "package" and package_form.is_valid():
        data = package_form.cleaned_data
        loaded = _attempt(package_form, lambda: services.load_year_from_package(
            actor=request.user, year=data["year"], replace=data["replace"],
        ))
    elif action == "notice" and notice_form.is_valid():
        data, parsed = notice_form.cleaned_data, notice_form.parsed
        loaded = _attempt(notice_form, lambda: services.load_year_from_notice(
            actor=request.user, year=data["year"], notice=data["notice"],
            holidays=parsed.holidays, workdays=parsed.workdays, replace=data["replace"],
        ))
    if loaded is not None:
        messages.success(request, _("The calendar for %(year)s is loaded.") % {"year": loaded.year})
        return redirect("workdays:manage")
    return render(request, "workdays/manage.html", {
        "years": CalendarYear.objects.with_counts().select_related("loaded_by"),
        "package_form": package_form, "notice_form": notice_form,
        "package_years": package.covered_years(),
        "warning": missing_next_year_warning(timezone.localdate()),
    })


def _attempt(form, load):
    """Run one loader; its validation problems become the form's errors instead of a 500."""
    try:
        return load()
    except ValidationError as error:
        form.add_error(None, error)
        return None
