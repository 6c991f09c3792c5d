"""A bounded crawl of the site as one person: from their landing pages, following links, one page per URL
pattern (the view and the names of its query parameters), skipping downloads and actions."""

import time
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

from django.urls import Resolver404, resolve

from .pagetext import offences

STAFF_START = ["/", "/ledger/", "/supervision/", "/foi/", "/foi/statistics/", "/plans/", "/units/", "/bulletins/",
               "/assessment/", "/review/", "/workdays/", "/notifications/", "/conventions/", "/supervision/notices/",
               "/foi/register/", "/foi/ratings/", "/progress/", "/no/such/page/"]
PUBLIC_START = ["/", "/progress/", "/foi/apply/", "/foi/status/", "/foi/ratings/", "/accounts/login/",
                "/no/such/page/", "/ledger/"]
# Not pages: files (DOCX, PDF, XLSX, JSON, iCalendar), the API, the admin, static files, logging out.
SKIPPED_PREFIXES = ("/static/", "/media/", "/admin/", "/api/", "/i18n/", "/accounts/logout/")
SKIPPED_VIEWS = ("export", "xlsx", "docx", "pdf", "json", "ical", "letter", "notice-docx", "evidence", "healthz")


@dataclass
class Page:
    role: str
    url: str
    view: str
    status: int
    words: list = field(default_factory=list)  # [(word, context)]


def pattern_of(url):
    """(view name, query parameter names) of a URL, or None for what is not a page to read."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path.startswith("/") or parts.path.startswith(SKIPPED_PREFIXES):
        return None
    try:
        match = resolve(parts.path)
    except Resolver404:
        return ("404", ())
    view = match.view_name or ""
    if any(skipped in view.split(":")[-1] for skipped in SKIPPED_VIEWS):
        return None
    return view, tuple(sorted({name for name, _value in parse_qsl(parts.query)}))


def links(html):
    from html.parser import HTMLParser

    class Links(HTMLParser):
        found = []

        def handle_starttag(self, tag, attrs):
            if tag == "a":
                href = dict(attrs).get("href")
                if href and not href.startswith(("#", "mailto:", "tel:", "javascript:")):
                    self.found.append(href.split("#")[0])

    parser = Links()
    parser.found = []
    parser.feed(html)
    return parser.found


def read(client, role, url, pattern, *, data=None):
    """One page as `role`: fetched (posted when `data` is given), its words and links."""
    response = client.post(url, data) if data is not None else client.get(url)
    page = Page(role=role, url=url, view=pattern[0], status=response.status_code)
    found = []
    if response.status_code in (301, 302):
        found = [response["Location"]]
    elif "text/html" in response.get("Content-Type", ""):
        html = response.content.decode()
        page.words = offences(html)
        found = links(html)
    return page, found


def crawl(client, role, start, *, variants=(), max_pages, deadline):
    """Pages read as `role` with the logged-in `client`, breadth first from `start`.

    `variants` are read whatever their pattern, before the crawl: pages of one pattern that differ by the
    state of what they show (an application served, archived, awaiting approval …)."""
    queue, seen_patterns, pages = deque(start), set(), []
    for url in variants:
        page, found = read(client, role, url, pattern_of(url))
        pages.append(page)
        queue.extend(found)
    while queue and len(pages) < max_pages and time.monotonic() < deadline:
        url = queue.popleft()
        pattern = pattern_of(url)
        if pattern is None or pattern in seen_patterns:
            continue
        seen_patterns.add(pattern)
        page, found = read(client, role, url, pattern)
        pages.append(page)
        if page.status in (301, 302):
            queue.extendleft(found)
        else:
            queue.extend(found)
    return pages
