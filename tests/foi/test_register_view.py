"""Registering an application on the staff page: a unit for itself, the city-wide intake desk for every unit."""

import datetime
from unittest import mock

import pytest
from django.urls import reverse

from gongkai.foi.models import Application, Channel, Status
from gongkai.orgs.models import Role
from gongkai.orgs.services import create_person
from gongkai.workdays.services import ensure_package_years
from tests.foi.test_intake import APPLICANT

TODAY = datetime.date(2021, 9, 22)


@pytest.fixture(autouse=True)
def pinned(db):
    ensure_package_years(years=[2021, 2022])
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        yield


@pytest.fixture
def intake_desk(directory):
    return create_person(actor=None, username="12345", password="x" * 12,
                         memberships=[(directory["沈阳市人民政府办公室"], Role.INTAKE)])


def form_data(unit, **changes):
    return {"channel": Channel.IN_PERSON, "arrived_at": "2021-09-15T10:00", "target_unit": unit.pk,
            **APPLICANT, **changes}


def test_a_unit_registers_a_visit_and_the_clock_starts(client_for, shenhe, directory):
    response = client_for(shenhe).post(reverse("foi:register"), form_data(directory["沈河区人民政府"]))
    assert response.status_code == 200
    application = Application.objects.get()
    assert application.tracking_code in response.content.decode()
    assert (application.status, application.receipt_date, application.due_date) == (
        Status.IN_HANDLING, datetime.date(2021, 9, 15), datetime.date(2021, 10, 19))


def test_bad_input_is_named_and_nothing_is_saved(client_for, shenhe, directory):
    response = client_for(shenhe).post(reverse("foi:register"), form_data(
        directory["沈河区人民政府"], phone="", email="", address="", arrived_at="yesterday"))
    assert response.status_code == 400
    form = response.context["form"]
    assert "arrived_at" in form.errors and form.non_field_errors()
    assert not Application.objects.exists()


def test_a_unit_cannot_register_for_another(client_for, shenhe, directory):
    response = client_for(shenhe).post(reverse("foi:register"), form_data(directory["沈阳市发展和改革委员会"]))
    assert response.status_code == 403
    assert not Application.objects.exists()


def test_the_intake_desk_registers_for_any_unit_and_follows_it_on_its_work_list(client_for, intake_desk, directory,
                                                                                 shenhe):
    client = client_for(intake_desk)
    for name in ("沈河区人民政府", "沈阳市发展和改革委员会"):
        response = client.post(reverse("foi:register"), form_data(directory[name], channel=Channel.PLATFORM))
        assert response.status_code == 200, name
    registered = set(Application.objects.values_list("tracking_code", flat=True))
    work = client.get(reverse("foi:list")).context["work"]
    assert {application.tracking_code for application in work.waiting} == registered
    ours = Application.objects.get(handling_unit=directory["沈河区人民政府"])
    confirm = reverse("foi:confirm-receipt", args=[ours.pk])
    page = client.get(reverse("foi:detail", args=[ours.pk])).content.decode()
    assert APPLICANT["id_number"] not in page and confirm not in page  # masked, and no unit actions
    assert confirm in client_for(shenhe).get(reverse("foi:detail", args=[ours.pk])).content.decode()
