"""Who may take which FOI step, at the service level: every write service × every role of the cast.

The cast (tests/foi/conftest.py), all around one application addressed to and handled by 沈河区政府:
  office    — the disclosure office (may take every step)
  liaison, handler, reviewer — 沈河区政府's acting people (the handler drafted the reply)
  viewer    — 沈河区政府's read-only viewer
  intake    — the city-wide intake desk (registers for every unit, acts for none)
  outsider  — a handler of another unit (沈阳市档案馆)
  anonymous — nobody signed in
Each case puts the application in a status where the step is allowed, then lets every member of the
cast try it in a savepoint that is rolled back: the allowed ones succeed, all others get PermissionDenied
and change nothing. Today is pinned to Monday 2026-03-02.
"""

import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from gongkai.events.models import Event
from gongkai.foi import charging, clocking, deciding, permissions, replies, services
from gongkai.foi.models import Application, Channel, Part, Status
from gongkai.orgs.models import Role
from gongkai.orgs.services import create_person
from gongkai.workdays.services import ensure_package_years
from tests.conftest import PASSWORD
from tests.foi.test_intake import APPLICANT

SHANGHAI = ZoneInfo("Asia/Shanghai")
TODAY = datetime.date(2026, 3, 2)
NOW = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI)
SHENHE = "沈河区人民政府"
CAST = ("office", "liaison", "handler", "reviewer", "viewer", "intake", "outsider", "anonymous")


def pinned_day():
    """Today is Monday 2026-03-02, 10:00 in Shanghai, with its year's calendar loaded."""
    ensure_package_years(years=[2026])
    return mock.patch("django.utils.timezone.localdate", return_value=TODAY), \
        mock.patch("django.utils.timezone.now", return_value=NOW)


@pytest.fixture(autouse=True)
def pinned(db):
    day, moment = pinned_day()
    with day, moment:
        yield


# --- putting an application in the status a step needs -------------------------------------------

def received(cast, channel=Channel.IN_PERSON):
    application, _password = services.register(actor=cast["handler"], channel=channel, arrived_at=NOW,
                                               target_unit=cast["unit"], fields=APPLICANT)
    return application


def awaiting_confirmation(cast):
    return received(cast, Channel.POST_ORDINARY)


def drafted(cast):
    """A reply drafted by the handler, awaiting approval."""
    return deciding.draft_decision(actor=cast["handler"], application=received(cast), closure_code="other",
                                   reasons="申请人撤回申请")


def approved(cast):
    decision = drafted(cast)
    deciding.review_decision(actor=cast["reviewer"], decision=decision, approve=True)
    return Application.objects.get(pk=decision.application_id)


def served(cast):
    application = approved(cast)
    deciding.serve(actor=cast["handler"], application=application, method="online", day=TODAY)
    return Application.objects.get(pk=application.pk)


def archived(cast):
    application = served(cast)
    deciding.archive(actor=cast["handler"], application=application)
    return Application.objects.get(pk=application.pk)


def awaiting_correction(cast):
    application = received(cast)
    clocking.record_step(actor=cast["handler"], application=application, kind="correction_requested", day=TODAY,
                         value=TODAY, note="请说明所需信息的年份")
    return Application.objects.get(pk=application.pk)


def rated(cast):
    application = served(cast)
    return deciding.rate(application=application, score=2, comment="答复太慢")


def part_asked_of_shenhe(cast):
    """Another unit (the outsider's 档案馆) handles the application and asks 沈河区政府 for a part."""
    archive = cast["outsider"].memberships.get().unit
    application, _password = services.register(actor=cast["outsider"], channel=Channel.IN_PERSON, arrived_at=NOW,
                                               target_unit=archive, fields=APPLICANT)
    return services.ask_part(actor=cast["outsider"], application=application, unit=cast["unit"],
                             question="沈河区掌握的部分", due_date=datetime.date(2026, 3, 20))


# --- the cases: (how to prepare, the step as `actor` takes it, who may) ---------------------------

UNIT_STAFF = {"office", "liaison", "handler", "reviewer"}
HANDLERS = {"office", "liaison", "handler"}

