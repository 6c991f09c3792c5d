"""sitemap.xml of the public pages: the portal's own pages, every public document (/gk/<pk>/, with the
time it last changed), each unit's disclosure page, topics, published gazette issues and the written guides.
Nothing that is not public is listed: drafts, withdrawn documents and unpublished issues are 404s anyway."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from gongkai.documents import gazette
from gongkai.documents.models import DisclosureGuide, Document, Topic

from .disclosure import units_with_public_documents

PAGES = ("home", "portal:disclosure", "portal:catalogue", "topics:index", "topics:archive", "guide:index",
         "gazette:index", "regulations:index", "foi:apply", "foi:status", "progress:index")


class PagesSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return PAGES

    def location(self, name):
        return reverse(name)


class DocumentSitemap(Sitemap):
    changefreq = "monthly"
    limit = 10000

    def items(self):
        return Document.objects.public().only("pk", "updated_at").order_by("pk")

    def location(self, document):
        return reverse("documents-public:document", args=[document.pk])

    def lastmod(self, document):
        return document.updated_at


class DisclosureSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return units_with_public_documents().only("pk")

    def location(self, unit):
        return reverse("portal:unit", args=[unit.pk])


class TopicSitemap(Sitemap):
    def items(self):
        return Topic.objects.order_by("pk").only("slug")

    def location(self, topic):
        return reverse("topics:topic", args=[topic.slug])


class GazetteSitemap(Sitemap):
    def items(self):
        return gazette.public_issues().order_by("-year", "-number")

    def location(self, issue):
        return reverse("gazette:issue", args=[issue.year, issue.number])

    def lastmod(self, issue):
        return issue.published_on


class GuideSitemap(Sitemap):
    def items(self):
        """The guides the public index lists: an address, office hours and a phone (DisclosureGuide.is_complete)."""
        return (DisclosureGuide.objects.filter(unit__is_active=True).exclude(address="").exclude(hours="")
                .exclude(phone="").order_by("unit_id"))

    def location(self, guide):
        return reverse("guide:unit", args=[guide.unit_id])

    def lastmod(self, guide):
        return guide.updated_at


SITEMAPS = {"pages": PagesSitemap, "documents": DocumentSitemap, "disclosure": DisclosureSitemap,
            "topics": TopicSitemap, "gazette": GazetteSitemap, "guides": GuideSitemap}
