import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from gongkai.portal.checks import production_settings
from gongkai.portal.management.commands.serve import listen_addresses
from tests.conftest import PASSWORD


def test_serves_ipv6_and_ipv4_from_one_dual_stack_socket(tmp_path):
    (tmp_path / "bindv6only").write_text("0\n")
    assert listen_addresses(8000, ipv6=tmp_path) == ["[::]:8000"]


def test_separate_ipv4_socket_when_ipv6_sockets_are_v6_only(tmp_path):
    (tmp_path / "bindv6only").write_text("1\n")
    assert listen_addresses(8000, ipv6=tmp_path) == ["[::]:8000", "0.0.0.0:8000"]


def test_ipv4_only_when_the_kernel_has_no_ipv6(tmp_path):
    assert listen_addresses(8000, ipv6=tmp_path / "missing") == ["0.0.0.0:8000"]


def test_login_is_throttled_after_five_failures(client, shenhe):
    for _ in range(5):
        client.post(reverse("login"), {"username": "shenhe", "password": "wrong"})
    locked = client.post(reverse("login"), {"username": "shenhe", "password": PASSWORD})
    assert locked.status_code == 429
    assert "15" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_works_with_the_right_password(client, shenhe):
    response = client.post(reverse("login"), {"username": "shenhe", "password": PASSWORD})
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(shenhe.pk)


@pytest.fixture
def deployment_hashers(settings):
    """The deployment's password hashers, not the quick one the other tests use (tests/conftest.py)."""
    from tests.conftest import DEPLOYMENT_HASHERS

    settings.PASSWORD_HASHERS = DEPLOYMENT_HASHERS


def test_passwords_are_hashed(deployment_hashers, shenhe):
    assert shenhe.password.startswith(("pbkdf2_", "argon2", "bcrypt", "scrypt"))
    assert PASSWORD not in shenhe.password


def test_production_refuses_the_development_key(settings):
    settings.PRODUCTION = True
    settings.DEBUG = True
    ids = {error.id for error in production_settings(None)}
    assert ids == {"gongkai.E001", "gongkai.E002"}
    settings.DEBUG = False
    settings.SECRET_KEY = "x" * 50
    assert production_settings(None) == []


def test_health_check(client, db):
    assert client.get("/healthz").content == b"ok"


def test_public_home_and_404_page_are_chinese(client, db):
    assert "工作人员登录" in client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN").content.decode()
    response = client.get("/no/such/page/", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert response.status_code == 404 and "页面不存在" in response.content.decode()


@override_settings(LANGUAGE_CODE="zh-hans")
def test_demo_loads_and_prints_logins(db, capsys):
    call_command("demo")
    out = capsys.readouterr().out
    assert "office" in out and "shenhe" in out
    from gongkai.ledger.models import Assignment, AssignmentState
    from gongkai.plans.models import Plan

    counts = {state: Assignment.objects.filter(state=state).count() for state in AssignmentState.values}
    call_command("demo")  # idempotent: the same plans, nothing added
    assert Plan.objects.count() == 2
    assert Plan.objects.get(year=2021).items.count() == 28
    # The current-year ledger has a realistic mix: completed, late, returned, on track, not started.
    assert all(counts[state] > 0 for state in AssignmentState.values)
    assert {state: Assignment.objects.filter(state=state).count() for state in AssignmentState.values} == counts


def test_office_sees_a_banner_when_next_years_calendar_is_missing(client_for, office, shenhe):
    import datetime
    from unittest import mock

    from gongkai.workdays.services import ensure_package_years

    ensure_package_years(years=[2026])
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2026, 11, 2)):
        page = client_for(office).get("/plans/", HTTP_ACCEPT_LANGUAGE="zh-CN").content.decode()
        assert "2027" in page and reverse("workdays:manage") in page
        client_for(None).logout()
        assert reverse("workdays:manage") not in client_for(shenhe).get("/plans/").content.decode()
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2026, 10, 30)):
        assert reverse("workdays:manage") not in client_for(office).get("/plans/").content.decode()
