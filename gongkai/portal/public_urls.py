"""The public portal's pages, mounted at the site's root beside the start page: each unit's disclosure page
(/disclosure/), the 公开目录 (/catalogue/), the feeds and sitemap.xml. No login."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from . import feeds, public_views
from .sitemaps import SITEMAPS

app_name = "portal"

urlpatterns = [
    path("disclosure/", public_views.disclosure_index, name="disclosure"),
    path("disclosure/<int:unit_id>/", public_views.unit, name="unit"),
    path("disclosure/<int:unit_id>/columns/<int:column_id>/", public_views.column, name="column"),
    path("disclosure/<int:unit_id>/columns/<int:column_id>/feed.rss", feeds.ColumnFeed(), name="column-rss"),
    path("disclosure/<int:unit_id>/columns/<int:column_id>/feed.atom", feeds.ColumnAtomFeed(), name="column-atom"),
    path("catalogue/", public_views.catalogue, name="catalogue"),
    path("feeds/latest.rss", feeds.LatestFeed(), name="latest-rss"),
    path("feeds/latest.atom", feeds.LatestAtomFeed(), name="latest-atom"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]
