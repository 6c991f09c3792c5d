"""Pages of the disclosure column tree: the office's editor, a unit's column page, and freshness.

    /documents/columns/                       the office edits the standard tree
    /documents/columns/new/?parent=&unit=     a new column (standard, or a unit's own with ?unit=)
    /documents/columns/<pk>/edit/             rename, move, update requirement
    /documents/columns/<pk>/move/  …/delete/  one place up or down; delete an empty column (POST)
    /documents/columns/freshness/             every unit × counted column: last update and state
    /documents/units/<unit id>/columns/       a unit's tree with counts and freshness; ?column= lists documents

Views are thin: the services (documents/columns.py) decide who may do what and validate.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.orgs.access import office_admin_required
from gongkai.querystrings import query_without
from gongkai.supervision.access import units_visible_to

from . import columns, freshness
from .column_forms import ColumnForm
from .models import Column, Document, UpdateClass

FRESHNESS_PAGE_ROWS = 200


def staff_document_url(pk):
    """The staff page of a document; empty while that page is not installed."""
    try:
        return reverse("documents:detail", args=[pk])
    except NoReverseMatch:
        return ""


def _columns_home(column):
    if column.unit_id:
        return reverse("documents:unit-columns", args=[column.unit_id])
    return reverse("documents:columns")


def _editable_column(request, pk):
    """A column the user may edit; one they may not is the site's 403, one that does not exist a 404."""
    column = get_object_or_404(Column.objects.select_related("parent", "unit"), pk=pk)
    if not columns.may_edit(request.user, column):
        raise PermissionDenied(_("Only the disclosure office edits the standard column tree; a unit edits its own "
                                 "columns."))
    return column


def _blocked_deletion(column_ids):
    """{column id: reason} of the columns that cannot be deleted: with sub-columns or documents (two queries)."""
    with_children = set(Column.objects.filter(parent_id__in=column_ids).values_list("parent_id", flat=True))
    with_documents = set(Document.columns.through.objects.filter(column_id__in=column_ids)
                         .values_list("column_id", flat=True))
    return with_children, with_documents


@office_admin_required
def editor(request):
    """The office's editor of the standard tree."""
    nodes = columns.flatten(columns.standard_tree())
    ids = [node.column.pk for node in nodes]
    with_children, with_documents = _blocked_deletion(ids)
    for node in nodes:
        node.deletable = node.column.pk not in with_children and node.column.pk not in with_documents
        siblings = [other for other in nodes if other.column.parent_id == node.column.parent_id]
        node.first, node.last = siblings[0] is node, siblings[-1] is node
    return render(request, "documents/columns/editor.html", {"nodes": nodes})


def _form_context(request, form, *, heading, back_url, column=None):
    return {"form": form, "heading": heading, "back_url": back_url, "column": column,
            "back_label": _("Column tree") if not (column and column.unit_id) else _("The unit's columns")}


