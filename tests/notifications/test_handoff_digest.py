"""Hand-overs are in the app at once and in the next daily digest e-mail, each once; the digest is
still one e-mail a day, and its in-app line never repeats a hand-over.

2021-10-11 (Monday) and 2021-10-12 are working days; item 1 (due 2021-09-30) is overdue by then.
"""

import datetime

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from gongkai.ledger.models import Assignment
from gongkai.ledger.services import generate_assignments, submit_report, take_step
from gongkai.notifications.models import Kind, Notification
from gongkai.notifications.services import mark_read
from gongkai.orgs.models import Role
from gongkai.orgs.services import create_person
from gongkai.supervision.tick import run_tick
from gongkai.workdays.services import ensure_package_years
from tests.conftest import PASSWORD
from tests.supervision.conftest import at

D = datetime.date
HANDED = "交给您的工作"


@pytest.fixture
def item1(sample_plan, office):
    ensure_package_years(actor=None, years=[2021, 2022])
    generate_assignments(actor=office, plan=sample_plan, started_on=D(2021, 7, 5))
    return Assignment.objects.get(task__item__number="1", unit__name="沈河区人民政府")


@pytest.fixture
def reviewer_mail(directory):
    """沈河区政府's reviewer, with an address: reviewers hear of nothing in the digest but what is handed to them."""
    return create_person(actor=None, username="reviewer-mail", password=PASSWORD, email="reviewer@shenhe.example",
                         memberships=[(directory["沈河区人民政府"], Role.REVIEWER)])


@pytest.fixture
def handler_mail(directory):
    return create_person(actor=None, username="handler-mail", password=PASSWORD, email="handler@shenhe.example",
                         memberships=[(directory["沈河区人民政府"], Role.HANDLER)])


def tick(day, hour=8, **kwargs):
    with at(day, hour):
        return run_tick(today=day, **kwargs)


def mails_to(address):
    return [m for m in mail.outbox if address in m.to]


def test_a_hand_over_is_emailed_once_in_the_next_digest(item1, shenhe, reviewer_mail):
    with at(D(2021, 10, 11), 10):
        report = submit_report(actor=shenhe, assignment=item1, text="已梳理规划目录", percent=40)
    assert mail.outbox == []  # in the app now, not by e-mail
    assert Notification.objects.filter(user=reviewer_mail, kind=Kind.HANDOFF).count() == 1

    tick(D(2021, 10, 12))
    [message] = mails_to("reviewer@shenhe.example")
    assert f"{HANDED}（1）" in message.body and "沈河区人民政府报送了任务1.1" in message.body
    assert f"http://localhost:8000/ledger/assignments/{item1.pk}/#report-{report.pk}" in message.body
    assert not Notification.objects.filter(user=reviewer_mail, kind=Kind.DIGEST).exists()  # the app has it already

    tick(D(2021, 10, 12), hour=15)  # the same day again: nothing more
    tick(D(2021, 10, 13))  # the next day: still unread, but e-mailed already
    assert len(mails_to("reviewer@shenhe.example")) == 1
    assert Notification.objects.filter(user=reviewer_mail).count() == 1


def test_a_hand_over_read_in_the_app_is_not_emailed(item1, shenhe, reviewer_mail):
    with at(D(2021, 10, 11), 10):
        submit_report(actor=shenhe, assignment=item1, text="进展", percent=40)
        mark_read(actor=reviewer_mail)
    tick(D(2021, 10, 12))
    assert mails_to("reviewer@shenhe.example") == []


def test_a_settled_hand_over_is_not_emailed(item1, shenhe, shenhe_reviewer, reviewer_mail):
    """Two reviewers are asked; one signs off: the other's request is settled, so no e-mail asks them."""
    with at(D(2021, 10, 11), 10):
        report = submit_report(actor=shenhe, assignment=item1, text="进展", percent=40)
        take_step(actor=shenhe_reviewer, report=report, step="sign_off")
    assert Notification.objects.get(user=reviewer_mail).read_at is not None
    tick(D(2021, 10, 12))
    assert mails_to("reviewer@shenhe.example") == []


def test_the_handlers_one_digest_carries_the_return_and_the_units_matters(item1, handler_mail, shenhe_reviewer):
    with at(D(2021, 10, 11), 10):
        report = submit_report(actor=handler_mail, assignment=item1, text="进展", percent=40)
        take_step(actor=shenhe_reviewer, report=report, step="return_to_handler", comment="数据不准确")
    tick(D(2021, 10, 12))
    [message] = mails_to("handler@shenhe.example")
    assert f"{HANDED}（1）" in message.body and "数据不准确" in message.body  # the hand-over …
    assert "== 沈河区人民政府 ==" in message.body  # … and the unit's overdue work, in one e-mail
    digest_line = Notification.objects.get(user=handler_mail, kind=Kind.DIGEST)
    assert "数据不准确" not in digest_line.text and HANDED not in digest_line.text
    assert Notification.objects.filter(user=handler_mail).count() == 2  # the return and the digest line


def test_a_failed_email_lists_the_hand_over_again_next_run(item1, shenhe, reviewer_mail):
    class Broken(EmailBackend):
        def send_messages(self, messages):
            raise ConnectionRefusedError("mail server down")

    with at(D(2021, 10, 11), 10):
        submit_report(actor=shenhe, assignment=item1, text="进展", percent=40)
    failed = tick(D(2021, 10, 12), connection=Broken())
    assert failed.failed == [reviewer_mail.pk]
    assert Notification.objects.get(user=reviewer_mail).emailed_on is None
    tick(D(2021, 10, 12), hour=9)
    [message] = mails_to("reviewer@shenhe.example")
    assert HANDED in message.body
    assert Notification.objects.get(user=reviewer_mail).emailed_on == D(2021, 10, 12)
