"""The bulletin's Word and PDF files: open them and read what they say."""

import datetime
import io
import subprocess

import pytest
from django.utils.translation import override
from docx import Document
from docx.oxml.ns import qn

from gongkai.bulletins import pdf, services, word
from gongkai.ledger.models import Assignment

from .conftest import AFTER_Q3, Q3, assignment, complete, return_progress

D = datetime.date


@pytest.fixture
def bulletin(ledger, office, liaison, directory):
    shenhe = liaison("沈河区人民政府")
    done = complete(assignment("沈河区人民政府", 1), liaison=shenhe, lead=office, on=D(2021, 9, 28),
                    text="建成规划信息专栏，集中公开十四五规划。")
    return_progress(assignment("沈河区人民政府", 7), liaison=shenhe, lead=office, on=D(2021, 9, 10))
    with override("en"):
        bulletin = services.generate_bulletin(
            actor=office, plan=ledger, title="沈阳市2021年第三季度政务公开工作通报", number="沈政公办〔2021〕3号",
            period_start=Q3[0], period_end=Q3[1], today=AFTER_Q3)
    bulletin = services.update_bulletin(actor=office, bulletin=bulletin, summary_text="第三季度各单位总体推进有序。\n部分单位进度滞后。",
                             next_steps_text="逾期单位于10月底前完成整改。")
    services.add_good_practice(actor=office, bulletin=bulletin, report=done)
    services.add_good_practice(actor=office, bulletin=bulletin, unit=directory["沈阳市信息中心"], text="上线政策问答库。")
    return bulletin


def due_on(unit_name):
    return Assignment.objects.filter(unit__name=unit_name, original_due_date=D(2021, 9, 30)).count()


def docx_of(bulletin):
    with override("en"):
        return Document(io.BytesIO(word.bulletin_docx(bulletin)))


def test_docx_text(bulletin):
    document = docx_of(bulletin)
    texts = [p.text for p in document.paragraphs if p.text]
    shenhe_overdue, heping_overdue = due_on("沈河区人民政府") - 1, due_on("和平区人民政府")
    assert texts[:2] == ["沈政公办〔2021〕3号", "沈阳市2021年第三季度政务公开工作通报"]
    assert [t for t in texts if t[:3] in ("I. ", "II.", "III", "IV.")] == [
        "I. Overall situation", "II. Problems", "III. Good practices", "IV. Next steps"]
    assert texts[3:5] == ["第三季度各单位总体推进有序。", "部分单位进度滞后。"]
    overdue = next(t for t in texts if t.startswith("As of Sept. 30, 2021"))
    assert f"沈河区政府 ({shenhe_overdue})" in overdue and f"和平区政府 ({heping_overdue})" in overdue
    assert "returned progress reports of 1 unit for correction (number of reports): 沈河区政府 (1)." in " ".join(texts)
    assert "(1) 沈河区政府: 建成规划信息专栏，集中公开十四五规划。" in texts
    assert "(2) 市信息中心: 上线政策问答库。" in texts
    assert texts.index("IV. Next steps") + 1 == texts.index("逾期单位于10月底前完成整改。")
    assert texts[-3:] == ["沈阳市人民政府办公室", "Oct. 15, 2021", "Annex: completion by unit, cumulative to Sept. 30, 2021"]


def rows(table):
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_docx_tables(bulletin):
    figures, units = docx_of(bulletin).tables
    due = Assignment.objects.filter(original_due_date=D(2021, 9, 30)).count()
    assert rows(figures)[0] == ["Figure", "This period", "Cumulative"]
    assert rows(figures)[1] == ["Assignments due", str(due), str(due)]
    assert rows(figures)[2] == ["Completed (of those due)", "1", "1"]
    assert rows(figures)[5] == ["Progress reports returned for correction", "1", "1"]
    shenhe = next(r for r in rows(units) if r[0] == "沈河区政府")
    assert due_on("沈河区人民政府") == 10  # of the 2021 plan's tasks, ten name 沈河区 and are due 30 September
    assert shenhe == ["沈河区政府", "10", "1", "0", "9", "1", "10%"]
    heping = next(r for r in rows(units) if r[0] == "和平区政府")
    assert heping == ["和平区政府", "10", "0", "0", "10", "0", "0%"]
    assert len(rows(units)) == 1 + len(set(Assignment.objects.values_list("unit", flat=True)))


def east_asian_font(run):
    return run._element.rPr.rFonts.get(qn("w:eastAsia"))


def test_docx_official_style(bulletin):
    document = docx_of(bulletin)
    by_text = {p.text: p for p in document.paragraphs if p.text}
    assert east_asian_font(by_text["沈阳市2021年第三季度政务公开工作通报"].runs[0]) == "方正小标宋简体"
    assert by_text["沈阳市2021年第三季度政务公开工作通报"].runs[0].font.size.pt == 22
    assert east_asian_font(by_text["II. Problems"].runs[0]) == "黑体"
    body = by_text["第三季度各单位总体推进有序。"]
    assert east_asian_font(body.runs[0]) == "仿宋_GB2312" and body.runs[0].font.size.pt == 16
    assert body.paragraph_format.first_line_indent.pt == 32
    lead, text = by_text["(1) 沈河区政府: 建成规划信息专栏，集中公开十四五规划。"].runs
    assert (east_asian_font(lead), east_asian_font(text)) == ("楷体_GB2312", "仿宋_GB2312")
    section = document.sections[0]
    assert (round(section.top_margin.mm), round(section.left_margin.mm)) == (37, 28)  # stored in twips
    assert "PAGE" in section.footer.paragraphs[0]._p.xml


def pdf_text(data, tmp_path):
    path = tmp_path / "bulletin.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True).stdout.decode()
    return "".join(text.decode().split()), fonts  # wrapped lines split words: compare without whitespace


def test_pdf_says_the_same(bulletin, tmp_path):
    with override("en"):
        data = pdf.bulletin_pdf(bulletin)
    assert data.startswith(b"%PDF")
    text, fonts = pdf_text(data, tmp_path)
    for expected in ("沈政公办〔2021〕3号", "沈阳市2021年第三季度政务公开工作通报", "第三季度各单位总体推进有序。",
                     "沈河区政府(9)", "(1)沈河区政府:建成规划信息专栏，集中公开十四五规划。", "IV.Nextsteps",
                     "逾期单位于10月底前完成整改。", "沈河区政府1010911" + "0%"):
        assert expected in text
    assert "Noto-Serif-CJK-SC" in fonts and "Noto-Sans-CJK-SC" in fonts  # the SC faces, embedded
