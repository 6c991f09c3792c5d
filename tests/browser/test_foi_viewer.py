"""A read-only viewer opens an application in Chromium: everything to read, nothing to press."""

import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest

from gongkai.foi import services
from gongkai.foi.models import Channel
from gongkai.workdays.services import ensure_package_years
from tests.foi.test_intake import APPLICANT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TODAY = datetime.date(2026, 3, 2)
NOW = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def pinned_clock(db):
    ensure_package_years(years=[2026])
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY), \
            mock.patch("django.utils.timezone.now", return_value=NOW):
        yield


def test_a_viewer_sees_the_application_but_no_action_and_no_reveal(page, login, live_server, pinned_clock, directory,
                                                                    shenhe, shenhe_viewer):
    application, _password = services.register(actor=shenhe, channel=Channel.IN_PERSON, arrived_at=NOW,
                                               target_unit=directory["沈河区人民政府"], fields=APPLICANT)
    login(shenhe_viewer)
    page.goto(f"{live_server.url}/foi/")
    assert page.locator("main a[href='/foi/register/']").count() == 0
    page.goto(f"{live_server.url}/foi/{application.pk}/")
    assert page.locator("main h1").inner_text().endswith(application.tracking_code)
    assert "210***********1234" in page.inner_text("main")  # masked, as everywhere
    assert page.locator("main form").count() == 0
    assert page.locator("main button").count() == 0
    for label in ("显示完整证件号码", "确认", "转办", "指定", "拟写答复", "收费", "补正", "审核通过"):
        assert page.get_by_role("button", name=label).count() == 0, label

    # The same page for the unit's handler offers the steps, so the viewer's empty page is not an accident.
    page.click("form[action='/accounts/logout/'] button")
    login(shenhe)
    page.goto(f"{live_server.url}/foi/{application.pk}/")
    assert page.locator("main form").count() > 0
    assert page.locator("main form[action$='/personal-data/'] button").count() == 1
