"""The documents API, reading: what the public and each unit's token see of published documents and drafts.

Time is pinned to Wed 2026-06-10 10:00 Beijing time. The documents belong to 沈河区人民政府 (handler
`shenhe`, reviewer `shenhe_reviewer`, viewer `shenhe_viewer`); `fgw_liaison` is of another unit.
The write API is tested in test_documents_api_write.py, which shares these fixtures.
"""

import datetime
import io
import json
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gongkai.api.services import create_token
from gongkai.documents import services
from gongkai.documents.models import Category, CategoryKind, Column, DisclosureAttribute
from gongkai.workdays.services import ensure_package_years

SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))
NOW = datetime.datetime(2026, 6, 10, 10, 0, tzinfo=SHANGHAI)
LIST = "/api/v1/documents/"
HUGE = 10**30


def url(document, action=""):
    pk = document if isinstance(document, int) else document.pk
    return f"{LIST}{pk}/{action}"


@pytest.fixture(autouse=True)
def pinned(db):
    """The 2026 working-day calendar and a clock that stands still at NOW."""
    ensure_package_years(years=[2025, 2026])
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        yield


class Api:
    """The test client speaking JSON with a bearer token (or none)."""

    def __init__(self, client, key=None):
        self.client, self.meta = client, {}
        if key:
            self.meta["HTTP_AUTHORIZATION"] = f"Bearer {key}"

    def get(self, path, **params):
        return self.client.get(path, params, **self.meta)

    def post(self, path, data=None):
        return self.client.post(path, json.dumps(data or {}, default=str), content_type="application/json",
                                **self.meta)

    def patch(self, path, data):
        return self.client.patch(path, json.dumps(data, default=str), content_type="application/json", **self.meta)

    def raw(self, method, path, body, content_type="application/json"):
        return getattr(self.client, method)(path, body, content_type=content_type, **self.meta)

    def upload(self, path, **files):
        return self.client.post(path, files, **self.meta)  # multipart


@pytest.fixture
def api(client):
    """api(user) → an Api with a fresh token of `user`; api(None) → anonymous."""

    def make(user):
        return Api(client, create_token(actor=None, user=user, name="test")[1] if user else None)

    return make


@pytest.fixture
def shenhe_unit(directory):
    return directory["沈河区人民政府"]


@pytest.fixture
def fgw_unit(directory):
    return directory["沈阳市发展和改革委员会"]


def category(kind, name):
    return Category.objects.get(kind=kind, name=name)


def docx(text):
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def word_file(name="实施方案.docx", text="附件：实施方案全文"):
    return SimpleUploadedFile(name, docx(text))


@pytest.fixture
def draft(shenhe, shenhe_unit):
    """draft(title, **fields): a draft of 沈河区人民政府 by its handler."""

    def make(title="沈河区人民政府关于印发老旧小区改造实施方案的通知", *, joint_units=(), columns=(), **fields):
        fields.setdefault("attribute", DisclosureAttribute.PROACTIVE)
        fields.setdefault("body", "<p>为推进老旧小区改造，制定本方案。</p>")
        return services.create_document(actor=shenhe, unit=shenhe_unit, fields={"title": title, **fields},
                                        joint_units=joint_units, columns=columns)

    return make


@pytest.fixture
def published(draft, shenhe, shenhe_reviewer):
    """published(title, when=…, **fields): a draft taken through review to publication at `when`."""

    def make(title="沈河区人民政府关于做好2026年度政务公开工作的通知", *, when=None, **fields):
        document = draft(title, **fields)
        services.submit_for_review(actor=shenhe, document=document)
        return services.publish(actor=shenhe_reviewer, document=document, now=when)

    return make


