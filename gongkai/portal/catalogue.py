"""The 公开目录: every public document in one table, filtered by unit, subject, genre and year.

Filters come from the query string. A value that names nothing (a unit that does not exist or has no
public documents, a subject that is no subject, a year that is not a number) is reported and dropped, so
the page always answers with the rest of the filters applied, never with an error.
"""

import datetime
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.documents.listing import page_of
from gongkai.documents.models import Category, CategoryKind, Document
from gongkai.orgs.models import Unit

from . import public_documents

PAGE_SIZE = 50
FIRST_YEAR = 1949


@dataclass
class Filters:
    unit: Unit | None = None
    topic: Category | None = None
    genre: Category | None = None
    year: int | None = None
    problems: list = field(default_factory=list)

    def as_query(self):
        """The filters in force as query-string pairs, for the pages' links."""
        pairs = [("unit", self.unit and self.unit.pk), ("topic", self.topic and self.topic.pk),
                 ("genre", self.genre and self.genre.pk), ("year", self.year)]
        return [(name, value) for name, value in pairs if value]


def _number(text):
    text = (text or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 10 else None


def read_filters(query):
    """Filters from a QueryDict; an empty value means no filter, a bad one is a problem and no filter."""
    filters = Filters()
    wanted = {name: (query.get(name) or "").strip() for name in ("unit", "topic", "genre", "year")}
    if wanted["unit"]:
        pk = _number(wanted["unit"])
        filters.unit = Unit.objects.active().filter(pk=pk).first() if pk else None
        if filters.unit is None:
            filters.problems.append(_("There is no such unit; the unit filter was left out."))
    for name, kind in (("topic", CategoryKind.TOPIC), ("genre", CategoryKind.GENRE)):
        if wanted[name]:
            pk = _number(wanted[name])
            category = Category.objects.filter(kind=kind, pk=pk).first() if pk else None
            setattr(filters, name, category)
            if category is None:
                filters.problems.append(_("There is no such subject category; that filter was left out.")
                                        if name == "topic" else
                                        _("There is no such genre; that filter was left out."))
    if wanted["year"]:
        year = _number(wanted["year"])
        if year is None or not FIRST_YEAR <= year <= timezone.localdate().year + 1:
            filters.problems.append(_("That is not a year; the year filter was left out."))
        else:
            filters.year = year
    return filters


def _year_bounds(year):
    zone = timezone.get_current_timezone()
    return (datetime.datetime(year, 1, 1, tzinfo=zone), datetime.datetime(year + 1, 1, 1, tzinfo=zone))


def filtered(filters):
    documents = public_documents.of_unit(filters.unit) if filters.unit else Document.objects.public()
    if filters.topic:
        documents = documents.filter(topic=filters.topic)
    if filters.genre:
        documents = documents.filter(genre=filters.genre)
    if filters.year:
        start, end = _year_bounds(filters.year)
        documents = documents.filter(published_at__gte=start, published_at__lt=end)
    return public_documents.listed(public_documents.newest_first(documents))


def page(filters, number):
    return page_of(Paginator(filtered(filters), PAGE_SIZE), number)


def choices():
    """What the filter form offers: units with public documents, the subjects and genres, the years."""
    from .disclosure import units_with_public_documents

    years = sorted({moment.year for moment in Document.objects.public().datetimes("published_at", "year")},
                   reverse=True)
    return {
        "units": units_with_public_documents(),
        "topics": Category.objects.filter(kind=CategoryKind.TOPIC, is_active=True),
        "genres": Category.objects.filter(kind=CategoryKind.GENRE, is_active=True),
        "years": years,
    }
