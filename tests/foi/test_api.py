"""The FOI REST API: registration from other platforms, scoped and masked reads, staff actions, public lookup.

Dates are pinned: "today" is Wed 2021-09-22 unless a test says otherwise; applications arrive in
September 2021, so due dates pass the make-up working days 9/18, 9/26 and 10/9 (rules.md §1.3).
"""

import datetime
import json
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache

from gongkai.api.services import create_token
from gongkai.events.models import Event
from gongkai.foi import services
from gongkai.foi.models import Application, Channel, Status
from gongkai.workdays.services import ensure_package_years
from tests.foi.test_intake import APPLICANT

# These tests read English pages: the deployment must offer English (Chinese is the only default).
pytestmark = pytest.mark.usefixtures("english")

SHANGHAI = ZoneInfo("Asia/Shanghai")
TODAY = datetime.date(2021, 9, 22)
ARRIVED = datetime.datetime(2021, 9, 15, 10, tzinfo=SHANGHAI)
LIST = "/api/v1/foi/applications/"
STATUS = "/api/v1/foi/status/"
PERSONAL = ("李明", "210102199001011234", "13812345678", "liming@example.cn", "市府大路")


@pytest.fixture(autouse=True)
def pinned(db):
    """The 2021–2022 calendar, today pinned, and an empty cache (throttle counts live there)."""
    ensure_package_years(years=[2021, 2022])
    cache.clear()
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        yield
    cache.clear()


class Api:
    """The test client speaking JSON with a bearer token (or none)."""

    def __init__(self, client, key=None, **meta):
        self.client, self.meta = client, dict(meta)
        if key:
            self.meta["HTTP_AUTHORIZATION"] = f"Bearer {key}"

    def get(self, url, **params):
        return self.client.get(url, params, **self.meta)

    def post(self, url, data):
        return self.client.post(url, json.dumps(data, default=str), content_type="application/json", **self.meta)


@pytest.fixture
def api(client):
    """api(user) → an Api with a fresh token of `user`; api(None) → anonymous."""

    def make(user, **meta):
        return Api(client, create_token(actor=None, user=user, name="test")[1] if user else None, **meta)

    return make


@pytest.fixture
def shenhe_unit(directory):
    return directory["沈河区人民政府"]


@pytest.fixture
def fgw_unit(directory):
    return directory["沈阳市发展和改革委员会"]


def registration(unit, **changes):
    return {"channel": "platform", "arrived_at": "2021-09-15T10:00:00+08:00", "target_unit": unit.pk,
            **APPLICANT, **changes}


def in_person(actor, unit, **fields):
    """Received on arrival 2021-09-15 (Wed): reply due Tue 2021-10-19."""
    application, _password = services.register(actor=actor, channel=Channel.IN_PERSON, arrived_at=ARRIVED,
                                               target_unit=unit, fields={**APPLICANT, **fields})
    return application


def url(application, action=""):
    return f"{LIST}{application.pk}/{action}"


# --- registration ------------------------------------------------------------------------------------

def test_a_platform_registers_an_application_and_gets_code_and_password(api, shenhe, shenhe_unit):
    response = api(shenhe).post(LIST, registration(shenhe_unit))
    assert response.status_code == 201, response.content
    body = response.json()
    application = Application.objects.get()
    assert body["id"] == application.pk and body["tracking_code"] == application.tracking_code
    assert body["status"] == "awaiting_confirmation" and body["receipt_date"] is None and body["due_date"] is None
    assert response["Cache-Control"] == "no-store"
    assert (application.channel, application.registered_by, application.handling_unit) == (
        Channel.PLATFORM, shenhe, shenhe_unit)
    assert application.arrived_at == ARRIVED
    # The password returned works for the public lookup and is stored only as a hash.
    assert services.find_by_code(body["tracking_code"], body["password"]) == application
    assert body["password"] not in application.password_hash
    assert not any(secret in str(event.data) for event in Event.objects.all() for secret in PERSONAL)


def test_a_registration_arrived_in_person_starts_the_clock(api, shenhe, shenhe_unit):
    body = api(shenhe).post(LIST, registration(shenhe_unit, channel="in_person")).json()
    assert (body["status"], body["receipt_date"], body["due_date"]) == ("in_handling", "2021-09-15", "2021-10-19")


