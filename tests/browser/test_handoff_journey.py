"""A report reaches the reviewer at once: the header's unread badge is there to see, counts, and the
notification opens the report; opening it brings the count down. Then the sign-off reaches the lead unit."""

import pytest

from gongkai.ledger.models import Assignment, ProgressReport
from gongkai.ledger.services import generate_assignments

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# WCAG contrast of the badge's figure on its own background (a white-on-near-white badge is 1.1).
CONTRAST = """b => {
  const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => { const [r, g, bl] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * bl; };
  const style = getComputedStyle(b);
  const [a, c] = [lum(rgb(style.color)), lum(rgb(style.backgroundColor))];
  return (Math.max(a, c) + 0.05) / (Math.min(a, c) + 0.05);
}"""


@pytest.fixture
def item1(sample_plan, office):
    generate_assignments(actor=office, plan=sample_plan)
    return Assignment.objects.get(task__item__number="1", unit__name="沈河区人民政府")


def sign_out(page, live_server):
    page.click("form[action='/accounts/logout/'] button")
    page.wait_for_url(f"{live_server.url}/accounts/login/")


def badge_count(page):
    """The figure in the header's badge as a person sees it (None when there is no badge)."""
    badge = page.locator(".site-header .notifications-link .badge")
    if badge.count() == 0:
        return None
    assert badge.is_visible()
    assert badge.evaluate(CONTRAST) >= 4.5, "the unread count must be readable on the header"
    return int(badge.evaluate("b => b.firstChild.textContent.trim()"))


def test_the_reviewer_sees_the_report_arrive(login, live_server, item1, shenhe, shenhe_reviewer, fgw_liaison):
    page = login(shenhe)
    page.goto(f"{live_server.url}/ledger/assignments/{item1.pk}/")
    page.fill("#id_text", "已梳理“规划信息”栏目目录，正在补充专项规划。")
    page.fill("#id_percent", "60")
    page.click("form[action$='/report/'] button[type=submit]")
    page.wait_for_selector("article.report")
    assert badge_count(page) is None  # the handler is not told of their own report
    sign_out(page, live_server)
    report = ProgressReport.objects.get()

    login(shenhe_reviewer)
    assert badge_count(page) == 1
    page.click(".site-header .notifications-link")
    item = page.locator("ol.notifications li.unread")
    assert item.count() == 1
    assert "沈河区人民政府报送了任务1.1" in item.inner_text() and "60%" in item.inner_text()
    item.locator("button[name=open]").click()
    page.wait_for_url(f"{live_server.url}/ledger/assignments/{item1.pk}/#report-{report.pk}")
    assert page.locator(f"#report-{report.pk} button[value=sign_off]").is_visible()
    assert badge_count(page) is None  # opening it marked it read: the header says so on the next page
    page.click("button[value=sign_off]")
    page.wait_for_selector("button[value=sign_off]", state="detached")
    sign_out(page, live_server)

    login(fgw_liaison)
    assert badge_count(page) == 1
    page.goto(f"{live_server.url}/notifications/")
    assert "牵头单位" in page.locator("ol.notifications li.unread").inner_text()
