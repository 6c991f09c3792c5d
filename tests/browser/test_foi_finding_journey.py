"""The office serves a reply and finds the application again in the work list (issue 8, points 1 and 2).

Before, a served application vanished from /foi/ — even searched for by its exact tracking code — and no
filter reached it, so archiving or recording a 复议 meant knowing its URL.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest

from gongkai.foi import deciding, services
from gongkai.foi.models import Application, Status
from gongkai.foi.outcomes import ClosureCode
from tests.browser.test_foi_journey import pinned_clock  # noqa: F401 (a fixture)
from tests.foi.test_intake import APPLICANT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_the_office_serves_a_reply_then_finds_it_by_code_and_by_the_served_filter(
        page, login, live_server, pinned_clock, directory, office, shenhe, shenhe_reviewer):  # noqa: F811
    unit = directory["沈河区人民政府"]
    application, _password = services.register(
        actor=shenhe, channel="in_person", target_unit=unit, fields=APPLICANT,
        arrived_at=datetime.datetime(2026, 2, 26, 10, tzinfo=SHANGHAI))
    other, _password = services.register(
        actor=shenhe, channel="in_person", target_unit=unit, fields={**APPLICANT, "description": "2025年财政预算执行情况"},
        arrived_at=datetime.datetime(2026, 2, 27, 10, tzinfo=SHANGHAI))
    decision = deciding.draft_decision(actor=shenhe, application=application, closure_code=ClosureCode.DISCLOSED,
                                       reason_detail="provided", how_to_obtain="电子邮件发送。")
    deciding.review_decision(actor=shenhe_reviewer, decision=decision, approve=True)
    code = application.tracking_code

    # The office serves the approved reply from the application page.
    login(office)
    page.goto(f"{live_server.url}/foi/{application.pk}/")
    page.select_option("#id_serve-method", value="online")
    page.click("form[action$='/serve/'] button")
    page.wait_for_load_state()
    assert Application.objects.get(pk=application.pk).status == Status.SERVED

    # The default list is the open work: the served case is not in it, the other one is, with its request,
    # its applicant masked and its receipt date.
    page.goto(f"{live_server.url}/foi/")
    table = page.locator("main table").last
    assert code not in table.inner_text()
    row = table.locator("tbody tr", has_text=other.tracking_code)
    assert "2025年财政预算执行情况" in row.inner_text() and "李*" in row.inner_text() and "2026-02-27" in row.inner_text()
    assert "李明" not in page.inner_text("main") and APPLICANT["id_number"] not in page.content()

    # Its tracking code finds it — typed in lower case, and with the default "open" status still chosen.
    page.fill("#id_q", code.lower())
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/foi/?*q=*")
    found = page.locator("main table tbody tr")
    assert found.count() == 1
    text = found.first.inner_text()
    assert code in text and "答复已送达" in text and "2026-03-02" in text  # served today

    # The status filter lists the served cases.
    page.goto(f"{live_server.url}/foi/")
    page.select_option("#id_status", value="served")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/foi/?*status=served*")
    rows = page.locator("main table tbody tr")
    assert rows.count() == 1 and code in rows.first.inner_text()
    assert other.tracking_code not in page.inner_text("main table")

    # And from the list the case opens, where the office can archive it.
    page.click(f"main table a:text('{code}')")
    page.wait_for_url(f"**/foi/{application.pk}/")
    assert code in page.inner_text("h1")