@pytest.fixture
def every_state(draft, published, shenhe, shenhe_reviewer):
    """One public document beside a draft, one in review, a scheduled, a withdrawn and a 依申请公开 one."""
    public = published("公开的通知")
    in_review = draft("待审核的通知")
    services.submit_for_review(actor=shenhe, document=in_review)
    scheduled = draft("定时发布的通知")
    services.submit_for_review(actor=shenhe, document=scheduled)
    services.publish(actor=shenhe_reviewer, document=scheduled, at=NOW + datetime.timedelta(days=3))
    withdrawn = published("已撤回的通知")
    services.withdraw(actor=shenhe_reviewer, document=withdrawn, reason="内容有误")
    on_request = published("依申请公开的通知", attribute=DisclosureAttribute.ON_REQUEST,
                           attribute_reason="涉及内部管理事项", legal_ground="art16_1")
    made = {"public": public, "draft": draft("草稿通知"), "in_review": in_review, "scheduled": scheduled,
            "withdrawn": withdrawn, "on_request": on_request}
    for document in made.values():  # the services return their own fresh copies
        document.refresh_from_db()
    return made


# --- visibility --------------------------------------------------------------------------------------

def test_the_public_list_holds_published_public_documents_only_whoever_asks(api, every_state, shenhe, office):
    for caller in (None, shenhe, office):  # a unit's or the office's token does not add its drafts to the list
        response = api(caller).get(LIST)
        assert response.status_code == 200, response.content
        assert [row["title"] for row in response.json()["results"]] == ["公开的通知"]


@pytest.mark.parametrize("hidden", ["draft", "in_review", "scheduled", "withdrawn", "on_request"])
def test_a_document_not_public_is_404_to_the_public_exactly_like_an_unknown_id(api, every_state, hidden):
    anonymous = api(None)
    answer = anonymous.get(url(every_state[hidden]))
    unknown = anonymous.get(url(999_999))
    assert answer.status_code == unknown.status_code == 404
    assert answer.json() == unknown.json()
    assert every_state[hidden].title not in answer.content.decode()
    assert anonymous.get(url(every_state["public"])).status_code == 200


@pytest.mark.parametrize("hidden", ["draft", "in_review", "withdrawn", "on_request"])
def test_the_issuing_units_staff_read_its_documents_in_every_state_another_unit_gets_404(
        api, every_state, hidden, shenhe, shenhe_viewer, fgw_liaison):
    document = every_state[hidden]
    for insider in (shenhe, shenhe_viewer):
        body = api(insider).get(url(document)).json()
        assert (body["id"], body["state"]) == (document.pk, document.state)
    assert api(fgw_liaison).get(url(document)).status_code == 404
    assert api(fgw_liaison).get(url(every_state["public"])).status_code == 200


def test_a_joint_issuers_staff_read_the_draft_too(api, draft, fgw_unit, fgw_liaison, zrzy_liaison):
    document = draft(joint_units=[fgw_unit])
    assert api(fgw_liaison).get(url(document)).json()["state"] == "draft"
    assert api(zrzy_liaison).get(url(document)).status_code == 404


def test_huge_and_odd_ids_are_404_or_400_never_500(api, published, shenhe):
    published()
    for caller in (None, shenhe):
        assert api(caller).get(url(HUGE)).status_code == 404
        assert api(caller).get(f"{LIST}abc/").status_code == 404
        assert api(caller).get(LIST, unit=str(HUGE)).status_code == 400


# --- the detail ----------------------------------------------------------------------------------------

