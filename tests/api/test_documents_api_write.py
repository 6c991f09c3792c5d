"""The documents API, writing: a unit's own system drafts, attaches, submits and publishes through the
services, the role table refuses others in Chinese, personal data stops publication, bad input is a 400."""
# ruff: noqa: F811 — the fixtures of test_documents_api.py are imported by name and requested as arguments

import pytest

from gongkai.documents.models import Document, DocumentState
from gongkai.events.models import Event
from tests.api.test_documents_api import (  # noqa: F401 — shared fixtures
    HUGE,
    LIST,
    api,
    draft,
    fgw_unit,
    pinned,
    published,
    shenhe_unit,
    url,
    word_file,
)

VALID_ID = "11010519491231002X"  # the check digit of GB 11643 is right: a real-looking number


def new_draft(owner, **changes):
    return {"unit": owner.pk, "title": "沈河区关于开展老旧小区改造的通知", "attribute": "proactive",
            "body": "<p>为推进老旧小区改造，制定本方案。</p>", "keywords": ["老旧小区"], **changes}


def test_a_units_system_drafts_attaches_submits_and_its_reviewer_publishes(api, shenhe, shenhe_reviewer,
                                                                           shenhe_unit, fgw_unit):
    handler = api(shenhe)
    created = handler.post(LIST, new_draft(shenhe_unit, joint_units=[fgw_unit.pk], number="沈河政发〔2026〕9号"))
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["state"], body["version"], body["number"]) == ("draft", 1, "沈河政发〔2026〕9号")
    assert [unit["id"] for unit in body["joint_units"]] == [fgw_unit.pk]
    document = Document.objects.get(pk=body["id"])
    assert document.created_by == shenhe and document.unit == shenhe_unit
    assert api(None).get(url(document)).status_code == 404

    attached = handler.upload(url(document, "attachments/"), file=word_file())
    assert attached.status_code == 201, attached.content
    assert attached.json()["name"] == "实施方案.docx" and attached.json()["url"] is None
    assert handler.post(url(document, "submit/")).json()["state"] == "in_review"
    answer = api(shenhe_reviewer).post(url(document, "publish/"))
    assert answer.status_code == 200, answer.content
    assert answer.json()["state"] == "published" and answer.json()["index_number"]
    public = api(None).get(url(document)).json()
    assert public["attachments"][0]["url"].endswith(f"/gk/{document.pk}/files/{attached.json()['id']}/")
    verbs = list(Event.objects.about(document).order_by("id").values_list("verb", "actor__username"))
    assert verbs == [("documents.created", "shenhe"), ("documents.attachment_added", "shenhe"),
                     ("documents.submitted", "shenhe"), ("documents.published", "shenhe-review")]


def test_publication_at_a_set_time_is_scheduled(api, draft, shenhe, shenhe_reviewer):
    document = draft()
    api(shenhe).post(url(document, "submit/"))
    body = api(shenhe_reviewer).post(url(document, "publish/"), {"at": "2026-06-12T09:00"}).json()
    assert (body["state"], body["scheduled_for"]) == ("scheduled", "2026-06-12T09:00:00+08:00")
    assert api(None).get(url(document)).status_code == 404


def test_withdrawal_needs_a_reason_in_chinese_and_takes_the_document_off_the_public_side(
        api, published, shenhe_reviewer):
    document = published()
    reviewer = api(shenhe_reviewer)
    refused = reviewer.post(url(document, "withdraw/"), {"reason": "  "})
    assert refused.status_code == 400 and refused.json() == {"reason": ["请说明撤回理由；理由将记入文件历史。"]}
    assert reviewer.post(url(document, "withdraw/"), {"reason": "政策已调整"}).json()["state"] == "withdrawn"
    assert api(None).get(url(document)).status_code == 404
    assert reviewer.post(url(document, "return/"), {"reason": "修改后重新发布"}).json()["state"] == "draft"


def test_an_edit_is_a_new_version_with_only_the_fields_sent(api, draft, shenhe):
    document = draft(number="沈河政发〔2026〕1号")
    answer = api(shenhe).patch(url(document), {"title": "新标题", "note": "改标题"})
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert (body["title"], body["number"], body["version"]) == ("新标题", "沈河政发〔2026〕1号", 2)
    assert body["versions"][0]["note"] == "改标题"


# --- who may -------------------------------------------------------------------------------------------

