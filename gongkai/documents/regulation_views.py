"""Staff pages of the regulations library (规章 and 规范性文件 by validity), in the documents namespace.

    /documents/regulations/                               every unit the person sees, with this year's figures,
                                                          and the documents that expire soon or have expired
    /documents/units/<unit id>/regulations/?validity=     one unit's library, by validity (a tab per validity)
    /documents/units/<unit id>/regulations/current.xlsx   现行有效文件目录

The office sees every unit, a unit's staff (a viewer included) their own units; another unit is the
site's 404. The queries are in documents/regulations.py; nothing here writes.
"""

import io
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from gongkai.supervision.access import units_visible_to

from . import regulations
from .models import Document, DocumentSettings, Validity

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FIRST_YEAR = 2000
ALL = "all"


def staff_library(user, units=None):
    """The published 规章 and 规范性文件 `user` may see, of `units` (issued alone or jointly) when given."""
    documents = regulations.library(Document.objects.visible_to(user))
    return documents if units is None else regulations.in_library(documents, list(units))


def _chosen_year(request, today):
    """?year=2025, this year when none is asked for; a year not understood is said and replaced."""
    asked = request.GET.get("year", "").strip()
    if not asked:
        return today.year
    if asked.isdigit() and FIRST_YEAR <= int(asked) <= today.year:
        return int(asked)
    messages.warning(request, _("There are no figures for the year “%(year)s”; showing %(this)d instead.")
                     % {"year": asked[:10], "this": today.year})
    return today.year


def _warning_days():
    return DocumentSettings.current().expiry_warning_days


def _with_expiry(documents, *, today, days):
    documents = list(documents)
    for document in documents:
        document.expiry = regulations.expiry_state(document, today=today, days=days)
    return documents


@login_required
@require_GET
def overview(request):
    today, days = timezone.localdate(), _warning_days()
    year = _chosen_year(request, today)
    office = request.user.is_office_admin
    units = list(units_visible_to(request.user))
    documents = staff_library(request.user, None if office else units)
    figures = regulations.year_figures_by_unit(documents, year=year, today=today)
    counts = _counts_by_unit(documents)
    # The office reads the units that have a library; a unit's staff always see their own units.
    rows = [{"unit": unit, "figures": figures.get(unit.pk) or regulations.YearFigures(year=year),
             "counts": counts.get(unit.pk, {})} for unit in units if not office or unit.pk in figures]
    attention = _with_expiry(regulations.for_listing(regulations.needing_attention(documents, today=today, days=days))
                             .order_by("expires_on", "pk"), today=today, days=days)
    return render(request, "documents/regulations/overview.html", {
        "rows": rows, "year": year, "years": range(today.year, today.year - 6, -1), "office": office,
        "attention": attention, "days": days,
        "total": regulations.year_figures(documents, year=year, today=today),
        "by_genre": regulations.year_figures_by_genre(documents, year=year, today=today),
    })


def _counts_by_unit(documents):
    """{unit id: {validity: n}} of each unit's documents, a joint document counted for each issuer."""
    validity_of = {pk: Validity(validity) if validity else Validity.IN_FORCE
                   for pk, validity in documents.order_by().values_list("pk", "validity")}
    pairs = list(documents.order_by().values_list("unit_id", "pk")) + list(
        Document.joint_units.through.objects.filter(document__in=documents.order_by().values("pk"))
        .values_list("unit_id", "document_id"))
    counts = {}
    for unit_id, pk in set(pairs):
        counts.setdefault(unit_id, dict.fromkeys(regulations.VALIDITY_ORDER, 0))[validity_of[pk]] += 1
    return counts


@login_required
@require_GET
def unit_library(request, unit_id):
    unit = get_object_or_404(units_visible_to(request.user), pk=unit_id)
    today, days = timezone.localdate(), _warning_days()
    year = _chosen_year(request, today)
    documents = staff_library(request.user, [unit])
    tab = request.GET.get("validity", ALL)
    if tab != ALL and tab not in Validity.values:
        messages.warning(request, _("There is no such validity; all documents are shown."))
        tab = ALL
    shown = documents if tab == ALL else documents.filter(
        validity__in=regulations.IN_FORCE_VALUES if tab == Validity.IN_FORCE else [tab])
    groups = [(validity, _with_expiry(group, today=today, days=days))
              for validity, group in regulations.by_validity(regulations.for_listing(shown))
              if tab == ALL or validity == tab]
    counts = regulations.validity_counts(documents)
    return render(request, "documents/regulations/unit.html", {
        "unit": unit, "groups": groups, "tab": tab, "counts": counts,
        "figures": regulations.year_figures(documents, year=year, today=today), "year": year,
        "by_genre": regulations.year_figures_by_genre(documents, year=year, today=today),
        "years": range(today.year, today.year - 6, -1), "days": days, "today": today,
        "expiring": regulations.expiring_within(documents, today=today, days=days).count(),
        "expired": regulations.past_expiry(documents, today=today).count(),
        "tabs": [(ALL, _("All"), sum(counts.values()))] + [
            (validity.value, validity.label, count) for validity, count in counts.items()],
    })


@login_required
@require_GET
def unit_xlsx(request, unit_id):
    """现行有效文件目录 of the unit as a workbook: one row per document in force, newest first."""
    unit = get_object_or_404(units_visible_to(request.user), pk=unit_id)
    today = timezone.localdate()
    documents = regulations.for_listing(regulations.in_force(staff_library(request.user, [unit]))).prefetch_related(
        "joint_units")
    response = HttpResponse(current_list_xlsx(unit, documents, today=today), content_type=XLSX_TYPE)
    name = _("%(unit)s current documents %(day)s.xlsx") % {"unit": unit.name, "day": today.isoformat()}
    response["Content-Disposition"] = f"attachment; filename=\"regulations.xlsx\"; filename*=UTF-8''{quote(name)}"
    return response


def current_list_xlsx(unit, documents, *, today):
    book = Workbook()
    sheet = book.active
    sheet.title = _("Documents in force")
    sheet.append([_("%(unit)s: list of the 规章 and 规范性文件 in force (as of %(day)s)")
                  % {"unit": unit.name, "day": today.isoformat()}])
    sheet["A1"].font = Font(bold=True, size=14)
    header = [_("No."), _("Document number (文号)"), _("Title"), _("Issuing unit (发布机构)"), _("Genre (体裁分类)"),
              _("Date written (成文日期)"), _("Date published (发布日期)"), _("Valid until (有效期)"),
              _("Index number (索引号)")]
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for number, document in enumerate(documents, start=1):
        issuers = "、".join([document.unit.name, *sorted(joint.name for joint in document.joint_units.all())])
        sheet.append([
            number, document.number, document.title, issuers, document.genre.name if document.genre_id else "",
            document.written_on.isoformat() if document.written_on else "",
            timezone.localtime(document.published_at).date().isoformat() if document.published_at else "",
            document.expires_on.isoformat() if document.expires_on else _("not limited"),
            document.index_number,
        ])
    for letter, width in zip("ABCDEFGHI", (6, 24, 60, 30, 12, 12, 12, 12, 26), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=2):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # a title is text, never a formula the spreadsheet would run
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()
