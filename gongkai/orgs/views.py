from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gongkai.plans.exports import XLSX_TYPE, attachment
from gongkai.plans.forms import MapNameForm
from gongkai.plans.models import Plan, TaskUnit
from gongkai.plans.services import map_name

from . import directory as directory_io
from .access import office_admin_required
from .forms import DirectoryUploadForm
from .models import Unit, UnitGroup, UnitKind
from .naming import NameResolver


@login_required
def directory(request):
    query = request.GET.get("q", "").strip()
    units = Unit.objects.select_related("parent").prefetch_related("aliases")
    if query:
        units = units.filter(Q(name__icontains=query) | Q(aliases__name__icontains=query) | Q(code=query)).distinct()
    by_kind = [(label, [u for u in units if u.kind == kind]) for kind, label in UnitKind.choices]
    groups = [(group, list(group.members())) for group in UnitGroup.objects.all()]
    return render(request, "orgs/directory.html", {
        "by_kind": [(label, members) for label, members in by_kind if members], "groups": groups, "query": query,
    })


@login_required
def unit_detail(request, pk):
    unit = get_object_or_404(Unit.objects.select_related("parent"), pk=pk)
    return render(request, "orgs/unit_detail.html", {
        "unit": unit, "aliases": unit.aliases.all(), "children": unit.children.all(),
        "groups": UnitGroup.objects.containing(unit), "plans": Plan.objects.visible_to(request.user),
    })


@login_required
def export_directory(request, fmt):
    if fmt == "csv":
        response = HttpResponse(directory_io.export_csv(), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(directory_io.export_xlsx(), content_type=XLSX_TYPE)
    else:
        raise Http404
    response["Content-Disposition"] = attachment(f"单位名录.{fmt}")
    return response


@office_admin_required
@require_http_methods(["GET", "POST"])
def import_directory_view(request):
    form = DirectoryUploadForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = directory_io.import_directory(actor=request.user, data=upload.read(), filename=upload.name)
        except directory_io.DirectoryFileError as error:
            problems = error.problems
        else:
            messages.success(request, _("%(created)d units added, %(updated)d updated, %(aliases)d short names added.") % {
                "created": len(result.created), "updated": len(result.updated), "aliases": result.aliases_added,
            })
            return redirect("orgs:directory")
    return render(request, "orgs/import.html", {"form": form, "problems": problems})


@office_admin_required
@require_http_methods(["GET", "POST"])
def unresolved_names(request):
    """Every unit name in saved plans that no unit or group answers to, with suggestions."""
    if request.method == "POST":
        form = MapNameForm(request.POST)
        if form.is_valid():
            try:
                count = map_name(actor=request.user, name=form.cleaned_data["name"], unit=form.cleaned_data["unit"])
            except ValidationError as error:
                messages.error(request, "; ".join(error.messages))
            else:
                messages.success(request, _("“%(name)s” now means %(unit)s (%(count)d places updated).") % {
                    "name": form.cleaned_data["name"], "unit": form.cleaned_data["unit"], "count": count,
                })
        return redirect("orgs:names")
    names = (
        TaskUnit.objects.filter(unit__isnull=True, group__isnull=True)
        .values_list("name", flat=True).distinct().order_by("name")
    )
    resolver = NameResolver()
    rows = [(resolver.resolve(name), TaskUnit.objects.filter(name=name, unit__isnull=True, group__isnull=True).select_related("task__item").first()) for name in names]
    return render(request, "orgs/names.html", {"rows": rows, "units": Unit.objects.active().order_by("kind", "name")})
