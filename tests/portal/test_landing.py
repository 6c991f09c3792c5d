"""Each person lands on their own queue after login, not on the list of plans; ?next= still wins."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from gongkai.foi import services as foi_services
from gongkai.foi.models import Channel
from gongkai.orgs.models import Role
from gongkai.orgs.services import create_person
from gongkai.workdays.services import ensure_package_years
from tests.conftest import PASSWORD

APPLICANT = {
    "applicant_type": "natural_person", "name": "李明", "id_type": "resident_id", "id_number": "210102199001011234",
    "phone": "13812345678", "email": "", "address": "沈阳市沈河区市府大路1号", "postcode": "110013",
    "description": "2021年沈河区老旧小区改造项目的招标文件和中标结果", "document_number": "", "purpose": "",
    "form": "electronic", "delivery": "online",
}


@pytest.fixture
def intake(directory):
    """The city-wide intake desk (12345), hosted by the office's unit but in no unit of its own."""
    return create_person(actor=None, username="desk", password=PASSWORD,
                         memberships=[(directory["沈阳市人民政府办公室"], Role.INTAKE)])


@pytest.fixture
def newcomer(db):
    return create_person(actor=None, username="newcomer", password=PASSWORD, memberships=[])


def log_in(client, user, **params):
    url = reverse("login") + (f"?next={params['next']}" if "next" in params else "")
    response = client.post(url, {"username": user.username, "password": PASSWORD}, follow=True)
    assert response.status_code == 200
    return response


def landed(response):
    return response.redirect_chain[-1][0]


@pytest.mark.parametrize("who, queue", [
    ("office", "/supervision/"),  # the city dashboard
    ("shenhe", "/ledger/"),  # 我的工作 of a handler
    ("shenhe_reviewer", "/ledger/"),
    ("fgw_liaison", "/ledger/"),
    ("shenhe_viewer", "/ledger/"),
    ("intake", "/foi/"),  # the applications it registered
])
def test_each_role_lands_on_its_own_queue(client, request, who, queue):
    user = request.getfixturevalue(who)
    response = log_in(client, user)
    assert landed(response) == queue
    assert client.get("/").url == queue  # the brand link ("home") takes them back there too


def test_a_login_with_next_goes_there(client, office):
    assert landed(log_in(client, office, next="/foi/statistics/")) == "/foi/statistics/"


def test_a_next_to_another_site_is_ignored(client, office):
    assert landed(log_in(client, office, next="https://evil.example/")) == "/supervision/"


def test_anonymous_visitors_get_the_public_start_page(client, db):
    response = client.get("/")
    assert response.status_code == 200 and response.templates[0].name == "portal/home.html"


def test_someone_in_no_unit_is_told_whom_to_ask(client, newcomer):
    response = log_in(client, newcomer)
    assert landed(response) == "/supervision/"
    assert "您尚未加入任何单位：请联系政务公开办公室添加。" in response.content.decode()


def test_the_intake_desks_dashboard_is_its_own_not_a_call_to_join_a_unit(client, intake, directory):
    ensure_package_years(actor=None, years=[2026])
    for _ in range(2):
        foi_services.register(actor=intake, channel=Channel.PLATFORM, arrived_at=datetime.datetime(
            2026, 12, 1, 10, tzinfo=ZoneInfo("Asia/Shanghai")), target_unit=directory["沈河区人民政府"], fields=APPLICANT)
    log_in(client, intake)
    response = client.get(reverse("supervision:city"))
    html = response.content.decode()
    assert response.status_code == 200 and "supervision/intake.html" in [t.name for t in response.templates]
    assert "尚未加入任何单位" not in html
    assert response.context["open_count"] == 2
    assert 'href="/foi/register/"' in html and 'href="/foi/"' in html
