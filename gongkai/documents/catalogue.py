"""The office's 主题分类 and 体裁分类: add, change, stop offering, delete while unused.

A category a document carries is never deleted (the document's metadata and its versions name it): the
office stops offering it instead, and new documents can no longer choose it. Only a genre says how its
documents are handled (validity, interpretation, the publication period); a subject category is a name.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError, Q
from django.utils.translation import gettext as _

from gongkai.events.services import record

from .models import Category, CategoryKind, Document

CATEGORY_FIELDS = ("name", "order", "is_active", "has_validity", "needs_interpretation", "publish_within_workdays")
GENRE_ONLY = ("has_validity", "needs_interpretation", "publish_within_workdays")
PUBLISH_WITHIN = (1, 250)  # working days; a year has about 250
NAME_LENGTH = Category._meta.get_field("name").max_length


def _check_office(actor):
    if actor is not None and not (getattr(actor, "is_authenticated", False) and actor.is_office_admin):
        raise PermissionDenied(_("Only the disclosure office maintains the categories."))


def documents_using(category):
    """How many documents (in any state) carry the category as their subject or genre."""
    return Document.objects.filter(Q(topic=category) | Q(genre=category)).count()


def _cleaned(kind, values, *, category=None):
    unknown = set(values) - set(CATEGORY_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown fields: %(names)s") % {"names": ", ".join(sorted(unknown))})
    values = dict(values)
    if kind != CategoryKind.GENRE:
        for name in GENRE_ONLY:
            values.pop(name, None)  # a subject category does not decide how documents are handled
    problems = {}
    if "name" in values:
        values["name"] = " ".join(str(values["name"] or "").split())
        if not values["name"]:
            problems["name"] = _("Give the category a name.")
        elif len(values["name"]) > NAME_LENGTH:
            problems["name"] = _("At most %(limit)d characters.") % {"limit": NAME_LENGTH}
        elif Category.objects.filter(kind=kind, name=values["name"]).exclude(pk=getattr(category, "pk", None)).exists():
            problems["name"] = _("There is already a category called “%(name)s”.") % {"name": values["name"]}
    if "order" in values and not (isinstance(values["order"], int) and 0 <= values["order"] <= 999):
        problems["order"] = _("A whole number from 0 to 999.")
    low, high = PUBLISH_WITHIN
    if "publish_within_workdays" in values and not (
            isinstance(values["publish_within_workdays"], int) and low <= values["publish_within_workdays"] <= high):
        problems["publish_within_workdays"] = _("A whole number of working days from %(low)d to %(high)d.") % {
            "low": low, "high": high}
    if problems:
        raise ValidationError(problems)
    return values


@transaction.atomic
def create_category(*, actor, kind, fields):
    _check_office(actor)
    if kind not in CategoryKind.values:
        raise ValidationError(_("Unknown kind of category."))
    values = _cleaned(kind, {"name": "", **fields})
    category = Category.objects.create(kind=kind, **values)
    record(actor=actor, verb="documents.category_created", subject=category,
           data={"kind": kind, "name": category.name})
    return category


@transaction.atomic
def edit_category(*, actor, category, fields):
    """Change a category; a category in use may be renamed or stop being offered, but stays."""
    _check_office(actor)
    category = Category.objects.select_for_update().get(pk=category.pk)
    values = _cleaned(category.kind, fields, category=category)
    changes = {}
    for name, value in values.items():
        if getattr(category, name) != value:
            changes[name] = {"from": getattr(category, name), "to": value}
            setattr(category, name, value)
    if changes:
        category.save()
        record(actor=actor, verb="documents.category_changed", subject=category, data={"changes": changes})
    return category


@transaction.atomic
def delete_category(*, actor, category):
    """Delete a category no document carries; one in use is refused with the way out (stop offering it)."""
    _check_office(actor)
    category = Category.objects.select_for_update().get(pk=category.pk)
    used = documents_using(category)
    if used:
        raise ValidationError(_("“%(name)s” is used by %(count)d documents and cannot be deleted. Stop offering it "
                                "instead: documents keep it, new ones can no longer choose it.")
                              % {"name": category.name, "count": used})
    record(actor=actor, verb="documents.category_deleted", subject=category,
           data={"kind": category.kind, "name": category.name})
    try:
        with transaction.atomic():
            category.delete()
    except ProtectedError:  # something else came to refer to it; the office stops offering it instead
        raise ValidationError(_("“%(name)s” is in use and cannot be deleted. Stop offering it instead.")
                              % {"name": category.name}) from None
