"""A bulletin as people read it (issue 8): units by names that say what each is, a 文号 that names its
issuing organ, no empty headings, and the same words never printed three times — on the page, in the
Word file and in the PDF.
"""

import datetime
import io
import re
import subprocess

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from docx import Document

from gongkai.bulletins import numbering, pdf, services, word
from gongkai.bulletins.content import bulletin_content
from gongkai.ledger.services import generate_assignments
from gongkai.orgs.models import Unit, UnitKind
from gongkai.orgs.services import create_unit
from gongkai.supervision.services import update_settings

from .conftest import AFTER_Q3, PLAN_START, Q3, assignment, complete

D = datetime.date
BOILERPLATE = "任务已全部完成，相关信息已在政府信息公开平台对应栏目发布，附证明材料。"


@pytest.fixture
def ledger(sample_plan, office, directory):
    """The 2021 ledger with each district government's general office in the directory, as in the demo:
    沈河区人民政府办公室, short name 沈河区政府办, beside 沈河区人民政府 (沈河区政府)."""
    for district in Unit.objects.filter(kind=UnitKind.DISTRICT_GOVERNMENT):
        create_unit(actor=None, name=district.name.replace("人民政府", "人民政府办公室"), kind=UnitKind.DISTRICT_OFFICE,
                    parent=district, aliases=[district.name.replace("人民政府", "政府办")])
    generate_assignments(actor=office, plan=sample_plan, started_on=PLAN_START)
    return sample_plan


def generate(plan, office, **kwargs):
    options = {"title": "沈阳市2021年第三季度政务公开工作通报", "number": "沈政办通〔2021〕3号",
               "period_start": Q3[0], "period_end": Q3[1], "today": AFTER_Q3, **kwargs}
    return services.generate_bulletin(actor=office, plan=plan, **options)


def docx_paragraphs(bulletin):
    return [p.text for p in Document(io.BytesIO(word.bulletin_docx(bulletin))).paragraphs if p.text]


def docx_first_column(bulletin):
    annex = Document(io.BytesIO(word.bulletin_docx(bulletin))).tables[-1]
    return [row.cells[0].text for row in annex.rows[1:]]


def pdf_text(bulletin, tmp_path):
    path = tmp_path / "bulletin.pdf"
    path.write_bytes(pdf.bulletin_pdf(bulletin))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    return "".join(text.decode().split())


# --- units ----------------------------------------------------------------------------------------------


def test_a_district_government_and_its_office_are_named_so_that_each_is_clear(ledger, office, tmp_path):
    bulletin = generate(ledger, office)
    names = [unit["name"] for unit in bulletin.figures["units"]]
    assert "沈河区人民政府" in names and "沈河区人民政府办公室" in names
    assert "沈河区政府" not in names and "沈河区政府办" not in names
    assert "市发展改革委" in names  # a short name nobody can take for another unit stays short
    assert any(row["name"] == "沈河区人民政府" for row in bulletin.named_overdue_units)
    column = docx_first_column(bulletin)
    assert {"沈河区人民政府", "沈河区人民政府办公室", "市发展改革委"} <= set(column)
    assert not {"沈河区政府", "沈河区政府办"} & set(column)
    text = pdf_text(bulletin, tmp_path)
    assert "沈河区人民政府办公室" in text and "沈河区政府办" not in text


def test_the_page_gives_the_official_name_of_a_short_name_in_a_tooltip(ledger, office, client_for):
    bulletin = generate(ledger, office)
    html = client_for(office).get(reverse("bulletins:detail", args=[bulletin.pk])).content.decode()
    assert '<th scope="row" title="沈阳市发展和改革委员会">市发展改革委</th>' in html
    assert '<th scope="row">沈河区人民政府办公室</th>' in html  # the official name needs no tooltip


# --- 文号 ------------------------------------------------------------------------------------------------