def test_the_office_registers_for_any_unit(api, office, fgw_unit):
    assert api(office).post(LIST, registration(fgw_unit)).status_code == 201
    assert Application.objects.get().handling_unit == fgw_unit


@pytest.mark.parametrize(("changes", "field"), [
    ({"channel": "online"}, "channel"),  # online applications come through the public form
    ({"target_unit": 999999}, "target_unit"),
    ({"arrived_at": "2099-01-01T09:00:00+08:00"}, "arrived_at"),
    ({"phone": "", "email": "", "address": ""}, "non_field_errors"),
    ({"delivery": "post", "address": ""}, "address"),
    ({"id_number": ""}, "id_number"),
    ({"applicant_type": "alien"}, "applicant_type"),
    ({"email": "not an e-mail"}, "email"),
])
def test_bad_registrations_are_400_with_the_field(api, shenhe, shenhe_unit, changes, field):
    response = api(shenhe).post(LIST, registration(shenhe_unit, **changes))
    assert response.status_code == 400 and field in response.json(), response.content
    assert not Application.objects.exists()


def test_a_unit_registers_only_for_itself(api, fgw_liaison, shenhe_unit, client):
    response = api(fgw_liaison).post(LIST, registration(shenhe_unit))
    assert response.status_code == 403 and response.json()["detail"]
    assert Api(client).post(LIST, registration(shenhe_unit)).status_code == 401
    assert not Application.objects.exists()


@pytest.fixture
def intake_desk(directory):
    """The 12345 platform's account: an intake desk hosted by 市政府办公室 (全市依申请统一受理)."""
    from gongkai.orgs.models import Role
    from gongkai.orgs.services import create_person

    return create_person(actor=None, username="12345", password="x" * 12,
                         memberships=[(directory["沈阳市人民政府办公室"], Role.INTAKE)])


def test_the_intake_desk_registers_for_every_unit_and_follows_only_what_it_registered(
        api, intake_desk, office, shenhe_unit, fgw_unit, directory):
    desk = api(intake_desk)
    for unit in (shenhe_unit, fgw_unit):
        assert desk.post(LIST, registration(unit)).status_code == 201
    registered = set(Application.objects.values_list("pk", flat=True))
    # An application of its host unit that it did not register stays out of its sight.
    hosts = in_person(office, directory["沈阳市人民政府办公室"])
    rows = desk.get(LIST).json()["results"]
    assert {row["id"] for row in rows} == registered and hosts.pk not in registered
    detail = desk.get(url(Application.objects.get(handling_unit=fgw_unit))).json()
    assert detail["status"] == "awaiting_confirmation"
    assert not [secret for secret in PERSONAL if secret in json.dumps(detail, ensure_ascii=False)]  # masked
    assert desk.get(url(hosts)).status_code == 404


def test_the_intake_desk_cannot_act_for_the_units(api, intake_desk, shenhe_unit, directory, office):
    desk = api(intake_desk)
    desk.post(LIST, registration(shenhe_unit))
    application = Application.objects.get()
    response = desk.post(url(application, "confirm-receipt/"), {"day": "2021-09-16", "note": "电话确认"})
    assert response.status_code == 403
    assert Application.objects.get().status == Status.AWAITING_CONFIRMATION
    hosts = in_person(office, directory["沈阳市人民政府办公室"])
    assert desk.post(url(hosts, "confirm-receipt/"), {"day": "2021-09-16", "note": "电话确认"}).status_code == 404


# --- reading -----------------------------------------------------------------------------------------

def test_the_list_is_scoped_to_the_callers_units(api, shenhe, fgw_liaison, office, outsider, shenhe_unit, fgw_unit):
    ours = in_person(shenhe, shenhe_unit)
    theirs = in_person(fgw_liaison, fgw_unit)
    assert [row["id"] for row in api(shenhe).get(LIST).json()["results"]] == [ours.pk]
    assert [row["id"] for row in api(fgw_liaison).get(LIST).json()["results"]] == [theirs.pk]
    assert {row["id"] for row in api(office).get(LIST).json()["results"]} == {ours.pk, theirs.pk}
    assert api(outsider).get(LIST).json()["count"] == 0


