"""What the public start page shows: the latest public documents, the latest of each main column of the
standard tree, the latest gazette issue and the latest interpretations.

The page costs a fixed number of queries however many documents there are: one for the standard tree, one
for the latest documents, one per main column (the list below is fixed), one for the gazette and one for
the interpretations.
"""

from dataclasses import dataclass, field

from gongkai.documents import gazette
from gongkai.documents.columns import standard_tree

from . import public_documents

LATEST = 10
PER_COLUMN = 5
INTERPRETATIONS = 5
# The main columns of the standard tree the start page shows, by address (slug) among the roots and the
# children of 法定主动公开内容; a column the office deleted is simply left out.
MAIN_COLUMNS = ("statutory", "policies", "interpretations", "finance", "plans", "notices", "news", "decisions")


@dataclass
class ColumnBlock:
    column: object
    documents: list = field(default_factory=list)


def main_columns(roots):
    """(node of the tree) of the MAIN_COLUMNS found among the roots and their children, in MAIN_COLUMNS order."""
    found = {}
    for root in roots:
        found.setdefault(root.column.slug, root)
        for child in root.children:
            found.setdefault(child.column.slug, child)
    return [found[slug] for slug in MAIN_COLUMNS if slug in found]


def latest_documents(limit=LATEST):
    return list(public_documents.briefly(public_documents.newest_first(public_documents.Document.objects.public()))
                [:limit])


def latest_in_column(node, limit=PER_COLUMN):
    """The newest public documents of every unit in the column and its sub-columns."""
    documents = public_documents.newest_first(public_documents.in_columns(node.descendant_ids()))
    return list(public_documents.briefly(documents)[:limit])


def latest_by_column(limit=PER_COLUMN):
    return [ColumnBlock(node.column, latest_in_column(node, limit)) for node in main_columns(standard_tree())]


def latest_gazette_issue():
    """The newest published issue, or None."""
    return gazette.public_issues().order_by("-year", "-number").first()


def latest_interpretations(limit=INTERPRETATIONS):
    """Public interpretations of public policies (an interpretation never names a policy the public may not
    read), each with its policy."""
    Document = public_documents.Document
    documents = Document.objects.public().filter(interprets__in=Document.objects.public())
    documents = public_documents.newest_first(documents)
    return list(public_documents.briefly(documents).select_related("interprets")[:limit])


def home_context():
    return {
        "latest": latest_documents(), "by_column": latest_by_column(),
        "gazette_issue": latest_gazette_issue(), "interpretations": latest_interpretations(),
    }