CASES = {
    "register": (lambda cast: cast["unit"], lambda actor, unit, cast: services.register(
        actor=actor, channel=Channel.IN_PERSON, arrived_at=NOW, target_unit=unit, fields=APPLICANT),
        HANDLERS | {"intake"}),
    "confirm_receipt": (awaiting_confirmation, lambda actor, app, cast: services.confirm_receipt(
        actor=actor, application=app, day=TODAY, note="电话确认"), HANDLERS),
    "assign_handler": (received, lambda actor, app, cast: services.assign_handler(
        actor=actor, application=app, handler=cast["handler"]), UNIT_STAFF),
    "transfer": (received, lambda actor, app, cast: services.transfer(
        actor=actor, application=app, unit=cast["outsider"].memberships.get().unit, reason="档案馆保存"), HANDLERS),
    "ask_part": (received, lambda actor, app, cast: services.ask_part(
        actor=actor, application=app, unit=cast["outsider"].memberships.get().unit, question="档案部分",
        due_date=datetime.date(2026, 3, 20)), HANDLERS),
    "answer_part": (part_asked_of_shenhe, lambda actor, part, cast: services.answer_part(
        actor=actor, part=Part.objects.get(pk=part.pk), answer="已提供"), UNIT_STAFF),
    "clock_step (补正)": (received, lambda actor, app, cast: clocking.record_step(
        actor=actor, application=app, kind="correction_requested", day=TODAY, value=TODAY), HANDLERS),
    "clock_step (consultation)": (received, lambda actor, app, cast: clocking.record_step(
        actor=actor, application=app, kind="consultation_sent", day=TODAY, value=TODAY, ref="第三方"), HANDLERS),
    "extend": (received, lambda actor, app, cast: clocking.record_step(
        actor=actor, application=app, kind="extended", day=TODAY, value=20, note="经负责人同意"), {"office"}),
    "fee_notice": (received, lambda actor, app, cast: charging.send_fee_notice(
        actor=actor, application=app, method="per_page", quantity=150, day=TODAY), HANDLERS),
    "draft": (received, lambda actor, app, cast: deciding.draft_decision(
        actor=actor, application=app, closure_code="other", reasons="撤回"), HANDLERS),
    "review (approve)": (drafted, lambda actor, decision, cast: deciding.review_decision(
        actor=actor, decision=decision, approve=True), {"office", "liaison", "reviewer"}),
    "review (return)": (drafted, lambda actor, decision, cast: deciding.review_decision(
        actor=actor, decision=decision, approve=False, comment="请补充依据"), {"office", "liaison", "reviewer"}),
    "edit_letter": (drafted, lambda actor, decision, cast: replies.edit_letter(
        actor=actor, decision=decision, body="改写后的答复书正文"), UNIT_STAFF),
    "serve": (approved, lambda actor, app, cast: deciding.serve(
        actor=actor, application=app, method="post", day=TODAY, postal_tracking="XA123456789CN"), HANDLERS),
    "close_abandoned": (awaiting_correction, lambda actor, app, cast: deciding.close_abandoned(
        actor=actor, application=app, today=datetime.date(2026, 6, 1)), HANDLERS),
    "archive": (served, lambda actor, app, cast: deciding.archive(actor=actor, application=app), UNIT_STAFF),
    "reopen": (archived, lambda actor, app, cast: deciding.reopen_archive(
        actor=actor, application=app, reason="复议机关调卷"), {"office"}),
    "answer_rating": (rated, lambda actor, rating, cast: deciding.answer_rating(
        actor=actor, rating=rating, answer="感谢评价，我们将改进"), UNIT_STAFF),
    "record_remedy": (served, lambda actor, app, cast: deciding.record_remedy(
        actor=actor, application=app, kind="reconsideration", filed_on=TODAY), UNIT_STAFF),
}


class RolledBack(Exception):
    """Raised to undo one member's attempt so the next one finds the same application."""


def application_of(subject):
    """The application as stored now, for a step's subject (an application, decision, part or rating)."""
    if isinstance(subject, Application):
        return Application.objects.get(pk=subject.pk)
    application_id = getattr(subject, "application_id", None)
    return Application.objects.get(pk=application_id) if application_id else None


def attempt(step, actor, subject, cast):
    """'allowed' or 'refused' (PermissionDenied, nothing changed); anything else fails the test."""
    before = application_of(subject)
    events, applications = Event.objects.count(), Application.objects.count()
    try:
        with transaction.atomic():
            try:
                step(actor, subject, cast)
            except PermissionDenied:
                after = application_of(subject)
                assert (Event.objects.count(), Application.objects.count()) == (events, applications), \
                    "a refused step left an event or an application"
                if before is not None:
                    assert (after.status, after.version) == (before.status, before.version), "a refused step changed it"
                outcome = "refused"
            else:
                outcome = "allowed"
            raise RolledBack
    except RolledBack:
        return outcome


