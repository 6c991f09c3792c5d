"""The government gazette (政府公报) through its services: issues, articles, publication, the distribution
list, 应登尽登 and who may write. The city's documents here are issued by 沈阳市人民政府 and its general
office (the office drafts and publishes for every unit); 沈河区's come from tests/documents/conftest.py."""

import datetime
import hashlib

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.documents import gazette, services
from gongkai.documents.models import DisclosureAttribute, GazetteArticle, GazetteIssue
from gongkai.events.models import Event

from .conftest import at

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_upload(name="gazette.pdf", data=PDF_BYTES):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


@pytest.fixture(name="city_document")
def city_document_fixture(office, directory, genre, calendar):
    """city_document(title, when, genre_name="规范性文件", unit_name="沈阳市人民政府"): published by the office."""

    def make(title, when, genre_name="规范性文件", unit_name="沈阳市人民政府", **fields):
        fields.setdefault("attribute", DisclosureAttribute.PROACTIVE)
        document = services.create_document(actor=office, unit=directory[unit_name], fields={
            "title": title, "body": "为规范管理，制定本办法。", "genre": genre(genre_name), **fields}, now=when)
        services.submit_for_review(actor=office, document=document)
        return services.publish(actor=office, document=document, now=when)

    return make


@pytest.fixture(name="issue")
def issue_fixture(office):
    return gazette.create_issue(actor=office, year=2026, number=11, overall_number=523,
                                published_on=datetime.date(2026, 11, 16), copies_printed=1200)


# --- issues ------------------------------------------------------------------------------------------


def test_the_office_creates_an_issue_with_its_pdf_stored_under_its_sha256(office):
    issue = gazette.create_issue(actor=office, year=2026, number=3, published_on=datetime.date(2026, 3, 2),
                                 overall_number=515, copies_printed=800, pdf=pdf_upload("../../etc/公报.pdf"))
    issue.refresh_from_db()
    assert str(issue) == "2026年第3期" and not issue.is_published and issue.created_by == office
    assert issue.pdf_sha256 == hashlib.sha256(PDF_BYTES).hexdigest()
    assert issue.pdf.name.startswith("gazette/2026-03-") and ".." not in issue.pdf.name
    with issue.pdf.open("rb") as stored:
        assert stored.read() == PDF_BYTES
    assert Event.objects.filter(verb="documents.gazette_issue_created", subject_id=str(issue.pk)).exists()


@pytest.mark.parametrize("data, name", [
    (b"<html><script>alert(1)</script></html>", "gazette.pdf"),  # named .pdf, is not one
    (b"", "empty.pdf"),
    (b"\x89PNG\r\n\x1a\n" + b"0" * 20, "cover.pdf"),  # an image is not the issue
])
def test_an_issue_pdf_is_checked_by_its_content(office, data, name):
    with pytest.raises(ValidationError) as refused:
        gazette.create_issue(actor=office, year=2026, number=4, published_on=datetime.date(2026, 4, 1),
                             pdf=pdf_upload(name, data))
    assert name in " ".join(refused.value.messages)
    assert not GazetteIssue.objects.exists()


def test_a_too_large_pdf_is_refused(office, settings):
    settings.DOCUMENT_ATTACHMENT_MAX_BYTES = 2**20
    big = PDF_BYTES + b"0" * (2**20)
    with pytest.raises(ValidationError, match="MB"):
        gazette.create_issue(actor=office, year=2026, number=4, published_on=datetime.date(2026, 4, 1),
                             pdf=pdf_upload(data=big))


def test_an_issue_number_is_unique_within_its_year_only(office, issue):
    with pytest.raises(ValidationError) as refused:
        gazette.create_issue(actor=office, year=2026, number=11, published_on=datetime.date(2026, 11, 30))
    assert "2026年第11期" in str(refused.value.message_dict["number"])
    other_year = gazette.create_issue(actor=office, year=2025, number=11, published_on=datetime.date(2025, 11, 17))
    assert other_year.pk != issue.pk