def test_a_bare_number_without_the_organ_is_refused(ledger, office):
    with pytest.raises(ValidationError, match="沈政办通〔2021〕3号"):
        generate(ledger, office, number="〔2021〕3号")
    bulletin = generate(ledger, office, number="沈政办通〔2021〕3号")
    with pytest.raises(ValidationError):
        services.update_bulletin(actor=office, bulletin=bulletin, number="〔2021〕4号")


def test_the_suggested_number_carries_the_office_prefix_and_follows_the_last(ledger, office, client_for):
    generate(ledger, office, number="沈政办通〔2021〕3号")
    assert numbering.next_number(2021) == "沈政办通〔2021〕4号"
    update_settings(actor=office, bulletin_number_prefix="沈政公开办")
    assert numbering.next_number(2021) == "沈政公开办〔2021〕1号"
    page = client_for(office).get(reverse("bulletins:new"))
    assert page.context["form"]["number"].initial.startswith("沈政公开办〔")
    assert "例如：沈政公开办〔2021〕3号" in page.content.decode()
    # A bare number typed into the form is explained on the page, not a server error.
    response = client_for(office).post(reverse("bulletins:new"), {
        "plan": ledger.pk, "period_start": "2021-07-01", "period_end": "2021-09-30", "title": "第三季度通报",
        "number": "〔2021〕5号"})
    assert response.status_code == 200 and "文号应以发文机关代字开头" in response.content.decode()


def test_the_number_heads_the_word_file_and_the_pdf(ledger, office, tmp_path):
    bulletin = generate(ledger, office)
    assert docx_paragraphs(bulletin)[0] == "沈政办通〔2021〕3号"
    assert pdf_text(bulletin, tmp_path).startswith("沈政办通〔2021〕3号沈阳市2021年第三季度政务公开工作通报")


# --- headings and repetition ----------------------------------------------------------------------------


def headings(paragraphs):
    return [text for text in paragraphs if re.match(r"^[一二三四五]、", text)]


def test_sections_with_nothing_in_them_are_left_out_and_the_rest_numbered_on(ledger, office, tmp_path):
    bulletin = generate(ledger, office)  # no good practice chosen, next steps not yet written
    assert headings(docx_paragraphs(bulletin)) == ["一、总体情况", "二、存在问题"]
    text = pdf_text(bulletin, tmp_path)
    assert "二、存在问题" in text and "三、" not in text and "典型做法" not in text and "下一步工作" not in text
    bulletin = services.update_bulletin(actor=office, bulletin=bulletin, next_steps_text="逾期单位于10月底前完成整改。")
    assert headings(docx_paragraphs(bulletin)) == ["一、总体情况", "二、存在问题", "三、下一步工作"]


def test_the_same_practice_of_three_units_is_said_once_naming_them(ledger, office, liaison, tmp_path):
    units = ("和平区人民政府", "沈河区人民政府", "大东区人民政府")
    reports = [complete(assignment(name, 1), liaison=liaison(name), lead=office, on=D(2021, 9, 28), text=BOILERPLATE)
               for name in units]
    bulletin = generate(ledger, office)
    for report in reports:
        services.add_good_practice(actor=office, bulletin=bulletin, report=report)
    services.add_good_practice(actor=office, bulletin=bulletin, unit=Unit.objects.get(name="沈阳市信息中心"),
                               text="上线政策问答库。")
    paragraphs = docx_paragraphs(bulletin)
    assert sum(BOILERPLATE in text for text in paragraphs) == 1
    assert f"（一）和平区人民政府、沈河区人民政府、大东区人民政府：{BOILERPLATE}" in paragraphs
    assert "（二）市信息中心：上线政策问答库。" in paragraphs
    assert headings(paragraphs) == ["一、总体情况", "二、存在问题", "三、典型做法"]
    assert pdf_text(bulletin, tmp_path).count(BOILERPLATE) == 1
    sections = bulletin_content(bulletin).sections
    assert [len(section.paragraphs) for section in sections][2] == 2
