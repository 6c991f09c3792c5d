"""Editing the disclosure column tree, and what a unit's column holds.

The office keeps the standard tree (every unit fills the same columns, Shenyang 2021 plan item 11); a unit
adds columns of its own under standard ones. Every write is one service function: keyword-only, an actor,
one transaction, validation with a Chinese message, an event.

Who edits what:
    standard columns (unit empty)   the disclosure office only
    a unit's own columns            the office, and the unit's liaison, handlers and reviewers (not viewers)

A column's address (slug) is unique among its siblings as a unit sees them: the standard children of a
parent and that unit's own children of it. The database cannot say so (NULL parent and unit), so the
services check it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.db.models import Max, Q
from django.utils.translation import gettext as _

from gongkai.events.services import record
from gongkai.orgs.models import ACTING_ROLES

from .models import Column, Document, UpdateClass

# --- who may edit ------------------------------------------------------------------------------------


def may_edit_standard(user):
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_office_admin)


def may_edit_unit_columns(user, unit_id):
    """Whether `user` adds and edits the own columns of the unit (the office for every unit)."""
    if may_edit_standard(user):
        return True
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return any(role in ACTING_ROLES and unit == unit_id for unit, role in user.role_pairs)


def may_edit(user, column):
    return may_edit_standard(user) if column.unit_id is None else may_edit_unit_columns(user, column.unit_id)


def _check(actor, column_unit_id):
    """`actor=None` is the system (demo loader, migrations' helpers): no request passes None."""
    if actor is None:
        return
    if column_unit_id is None:
        if not may_edit_standard(actor):
            raise PermissionDenied(_("Only the disclosure office edits the standard column tree."))
    elif not may_edit_unit_columns(actor, column_unit_id):
        raise PermissionDenied(_("Only the unit's own staff edit its own columns."))


# --- validation --------------------------------------------------------------------------------------


def _clean_name(name):
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError(_("Give the column a name."))
    if len(name) > Column._meta.get_field("name").max_length:
        raise ValidationError(_("A column's name has at most 60 characters."))
    return name


def _clean_slug(slug):
    slug = (slug or "").strip().lower()
    if not slug:
        raise ValidationError(_("Give the column an address: letters, digits and hyphens, e.g. budget-2026."))
    if len(slug) > Column._meta.get_field("slug").max_length:
        raise ValidationError(_("A column's address has at most 60 characters."))
    try:
        validate_slug(slug)
    except ValidationError:
        raise ValidationError(_("A column's address may hold only Latin letters, digits, hyphens and "
                                "underscores, e.g. budget-2026.")) from None
    return slug


def _clean_update_class(update_class):
    if update_class not in UpdateClass.values:
        raise ValidationError(_("Choose how often the column must be updated."))
    return update_class


def _siblings(parent, unit_id):
    """The columns beside which a new column under `parent` would stand, as units see them: for a standard
    column every unit's own children of the parent too, since each unit sees the standard one beside its own."""
    siblings = Column.objects.filter(parent=parent)
    return siblings if unit_id is None else siblings.filter(Q(unit__isnull=True) | Q(unit_id=unit_id))


def _check_slug_free(slug, *, parent, unit_id, column=None):
    taken = _siblings(parent, unit_id).filter(slug=slug)
    if column is not None:
        taken = taken.exclude(pk=column.pk)
    if taken.exists():
        raise ValidationError(_("Another column under the same parent already has the address “%(slug)s”.")
                              % {"slug": slug})


def _check_parent(parent, unit_id, column=None):
    """A standard column sits under a standard one (or at the top); a unit's own column under a standard
    column or another own column of the same unit, never at the top; no column under itself."""
    if parent is None:
        if unit_id is not None:
            raise ValidationError(_("A unit's own column stands under one of the standard columns."))
        return
    if parent.unit_id is not None and parent.unit_id != unit_id:
        if unit_id is None:
            raise ValidationError(_("A standard column cannot stand under a unit's own column."))
        raise ValidationError(_("“%(column)s” is another unit's own column.") % {"column": parent.name})
    ancestor = parent
    while column is not None and ancestor is not None:
        if ancestor.pk == column.pk:
            raise ValidationError(_("A column cannot be moved under itself or one of its own sub-columns."))
        ancestor = ancestor.parent


def _next_order(parent, unit_id):
    last = _siblings(parent, unit_id).aggregate(last=Max("order"))["last"]
    return 0 if last is None else last + 1


def _locked(column):
    # Only the column row: PostgreSQL refuses FOR UPDATE on the nullable side of the join to the parent.
    return Column.objects.select_for_update(of=("self",)).select_related("parent").get(pk=column.pk)


# --- services ----------------------------------------------------------------------------------------


@transaction.atomic
def add_column(*, actor, parent, name, slug, unit=None, update_class=None, description=""):
    """A new column under `parent` (None: a new top-level standard column). `unit` set: the unit's own
    column. Without an update class the column takes its parent's (none at the top)."""
    unit_id = unit.pk if unit is not None else None
    _check(actor, unit_id)
    name, slug = _clean_name(name), _clean_slug(slug)
    if update_class in (None, ""):
        update_class = parent.update_class if parent is not None else UpdateClass.NONE
    update_class = _clean_update_class(update_class)
    _check_parent(parent, unit_id)
    _check_slug_free(slug, parent=parent, unit_id=unit_id)
    column = Column.objects.create(
        name=name, slug=slug, parent=parent, unit=unit, update_class=update_class,
        description=(description or "").strip()[:200], order=_next_order(parent, unit_id),
        article20_item=parent.article20_item if parent is not None else None,
    )
    record(actor=actor, verb="documents.column_added", subject=column,
           data={"parent": parent.name if parent else "", "unit": unit.name if unit else ""})
    return column


@transaction.atomic
def rename_column(*, actor, column, name, slug=None, description=None):
    column = _locked(column)
    _check(actor, column.unit_id)
    old = {"name": column.name, "slug": column.slug}
    column.name = _clean_name(name)
    if slug is not None:
        column.slug = _clean_slug(slug)
        _check_slug_free(column.slug, parent=column.parent, unit_id=column.unit_id, column=column)
    if description is not None:
        column.description = description.strip()[:200]
    column.save()
    record(actor=actor, verb="documents.column_renamed", subject=column,
           data={"from": old, "to": {"name": column.name, "slug": column.slug}})
    return column


@transaction.atomic
def move_column(*, actor, column, parent):
    """Put the column under another parent, last among its new siblings."""
    column = _locked(column)
    _check(actor, column.unit_id)
    if parent is not None:
        parent = Column.objects.select_related("parent").get(pk=parent.pk)
    if column.parent_id == (parent.pk if parent else None):
        return column
    _check_parent(parent, column.unit_id, column=column)
    _check_slug_free(column.slug, parent=parent, unit_id=column.unit_id, column=column)
    old = column.parent.name if column.parent else ""
    column.parent, column.order = parent, _next_order(parent, column.unit_id)
    column.save()
    record(actor=actor, verb="documents.column_moved", subject=column,
           data={"from": old, "to": parent.name if parent else ""})
    return column


@transaction.atomic
def reorder_column(*, actor, column, direction):
    """Move the column one place up or down among the siblings of its own kind (standard or the unit's)."""
    if direction not in ("up", "down"):
        raise ValidationError(_("A column moves up or down."))
    column = _locked(column)
    _check(actor, column.unit_id)
    siblings = list(Column.objects.select_for_update().filter(parent_id=column.parent_id, unit_id=column.unit_id)
                    .order_by("order", "id"))
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == column.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(siblings):
        return column
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for order, sibling in enumerate(siblings):
        if sibling.order != order:
            sibling.order = order
            sibling.save(update_fields=["order"])
    record(actor=actor, verb="documents.column_reordered", subject=column, data={"direction": direction})
    return siblings[other]


@transaction.atomic
def set_update_class(*, actor, column, update_class):
    column = _locked(column)
    _check(actor, column.unit_id)
    update_class = _clean_update_class(update_class)
    if column.update_class == update_class:
        return column
    old, column.update_class = column.update_class, update_class
    column.save(update_fields=["update_class"])
    record(actor=actor, verb="documents.column_update_class_changed", subject=column,
           data={"from": old, "to": update_class})
    return column


@transaction.atomic
def delete_column(*, actor, column):
    """Delete an empty column: no sub-columns (a unit's own included) and no document in any state, since
    deleting would silently take documents out of the places the public finds them."""
    column = _locked(column)
    _check(actor, column.unit_id)
    if column.children.exists():
        raise ValidationError(_("“%(column)s” has sub-columns: move or delete them first.") % {"column": column.name})
    if column.documents.exists():
        raise ValidationError(_("“%(column)s” holds documents: take them out of the column first.")
                              % {"column": column.name})
    record(actor=actor, verb="documents.column_deleted", subject=column,
           data={"name": column.name, "parent": column.parent.name if column.parent else "",
                 "unit": column.unit.name if column.unit_id else ""})
    column.delete()


# --- reading the tree --------------------------------------------------------------------------------


class Node:
    """A column in a tree as a page shows it: its children, depth, and whatever a page attaches."""

    def __init__(self, column, depth):
        self.column, self.depth, self.children = column, depth, []

    @property
    def indent(self):
        """The left padding that shows the depth in a table (CSS length)."""
        return f"{self.depth * 1.5 + 0.5}em"

    @property
    def is_leaf(self):
        return not self.children

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def descendant_ids(self):
        return [node.column.pk for node in self.walk()]


def tree(columns):
    """Roots (Node) of the given columns, siblings in their order; one pass, no queries."""
    nodes = {column.pk: Node(column, 0) for column in columns}
    roots = []
    for column in sorted(columns, key=lambda c: (c.order, c.pk)):
        node = nodes[column.pk]
        parent = nodes.get(column.parent_id)
        (parent.children if parent else roots).append(node)

    def set_depth(node, depth):
        node.depth = depth
        for child in node.children:
            set_depth(child, depth + 1)

    for root in roots:
        set_depth(root, 0)
    return roots


def flatten(roots):
    return [node for root in roots for node in root.walk()]


def unit_tree(unit):
    """The tree a unit's disclosure page shows: the standard columns and the unit's own."""
    return tree(list(Column.objects.for_unit(unit)))


def standard_tree():
    return tree(list(Column.objects.standard()))


def descendant_ids(column, unit):
    """The column and every column under it, as the unit sees the tree."""
    for node in flatten(unit_tree(unit)):
        if node.column.pk == column.pk:
            return node.descendant_ids()
    return [column.pk]


def column_documents(*, unit, column, user=None, public=False):
    """Documents of `unit` in `column` and the columns under it: public ones for the public (`public=True`),
    every state for staff who may see them (Document.visible_to). One record even when a document stands
    in several of these columns."""
    documents = Document.objects.filter(unit=unit, columns__in=descendant_ids(column, unit))
    documents = documents.public() if public or user is None else documents.visible_to(user)
    return Document.objects.filter(pk__in=documents.values("pk")).order_by("-published_at", "-id")


def parent_choices(column=None, *, unit=None):
    """(node, label) of the columns a column may be put under: the standard tree for a standard column,
    the standard tree and the unit's own columns for a unit's; never the column itself or its subtree."""
    roots = unit_tree(unit) if unit is not None else standard_tree()
    excluded = set()
    if column is not None:
        for node in flatten(roots):
            if node.column.pk == column.pk:
                excluded = set(node.descendant_ids())
    return [(node.column, "\u3000" * node.depth + node.column.name) for node in flatten(roots)
            if node.column.pk not in excluded]