def test_the_list_filters_by_status_and_shows_the_light(api, shenhe, shenhe_unit):
    running = in_person(shenhe, shenhe_unit)
    waiting, _password = services.submit_online(target_unit=shenhe_unit, fields=APPLICANT, now=ARRIVED)
    client = api(shenhe)
    rows = client.get(LIST, status="in_handling").json()["results"]
    assert [(row["id"], row["due_date"], row["light"]) for row in rows] == [(running.pk, "2021-10-19", "green")]
    rows = client.get(LIST, status="awaiting_confirmation").json()["results"]
    assert [(row["id"], row["light"]) for row in rows] == [(waiting.pk, None)]
    assert client.get(LIST, status="lost").status_code == 400


def test_the_light_turns_red_after_the_due_date(api, shenhe, shenhe_unit):
    in_person(shenhe, shenhe_unit)
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2021, 10, 20)):
        (row,) = api(shenhe).get(LIST).json()["results"]
    assert row["light"] == "red"


def test_personal_data_is_masked_everywhere(api, shenhe, shenhe_unit):
    application = in_person(shenhe, shenhe_unit)
    client = api(shenhe)
    listing, detail = client.get(LIST), client.get(url(application))
    for response in (listing, detail):
        assert not [secret for secret in PERSONAL if secret in response.content.decode()]
    applicant = detail.json()["applicant"]
    assert applicant == {
        "applicant_type": "natural_person", "name": "李*", "legal_representative": "", "contact_person": "",
        "id_type": "resident_id", "id_number": "210***********1234", "phone": "138****5678", "email": "li****@example.cn",
        "address": "沈阳市沈河区" + "*" * (len(APPLICANT["address"]) - 6),
    }


def test_the_detail_shows_the_clock_as_of_today_and_the_request(api, shenhe, shenhe_unit):
    application = in_person(shenhe, shenhe_unit)
    body = api(shenhe).get(url(application)).json()
    assert body["description"] == APPLICANT["description"] and body["handling_unit"]["name"] == "沈河区人民政府"
    clock = body["clock"]
    # Received Wed 9-15; by Wed 9-22: 9-16, 9-17, 9-18 (make-up Saturday), 9-22 — 9-19 to 9-21 are Mid-Autumn.
    assert (clock["due"], clock["workdays_used"], clock["workdays_left"]) == ("2021-10-19", 4, 16)
    assert clock["explanation"] and body["clock_error"] is None and body["decisions"] == []


def test_another_units_application_is_404(api, shenhe, fgw_liaison, outsider, shenhe_unit):
    application = in_person(shenhe, shenhe_unit)
    for user in (fgw_liaison, outsider):
        client = api(user)
        assert client.get(url(application)).status_code == 404
        for action, data in (("confirm-receipt/", {"day": "2021-09-16", "note": "x"}),
                             ("clock-steps/", {"kind": "fee_paid", "day": "2021-09-20"}),
                             ("transfer/", {"unit": shenhe_unit.pk, "reason": "x"}),
                             ("decisions/", {"closure_code": "disclosed"}),
                             ("serve/", {"method": "online", "day": "2021-09-20"})):
            assert client.post(url(application, action), data).status_code == 404, action
    assert api(shenhe).get(f"{LIST}999999/").status_code == 404


def test_a_unit_asked_for_a_part_reads_but_cannot_act(api, shenhe, zrzy_liaison, shenhe_unit, directory):
    application = in_person(shenhe, shenhe_unit)
    services.ask_part(actor=shenhe, application=application, unit=directory["沈阳市自然资源局"],
                      question="地块规划条件", due_date=datetime.date(2021, 10, 8))
    client = api(zrzy_liaison)
    assert client.get(url(application)).status_code == 200
    response = client.post(url(application, "transfer/"), {"unit": shenhe_unit.pk, "reason": "不属于本单位"})
    assert response.status_code == 403 and response.json()["detail"]


# --- staff actions -----------------------------------------------------------------------------------

@pytest.fixture
def online(shenhe_unit):
    """Submitted online on Tue 2021-09-14 at 22:00, receipt not yet confirmed."""
    application, _password = services.submit_online(
        target_unit=shenhe_unit, fields=APPLICANT, now=datetime.datetime(2021, 9, 14, 22, tzinfo=SHANGHAI))
    return application


