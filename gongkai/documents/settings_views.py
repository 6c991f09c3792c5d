"""The office's pages for proactive disclosure: the settings row and the categories. Office only."""

from collections import Counter

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.orgs.access import office_admin_required

from . import catalogue, indexing
from .models import Category, CategoryKind, Document, DocumentSettings
from .office_forms import CategoryForm, SettingsForm


@office_admin_required
@require_http_methods(["GET", "POST"])
def settings_edit(request):
    row = DocumentSettings.current()
    form = SettingsForm.for_row(row, request.POST if request.method == "POST" else None)
    previewing = request.POST.get("action") == "preview"
    example = indexing.example_index_number(row.index_pattern)
    if request.method == "POST":
        valid = form.is_valid()
        try:
            indexing.validate_index_pattern(request.POST.get("index_pattern", ""))
        except ValidationError as error:
            valid, example = False, ""
            if "index_pattern" not in form.errors:
                form.add_error("index_pattern", error)
        else:
            example = indexing.example_index_number(request.POST["index_pattern"])
        if valid and not previewing:
            try:
                indexing.update_settings(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The settings were saved."))
                return redirect("documents:settings")
    return render(request, "documents/settings/settings.html", {
        "form": form, "row": row, "example": example, "previewing": previewing,
    }, status=400 if form.errors else 200)


def _category_rows(kind):
    """The categories of `kind` with how many documents carry each (two grouped counts, not a row each)."""
    used = Counter()
    for field in ("topic", "genre"):
        for row in Document.objects.filter(**{f"{field}__kind": kind}).values(field).annotate(n=Count("id")):
            used[row[field]] += row["n"]
    return [{"category": c, "used": used[c.pk]} for c in Category.objects.filter(kind=kind)]


def _kind_or_404(kind):
    if kind not in CategoryKind.values:
        raise Http404
    return kind


@office_admin_required
@require_http_methods(["GET", "POST"])
def categories(request):
    """Both lists, each with a form to add a category; POST adds one (`kind` says to which list)."""
    forms = {kind: CategoryForm(kind=kind, prefix=kind, initial={"is_active": True}) for kind in CategoryKind.values}
    status = 200
    if request.method == "POST":
        kind = _kind_or_404(request.POST.get("kind", ""))
        form = forms[kind] = CategoryForm(request.POST, kind=kind, prefix=kind)
        if form.is_valid():
            try:
                category = catalogue.create_category(actor=request.user, kind=kind, fields=form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("“%(name)s” was added.") % {"name": category.name})
                return redirect("documents:categories")
        status = 400
    lists = [{"kind": kind, "label": label, "rows": _category_rows(kind), "form": forms[kind]}
             for kind, label in CategoryKind.choices]
    return render(request, "documents/settings/categories.html", {"lists": lists}, status=status)


@office_admin_required
@require_http_methods(["GET", "POST"])
def category_edit(request, pk):
    category = get_object_or_404(Category, pk=pk)
    form = CategoryForm(request.POST or None, instance=category, kind=category.kind)
    if request.method == "POST" and form.is_valid():
        try:
            catalogue.edit_category(actor=request.user, category=category, fields=form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The category was saved."))
            return redirect("documents:categories")
    category.refresh_from_db()  # the form wrote the refused values onto the instance
    return render(request, "documents/settings/category_edit.html", {
        "category": category, "form": form, "used": catalogue.documents_using(category),
    }, status=400 if form.errors else 200)


@office_admin_required
@require_POST
def category_delete(request, pk):
    category = get_object_or_404(Category, pk=pk)
    try:
        catalogue.delete_category(actor=request.user, category=category)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("documents:category", pk=category.pk)
    messages.success(request, _("“%(name)s” was deleted.") % {"name": category.name})
    return redirect("documents:categories")
