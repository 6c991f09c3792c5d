import datetime
import io
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from docx import Document

from gongkai.foi.models import Application, Rating, Status
from gongkai.workdays.services import ensure_package_years

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TODAY = datetime.date(2026, 3, 2)  # a Monday; pinned for the server thread too (same process)
NOW = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def pinned_clock(db):
    ensure_package_years(years=[2026])
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY), \
            mock.patch("django.utils.timezone.now", return_value=NOW):
        yield


def sign_out(page, live_server):
    page.click("form[action='/accounts/logout/'] button")
    page.wait_for_url(f"{live_server.url}/accounts/login/")


def look_up(page, live_server, code, password):
    page.goto(f"{live_server.url}/foi/status/")
    page.fill("#id_tracking_code", code)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_selector("#status")


def test_apply_correct_decide_approve_serve_rate(page, login, live_server, pinned_clock, directory, shenhe,
                                                  shenhe_reviewer):
    # The citizen applies.
    page.goto(f"{live_server.url}/foi/apply/")
    page.fill("#id_target_unit", "沈河区人民政府")
    page.check("input[name=applicant_type][value=natural_person]")
    page.fill("#id_name", "测试申请人")
    page.select_option("#id_id_type", value="resident_id")
    page.fill("#id_id_number", "000000199001011234")
    page.fill("#id_phone", "13800000000")
    page.fill("#id_description", "沈河区2025年老旧小区改造项目清单")
    page.check("input[name=form][value=electronic]")
    page.check("input[name=delivery][value=online]")
    page.click("main button[type=submit]")
    code = page.inner_text("#tracking-code")
    password = page.inner_text("#query-password")
    application = Application.objects.get(tracking_code=code)

    # The handler confirms receipt and sends a 补正 notice.
    login(shenhe)
    page.goto(f"{live_server.url}/foi/{application.pk}/")
    page.fill("#id_note", "电话确认")
    page.click("form[action$='/confirm-receipt/'] button")
    page.wait_for_selector("text=电话确认")
    page.click("details:has(#id_clock-kind) > summary")
    page.select_option("#id_clock-kind", value="correction_requested")
    page.click("form[action$='/clock/'] button")
    page.wait_for_load_state()
    assert Application.objects.get(pk=application.pk).status == Status.AWAITING_CORRECTION
    sign_out(page, live_server)

    # The citizen corrects.
    look_up(page, live_server, code, password)
    page.fill("textarea[name=text]", "沈河区2025年老旧小区改造项目清单，含各小区改造内容和资金。")
    page.click("main form:has(input[value=correct]) button")
    page.wait_for_selector("#status")
    assert Application.objects.get(pk=application.pk).status == Status.IN_HANDLING

    # The handler decides 部分公开 and opens the letter.
    login(shenhe)
    page.goto(f"{live_server.url}/foi/{application.pk}/")
    page.click("details:has(#id_closure_code) > summary")
    page.select_option("#id_closure_code", value="partial")
    page.fill("#id_reasons", "项目清单中涉及施工企业商业秘密的部分不予公开。")
    page.check("input[name=grounds][value=art15]")
    page.fill("#id_how_to_obtain", "通过电子邮件发送可公开部分。")
    page.click("form[action$='/decision/'] button")
    page.wait_for_selector("article[id^=decision-]")
    with page.expect_download() as download:
        page.click("a[href$='letter.docx']")
    text = "\n".join(p.text for p in Document(io.BytesIO(open(download.value.path(), "rb").read())).paragraphs)
    assert "测试申请人" in text and "商业秘密" in text
    sign_out(page, live_server)

    # The reviewer approves; the handler serves.
    login(shenhe_reviewer)
    page.goto(f"{live_server.url}/foi/{application.pk}/")
    page.click("button[name=approve][value='1']")
    page.wait_for_load_state()
    sign_out(page, live_server)
    login(shenhe)
    page.goto(f"{live_server.url}/foi/{application.pk}/")
    page.select_option("#id_serve-method", value="online")
    page.click("form[action$='/serve/'] button")
    page.wait_for_load_state()
    assert Application.objects.get(pk=application.pk).status == Status.SERVED
    sign_out(page, live_server)

    # The citizen sees the reply served and rates it.
    look_up(page, live_server, code, password)
    assert "2026-03-02" in page.inner_text("#status")
    page.check("input[name=score][value='5']")
    page.click("main form:has(input[value=rate]) button")
    page.wait_for_selector("#status")
    assert Rating.objects.get(application=application).score == 5


def test_the_office_narrows_the_work_list_by_light_and_unit(page, login, live_server, pinned_clock, directory,
                                                            office, shenhe):
    from gongkai.foi import services
    from tests.foi.test_intake import APPLICANT

    def arrive(unit, day, description):
        application, _password = services.register(
            actor=office, channel="in_person", target_unit=unit, fields={**APPLICANT, "description": description},
            arrived_at=datetime.datetime(day.year, day.month, day.day, 10, tzinfo=ZoneInfo("Asia/Shanghai")))
        return application

    # Received 2026-02-03 (due 2026-03-09 across the Spring Festival: 5 working days after 3/2, yellow)
    # and 2026-02-26 (green);
    # one of 市发展改革委 received 2026-01-05 (due 2026-02-02: red).
    yellow = arrive(directory["沈河区人民政府"], datetime.date(2026, 2, 3), "老旧小区改造招标文件")
    green = arrive(directory["沈河区人民政府"], datetime.date(2026, 2, 26), "2025年财政预算执行情况")
    red = arrive(directory["沈阳市发展和改革委员会"], datetime.date(2026, 1, 5), "发展规划中期评估报告")
    login(office)
    page.goto(f"{live_server.url}/foi/")
    rows = page.locator("main table tbody tr")
    assert rows.count() == 3
    page.click("ul.light-counts a[href$='light=red']")
    page.wait_for_url("**/foi/?light=red")
    assert rows.count() == 1 and red.tracking_code in rows.first.inner_text()

    page.goto(f"{live_server.url}/foi/")
    page.select_option("#id_unit", label="沈河区人民政府")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/foi/?*unit=*")
    codes = rows.all_inner_texts()
    assert len(codes) == 2 and yellow.tracking_code in codes[0] and green.tracking_code in codes[1]
    assert "黄灯" in codes[0] and "剩余 5 个工作日" in codes[0]  # in words, not colour alone
