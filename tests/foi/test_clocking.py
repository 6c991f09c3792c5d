import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gongkai.foi import clocking, services
from gongkai.foi.models import Application, Channel, Status
from gongkai.workdays.services import ensure_package_years
from tests.foi.test_intake import APPLICANT

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def application(directory, shenhe):
    """Received in person on Wed 2021-09-15: due 2021-10-19 (rules.md §1.3)."""
    ensure_package_years()  # 2019–2026: the clock counts up to today
    created, _password = services.register(
        actor=shenhe, channel=Channel.IN_PERSON, arrived_at=datetime.datetime(2021, 9, 15, 10, tzinfo=SHANGHAI),
        target_unit=directory["沈河区人民政府"], fields=APPLICANT)
    assert created.due_date == datetime.date(2021, 10, 19)
    return created


def test_correction_pauses_then_restarts_the_period(application, shenhe):
    state = clocking.record_step(actor=shenhe, application=application, kind="correction_requested",
                                 day=datetime.date(2021, 9, 17), value=datetime.date(2021, 9, 17))
    assert state.paused and Application.objects.get(pk=application.pk).status == Status.AWAITING_CORRECTION
    clocking.record_step(actor=shenhe, application=application, kind="correction_received",
                         day=datetime.date(2021, 9, 28))
    application.refresh_from_db()
    # 20 new working days from the day after 9/28: 9/29 (1), 9/30 (2), 10/8 (3), 10/9 make-up Sat (4),
    # 10/11–15 (5–9), 10/18–22 (10–14), 10/25–29 (15–19), 11/1 (20).
    assert (application.status, application.due_date) == (Status.IN_HANDLING, datetime.date(2021, 11, 1))


def test_a_second_correction_notice_is_refused(application, shenhe):
    clocking.record_step(actor=shenhe, application=application, kind="correction_requested",
                         day=datetime.date(2021, 9, 17))
    clocking.record_step(actor=shenhe, application=application, kind="correction_received",
                         day=datetime.date(2021, 9, 22))
    with pytest.raises(ValidationError):
        clocking.record_step(actor=shenhe, application=application, kind="correction_requested",
                             day=datetime.date(2021, 9, 24))
    assert application.clock_events.filter(kind="correction_requested").count() == 1


def test_only_the_office_approves_an_extension(application, shenhe, office):
    with pytest.raises(PermissionDenied):
        clocking.record_step(actor=shenhe, application=application, kind="extended", day=datetime.date(2021, 10, 15),
                             value=20)
    clocking.record_step(actor=office, application=application, kind="extended", day=datetime.date(2021, 10, 15),
                         value=20, note="涉及多个部门，需延期答复")
    application.refresh_from_db()
    # 20 more working days after 10/19: 10/20–22 (3), 10/25–29 (8), 11/1–5 (13), 11/8–12 (18), 11/15–16 (20).
    assert application.due_date == datetime.date(2021, 11, 16)


def test_the_page_shows_the_explanation_and_records_a_step(client_for, application, shenhe):
    client = client_for(shenhe)
    page = client.get(reverse("foi:detail", args=[application.pk]))
    assert page.context["clock"].due == datetime.date(2021, 10, 19) and page.context["clock"].explanation
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2021, 9, 23)):
        client.post(reverse("foi:clock-step", args=[application.pk]), {
            "clock-kind": "consultation_sent", "clock-day": "2021-09-22", "clock-received_on": "2021-09-23",
            "clock-ref": "第三方A", "clock-note": ""})
    assert Application.objects.get(pk=application.pk).status == Status.CONSULTING
    response = client.post(reverse("foi:clock-step", args=[application.pk]), {"clock-kind": "extended", "clock-day": "x"})
    assert response.status_code == 302  # a message, not a 500


def test_confirming_into_an_unloaded_year_is_a_message_not_a_500(client_for, directory, shenhe):
    created, _password = services.submit_online(target_unit=directory["沈河区人民政府"], fields=APPLICANT)
    response = client_for(shenhe).post(reverse("foi:confirm-receipt", args=[created.pk]),
                                       {"day": "2027-01-04", "note": "电话确认"})
    assert response.status_code == 400 and "2027" in response.content.decode()
    assert Application.objects.get(pk=created.pk).receipt_date is None