def test_confirm_receipt_starts_the_clock(api, shenhe, online):
    client = api(shenhe)
    response = client.post(url(online, "confirm-receipt/"), {"day": "2021-09-15", "note": "电话与申请人确认"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["status"], body["receipt_date"], body["due_date"]) == ("in_handling", "2021-09-15", "2021-10-19")
    english = api(shenhe, HTTP_ACCEPT_LANGUAGE="en")
    again = english.post(url(online, "confirm-receipt/"), {"day": "2021-09-16", "note": "again"})
    assert again.status_code == 400
    assert again.json() == {"non_field_errors": ["The receipt of this application is already confirmed."]}


def test_confirm_receipt_refusals(api, shenhe, online):
    client = api(shenhe)
    assert client.post(url(online, "confirm-receipt/"), {"day": "2021-09-13", "note": "x"}).status_code == 400
    assert "note" in client.post(url(online, "confirm-receipt/"), {"day": "2021-09-15", "note": " "}).json()
    assert "day" in client.post(url(online, "confirm-receipt/"), {"day": "15/09/2021", "note": "x"}).json()
    # A year whose holiday notice is not loaded is a clear 400, not a 500, and nothing is saved.
    response = client.post(url(online, "confirm-receipt/"), {"day": "2023-03-01", "note": "x"})
    assert response.status_code == 400 and "2023" in response.json()["non_field_errors"][0]
    online.refresh_from_db()
    assert (online.status, online.receipt_date, online.clock_events.count()) == (Status.AWAITING_CONFIRMATION,
                                                                                   None, 0)


def test_clock_steps_pause_and_refuse(api, shenhe, office, shenhe_unit):
    application = in_person(shenhe, shenhe_unit)
    client, steps = api(shenhe), url(application, "clock-steps/")
    response = client.post(steps, {"kind": "correction_requested", "day": "2021-09-17", "received_on": "2021-09-17",
                                   "note": "请明确项目名称"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "awaiting_correction" and body["clock"]["paused"] is True
    assert body["clock"]["pause_reason"] == "correction"
    # Art 30: one correction notice only — the clock's own message comes back.
    second = client.post(steps, {"kind": "correction_requested", "day": "2021-09-22"})
    assert second.status_code == 400 and second.json()["non_field_errors"]
    assert "workdays" in client.post(steps, {"kind": "fee_paid", "day": "2021-09-22", "workdays": 5}).json()
    assert "new_deadline" in client.post(steps, {"kind": "deadline_set", "day": "2021-09-22", "note": "x"}).json()
    assert "kind" in client.post(steps, {"kind": "received", "day": "2021-09-22"}).json()
    assert application.clock_events.count() == 2  # received + the one correction notice


def test_only_the_office_extends(api, shenhe, office, shenhe_unit):
    application = in_person(shenhe, shenhe_unit)
    step = {"kind": "extended", "day": "2021-10-18", "workdays": 20, "note": "涉及档案调阅"}
    assert api(shenhe).post(url(application, "clock-steps/"), step).status_code == 403
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2021, 10, 18)):
        response = api(office).post(url(application, "clock-steps/"), step)
    assert response.status_code == 200, response.content
    # 20 more working days after Tue 10-19: 10-20 … 11-16 (no holidays in between).
    assert response.json()["due_date"] == "2021-11-16" and response.json()["clock"]["extension"] == 20


def test_transfer_hands_over_and_checks_the_version(api, shenhe, fgw_liaison, shenhe_unit, fgw_unit):
    application = in_person(shenhe, shenhe_unit)
    client = api(shenhe)
    stale = client.post(url(application, "transfer/"),
                        {"unit": fgw_unit.pk, "reason": "信息由发改委制作", "version": application.version - 1})
    assert stale.status_code == 409 and stale.json()["detail"]
    assert client.post(url(application, "transfer/"), {"unit": shenhe_unit.pk, "reason": "x"}).status_code == 400
    assert "reason" in client.post(url(application, "transfer/"), {"unit": fgw_unit.pk, "reason": ""}).json()
    response = client.post(url(application, "transfer/"),
                           {"unit": fgw_unit.pk, "reason": "信息由发改委制作", "version": application.version})
    assert response.status_code == 200, response.content
    assert response.json()["handling_unit"] == {"id": fgw_unit.pk, "name": fgw_unit.name}
    assert "applicant" not in response.json()
    assert client.get(url(application)).status_code == 404  # no longer shenhe's
    assert api(fgw_liaison).get(url(application)).json()["due_date"] == "2021-10-19"  # the clock kept running


PARTIAL = {"closure_code": "partial", "reasons": "涉及第三方商业秘密的部分不予公开。", "grounds": ["art15"],
           "how_to_obtain": "通过电子邮件发送可公开部分。"}


def test_decide_review_and_serve(api, shenhe, shenhe_reviewer, office, shenhe_unit):
    application = in_person(shenhe, shenhe_unit)
    handler, reviewer = api(shenhe), api(shenhe_reviewer)
    drafted = handler.post(url(application, "decisions/"), PARTIAL)
    assert drafted.status_code == 201, drafted.content
    decision = drafted.json()
    assert (decision["closure_code"], decision["status"], decision["drafted_by"]) == (
        "partial", "awaiting_approval", "shenhe")
    review = url(application, f"decisions/{decision['id']}/review/")
    assert handler.post(review, {"approve": True}).status_code == 403  # not the drafter
    assert reviewer.post(review, {"approve": False}).status_code == 400  # returning needs a comment
    approved = reviewer.post(review, {"approve": True})
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    assert approved.json()["reviewed_by"] == "shenhe-review"
    assert api(office).post(review, {"approve": False, "comment": "理由不充分"}).status_code == 409
    assert handler.post(url(application, "serve/"), {"method": "post", "day": "2021-10-19"}).status_code == 400
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2021, 10, 19)):
        served = handler.post(url(application, "serve/"),
                              {"method": "post", "day": "2021-10-19", "postal_tracking": "1190012345678"})
    assert served.status_code == 200, served.content
    body = served.json()
    assert (body["status"], body["closure_code"], body["served_on"], body["light"]) == (
        "served", "partial", "2021-10-19", None)
    assert body["clock"]["late"] is False  # handed to China Post on the last day is in time
    assert [d["status"] for d in body["decisions"]] == ["approved"]


