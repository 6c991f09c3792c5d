"""The FOI steps that hand an application to someone tell them at once, in the app — never the person
acting, never with the applicant's personal data."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from gongkai.foi import deciding, services
from gongkai.foi.models import Channel
from gongkai.foi.outcomes import ClosureCode
from gongkai.notifications.models import Kind, Notification
from gongkai.orgs.models import Role
from gongkai.orgs.services import create_person
from gongkai.workdays.services import ensure_package_years
from tests.conftest import PASSWORD
from tests.foi.test_intake import APPLICANT

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def application(directory, shenhe):
    ensure_package_years(years=[2026])
    created, _password = services.register(
        actor=shenhe, channel=Channel.IN_PERSON, arrived_at=datetime.datetime(2026, 3, 2, 10, tzinfo=SHANGHAI),
        target_unit=directory["沈河区人民政府"], fields=APPLICANT)
    return created


@pytest.fixture
def shenhe_liaison(directory):
    return create_person(actor=None, username="shenhe-liaison", password=PASSWORD,
                         memberships=[(directory["沈河区人民政府"], Role.LIAISON)])


def told(**filters):
    """{username: [text]} of the hand-over notifications written so far."""
    result = {}
    for username, text in Notification.objects.filter(kind=Kind.HANDOFF, **filters).order_by("id").values_list(
            "user__username", "text"):
        result.setdefault(username, []).append(text)
    return result


def draft(application, actor):
    return deciding.draft_decision(
        actor=actor, application=application, closure_code=ClosureCode.PARTIAL, reasons="涉及第三方商业秘密的部分不予公开。",
        grounds=["art15"], how_to_obtain="通过电子邮件发送可公开部分。")


def test_assigning_tells_the_handler(application, shenhe, shenhe_liaison):
    services.assign_handler(actor=shenhe_liaison, application=application, handler=shenhe)
    note = Notification.objects.get(kind=Kind.HANDOFF)
    assert note.user == shenhe and note.url == f"/foi/{application.pk}/"
    assert application.tracking_code in note.text and "指定由您办理" in note.text
    assert application.due_date.isoformat() in note.text
    assert mail.outbox == []


def test_assigning_oneself_tells_nobody(application, shenhe):
    services.assign_handler(actor=shenhe, application=application, handler=shenhe)
    assert told() == {}


def test_a_draft_asks_the_reviewer_never_the_drafter(application, shenhe, shenhe_reviewer, shenhe_liaison):
    decision = draft(application, shenhe)
    assert list(told()) == ["shenhe-review"]  # not the drafter; not the liaison while there is a reviewer
    assert "请审核" in told()["shenhe-review"][0]
    assert Notification.objects.get(kind=Kind.HANDOFF).url == f"/foi/{application.pk}/"
    assert decision.drafted_by == shenhe


def test_a_liaison_drafting_in_a_unit_without_reviewer_is_not_asked_to_approve_it(application, shenhe_liaison,
                                                                                  office):
    draft(application, shenhe_liaison)
    assert list(told()) == ["office"]  # nobody else in the unit may approve it: the office hears


def test_the_review_tells_the_drafter(application, shenhe, shenhe_reviewer):
    returned = draft(application, shenhe)
    deciding.review_decision(actor=shenhe_reviewer, decision=returned, approve=False, comment="告知书缺少救济途径。")
    back = told(user=shenhe)
    assert len(back) == 1 and "告知书缺少救济途径" in back["shenhe"][0] and "。。" not in back["shenhe"][0]
    approved = draft(application, shenhe)
    deciding.review_decision(actor=shenhe_reviewer, decision=approved, approve=True)
    texts = told(user=shenhe)["shenhe"]
    assert len(texts) == 2 and "送达" in texts[1]
    # Each review settled the request to approve, and the new draft the return.
    assert not Notification.objects.filter(kind=Kind.HANDOFF, read_at__isnull=True).exclude(
        key=f"foi-approved:{application.pk}:{approved.pk}").exists()


def test_a_transfer_tells_the_receiving_unit(application, shenhe, fgw_liaison, directory):
    fgw_handler = create_person(actor=None, username="fgw-handler", password=PASSWORD,
                                memberships=[(directory["沈阳市发展和改革委员会"], Role.HANDLER)])
    services.transfer(actor=shenhe, application=application, unit=directory["沈阳市发展和改革委员会"],
                      reason="所申请的规划文件由市发展改革委制作")
    received = told()
    assert sorted(received) == ["fgw", "fgw-handler"]
    assert "沈河区人民政府" in received["fgw"][0] and "请指定经办人" in received["fgw"][0]
    services.assign_handler(actor=fgw_liaison, application=application, handler=fgw_handler)
    # The transfer is answered: nobody is asked any more to assign a handler.
    assert list(told(read_at__isnull=True)) == ["fgw-handler"]
    assert "指定由您办理" in told(read_at__isnull=True)["fgw-handler"][0]


def test_a_part_asked_tells_the_asked_unit(application, shenhe, directory):
    finance = directory["沈阳市财政局"]
    finance_handler = create_person(actor=None, username="czj", password=PASSWORD, memberships=[(finance, Role.HANDLER)])
    services.ask_part(actor=shenhe, application=application, unit=finance, question="资金拨付情况",
                      due_date=datetime.date(2026, 3, 20))
    note = Notification.objects.get(kind=Kind.HANDOFF)
    assert note.user == finance_handler and "2026-03-20" in note.text and "沈阳市财政局" in note.text


def test_no_personal_data_in_any_hand_over(application, shenhe, shenhe_reviewer, shenhe_liaison, directory):
    services.assign_handler(actor=shenhe_liaison, application=application, handler=shenhe)
    deciding.review_decision(actor=shenhe_reviewer, decision=draft(application, shenhe), approve=True)
    texts = " ".join(Notification.objects.values_list("text", flat=True))
    assert texts
    for field in ("name", "id_number", "phone", "address", "email"):
        if APPLICANT.get(field):
            assert APPLICANT[field] not in texts


def test_an_answered_part_tells_the_handler_and_settles_the_request(application, shenhe, shenhe_liaison, directory):
    finance = directory["沈阳市财政局"]
    finance_handler = create_person(actor=None, username="czj", password=PASSWORD, memberships=[(finance, Role.HANDLER)])
    services.assign_handler(actor=shenhe_liaison, application=application, handler=shenhe)
    part = services.ask_part(actor=shenhe, application=application, unit=finance, question="资金拨付情况",
                             due_date=datetime.date(2026, 3, 20))
    services.answer_part(actor=finance_handler, part=part, answer="已拨付120万元。")
    assert Notification.objects.get(user=finance_handler).read_at is not None  # nothing left to answer
    answered = told(user=shenhe, key=f"foi-part-answered:{application.pk}:{part.pk}")
    assert "沈阳市财政局已答复" in answered["shenhe"][0]