def test_the_role_table_refuses_in_chinese(api, draft, shenhe, shenhe_viewer, shenhe_unit, fgw_unit, fgw_liaison):
    viewer = api(shenhe_viewer)
    response = viewer.post(LIST, new_draft(shenhe_unit))
    assert response.status_code == 403 and response.json() == {"detail": "只能为本单位起草文件。"}
    # A handler drafts only for their own unit.
    assert api(shenhe).post(LIST, new_draft(fgw_unit)).json() == {"detail": "只能为本单位起草文件。"}
    document = draft()
    assert viewer.patch(url(document), {"title": "x"}).json() == {"detail": "只有发文单位的工作人员才能修改其文件。"}
    assert viewer.post(url(document, "submit/")).status_code == 403
    assert viewer.upload(url(document, "attachments/"), file=word_file()).status_code == 403
    api(shenhe).post(url(document, "submit/"))
    refused = api(shenhe).post(url(document, "publish/"))
    assert refused.status_code == 403 and refused.json() == {"detail": "只有发文单位的审核人在保密审查后才能发布文件。"}
    # Another unit's token does not learn that the draft exists.
    other = api(fgw_liaison)
    for answer in (other.patch(url(document), {"title": "x"}), other.post(url(document, "publish/")),
                   other.upload(url(document, "attachments/"), file=word_file())):
        assert answer.status_code == 404
    assert Document.objects.get(pk=document.pk).state == DocumentState.IN_REVIEW
    assert not Document.objects.filter(unit=fgw_unit).exists()


def test_another_units_token_reads_a_public_document_but_may_not_change_it(api, published, fgw_liaison):
    document = published()
    assert api(fgw_liaison).patch(url(document), {"title": "x"}).status_code == 403
    assert api(fgw_liaison).post(url(document, "withdraw/"), {"reason": "x"}).status_code == 403


def test_without_a_token_nothing_is_written(api, draft, shenhe_unit):
    document = draft()
    anonymous = api(None)
    assert anonymous.post(LIST, new_draft(shenhe_unit)).status_code == 401
    assert anonymous.patch(url(document), {"title": "x"}).status_code == 401
    assert anonymous.post(url(document, "submit/")).status_code == 401
    assert Document.objects.count() == 1


# --- personal data -------------------------------------------------------------------------------------

def test_unmasked_personal_data_stops_publication_until_confirmed(api, draft, shenhe, shenhe_reviewer):
    document = draft(body=f"<p>申请人张三，身份证号{VALID_ID}，联系电话13812345678。</p>")
    api(shenhe).post(url(document, "submit/"))
    reviewer = api(shenhe_reviewer)
    blocked = reviewer.post(url(document, "publish/"))
    assert blocked.status_code == 409
    assert VALID_ID not in blocked.content.decode() and "13812345678" not in blocked.content.decode()
    body = blocked.json()
    assert body["detail"].startswith("发现 2 处")
    assert sorted(f["kind"] for f in body["findings"]) == ["id_number", "mobile"]
    assert {f["place"] for f in body["findings"]} == {"正文"}
    assert "110105********002X" in {f["masked"] for f in body["findings"]}
    assert Document.objects.get(pk=document.pk).state == DocumentState.IN_REVIEW
    confirmed = reviewer.post(url(document, "publish/"), {"confirm_personal_data": True})
    assert confirmed.status_code == 200 and confirmed.json()["state"] == "published"


def test_a_published_correction_with_personal_data_is_stopped_too(api, published, shenhe_reviewer):
    document = published()
    blocked = api(shenhe_reviewer).patch(url(document), {"body": f"身份证号{VALID_ID}"})
    assert blocked.status_code == 409 and VALID_ID not in blocked.content.decode()
    assert VALID_ID not in Document.objects.get(pk=document.pk).body
    assert api(shenhe_reviewer).patch(url(document), {"body": f"身份证号{VALID_ID}",
                                                      "confirm_personal_data": True}).status_code == 200


# --- bad input -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("changes", "field"), [
    ({"unit": 999999}, "unit"),
    ({"unit": HUGE}, "unit"),
    ({"unit": "沈河区"}, "unit"),
    ({"title": ""}, "title"),
    ({"attribute": "secret"}, "attribute"),
    ({"attribute": "on_request"}, "attribute_reason"),  # the service's rule, in its words
    ({"written_on": "2026-02-30"}, "written_on"),
    ({"genre": HUGE}, "genre"),
    ({"keywords": "not a list"}, "keywords"),
    ({"joint_units": [999999]}, "joint_units"),
    ({"state": "published"}, "state"),
    ({"link_url": "javascript:alert(1)"}, "link_url"),
])
def test_bad_drafts_are_400_with_the_field_in_chinese(api, shenhe, shenhe_unit, changes, field):
    response = api(shenhe).post(LIST, new_draft(shenhe_unit, **changes))
    assert response.status_code == 400, response.content
    assert field in response.json(), response.json()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(response.json()[field]))
    assert not Document.objects.exists()


