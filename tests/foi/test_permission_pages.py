"""The application page offers only what the person may do now, and refuses the rest (foi.permissions).

Same cast and pinned day as tests/foi/test_permissions.py.
"""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from gongkai.events.models import Event
from gongkai.foi import deciding, services
from gongkai.foi.models import Application, Channel, PersonalDataView, Status
from tests.foi.test_intake import APPLICANT
from tests.foi.test_permissions import (
    NOW,
    TODAY,
    approved,
    archived,
    drafted,
    part_asked_of_shenhe,
    pinned_day,
    received,
    served,
)


@pytest.fixture(autouse=True)
def pinned(db):
    day, moment = pinned_day()
    with day, moment:
        yield

# The forms of the application page, by the end of their action URL.
ACTIONS = ("confirm-receipt/", "personal-data/", "transfer/", "handler/", "clock/", "decision/", "review/", "fee/",
           "serve/", "archive/", "reopen/", "remedies/", "parts/", "answer/")


def page_of(client, application):
    response = client.get(reverse("foi:detail", args=[application.pk]))
    assert response.status_code == 200
    return response.content.decode()


def main_of(html):
    return html[html.index("<main"):html.index("</main>")]


def form_actions(html):
    """The action URL endings of the POST forms in the page body."""
    actions = re.findall(r'<form method="post" action="/foi/\d+/([^"]*)"', main_of(html))
    return {next((a for a in ACTIONS if action.endswith(a)), action) for action in actions}


class VisibleText(HTMLParser):
    """The text a person reads (no attribute values, no scripts)."""

    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(html):
    parser = VisibleText()
    parser.feed(main_of(html))
    return " ".join(" ".join(parser.parts).split())


def test_a_viewer_and_the_intake_desk_see_the_application_but_no_action(client_for, cast):
    application = received(cast)
    viewer_page = page_of(client_for(cast["viewer"]), application)
    assert application.tracking_code in viewer_page
    assert form_actions(viewer_page) == set()
    assert "显示完整证件号码" not in viewer_page
    desk_registered, _password = services.register(actor=cast["intake"], channel=Channel.PLATFORM, arrived_at=NOW,
                                                   target_unit=cast["unit"], fields=APPLICANT)
    desk_page = page_of(client_for(cast["intake"]), desk_registered)
    assert form_actions(desk_page) == set()
    assert APPLICANT["id_number"] not in desk_page


def test_the_handler_sees_the_forms_of_a_case_in_handling(client_for, cast):
    assert form_actions(page_of(client_for(cast["handler"]), received(cast))) == {
        "personal-data/", "transfer/", "handler/", "clock/", "fee/", "decision/", "parts/"}


def test_the_extension_is_offered_to_the_office_only(client_for, cast):
    application = received(cast)
    assert 'value="extended"' not in page_of(client_for(cast["handler"]), application)
    assert 'value="extended"' in page_of(client_for(cast["office"]), application)


def test_the_drafter_never_sees_approve_on_their_own_draft(client_for, cast):
    decision = drafted(cast)  # by the handler
    own = page_of(client_for(cast["handler"]), decision.application)
    assert "review/" not in form_actions(own) and "审核通过" not in own
    assert reverse("foi:letter-edit", args=[decision.application_id, decision.pk]) in own  # may still reword it
    reviewer = page_of(client_for(cast["reviewer"]), decision.application)
    assert "review/" in form_actions(reviewer) and "审核通过" in reviewer
    # A draft awaiting approval offers no second draft, no transfer and no clock step to anyone.
    assert not form_actions(reviewer) & {"decision/", "transfer/", "clock/", "fee/", "parts/"}


def test_a_served_case_offers_only_archive_and_remedy_records(client_for, cast):
    application = served(cast)
    assert form_actions(page_of(client_for(cast["handler"]), application)) == {
        "personal-data/", "archive/", "remedies/"}
    assert form_actions(page_of(client_for(cast["viewer"]), application)) == set()


def test_an_archived_case_offers_the_office_only_a_reopening_with_a_reason(client_for, cast):
    application = archived(cast)
    url = reverse("foi:reopen", args=[application.pk])
    # Read-only, but a 复议/诉讼 filed later is still recorded (annual-report table 四).
    assert form_actions(page_of(client_for(cast["handler"]), application)) == {"personal-data/", "remedies/"}
    assert client_for(cast["handler"]).post(url, {"reason": "想改答复"}).status_code == 403
    office = client_for(cast["office"])
    assert "reopen/" in form_actions(page_of(office, application))
    office.post(url, {"reason": " "})
    assert Application.objects.get(pk=application.pk).status == Status.ARCHIVED  # no reason, no reopening
    office.post(url, {"reason": "复议机关调卷，需补充材料"})
    assert Application.objects.get(pk=application.pk).status == Status.SERVED


