"""`gongkai tick` over the 2021 ledger: lights, the escalation ladder, digests — and nothing twice.

Item 1's assignments are due Thursday 30 September 2021; National Day runs 1–7 October and
Saturday 9 October is a make-up working day.
"""

import datetime
import re

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import CommandError, call_command

from gongkai.events.models import Event
from gongkai.ledger.models import Assignment
from gongkai.ledger.services import open_round, submit_report
from gongkai.notifications.models import Channel, Delivery, Notification
from gongkai.supervision.models import EscalationNotice
from gongkai.supervision.tick import run_tick
from tests.supervision.conftest import at

D = datetime.date


@pytest.fixture
def item1(ledger):
    return Assignment.objects.get(task__item__number="1", unit__name="沈河区人民政府")


def tick(day, hour=8):
    with at(day, hour):
        return run_tick(today=day)


def test_tick_run_twice_the_same_day_sends_once(ledger, shenhe, shenhe_mail, shenhe_liaison):
    first = tick(D(2021, 10, 8))
    assert sorted(m.to[0] for m in mail.outbox) == ["handler@shenhe.example", "liaison@shenhe.example"]
    assert first.emails == 2
    notices = EscalationNotice.objects.count()
    notifications = Notification.objects.count()
    assert notices == first.issued["reminder"] > 0
    assert Notification.objects.filter(user=shenhe, kind="digest").count() == 1  # in the app, without e-mail

    second = tick(D(2021, 10, 8), hour=14)
    assert len(mail.outbox) == 2
    assert (second.emails, second.app, second.already, sum(second.issued.values())) == (0, 0, 3, 0)
    assert EscalationNotice.objects.count() == notices
    assert Notification.objects.count() == notifications

    tick(D(2021, 10, 9))  # Saturday, but a make-up working day: a new day, a new digest
    assert len(mail.outbox) == 4
    assert Delivery.objects.filter(user=shenhe_mail, channel=Channel.EMAIL).count() == 2


def test_nothing_happens_on_a_day_off(ledger, shenhe_mail):
    report = tick(D(2021, 10, 2))  # National Day holiday
    assert not report.workday
    assert (len(mail.outbox), EscalationNotice.objects.count(), Notification.objects.count()) == (0, 0, 0)


def test_digest_lists_the_overdue_assignment_with_its_link(ledger, item1, shenhe_mail):
    tick(D(2021, 10, 8))
    message = mail.outbox[0]
    assert message.to == ["handler@shenhe.example"]
    assert "沈河区人民政府" in message.body
    assert f"http://localhost:8000/ledger/assignments/{item1.pk}/" in message.body
    assert "2021-09-30" in message.body
    overdue_open = Assignment.objects.filter(unit=item1.unit).overdue(D(2021, 10, 8)).count()
    assert f"({overdue_open}):" in message.body  # the heading's count is every overdue assignment of the unit


def test_ladder_reminder_warning_supervision_notice(ledger, item1, shenhe_mail):
    tick(D(2021, 10, 8))
    tick(D(2021, 10, 11))  # two working days after the reminder: wait
    assert list(item1.notices.values_list("level", flat=True)) == ["reminder"]
    tick(D(2021, 10, 12))  # three: the reminder went unheeded
    tick(D(2021, 10, 14))
    tick(D(2021, 10, 15))  # three after the warning
    levels = list(item1.notices.order_by("sent_on").values_list("level", "sent_on"))
    assert levels == [("reminder", D(2021, 10, 8)), ("warning", D(2021, 10, 12)), ("supervision", D(2021, 10, 15))]
    notice = item1.notices.get(level="supervision")
    assert re.fullmatch(r"督办〔2021〕\d+号", notice.number)
    assert notice.details["overdue_workdays"] == 7  # 8, 9, 11, 12, 13, 14, 15 October
    assert notice.details["required_by"] == "2021-10-20"  # three working days to reply
    numbers = sorted(EscalationNotice.objects.supervision().values_list("sequence", flat=True))
    assert numbers == list(range(1, len(numbers) + 1))  # numbered 1, 2, 3 … without gaps
    # Each step is in the assignment's history, and in the app for the unit's people.
    assert list(Event.objects.about(item1).filter(verb__startswith="notice.").values_list("verb", flat=True)) == [
        "notice.supervision", "notice.warning", "notice.reminder"]
    assert Notification.objects.filter(user=shenhe_mail, key=f"notice:{notice.pk}", kind="supervision").exists()


def test_a_report_after_the_reminder_heeds_it(ledger, item1, shenhe):
    tick(D(2021, 10, 8))
    with at(D(2021, 10, 11), 10):
        submit_report(actor=shenhe, assignment=item1, text="正在整理专项规划目录。", percent=40)
    report = tick(D(2021, 10, 12))
    reminder = item1.notices.get()
    assert reminder.heeded_on == D(2021, 10, 11)
    assert report.heeded == 1
    assert report.issued["warning"] > 0  # the other overdue assignments stay on the ladder
    # Quiet again for five working days after the report: a new reminder starts a new chain.
    tick(D(2021, 10, 15))
    assert item1.notices.count() == 1
    tick(D(2021, 10, 18))
    assert list(item1.notices.order_by("sent_on").values_list("level", flat=True)) == ["reminder", "reminder"]


