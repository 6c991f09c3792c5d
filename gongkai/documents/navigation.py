"""The 主动公开 area's own navigation: the pages of documents, columns, topics, the gazette, the
regulations library, guides, import and settings, each offered only to those who may open it.

Shown on every staff page of the documents namespace (documents.context_processors) so that no page of
the area is reachable only by typing its address.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .importing.staging import may_import


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    current: bool = False


def _own_unit(user):
    """The unit a unit's staff member's own pages are about: the first of their units (most have one)."""
    return min(user.unit_ids) if user.unit_ids else None


def area_links(user):
    """[(label, url)] of the area's pages this person may open, in the order they are used."""
    if not (user.is_authenticated and (user.unit_ids or user.is_office_admin)):
        return []
    office, unit_id = user.is_office_admin, _own_unit(user)
    links = [(pgettext_lazy("the list of documents", "Documents"), reverse("documents:list"))]
    if office:
        links.append((_("Column tree"), reverse("documents:columns")))
    else:
        links.append((_("Our columns"), reverse("documents:unit-columns", args=[unit_id])))
    links += [(_("Column updates"), reverse("documents:freshness")), (_("Special topics"), reverse("documents:topics"))]
    if office:
        links.append((_("Rules and normative documents"), reverse("documents:regulations-overview")))
    else:
        links.append((_("Rules and normative documents"), reverse("documents:regulations", args=[unit_id])))
    links += [(_("Government gazette"), reverse("documents:gazette")), (_("Disclosure guides"), reverse("documents:guides"))]
    if may_import(user):
        links.append((_("Import documents"), reverse("documents:import")))
    if office:
        links += [(_("Categories"), reverse("documents:categories")), (_("Settings"), reverse("documents:settings"))]
    return links


def links_for(user, path):
    """The area's links with the one the current page belongs to marked (the longest matching address)."""
    links = area_links(user)
    matching = [url for _label, url in links if path.startswith(url)]
    current = max(matching, key=len) if matching else None
    return [Link(label, url, url == current) for label, url in links]


PUBLIC_PAGES = (
    (_("Special topics"), "topics:index"),
    (_("Rules and normative documents"), "regulations:index"),
    (_("Government gazette"), "gazette:index"),
    (_("Disclosure guides"), "guide:index"),
)


def public_links():
    return [Link(label, reverse(name)) for label, name in PUBLIC_PAGES]
