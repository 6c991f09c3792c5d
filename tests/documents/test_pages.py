"""The staff pages of proactive disclosure: the list, the form, the document page and its steps.

Who sees which document (visible_to), which buttons each person is offered (permissions.allowed_actions)
and that a POST of a step not offered is refused; the form's messages; never a 500 on bad input.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.documents import services
from gongkai.documents.models import DisclosureAttribute, Document, DocumentState, DocumentVersion
from gongkai.events.models import Event

S = DocumentState


def detail_url(document):
    return reverse("documents:detail", args=[document.pk])


def step_url(document, step):
    return reverse(f"documents:{step}", args=[document.pk])


def form_actions(html):
    """The action URLs of the page's POST forms: the steps the page offers."""
    return set(re.findall(r'<form method="post" action="(/documents/[^"]+)"', html))


def new_form(**fields):
    data = {"title": "沈河区人民政府关于开展冬季供暖检查的通知", "attribute": "proactive", "body": "正文。"}
    data.update(fields)
    return data


@pytest.fixture
def in_review(draft, shenhe):
    def make(title="沈河区人民政府关于加强物业管理的通知", **fields):
        document = draft(title, **fields)
        return services.submit_for_review(actor=shenhe, document=document)

    return make


# --- the list -------------------------------------------------------------------------------------------

def test_the_list_shows_the_units_drafts_to_its_staff_and_only_public_documents_to_other_units(
        client_for, draft, published, shenhe, outsider, office):
    own_draft = draft("沈河区草稿文件")
    public = published("沈河区已发布文件")
    for user, seen, unseen in ((shenhe, {own_draft, public}, set()), (office, {own_draft, public}, set()),
                               (outsider, {public}, {own_draft})):
        page = client_for(user).get(reverse("documents:list")).content.decode()
        for document in seen:
            assert document.title in page
        for document in unseen:
            assert document.title not in page


def test_the_list_costs_the_same_queries_for_two_documents_as_for_twelve(client_for, draft, shenhe):
    client = client_for(shenhe)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("documents:list")).status_code == 200
        return len(captured)

    for n in range(2):
        draft(f"文件{n}")
    few = queries()
    for n in range(10):
        draft(f"更多文件{n}", number=f"沈河政发〔2026〕{n}号")
    assert queries() == few


def test_the_list_filters_by_words_of_the_title_or_the_document_number_and_by_state(client_for, draft, published,
                                                                                   shenhe):
    draft("关于供暖的通知", number="沈河政发〔2026〕7号")
    published("关于绿化的通知")
    client = client_for(shenhe)
    page = client.get(reverse("documents:list"), {"q": "〔2026〕7号"}).content.decode()
    assert "关于供暖的通知" in page and "关于绿化的通知" not in page
    page = client.get(reverse("documents:list"), {"state": "published"}).content.decode()
    assert "关于绿化的通知" in page and "关于供暖的通知" not in page