def test_decision_refusals(api, shenhe, shenhe_unit, fgw_liaison, fgw_unit):
    application = in_person(shenhe, shenhe_unit)
    client = api(shenhe)
    drafts = url(application, "decisions/")
    assert "closure_code" in client.post(drafts, {"closure_code": "maybe"}).json()
    assert "grounds" in client.post(drafts, {**PARTIAL, "grounds": ["art999"]}).json()
    refusal = client.post(drafts, {"closure_code": "withheld_process"})  # no reasons, no grounds
    assert refusal.status_code == 400 and refusal.json()["non_field_errors"]
    unclear = client.post(drafts, {"closure_code": "unavailable_not_held", "reasons": "经检索未找到",
                                   "grounds": ["art36_4"]})  # 无法提供 needs its detail
    assert unclear.status_code == 400
    assert client.post(url(application, "serve/"), {"method": "online", "day": "2021-10-19"}).status_code == 400
    # A decision of another application is not found under this one.
    other = in_person(fgw_liaison, fgw_unit)
    foreign = api(fgw_liaison).post(url(other, "decisions/"), PARTIAL).json()
    response = client.post(url(application, f"decisions/{foreign['id']}/review/"), {"approve": True})
    assert response.status_code == 404
    assert not application.decisions.exists()


# --- the public lookup ---------------------------------------------------------------------------------

def test_the_public_lookup_shows_progress_and_nothing_personal(api, shenhe, shenhe_unit):
    body = api(shenhe).post(LIST, registration(shenhe_unit, channel="in_person")).json()
    response = api(None).post(STATUS, {"tracking_code": body["tracking_code"].lower(), "password": body["password"]})
    assert response.status_code == 200, response.content
    assert response.json() == {
        "tracking_code": body["tracking_code"], "status": "in_handling", "status_label": response.json()["status_label"],
        "target_unit": "沈河区人民政府", "handling_unit": "沈河区人民政府", "arrived_on": "2021-09-15",
        "receipt_date": "2021-09-15", "due_date": "2021-10-19", "served_on": None,
    }
    assert not [secret for secret in PERSONAL if secret in response.content.decode()]
    assert response["Cache-Control"] == "no-store"


