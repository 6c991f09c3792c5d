import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gongkai.events.models import Event
from gongkai.foi import services
from gongkai.foi.models import Application, Channel, PersonalDataView, Status
from gongkai.workdays.services import ensure_package_years

SHANGHAI = ZoneInfo("Asia/Shanghai")
APPLICANT = {
    "applicant_type": "natural_person", "name": "李明", "id_type": "resident_id", "id_number": "210102199001011234",
    "phone": "13812345678", "email": "liming@example.cn", "address": "沈阳市沈河区市府大路1号", "postcode": "110013",
    "description": "2021年沈河区老旧小区改造项目的招标文件和中标结果", "document_number": "", "purpose": "",
    "form": "electronic", "delivery": "online",
}


@pytest.fixture
def calendar(db):
    ensure_package_years(years=[2021, 2026])


@pytest.fixture
def shenhe_unit(directory):
    return directory["沈河区人民政府"]


def test_online_application_gets_code_and_password_and_waits_for_confirmation(shenhe_unit, calendar):
    application, password = services.submit_online(target_unit=shenhe_unit, fields=APPLICANT)
    assert application.status == Status.AWAITING_CONFIRMATION and application.receipt_date is None
    assert len(password) == 8 and password not in application.password_hash
    assert services.find_by_code(application.tracking_code, password) == application
    assert services.find_by_code(application.tracking_code.lower(), password.lower()) == application
    event = Event.objects.about(application).get()
    assert "李明" not in str(event.data) and "210102" not in str(event.data)  # no personal data in the log