def test_the_detail_carries_the_metadata_of_the_public_page(api, client, draft, published, shenhe, shenhe_reviewer,
                                                            fgw_unit):
    earlier = published("沈阳市沈河区老旧小区改造管理办法", genre=category(CategoryKind.GENRE, "规范性文件"),
                        when=NOW - datetime.timedelta(days=30))
    policy = draft(
        "沈河区老旧小区改造管理办法（修订）", number="沈河政发〔2026〕7号", written_on=datetime.date(2026, 6, 1),
        genre=category(CategoryKind.GENRE, "规范性文件"), topic=Category.objects.filter(kind=CategoryKind.TOPIC).first(),
        keywords=["老旧小区", "改造"], expires_on=datetime.date(2031, 6, 1), joint_units=[fgw_unit],
        body="<p>第一条 为规范老旧小区改造，制定本办法。</p>")
    services.add_attachment(actor=shenhe, document=policy, upload=word_file())
    services.submit_for_review(actor=shenhe, document=policy)
    policy = services.publish(actor=shenhe_reviewer, document=policy)
    services.set_validity(actor=shenhe_reviewer, document=earlier, validity="repealed", superseded_by=policy)
    interpretation = published("《沈河区老旧小区改造管理办法》政策解读", interprets=policy, interpretation_kind="text")
    hidden_interpretation = draft("图解（草稿）", interprets=policy, interpretation_kind="graphic")

    body = api(None).get(url(policy)).json()
    assert body["index_number"] and body["index_number"] == policy.index_number
    assert (body["number"], body["title"], body["state"]) == ("沈河政发〔2026〕7号", policy.title, "published")
    assert body["unit"]["name"] == "沈河区人民政府"
    assert [unit["name"] for unit in body["joint_units"]] == ["沈阳市发展和改革委员会"]
    assert (body["written_on"], body["expires_on"]) == ("2026-06-01", "2031-06-01")
    assert body["published_at"] == "2026-06-10T10:00:00+08:00"
    assert body["genre"]["name"] == "规范性文件" and body["topic"]["id"] == policy.topic_id
    assert (body["keywords"], body["attribute"], body["validity"]) == (["老旧小区", "改造"], "proactive", "in_force")
    assert body["body_html"] == "<p>第一条 为规范老旧小区改造，制定本办法。</p>"
    assert body["page_url"].endswith(f"/gk/{policy.pk}/")
    [attachment] = body["attachments"]
    assert attachment["name"] == "实施方案.docx" and attachment["kind"] == "Word (DOCX)"
    download = client.get(attachment["url"])
    assert download.status_code == 200 and b"".join(download.streaming_content)[:2] == b"PK"
    assert [(i["id"], i["interpretation_kind"]) for i in body["interpretations"]] == [(interpretation.pk, "text")]
    assert hidden_interpretation.pk not in {i["id"] for i in body["interpretations"]}
    # Drafted with the attachment added (v1, v2) and never public until v2 was published.
    assert [(v["number"], v["was_published"]) for v in body["versions"]] == [(2, True)]
    assert body["versions"][0]["page_url"].endswith(f"/gk/{policy.pk}/versions/2/")

    explained = api(None).get(url(interpretation)).json()
    assert explained["interprets"]["id"] == policy.pk and explained["interprets"]["number"] == "沈河政发〔2026〕7号"
    repealed = api(None).get(url(earlier)).json()
    assert (repealed["validity"], repealed["superseded_by"]["id"]) == ("repealed", policy.pk)


def test_staff_of_the_unit_see_every_version_and_no_public_links_of_a_draft(api, draft, shenhe, shenhe_viewer):
    document = draft()
    services.add_attachment(actor=shenhe, document=document, upload=word_file())
    body = api(shenhe_viewer).get(url(document)).json()
    assert [v["number"] for v in body["versions"]] == [2, 1]
    assert body["page_url"] is None and body["attachments"][0]["url"] is None
    assert all(v["page_url"] is None for v in body["versions"])


def test_a_draft_interpretation_is_hidden_from_the_public_but_not_from_its_unit(api, draft, published, shenhe):
    policy = published()
    interpretation = draft("解读（草稿）", interprets=policy, interpretation_kind="text")
    assert api(None).get(url(policy)).json()["interpretations"] == []
    assert [i["id"] for i in api(shenhe).get(url(policy)).json()["interpretations"]] == [interpretation.pk]


# --- the list's filters ----------------------------------------------------------------------------------

@pytest.fixture
def library(published, fgw_unit, shenhe_unit):
    """Four public documents of 沈河区 published on different days, one of them jointly with 市发展改革委."""
    rules = category(CategoryKind.GENRE, "规范性文件")
    topic = Category.objects.filter(kind=CategoryKind.TOPIC).order_by("id").first()
    column = Column.objects.standard().roots().first()
    child = column.children.first() or column
    made = {
        "old": published("沈河区2025年财政预算执行情况", when=datetime.datetime(2025, 12, 30, 9, tzinfo=SHANGHAI),
                         number="沈河财发〔2025〕3号"),
        "rule": published("沈河区物业管理办法", genre=rules, when=datetime.datetime(2026, 3, 2, 9, tzinfo=SHANGHAI),
                          number="沈河政发〔2026〕2号"),
        "joint": published("关于推进营商环境建设的通知", joint_units=[fgw_unit], topic=topic, columns=[child],
                           when=datetime.datetime(2026, 5, 1, 23, 30, tzinfo=SHANGHAI)),
        "new": published("沈河区2026年政务公开工作要点", when=NOW),
    }
    return {**made, "rules": rules, "topic": topic, "column": column, "fgw": fgw_unit, "shenhe": shenhe_unit}


