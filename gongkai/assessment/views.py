from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.events.models import Event
from gongkai.orgs.access import office_admin_required
from gongkai.plans.models import Plan

from . import services, xlsx
from .forms import AdjustmentForm, BonusForm, IndicatorForm, SchemeEditForm, SchemeForm
from .models import Scheme
from .results import ranking


def _scheme(request, pk):
    return get_object_or_404(Scheme.objects.visible_to(request.user).select_related("plan"), pk=pk)


def _form_page(request, form, heading, scheme=None, submit=None):
    back_url = reverse("assessment:detail", args=[scheme.pk]) if scheme else reverse("assessment:list")
    return render(request, "form_page.html", {
        "form": form, "heading": heading, "subheading": scheme.title if scheme else "",
        "back_url": back_url, "back_label": scheme.title if scheme else _("Assessments"),
        "submit": submit or _("Save"),
    })


def _run(request, form, call, success):
    """Call a service with the valid form's data; its ValidationError lands on the form. True when done."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        call(form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    messages.success(request, success)
    return True


@login_required
def scheme_list(request):
    schemes = Scheme.objects.visible_to(request.user).select_related("plan")
    return render(request, "assessment/list.html", {"schemes": schemes})


@office_admin_required
@require_http_methods(["GET", "POST"])
def scheme_new(request):
    plans = Plan.objects.visible_to(request.user)
    form = SchemeForm(request.POST or None, plans=plans, initial={"plan": plans.first()})
    created = {}

    def create(data):
        created["scheme"] = services.create_scheme(actor=request.user, **data)

    if _run(request, form, create, _("The assessment was created. Add its indicators.")):
        return redirect("assessment:detail", pk=created["scheme"].pk)
    return _form_page(request, form, _("New assessment"), submit=_("Create"))


@login_required
def scheme_detail(request, pk):
    scheme = _scheme(request, pk)
    result = ranking(scheme)
    office = request.user.is_office_admin
    rows = result.rows if office else [row for row in result.rows if row.unit in request.user.unit_ids]
    bonuses = scheme.bonuses.select_related("unit", "by")
    adjustments = scheme.adjustments.select_related("unit", "indicator", "by")
    if not office:
        bonuses = bonuses.filter(unit_id__in=request.user.unit_ids)
        adjustments = adjustments.filter(unit_id__in=request.user.unit_ids)
    return render(request, "assessment/detail.html", {
        "scheme": scheme, "ranking": result, "rows": rows, "office": office,
        "can_edit": office and scheme.is_draft, "bonuses": bonuses, "adjustments": adjustments,
        "history": [(event, event.label)
                    for event in Event.objects.about(scheme).select_related("actor")] if office else [],
    })


def _draft(request, pk):
    """The scheme for an editing page; a final one sends the user back with a message."""
    scheme = _scheme(request, pk)
    if not scheme.is_draft:
        messages.error(request, _("This assessment is final: it can no longer be changed."))
    return scheme


@office_admin_required
@require_http_methods(["GET", "POST"])
def scheme_edit(request, pk):
    scheme = _draft(request, pk)
    if not scheme.is_draft:
        return redirect("assessment:detail", pk=scheme.pk)
    form = SchemeEditForm(request.POST or None, initial={
        "title": scheme.title, "cutoff": scheme.cutoff, "bonus_cap": scheme.bonus_cap})
    if _run(request, form, lambda data: services.update_scheme(actor=request.user, scheme=scheme, **data),
            _("The assessment was saved.")):
        return redirect("assessment:detail", pk=scheme.pk)
    return _form_page(request, form, _("Edit assessment"), scheme)


@office_admin_required
@require_http_methods(["GET", "POST"])
def indicator_add(request, pk):
    scheme = _draft(request, pk)
    if not scheme.is_draft:
        return redirect("assessment:detail", pk=scheme.pk)
    form = IndicatorForm(request.POST or None)
    if _run(request, form, lambda data: services.add_indicator(actor=request.user, scheme=scheme, **data),
            _("The indicator was added.")):
        return redirect("assessment:detail", pk=scheme.pk)
    return _form_page(request, form, _("Add an indicator"), scheme, submit=_("Add"))


@office_admin_required
@require_http_methods(["GET", "POST"])
def bonus_add(request, pk):
    scheme = _draft(request, pk)
    if not scheme.is_draft:
        return redirect("assessment:detail", pk=scheme.pk)
    form = BonusForm(request.POST or None)
    if _run(request, form, lambda data: services.add_bonus(actor=request.user, scheme=scheme, **data),
            _("The bonus points were recorded.")):
        return redirect("assessment:detail", pk=scheme.pk)
    return _form_page(request, form, _("Add bonus points"), scheme, submit=_("Add"))


@office_admin_required
@require_http_methods(["GET", "POST"])
def adjustment_add(request, pk):
    scheme = _draft(request, pk)
    if not scheme.is_draft:
        return redirect("assessment:detail", pk=scheme.pk)
    form = AdjustmentForm(request.POST or None, scheme=scheme, initial={"indicator": request.GET.get("indicator")})
    if _run(request, form, lambda data: services.add_adjustment(actor=request.user, scheme=scheme, **data),
            _("The adjustment was recorded.")):
        return redirect("assessment:detail", pk=scheme.pk)
    return _form_page(request, form, _("Adjust a score by hand"), scheme, submit=_("Add"))


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _remove(request, pk, related, service, argument):
    scheme = _scheme(request, pk)
    item = get_object_or_404(related(scheme), pk=_int(request.POST.get("id")))
    try:
        service(actor=request.user, **{argument: item})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Removed."))
    return redirect("assessment:detail", pk=scheme.pk)


@office_admin_required
@require_POST
def indicator_remove(request, pk):
    return _remove(request, pk, lambda s: s.indicators, services.remove_indicator, "indicator")


@office_admin_required
@require_POST
def bonus_remove(request, pk):
    return _remove(request, pk, lambda s: s.bonuses, services.remove_bonus, "bonus")


@office_admin_required
@require_POST
def adjustment_remove(request, pk):
    return _remove(request, pk, lambda s: s.adjustments, services.remove_adjustment, "adjustment")


@office_admin_required
@require_POST
def scheme_finalize(request, pk):
    scheme = _scheme(request, pk)
    try:
        services.finalize_scheme(actor=request.user, scheme=scheme)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The assessment is final: every unit can now see its own row."))
    return redirect("assessment:detail", pk=scheme.pk)


@office_admin_required
def ranking_xlsx(request, pk):
    scheme = _scheme(request, pk)
    response = HttpResponse(xlsx.ranking_xlsx(scheme, ranking(scheme)), content_type=xlsx.XLSX_TYPE)
    response["Content-Disposition"] = (
        f"attachment; filename=\"assessment-{scheme.pk}.xlsx\"; filename*=UTF-8''{quote(scheme.title + '.xlsx')}"
    )
    return response