@pytest.mark.parametrize("fields, field", [
    ({"year": 26}, "year"),
    ({"number": 0}, "number"),
    ({"number": "十一"}, "number"),
    ({"published_on": datetime.date(2025, 12, 31)}, "published_on"),
    ({"published_on": None}, "published_on"),
    ({"copies_printed": -5}, "copies_printed"),
    ({"overall_number": 523}, "overall_number"),  # the fixture's issue has it
])
def test_bad_particulars_are_named_by_field(office, issue, fields, field):
    values = {"year": 2026, "number": 12, "published_on": datetime.date(2026, 12, 1), **fields}
    with pytest.raises(ValidationError) as refused:
        gazette.create_issue(actor=office, **values)
    assert field in refused.value.message_dict
    assert GazetteIssue.objects.count() == 1


def test_editing_an_issue_replaces_its_pdf_and_keeps_its_own_number_free(office, issue):
    edited = gazette.edit_issue(actor=office, issue=issue, year=2026, number=11, overall_number=523,
                                published_on=datetime.date(2026, 11, 17), copies_printed=1300, pdf=pdf_upload())
    assert edited.published_on == datetime.date(2026, 11, 17) and edited.copies_printed == 1300
    assert edited.pdf_sha256
    second = gazette.create_issue(actor=office, year=2026, number=12, published_on=datetime.date(2026, 12, 1))
    with pytest.raises(ValidationError):
        gazette.edit_issue(actor=office, issue=second, year=2026, number=11, published_on=datetime.date(2026, 12, 1))


def test_an_issue_with_articles_does_not_move_to_another_year(office, issue, city_document):
    gazette.add_article(actor=office, issue=issue, document=city_document("沈阳市停车场管理办法", at(2026, 10, 9)))
    with pytest.raises(ValidationError) as refused:
        gazette.edit_issue(actor=office, issue=issue, year=2025, number=11, published_on=datetime.date(2025, 11, 16))
    assert "year" in refused.value.message_dict


# --- articles ----------------------------------------------------------------------------------------


def test_articles_are_added_in_order_paged_moved_and_removed(office, issue, city_document):
    first = city_document("沈阳市停车场管理办法", at(2026, 10, 9), genre_name="规章")
    second = city_document("沈阳市人民政府关于印发促进消费若干措施的通知", at(2026, 10, 20))
    third = city_document("沈阳市人民政府办公室关于印发惠企政策实施方案的通知", at(2026, 11, 2),
                          unit_name="沈阳市人民政府办公室")
    a = gazette.add_article(actor=office, issue=issue, document=first, page=3)
    b = gazette.add_article(actor=office, issue=issue, document=second)
    c = gazette.add_article(actor=office, issue=issue, document=third, page=9)
    assert [x.document for x in gazette.articles(issue)] == [first, second, third]
    gazette.set_article_page(actor=office, article=b, page=6)
    gazette.move_article(actor=office, article=c, up=True)
    assert [(x.document, x.page) for x in gazette.articles(issue)] == [(first, 3), (third, 9), (second, 6)]
    with pytest.raises(ValidationError):
        gazette.move_article(actor=office, article=a, up=True)  # first already
    gazette.remove_article(actor=office, article=a)
    assert [x.order for x in gazette.articles(issue)] == [0, 1]
    assert [x.document for x in gazette.articles(issue)] == [third, second]
    verbs = set(Event.objects.filter(subject_id=str(issue.pk)).values_list("verb", flat=True))
    assert {"documents.gazette_article_added", "documents.gazette_article_edited", "documents.gazette_article_moved",
            "documents.gazette_article_removed"} <= verbs


