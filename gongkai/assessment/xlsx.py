"""The ranking as an Excel workbook: the ranking table, the ledger facts behind it, and every bonus and
adjustment with its reason — what a unit asks to see when it questions its score."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOLD = Font(bold=True)


def _sheet(workbook, title, header, rows, *, first=False, heading=None):
    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = title[:31]  # Excel's limit
    if heading:
        sheet.append([heading])
        sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(header)
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font, cell.alignment = BOLD, Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    sheet.column_dimensions["B"].width = 28
    return sheet


def indicator_headers(indicator):
    """A deduction indicator gets two columns: the points it took away (−2), then the score it left."""
    if indicator.is_deduction:
        return [_("%(indicator)s (%(weight)s): points deducted") % {"indicator": indicator.name,
                                                                   "weight": indicator.weight},
                _("%(indicator)s: score") % {"indicator": indicator.name}]
    return [f"{indicator.name} ({indicator.weight})"]


def indicator_cells(score):
    return [score.deducted, score.points] if score.is_deduction else [score.points]


def ranking_xlsx(scheme, ranking):
    workbook = Workbook()
    indicator_names = [header for indicator in ranking.indicators for header in indicator_headers(indicator)]
    _sheet(
        workbook, _("Ranking"), [_("Rank"), _("Unit"), *indicator_names, _("Bonus"), pgettext("score", "Total")],
        [[row.rank, row.name, *(cell for s in row.scores for cell in indicator_cells(s)), row.bonus, row.total]
         for row in ranking.rows],
        first=True, heading=_("%(title)s (facts as of %(date)s)") % {"title": scheme.title,
                                                                     "date": ranking.as_of.isoformat()},
    )
    _sheet(
        workbook, _("Facts"),
        [_("Unit"), _("Assignments"), pgettext("count of assignments", "Due"), _("Completed (of those due)"), _("Completed late"),
         _("Overdue at the cut-off"), _("Returned reports")],
        [[row.name, row.facts.assignments, row.facts.due, row.facts.completed_due, row.facts.completed_late,
          row.facts.overdue, row.facts.returned] for row in ranking.rows],
    ).column_dimensions["A"].width = 28
    if ranking.has_disclosure:
        _sheet(
            workbook, _("Published documents"),
            [_("Unit"), _("Policies needing an interpretation"), _("Interpreted the same day (三同步)"),
             _("With a graphic interpretation (图解)"), _("Documents with a date written"), _("Published late")],
            [[row.name, row.disclosure.policies, row.disclosure.synchronous, row.disclosure.graphic,
              row.disclosure.dated, row.disclosure.late] for row in ranking.rows],
        ).column_dimensions["A"].width = 28
    _sheet(
        workbook, _("Adjustments"), [_("Unit"), _("Indicator"), _("Points"), _("Reason"), _("By"), _("At")],
        [[a.unit.name, a.indicator.name, a.points, a.reason, str(a.by), timezone_naive(a.at)]
         for a in scheme.adjustments.select_related("unit", "indicator", "by")],
    ).column_dimensions["A"].width = 28
    _sheet(
        workbook, _("Bonuses"), [_("Unit"), _("Points"), _("Reason"), _("By"), _("At")],
        [[b.unit.name, b.points, b.reason, str(b.by), timezone_naive(b.at)]
         for b in scheme.bonuses.select_related("unit", "by")],
    ).column_dimensions["A"].width = 28
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def timezone_naive(moment):
    """Excel has no time zones: write local time."""
    return timezone.localtime(moment).replace(tzinfo=None)