def test_receipt_e_mail_carries_code_and_password_only(shenhe_unit, calendar, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        application, password = services.submit_online(target_unit=shenhe_unit, fields=APPLICANT)
    (message,) = mail.outbox
    assert message.to == ["liming@example.cn"]
    assert application.tracking_code in message.body and password in message.body
    assert "210102199001011234" not in message.body


def test_confirmation_starts_the_clock_rules_md_worked_example(shenhe_unit, shenhe, calendar):
    application, _ = services.submit_online(
        target_unit=shenhe_unit, fields=APPLICANT, now=datetime.datetime(2021, 9, 14, 22, 0, tzinfo=SHANGHAI))
    services.confirm_receipt(actor=shenhe, application=application, day=datetime.date(2021, 9, 15),
                             note="电话与申请人确认")
    application.refresh_from_db()
    # Receipt Wed 2021-09-15: the 20th working day after it, passing make-up days 9/18, 9/26, 10/9.
    assert application.due_date == datetime.date(2021, 10, 19)
    assert application.status == Status.IN_HANDLING


def test_in_person_and_signed_post_are_received_on_arrival(shenhe_unit, shenhe, calendar):
    arrived = datetime.datetime(2026, 9, 30, 15, 0, tzinfo=SHANGHAI)
    application, _ = services.register(actor=shenhe, channel=Channel.IN_PERSON, arrived_at=arrived,
                                       target_unit=shenhe_unit, fields=APPLICANT)
    assert application.receipt_date == datetime.date(2026, 9, 30)
    # 2026: 10/1–10/7 National Day; working days 10/8 (1), 10/9 (2), 10/10 make-up Saturday (3),
    # 10/12–16 (4–8), 10/19–23 (9–13), 10/26–30 (14–18), 11/2 (19), 11/3 (20).
    assert application.due_date == datetime.date(2026, 11, 3)


def test_ordinary_post_waits_for_confirmation(shenhe_unit, shenhe, calendar):
    application, _ = services.register(actor=shenhe, channel=Channel.POST_ORDINARY,
                                       arrived_at=datetime.datetime(2026, 3, 2, 9, tzinfo=SHANGHAI),
                                       target_unit=shenhe_unit, fields=APPLICANT)
    assert application.receipt_date is None
    with pytest.raises(ValidationError):
        services.confirm_receipt(actor=shenhe, application=application, day=datetime.date(2026, 3, 1), note="x")
    with pytest.raises(ValidationError):
        services.confirm_receipt(actor=shenhe, application=application, day=datetime.date(2026, 3, 2), note=" ")


def test_a_unit_registers_and_confirms_only_its_own(shenhe_unit, fgw_liaison, calendar):
    with pytest.raises(PermissionDenied):
        services.register(actor=fgw_liaison, channel=Channel.IN_PERSON,
                          arrived_at=datetime.datetime(2026, 3, 2, 9, tzinfo=SHANGHAI),
                          target_unit=shenhe_unit, fields=APPLICANT)
    application, _ = services.submit_online(target_unit=shenhe_unit, fields=APPLICANT)
    with pytest.raises(PermissionDenied):
        services.confirm_receipt(actor=fgw_liaison, application=application, day=datetime.date(2026, 3, 2), note="x")


def test_contact_is_required(shenhe_unit, calendar):
    with pytest.raises(ValidationError):
        services.submit_online(target_unit=shenhe_unit, fields={**APPLICANT, "phone": "", "email": "", "address": ""})
    assert not Application.objects.exists()


def test_public_form_then_status_lookup(client, shenhe_unit, calendar):
    response = client.post(reverse("foi:apply"), {**APPLICANT, "target_unit": shenhe_unit.pk})
    assert response.status_code == 200
    application = Application.objects.get()
    password = response.context["password"]
    assert application.tracking_code in response.content.decode()
    page = client.post(reverse("foi:status"), {"tracking_code": application.tracking_code, "password": password})
    html = page.content.decode()
    assert page.context["application"] == application
    for secret in ("李明", "210102199001011234", "13812345678", "liming@example.cn", "市府大路"):
        assert secret not in html


def test_wrong_password_and_unknown_code_get_the_same_answer(client, shenhe_unit, calendar):
    application, password = services.submit_online(target_unit=shenhe_unit, fields=APPLICANT)
    wrong = client.post(reverse("foi:status"), {"tracking_code": application.tracking_code, "password": "WRONG234"})
    unknown = client.post(reverse("foi:status"), {"tracking_code": "2026-ZZZZZZZZ", "password": password})
    assert wrong.context["not_found"] and unknown.context["not_found"]
    def page(response):  # the same page but for the CSRF token and the code typed in
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
        return html.replace(application.tracking_code, "CODE").replace("2026-ZZZZZZZZ", "CODE")

    assert page(wrong) == page(unknown)


def test_public_form_errors_keep_input(client, shenhe_unit, calendar):
    response = client.post(reverse("foi:apply"), {**APPLICANT, "target_unit": shenhe_unit.pk, "phone": "",
                                                  "email": "", "address": ""})
    assert response.status_code == 400 and "2021年沈河区老旧小区改造项目" in response.content.decode()
    assert not Application.objects.exists()


def test_staff_see_masked_data_and_full_data_is_logged(client_for, shenhe, shenhe_unit, outsider, calendar):
    application, _ = services.submit_online(target_unit=shenhe_unit, fields=APPLICANT)
    client = client_for(shenhe)
    page = client.get(reverse("foi:detail", args=[application.pk])).content.decode()
    assert "210102199001011234" not in page and "210***********1234" in page
    assert "13812345678" not in page and "138****5678" in page
    full = client.post(reverse("foi:personal-data", args=[application.pk]))
    assert "210102199001011234" in full.content.decode() and full["Cache-Control"] == "no-store"
    assert PersonalDataView.objects.get().user == shenhe
    other = client_for(outsider)
    assert other.get(reverse("foi:detail", args=[application.pk])).status_code == 404
    assert other.post(reverse("foi:personal-data", args=[application.pk])).status_code == 404


def test_work_list_lights(client_for, shenhe, shenhe_unit, calendar):
    from unittest import mock

    application, _ = services.register(actor=shenhe, channel=Channel.IN_PERSON,
                                       arrived_at=datetime.datetime(2026, 9, 30, 15, tzinfo=SHANGHAI),
                                       target_unit=shenhe_unit, fields=APPLICANT)
    client = client_for(shenhe)
    # Due 2026-11-03: on 10-26 six working days are left (green), on 10-27 five (yellow).
    for today, colour in ((datetime.date(2026, 10, 26), "green"), (datetime.date(2026, 10, 27), "yellow"),
                          (datetime.date(2026, 11, 3), "yellow"), (datetime.date(2026, 11, 4), "red")):
        with mock.patch("django.utils.timezone.localdate", return_value=today):
            rows = client.get(reverse("foi:list")).context["work"].rows
        assert [(row[0], row[1]) for row in rows] == [(application, colour)], today