def test_an_approved_reply_offers_service_to_the_handler_only(client_for, cast):
    application = approved(cast)
    assert form_actions(page_of(client_for(cast["handler"]), application)) == {"personal-data/", "handler/", "serve/"}
    assert "serve/" not in form_actions(page_of(client_for(cast["reviewer"]), application))


def test_the_asked_units_viewer_cannot_answer_its_part(client_for, cast):
    part = part_asked_of_shenhe(cast)
    assert "answer/" not in form_actions(page_of(client_for(cast["viewer"]), part.application))
    assert "answer/" in form_actions(page_of(client_for(cast["handler"]), part.application))
    response = client_for(cast["viewer"]).post(
        reverse("foi:answer-part", args=[part.application_id, part.pk]), {"answer": "查看者的回答"})
    assert response.status_code == 403
    part.refresh_from_db()
    assert part.answered_at is None


def viewer_posts(application, decision=None):
    """Every action a viewer might send on `application`, with data that would otherwise be accepted."""
    pk = application.pk
    posts = [
        ("foi:confirm-receipt", [pk], {"day": TODAY, "note": "电话确认"}),
        ("foi:transfer", [pk], {"transfer-version": application.version, "transfer-unit": application.target_unit_id,
                                "transfer-reason": "x"}),
        ("foi:handler", [pk], {"handler-version": application.version, "handler-handler": application.registered_by_id}),
        ("foi:clock-step", [pk], {"clock-kind": "correction_requested", "clock-day": TODAY, "clock-received_on": TODAY}),
        ("foi:fee", [pk], {"fee-method": "per_page", "fee-quantity": 150, "fee-day": TODAY}),
        ("foi:decide", [pk], {"closure_code": "other", "reasons": "撤回"}),
        ("foi:serve", [pk], {"serve-method": "online", "serve-day": TODAY}),
        ("foi:archive", [pk], {}),
        ("foi:remedy", [pk], {"remedy-kind": "reconsideration", "remedy-filed_on": TODAY, "remedy-result": "pending"}),
        ("foi:ask-part", [pk], {"part-unit": application.target_unit_id, "part-question": "x", "part-due_date": TODAY}),
        ("foi:personal-data", [pk], {"purpose": "handling"}),
    ]
    if decision is not None:
        posts += [("foi:review", [pk, decision.pk], {"approve": "1"}),
                  ("foi:letter-edit", [pk, decision.pk], {"body": "查看者改写"})]
    return posts


@pytest.mark.parametrize("prepare", [received, drafted, served], ids=["in handling", "awaiting approval", "served"])
def test_every_post_of_a_viewer_is_refused_with_403_and_changes_nothing(prepare, client_for, cast):
    subject = prepare(cast)
    decision = subject if hasattr(subject, "closure_code") and not isinstance(subject, Application) else None
    application = Application.objects.get(pk=decision.application_id if decision else subject.pk)
    client = client_for(cast["viewer"])
    events, views = Event.objects.count(), PersonalDataView.objects.count()
    for name, args, data in viewer_posts(application, decision):
        response = client.post(reverse(name, args=args), data)
        assert response.status_code == 403, name
        assert "服务器错误" not in response.content.decode()
    after = Application.objects.get(pk=application.pk)
    assert (after.status, after.version, after.handling_unit_id) == (
        application.status, application.version, application.handling_unit_id)
    assert (Event.objects.count(), PersonalDataView.objects.count()) == (events, views)


def test_the_register_link_and_page_are_not_offered_to_a_viewer(client_for, cast):
    viewer = client_for(cast["viewer"])
    assert reverse("foi:register") not in viewer.get(reverse("foi:list")).content.decode()
    assert viewer.get(reverse("foi:register")).status_code == 403
    before = Application.objects.count()
    assert viewer.post(reverse("foi:register"), {"channel": "in_person", "arrived_at": "2026-03-02T10:00",
                                                 "target_unit": cast["unit"].pk, **APPLICANT}).status_code == 403
    assert Application.objects.count() == before
    handler = client_for(cast["handler"])
    assert reverse("foi:register") in handler.get(reverse("foi:list")).content.decode()
    assert handler.get(reverse("foi:register")).status_code == 200


