"""The supervision notice (督办单) as a Word document, laid out like an official paper (GB/T 9704):
title, number, addressee, the overdue task, what is required by when, issuing office and date.

Everything it says comes from the notice's frozen `details`, so a notice issued in October reads
the same in December. Labels go through gettext; names, numbers and task text are data.
"""

import datetime
import io

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TITLE_FONT, BODY_FONT = "方正小标宋简体", "仿宋_GB2312"


def official_date(value):
    """2021年10月14日: how official documents write a date (成文日期), without leading zeros."""
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return f"{value.year}年{value.month}月{value.day}日"


def render(notice):
    """The DOCX bytes of one supervision notice."""
    details = notice.details
    document = Document()
    _paragraph(document, details["title"], size=22, font=TITLE_FONT, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    _paragraph(document, notice.number, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, f"{details['unit']}：")
    for text in body_paragraphs(details):
        _paragraph(document, text, first_line_indent=True)
    _paragraph(document, "")
    _paragraph(document, details["issuing_office"], align=WD_ALIGN_PARAGRAPH.RIGHT)
    _paragraph(document, official_date(notice.sent_on), align=WD_ALIGN_PARAGRAPH.RIGHT)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def body_paragraphs(details):
    task = f"{details['item_number']}.{details['task_position']}" if details.get("item_number") else ""
    return [
        _("The following task of the work plan “%(plan)s” assigned to your unit is overdue and has not "
          "been reported on despite the reminder and the warning:") % {"plan": details["plan"]},
        _("Task %(number)s: %(text)s") % {"number": task, "text": details["task_text"]},
        _("Due date: %(date)s. Overdue by %(days)s working days as of the date of this notice.")
        % {"date": official_date(details["due_date"]), "days": details["overdue_workdays"]},
        _("Required: report the progress of this task, the reasons for the delay and the measures and date "
          "for completing it, in writing, by %(date)s.") % {"date": official_date(details["required_by"])},
    ]


def _paragraph(document, text, *, size=16, font=BODY_FONT, align=None, bold=False, first_line_indent=False):
    paragraph = document.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    if first_line_indent:
        paragraph.paragraph_format.first_line_indent = Pt(size * 2)  # two characters, as official papers do
    run = paragraph.add_run(text)
    run.font.size, run.font.bold, run.font.name = Pt(size), bold, font
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)  # Chinese glyphs
    return paragraph
