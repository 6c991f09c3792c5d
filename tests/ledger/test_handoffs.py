"""Each step of a progress report tells, at once and in the app, the people who now have to act — and nobody else."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from gongkai.ledger.models import Assignment
from gongkai.ledger.services import record_problem, submit_report, take_step
from gongkai.notifications.models import Kind, Notification
from gongkai.orgs.models import Membership, Role
from gongkai.orgs.services import create_person
from tests.conftest import PASSWORD
from tests.ledger.conftest import pdf_file


@pytest.fixture
def item1(ledger):
    """沈河区政府's assignment of item 1, led by 市发展改革委, 市自然资源局 and 市政府办公室."""
    return Assignment.objects.get(task__item__number="1", unit__name="沈河区人民政府")


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


def test_submitting_tells_the_units_reviewer_only(item1, shenhe, shenhe_reviewer, shenhe_liaison, fgw_liaison, office):
    report = submit_report(actor=shenhe, assignment=item1, text="已梳理规划目录", percent=40)
    assert list(told()) == ["shenhe-review"]  # not the handler, the liaison (a reviewer exists), the lead, the office
    note = Notification.objects.get(user=shenhe_reviewer)
    assert note.url == f"/ledger/assignments/{item1.pk}/#report-{report.pk}"
    assert "沈河区人民政府" in note.text and "1.1" in note.text and "40%" in note.text
    assert "签发" in note.text  # Chinese, and says what to do
    assert note.read_at is None
    assert mail.outbox == []  # e-mail waits for the daily digest


def test_a_unit_without_reviewer_hears_through_its_liaison(item1, shenhe, shenhe_liaison):
    submit_report(actor=shenhe, assignment=item1, text="进展", percent=10)
    assert list(told()) == ["shenhe-liaison"]


def test_a_completion_report_asks_to_check_the_evidence(item1, shenhe, shenhe_reviewer):
    submit_report(actor=shenhe, assignment=item1, text="完成", percent=100, is_final=True, files=[pdf_file()])
    assert "佐证材料" in told()["shenhe-review"][0]


def test_sign_off_tells_the_lead_units_acting_staff(item1, shenhe, shenhe_reviewer, fgw_liaison, zrzy_liaison,
                                                   outsider, office):
    report = submit_report(actor=shenhe, assignment=item1, text="进展", percent=40)
    take_step(actor=shenhe_reviewer, report=report, step="sign_off", comment="情况属实")
    signed = told(key=f"ledger-report:{report.pk}:sign_off")
    assert sorted(signed) == ["fgw", "zrzy"]  # the lead units' staff; the office only where no lead unit has staff
    assert "牵头单位" in signed["fgw"][0] and "40%" in signed["fgw"][0]


def test_sign_off_of_a_problem_tells_the_office(ledger, office, shenhe, shenhe_reviewer, fgw_liaison):
    """A problem's lead unit is the disclosure office itself: its administrators decide."""
    problem = record_problem(actor=office, plan=ledger, unit=shenhe.memberships.get().unit, title="解读不同步",
                             description="补发政策解读", source="online_check", found_on=datetime.date(2021, 9, 1),
                             due_date=datetime.date(2021, 9, 30))
    assignment = problem.task.assignments.get()
    report = submit_report(actor=shenhe, assignment=assignment, text="已补发", percent=50)
    take_step(actor=shenhe_reviewer, report=report, step="sign_off")
    assert list(told(key=f"ledger-report:{report.pk}:sign_off")) == ["office"]


