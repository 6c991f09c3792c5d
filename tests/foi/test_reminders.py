"""FOI reminders in `gongkai tick`: lights by working days, who hears, escalation, once a day.

The application is received in person on Thursday 2021-09-02, so the reply is due Thursday
2021-09-30 (20 working days, counting the make-up Sunday 9/26). National Day runs 10/1–10/7 and
Saturday 10/9 is a make-up working day.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.utils import translation

from gongkai.demo.ledger import clock
from gongkai.foi import clocking, deciding, services
from gongkai.foi.models import Channel, Status
from gongkai.foi.outcomes import ClosureCode
from gongkai.foi.reminders import Heading, foi_matters, recipients, send_foi_reminders
from gongkai.notifications.models import Kind, Notification
from gongkai.orgs.models import Role
from gongkai.orgs.services import create_person
from gongkai.workdays.calendar import WorkCalendar
from gongkai.workdays.services import ensure_package_years
from tests.foi.test_intake import APPLICANT

D = datetime.date
SHANGHAI = ZoneInfo("Asia/Shanghai")
RECEIVED = D(2021, 9, 2)
DUE = D(2021, 9, 30)


@pytest.fixture
def calendar(db):
    ensure_package_years(years=[2021, 2022])
    return WorkCalendar.from_db()


@pytest.fixture
def unit(directory):
    return directory["沈河区人民政府"]


@pytest.fixture
def shenhe_liaison(unit):
    return create_person(actor=None, username="shenhe-liaison", password="x" * 12, memberships=[(unit, Role.LIAISON)])


@pytest.fixture
def second_handler(unit):
    return create_person(actor=None, username="shenhe-2", password="x" * 12, memberships=[(unit, Role.HANDLER)])


def receive(actor, unit, day=RECEIVED, handler=None):
    with clock(day):
        application, _password = services.register(
            actor=actor, channel=Channel.IN_PERSON, arrived_at=datetime.datetime.combine(
                day, datetime.time(10), tzinfo=SHANGHAI), target_unit=unit, fields=APPLICANT)
        if handler is not None:
            application = services.assign_handler(actor=actor, application=application, handler=handler)
    return application


def only(matters, unit):
    assert list(matters) == [unit.pk]
    return matters[unit.pk]


def told(day, calendar):
    """{user id: {heading: [tracking codes]}} as send_foi_reminders would tell them on `day`."""
    return {user_id: {heading: [m.tracking_code for m in listed] for heading, listed in headings.items()}
            for user_id, headings in recipients(foi_matters(day, calendar)).items()}


def test_due_date_is_the_statutory_one(shenhe, unit, calendar):
    assert receive(shenhe, unit).due_date == DUE


@pytest.mark.parametrize(("day", "colour", "workdays", "office"), [
    (D(2021, 9, 23), None, None, False),  # 6 left: 9/24, the make-up Sunday 9/26, 9/27–9/30 (Mon–Fri gives 5)
    (D(2021, 9, 24), "yellow", 5, False),
    (DUE, "yellow", 0, False),  # due today is not yet overdue
    (D(2021, 10, 8), "red", 1, False),  # a week of National Day later: one working day overdue
    (D(2021, 10, 11), "red", 3, False),  # 10/8, make-up Saturday 10/9, 10/11: 3 is not "more than 3"
    (D(2021, 10, 12), "red", 4, True),
])
def test_lights_count_working_days_of_the_official_calendar(shenhe, unit, calendar, day, colour, workdays, office):
    application = receive(shenhe, unit, handler=shenhe)
    matters = foi_matters(day, calendar)
    if colour is None:
        assert matters == {}
        return
    lit = getattr(only(matters, unit), colour)
    assert [(m.application_id, m.workdays, m.escalated_to_office) for m in lit] == [
        (application.pk, workdays, office)]


def test_thresholds_are_the_offices(shenhe, unit, calendar, office):
    from gongkai.foi.services import update_thresholds

    receive(shenhe, unit, handler=shenhe)
    assert not foi_matters(D(2021, 9, 23), calendar)  # six working days left: green, nothing to say
    assert not only(foi_matters(D(2021, 10, 9), calendar), unit).red[0].escalated_to_office  # 2 days overdue
    update_thresholds(actor=office, yellow_workdays=6, office_escalation_workdays=1)
    assert [m.workdays for m in only(foi_matters(D(2021, 9, 23), calendar), unit).yellow] == [6]
    assert only(foi_matters(D(2021, 10, 9), calendar), unit).red[0].escalated_to_office


def test_only_the_office_sets_thresholds_and_within_limits(shenhe, office, db):
    from django.core.exceptions import PermissionDenied, ValidationError

    from gongkai.events.models import Event
    from gongkai.foi.models import Thresholds
    from gongkai.foi.services import update_thresholds

    with pytest.raises(PermissionDenied):
        update_thresholds(actor=shenhe, yellow_workdays=6, office_escalation_workdays=3)
    with pytest.raises(ValidationError):
        update_thresholds(actor=office, yellow_workdays=61, office_escalation_workdays=3)
    assert Thresholds.current().yellow_workdays == 5
    update_thresholds(actor=office, yellow_workdays=7, office_escalation_workdays=3)
    event = Event.objects.get(verb="foi.thresholds_changed")
    assert event.data["changes"] == {"yellow_workdays": {"from": 5, "to": 7}}


def test_escalation_ladder_handler_then_liaison_then_office(shenhe, second_handler, shenhe_liaison, office, unit,
                                                            calendar):
    code = receive(shenhe, unit, handler=shenhe).tracking_code
    assert told(D(2021, 9, 24), calendar) == {shenhe.pk: {Heading.DUE_SOON: [code]}}
    assert told(D(2021, 10, 11), calendar) == {shenhe.pk: {Heading.OVERDUE: [code]},
                                               shenhe_liaison.pk: {Heading.ESCALATED: [code]}}
    assert told(D(2021, 10, 12), calendar) == {shenhe.pk: {Heading.OVERDUE: [code]},
                                               shenhe_liaison.pk: {Heading.ESCALATED: [code]},
                                               office.pk: {Heading.ESCALATED: [code]}}


def test_without_a_handler_the_units_handlers_hear(shenhe, second_handler, unit, calendar):
    code = receive(shenhe, unit).tracking_code
    assert told(D(2021, 9, 24), calendar) == {shenhe.pk: {Heading.DUE_SOON: [code]},
                                              second_handler.pk: {Heading.DUE_SOON: [code]}}


def test_a_handler_who_left_is_replaced_by_the_units_handlers(shenhe, second_handler, unit, calendar):
    code = receive(shenhe, unit, handler=second_handler).tracking_code
    assert set(told(D(2021, 9, 24), calendar)) == {second_handler.pk}
    second_handler.is_active = False
    second_handler.save()
    assert told(D(2021, 9, 24), calendar) == {shenhe.pk: {Heading.DUE_SOON: [code]}}


def test_replies_awaiting_approval_go_to_reviewers(shenhe, shenhe_reviewer, unit, calendar):
    application = receive(shenhe, unit, handler=shenhe)
    with clock(D(2021, 9, 10)):
        deciding.draft_decision(actor=shenhe, application=application, closure_code=ClosureCode.DISCLOSED,
                                reason_detail="provided", grounds=["art36_2"], how_to_obtain="电子邮件发送")
    code = application.tracking_code
    # Green but waiting: only the reviewer hears; once yellow, the handler too (the reply must go out).
    assert told(D(2021, 9, 13), calendar) == {shenhe_reviewer.pk: {Heading.APPROVAL: [code]}}
    assert told(D(2021, 9, 24), calendar) == {shenhe_reviewer.pk: {Heading.APPROVAL: [code]},
                                              shenhe.pk: {Heading.DUE_SOON: [code]}}


def test_sent_once_a_day_and_not_on_days_off(shenhe, shenhe_liaison, office, unit, calendar):
    receive(shenhe, unit, handler=shenhe)
    first = send_foi_reminders(D(2021, 10, 8), calendar=calendar)
    assert (first.red, first.escalated, first.recipients, first.notified) == (1, 0, 2, 2)
    assert set(Notification.objects.values_list("user__username", "kind")) == {
        ("shenhe", Kind.WARNING), ("shenhe-liaison", Kind.WARNING)}

    second = send_foi_reminders(D(2021, 10, 8), calendar=calendar)
    assert (second.recipients, second.notified) == (2, 0)
    assert Notification.objects.count() == 2

    assert not send_foi_reminders(D(2021, 10, 2), calendar=calendar).workday  # National Day holiday
    assert Notification.objects.count() == 2

    saturday = send_foi_reminders(D(2021, 10, 9), calendar=calendar)  # make-up Saturday: a working day
    assert saturday.notified == 2
    assert Notification.objects.filter(user=shenhe).count() == 2


def test_texts_name_the_tracking_code_never_the_applicant(shenhe, shenhe_liaison, office, unit, calendar):
    application = receive(shenhe, unit, handler=shenhe)
    send_foi_reminders(D(2021, 10, 12), calendar=calendar)  # texts are written in the deployment's language
    texts = list(Notification.objects.values_list("text", flat=True))
    assert len(texts) == 3
    for text in texts:
        assert application.tracking_code in text and "2021-09-30" in text
        for personal in (APPLICANT["name"], APPLICANT["id_number"], APPLICANT["phone"], APPLICANT["email"]):
            assert personal not in text
    handler_text = Notification.objects.get(user=shenhe).text
    with translation.override(settings.LANGUAGE_CODE):
        overdue = translation.ngettext(
            "%(code)s (%(unit)s): overdue by %(n)s working day (due %(due)s)",
            "%(code)s (%(unit)s): overdue by %(n)s working days (due %(due)s)", 4,
        ) % {"code": application.tracking_code, "unit": unit.name, "n": 4, "due": "2021-09-30"}
    assert overdue in handler_text
    assert Notification.objects.get(user=office).url == "/foi/"


def test_a_paused_clock_is_not_lit_until_the_consultation_lapses(shenhe, unit, calendar):
    application = receive(shenhe, unit, handler=shenhe)
    with clock(D(2021, 9, 3)):
        clocking.record_step(actor=shenhe, application=application, kind="consultation_sent", day=D(2021, 9, 3),
                             ref="第三方")
    application.refresh_from_db()
    assert application.status == Status.CONSULTING and application.due_date == DUE  # the cached date is stale
    # Paused: the cached date would be yellow on 9/24 and red on 10/8; neither is true.
    assert foi_matters(D(2021, 9, 24), calendar) == {}
    # The consultee's 15 working days end on the make-up Sunday 9/26; nobody records the lapse, but the
    # clock runs again: 19 working days left from 9/27 (National Day and make-up 10/9 included) → 10/27.
    assert foi_matters(D(2021, 10, 8), calendar) == {}
    (matter,) = only(foi_matters(D(2021, 10, 20), calendar), unit).yellow
    assert (matter.due_date, matter.workdays) == (D(2021, 10, 27), 5)


def test_a_correction_deadline_that_passed_asks_the_handler_to_close(shenhe, unit, calendar):
    application = receive(shenhe, unit, handler=shenhe)
    with clock(D(2021, 9, 3)):
        clocking.record_step(actor=shenhe, application=application, kind="correction_requested", day=D(2021, 9, 3))
    assert foi_matters(D(2021, 9, 24), calendar) == {}  # correction due 2021-09-24 (15 working days)
    unit_matters = only(foi_matters(D(2021, 9, 27), calendar), unit)
    assert [(m.tracking_code, m.abandoned_as, m.colour) for m in unit_matters.to_close] == [
        (application.tracking_code, "OTHER_NO_CORRECTION", None)]
    assert told(D(2021, 9, 27), calendar) == {shenhe.pk: {Heading.TO_CLOSE: [application.tracking_code]}}
