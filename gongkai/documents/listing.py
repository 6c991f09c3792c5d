"""The staff document list: what a person may see, filtered, sorted, 50 a page.

Filters and sorts run in the database; each row carries its flags (published late, a policy without an
interpretation on its day, worded as documents.metrics words it) from columns and one annotation, and the issuing units of the page are read in one more
query, so a page costs the same number of queries however many documents there are.
"""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone

from gongkai.orgs.models import Unit

from .metrics import PolicyStatus
from .models import Column, Document

PAGE_SIZE = 50
DEFAULT_SORT = "recent"
ORDERS = {
    "recent": ("-id",),
    "published": (F("published_at").desc(nulls_last=True), "-id"),
    "written": (F("written_on").desc(nulls_last=True), "-id"),
    "title": ("title", "id"),
}


@dataclass
class DocumentList:
    page: Page
    sort: str


def build(user, filters, *, page_number=None):
    documents = filtered(Document.objects.visible_to(user), filters)
    sort = filters.get("sort") or DEFAULT_SORT
    first_interpretation = (Document.objects.public().filter(interprets=OuterRef("pk"))
                            .order_by("published_at").values("published_at")[:1])
    documents = (documents.select_related("unit", "genre")
                 .defer("body", "attribute_reason", "withdrawn_reason")
                 .annotate(first_interpretation_at=Subquery(first_interpretation))
                 .order_by(*ORDERS[sort]))
    page = page_of(Paginator(documents, PAGE_SIZE), page_number)
    _decorate(page.object_list)
    return DocumentList(page=page, sort=sort)


def page_of(paginator, number):
    """The page asked for; page 1 for a number that is none, the last page for one past the end."""
    try:
        number = int(number)
    except (TypeError, ValueError):
        number = 1
    return paginator.page(min(max(number, 1), paginator.num_pages))


def filtered(documents, filters):
    if filters.get("unit"):
        unit = filters["unit"]
        documents = documents.filter(Q(unit=unit) | Q(pk__in=Subquery(
            Document.joint_units.through.objects.filter(unit_id=unit.pk).values("document_id"))))
    for name in ("state", "attribute", "validity", "genre"):
        if filters.get(name):
            documents = documents.filter(**{name: filters[name]})
    if filters.get("column"):
        documents = documents.filter(pk__in=Subquery(Document.columns.through.objects.filter(
            column_id__in=subtree(filters["column"])).values("document_id")))
    if filters.get("q"):
        text = filters["q"].strip()
        documents = documents.filter(Q(title__icontains=text) | Q(number__icontains=text)
                                     | Q(index_number__icontains=text))
    return documents


def subtree(column):
    """The ids of `column` and every column under it (the tree is small: read it once)."""
    children = {}
    for pk, parent_id in Column.objects.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    ids, todo = [], [column.pk]
    while todo:
        pk = todo.pop()
        ids.append(pk)
        todo.extend(children.get(pk, []))
    return ids


def _decorate(documents):
    """Set on each: unit_short (the issuing unit as staff say it), joint_unit_names (a query each for the
    page) and interpretation_flag."""
    documents = list(documents)
    short = Unit.objects.filter(pk__in={d.unit_id for d in documents}).short_names()
    through = Document.joint_units.through.objects.filter(document_id__in=[d.pk for d in documents])
    joint = {}
    for document_id, name in through.values_list("document_id", "unit__name").order_by("unit__name"):
        joint.setdefault(document_id, []).append(name)
    for document in documents:
        document.unit_short = short[document.unit_id]
        document.joint_unit_names = joint.get(document.pk, [])
        document.interpretation_flag = interpretation_flag(document)


def interpretation_flag(document):
    """缺少解读 / 解读滞后 N 天 as the dashboards say it (documents.metrics): a public policy of a genre that
    needs an interpretation and has no public one by its day of publication. "" otherwise."""
    if not (document.is_public and document.interprets_id is None and document.genre_id
            and document.genre.needs_interpretation):
        return ""
    first = document.first_interpretation_at
    return PolicyStatus(pk=document.pk, unit_id=document.unit_id,
                        published_on=timezone.localdate(document.published_at), first_interpreted_on=timezone.localdate(first) if first else None,
                        has_graphic=False).flag_text
