import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.events.models import Event
from gongkai.foi import services
from gongkai.foi.models import Application, Channel
from gongkai.orgs.models import Role
from gongkai.orgs.services import create_person
from gongkai.workdays.services import ensure_package_years
from tests.foi.test_intake import APPLICANT

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def application(directory, shenhe):
    ensure_package_years(years=[2026])
    created, _password = services.register(
        actor=shenhe, channel=Channel.IN_PERSON, arrived_at=datetime.datetime(2026, 3, 2, 10, tzinfo=SHANGHAI),
        target_unit=directory["沈河区人民政府"], fields=APPLICANT)
    return created


def test_assign_a_handler_of_the_unit(application, shenhe, fgw_liaison):
    services.assign_handler(actor=shenhe, application=application, handler=shenhe)
    assert Application.objects.get(pk=application.pk).handler == shenhe
    with pytest.raises(ValidationError):  # not a handler of 沈河区政府
        services.assign_handler(actor=shenhe, application=application, handler=fgw_liaison)


def test_transfer_with_reason_moves_visibility(application, shenhe, fgw_liaison, directory):
    with pytest.raises(ValidationError):
        services.transfer(actor=shenhe, application=application, unit=directory["沈阳市发展和改革委员会"], reason="")
    services.transfer(actor=shenhe, application=application, unit=directory["沈阳市发展和改革委员会"],
                      reason="所申请的规划文件由市发展改革委制作")
    assert Application.objects.visible_to(fgw_liaison).filter(pk=application.pk).exists()
    assert not Application.objects.visible_to(shenhe).filter(pk=application.pk).exists()
    event = Event.objects.about(application).get(verb="foi.transferred")
    assert event.data["reason"] == "所申请的规划文件由市发展改革委制作"


def test_stale_version_is_a_conflict(application, shenhe, directory):
    version = application.version
    services.assign_handler(actor=shenhe, application=application, handler=shenhe, expected_version=version)
    with pytest.raises(services.Conflict):
        services.transfer(actor=shenhe, application=application, unit=directory["沈阳市财政局"], reason="x",
                          expected_version=version)


def test_joint_handling_parts(application, shenhe, directory):
    finance = directory["沈阳市财政局"]
    finance_handler = create_person(actor=None, username="czj", password="x" * 12, memberships=[(finance, Role.HANDLER)])
    with pytest.raises(ValidationError):  # after the reply is due
        services.ask_part(actor=shenhe, application=application, unit=finance, question="资金拨付情况",
                          due_date=application.due_date + datetime.timedelta(days=1))
    part = services.ask_part(actor=shenhe, application=application, unit=finance, question="资金拨付情况",
                             due_date=datetime.date(2026, 3, 20))
    assert Application.objects.visible_to(finance_handler).filter(pk=application.pk).exists()
    with pytest.raises(PermissionDenied):
        services.answer_part(actor=shenhe, part=part, answer="x")
    services.answer_part(actor=finance_handler, part=part, answer="已拨付120万元，附拨付文件。")
    part.refresh_from_db()
    assert part.answered_at is not None
    with pytest.raises(ValidationError):
        services.answer_part(actor=finance_handler, part=part, answer="again")


def test_transfer_and_parts_through_the_page(client_for, application, shenhe, directory):
    from django.urls import reverse

    client = client_for(shenhe)
    page = client.get(reverse("foi:detail", args=[application.pk]))
    assert page.status_code == 200
    client.post(reverse("foi:ask-part", args=[application.pk]),
                {"part-unit": directory["沈阳市财政局"].pk, "part-question": "资金拨付情况", "part-due_date": "2026-03-20"})
    assert application.parts.count() == 1
    response = client.post(reverse("foi:transfer", args=[application.pk]),
                           {"transfer-version": 1, "transfer-unit": directory["沈阳市财政局"].pk,
                            "transfer-reason": "x"})  # stale version
    assert response.status_code == 302 and Application.objects.get(pk=application.pk).handling_unit.name == "沈河区人民政府"
    current = Application.objects.get(pk=application.pk).version
    client.post(reverse("foi:transfer", args=[application.pk]),
                {"transfer-version": current, "transfer-unit": directory["沈阳市财政局"].pk,
                 "transfer-reason": "由市财政局掌握"})
    assert Application.objects.get(pk=application.pk).handling_unit.name == "沈阳市财政局"


