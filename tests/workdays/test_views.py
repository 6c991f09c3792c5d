"""The calculator and the calendar page as staff use them."""

import pytest
from django.urls import reverse

from gongkai.workdays.models import CalendarYear


@pytest.fixture
def login(client):
    def as_user(user):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return as_user


def test_anonymous_is_sent_to_login(client, db):
    for name in ("workdays:calculator", "workdays:manage"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_calculator_shows_result_and_skipped_days(calendar_2021_2026, handler, login):
    client = login(handler)
    page = client.get(reverse("workdays:calculator")).content.decode()
    assert 'name="start"' in page
    response = client.get(reverse("workdays:calculator"), {"start": "2021-09-15", "n": "20", "count_from": "next_day"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-result="2021-10-19"' in page
    assert "国庆节" in page and "中秋节" in page and "国庆节调休" in page
    same_day = client.get(reverse("workdays:calculator"), {"start": "2021-09-15", "n": "20", "count_from": "same_day"})
    assert 'data-result="2021-10-18"' in same_day.content.decode()


@pytest.mark.parametrize("params", [
    {"start": "2021-02-30", "n": "20", "count_from": "next_day"},
    {"start": "2021-09-15", "n": "-3", "count_from": "next_day"},
    {"start": "2021-09-15", "n": "20", "count_from": "sometime"},
    {"start": "2021-09-15", "n": "lots"},
])
def test_calculator_bad_input_is_a_form_error(calendar_2021_2026, handler, login, params):
    response = login(handler).get(reverse("workdays:calculator"), params)
    assert response.status_code == 200
    assert "data-result" not in response.content.decode()
    assert response.context["form"].errors


def test_calculator_names_the_missing_year(calendar_2021_2026, handler, login):
    response = login(handler).get(reverse("workdays:calculator"), {"start": "2026-12-20", "n": "20", "count_from": "next_day"})
    assert response.status_code == 200
    assert "2027" in response.content.decode() and "data-result" not in response.content.decode()


def test_only_office_administrators_manage_the_calendar(db, handler, login):
    assert login(handler).get(reverse("workdays:manage")).status_code == 403
    assert login(handler).post(reverse("workdays:manage"), {"action": "package", "package-year": "2021"}).status_code == 403
    assert not CalendarYear.objects.exists()


def test_administrator_loads_a_package_year(db, calendar_admin, login):
    client = login(calendar_admin)
    response = client.post(reverse("workdays:manage"), {"action": "package", "package-year": "2021"})
    assert response.status_code == 302
    assert CalendarYear.objects.get(year=2021).loaded_by == calendar_admin
    page = client.get(reverse("workdays:manage")).content.decode()
    assert "国办发明电〔2020〕27号" in page
    again = client.post(reverse("workdays:manage"), {"action": "package", "package-year": "2021"})
    assert again.status_code == 200 and again.context["package_form"].non_field_errors()
    replaced = client.post(reverse("workdays:manage"), {"action": "package", "package-year": "2021", "package-replace": "on"})
    assert replaced.status_code == 302


def test_administrator_pastes_a_notice(calendar_2021_2026, calendar_admin, login):
    client = login(calendar_admin)
    form = {"action": "notice", "notice-year": "2027", "notice-notice": "国办发明电〔2026〕99号",
            "notice-text": "2027-01-01~2027-01-03,holiday,元旦\n2027-02-06,workday,春节调休"}
    bad = client.post(reverse("workdays:manage"), {**form, "notice-text": "2027-01-04,workday,x\nnonsense"})
    assert bad.status_code == 200 and bad.context["notice_form"].errors
    assert not CalendarYear.objects.filter(year=2027).exists()
    wrong_day = client.post(reverse("workdays:manage"), {**form, "notice-text": "2027-01-04,workday,x\n2027-01-01,holiday,元旦"})
    assert wrong_day.status_code == 200 and "2027-01-04" in wrong_day.content.decode()
    assert client.post(reverse("workdays:manage"), form).status_code == 302
    assert CalendarYear.objects.get(year=2027).special_days.count() == 4
    result = client.get(reverse("workdays:calculator"), {"start": "2026-12-31", "n": "1", "count_from": "next_day"})
    assert 'data-result="2027-01-04"' in result.content.decode()
