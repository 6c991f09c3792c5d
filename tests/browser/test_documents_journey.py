"""主动公开 in the browser (issue 9, "Done when"): 沈河区's handler drafts a 规范性文件 in 法定主动公开内容 › 政策文件
with a PDF attachment and a 图解 of it with a PNG; the reviewer is stopped by an unmasked identity number, masks
it with 自动打码 and publishes both the same day; the viewer sees no step; the public page shows the policy with
its attachment and interpretation; the office finds it in the unit's 政策文件 column and 沈河区 at 1/1 for 三同步
and 图解 on its dashboard, then archives a topic, which leaves /topics/ and keeps its address with a banner."""

import datetime
import io
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from weasyprint import HTML

from gongkai.documents import topics
from gongkai.documents.models import Document
from gongkai.documents.standard import ensure_standard_catalogue
from gongkai.workdays.services import ensure_package_years

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TODAY = datetime.date(2026, 3, 2)  # a Monday; pinned for the server thread too (same process)
NOW = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
POLICY = "沈河区人民政府关于印发老旧小区改造补助资金管理办法的通知"
GRAPHIC = "一图读懂沈河区老旧小区改造补助资金管理办法"
UNMASKED_ID = "11010519491231002X"


@pytest.fixture
def pinned_clock(db):
    ensure_package_years(actor=None, years=[2026])
    ensure_standard_catalogue()  # an earlier transactional test flushed what migration 0002 seeded
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY), \
            mock.patch("django.utils.timezone.now", return_value=NOW):
        yield


