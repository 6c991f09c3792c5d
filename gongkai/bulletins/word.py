"""A bulletin as a Word file in official-document style (GB/T 9704-2012, 党政机关公文格式).

A4 with the standard margins; title in 2号 方正小标宋简体; body in 3号 仿宋_GB2312 with a fixed
28-point line pitch and a two-character first-line indent; first-level headings in 3号 黑体; run-in
subheadings in 3号 楷体_GB2312; page numbers "— 1 —" at the foot. Word picks the font of Chinese text
from the run's `w:eastAsia` attribute, not from `w:ascii`, so every run names both.
"""

import io

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .content import bulletin_content

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
LEAD_FONT = "楷体_GB2312"
LATIN_FONT = "Times New Roman"  # digits and Latin letters, as most style guides ask
SIZE_2, SIZE_3, SIZE_TABLE = Pt(22), Pt(16), Pt(12)  # 二号, 三号, 小四
LINE_PITCH = Pt(28)
INDENT = Pt(32)  # two characters of 三号
TEXT_WIDTH_MM = 210 - 28 - 26


def set_font(run, east_asian, size, bold=False):
    run.font.name = LATIN_FONT
    run.font.size = size
    run.font.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), east_asian)


def add_paragraph(document, text="", *, font=BODY_FONT, size=SIZE_3, align=None, indent=True, lead="",
                  lead_font=LEAD_FONT, bold=False):
    paragraph = document.add_paragraph()
    layout = paragraph.paragraph_format
    layout.line_spacing_rule, layout.line_spacing = WD_LINE_SPACING.EXACTLY, LINE_PITCH
    layout.space_before = layout.space_after = Pt(0)
    if indent:
        layout.first_line_indent = INDENT
    if align is not None:
        paragraph.alignment = align
    if lead:
        set_font(paragraph.add_run(lead), lead_font, size)
    if text:
        set_font(paragraph.add_run(text), font, size, bold=bold)
    return paragraph


def setup_page(document):
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = LATIN_FONT, SIZE_3
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    add_page_number(section)


def add_page_number(section):
    """A footer "— N —" with a PAGE field, centred (the standard puts it on alternate sides; centred is common)."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_font(paragraph.add_run("— "), "宋体", Pt(14))
    run = paragraph.add_run()
    set_font(run, "宋体", Pt(14))
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._element.append(element)
    set_font(paragraph.add_run(" —"), "宋体", Pt(14))


def add_table(document, table_content):
    if table_content.caption:
        add_paragraph(document, table_content.caption, font=HEADING_FONT, size=SIZE_TABLE,
                      align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    table = document.add_table(rows=1, cols=len(table_content.header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = column_widths(len(table_content.header))
    for cell, text, width in zip(table.rows[0].cells, table_content.header, widths):
        _fill(cell, text, HEADING_FONT, width)
    _repeat_header(table.rows[0])
    for values in table_content.rows:
        for column, (cell, text, width) in enumerate(zip(table.add_row().cells, values, widths)):
            _fill(cell, text, BODY_FONT, width,
                  align=WD_ALIGN_PARAGRAPH.LEFT if column == 0 else WD_ALIGN_PARAGRAPH.CENTER)
    return table


def column_widths(columns):
    """The first column (names) gets 40 % of the 156 mm text width; the figures share the rest."""
    first = TEXT_WIDTH_MM * 0.4
    return [Mm(first)] + [Mm((TEXT_WIDTH_MM - first) / (columns - 1))] * (columns - 1)


def _fill(cell, text, font, width, align=WD_ALIGN_PARAGRAPH.CENTER):
    cell.width = width
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    set_font(paragraph.add_run(text), font, SIZE_TABLE)


def _repeat_header(row):
    """A long unit table continues over pages; its header row repeats on each."""
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def bulletin_docx(bulletin):
    """The bulletin as DOCX bytes."""
    content = bulletin_content(bulletin)
    document = Document()
    setup_page(document)
    if content.number:
        add_paragraph(document, content.number, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    add_paragraph(document, indent=False)
    add_paragraph(document, content.title, font=TITLE_FONT, size=SIZE_2, align=WD_ALIGN_PARAGRAPH.CENTER,
                  indent=False)
    add_paragraph(document, indent=False)
    for section in content.sections:
        add_paragraph(document, section.heading, font=HEADING_FONT)
        for paragraph in section.paragraphs:
            add_paragraph(document, paragraph.text, lead=paragraph.lead)
        if section.table:
            add_table(document, section.table)
    add_paragraph(document, indent=False)
    add_paragraph(document, content.issuer, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    add_paragraph(document, content.date, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    document.add_section(WD_SECTION.NEW_PAGE)
    add_paragraph(document, content.annex.heading, font=HEADING_FONT, indent=False)
    add_table(document, content.annex.table)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
