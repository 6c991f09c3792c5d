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


# Which pages each link stands for, by the start of their URL names; the first that matches wins and a
# page no other link claims (a document, its versions and steps) belongs to the list of documents.
SECTIONS = (
    ("columns", ("column", "unit-columns")),
    ("freshness", ("freshness",)),
    ("topics", ("topic",)),
    ("regulations", ("regulations",)),
    ("gazette", ("gazette",)),
    ("guides", ("guide",)),
    ("import", ("import",)),
    ("categories", ("categor",)),
    ("settings", ("settings",)),
)


def section_of(url_name):
    return next((section for section, starts in SECTIONS if (url_name or "").startswith(starts)), "documents")


def _own_unit(user):
    """The unit a unit's staff member's own pages are about: the first of their units (most have one)."""
    return min(user.unit_ids) if user.unit_ids else None


def area_links(user):
    """[(section, label, url)] of the area's pages this person may open, in the order they are used."""
    if not (user.is_authenticated and (user.unit_ids or user.is_office_admin)):
        return []
    office, unit_id = user.is_office_admin, _own_unit(user)
    links = [("documents", pgettext_lazy("the list of documents", "Documents"), reverse("documents:list"))]
    if office:
        links.append(("columns", _("Column tree"), reverse("documents:columns")))
    else:
        links.append(("columns", _("Our columns"), reverse("documents:unit-columns", args=[unit_id])))
    links += [("freshness", _("Column updates"), reverse("documents:freshness")),
              ("topics", _("Special topics"), reverse("documents:topics"))]
    regulations = reverse("documents:regulations-overview") if office else reverse("documents:regulations",
                                                                                    args=[unit_id])
    links += [("regulations", _("Rules and normative documents"), regulations),
              ("gazette", _("Government gazette"), reverse("documents:gazette")),
              ("guides", _("Disclosure guides"), reverse("documents:guides"))]
    if may_import(user):
        links.append(("import", _("Import documents"), reverse("documents:import")))
    if office:
        links += [("categories", _("Categories"), reverse("documents:categories")),
                  ("settings", _("Settings"), reverse("documents:settings"))]
    return links


def links_for(user, url_name):
    """The area's links, the one the current page (by its URL name) belongs to marked."""
    current = section_of(url_name)
    return [Link(label, url, section == current) for section, label, url in area_links(user)]


PUBLIC_PAGES = (
    (_("Special topics"), "topics:index"),
    (_("Rules and normative documents"), "regulations:index"),
    (_("Government gazette"), "gazette:index"),
    (_("Disclosure guides"), "guide:index"),
)


def public_links():
    return [Link(label, reverse(name)) for label, name in PUBLIC_PAGES]