def test_bad_filter_values_are_said_on_the_page_and_dropped(client_for, draft, shenhe):
    draft("关于供暖的通知")
    response = client_for(shenhe).get(reverse("documents:list"), {
        "state": "nonsense", "unit": "abc", "genre": "99999", "sort": "x", "page": "999"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "关于供暖的通知" in page
    assert "以下筛选条件无法使用" in page
    assert response.context["form"].errors.keys() >= {"state", "unit", "genre", "sort"}


# --- the form -------------------------------------------------------------------------------------------

def test_a_handler_drafts_for_their_own_unit_only(client_for, shenhe, shenhe_unit, directory):
    client = client_for(shenhe)
    form = client.get(reverse("documents:new")).context["form"]
    assert list(form.fields["unit"].queryset) == [shenhe_unit]
    other = directory["沈阳市发展和改革委员会"]
    response = client.post(reverse("documents:new"), new_form(unit=other.pk))
    assert response.status_code == 400 and "unit" in response.context["form"].errors
    assert not Document.objects.exists()
    response = client.post(reverse("documents:new"), new_form(unit=shenhe_unit.pk, keywords="供暖、检查"))
    document = Document.objects.get()
    assert response.status_code == 302 and response["Location"] == detail_url(document)
    assert document.unit == shenhe_unit and document.state == S.DRAFT and document.keywords == ["供暖", "检查"]


def test_a_document_not_disclosed_proactively_needs_a_reason_and_a_legal_ground(client_for, shenhe, shenhe_unit):
    client = client_for(shenhe)
    response = client.post(reverse("documents:new"), new_form(unit=shenhe_unit.pk, attribute="not_public"))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "attribute_reason" in errors and "legal_ground" in errors
    assert "说明" in " ".join(errors["attribute_reason"])  # in Chinese
    response = client.post(reverse("documents:new"), new_form(
        unit=shenhe_unit.pk, attribute="not_public", attribute_reason="内部事务信息", legal_ground="art16_1"))
    assert response.status_code == 302
    document = Document.objects.get()
    assert (document.attribute, document.legal_ground) == (DisclosureAttribute.NOT_PUBLIC, "art16_1")


def test_a_disclosure_attribute_is_required(client_for, shenhe, shenhe_unit):
    response = client_for(shenhe).post(reverse("documents:new"), new_form(unit=shenhe_unit.pk, attribute=""))
    assert response.status_code == 400 and "attribute" in response.context["form"].errors


def test_a_validity_only_for_a_genre_that_carries_one(client_for, shenhe, shenhe_unit, genre):
    client = client_for(shenhe)
    response = client.post(reverse("documents:new"), new_form(
        unit=shenhe_unit.pk, genre=genre("通知公告").pk, validity="in_force"))
    assert response.status_code == 400 and "validity" in response.context["form"].errors
    response = client.post(reverse("documents:new"), new_form(
        unit=shenhe_unit.pk, genre=genre("规范性文件").pk, validity="in_force", expires_on="2031-12-31"))
    assert response.status_code == 302
    assert Document.objects.get().expires_on.isoformat() == "2031-12-31"


def test_the_form_offers_the_genres_that_carry_a_validity_to_its_script(client_for, shenhe, genre):
    form = client_for(shenhe).get(reverse("documents:new")).context["form"]
    assert str(genre("规章").pk) in form.validity_genres and str(genre("通知公告").pk) not in form.validity_genres


def test_bad_input_is_a_message_never_a_500(client_for, shenhe, shenhe_unit):
    client = client_for(shenhe)
    response = client.post(reverse("documents:new"), new_form(
        unit=shenhe_unit.pk, title="长" * 5000, written_on="2026-13-45", link_url="javascript:alert(1)",
        columns=["abc"], interprets="999999"))
    assert response.status_code == 400
    assert {"title", "written_on", "link_url", "columns", "interprets"} <= set(response.context["form"].errors)
    assert not Document.objects.exists()
    assert client.get("/documents/999999/").status_code == 404
    assert client.get("/documents/abc/").status_code == 404
    assert client.get("/documents/999999/edit/").status_code == 404
    assert client.post("/documents/999999/publish/").status_code == 404
    huge = "9" * 25  # beyond any integer column: still the site's 404 on PostgreSQL
    assert client.get(f"/documents/{huge}/").status_code == 404
    assert client.get(f"/gk/{huge}/").status_code == 404
    assert client.get(reverse("documents:list"), {"unit": huge, "column": huge, "page": huge}).status_code == 200


def test_an_edit_is_a_new_version_with_its_note_and_the_old_text_stays_readable(client_for, draft, shenhe):
    document = draft(body="第一稿正文。")
    client = client_for(shenhe)
    form = client.get(reverse("documents:edit", args=[document.pk])).context["form"]
    data = {name: value for name, value in form.initial.items() if value not in (None, "")}
    data.update(body="第二稿正文。", note="改正文字", columns=[], topics=[], joint_units=[])
    data.pop("columns"), data.pop("topics"), data.pop("joint_units")
    response = client.post(reverse("documents:edit", args=[document.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    document.refresh_from_db()
    assert document.version == 2 and "第二稿" in document.body
    page = client.get(detail_url(document)).content.decode()
    assert "改正文字" in page
    old = client.get(reverse("documents:version", args=[document.pk, 1])).content.decode()
    assert "第一稿正文" in old and "第二稿" not in old
    assert client.get(reverse("documents:version", args=[document.pk, 9])).status_code == 404
    changes = client.get(reverse("documents:version", args=[document.pk, 2])).content.decode()
    assert "<del>− 第一稿正文。</del>" in changes and "<ins>+ 第二稿正文。</ins>" in changes


def test_the_edit_form_shows_a_plain_text_body_as_typed_not_as_its_html(client_for, draft, shenhe):
    document = draft(body="第一段第一行\n第一段第二行\n\n第二段")
    assert "<br>" in document.body
    form = client_for(shenhe).get(reverse("documents:edit", args=[document.pk])).context["form"]
    assert form.initial["body"] == "第一段第一行\n第一段第二行\n\n第二段"


def test_the_index_number_is_shown_read_only_once_given(client_for, published, shenhe_reviewer):
    document = published()
    page = client_for(shenhe_reviewer).get(reverse("documents:edit", args=[document.pk])).content.decode()
    assert document.index_number and f'value="{document.index_number}" readonly' in page
    assert 'name="index_number"' not in page  # shown, never sent


def test_editing_a_published_document_needs_a_note(client_for, published, shenhe_reviewer):
    document = published()
    client = client_for(shenhe_reviewer)
    response = client.post(reverse("documents:edit", args=[document.pk]), {
        "title": document.title, "attribute": "proactive", "body": "更正后的正文。"})
    assert response.status_code == 400 and "note" in response.context["form"].errors


def test_new_interpretation_opens_the_form_prefilled_with_the_policy(client_for, published, shenhe, genre):
    policy = published("沈河区人民政府关于促进消费的若干措施")
    client = client_for(shenhe)
    page = client.get(detail_url(policy)).content.decode()
    assert f"{reverse('documents:new')}?interprets={policy.pk}" in page
    form = client.get(reverse("documents:new"), {"interprets": policy.pk}).context["form"]
    assert form.initial["interprets"] == policy.pk and policy.title in form.initial["title"]
    assert form.initial["genre"] == genre("政策解读").pk and len(form.initial["columns"]) == 1
    response = client.post(reverse("documents:new"), new_form(
        unit=policy.unit_id, title="图解：促进消费的若干措施", interprets=policy.pk, interpretation_kind="graphic"))
    assert response.status_code == 302
    interpretation = Document.objects.get(interprets=policy)
    assert "图解：促进消费的若干措施" in client.get(detail_url(policy)).content.decode()
    assert policy.title in client.get(detail_url(interpretation)).content.decode()


# --- the steps each person is offered, and refused ------------------------------------------------------

def test_a_viewer_sees_no_step_and_every_post_is_refused(client_for, in_review, published, shenhe_viewer):
    waiting, public = in_review(), published()
    client = client_for(shenhe_viewer)
    for document in (waiting, public):
        response = client.get(detail_url(document))
        assert response.status_code == 200
        assert form_actions(response.content.decode()) == set()
        assert reverse("documents:edit", args=[document.pk]) not in response.content.decode()
    assert client.get(reverse("documents:new")).status_code == 403
    assert client.get(reverse("documents:edit", args=[waiting.pk])).status_code == 403
    for step in ("submit", "publish", "return", "scan", "mask", "attach"):
        assert client.post(step_url(waiting, step), {"return-reason": "x"}).status_code == 403, step
    for step in ("withdraw", "validity"):
        assert client.post(step_url(public, step), {"withdraw-reason": "x", "validity": "repealed"}).status_code == 403
    waiting.refresh_from_db(), public.refresh_from_db()
    assert (waiting.state, public.state) == (S.IN_REVIEW, S.PUBLISHED)


def test_another_units_staff_cannot_reach_a_draft_at_all(client_for, draft, outsider):
    document = draft()
    client = client_for(outsider)
    assert client.get(detail_url(document)).status_code == 404
    assert client.post(step_url(document, "submit")).status_code == 404
    document.refresh_from_db()
    assert document.state == S.DRAFT


def test_the_handler_is_offered_submit_and_the_reviewer_publish_and_return(client_for, draft, shenhe,
                                                                           shenhe_reviewer):
    document = draft()
    handler_page = client_for(shenhe).get(detail_url(document)).content.decode()
    offered = form_actions(handler_page)
    assert step_url(document, "submit") in offered and step_url(document, "publish") not in offered
    assert reverse("documents:edit", args=[document.pk]) in handler_page
    assert client_for(shenhe).post(step_url(document, "submit")).status_code == 302
    document.refresh_from_db()
    assert document.state == S.IN_REVIEW
    offered = form_actions(client_for(shenhe_reviewer).get(detail_url(document)).content.decode())
    assert {step_url(document, "publish"), step_url(document, "return")} <= offered
    assert step_url(document, "submit") not in offered and step_url(document, "withdraw") not in offered
    # the handler may not publish by posting the form anyway
    assert client_for(shenhe).post(step_url(document, "publish")).status_code == 403


def test_the_reviewer_publishes_now_or_at_a_time_in_beijing_time(client_for, in_review, shenhe_reviewer):
    now_doc, later = in_review("现在发布"), in_review("定时发布")
    client = client_for(shenhe_reviewer)
    assert client.post(step_url(now_doc, "publish"), {"at": ""}).status_code == 302
    now_doc.refresh_from_db()
    assert now_doc.state == S.PUBLISHED and now_doc.index_number
    assert client.post(step_url(later, "publish"), {"at": "2030-01-02T09:30"}).status_code == 302
    later.refresh_from_db()
    assert later.state == S.SCHEDULED
    assert later.scheduled_for.isoformat() == "2030-01-02T01:30:00+00:00"  # 09:30 in Shanghai


def test_a_bad_publication_time_changes_nothing(client_for, in_review, shenhe_reviewer):
    document = in_review()
    response = client_for(shenhe_reviewer).post(step_url(document, "publish"), {"at": "明天上午"}, follow=True)
    assert response.status_code == 200
    document.refresh_from_db()
    assert document.state == S.IN_REVIEW


def test_return_and_withdrawal_need_a_reason_which_the_history_keeps(client_for, in_review, published,
                                                                    shenhe_reviewer):
    waiting, public = in_review(), published()
    client = client_for(shenhe_reviewer)
    client.post(step_url(waiting, "return"), {"return-reason": "  "})
    waiting.refresh_from_db()
    assert waiting.state == S.IN_REVIEW
    client.post(step_url(waiting, "return"), {"return-reason": "文号有误"})
    waiting.refresh_from_db()
    assert waiting.state == S.DRAFT
    client.post(step_url(public, "withdraw"), {"withdraw-reason": ""})
    public.refresh_from_db()
    assert public.state == S.PUBLISHED
    client.post(step_url(public, "withdraw"), {"withdraw-reason": "政策已调整，撤回"})
    public.refresh_from_db()
    assert public.state == S.WITHDRAWN
    page = client.get(detail_url(public)).content.decode()
    assert "政策已调整，撤回" in page
    assert "文号有误" in client.get(detail_url(waiting)).content.decode()


def test_the_validity_of_a_normative_document_is_set_on_its_page(client_for, published, genre, shenhe):
    old = published("沈河区老规范性文件", genre=genre("规范性文件"))
    new = published("沈河区新规范性文件", genre=genre("规范性文件"))
    notice = published("沈河区通知", genre=genre("通知公告"))
    client = client_for(shenhe)
    assert step_url(notice, "validity") not in form_actions(client.get(detail_url(notice)).content.decode())
    assert step_url(old, "validity") in form_actions(client.get(detail_url(old)).content.decode())
    client.post(step_url(old, "validity"), {"validity": "repealed"})  # without the repealing document
    old.refresh_from_db()
    assert old.validity == "in_force"
    client.post(step_url(old, "validity"), {"validity": "repealed", "superseded_by": new.pk})
    old.refresh_from_db()
    assert (old.validity, old.superseded_by) == ("repealed", new)
    page = client.get(detail_url(old)).content.decode()
    assert detail_url(new) in page and "已废止" in page


# --- personal data ---------------------------------------------------------------------------------------

VALID_ID = "11010519491231002X"
MOBILE = "13812345678"


def test_unmasked_numbers_stop_publication_and_the_page_shows_them_masked_only(client_for, in_review,
                                                                               shenhe_reviewer):
    document = in_review(body=f"<p>联系人张三，身份证号{VALID_ID}，电话{MOBILE}。</p>")
    response = client_for(shenhe_reviewer).post(step_url(document, "publish"))
    assert response.status_code == 400
    page = response.content.decode()
    assert VALID_ID not in page.replace(document.body, "") and MOBILE not in page.replace(document.body, "")
    findings = response.context["findings"]
    assert len(findings) == 2 and all(VALID_ID not in f.finding.masked + f.finding.context for f in findings)
    assert "*" in findings[0].finding.masked
    assert step_url(document, "mask") in form_actions(page)
    document.refresh_from_db()
    assert document.state == S.IN_REVIEW


def test_the_findings_table_never_shows_a_raw_number(client_for, in_review, shenhe_reviewer):
    document = in_review(body=f"<p>身份证号{VALID_ID}</p>")
    page = client_for(shenhe_reviewer).post(step_url(document, "publish")).content.decode()
    findings_part = page[page.index("findings-heading"):page.index("actions-heading")]
    assert VALID_ID not in findings_part and VALID_ID[:6] in findings_part


def test_masking_automatically_saves_a_new_version_and_then_publication_passes(client_for, in_review,
                                                                              shenhe_reviewer):
    document = in_review(body=f"<p>电话{MOBILE}</p>")
    client = client_for(shenhe_reviewer)
    assert client.post(step_url(document, "mask")).status_code == 302
    document.refresh_from_db()
    assert MOBILE not in document.body and "138" in document.body and document.version == 2
    assert DocumentVersion.objects.filter(document=document, number=2).exists()
    client.post(step_url(document, "publish"))
    document.refresh_from_db()
    assert document.state == S.PUBLISHED


def test_confirming_publishes_as_it_is_and_the_event_records_it(client_for, in_review, shenhe_reviewer):
    document = in_review(body=f"<p>举报电话{MOBILE}</p>")
    client = client_for(shenhe_reviewer)
    page = client.post(step_url(document, "publish")).content.decode()
    assert 'name="confirm_personal_data" value="True"' in page
    client.post(step_url(document, "publish"), {"confirm_personal_data": "True"})
    document.refresh_from_db()
    assert document.state == S.PUBLISHED and document.personal_data_confirmed_version == document.version
    event = Event.objects.about(document).filter(verb="documents.published").get()
    assert event.data["confirmed_personal_data"] is True


def test_a_draft_is_checked_on_demand(client_for, draft, shenhe):
    client = client_for(shenhe)
    clean, dirty = draft("干净的草稿"), draft("有号码的草稿", body=f"电话{MOBILE}")
    response = client.post(step_url(clean, "scan"), follow=True)
    assert response.status_code == 200 and not response.context.get("findings")
    response = client.post(step_url(dirty, "scan"))
    assert response.status_code == 200 and len(response.context["findings"]) == 1
    assert MOBILE not in response.content.decode().replace(dirty.body, "")


# --- sanitising -----------------------------------------------------------------------------------------

def test_a_script_in_a_body_never_reaches_the_page(client_for, draft, shenhe):
    document = draft(body='<p onclick="steal()">正文</p><script>alert("x")</script>'
                          '<img src="x.png" onerror="alert(1)"><a href="javascript:alert(2)">链接</a>')
    for url in (detail_url(document), reverse("documents:version", args=[document.pk, 1])):
        page = client_for(shenhe).get(url).content.decode()
        assert "正文" in page
        assert "alert(" not in page and "steal()" not in page
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", page), url
        assert "javascript:" not in page


def test_a_body_stored_around_the_services_is_still_cleaned_when_shown(client_for, draft, shenhe):
    document = draft()
    Document.objects.filter(pk=document.pk).update(body='<p>正文</p><script>alert("x")</script>')
    page = client_for(shenhe).get(detail_url(document)).content.decode()
    assert "正文" in page and "alert(" not in page


# --- attachments ----------------------------------------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def upload(name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def test_attachments_are_uploaded_listed_downloaded_and_removed_by_the_units_staff(
        client_for, draft, shenhe, shenhe_viewer, outsider, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = draft()
    client = client_for(shenhe)
    client.post(step_url(document, "attach"), {"files": [upload("方案.pdf", PDF), upload("脚本.exe", b"MZ\x90\x00")]})
    attachment = document.attachments.get()
    page = client.get(detail_url(document)).content.decode()
    assert "方案.pdf" in page and "PDF" in page and "1 KB" in page
    assert "脚本.exe" in page  # named in the refusal message, not attached
    url = reverse("documents:attachment", args=[document.pk, attachment.pk])
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert client_for(shenhe_viewer).get(url).status_code == 200  # staff of the unit read it
    assert client_for(shenhe_viewer).post(
        reverse("documents:attachment-remove", args=[document.pk, attachment.pk])).status_code == 403
    assert client_for(outsider).get(url).status_code == 404  # a draft's file never leaves the unit
    client_for(shenhe).post(reverse("documents:attachment-remove", args=[document.pk, attachment.pk]))
    assert not document.attachments.exists()
    assert client_for(shenhe).get(url).status_code == 404


def test_an_upload_without_a_file_is_a_message(client_for, draft, shenhe):
    document = draft()
    response = client_for(shenhe).post(step_url(document, "attach"), {}, follow=True)
    assert response.status_code == 200 and not document.attachments.exists()


# --- flags in the list ----------------------------------------------------------------------------------

def test_the_list_flags_a_policy_without_its_interpretation_and_a_late_publication(client_for, published, genre,
                                                                                  shenhe):
    from .conftest import at

    lonely = published("沈河区规范性文件甲", genre=genre("规范性文件"), written_on=at(2026, 10, 1).date(),
                       when=at(2026, 12, 1))
    interpreted = published("沈河区规范性文件乙", genre=genre("规范性文件"), when=at(2026, 12, 1))
    published("图解：规范性文件乙", interprets=interpreted, interpretation_kind="graphic", when=at(2026, 12, 1, 11))
    assert lonely.published_late_workdays
    rows = {row.title: row for row in client_for(shenhe).get(reverse("documents:list")).context[
        "documents"].page.object_list}
    assert rows["沈河区规范性文件甲"].interpretation_flag == "缺少解读"
    assert rows["沈河区规范性文件乙"].interpretation_flag == ""
    page = client_for(shenhe).get(reverse("documents:list")).content.decode()
    assert "缺少解读" in page and f"超期 {lonely.published_late_workdays} 个工作日发布" in page


def test_the_navigation_leads_unit_staff_and_the_office_to_the_documents(client_for, shenhe_viewer, office, client):
    link = f'<a href="{reverse("documents:list")}">主动公开</a>'
    assert link not in client.get("/").content.decode()
    for user in (shenhe_viewer, office):
        assert link in client_for(user).get(reverse("foi:list")).content.decode()


def test_a_scheduled_publication_stopped_by_personal_data_keeps_its_time_when_confirmed(client_for, in_review,
                                                                                       shenhe_reviewer):
    document = in_review(body=f"<p>举报电话{MOBILE}</p>")
    client = client_for(shenhe_reviewer)
    page = client.post(step_url(document, "publish"), {"at": "2030-01-02T09:30"}).content.decode()
    assert 'name="at" value="2030-01-02T09:30"' in page
    client.post(step_url(document, "publish"), {"at": "2030-01-02T09:30", "confirm_personal_data": "True"})
    document.refresh_from_db()
    assert document.state == S.SCHEDULED and document.scheduled_for.isoformat() == "2030-01-02T01:30:00+00:00"


def test_correcting_a_published_document_with_a_number_shows_the_findings_and_saves_only_when_confirmed(
        client_for, published, shenhe_reviewer):
    document = published(body="<p>正文。</p>")
    client = client_for(shenhe_reviewer)
    data = {"title": document.title, "attribute": "proactive", "body": f"<p>联系电话{MOBILE}</p>", "note": "补充电话"}
    response = client.post(reverse("documents:edit", args=[document.pk]), data)
    assert response.status_code == 400 and len(response.context["findings"]) == 1
    findings_part = response.content.decode().split("findings-heading")[1].split("</section>")[0]
    assert MOBILE not in findings_part
    document.refresh_from_db()
    assert MOBILE not in document.body
    client.post(reverse("documents:edit", args=[document.pk]), {**data, "confirm_personal_data": "1"})
    document.refresh_from_db()
    assert MOBILE in document.body and document.version == 2


def test_another_units_staff_see_a_public_document_as_the_public_does(client_for, draft, shenhe, shenhe_reviewer,
                                                                     outsider):
    document = draft(body="内部草稿正文")
    services.edit_document(actor=shenhe, document=document, fields={"body": "送审正文"}, note="内部讨论意见")
    services.submit_for_review(actor=shenhe, document=document)
    services.publish(actor=shenhe_reviewer, document=document)
    client = client_for(outsider)
    page = client.get(detail_url(document)).content.decode()
    assert "送审正文" in page
    assert reverse("documents:version", args=[document.pk, 1]) not in page
    assert client.get(reverse("documents:version", args=[document.pk, 1])).status_code == 404
    assert client.get(reverse("documents:version", args=[document.pk, 2])).status_code == 200
    assert "提交保密审查" not in page  # no internal step history
    assert "提交保密审查" in client_for(shenhe).get(detail_url(document)).content.decode()


def test_the_list_filters_by_column_with_the_columns_under_it_and_by_joint_issuer(client_for, draft, office,
                                                                                  directory):
    from gongkai.documents.models import Column

    plans = Column.objects.standard().get(slug="plans")
    special = plans.children.get(slug="special")
    in_child = draft("专项规划文件")
    in_child.columns.set([special])
    elsewhere = draft("其他栏目文件")
    elsewhere.columns.set([Column.objects.standard().get(slug="news")])
    joint = draft("联合发文文件")
    joint.joint_units.set([directory["沈阳市发展和改革委员会"]])
    client = client_for(office)
    page = client.get(reverse("documents:list"), {"column": plans.pk}).content.decode()
    assert "专项规划文件" in page and "其他栏目文件" not in page
    page = client.get(reverse("documents:list"), {"unit": directory["沈阳市发展和改革委员会"].pk}).content.decode()
    assert "联合发文文件" in page and "专项规划文件" not in page


def test_unit_staff_filter_by_their_own_columns_too_and_never_by_another_units(client_for, draft, shenhe, shenhe_unit,
                                                                               directory):
    from gongkai.documents.models import Column

    ours = Column.objects.create(unit=shenhe_unit, parent=None, slug="old-housing", name="老旧小区改造")
    Column.objects.create(unit=directory["沈阳市发展和改革委员会"], parent=None, slug="prices", name="价格监管")
    document = draft("老旧小区改造计划")
    document.columns.set([ours])
    draft("其他文件")
    client = client_for(shenhe)
    html = client.get(reverse("documents:list")).content.decode()
    assert f'<option value="{ours.pk}">沈河区人民政府 · 老旧小区改造</option>' in html
    assert "价格监管" not in html  # another unit's column
    page = client.get(reverse("documents:list"), {"column": ours.pk}).content.decode()
    assert "老旧小区改造计划" in page and "其他文件" not in page