@pytest.mark.parametrize("name", list(CASES))
def test_each_service_allows_exactly_the_roles_of_the_table(name, cast):
    prepare, step, allowed = CASES[name]
    subject = prepare(cast)
    outcomes = {who: attempt(step, cast[who], subject, cast) for who in CAST}
    assert outcomes == {who: "allowed" if who in allowed else "refused" for who in CAST}


def test_the_drafter_cannot_approve_their_own_draft_even_as_reviewer(cast, directory):
    two_hats = create_person(actor=None, username="two-hats", password=PASSWORD,
                             memberships=[(directory[SHENHE], Role.HANDLER), (directory[SHENHE], Role.REVIEWER)])
    decision = deciding.draft_decision(actor=two_hats, application=received(cast), closure_code="other", reasons="撤回")
    with pytest.raises(PermissionDenied, match="拟稿人以外"):
        deciding.review_decision(actor=two_hats, decision=decision, approve=True)
    drafted_by_office = deciding.draft_decision(actor=cast["office"], application=received(cast),
                                                closure_code="other", reasons="撤回")
    with pytest.raises(PermissionDenied):  # the office too
        deciding.review_decision(actor=cast["office"], decision=drafted_by_office, approve=True)
    assert not permissions.allowed_actions(two_hats, decision.application, decisions=[decision]) & {"review"}


@pytest.mark.parametrize(("name", "prepare", "take"), [
    ("a second draft while one awaits approval", drafted, lambda cast, d: deciding.draft_decision(
        actor=cast["handler"], application=d.application, closure_code="other", reasons="x")),
    ("a 补正 notice while the reply awaits approval", drafted, lambda cast, d: clocking.record_step(
        actor=cast["handler"], application=d.application, kind="correction_requested", day=TODAY, value=TODAY)),
    ("a transfer of an approved reply", approved, lambda cast, a: services.transfer(
        actor=cast["handler"], application=a, unit=cast["outsider"].memberships.get().unit, reason="x")),
    ("a fee notice on a served case", served, lambda cast, a: charging.send_fee_notice(
        actor=cast["handler"], application=a, method="per_page", quantity=150, day=TODAY)),
    ("a handler assigned to a served case", served, lambda cast, a: services.assign_handler(
        actor=cast["handler"], application=a, handler=cast["handler"])),
    ("a remedy case before service", received, lambda cast, a: deciding.record_remedy(
        actor=cast["handler"], application=a, kind="reconsideration", filed_on=TODAY)),
    ("archiving an open case", received, lambda cast, a: deciding.archive(actor=cast["handler"], application=a)),
    ("serving an archived case", archived, lambda cast, a: deciding.serve(
        actor=cast["office"], application=a, method="online", day=TODAY)),
])
def test_a_step_outside_its_statuses_is_refused_with_a_reason(name, prepare, take, cast):
    subject = prepare(cast)
    with pytest.raises(ValidationError) as refused:
        take(cast, subject)
    assert refused.value.messages and all(message.strip() for message in refused.value.messages)


def test_a_clock_step_can_no_longer_undo_a_drafted_reply(cast):
    """Before the table, a 补正 recorded while a reply awaited approval put the case back 'in handling'."""
    decision = drafted(cast)
    with pytest.raises(ValidationError):
        clocking.record_step(actor=cast["handler"], application=decision.application, kind="correction_requested",
                             day=TODAY, value=TODAY)
    assert Application.objects.get(pk=decision.application_id).status == Status.AWAITING_APPROVAL


def test_refusals_are_in_chinese(cast):
    application = received(cast)
    with pytest.raises(PermissionDenied) as refused:
        services.transfer(actor=cast["viewer"], application=application, unit=cast["unit"], reason="x")
    assert "只有" in str(refused.value) or "仅" in str(refused.value)


@pytest.mark.parametrize(("who", "allowed"), [
    ("office", True), ("liaison", True), ("handler", True), ("reviewer", True),
    ("viewer", False), ("intake", False), ("outsider", False), ("anonymous", False),
])
def test_who_may_reveal_personal_data(who, allowed, cast):
    refusal = permissions.refusal(cast[who], "reveal_personal_data", received(cast))
    if allowed:
        assert refusal is None
    else:
        assert isinstance(refusal, PermissionDenied)


def test_the_table_names_no_viewer_and_no_intake_desk_for_any_step():
    for name, step in permissions.STEPS.items():
        assert Role.VIEWER not in step.roles, name
        assert Role.INTAKE not in step.roles, name
        assert step.intake == (name == "register"), name
