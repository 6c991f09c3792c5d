"""The public regulations library (/regulations/): the units that published 规章 or 规范性文件, and each unit's
library — 现行有效 first, then the amended, repealed and expired ones with the documents that replaced them.

Only Document.objects.public() is read: a draft, a withdrawn document or one kept back never shows, and a
successor the public may not read is not linked.
"""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from gongkai.orgs.models import Unit

from . import regulations
from .models import Document


def _public_library():
    return regulations.library(Document.objects.public())


@require_GET
def index(request):
    documents = _public_library()
    today = timezone.localdate()
    in_force = {unit_id: figures.in_force for unit_id, figures in
                regulations.year_figures_by_unit(documents, year=today.year, today=today).items()}
    units = Unit.objects.active().filter(pk__in=list(in_force))
    return render(request, "documents/public/regulations_index.html", {
        "rows": [{"unit": unit, "in_force": in_force[unit.pk]} for unit in units],
    })


@require_GET
def unit(request, unit_id):
    unit = get_object_or_404(Unit.objects.active(), pk=unit_id)
    documents = regulations.for_listing(regulations.in_library(_public_library(), unit))
    groups = dict(regulations.by_validity(documents))
    current = groups.pop(regulations.Validity.IN_FORCE)
    public_ids = set(Document.objects.public().filter(
        pk__in=[d.superseded_by_id for group in groups.values() for d in group if d.superseded_by_id])
        .values_list("pk", flat=True))
    others = [(validity, group) for validity, group in groups.items() if group]
    for _validity, group in others:
        for document in group:
            document.public_successor = document.superseded_by if document.superseded_by_id in public_ids else None
    return render(request, "documents/public/regulations_unit.html", {
        "unit": unit, "current": current, "others": others,
    })
