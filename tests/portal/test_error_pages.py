"""Error pages are the site's own: Chinese in the site's layout (header and navigation), with a way back —
never Django's bare English "403 Forbidden" or "Not Found"."""

from django.test import Client
from django.urls import reverse

from gongkai.portal import errors
from tests.conftest import PASSWORD

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


def test_a_missing_page_for_the_public(client, db):
    response = client.get("/no/such/page/", **ENGLISH_BROWSER)
    page = response.content.decode()
    assert response.status_code == 404
    assert '<header class="site-header">' in page and "页面不存在" in page
    assert 'href="/"' in page and "返回首页" in page and "工作人员登录" in page
    assert "Not Found" not in page


def test_a_refused_page_says_why_in_chinese_with_a_way_back(client_for, fgw_liaison):
    response = client_for(fgw_liaison).get(reverse("plans:import"), **ENGLISH_BROWSER)
    page = response.content.decode()
    assert response.status_code == 403
    assert "您无权打开此页面或进行此项操作" in page and "联络员" in page
    assert "我的工作" in page and reverse("ledger:mine") in page  # the staff's way back
    assert "Forbidden" not in page


def test_a_services_refusal_is_shown_as_written(rf, fgw_liaison):
    from django.core.exceptions import PermissionDenied
    from django.utils.translation import gettext as _

    request = rf.get("/")
    request.user = fgw_liaison
    response = errors.permission_denied(request, PermissionDenied(_("Only the disclosure office maps unit names.")))
    assert response.status_code == 403 and "只有政务公开办公室可以" in response.content.decode()


def test_an_expired_form_is_explained_not_django_s_csrf_page(shenhe):
    client = Client(enforce_csrf_checks=True)
    client.post(reverse("login"), {"username": shenhe.username, "password": PASSWORD})  # no token: refused
    response = client.post(reverse("login"), {"username": shenhe.username, "password": PASSWORD})
    page = response.content.decode()
    assert response.status_code == 403 and "表单已过期" in page and "CSRF" not in page


def test_a_bad_request_and_a_server_error_are_chinese(rf, db):
    request = rf.get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    assert "无法处理该请求" in errors.bad_request(request).content.decode()
    crashed = errors.server_error(request)
    assert crashed.status_code == 500 and "系统出现错误" in crashed.content.decode() and 'href="/"' in crashed.content.decode()
