"""The text of attachments (for search and the personal-data scan), from real PDF, DOCX and XLSX files."""

import datetime
import io
import zipfile

import docx
import openpyxl
import pytest
import weasyprint
from django.utils import translation

from gongkai import uploads
from gongkai.documents import extraction
from gongkai.documents.extraction import extract, extract_text

TITLE = "沈阳市人民政府办公厅关于印发2021年政务公开工作要点的通知"


def pdf_bytes(*pages):
    """A PDF rendered from Chinese HTML, one page per argument."""
    body = "".join(f'<section style="page-break-after: always">{page}</section>' for page in pages)
    return weasyprint.HTML(string=(
        '<html lang="zh-CN"><head><meta charset="utf-8"><style>'
        "body { font-family: 'Noto Serif CJK SC'; font-size: 12pt; }</style></head>"
        f"<body>{body}</body></html>"
    )).write_pdf()


@pytest.fixture(scope="module")
def government_pdf():
    return pdf_bytes(
        f"<h1>{TITLE}</h1><p>各区、县（市）人民政府，市政府各部门：</p>"
        "<table><tr><td>序号</td><td>责任单位</td></tr><tr><td>1</td><td>市财政局</td></tr></table>",
        "<p>联系人：张三，联系电话13812345678。</p>",
    )


def docx_bytes(document):
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_pdf_text_comes_back_page_by_page(government_pdf):
    assert uploads.sniff(government_pdf) == uploads.PDF
    result = extract(government_pdf, uploads.PDF)
    assert result.ok and not result.truncated
    text = result.text
    assert TITLE in text.replace("\n", "")  # a wrapped line breaks inside words
    assert "各区、县（市）人民政府，市政府各部门：" in text
    assert "市财政局" in text
    assert text.index("市政府各部门") < text.index("联系电话13812345678")


def test_a_pdf_longer_than_the_page_limit_is_read_in_part(monkeypatch):
    monkeypatch.setattr(extraction, "MAX_PDF_PAGES", 2)
    result = extract(pdf_bytes("<p>第一页内容</p>", "<p>第二页内容</p>", "<p>第三页内容</p>"), uploads.PDF)
    assert "第一页内容" in result.text and "第二页内容" in result.text
    assert "第三页内容" not in result.text
    assert result.truncated and result.problem


def test_docx_paragraphs_and_table_cells_come_back_in_order():
    document = docx.Document()
    document.add_heading(TITLE, level=1)
    document.add_paragraph("各区、县（市）人民政府：")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).text = "序号"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "任务及责任单位"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "一"
    table.cell(1, 1).text = "推进决策公开"
    table.cell(1, 2).text = "市发展改革委"
    table.cell(2, 1).text = "深化政策解读"
    table.cell(2, 2).text = "市政府办公厅"
    document.add_paragraph("附件：任务分解表")

    text = extract_text(docx_bytes(document), uploads.DOCX)
    assert text == (
        f"{TITLE}\n各区、县（市）人民政府：\n"
        "序号\t任务及责任单位\n"
        "一\t推进决策公开\t市发展改革委\n"
        "深化政策解读\t市政府办公厅\n"
        "附件：任务分解表"
    )


def test_docx_tables_inside_cells_are_read():
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "外层"
    outer.cell(0, 1).add_table(rows=1, cols=1).cell(0, 0).text = "内层表格"
    assert "内层表格" in extract_text(docx_bytes(document), uploads.DOCX)


def test_xlsx_cells_come_back_row_by_row_tab_separated_on_every_sheet():
    workbook = openpyxl.Workbook()
    budget = workbook.active
    budget.title = "2021年预算"
    budget.append(["项目", "金额（万元）", None, "批复日期"])
    budget.append(["教育支出", 1200.0, None, datetime.datetime(2021, 3, 1)])
    budget.append(["社会保障", 350.5])
    final = workbook.create_sheet("决算")
    final["B2"] = "政府债务"

    text = extract_text(xlsx_bytes(workbook), uploads.XLSX)
    assert text == (
        "2021年预算\n"
        "项目\t金额（万元）\t\t批复日期\n"
        "教育支出\t1200\t\t2021-03-01\n"
        "社会保障\t350.5\n"
        "决算\n"
        "\t政府债务"
    )


def test_images_have_no_text():
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
    result = extract(png, uploads.PNG)
    assert result.text == "" and result.ok


def make_zip(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in files.items():
            package.writestr(name, content)
    return buffer.getvalue()


DAMAGED = [
    ("truncated pdf", uploads.PDF, lambda pdf: pdf[: len(pdf) // 3]),
    ("pdf header only", uploads.PDF, lambda pdf: b"%PDF-1.7\n%garbage"),
    ("not a zip", uploads.DOCX, lambda pdf: b"PK\x03\x04 not really a zip"),
    ("docx without xml", uploads.DOCX, lambda pdf: make_zip({"word/document.xml": "<w:document"})),
    ("xlsx without xml", uploads.XLSX, lambda pdf: make_zip({"xl/workbook.xml": "not xml"})),
    ("pdf bytes as xlsx", uploads.XLSX, lambda pdf: pdf),
]


@pytest.mark.parametrize(("label", "kind", "damage"), DAMAGED, ids=[d[0] for d in DAMAGED])
def test_a_damaged_file_gives_no_text_and_a_message_instead_of_an_error(government_pdf, label, kind, damage):
    result = extract(damage(government_pdf), kind)
    assert result.text == ""
    assert not result.ok
    assert kind.name in result.problem
    assert extract_text(damage(government_pdf), kind) == ""


def test_the_message_for_a_damaged_file_is_in_chinese():
    with translation.override("zh-hans"):
        problem = extract(b"%PDF-1.7 broken", uploads.PDF).problem
    assert "PDF" in problem and "无法读取" in problem


def test_a_package_that_unpacks_too_large_is_not_parsed(monkeypatch):
    document = docx.Document()
    document.add_paragraph("正文" * 5000)
    data = docx_bytes(document)
    monkeypatch.setattr(extraction, "MAX_UNPACKED_BYTES", 10_000)
    result = extract(data, uploads.DOCX)
    assert result.text == "" and "MB" in result.problem


def test_text_is_capped_at_the_length_limit(monkeypatch):
    monkeypatch.setattr(extraction, "MAX_CHARS", 50)
    workbook = openpyxl.Workbook()
    for row in range(100):
        workbook.active.append([f"第{row}行", "政务公开"])
    result = extract(xlsx_bytes(workbook), uploads.XLSX)
    assert len(result.text) == 50
    assert result.text.startswith("Sheet\n第0行\t政务公开")
    assert result.truncated and result.problem


def test_unknown_kinds_and_empty_data_have_no_text():
    assert extract(b"", uploads.PDF).text == ""
    assert extract(b"plain", None).text == ""