def test_a_failed_email_is_retried_on_the_next_run(ledger, shenhe_mail):
    class Broken(EmailBackend):
        def send_messages(self, messages):
            raise ConnectionRefusedError("mail server down")

    with at(D(2021, 10, 8)):
        report = run_tick(today=D(2021, 10, 8), connection=Broken())
    assert report.failed == [shenhe_mail.pk] and report.emails == 0
    assert not Delivery.objects.filter(user=shenhe_mail, channel=Channel.EMAIL).exists()
    assert Delivery.objects.filter(user=shenhe_mail, channel=Channel.APP).exists()
    tick(D(2021, 10, 8), hour=9)
    assert [m.to for m in mail.outbox] == [["handler@shenhe.example"]]
    assert Delivery.objects.get(user=shenhe_mail, channel=Channel.EMAIL).sent_at is not None


def test_missing_reports_in_a_round_near_its_deadline_are_in_the_digest(ledger, office, shenhe_mail):
    with at(D(2021, 9, 1)):
        open_round(actor=office, plan=ledger, title="2021年9月进展", kind="monthly", deadline=D(2021, 9, 10))
    tick(D(2021, 9, 2))  # six working days before the deadline: not yet
    assert mail.outbox and "2021年9月进展" not in mail.outbox[-1].body  # (it lists what is behind schedule)
    tick(D(2021, 9, 3))  # five
    body = mail.outbox[-1].body
    assert "2021年9月进展" in body and "2021-09-10" in body


def test_command_runs_and_reports(ledger, shenhe_mail, capsys):
    with at(D(2021, 10, 8)):
        call_command("tick", "--today", "2021-10-08")
    out = capsys.readouterr().out
    assert out.startswith("2021-10-08：未完成任务 ")
    assert "本次发出：提醒 " in out and "{" not in out  # levels in words, no Python dict
    assert "依申请公开：" in out
    assert len(mail.outbox) == 1
    with pytest.raises(CommandError):
        call_command("tick", "--today", "2021-13-01")


def test_a_day_in_an_unloaded_year_is_an_error_not_a_guess(ledger):
    with pytest.raises(CommandError, match="2030"):
        call_command("tick", "--today", "2030-01-02")


# --- disclosure applications in the same daily e-mail -----------------------------------------------

def foi_application(actor, unit, handler):
    """Received in person Thu 2021-09-02, so due Thu 2021-09-30: on 2021-10-08 overdue by 2 working days."""
    from zoneinfo import ZoneInfo

    from gongkai.foi import services as foi_services
    from tests.foi.test_intake import APPLICANT

    with at(D(2021, 9, 2)):
        application, _password = foi_services.register(
            actor=actor, channel="in_person", target_unit=unit, fields=APPLICANT,
            arrived_at=datetime.datetime(2021, 9, 2, 10, tzinfo=ZoneInfo("Asia/Shanghai")))
        return foi_services.assign_handler(actor=actor, application=application, handler=handler)


def test_one_e_mail_carries_the_ledger_and_the_disclosure_applications(ledger, shenhe_mail, directory):
    application = foi_application(shenhe_mail, directory["沈河区人民政府"], shenhe_mail)
    report = tick(D(2021, 10, 8))
    (message,) = mail.outbox
    assert message.to == ["handler@shenhe.example"]
    assert "/ledger/assignments/" in message.body  # the ledger's section
    assert application.tracking_code in message.body and "http://localhost:8000/foi/" in message.body
    ledger_overdue = Assignment.objects.filter(unit__name="沈河区人民政府").overdue(D(2021, 10, 8)).count()
    overdue, _attention = map(int, re.findall(r"\d+", message.subject.replace("2021-10-08", "")))
    assert overdue == ledger_overdue + 1  # the application counts with the assignments
    assert report.foi["notified"] == 1 and report.emails == 1

    tick(D(2021, 10, 8), hour=15)  # the same day again: nothing more
    assert len(mail.outbox) == 1


def test_someone_with_only_applications_gets_the_e_mail_but_no_second_app_line(stored_calendar, directory, office):
    from gongkai.orgs.models import Role
    from gongkai.orgs.services import create_person

    handler = create_person(actor=None, username="dadong", password="x" * 12, email="foi@dadong.example",
                            memberships=[(directory["大东区人民政府"], Role.HANDLER)])
    application = foi_application(office, directory["大东区人民政府"], handler)
    report = tick(D(2021, 10, 8))
    (message,) = mail.outbox
    assert message.to == ["foi@dadong.example"] and application.tracking_code in message.body
    assert "/ledger/" not in message.body and "dashboard" not in message.body.lower()
    # In the app: the FOI notification only (the digest would say the same thing twice); the office's
    # assignment of 2 September reached the handler at once as a hand-over of its own.
    assert list(Notification.objects.filter(user=handler).values_list("kind", flat=True)) == ["warning", "handoff"]
    assert report.emails == 1 and report.app == 0

    tick(D(2021, 10, 8), hour=15)
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(user=handler).count() == 2  # nothing new
