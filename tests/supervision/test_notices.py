"""The supervision notice (督办单): numbered per year, addressed to the unit, opened as DOCX and read."""

import datetime
import io

import pytest
from django.utils import translation
from docx import Document

from gongkai.ledger.models import Assignment
from gongkai.supervision.models import EscalationNotice
from gongkai.supervision.notice_docx import official_date, render
from gongkai.supervision.tick import run_tick
from tests.supervision.conftest import at

D = datetime.date
LADDER = [D(2021, 10, 8), D(2021, 10, 12), D(2021, 10, 15)]  # reminder, warning, supervision notice


@pytest.fixture
def notice(ledger):
    for day in LADDER:
        with at(day, 8):
            run_tick(today=day)
    assignment = Assignment.objects.get(task__item__number="1", unit__name="沈河区人民政府")
    return assignment.notices.get(level="supervision")


def docx_text(data):
    return [paragraph.text for paragraph in Document(io.BytesIO(data)).paragraphs]


def test_supervision_notice_docx_reads_like_an_official_paper(notice):
    with translation.override("en"):
        paragraphs = docx_text(render(notice))
    assert paragraphs[0] == "督办通知单"
    assert paragraphs[1] == notice.number
    assert paragraphs[2] == "沈河区人民政府："  # the addressee: the unit's official name
    body = "\n".join(paragraphs[3:7])
    assert "主动公开国民经济和社会发展第十四个五年规划纲要" in body  # the task text
    assert "Task 1.1:" in body
    assert "Due date: 2021年9月30日. Overdue by 7 working days" in body
    assert "by 2021年10月20日" in body  # three working days to reply
    assert paragraphs[-2:] == ["沈阳市人民政府办公室", "2021年10月15日"]


def test_numbers_run_per_year(notice):
    sequences = list(EscalationNotice.objects.supervision().filter(year=2021).values_list("number", flat=True))
    assert notice.number in sequences
    assert "督办〔2021〕1号" in sequences


def test_the_document_keeps_what_it_said_when_issued(notice):
    Assignment.objects.filter(pk=notice.assignment_id).update(due_date=D(2021, 12, 31))
    notice.refresh_from_db()
    assert "2021年9月30日" in "\n".join(docx_text(render(notice)))


def test_official_date_has_no_leading_zeros():
    assert official_date(D(2021, 1, 5)) == "2021年1月5日"
    assert official_date("2021-10-20") == "2021年10月20日"


def test_unit_sees_and_downloads_its_notice_others_do_not(notice, client_for, shenhe, outsider, office):
    url = f"/supervision/notices/{notice.pk}/document.docx"
    response = client_for(shenhe).get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert docx_text(response.content)[1] == notice.number
    page = client_for(shenhe).get(f"/supervision/notices/{notice.pk}/")
    assert notice.number in page.content.decode()
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(outsider).get(f"/supervision/notices/{notice.pk}/").status_code == 404
    listing = client_for(office).get("/supervision/notices/?level=supervision").content.decode()
    assert notice.number in listing


def test_reminders_have_no_document(notice, client_for, office):
    reminder = EscalationNotice.objects.filter(level="reminder").first()
    assert client_for(office).get(f"/supervision/notices/{reminder.pk}/document.docx").status_code == 404
    assert client_for(office).get(f"/supervision/notices/{reminder.pk}/").status_code == 200