def pdf_bytes():
    return HTML(string="<meta charset=utf-8><h1>补助资金管理办法</h1><p>第一条 为规范老旧小区改造补助资金管理……</p>"
                ).write_pdf()


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), (200, 40, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def sign_out(page, live_server):
    page.click("form[action='/accounts/logout/'] button")
    page.wait_for_url(f"{live_server.url}/accounts/login/")


def message(page):
    return page.locator(".message").all_inner_texts()


def attach(page, name, mime, data):
    page.set_input_files("form[action$='/attachments/'] input[type=file]",
                         files=[{"name": name, "mimeType": mime, "buffer": data}])
    page.click("form[action$='/attachments/'] button[type=submit]")
    page.wait_for_load_state()
    assert any(f"已上传附件：{name}" in text for text in message(page)), message(page)


def test_a_policy_and_its_graphic_go_public_together_and_the_office_sees_them(
        page, login, live_server, pinned_clock, directory, shenhe, shenhe_reviewer, shenhe_viewer, office):
    unit = directory["沈河区人民政府"]
    topic = topics.create_topic(actor=office, unit=unit, name="老旧小区改造专题", slug="old-housing-2026")

    # The handler drafts the policy in 法定主动公开内容 › 政策文件 and the topic, attaches the PDF, submits.
    login(shenhe)
    page.goto(f"{live_server.url}/documents/new/")
    assert page.locator("#id_unit option:checked").inner_text() == "沈河区人民政府"  # their one unit, chosen
    page.fill("#id_title", POLICY)
    page.fill("#id_number", "沈政发〔2026〕3号")
    page.fill("#id_written_on", "2026-02-27")
    page.select_option("#id_genre", label="规范性文件")
    page.check("input[name=attribute][value=proactive]")
    page.get_by_label("政策文件", exact=True).check()
    page.get_by_label("老旧小区改造专题", exact=True).check()
    page.fill("#id_body", f"第一条 补助资金按户拨付。\n联系人身份证号 {UNMASKED_ID}。")
    page.click("form.document-form button[type=submit].primary")
    page.wait_for_url("**/documents/*/")
    assert "草稿已保存。" in message(page)
    policy_url = page.url
    attach(page, "补助资金管理办法.pdf", "application/pdf", pdf_bytes())
    assert "此类文件须同步发布解读（三同步）。" in page.inner_text("main")  # a 规范性文件 needs its 解读
    page.click("form[action$='/submit/'] button")
    page.wait_for_load_state()
    assert "已提交保密审查。" in message(page)

    # ... then its 图解 from the policy's page, with the PNG, and submits that too.
    page.click("text=新增解读")
    page.wait_for_url("**/documents/new/?interprets=*")
    assert page.locator("#id_interprets option:checked").inner_text().strip() == POLICY
    page.fill("#id_title", GRAPHIC)
    page.select_option("#id_interpretation_kind", label="图解")
    page.check("input[name=attribute][value=proactive]")
    page.get_by_label("政策解读", exact=True).check()
    page.fill("#id_body", "图解：补助对象、标准和申请流程。")
    page.click("form.document-form button[type=submit].primary")
    page.wait_for_url("**/documents/*/")
    graphic_url = page.url
    attach(page, "图解.png", "image/png", png_bytes())
    page.click("form[action$='/submit/'] button")
    page.wait_for_load_state()
    assert "已提交保密审查。" in message(page)
    sign_out(page, live_server)

    # The viewer reads the policy and is offered no step.
    login(shenhe_viewer)
    page.goto(policy_url)
    main = page.inner_text("main")
    assert POLICY in main and "补助资金管理办法.pdf" in main
    assert page.locator("main form[method=post]").count() == 0
    assert page.locator("text=新增解读").count() == 0
    sign_out(page, live_server)

    # The reviewer's publication stops at the unmasked number; 自动打码 masks it; then both are published.
    login(shenhe_reviewer)
    page.goto(policy_url)
    page.click("form.filters[action$='/publish/'] button[type=submit]")
    page.wait_for_load_state()
    findings = page.inner_text("#findings-heading")
    assert "发现 1 处未打码的身份证号或手机号" in findings
    assert "110105********002X" in page.inner_text("section[aria-labelledby=findings-heading] table")
    page.click("button:has-text('自动打码')")
    page.wait_for_load_state()
    assert "标题和正文中的号码已打码，并已保存为新版本。" in message(page)
    page.click("form.filters[action$='/publish/'] button[type=submit]")
    page.wait_for_load_state()
    assert any(text.startswith("已发布，索引号") for text in message(page)), message(page)
    page.goto(graphic_url)
    page.click("form.filters[action$='/publish/'] button[type=submit]")
    page.wait_for_load_state()
    assert any(text.startswith("已发布，索引号") for text in message(page)), message(page)
    sign_out(page, live_server)

    # The public page shows the policy, masked, with its attachment and its 图解.
    policy = Document.objects.get(title=POLICY)
    page.goto(f"{live_server.url}/gk/{policy.pk}/")
    public = page.inner_text("main")
    assert POLICY in public and "沈政发〔2026〕3号" in public
    assert "补助资金管理办法.pdf" in public
    assert GRAPHIC in public and "图解" in public
    assert UNMASKED_ID not in public and "110105********002X" in public

    # The office: 沈河区 at 1/1 for 三同步 and 图解 on the city dashboard, then the unit's 政策文件 column.
    login(office)
    assert page.url == f"{live_server.url}/supervision/"
    panel = page.locator("section.disclosure-panel")
    row = panel.locator("tr", has=page.locator("th a", has_text="沈河区"))
    cells = row.locator("td").all_inner_texts()
    assert cells[0] == "1/1, 100.0%" and cells[1] == "1/1, 100.0%", cells
    assert "每个需要解读的政策都同步发布了解读。" in panel.inner_text()
    row.locator("th a").click()
    page.wait_for_url("**/supervision/units/*/")
    page.click("text=本单位全部信息公开栏目")
    page.wait_for_url("**/columns/")
    page.locator("main table th a", has_text="政策文件").first.click()
    page.wait_for_url("**/columns/?column=*")
    assert "“政策文件”中的文件" in page.inner_text("main h2#documents-heading")
    listed = page.locator("table[aria-labelledby=documents-heading] tbody").inner_text()
    assert POLICY in listed and "2026-03-02" in listed and GRAPHIC not in listed

    # The office archives the topic: gone from /topics/, still at its address with the banner.
    page.goto(f"{live_server.url}/topics/")
    assert "老旧小区改造专题" in page.inner_text("main")
    page.goto(f"{live_server.url}/documents/topics/{topic.pk}/")  # typed: no staff page links to 专题 yet
    page.click("button:has-text('归档专题')")
    page.wait_for_load_state()
    assert any("专题已归档" in text for text in message(page)), message(page)
    page.goto(f"{live_server.url}/topics/")
    assert "老旧小区改造专题" not in page.inner_text("main")
    page.goto(f"{live_server.url}/topics/archive/")
    assert "老旧小区改造专题" in page.inner_text("main")
    page.goto(f"{live_server.url}/topics/old-housing-2026/")
    assert "本专题已归档，内容仅供查阅" in page.inner_text("main")
    assert POLICY in page.inner_text("main")
