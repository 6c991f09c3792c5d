"""A company applies on the public form, prints its receipt (回执), and later reads the decision and downloads
the reply letter — what a citizen would notice if the words, the receipt or the letter were missing."""

import datetime
import subprocess
from unittest import mock
from zoneinfo import ZoneInfo

import pytest

from gongkai.foi import deciding, services
from gongkai.foi.models import Application, Status
from gongkai.foi.outcomes import ClosureCode
from gongkai.workdays.services import ensure_package_years

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHANGHAI = ZoneInfo("Asia/Shanghai")
TODAY = datetime.date(2026, 12, 2)  # pinned for the server thread too (same process)
NOW = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=SHANGHAI)


@pytest.fixture
def pinned_clock(db):
    ensure_package_years(years=[2026])
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY), \
            mock.patch("django.utils.timezone.now", return_value=NOW):
        yield


def pdf_text(path):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          check=True).stdout.decode().replace(" ", "")


def test_a_company_applies_prints_its_receipt_and_downloads_the_served_reply(
        page, live_server, pinned_clock, directory, shenhe, shenhe_reviewer, tmp_path):
    page.goto(f"{live_server.url}/foi/apply/")
    person, organisation = page.locator("#section-person"), page.locator("#section-organisation")
    assert person.is_visible() and not organisation.is_visible()  # 自然人 is chosen at first
    page.check("input[name=applicant_type][value=business]")
    assert organisation.is_visible() and not person.is_visible()
    assert page.input_value("#id_id_type") == "credit_code"  # the organisation's document, picked for it
    assert page.inner_text("label[for=id_id_number]").startswith("证件号码")

    # The unit is typed, as a short name, into the searchable box.
    assert page.get_attribute("#id_target_unit", "list") == "id_target_unit-units"
    page.fill("#id_target_unit", "沈河区政府")
    page.fill("#id_organisation_name", "沈阳示例科技有限公司")
    page.fill("#id_id_number", "91210100000000000X")
    page.fill("#id_phone", "02400000000")
    page.fill("#id_address", "沈阳市沈河区示例路1号")
    page.fill("#id_description", "沈河区2026年老旧小区改造项目的招标文件")
    page.check("input[name=form][value=paper]")
    page.check("input[name=delivery][value=post]")
    page.click("main button[type=submit]")
    # The legal representative and contact person are asked for, by name, and nothing was lost.
    page.wait_for_selector("text=请填写法定代表人。")
    assert page.input_value("#id_organisation_name") == "沈阳示例科技有限公司" and organisation.is_visible()
    assert not Application.objects.exists()
    page.fill("#id_legal_representative", "王建国")
    page.fill("#id_contact_person", "赵小红")
    page.click("main button[type=submit]")

    # The receipt: code and password, the request echoed, what happens next; it prints on its own.
    page.wait_for_selector("#receipt")
    code, password = page.inner_text("#tracking-code"), page.inner_text("#query-password")
    receipt = page.inner_text("#receipt")
    for echoed in ("政府信息公开申请回执", "沈河区人民政府", "沈阳示例科技有限公司", "王建国", "赵小红",
                   "纸质文本", "邮寄", "2026-12-02", "待确认收到", "20 个工作日"):
        assert echoed in receipt, echoed
    assert "91210100000000000X" not in page.content()
    assert page.is_visible("button[data-print]")
    page.emulate_media(media="print")
    assert not page.is_visible(".site-header") and not page.is_visible("#sms-heading")
    assert page.is_visible("#receipt")
    printed = tmp_path / "receipt.pdf"
    page.pdf(path=str(printed))
    text = pdf_text(printed)
    assert code in text and password in text and "政府信息公开申请回执" in text and "打印回执" not in text
    page.emulate_media(media="screen")

    # The unit confirms, decides 部分公开, approves and serves (through the services, as staff would).
    application = Application.objects.get(tracking_code=code)
    services.confirm_receipt(actor=shenhe, application=application, day=TODAY, note="电话确认")
    decision = deciding.draft_decision(
        actor=shenhe, application=application, closure_code=ClosureCode.PARTIAL,
        reasons="涉及第三方商业秘密的部分不予公开。", grounds=["art15"], how_to_obtain="邮寄可公开部分。")
    deciding.review_decision(actor=shenhe_reviewer, decision=decision, approve=True)
    deciding.serve(actor=shenhe, application=application, method="post", day=TODAY, postal_tracking="1190012345678")
    assert Application.objects.get(pk=application.pk).status == Status.SERVED

    # The company looks it up: the decision in words, and the letter to download.
    page.goto(f"{live_server.url}/foi/status/")
    page.fill("#id_tracking_code", code)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_selector("#status")
    assert page.inner_text("#decision") == "部分公开"
    with page.expect_download() as download:
        page.click("a[href$='/foi/status/letter.pdf']")
    assert download.value.suggested_filename == f"{code}-reply.pdf"
    letter = pdf_text(download.value.path())
    assert "沈阳示例科技有限公司" in letter and "商业秘密" in letter


def test_without_javascript_both_groups_show_and_the_server_asks_for_the_right_fields(
        browser, live_server, pinned_clock, directory):
    context = browser.new_context(java_script_enabled=False, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/foi/apply/")
        assert page.is_visible("#section-person") and page.is_visible("#section-organisation")
        assert page.is_visible("text=自然人填写") and page.is_visible("text=法人或其他组织填写")
        assert not page.is_visible("button[data-print]")  # nothing offered that cannot work
        page.check("input[name=applicant_type][value=research]")
        page.fill("#id_target_unit", "沈河")
        page.fill("#id_name", "李明")  # the person's field, filled by mistake: an organisation needs its own
        page.select_option("#id_id_type", value="credit_code")
        page.fill("#id_id_number", "12210100000000000Y")
        page.fill("#id_email", "office@example.cn")
        page.fill("#id_description", "2026年科研项目经费公示材料")
        page.check("input[name=form][value=electronic]")
        page.check("input[name=delivery][value=online]")
        page.click("main button[type=submit]")
        page.wait_for_selector("text=请填写法人或其他组织的名称。")
        assert page.is_visible("text=请填写联系人。") and not Application.objects.exists()
        page.fill("#id_organisation_name", "沈阳示例研究院")
        page.fill("#id_legal_representative", "孙立")
        page.fill("#id_contact_person", "周敏")
        page.click("main button[type=submit]")
        page.wait_for_selector("#receipt")
        assert Application.objects.get().name == "沈阳示例研究院"
    finally:
        context.close()
