"""The gazette's pages: the office edits through them, unit staff read them, the public reads published issues
only; bad input gets a Chinese message, never a 500, and every page speaks Chinese."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.documents import gazette, services
from gongkai.documents.models import DisclosureAttribute, GazetteArticle, GazetteIssue, GazetteRecipient
from gongkai.orgs.services import create_person
from tests.conftest import PASSWORD
from tests.portal.pagetext import offences

from .conftest import at
from .test_gazette import PDF_BYTES, city_document_fixture, issue_fixture  # noqa: F401 (fixtures)

USERNAMES = {"office", "shenhe", "shenhe-viewer"}


@pytest.fixture
def printed(office, issue, city_document):
    """The issue with one article (a 规章 on page 3) and its PDF; a second city document left out."""
    regulation = city_document("沈阳市停车场管理办法", at(2026, 10, 9), genre_name="规章", number="沈阳市人民政府令第90号")
    left_out = city_document("沈阳市人民政府关于印发促进消费若干措施的通知", at(2026, 10, 20), number="沈政发〔2026〕8号")
    gazette.edit_issue(actor=office, issue=issue, year=2026, number=11, overall_number=523,
                       published_on=issue.published_on, copies_printed=1200,
                       pdf=SimpleUploadedFile("issue.pdf", PDF_BYTES))
    article = gazette.add_article(actor=office, issue=issue, document=regulation, page=3)
    return {"issue": issue, "regulation": regulation, "left_out": left_out, "article": article}


def speaks_chinese(response):
    assert response.status_code == 200
    # The cast's usernames (office, shenhe…) stand in the header where the demo shows people's names.
    found = [word for word, _around in offences(response.content.decode()) if word not in USERNAMES]
    assert found == [], found
    return response.content.decode()


def staff_urls(issue):
    return [reverse("documents:gazette"), reverse("documents:gazette-issue", args=[issue.pk]),
            reverse("documents:gazette-check") + "?year=2026", reverse("documents:gazette-recipients")]


def test_the_office_gets_every_page_in_chinese_with_its_actions(client_for, office, printed):
    issue = printed["issue"]
    gazette.add_recipient(actor=office, name="沈阳市图书馆", copies=5)
    client = client_for(office)
    pages = [speaks_chinese(client.get(url)) for url in staff_urls(issue)]
    index, detail, check, recipients = pages
    assert reverse("documents:gazette-issue-new") in index
    assert reverse("documents:gazette-article-remove", args=[issue.pk, printed["article"].pk]) in detail
    assert reverse("documents:gazette-issue-publish", args=[issue.pk]) in detail
    assert "沈政发〔2026〕8号" in detail  # the left-out document is offered
    assert printed["left_out"].title in check and reverse("documents:gazette-check-add") in check
    assert "应刊登2件，已刊登1件" in check
    assert "沈阳市图书馆" in recipients and reverse("documents:gazette-recipient-active", args=[
        GazetteRecipient.objects.get().pk]) in recipients
    speaks_chinese(client.get(reverse("documents:gazette-issue-new")))
    speaks_chinese(client.get(reverse("documents:gazette-issue-edit", args=[issue.pk])))


def test_unit_staff_read_but_are_offered_nothing_and_refused_every_write(client_for, printed, shenhe_viewer, shenhe,
                                                                         office):
    issue = printed["issue"]
    gazette.add_recipient(actor=office, name="沈阳市图书馆", copies=5)
    for person in (shenhe, shenhe_viewer):
        client = client_for(person)
        for url in staff_urls(issue):
            html = speaks_chinese(client.get(url))
            assert 'action="/documents/gazette/' not in html  # no form posts to the gazette
            assert reverse("documents:gazette-issue-new") not in html
        assert printed["regulation"].title in client.get(reverse("documents:gazette-issue", args=[issue.pk])).content.decode()
        assert client.get(reverse("documents:gazette-pdf", args=[issue.pk])).status_code == 200
        assert client.get(reverse("documents:gazette-issue-new")).status_code == 403
        posts = [
            (reverse("documents:gazette-article-add", args=[issue.pk]), {"document": printed["left_out"].pk}),
            (reverse("documents:gazette-article-remove", args=[issue.pk, printed["article"].pk]), {}),
            (reverse("documents:gazette-issue-publish", args=[issue.pk]), {}),
            (reverse("documents:gazette-check-add"), {"issue": issue.pk, "document": printed["left_out"].pk}),
            (reverse("documents:gazette-recipients"), {"name": "沈阳市档案馆", "copies": 2}),
            (reverse("documents:gazette-recipient-active", args=[GazetteRecipient.objects.get().pk]), {"active": "0"}),
        ]
        for url, data in posts:
            assert client.post(url, data).status_code == 403, url
    issue.refresh_from_db()
    assert not issue.is_published and GazetteArticle.objects.count() == 1 and GazetteRecipient.objects.count() == 1
    assert GazetteRecipient.objects.get().is_active


def test_the_staff_pages_are_for_staff_only(client, printed, db):
    issue = printed["issue"]
    for url in staff_urls(issue):
        assert client.get(url).status_code == 302  # to the login page
    nobody = create_person(actor=None, username="nobody", password=PASSWORD, memberships=[])
    client.force_login(nobody, backend="django.contrib.auth.backends.ModelBackend")
    for url in staff_urls(issue):
        assert client.get(url).status_code == 404


def test_the_office_builds_and_publishes_an_issue_through_the_pages(client_for, office, city_document):
    client = client_for(office)
    response = client.post(reverse("documents:gazette-issue-new"), {
        "year": "2026", "number": "12", "overall_number": "524", "published_on": "2026-12-01",
        "copies_printed": "1000", "pdf": SimpleUploadedFile("第12期.pdf", PDF_BYTES)})
    issue = GazetteIssue.objects.get(year=2026, number=12)
    assert response.status_code == 302 and response.url == reverse("documents:gazette-issue", args=[issue.pk])
    assert issue.pdf_sha256
    first = city_document("沈阳市停车场管理办法", at(2026, 10, 9), genre_name="规章")
    second = city_document("沈阳市人民政府关于印发促进消费若干措施的通知", at(2026, 10, 20))
    url = reverse("documents:gazette-article-add", args=[issue.pk])
    client.post(url, {"document": first.pk, "page": "3"})
    client.post(url, {"document": second.pk, "page": ""})
    entries = gazette.articles(issue)
    assert [(e.document, e.page) for e in entries] == [(first, 3), (second, None)]
    client.post(reverse("documents:gazette-article-move", args=[issue.pk, entries[1].pk]), {"direction": "up"})
    client.post(reverse("documents:gazette-article-page", args=[issue.pk, entries[1].pk]), {"page": "5"})
    assert [(e.document, e.page) for e in gazette.articles(issue)] == [(second, 5), (first, 3)]
    client.post(reverse("documents:gazette-article-remove", args=[issue.pk, entries[0].pk]))
    assert [e.document for e in gazette.articles(issue)] == [second]
    response = client.post(reverse("documents:gazette-issue-publish", args=[issue.pk]), follow=True)
    assert "已在公开的政府公报页面发布" in response.content.decode()
    issue.refresh_from_db()
    assert issue.is_published
    pdf = client.get(reverse("documents:gazette-pdf", args=[issue.pk]))
    assert pdf["Content-Type"] == "application/pdf" and b"".join(pdf.streaming_content) == PDF_BYTES


def test_the_check_page_adds_a_missing_document_to_the_chosen_issue(client_for, office, printed):
    client = client_for(office)
    response = client.post(reverse("documents:gazette-check-add"),
                           {"issue": printed["issue"].pk, "document": printed["left_out"].pk, "page": ""})
    assert response.status_code == 302 and response.url.endswith("?year=2026")
    html = speaks_chinese(client.get(response.url))
    assert "应刊登2件，已刊登2件" in html and "本年应刊登的文件均已刊登" in html


@pytest.mark.parametrize("data", [
    {"document": "abc"}, {"document": "999999"}, {"document": "", "page": "x"}, {"document": "1", "page": "-3"},
])
def test_bad_input_to_add_an_article_is_a_message_not_a_500(client_for, office, printed, data):
    client = client_for(office)
    response = client.post(reverse("documents:gazette-article-add", args=[printed["issue"].pk]), data, follow=True)
    assert response.status_code == 200
    assert 'class="message error"' in response.content.decode()
    assert GazetteArticle.objects.count() == 1


def test_bad_input_elsewhere_is_a_message_not_a_500(client_for, office, printed):
    client = client_for(office)
    issue = printed["issue"]
    response = client.post(reverse("documents:gazette-issue-new"), {
        "year": "2026", "number": "11", "published_on": "2026-12-01",
        "pdf": SimpleUploadedFile("伪装.pdf", b"<html>not a pdf</html>")})
    html = response.content.decode()
    assert response.status_code == 400 and "2026年第11期已存在" in html
    response = client.post(reverse("documents:gazette-issue-edit", args=[issue.pk]), {
        "year": "2026", "number": "11", "published_on": "2026-11-16",
        "pdf": SimpleUploadedFile("伪装.pdf", b"<html>not a pdf</html>")})
    assert response.status_code == 400 and "伪装.pdf" in response.content.decode()
    assert "伪装" not in (GazetteIssue.objects.get(pk=issue.pk).pdf.name or "")
    response = client.post(reverse("documents:gazette-issue-new"), {"year": "二〇二六", "number": "", "published_on": "昨天"})
    assert response.status_code == 400
    assert client.get(reverse("documents:gazette-check") + "?year=abc").status_code == 200
    assert client.get(reverse("documents:gazette-check") + "?year=99999").status_code == 200
    for url, data in [
        (reverse("documents:gazette-article-page", args=[issue.pk, printed["article"].pk]), {"page": "第三页"}),
        (reverse("documents:gazette-article-move", args=[issue.pk, printed["article"].pk]), {"direction": "up"}),
        (reverse("documents:gazette-check-add"), {"issue": "x", "document": "1"}),
        (reverse("documents:gazette-recipients"), {"name": "", "copies": "多"}),
    ]:
        assert client.post(url, data, follow=True).status_code in (200, 400), url
    gazette.add_recipient(actor=office, name="沈阳市档案馆", copies=3)
    library = gazette.add_recipient(actor=office, name="沈阳市图书馆", copies=5)
    response = client.post(reverse("documents:gazette-recipient", args=[library.pk]),
                           {"name": "沈阳市档案馆", "copies": "2"}, follow=True)
    assert "已在名单上" in response.content.decode()
    assert client.post(reverse("documents:gazette-article-remove", args=[issue.pk, 999999])).status_code == 404
    assert client.get(reverse("documents:gazette-issue", args=[999999])).status_code == 404


def test_the_distribution_list_page_edits_and_counts_the_copies(client_for, office):
    client = client_for(office)
    client.post(reverse("documents:gazette-recipients"), {"name": "沈阳市图书馆", "address": "黄河南大街6号", "copies": "5"})
    client.post(reverse("documents:gazette-recipients"), {"name": "沈阳市档案馆", "address": "", "copies": "3"})
    archive = GazetteRecipient.objects.get(name="沈阳市档案馆")
    client.post(reverse("documents:gazette-recipient", args=[archive.pk]),
                {"name": "沈阳市档案馆", "address": "市府大路260号", "copies": "4"})
    html = speaks_chinese(client.get(reverse("documents:gazette-recipients")))
    assert "每期共需9份" in html
    client.post(reverse("documents:gazette-recipient-active", args=[archive.pk]), {"active": "0"})
    html = speaks_chinese(client.get(reverse("documents:gazette-recipients")))
    assert "每期共需5份" in html and "已移出名单" in html


# --- the public gazette ------------------------------------------------------------------------------


def test_the_public_sees_published_issues_only(client, office, printed):
    issue = printed["issue"]
    issue_url = reverse("gazette:issue", args=[2026, 11])
    pdf_url = reverse("gazette:pdf", args=[2026, 11])
    assert "2026年第11期" not in speaks_chinese(client.get(reverse("gazette:index")))
    assert client.get(issue_url).status_code == 404 and client.get(pdf_url).status_code == 404
    gazette.publish_issue(actor=office, issue=issue)
    index = speaks_chinese(client.get(reverse("gazette:index")))
    assert issue_url in index and pdf_url in index
    page = speaks_chinese(client.get(issue_url))
    assert reverse("documents-public:document", args=[printed["regulation"].pk]) in page
    assert "沈阳市人民政府令第90号" in page
    response = client.get(pdf_url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF_BYTES
    assert client.get(reverse("gazette:issue", args=[2026, 12])).status_code == 404


def test_a_document_withdrawn_after_printing_leaves_the_public_issue_page(client, office, printed):
    issue = printed["issue"]
    gazette.publish_issue(actor=office, issue=issue)
    services.withdraw(actor=office, document=printed["regulation"], reason="内容有误")
    page = speaks_chinese(client.get(reverse("gazette:issue", args=[2026, 11])))
    assert printed["regulation"].title not in page


def test_an_issue_without_pdf_offers_no_download(client, office, issue, city_document):
    gazette.add_article(actor=office, issue=issue, document=city_document("沈阳市停车场管理办法", at(2026, 10, 9)))
    gazette.publish_issue(actor=office, issue=issue)
    assert reverse("gazette:pdf", args=[2026, 11]) not in speaks_chinese(client.get(reverse("gazette:index")))
    assert client.get(reverse("gazette:pdf", args=[2026, 11])).status_code == 404


def test_a_kept_back_document_is_never_offered(client_for, office, printed, published):
    kept = published("沈河区涉密事项", when=at(2026, 10, 1), attribute=DisclosureAttribute.NOT_PUBLIC,
                     attribute_reason="涉及国家秘密", legal_ground="art14")
    html = client_for(office).get(reverse("documents:gazette-issue", args=[printed["issue"].pk])).content.decode()
    assert kept.title not in html