@login_required
@require_http_methods(["GET", "POST"])
def column_new(request):
    unit = None
    if request.GET.get("unit"):
        unit = get_object_or_404(units_visible_to(request.user), pk=_int_or_404(request.GET["unit"]))
        if not columns.may_edit_unit_columns(request.user, unit.pk):
            raise PermissionDenied(_("Only the unit's own staff add columns of its own."))
    elif not columns.may_edit_standard(request.user):
        raise PermissionDenied(_("Only the disclosure office edits the standard column tree."))
    parents = columns.parent_choices(unit=unit)
    initial = {"parent": request.GET.get("parent", "")}
    form = ColumnForm(request.POST or None, initial=initial, parents=parents, allow_top=unit is None,
                      same_as_parent=True)
    back_url = reverse("documents:unit-columns", args=[unit.pk]) if unit else reverse("documents:columns")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            column = columns.add_column(actor=request.user, parent=form.parent_column(), unit=unit, name=data["name"],
                                        slug=data["slug"], update_class=data["update_class"] or None,
                                        description=data["description"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The column “%(name)s” was added.") % {"name": column.name})
            return redirect(back_url)
    heading = _("New column of %(unit)s") % {"unit": unit.name} if unit else _("New standard column")
    return render(request, "documents/columns/form.html",
                  _form_context(request, form, heading=heading, back_url=back_url),
                  status=400 if form.errors else 200)


def _int_or_404(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None


@login_required
@require_http_methods(["GET", "POST"])
def column_edit(request, pk):
    column = _editable_column(request, pk)
    parents = columns.parent_choices(column, unit=column.unit)
    form = ColumnForm(request.POST or None, parents=parents, allow_top=column.unit_id is None, same_as_parent=False,
                      initial={"name": column.name, "slug": column.slug, "parent": str(column.parent_id or ""),
                               "update_class": column.update_class, "description": column.description})
    back_url = _columns_home(column)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():  # all of the page's changes or none
                columns.rename_column(actor=request.user, column=column, name=data["name"], slug=data["slug"],
                                      description=data["description"])
                columns.move_column(actor=request.user, column=column, parent=form.parent_column())
                columns.set_update_class(actor=request.user, column=column, update_class=data["update_class"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The column “%(name)s” was saved.") % {"name": data["name"]})
            return redirect(back_url)
    return render(request, "documents/columns/form.html",
                  _form_context(request, form, heading=_("Edit the column “%(name)s”") % {"name": column.name},
                                back_url=back_url, column=column),
                  status=400 if form.errors else 200)


@login_required
@require_POST
def column_move(request, pk):
    column = _editable_column(request, pk)
    try:
        columns.reorder_column(actor=request.user, column=column, direction=request.POST.get("direction", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(_columns_home(column))


@login_required
@require_POST
def column_delete(request, pk):
    column = _editable_column(request, pk)
    home = _columns_home(column)
    try:
        columns.delete_column(actor=request.user, column=column)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The column “%(name)s” was deleted.") % {"name": column.name})
    return redirect(home)


@login_required
def unit_columns(request, unit_id):
    """A unit's disclosure columns for its staff and the office: the tree with document counts and freshness;
    ?column=<id> lists the documents of that column and those under it."""
    unit = get_object_or_404(units_visible_to(request.user), pk=unit_id)
    nodes = columns.flatten(columns.unit_tree(unit))
    check, entries = freshness.unit_check(unit)
    counts = _document_counts(request.user, unit, nodes)
    can_edit = columns.may_edit_unit_columns(request.user, unit.pk)
    own_ids = [node.column.pk for node in nodes if node.column.unit_id == unit.pk]
    with_children, with_documents = _blocked_deletion(own_ids)
    for node in nodes:
        node.freshness, node.count = entries.get(node.column.pk), counts.get(node.column.pk, 0)
        node.own = node.column.unit_id == unit.pk
        node.deletable = node.own and node.column.pk not in with_children and node.column.pk not in with_documents
    chosen, documents = None, None
    if request.GET.get("column"):
        chosen = next((node for node in nodes if str(node.column.pk) == request.GET["column"]), None)
        if chosen is None:
            messages.warning(request, _("That column is not one of this unit's columns."))
        else:
            documents = [{"document": document, "url": staff_document_url(document.pk)} for document in
                         columns.column_documents(unit=unit, column=chosen.column, user=request.user)[:200]]
    return render(request, "documents/columns/unit.html", {
        "unit": unit, "nodes": nodes, "check": check, "limits": freshness.Limits.current(), "can_edit": can_edit,
        "chosen": chosen, "documents": documents
    })


def _document_counts(user, unit, nodes):
    """{column id: documents of the unit the user sees in the column and those under it}, each once."""
    visible = Document.objects.visible_to(user).filter(unit=unit).values("pk")
    placed = {}
    for column_id, document_id in (Document.columns.through.objects.filter(document__unit=unit, document__in=visible)
                                   .values_list("column_id", "document_id")):
        placed.setdefault(column_id, set()).add(document_id)
    counts = {}
    for node in nodes:
        found = set()
        for column_id in node.descendant_ids():
            found |= placed.get(column_id, set())
        counts[node.column.pk] = len(found)
    return counts


@login_required
def freshness_page(request):
    """Every unit × counted column with its last update and state; filters by unit and state."""
    units = units_visible_to(request.user).filter(is_active=True)
    unit_choices = list(units.order_by("name").values_list("pk", "name"))
    wanted_unit, wanted_state = request.GET.get("unit", ""), request.GET.get("state", "")
    if wanted_unit and wanted_unit not in {str(pk) for pk, _name in unit_choices}:
        messages.warning(request, _("There is no such unit among those you can see; showing every unit."))
        wanted_unit = ""
    if wanted_state and wanted_state not in freshness.STATE_LABELS:
        messages.warning(request, _("There is no such state; showing every state."))
        wanted_state = ""
    chosen = units.filter(pk=wanted_unit) if wanted_unit else units
    checks = freshness.city_check(today=timezone.localdate(), units=list(chosen))
    rows = [(check, entry) for check in checks
            for entry in sorted(check.columns, key=lambda e: (freshness.STATE_ORDER.index(e.state), e.path))
            if not wanted_state or entry.state == wanted_state]
    page = Paginator(rows, FRESHNESS_PAGE_ROWS).get_page(request.GET.get("page"))
    return render(request, "documents/columns/freshness.html", {
        "checks": checks, "page": page, "unit_choices": unit_choices, "wanted_unit": wanted_unit,
        "wanted_state": wanted_state, "states": [(state, freshness.STATE_LABELS[state])
                                                 for state in freshness.STATE_ORDER
                                                 if state != freshness.State.NO_REQUIREMENT],
        "limits": freshness.Limits.current(), "failing": sum(1 for check in checks if check.fails),
        "page_query": query_without(request.GET, "page"), "update_classes": dict(UpdateClass.choices),
    })


def unit_columns_url(unit_id, column_id=None):
    url = reverse("documents:unit-columns", args=[unit_id])
    return f"{url}?column={column_id}" if column_id else url

