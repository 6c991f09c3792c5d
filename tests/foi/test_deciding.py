import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gongkai.foi import clocking, deciding, services
from gongkai.foi.models import Application, Channel, Status
from gongkai.foi.outcomes import ClosureCode, row_for
from gongkai.workdays.services import ensure_package_years
from tests.foi.test_intake import APPLICANT

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def application(directory, shenhe):
    ensure_package_years()
    created, _password = services.register(
        actor=shenhe, channel=Channel.IN_PERSON, arrived_at=datetime.datetime(2021, 9, 15, 10, tzinfo=SHANGHAI),
        target_unit=directory["沈河区人民政府"], fields=APPLICANT)
    return created


def partial(application, actor):
    return deciding.draft_decision(
        actor=actor, application=application, closure_code=ClosureCode.PARTIAL, reasons="涉及第三方商业秘密的部分不予公开。",
        grounds=["art15"], how_to_obtain="通过电子邮件发送可公开部分。")


def test_partial_disclosure_approved_served_counts_in_its_row(application, shenhe, shenhe_reviewer):
    decision = partial(application, shenhe)
    assert Application.objects.get(pk=application.pk).status == Status.AWAITING_APPROVAL
    deciding.review_decision(actor=shenhe_reviewer, decision=decision, approve=True)
    state = deciding.serve(actor=shenhe, application=application, method="post", day=datetime.date(2021, 10, 19),
                           postal_tracking="1190012345678")
    application.refresh_from_db()
    assert (application.status, application.closure_code) == (Status.SERVED, ClosureCode.PARTIAL)
    assert state.late is False  # handed to the post on the last day is in time
    assert row_for(application.closure_code).block.startswith("（二）部分公开")


def test_served_after_the_due_date_is_late(application, shenhe, shenhe_reviewer):
    deciding.review_decision(actor=shenhe_reviewer, decision=partial(application, shenhe), approve=True)
    state = deciding.serve(actor=shenhe, application=application, method="online", day=datetime.date(2021, 10, 20))
    assert state.late is True


def test_refusals_need_reasons_and_grounds(application, shenhe):
    with pytest.raises(ValidationError):
        deciding.draft_decision(actor=shenhe, application=application, closure_code=ClosureCode.WITHHELD_PROCESS)
    with pytest.raises(ValidationError):  # 无法提供 needs its detail
        deciding.draft_decision(actor=shenhe, application=application, closure_code=ClosureCode.UNAVAILABLE_NOT_HELD,
                                reasons="经检索未找到", grounds=["art36_4"])


def test_the_drafter_cannot_approve_and_two_reviewers_conflict(application, shenhe, shenhe_reviewer, office):
    decision = partial(application, shenhe)
    with pytest.raises(PermissionDenied):
        deciding.review_decision(actor=shenhe, decision=decision, approve=True)
    stale = type(decision).objects.get(pk=decision.pk)
    deciding.review_decision(actor=shenhe_reviewer, decision=decision, approve=True)
    with pytest.raises(deciding.Conflict):
        deciding.review_decision(actor=office, decision=stale, approve=False, comment="理由不充分")


def test_post_needs_a_tracking_number(application, shenhe, shenhe_reviewer):
    deciding.review_decision(actor=shenhe_reviewer, decision=partial(application, shenhe), approve=True)
    with pytest.raises(ValidationError):
        deciding.serve(actor=shenhe, application=application, method="post", day=datetime.date(2021, 10, 18))


def test_no_correction_in_time_closes_as_other_row_1(application, shenhe):
    clocking.record_step(actor=shenhe, application=application, kind="correction_requested",
                         day=datetime.date(2021, 9, 17), value=datetime.date(2021, 9, 17))
    with pytest.raises(ValidationError):  # the 15 working days for the correction are not over
        deciding.close_abandoned(actor=shenhe, application=application, today=datetime.date(2021, 9, 30))
    deciding.close_abandoned(actor=shenhe, application=application, today=datetime.date(2021, 11, 1))
    application.refresh_from_db()
    assert (application.status, application.closure_code) == (Status.CLOSED, ClosureCode.OTHER_NO_CORRECTION)
    assert row_for(application.closure_code).row_label_zh.startswith("1.申请人无正当理由逾期不补正")


