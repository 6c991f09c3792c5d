import pytest

from gongkai.ledger.models import Assignment, AssignmentState, ProgressReport
from gongkai.ledger.services import generate_assignments

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def item1(sample_plan, office):
    generate_assignments(actor=office, plan=sample_plan)
    return Assignment.objects.get(task__item__number="1", unit__name="沈河区人民政府")


def sign_out(page, live_server):
    page.click("form[action='/accounts/logout/'] button")
    page.wait_for_url(f"{live_server.url}/accounts/login/")


def test_report_return_resubmit_accept(login, live_server, item1, shenhe, shenhe_reviewer, fgw_liaison, tmp_path):
    from tests.ledger.conftest import pdf_file

    reviewer = shenhe_reviewer
    evidence = tmp_path / "规划公开截图.pdf"
    evidence.write_bytes(pdf_file().read())
    url = f"{live_server.url}/ledger/assignments/{item1.pk}/"

    page = login(shenhe)
    page.goto(f"{live_server.url}/ledger/")
    page.click(f"a[href='/ledger/assignments/{item1.pk}/']")
    page.fill("#id_text", "已在“规划信息”栏目公开十四五规划纲要。")
    page.fill("#id_percent", "100")
    page.set_input_files("#id_files", str(evidence))
    page.check("#id_is_final")
    page.click("form[action$='/report/'] button[type=submit]")
    page.wait_for_selector("article.report")
    assert ProgressReport.objects.get().evidence.get().original_name == "规划公开截图.pdf"
    sign_out(page, live_server)

    login(reviewer)
    page.goto(url)
    page.click("button[value=sign_off]")
    page.wait_for_selector("button[value=sign_off]", state="detached")
    sign_out(page, live_server)

    login(fgw_liaison)
    page.goto(url)
    page.fill("textarea[name=comment]", "请补充专项规划的公开链接。")
    page.click("button[value=return]")
    page.wait_for_selector("text=请补充专项规划的公开链接。")
    item1.refresh_from_db()
    assert (item1.state, item1.returns) == (AssignmentState.RETURNED, 1)
    sign_out(page, live_server)

    login(shenhe)
    page.goto(url)
    page.fill("#id_text", "已补充专项规划公开链接。")
    page.fill("#id_percent", "100")
    page.fill("#id_links", "https://www.shenhe.gov.cn/zxgh")
    page.set_input_files("#id_files", str(evidence))
    page.check("#id_is_final")
    page.click("form[action$='/report/'] button[type=submit]")
    page.wait_for_selector("a[href='https://www.shenhe.gov.cn/zxgh']")
    sign_out(page, live_server)

    login(reviewer)
    page.goto(url)
    page.click("button[value=sign_off]")
    page.wait_for_selector("button[value=sign_off]", state="detached")
    sign_out(page, live_server)

    login(fgw_liaison)
    page.goto(url)
    page.click("button[value=accept]")
    page.wait_for_selector("button[value=accept]", state="detached")
    item1.refresh_from_db()
    assert item1.state in (AssignmentState.DONE, AssignmentState.DONE_LATE) and item1.percent == 100
