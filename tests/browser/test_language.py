"""A browser set to English still gets the Chinese site; error pages are the site's own with a way back; where
a deployment offers English, the header switches between the two."""

import pytest

from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def english_browser(browser):
    context = browser.new_context(locale="en-US")  # Accept-Language: en-US
    yield context.new_page()
    context.close()


def sign_in(page, url, user):
    page.goto(f"{url}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def test_an_english_browser_reads_chinese_and_finds_its_way_back_from_an_error(english_browser, live_server,
                                                                                fgw_liaison):
    page = english_browser
    page.goto(f"{live_server.url}/")
    assert page.locator("header").get_by_text("工作人员登录").is_visible()
    assert page.get_by_text("Staff login").count() == 0

    page.goto(f"{live_server.url}/no/such/page/")
    assert page.locator("h1").inner_text() == "页面不存在"
    page.get_by_role("link", name="返回首页").click()
    page.wait_for_url(f"{live_server.url}/")

    sign_in(page, live_server.url, fgw_liaison)
    page.goto(f"{live_server.url}/plans/import/")  # the office's page
    assert page.locator("h1").inner_text() == "您无权打开此页面或进行此项操作"
    assert page.locator("nav[aria-label='主导航']").is_visible()  # the site's own layout
    page.locator("main").get_by_role("link", name="我的工作").click()
    page.wait_for_url(f"{live_server.url}/ledger/")


def test_where_english_is_offered_the_header_switches_language(english_browser, live_server, db, english):
    page = english_browser
    page.goto(f"{live_server.url}/")
    assert page.locator("header").get_by_text("Staff login").is_visible()
    page.get_by_role("button", name="简体中文").click()
    page.wait_for_selector("text=工作人员登录")
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    page.get_by_role("button", name="English").click()
    page.wait_for_selector("text=Staff login")
    assert page.locator("html").get_attribute("lang") == "en"
