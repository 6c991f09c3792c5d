"""The closing report as a Word file, the format offices file and forward (DESIGN.md, house rule 12)."""

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.oxml.ns import qn

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def closing_report_docx(report):
    document = Document()
    _chinese_fonts(document)
    plan, closure = report.plan, report.closure
    document.add_heading(_("Year-end review of “%(plan)s”") % {"plan": plan}, level=1)
    if closure.is_closed:
        document.add_paragraph(_("Closed on %(date)s.") % {"date": closure.closed_on.isoformat()})
    else:
        document.add_paragraph(_("Draft: the review is still open."))
    for paragraph in closure.report_text.splitlines():
        if paragraph.strip():
            document.add_paragraph(paragraph.strip())
    _outcomes(document, report)
    _decisions(document, _("Carried over and why"), report.carried, carried=True)
    _decisions(document, _("Dropped and why"), report.dropped, carried=False)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _chinese_fonts(document):
    # Word picks the East Asian font separately; without it Chinese text falls back unpredictably.
    style = document.styles["Normal"]
    style.font.name = "SimSun"
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")


def _table(document, header, rows):
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = str(text)
    return table


def _outcomes(document, report):
    document.add_heading(_("What was done"), level=2)
    header = [_("Item"), _("Assignments"), _("Completed"), _("Completed late"), _("Carried over"), _("Dropped")]
    rows = [(f"{i.number}. {i.title}", i.total, i.counts["done"], i.counts["done_late"], i.counts["carried"],
             i.counts["dropped"]) for i in report.items]
    totals = report.totals()
    rows.append((_("Total"), report.total, totals["done"], totals["done_late"], totals["carried"],
                 totals["dropped"]))
    _table(document, header, rows)


def _decisions(document, heading, groups, *, carried):
    document.add_heading(heading, level=2)
    if not groups:
        document.add_paragraph(_("None."))
        return
    header = [_("Task"), _("Units"), _("Reason")]
    if carried:
        header += [_("Carried into"), _("New due date")]
    rows = []
    for group in groups:
        row = [f"{group.task_label} {group.task_text}", "、".join(group.units), group.reason]
        if carried:
            row += [str(group.target_plan), group.due_date.isoformat() if group.due_date else _("ongoing")]
        rows.append(row)
    _table(document, header, rows)