@pytest.mark.parametrize(("who", "status"), [
    ("handler", 200), ("reviewer", 200), ("liaison", 200), ("office", 200), ("viewer", 403), ("outsider", 404)])
def test_only_the_handling_units_acting_staff_and_the_office_reveal_personal_data(who, status, client_for, cast):
    application = received(cast)
    client = client_for(cast[who])
    response = client.post(reverse("foi:personal-data", args=[application.pk]), {"purpose": "handling"})
    assert response.status_code == status
    revealed = APPLICANT["id_number"] in response.content.decode()
    assert revealed == (status == 200)
    assert PersonalDataView.objects.filter(user=cast[who]).exists() == (status == 200)
    if status != 404:
        shown = "personal-data/" in form_actions(page_of(client, application))
        assert shown == (status == 200)


def test_the_intake_desk_follows_masked_and_cannot_reveal(client_for, cast):
    application, _password = services.register(actor=cast["intake"], channel=Channel.PLATFORM, arrived_at=NOW,
                                               target_unit=cast["unit"], fields=APPLICANT)
    client = client_for(cast["intake"])
    assert client.post(reverse("foi:personal-data", args=[application.pk])).status_code == 403
    assert not PersonalDataView.objects.exists()


def test_the_page_shows_labels_not_stored_codes(client_for, cast):
    application = received(cast)
    decision = deciding.draft_decision(actor=cast["handler"], application=application, closure_code="partial",
                                       reasons="涉及第三方商业秘密的部分不予公开。", grounds=["art15"],
                                       how_to_obtain="邮寄可公开部分。")
    deciding.review_decision(actor=cast["reviewer"], decision=decision, approve=True)
    deciding.serve(actor=cast["handler"], application=application, method="post", day=TODAY,
                   postal_tracking="XA123456789CN")
    disclosed = deciding.draft_decision(actor=cast["handler"], application=received(cast), closure_code="disclosed",
                                        reason_detail="provided", how_to_obtain="电子邮件发送。")
    served_text = visible_text(page_of(client_for(cast["handler"]), application))
    assert "部分公开" in served_text and "中国邮政" in served_text
    for code in ("partial", "(post)", "（post）", "post_signed", "correction_requested"):
        assert code not in served_text
    drafted_text = visible_text(page_of(client_for(cast["handler"]), disclosed.application))
    assert "予以公开 · 向申请人提供" in drafted_text
    assert "disclosed" not in drafted_text and "provided" not in drafted_text


def test_the_api_refuses_a_viewers_token_with_403(client, cast):
    """The REST API calls the same services: a viewer's token registers, steps and transfers nothing."""
    from gongkai.api.services import create_token

    application = received(cast)
    _token, key = create_token(actor=None, user=cast["viewer"], name="probe")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}", "content_type": "application/json"}
    base = f"/api/v1/foi/applications/{application.pk}"
    probes = [
        ("/api/v1/foi/applications/", {"channel": "in_person", "arrived_at": NOW.isoformat(),
                                       "target_unit": cast["unit"].pk, **APPLICANT}),
        (f"{base}/clock-steps/", {"kind": "correction_requested", "day": TODAY.isoformat(), "value": TODAY.isoformat()}),
        (f"{base}/transfer/", {"unit": cast["outsider"].memberships.get().unit_id, "reason": "转给档案馆"}),
        (f"{base}/decisions/", {"closure_code": "other", "reasons": "撤回"}),
    ]
    events = Event.objects.count()
    for url, body in probes:
        assert client.post(url, body, **headers).status_code == 403, url
    assert Event.objects.count() == events and Application.objects.count() == 1
    assert Application.objects.get(pk=application.pk).version == application.version


def test_a_finished_case_shows_when_it_finished_not_a_light(client_for, cast):
    """An archived case long past its due date read 红灯 已逾期 33 个工作日 on its page (issue 8)."""
    import datetime
    from unittest import mock

    application = archived(cast)
    months_later = application.due_date + datetime.timedelta(days=60)
    with mock.patch("django.utils.timezone.localdate", return_value=months_later):
        text = visible_text(page_of(client_for(cast["office"]), application))
    assert f"{application.served_on:%Y-%m-%d} 已办结" in text
    assert "红灯" not in text and "逾期" not in text