def titles(response):
    assert response.status_code == 200, response.content
    return [row["title"] for row in response.json()["results"]]


def test_the_list_is_newest_first_and_paginated(api, library):
    assert titles(api(None).get(LIST)) == ["沈河区2026年政务公开工作要点", "关于推进营商环境建设的通知",
                                           "沈河区物业管理办法", "沈河区2025年财政预算执行情况"]
    page = api(None).get(LIST, limit=2, offset=2).json()
    assert page["count"] == 4 and [row["title"] for row in page["results"]] == [
        "沈河区物业管理办法", "沈河区2025年财政预算执行情况"]
    first = page["results"][0]
    assert first["url"].endswith(url(library["rule"])) and first["genre"]["name"] == "规范性文件"


def test_the_list_filters(api, library):
    anonymous = api(None)
    assert titles(anonymous.get(LIST, unit=library["fgw"].pk)) == ["关于推进营商环境建设的通知"]  # a joint issuer
    assert len(titles(anonymous.get(LIST, unit=library["shenhe"].pk))) == 4
    assert titles(anonymous.get(LIST, genre=library["rules"].pk)) == ["沈河区物业管理办法"]
    assert titles(anonymous.get(LIST, validity="in_force")) == ["沈河区物业管理办法"]
    assert titles(anonymous.get(LIST, topic=library["topic"].pk)) == ["关于推进营商环境建设的通知"]
    assert titles(anonymous.get(LIST, column=library["column"].pk)) == ["关于推进营商环境建设的通知"]  # its subtree
    assert titles(anonymous.get(LIST, q="物业")) == ["沈河区物业管理办法"]
    assert titles(anonymous.get(LIST, q="沈河财发〔2025〕3号")) == ["沈河区2025年财政预算执行情况"]
    # Days are Beijing days: 23:30 on 1 May (15:30 UTC) is 1 May, and the before-day counts whole.
    assert titles(anonymous.get(LIST, published_after="2026-05-01", published_before="2026-05-01")) == [
        "关于推进营商环境建设的通知"]
    assert titles(anonymous.get(LIST, published_after="2026-01-01", published_before="2026-05-31")) == [
        "关于推进营商环境建设的通知", "沈河区物业管理办法"]
    assert titles(anonymous.get(LIST, published_before="2025-12-31")) == ["沈河区2025年财政预算执行情况"]


@pytest.mark.parametrize("params", [
    {"unit": "999999"}, {"unit": str(HUGE)}, {"unit": "abc"}, {"genre": "-1"}, {"topic": "x"}, {"column": "99999"},
    {"validity": "forever"}, {"published_after": "2026-13-01"}, {"published_before": "yesterday"}, {"q": "字" * 101},
])
def test_a_bad_filter_is_a_400_naming_it_in_chinese(api, library, params):
    response = api(None).get(LIST, **params)
    assert response.status_code == 400
    [(field, messages)] = response.json().items()
    assert field == next(iter(params))
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in message) for message in messages), messages


def test_a_genre_id_is_not_a_topic(api, library):
    assert api(None).get(LIST, topic=library["rules"].pk).status_code == 400


def test_the_list_costs_the_same_number_of_queries_for_one_row_or_many(api, published):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    published("第一份")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert api(None).get(LIST).status_code == 200
        return len(captured)

    one = queries()
    for n in range(4):
        published(f"第{n + 2}份")
    assert queries() == one


def test_dates_are_iso_and_in_beijing_time(api, published):
    document = published(when=datetime.datetime(2026, 1, 1, 0, 30, tzinfo=SHANGHAI))
    row = api(None).get(LIST).json()["results"][0]
    assert row["published_at"] == "2026-01-01T00:30:00+08:00"
    assert timezone.localtime(document.published_at).year == 2026
