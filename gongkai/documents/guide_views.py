"""The disclosure guide (公开指南): the staff page of one unit's guide, the office's overview of every unit,
and the public pages at /guide/."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.orgs.models import Unit

from . import guide as guides
from .models import DisclosureGuide
from .office_forms import GuideForm


@login_required
@require_GET
def overview(request):
    """Every unit (the office) or the person's own units, with whether the guide is complete and when it
    was last updated."""
    units = list(guides.units_for(request.user))
    by_unit = {g.unit_id: g for g in DisclosureGuide.objects.filter(unit__in=units).select_related("updated_by")}
    rows = [{"unit": unit, "guide": by_unit.get(unit.pk)} for unit in units]
    complete = sum(1 for row in rows if row["guide"] and row["guide"].is_complete)
    return render(request, "documents/guide/overview.html", {
        "rows": rows, "complete": complete, "missing": len(rows) - complete,
        "office": request.user.is_office_admin,
    })


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, unit_id):
    unit = get_object_or_404(Unit, pk=unit_id)
    if not guides.may_read(request.user, unit):
        raise PermissionDenied(_("You read and edit only your own unit's disclosure guide."))
    guide = guides.guide_of(unit)
    editable = guides.may_edit(request.user, unit)
    if not editable:
        if request.method == "POST":
            raise PermissionDenied(_("A viewer reads the disclosure guide but does not edit it."))
        return render(request, "documents/guide/read.html", {"unit": unit, "guide": guide})
    form = GuideForm.for_guide(guide, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            guides.edit_guide(actor=request.user, unit=unit, fields=form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The disclosure guide was saved. Letters and the public page use it now."))
            return redirect("documents:guide", unit_id=unit.pk)
    return render(request, "documents/guide/edit.html", {"unit": unit, "guide": guide, "form": form},
                  status=400 if form.errors else 200)


@require_GET
def public_index(request):
    """The public list of units whose guide gives at least an address, office hours and a phone."""
    written = DisclosureGuide.objects.filter(unit__is_active=True).select_related("unit").order_by(
        "unit__kind", "unit__code", "unit__name")
    return render(request, "documents/guide/public_index.html", {"guides": [g for g in written if g.is_complete]})


@require_GET
def public_guide(request, unit_id):
    unit = get_object_or_404(Unit.objects.active(), pk=unit_id)
    return render(request, "documents/guide/public.html", {"unit": unit, "guide": guides.guide_of(unit)})