def test_only_public_documents_are_printed_and_never_twice(office, issue, city_document, draft, published, shenhe,
                                                           shenhe_reviewer):
    document = city_document("沈阳市停车场管理办法", at(2026, 10, 9), genre_name="规章")
    gazette.add_article(actor=office, issue=issue, document=document)
    with pytest.raises(ValidationError, match="2026年第11期"):
        gazette.add_article(actor=office, issue=issue, document=document)
    later = gazette.create_issue(actor=office, year=2026, number=12, published_on=datetime.date(2026, 12, 1))
    with pytest.raises(ValidationError):
        gazette.add_article(actor=office, issue=later, document=document)  # printed in No. 11 already
    with pytest.raises(ValidationError):
        gazette.add_article(actor=office, issue=issue, document=draft("沈河区的草稿"))
    kept_back = published("沈河区内部事务", when=at(2026, 10, 1), attribute=DisclosureAttribute.NOT_PUBLIC,
                          attribute_reason="涉及国家秘密", legal_ground="art14")
    with pytest.raises(ValidationError):
        gazette.add_article(actor=office, issue=issue, document=kept_back)
    withdrawn = published("沈河区已撤回的通知", when=at(2026, 10, 1))
    services.withdraw(actor=shenhe_reviewer, document=withdrawn, reason="内容有误")
    with pytest.raises(ValidationError):
        gazette.add_article(actor=office, issue=issue, document=withdrawn)
    with pytest.raises(ValidationError):
        gazette.add_article(actor=office, issue=issue, document=document, page=0)
    assert GazetteArticle.objects.count() == 1


def test_an_issue_is_published_with_at_least_one_article_and_stays_editable_for_the_office(
        office, issue, city_document):
    with pytest.raises(ValidationError):
        gazette.publish_issue(actor=office, issue=issue)
    article = gazette.add_article(actor=office, issue=issue, document=city_document("沈阳市停车场管理办法",
                                                                                     at(2026, 10, 9)))
    published = gazette.publish_issue(actor=office, issue=issue)
    assert published.is_published and gazette.public_issues().get() == issue
    with pytest.raises(ValidationError):
        gazette.publish_issue(actor=office, issue=issue)
    gazette.set_article_page(actor=office, article=article, page=5)  # a misprint corrected after publication
    assert gazette.articles(issue)[0].page == 5


# --- who writes, who reads ---------------------------------------------------------------------------


def test_only_the_office_writes_and_unit_staff_read(office, issue, shenhe, shenhe_reviewer, shenhe_viewer,
                                                     outsider, published):
    document = published("沈河区人民政府关于印发老旧小区改造方案的通知", when=at(2026, 10, 1))
    for person in (shenhe, shenhe_reviewer, shenhe_viewer, outsider):
        assert gazette.may_read(person) and not gazette.may_write(person)
        with pytest.raises(PermissionDenied):
            gazette.create_issue(actor=person, year=2026, number=12, published_on=datetime.date(2026, 12, 1))
        with pytest.raises(PermissionDenied):
            gazette.add_article(actor=person, issue=issue, document=document)
        with pytest.raises(PermissionDenied):
            gazette.publish_issue(actor=person, issue=issue)
        with pytest.raises(PermissionDenied):
            gazette.add_recipient(actor=person, name="沈阳市图书馆")
        assert list(gazette.issues_for(person)) == [issue]
    assert gazette.may_write(office)
    assert not gazette.may_read(AnonymousUser()) and not gazette.issues_for(AnonymousUser()).exists()
    assert GazetteIssue.objects.count() == 1 and not GazetteArticle.objects.exists()


# --- the distribution list ---------------------------------------------------------------------------


def test_the_distribution_list_adds_edits_and_takes_bodies_off_with_the_total_copies(office):
    library = gazette.add_recipient(actor=office, name="  沈阳市图书馆 ", address="沈阳市皇姑区黄河南大街6号", copies=5)
    archive = gazette.add_recipient(actor=office, name="沈阳市档案馆", copies=3)
    assert library.name == "沈阳市图书馆"
    active, total = gazette.distribution()
    assert {r.pk for r in active} == {archive.pk, library.pk} and total == 8
    gazette.edit_recipient(actor=office, recipient=archive, name="沈阳市档案馆", address="市府大路260号", copies=4)
    assert gazette.distribution()[1] == 9
    gazette.set_recipient_active(actor=office, recipient=library, active=False)
    active, total = gazette.distribution()
    assert [r.name for r in active] == ["沈阳市档案馆"] and total == 4
    assert [r.name for r in gazette.inactive_recipients()] == ["沈阳市图书馆"]
    with pytest.raises(ValidationError):
        gazette.set_recipient_active(actor=office, recipient=library, active=False)
    gazette.set_recipient_active(actor=office, recipient=library, active=True)
    assert gazette.distribution()[1] == 9


