"""The public portal's pages: each unit's disclosure page and column listings, and the 公开目录.

No login; only Document.objects.public() is read (see public_documents). An unknown unit or a column not
in the unit's tree is the site's 404; a page number or filter that means nothing is corrected, never a 500.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from gongkai.documents import guide as guides
from gongkai.documents.listing import page_of
from gongkai.orgs.models import Unit

from . import catalogue as catalogue_queries
from . import disclosure

PAGE_SIZE = 50


@require_GET
def disclosure_index(request):
    return render(request, "portal/disclosure_index.html", {"units": disclosure.units_with_public_documents()})


@require_GET
def unit(request, unit_id):
    unit = get_object_or_404(Unit.objects.active(), pk=unit_id)
    nodes = [node for root in disclosure.counted_tree(unit) for node in root.walk()]
    return render(request, "portal/disclosure_unit.html", {
        "unit": unit, "guide": guides.guide_of(unit), "nodes": nodes,
        "total": disclosure.public_unit_documents(unit).count(),
    })


@require_GET
def column(request, unit_id, column_id):
    unit = get_object_or_404(Unit.objects.active(), pk=unit_id)
    column = disclosure.unit_column(unit, column_id)
    if column is None:
        raise Http404("not a column of the unit's tree")
    page = page_of(Paginator(disclosure.column_documents(unit, column), PAGE_SIZE), request.GET.get("page"))
    children = disclosure.Column.objects.for_unit(unit).filter(parent=column)
    return render(request, "portal/disclosure_column.html", {
        "unit": unit, "column": column, "trail": disclosure.breadcrumbs(column), "page": page,
        "children": children,
    })


@require_GET
def catalogue(request):
    filters = catalogue_queries.read_filters(request.GET)
    page = catalogue_queries.page(filters, request.GET.get("page"))
    query = urlencode(filters.as_query())
    return render(request, "portal/catalogue.html", {
        "filters": filters, "page": page, "page_link_base": f"?{query}&" if query else "?",
        **catalogue_queries.choices(),
    })