def test_an_interpretation_explains_only_a_policy_of_the_drafting_unit(api, draft, shenhe, shenhe_unit, fgw_liaison,
                                                                      fgw_unit):
    policy = draft()
    refused = api(fgw_liaison).post(LIST, new_draft(fgw_unit, interprets=policy.pk, interpretation_kind="text"))
    assert refused.status_code == 400 and "interprets" in refused.json()
    made = api(shenhe).post(LIST, new_draft(shenhe_unit, interprets=policy.pk, interpretation_kind="text"))
    assert made.status_code == 201 and made.json()["interprets"]["id"] == policy.pk


@pytest.mark.parametrize("body", ["{not json", "[1, 2]", '"a string"', ""])
def test_malformed_json_is_400(api, shenhe, body):
    assert api(shenhe).raw("post", LIST, body).status_code == 400


def test_bad_steps_are_400_never_500(api, draft, published, shenhe, shenhe_reviewer):
    document = draft()
    handler = api(shenhe)
    assert handler.patch(url(document), {"unit": 1}).status_code == 400  # the issuing unit stays
    assert handler.raw("patch", url(document), "{oops").status_code == 400
    assert handler.post(url(document, "submit/")).status_code == 200
    twice = handler.post(url(document, "submit/"))
    assert twice.status_code == 400 and twice.json() == {"non_field_errors": ["只有草稿才能提交审核。"]}
    assert api(shenhe_reviewer).post(url(document, "publish/"), {"at": "soon"}).status_code == 400
    assert handler.post(url(HUGE, "submit/")).status_code == 404
    correction = handler.upload(url(published(), "attachments/"), file=word_file())
    assert correction.status_code == 403  # a published document is corrected by the reviewer
    fake = handler.upload(url(draft("另一份"), "attachments/"), file=word_file("名单.pdf"))
    assert fake.status_code == 201  # a Word file named .pdf is a Word file: its content decides


def test_an_upload_that_is_not_an_accepted_kind_or_missing_is_400(api, draft, shenhe):
    from django.core.files.uploadedfile import SimpleUploadedFile

    document = draft()
    handler = api(shenhe)
    refused = handler.upload(url(document, "attachments/"), file=SimpleUploadedFile("名单.pdf", b"MZ\x90\x00 exe"))
    assert refused.status_code == 400 and "名单.pdf" in refused.json()["file"][0]
    assert handler.upload(url(document, "attachments/")).status_code == 400
    assert not document.attachments.exists()


# --- the OpenAPI document -------------------------------------------------------------------------------

def test_the_openapi_document_describes_the_documents_api(api, shenhe):
    schema = api(shenhe).get("/api/v1/schema/", format="json").json()
    paths = schema["paths"]
    expected = {
        "/api/v1/documents/": {"get", "post"},
        "/api/v1/documents/{id}/": {"get", "patch"},
        "/api/v1/documents/{id}/attachments/": {"post"},
        "/api/v1/documents/{id}/submit/": {"post"},
        "/api/v1/documents/{id}/publish/": {"post"},
        "/api/v1/documents/{id}/withdraw/": {"post"},
        "/api/v1/documents/{id}/return/": {"post"},
    }
    for path, methods in expected.items():
        assert methods <= set(paths[path]), path
    listing = paths["/api/v1/documents/"]["get"]
    assert {} in listing["security"]  # no token needed to read
    assert {"unit", "genre", "topic", "column", "validity", "published_after", "published_before", "q",
            "limit"} <= {parameter["name"] for parameter in listing["parameters"]}
    assert {} not in paths["/api/v1/documents/"]["post"]["security"]
    assert set(paths["/api/v1/documents/{id}/publish/"]["post"]["responses"]) >= {"200", "400", "403", "404", "409"}
    upload = paths["/api/v1/documents/{id}/attachments/"]["post"]["requestBody"]["content"]
    assert list(upload) == ["multipart/form-data"]
    detail = schema["components"]["schemas"]["Document"]["properties"]
    assert {"index_number", "number", "title", "unit", "joint_units", "written_on", "published_at", "topic", "genre",
            "keywords", "attribute", "validity", "superseded_by", "expires_on", "body_html", "attachments",
            "interpretations", "interprets", "versions"} <= set(detail)
