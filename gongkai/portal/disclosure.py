"""Each unit's disclosure page (信息公开专栏): the unit's column tree (the standard tree and the unit's own
columns) with the number of public documents in each column and its sub-columns, and a column's documents.

The counts come from one query over the unit's public document–column links, summed over each subtree in
Python, so a document standing in a column and in one of its sub-columns counts once for the parent.
"""

from django.db.models import Count, Q

from gongkai.documents import columns as column_tree
from gongkai.documents.models import Column, DisclosureAttribute, Document, DocumentState
from gongkai.orgs.models import Unit

from . import public_documents


def units_with_public_documents():
    """Active units that issued at least one public document, with `public_count` (their own documents)."""
    public = Q(documents__state=DocumentState.PUBLISHED, documents__attribute=DisclosureAttribute.PROACTIVE)
    return (Unit.objects.active().annotate(public_count=Count("documents", filter=public))
            .filter(public_count__gt=0).order_by("kind", "code", "name"))


def public_unit_documents(unit):
    """The unit's own public documents (joint documents stand in the columns of the unit that issued them)."""
    return Document.objects.public().filter(unit=unit)


def counted_tree(unit):
    """The unit's column tree (documents.columns.Node roots), each node with `count`: the unit's public
    documents in it and its sub-columns, each document once."""
    roots = column_tree.unit_tree(unit)
    links = Document.columns.through.objects.filter(document__in=public_unit_documents(unit))
    by_column = {}
    for column_id, document_id in links.values_list("column_id", "document_id"):
        by_column.setdefault(column_id, set()).add(document_id)

    def count(node):
        documents = set(by_column.get(node.column.pk, ()))
        for child in node.children:
            documents |= count(child)
        node.count = len(documents)
        return documents

    for root in roots:
        count(root)
    return roots


def unit_column(unit, column_id):
    """The column of the unit's tree (standard or the unit's own), or None (another unit's own column too)."""
    return Column.objects.for_unit(unit).select_related("parent").filter(pk=column_id).first()


def column_documents(unit, column):
    """The unit's public documents in the column and its sub-columns, newest first, ready for a table."""
    documents = column_tree.column_documents(unit=unit, column=column, public=True)
    return public_documents.listed(documents)


def breadcrumbs(column):
    """The column's ancestors from the root down, the column last."""
    chain = []
    while column is not None:
        chain.append(column)
        column = column.parent
    return list(reversed(chain))