def test_archive_is_read_only_until_the_office_reopens(application, shenhe, shenhe_reviewer, office):
    deciding.review_decision(actor=shenhe_reviewer, decision=partial(application, shenhe), approve=True)
    deciding.serve(actor=shenhe, application=application, method="online", day=datetime.date(2021, 10, 18))
    deciding.archive(actor=shenhe, application=application)
    with pytest.raises(ValidationError):
        deciding.archive(actor=shenhe, application=application)
    with pytest.raises(PermissionDenied):
        deciding.reopen_archive(actor=shenhe, application=application, reason="补充材料")
    deciding.reopen_archive(actor=office, application=application, reason="复议机关要求补充卷宗")
    assert Application.objects.get(pk=application.pk).status == Status.SERVED


def test_rating_and_remedy_case(application, shenhe, shenhe_reviewer):
    with pytest.raises(ValidationError):
        deciding.rate(application=application, score=5)
    deciding.review_decision(actor=shenhe_reviewer, decision=partial(application, shenhe), approve=True)
    deciding.serve(actor=shenhe, application=application, method="online", day=datetime.date(2021, 10, 18))
    application.refresh_from_db()
    rating = deciding.rate(application=application, score=2, comment="答复太慢")
    with pytest.raises(ValidationError):
        deciding.rate(application=application, score=5)
    deciding.answer_rating(actor=shenhe, rating=rating, answer="已改进流程")
    with pytest.raises(ValidationError):
        deciding.rate(application=Application.objects.get(pk=application.pk), score=9)
    case = deciding.record_remedy(actor=shenhe, application=application, kind="reconsideration",
                                  filed_on=datetime.date(2021, 11, 1))
    assert case.result == "pending"
    with pytest.raises(ValidationError):
        deciding.record_remedy(actor=shenhe, application=application, kind="litigation_direct",
                               filed_on=datetime.date(2021, 11, 1), result="upheld")


def test_fee_notice_pauses_and_the_notice_letter_names_the_amount(application, shenhe, client_for):
    import io

    from docx import Document

    from gongkai.foi import charging

    with pytest.raises(ValidationError):  # the 10th application in a month is free
        charging.send_fee_notice(actor=shenhe, application=application, method="per_item", quantity=10,
                                 day=datetime.date(2021, 9, 22))
    quote, state = charging.send_fee_notice(actor=shenhe, application=application, method="per_page", quantity=250,
                                            day=datetime.date(2021, 9, 22))
    application.refresh_from_db()
    assert (application.fee_amount, application.status) == (4700, Status.AWAITING_PAYMENT)
    event = application.clock_events.get(kind="fee_notice_sent")
    response = client_for(shenhe).get(reverse("foi:notice", args=[application.pk, event.pk, "docx"]))
    assert response.status_code == 200, [str(m) for m in response.wsgi_request._messages]
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "4700" in text.replace(",", "") and "测试" not in text[:0]


def test_letter_is_editable_until_approved(application, shenhe, shenhe_reviewer, client_for):
    import io

    from docx import Document

    decision = partial(application, shenhe)
    client = client_for(shenhe)
    url = reverse("foi:letter-edit", args=[application.pk, decision.pk])
    generated = client.get(url).context["form"].initial["body"]
    assert "商业秘密" in generated
    client.post(url, {"body": generated + "\n特此告知。经办人联系电话：024-00000000。"})
    docx = client.get(reverse("foi:letter", args=[application.pk, decision.pk, "docx"])).content
    assert "经办人联系电话：024-00000000" in "\n".join(p.text for p in Document(io.BytesIO(docx)).paragraphs)
    deciding.review_decision(actor=shenhe_reviewer, decision=decision, approve=True)
    assert client.post(url, {"body": "改动"}).status_code == 400  # approved letters are final
