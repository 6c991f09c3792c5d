"""RSS and Atom feeds per unit and column and of the city's latest documents, and sitemap.xml: they parse as
XML and hold only public documents and published gazette issues."""

import xml.etree.ElementTree as ET

from django.urls import reverse

from gongkai.documents import gazette, guide
from gongkai.documents import topics as topic_services
from tests.documents.conftest import at
from tests.portal.test_portal_home import column, hidden_fixture, published_fixture  # noqa: F401 (fixtures)

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def xml_of(response, content_type):
    assert response.status_code == 200 and response["Content-Type"].startswith(content_type)
    return ET.fromstring(response.content)


def rss_titles(root):
    return [item.findtext("title") for item in root.iter("item")]


def atom_titles(root):
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


def test_the_latest_feeds_hold_only_public_documents_newest_first(client, published, hidden):
    older = published("沈河区2025年部门预算", when=at(2026, 2, 1), body="<p>预算<strong>正文</strong></p>")
    newer = published("沈河区2026年部门预算", when=at(2026, 8, 1))
    rss = xml_of(client.get(reverse("portal:latest-rss")), "application/rss+xml")
    assert rss_titles(rss) == [newer.title, older.title]
    item = next(rss.iter("item"))
    assert item.findtext("link").endswith(reverse("documents-public:document", args=[newer.pk]))
    described = [i.findtext("description") for i in rss.iter("item")][1]
    assert "预算正文" in described and "<strong>" not in described  # plain text, no markup
    atom = xml_of(client.get(reverse("portal:latest-atom")), "application/atom+xml")
    assert atom_titles(atom) == [newer.title, older.title]
    for document in hidden:
        assert document.title.encode() not in client.get(reverse("portal:latest-rss")).content


def test_a_column_feed_holds_the_units_public_documents_of_the_column_and_its_sub_columns(
        client, directory, published, hidden):
    shenhe = directory["沈河区人民政府"]
    budget = published("沈河区2026年部门预算", columns=[column("budget")])
    accounts = published("沈河区2025年部门决算", columns=[column("final-accounts")])
    published("沈河区工作动态", columns=[column("news")])
    published("沈阳市2026年市级预算", unit=directory["沈阳市财政局"], columns=[column("budget")])
    args = [shenhe.pk, column("finance").pk]
    rss = xml_of(client.get(reverse("portal:column-rss", args=args)), "application/rss+xml")
    assert set(rss_titles(rss)) == {budget.title, accounts.title}
    assert "沈河区人民政府" in rss.find("channel").findtext("title")
    atom = xml_of(client.get(reverse("portal:column-atom", args=args)), "application/atom+xml")
    assert set(atom_titles(atom)) == {budget.title, accounts.title}


def test_a_feed_of_a_column_outside_the_units_tree_is_not_found(client, directory):
    shenhe = directory["沈河区人民政府"]
    assert client.get(reverse("portal:column-rss", args=[shenhe.pk, 999999])).status_code == 404
    assert client.get(reverse("portal:column-atom", args=[999999, column("budget").pk])).status_code == 404


def test_the_sitemap_lists_the_public_pages_only(client, office, directory, published, hidden):
    shenhe = directory["沈河区人民政府"]
    document = published("沈河区2026年部门预算", columns=[column("budget")])
    issue = gazette.create_issue(actor=office, year=2026, number=10, published_on=at(2026, 10, 15).date())
    gazette.add_article(actor=office, issue=issue, document=document)
    gazette.publish_issue(actor=office, issue=issue)
    gazette.create_issue(actor=office, year=2026, number=11, published_on=at(2026, 11, 15).date())
    topic = topic_services.create_topic(actor=office, unit=shenhe, name="优化营商环境", slug="business")
    guide.edit_guide(actor=None, unit=shenhe, fields={"address": "沈阳市沈河区市府大路1号", "hours": "工作日",
                                                     "phone": "024-22856789"})
    root = xml_of(client.get("/sitemap.xml"), "application/xml")
    urls = {url.findtext(f"{SITEMAP}loc").split("testserver", 1)[1]: url.findtext(f"{SITEMAP}lastmod")
            for url in root.iter(f"{SITEMAP}url")}
    assert urls[reverse("documents-public:document", args=[document.pk])]  # with its lastmod
    for expected in ("/", reverse("portal:catalogue"), reverse("portal:unit", args=[shenhe.pk]),
                     reverse("topics:topic", args=[topic.slug]), reverse("gazette:issue", args=[2026, 10]),
                     reverse("guide:unit", args=[shenhe.pk])):
        assert expected in urls, expected
    assert reverse("gazette:issue", args=[2026, 11]) not in urls
    for hidden_document in hidden:
        assert reverse("documents-public:document", args=[hidden_document.pk]) not in urls
    assert reverse("portal:unit", args=[directory["沈阳市财政局"].pk]) not in urls  # no public documents
