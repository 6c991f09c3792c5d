"""The office generates a quarterly bulletin, edits its summary and downloads the Word file."""

import datetime
import re

import pytest
from docx import Document

from gongkai.bulletins.models import Bulletin, BulletinStatus
from gongkai.ledger.services import generate_assignments

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def ledger(sample_plan, office):
    generate_assignments(actor=office, plan=sample_plan, started_on=datetime.date(2021, 7, 5))
    return sample_plan


def test_office_generates_edits_and_downloads_a_bulletin(login, live_server, office, ledger):
    page = login(office)
    page.goto(f"{live_server.url}/bulletins/")
    page.click("#new-bulletin")
    page.select_option("#id_plan", value=str(ledger.pk))
    page.fill("#id_period_start", "2021-07-01")
    page.fill("#id_period_end", "2021-09-30")
    page.fill("#id_title", "沈阳市2021年第三季度政务公开工作通报")
    page.fill("#id_number", "沈政公办〔2021〕3号")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/bulletins/\d+/$"))
    bulletin = Bulletin.objects.get()
    assert bulletin.figures["cutoff"] == "2021-09-30"
    assert page.locator("#document-title").inner_text() == "沈阳市2021年第三季度政务公开工作通报"

    page.click("#edit-bulletin")
    page.fill("#id_summary_text", "第三季度全市政务公开工作总体有序推进。")
    page.fill("#id_next_steps_text", "逾期单位于10月底前完成整改。")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}/bulletins/{bulletin.pk}/")
    assert "第三季度全市政务公开工作总体有序推进。" in page.locator(".bulletin-document").inner_text()

    with page.expect_download() as download_info:
        page.click("#download-docx")
    document = Document(download_info.value.path())
    texts = [p.text for p in document.paragraphs]
    assert "沈阳市2021年第三季度政务公开工作通报" in texts
    assert "第三季度全市政务公开工作总体有序推进。" in texts
    # Named in section 二 with its ten overdue assignments, however the count is worded: "(10)" or "（10项）".
    assert any(re.search(r"沈河区政府\W{1,2}10\D", text) for text in texts)
    units = [row.cells[0].text for row in document.tables[-1].rows]
    assert "沈河区政府" in units and "和平区政府" in units

    page.click("#publish-bulletin")
    page.wait_for_selector(".message.success")
    bulletin.refresh_from_db()
    assert bulletin.status == BulletinStatus.PUBLISHED
    assert page.locator("#edit-bulletin").count() == 0