def test_returns_tell_the_handler_with_the_comment(item1, shenhe, shenhe_reviewer, fgw_liaison, zrzy_liaison):
    first = submit_report(actor=shenhe, assignment=item1, text="进展", percent=10)
    take_step(actor=shenhe_reviewer, report=first, step="return_to_handler", comment="数据不准确。")
    back = told(key=f"ledger-report:{first.pk}:return_to_handler")
    assert list(back) == ["shenhe"] and "数据不准确" in back["shenhe"][0] and "。。" not in back["shenhe"][0]

    second = submit_report(actor=shenhe, assignment=item1, text="更正后的进展", percent=15)
    take_step(actor=shenhe_reviewer, report=second, step="sign_off")
    take_step(actor=fgw_liaison, report=second, step="return", comment="请补充公开网址")
    back = told(key=f"ledger-report:{second.pk}:return")
    assert list(back) == ["shenhe"] and "请补充公开网址" in back["shenhe"][0] and "退回" in back["shenhe"][0]


def test_accepting_tells_the_handler(item1, shenhe, shenhe_reviewer, fgw_liaison, zrzy_liaison):
    report = submit_report(actor=shenhe, assignment=item1, text="完成", percent=100, is_final=True, files=[pdf_file()])
    take_step(actor=shenhe_reviewer, report=report, step="sign_off")
    take_step(actor=fgw_liaison, report=report, step="accept")
    accepted = told(key=f"ledger-report:{report.pk}:accept")
    assert list(accepted) == ["shenhe"] and "已完成" in accepted["shenhe"][0]


def test_a_handler_who_left_is_replaced_by_the_units_handlers(item1, shenhe, shenhe_reviewer, fgw_liaison, directory):
    colleague = create_person(actor=None, username="shenhe-2", password=PASSWORD,
                              memberships=[(directory["沈河区人民政府"], Role.HANDLER)])
    report = submit_report(actor=shenhe, assignment=item1, text="进展", percent=10)
    take_step(actor=shenhe_reviewer, report=report, step="sign_off")
    Membership.objects.filter(user=shenhe).delete()
    take_step(actor=fgw_liaison, report=report, step="return", comment="请补充")
    assert list(told(key=f"ledger-report:{report.pk}:return")) == [colleague.username]


def test_every_step_tells_each_person_once(item1, shenhe, shenhe_reviewer, fgw_liaison, zrzy_liaison):
    report = submit_report(actor=shenhe, assignment=item1, text="进展", percent=10)
    take_step(actor=shenhe_reviewer, report=report, step="sign_off")
    take_step(actor=zrzy_liaison, report=report, step="accept")
    counts = {name: len(texts) for name, texts in told().items()}
    assert counts == {"shenhe-review": 1, "fgw": 1, "zrzy": 1, "shenhe": 1}
    assert Notification.objects.count() == 4


def test_a_refused_step_tells_nobody(item1, shenhe, shenhe_reviewer, fgw_liaison):
    report = submit_report(actor=shenhe, assignment=item1, text="进展", percent=10)
    take_step(actor=shenhe_reviewer, report=report, step="sign_off")
    before = Notification.objects.count()
    with pytest.raises(ValidationError):
        take_step(actor=fgw_liaison, report=report, step="return", comment="  ")
    with pytest.raises(ValidationError):
        submit_report(actor=shenhe, assignment=item1, text="又一份", percent=20)  # the first is still in review
    assert Notification.objects.count() == before


def test_a_step_settles_the_hand_over_it_answers(item1, shenhe, shenhe_reviewer, directory):
    second_reviewer = create_person(actor=None, username="shenhe-review-2", password=PASSWORD,
                                    memberships=[(directory["沈河区人民政府"], Role.REVIEWER)])
    report = submit_report(actor=shenhe, assignment=item1, text="进展", percent=10)
    take_step(actor=shenhe_reviewer, report=report, step="return_to_handler", comment="数据不准确")
    # The other reviewer is no longer asked to sign off a report that was dealt with.
    assert Notification.objects.get(user=second_reviewer).read_at is not None
    returned = Notification.objects.get(user=shenhe)
    assert returned.read_at is None
    submit_report(actor=shenhe, assignment=item1, text="更正后的进展", percent=15)
    returned.refresh_from_db()
    assert returned.read_at is not None  # reporting again answers the return
    assert Notification.objects.filter(user=second_reviewer, read_at__isnull=True).count() == 1  # the new report