@pytest.mark.parametrize("name, copies, field", [
    ("", 1, "name"), ("沈阳市档案馆", 1, "name"), ("沈阳市政务服务中心", 0, "copies"), ("沈阳市政务服务中心", "五", "copies"),
    ("馆" * 121, 1, "name"),
])
def test_a_bad_recipient_is_refused_by_field(office, name, copies, field):
    gazette.add_recipient(actor=office, name="沈阳市档案馆", copies=3)
    with pytest.raises(ValidationError) as refused:
        gazette.add_recipient(actor=office, name=name, copies=copies)
    assert field in refused.value.message_dict


# --- 应登尽登 -------------------------------------------------------------------------------------------


def test_every_regulation_and_city_normative_document_of_the_year_must_be_printed(
        office, issue, city_document, published, genre, shenhe_reviewer, directory):
    printed = city_document("沈阳市停车场管理办法", at(2026, 10, 9), genre_name="规章")
    not_printed = city_document("沈阳市人民政府关于印发促进消费若干措施的通知", at(2026, 10, 20))
    by_the_office = city_document("沈阳市人民政府办公室关于印发惠企政策实施方案的通知", at(2026, 3, 2),
                                  unit_name="沈阳市人民政府办公室")
    regulation_of_a_department = city_document("沈阳市某部门规章", at(2026, 5, 6), genre_name="规章",
                                               unit_name="沈阳市自然资源局")
    city_document("沈阳市人民政府2025年的规范性文件", at(2025, 12, 30, 9))  # another year
    city_document("沈阳市人民政府工作动态", at(2026, 6, 1), genre_name="工作动态")  # not normative
    city_document("沈阳市财政局的规范性文件", at(2026, 6, 1), unit_name="沈阳市财政局")  # a department's
    withdrawn = city_document("沈阳市人民政府已撤回的规范性文件", at(2026, 7, 1))
    services.withdraw(actor=office, document=withdrawn, reason="内容有误")
    joint = city_document("沈河区与市政府联合印发的规范性文件", at(2026, 8, 3), unit_name="沈河区人民政府")
    joint.joint_units.add(directory["沈阳市人民政府"])
    gazette.add_article(actor=office, issue=issue, document=printed)

    check = gazette.missing_for_year(2026)
    assert check.missing == [by_the_office, regulation_of_a_department, joint, not_printed]
    assert (check.required, check.printed, check.complete) == (5, 1, False)
    assert gazette.missing_for_year(2025).required == 1

    for document in check.missing:
        gazette.add_article(actor=office, issue=issue, document=document)
    assert gazette.missing_for_year(2026).complete


def test_a_december_document_printed_in_january_counts_as_printed(office, city_document):
    late = city_document("沈阳市人民政府年末的规范性文件", at(2025, 12, 30, 9))
    january = gazette.create_issue(actor=office, year=2026, number=1, published_on=datetime.date(2026, 1, 12))
    assert gazette.missing_for_year(2025).missing == [late]
    gazette.add_article(actor=office, issue=january, document=late)
    check = gazette.missing_for_year(2025)
    assert check.complete and (check.required, check.printed) == (1, 1)


def test_the_year_of_a_document_is_its_day_of_publication_in_shanghai(office, city_document):
    # 2026-01-01 00:30 in Shanghai is still 2025 in UTC: the document is of 2026.
    document = city_document("沈阳市人民政府元旦的规范性文件", at(2026, 1, 1, 0, 30))
    assert gazette.missing_for_year(2026).missing == [document]
    assert gazette.missing_for_year(2025).missing == []


def test_candidates_are_the_years_unprinted_public_documents_normative_first(office, issue, city_document, published):
    regulation = city_document("沈阳市停车场管理办法", at(2026, 10, 9), genre_name="规章", number="沈阳市人民政府令第90号")
    news = published("沈河区工作动态", when=at(2026, 11, 1))
    city_document("沈阳市人民政府2025年的规范性文件", at(2025, 6, 1))
    assert gazette.candidates(issue) == [regulation, news]
    assert gazette.candidates(issue, "第90号") == [regulation]
    gazette.add_article(actor=office, issue=issue, document=regulation)
    assert gazette.candidates(issue) == [news]
