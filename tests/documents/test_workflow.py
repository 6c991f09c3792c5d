"""A document's life through the services: draft, review, publication now or later, withdrawal, versions,
索引号, the 20-working-day flag, validity and who may take each step."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from gongkai.documents import services
from gongkai.documents.models import (
    DisclosureAttribute,
    Document,
    DocumentSettings,
    DocumentState,
    InterpretationKind,
    Validity,
)
from gongkai.events.models import Event

from .conftest import at

S = DocumentState
VALID_ID = "11010519491231002X"  # the check digit of GB 11643 is right: a real-looking number


def test_a_handler_drafts_the_reviewer_publishes_and_the_document_gets_its_index_number(
        draft, shenhe, shenhe_reviewer, shenhe_unit):
    DocumentSettings.objects.update_or_create(pk=1, defaults={"index_pattern": "{code}/{year}-{seq:05d}"})
    shenhe_unit.code = "11210103001"
    shenhe_unit.save()
    document = draft()
    assert document.state == S.DRAFT and document.index_number == ""
    services.submit_for_review(actor=shenhe, document=document)
    published = services.publish(actor=shenhe_reviewer, document=document, now=at(2026, 12, 2, 9))
    assert published.state == S.PUBLISHED
    assert published.index_number == "11210103001/2026-00001"
    second = draft("沈河区人民政府关于第二份文件的通知")
    services.submit_for_review(actor=shenhe, document=second)
    assert services.publish(actor=shenhe_reviewer, document=second, now=at(2026, 12, 2, 9)).index_number == (
        "11210103001/2026-00002")
    assert list(Document.objects.public()) == [second, published] or set(Document.objects.public()) == {
        second, published}
    verbs = list(Event.objects.filter(subject_id=str(document.pk), verb__startswith="documents.")
                 .order_by("id").values_list("verb", flat=True))
    assert verbs == ["documents.created", "documents.submitted", "documents.published"]


def test_only_the_reviewer_publishes_and_a_viewer_or_another_unit_acts_on_nothing(
        draft, shenhe, shenhe_viewer, outsider, shenhe_unit, directory):
    document = draft()
    services.submit_for_review(actor=shenhe, document=document)
    with pytest.raises(PermissionDenied):
        services.publish(actor=shenhe, document=document)  # the drafter's unit handler is not the reviewer
    with pytest.raises(PermissionDenied):
        services.publish(actor=shenhe_viewer, document=document)
    with pytest.raises(PermissionDenied):
        services.edit_document(actor=outsider, document=document, fields={"title": "改"})
    with pytest.raises(PermissionDenied):
        services.create_document(actor=shenhe_viewer, unit=shenhe_unit, fields={"title": "x", "attribute": "proactive"})
    with pytest.raises(PermissionDenied):
        services.create_document(actor=shenhe, unit=outsider.memberships.get().unit,
                                 fields={"title": "x", "attribute": "proactive"})
    document.refresh_from_db()
    assert document.state == S.IN_REVIEW


def test_a_draft_cannot_skip_review(draft, shenhe_reviewer):
    with pytest.raises(ValidationError):
        services.publish(actor=shenhe_reviewer, document=draft())


def test_publication_at_a_set_time_waits_for_the_tick(draft, shenhe, shenhe_reviewer):
    document = draft()
    services.submit_for_review(actor=shenhe, document=document)
    services.publish(actor=shenhe_reviewer, document=document, at=at(2026, 12, 3, 9), now=at(2026, 12, 2, 17))
    document.refresh_from_db()
    assert document.state == S.SCHEDULED and not Document.objects.public().exists()
    assert services.publish_due(now=at(2026, 12, 3, 8, 59)) == []
    assert services.publish_due(now=at(2026, 12, 3, 9, 0)) == [document]
    document.refresh_from_db()
    assert document.state == S.PUBLISHED and document.published_at == at(2026, 12, 3, 9)
    assert services.publish_due(now=at(2026, 12, 3, 9, 5)) == []  # the tick run twice publishes nothing twice


def test_a_scheduled_document_returned_to_draft_is_not_published_by_the_tick(draft, shenhe, shenhe_reviewer):
    document = draft()
    services.submit_for_review(actor=shenhe, document=document)
    services.publish(actor=shenhe_reviewer, document=document, at=at(2026, 12, 3, 9), now=at(2026, 12, 2, 17))
    services.return_to_draft(actor=shenhe_reviewer, document=document, reason="附件需要更新")
    assert services.publish_due(now=at(2026, 12, 4)) == []
    document.refresh_from_db()
    assert document.state == S.DRAFT and document.scheduled_for is None


def test_withdrawal_needs_a_reason_takes_the_document_off_the_public_side_and_keeps_the_reason(
        published, shenhe_reviewer):
    document = published()
    with pytest.raises(ValidationError):
        services.withdraw(actor=shenhe_reviewer, document=document, reason="  ")
    services.withdraw(actor=shenhe_reviewer, document=document, reason="文件内容有误，更正后重新发布")
    document.refresh_from_db()
    assert document.state == S.WITHDRAWN and not Document.objects.public().exists()
    event = Event.objects.get(subject_id=str(document.pk), verb="documents.withdrawn")
    assert event.data["reason"] == "文件内容有误，更正后重新发布"
    services.return_to_draft(actor=shenhe_reviewer, document=document, reason="更正")
    document.refresh_from_db()
    assert document.state == S.DRAFT and document.index_number  # the 索引号 stays with the document


def test_every_edit_is_a_version_and_a_published_correction_is_public_at_once(published, shenhe, shenhe_reviewer):
    document = published(body="第一版正文")
    with pytest.raises(PermissionDenied):
        services.edit_document(actor=shenhe, document=document, fields={"body": "改过的正文"})
    services.edit_document(actor=shenhe_reviewer, document=document, fields={"body": "第二版正文"}, note="更正错字")
    document.refresh_from_db()
    versions = list(document.versions.values_list("number", "was_published", "note"))
    assert versions[0][:2] == (1, True) and versions[1] == (2, True, "更正错字")
    assert "第二版正文" in document.body and document.version == 2
    assert "第一版正文" in document.versions.get(number=1).body


def test_a_draft_edit_is_a_version_the_public_never_saw(draft, shenhe):
    document = draft()
    services.edit_document(actor=shenhe, document=document, fields={"title": "新标题"})
    assert list(document.versions.values_list("number", "was_published")) == [(1, False), (2, False)]


def test_a_document_not_disclosed_proactively_needs_a_reason_and_a_legal_ground(draft):
    with pytest.raises(ValidationError) as error:
        draft(attribute=DisclosureAttribute.NOT_PUBLIC)
    assert {"attribute_reason", "legal_ground"} <= set(error.value.message_dict)
    document = draft(attribute=DisclosureAttribute.NOT_PUBLIC, attribute_reason="内部事务信息",
                     legal_ground="art16_1")
    assert document.attribute == DisclosureAttribute.NOT_PUBLIC


def test_every_document_carries_a_disclosure_attribute(draft):
    with pytest.raises(ValidationError) as error:
        draft(attribute="")
    assert "attribute" in error.value.message_dict


def test_a_published_document_kept_back_never_reaches_the_public(published, shenhe_viewer, outsider):
    kept = published("内部管理制度", attribute=DisclosureAttribute.ON_REQUEST, attribute_reason="涉及第三方",
                     legal_ground="art15")
    public = published("公开的通知")
    assert list(Document.objects.public()) == [public]
    assert set(Document.objects.visible_to(shenhe_viewer)) == {kept, public}  # its own unit reads everything
    assert list(Document.objects.visible_to(outsider)) == [public]


def test_validity_belongs_to_rules_and_normative_documents_and_defaults_to_in_force(draft, genre):
    with pytest.raises(ValidationError):
        draft(genre=genre("通知公告"), validity=Validity.IN_FORCE)
    assert draft(genre=genre("规范性文件")).validity == Validity.IN_FORCE


def test_amending_or_repealing_names_a_published_normative_document(published, genre, shenhe, shenhe_reviewer):
    old = published("沈河区物业管理暂行办法", genre=genre("规范性文件"))
    notice = published("通知", genre=genre("通知公告"))
    new = published("沈河区物业管理办法", genre=genre("规范性文件"))
    with pytest.raises(ValidationError):
        services.set_validity(actor=shenhe, document=old, validity=Validity.REPEALED)
    with pytest.raises(ValidationError):
        services.set_validity(actor=shenhe, document=old, validity=Validity.REPEALED, superseded_by=notice)
    with pytest.raises(ValidationError):
        services.set_validity(actor=shenhe, document=old, validity=Validity.REPEALED, superseded_by=old)
    services.set_validity(actor=shenhe, document=old, validity=Validity.REPEALED, superseded_by=new)
    old.refresh_from_db()
    assert old.validity == Validity.REPEALED and list(new.supersedes.all()) == [old]
    services.set_validity(actor=shenhe, document=old, validity=Validity.EXPIRED)
    old.refresh_from_db()
    assert old.superseded_by is None


def test_publication_later_than_twenty_working_days_after_writing_is_flagged_counting_the_make_up_saturday(
        published):
    # Written Mon 2026-09-28; National Day is 10-01..10-07 and Sat 10-10 is a make-up working day, so the
    # 20th working day is Fri 10-30 (by weekdays alone it would be Mon 11-02).
    in_time = published("按时", written_on=datetime.date(2026, 9, 28), when=at(2026, 10, 30, 16))
    late = published("逾期", written_on=datetime.date(2026, 9, 28), when=at(2026, 11, 2, 9))
    assert in_time.published_late_workdays is None
    assert late.published_late_workdays == 1


def test_a_genre_with_a_stricter_period_flags_sooner(published, genre):
    notice = genre("通知公告")
    notice.publish_within_workdays = 3
    notice.save()
    document = published("三日内公开", genre=notice, written_on=datetime.date(2026, 11, 30), when=at(2026, 12, 4, 9))
    assert document.published_late_workdays == 1  # Dec 1, 2, 3 were the three days


def test_unmasked_personal_data_blocks_publication_until_confirmed(draft, shenhe, shenhe_reviewer):
    document = draft(body=f"<p>申请人张三，身份证号{VALID_ID}，联系电话13812345678。</p>")
    services.submit_for_review(actor=shenhe, document=document)
    with pytest.raises(services.PersonalDataFound) as found:
        services.publish(actor=shenhe_reviewer, document=document)
    assert len(found.value.findings) == 2
    assert VALID_ID not in str(found.value)
    assert all(VALID_ID not in f.finding.masked + f.finding.context for f in found.value.findings)
    document.refresh_from_db()
    assert document.state == S.IN_REVIEW
    services.publish(actor=shenhe_reviewer, document=document, confirm_personal_data=True)
    document.refresh_from_db()
    assert document.state == S.PUBLISHED and document.personal_data_confirmed_version == document.version
    assert Event.objects.get(subject_id=str(document.pk), verb="documents.published").data["confirmed_personal_data"]


def test_masked_numbers_do_not_block(published):
    document = published(body="身份证号110105********002X，电话138****5678。")
    assert document.state == S.PUBLISHED


def test_a_script_in_a_body_is_removed_before_it_is_stored(draft):
    document = draft(body='<p onclick="steal()">通知</p><script>alert(1)</script><a href="javascript:x()">链接</a>')
    assert "<script" not in document.body and "onclick" not in document.body and "javascript:" not in document.body
    assert "通知" in document.body


def test_an_interpretation_points_at_a_policy_and_says_its_kind(draft, published):
    policy = published("沈河区人民政府关于支持中小企业发展的若干措施", )
    with pytest.raises(ValidationError) as error:
        draft("解读", interprets=policy)
    assert "interpretation_kind" in error.value.message_dict
    interpretation = draft("图解：支持中小企业发展的若干措施", interprets=policy,
                           interpretation_kind=InterpretationKind.GRAPHIC)
    assert list(policy.interpretations.all()) == [interpretation]
    with pytest.raises(ValidationError):
        draft("解读的解读", interprets=interpretation, interpretation_kind=InterpretationKind.TEXT)
    with pytest.raises(ValidationError):
        draft("H5", interprets=policy, interpretation_kind=InterpretationKind.H5)



def test_the_tick_publishes_scheduled_documents_even_on_a_weekend(draft, shenhe, shenhe_reviewer, calendar,
                                                                   monkeypatch):
    document = draft()
    services.submit_for_review(actor=shenhe, document=document)
    services.publish(actor=shenhe_reviewer, document=document, at=at(2026, 12, 5, 8), now=at(2026, 12, 4, 17))
    monkeypatch.setattr(timezone, "now", lambda: at(2026, 12, 5, 8, 30))  # Saturday morning
    out = io.StringIO()
    call_command("tick", today=datetime.date(2026, 12, 5), stdout=out)
    document.refresh_from_db()
    assert document.state == S.PUBLISHED and document.published_at == at(2026, 12, 5, 8, 30)
    assert "定时发布的文件已发布：1 件。" in out.getvalue()


def _docx(text):
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_an_attachment_is_checked_its_text_kept_and_its_personal_data_blocks_publication(
        draft, shenhe, shenhe_reviewer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    document = draft()
    with pytest.raises(ValidationError):
        services.add_attachment(actor=shenhe, document=document,
                                upload=SimpleUploadedFile("名单.pdf", b"MZ\x90\x00 not a pdf"))
    attachment = services.add_attachment(actor=shenhe, document=document, upload=SimpleUploadedFile(
        "补助名单.docx", _docx(f"补助对象：李四，身份证号 {VALID_ID}")))
    assert "补助对象" in attachment.text and attachment.kind == "Word (DOCX)"
    document.refresh_from_db()
    assert document.version == 2 and document.versions.get(number=2).metadata["attachments"] == ["补助名单.docx"]
    services.submit_for_review(actor=shenhe, document=document)
    with pytest.raises(services.PersonalDataFound) as found:
        services.publish(actor=shenhe_reviewer, document=document)
    assert [f.place for f in found.value.findings] == ["补助名单.docx"]
    services.remove_attachment(actor=shenhe, attachment=attachment)
    services.publish(actor=shenhe_reviewer, document=document)
    document.refresh_from_db()
    assert document.state == S.PUBLISHED
