"""RSS 2.0 and Atom feeds of public documents: one per unit and column (the column and its sub-columns),
and one of the whole city's latest. Only Document.objects.public(); an item's summary is the start of the
body as plain text, so no markup and nothing but the published text leaves in a feed."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from gongkai.documents.models import Document
from gongkai.orgs.models import Unit

from . import disclosure, public_documents

ITEMS = 30
SUMMARY_CHARACTERS = 200


class DocumentItems:
    """What every feed says of a document."""

    def item_title(self, document):
        return document.title

    def item_link(self, document):
        return reverse("documents-public:document", args=[document.pk])

    def item_description(self, document):
        text = " ".join(strip_tags(document.body or "").split())
        parts = [document.number, document.unit.name, Truncator(text).chars(SUMMARY_CHARACTERS)]
        return " · ".join(part for part in parts if part)

    def item_pubdate(self, document):
        return document.published_at

    def item_updateddate(self, document):
        return document.updated_at

    def item_author_name(self, document):
        return document.unit.name

    def item_guid(self, document):
        return self.item_link(document)


class LatestFeed(DocumentItems, Feed):
    def title(self):
        return _("Latest proactively disclosed documents")

    def link(self):
        return reverse("portal:catalogue")

    def description(self):
        return _("The newest documents the city's units have disclosed proactively.")

    def items(self):
        documents = public_documents.newest_first(Document.objects.public()).select_related("unit")
        return documents[:ITEMS]


class LatestAtomFeed(LatestFeed):
    feed_type = Atom1Feed
    subtitle = LatestFeed.description


class ColumnFeed(DocumentItems, Feed):
    def get_object(self, request, unit_id, column_id):
        unit = get_object_or_404(Unit.objects.active(), pk=unit_id)
        column = disclosure.unit_column(unit, column_id)
        if column is None:
            raise Http404
        return unit, column

    def title(self, obj):
        unit, column = obj
        return f"{unit.name} · {' › '.join(column.path_names())}"

    def link(self, obj):
        unit, column = obj
        return reverse("portal:column", args=[unit.pk, column.pk])

    def description(self, obj):
        unit, column = obj
        return _("Documents %(unit)s disclosed proactively in the column %(column)s.") % {
            "unit": unit.name, "column": column.name}

    def items(self, obj):
        unit, column = obj
        return disclosure.column_documents(unit, column).select_related("unit")[:ITEMS]


class ColumnAtomFeed(ColumnFeed):
    feed_type = Atom1Feed
    subtitle = ColumnFeed.description