def test_wrong_code_and_wrong_password_get_the_same_404(api, shenhe, shenhe_unit):
    body = api(shenhe).post(LIST, registration(shenhe_unit)).json()
    public = api(None)
    wrong_password = public.post(STATUS, {"tracking_code": body["tracking_code"], "password": "WRONG234"})
    wrong_code = public.post(STATUS, {"tracking_code": "2021-ZZZZZZZZ", "password": body["password"]})
    assert wrong_password.status_code == wrong_code.status_code == 404
    assert wrong_password.content == wrong_code.content
    assert public.post(STATUS, {"tracking_code": body["tracking_code"]}).status_code == 400


def test_the_public_lookup_ignores_tokens(api, client, shenhe, shenhe_unit):
    body = api(shenhe).post(LIST, registration(shenhe_unit)).json()
    revoked = Api(client, "gk_not_a_token")
    response = revoked.post(STATUS, {"tracking_code": body["tracking_code"], "password": body["password"]})
    assert response.status_code == 200


def test_the_public_lookup_is_throttled_per_address(client):
    public = Api(client, REMOTE_ADDR="203.0.113.7")
    wrong = {"tracking_code": "2021-ZZZZZZZZ", "password": "WRONG234"}
    assert [public.post(STATUS, wrong).status_code for _ in range(20)] == [404] * 20
    assert public.post(STATUS, wrong).status_code == 429
    # Naming another address in X-Forwarded-For does not reset the count …
    spoofed = Api(client, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert spoofed.post(STATUS, wrong).status_code == 429
    # … while a different client is not affected.
    assert Api(client, REMOTE_ADDR="203.0.113.8").post(STATUS, wrong).status_code == 404


# --- the OpenAPI document ------------------------------------------------------------------------------

def test_the_openapi_document_describes_the_foi_api(api, shenhe):
    schema = api(shenhe).get("/api/v1/schema/", format="json").json()
    paths = schema["paths"]
    expected = {
        "/api/v1/foi/applications/": {"get", "post"},
        "/api/v1/foi/applications/{id}/": {"get"},
        "/api/v1/foi/applications/{id}/confirm-receipt/": {"post"},
        "/api/v1/foi/applications/{id}/clock-steps/": {"post"},
        "/api/v1/foi/applications/{id}/transfer/": {"post"},
        "/api/v1/foi/applications/{id}/decisions/": {"post"},
        "/api/v1/foi/applications/{id}/decisions/{decision_id}/review/": {"post"},
        "/api/v1/foi/applications/{id}/serve/": {"post"},
        "/api/v1/foi/status/": {"post"},
    }
    for path, methods in expected.items():
        assert methods <= set(paths[path]), path
    components = schema["components"]["schemas"]
    register = paths["/api/v1/foi/applications/"]["post"]
    assert register["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/Registration")
    assert set(register["responses"]) >= {"201", "400", "403"}
    assert {"arrived_at", "target_unit", "name", "id_number", "description"} <= set(
        components["Registration"]["required"])
    assert "password" in components["Registered"]["properties"]
    assert set(paths["/api/v1/foi/applications/{id}/transfer/"]["post"]["responses"]) >= {
        "200", "400", "403", "404", "409"}
    public = set(components["PublicStatus"]["properties"])
    assert public.isdisjoint({"name", "id_number", "phone", "email", "address", "applicant"})
    assert "security" not in paths["/api/v1/foi/status/"]["post"] or paths["/api/v1/foi/status/"]["post"][
        "security"] in ([], [{}])
    assert schema["components"]["securitySchemes"]["bearerAuth"] == {"type": "http", "scheme": "bearer"}


def test_the_list_costs_the_same_number_of_queries_for_one_row_or_many(api, shenhe, shenhe_unit):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = api(shenhe)
    in_person(shenhe, shenhe_unit)
    client.get(LIST)  # warm the calendar cache and the token's last-used stamp

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LIST).status_code == 200
        return len(captured)

    one = queries()
    for _ in range(5):
        in_person(shenhe, shenhe_unit)
    assert queries() == one