def test_assign_handler_through_the_page_and_light_counts(client_for, application, shenhe):
    from django.urls import reverse

    client = client_for(shenhe)
    client.post(reverse("foi:handler", args=[application.pk]), {"handler-version": application.version,
                                                              "handler-handler": shenhe.pk})
    assert Application.objects.get(pk=application.pk).handler == shenhe
    lights = client.get(reverse("foi:list")).context["work"].lights
    assert sum(lights.values()) == 1


def test_public_ratings_page_shows_no_personal_data(client, application, shenhe, shenhe_reviewer):
    from django.urls import reverse

    from gongkai.foi import deciding

    decision = deciding.draft_decision(actor=shenhe, application=application, closure_code="disclosed",
                                       reason_detail="provided", how_to_obtain="电子邮件发送")
    deciding.review_decision(actor=shenhe_reviewer, decision=decision, approve=True)
    deciding.serve(actor=shenhe, application=application, method="online", day=datetime.date(2026, 3, 10))
    deciding.rate(application=Application.objects.get(pk=application.pk), score=4, comment="答复清楚")
    page = client.get(reverse("foi:ratings")).content.decode()
    assert "答复清楚" in page and "4 / 5" in page
    for secret in (APPLICANT["name"], APPLICANT["id_number"], APPLICANT["phone"], application.tracking_code):
        assert secret not in page


def test_dashboards_show_the_applications_by_light(client_for, application, office, shenhe, directory):
    from unittest import mock

    from django.urls import reverse

    # Received 2026-03-02, due 2026-03-30 (20 working days); on 03-25 three working days are left.
    shenhe_unit = directory["沈河区人民政府"]
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2026, 3, 25)):
        city = client_for(office).get(reverse("supervision:city"))
        unit = client_for(shenhe).get(reverse("supervision:unit", args=[shenhe_unit.pk]))
    assert city.context["foi_lights"] == {"red": 0, "yellow": 1, "green": 0}
    assert unit.context["foi_lights"] == {"red": 0, "yellow": 1, "green": 0}
    # In the page body (not its <title>), each count opening the work list filtered by its light.
    for response, link in ((city, "/foi/?light=yellow"), (unit, f"/foi/?unit={shenhe_unit.pk}&amp;light=yellow")):
        page = response.content.decode()
        title = page[page.index("<title>"):page.index("</title>")]
        assert "light-counts" not in title
        assert f'href="{link}"' in page[page.index("<main"):]


def test_archiving_on_the_page_then_read_only(client_for, application, shenhe, shenhe_reviewer, outsider):
    from django.urls import reverse

    from gongkai.foi import deciding
    from gongkai.foi.models import Status

    url = reverse("foi:archive", args=[application.pk])
    client = client_for(shenhe)
    response = client.post(url, follow=True)  # not served yet: refused with the service's message
    assert Application.objects.get(pk=application.pk).status != Status.ARCHIVED
    assert [m.level_tag for m in response.context["messages"]] == ["error"]

    decision = deciding.draft_decision(actor=shenhe, application=application, closure_code="disclosed",
                                       reason_detail="provided", how_to_obtain="电子邮件发送")
    deciding.review_decision(actor=shenhe_reviewer, decision=decision, approve=True)
    deciding.serve(actor=shenhe, application=application, method="online", day=datetime.date(2026, 3, 10))
    assert client_for(outsider).post(url).status_code == 404
    response = client_for(shenhe).post(url, follow=True)
    assert Application.objects.get(pk=application.pk).status == Status.ARCHIVED
    assert [m.level_tag for m in response.context["messages"]] == ["success"]
