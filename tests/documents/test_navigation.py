"""Every page of 主动公开 can be reached by a link: the area's navigation offers each person the pages they
may open (the office its settings, a liaison the import, a viewer neither), and the public start page links
the public pages of topics, rules, the gazette and the guides."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def area_links(client):
    html = client.get(reverse("documents:list")).content.decode()
    start = html.index('class="area-nav"')
    return html[start:html.index("</nav>", start)]


def test_the_office_is_offered_every_page_of_the_area(client_for, office):
    nav = area_links(client_for(office))
    for name in ("documents:list", "documents:columns", "documents:freshness", "documents:topics",
                 "documents:regulations-overview", "documents:gazette", "documents:guides", "documents:import",
                 "documents:categories", "documents:settings"):
        assert f'href="{reverse(name)}"' in nav, name
    assert f'href="{reverse("documents:list")}" aria-current="page"' in nav


def test_a_unit_handler_gets_the_unit_pages_and_no_office_page(client_for, shenhe, shenhe_unit):
    nav = area_links(client_for(shenhe))
    assert f'href="{reverse("documents:unit-columns", args=[shenhe_unit.pk])}"' in nav
    assert f'href="{reverse("documents:regulations", args=[shenhe_unit.pk])}"' in nav
    for name in ("documents:columns", "documents:settings", "documents:categories", "documents:import",
                 "documents:regulations-overview"):
        assert f'href="{reverse(name)}"' not in nav, name


def test_the_current_page_is_marked_on_a_deeper_address(client_for, office):
    html = client_for(office).get(reverse("documents:topics")).content.decode()
    assert f'href="{reverse("documents:topics")}" aria-current="page"' in html
    assert html.count('aria-current="page"') == 1


def test_a_units_library_and_a_documents_page_mark_their_own_link(client_for, office, shenhe_unit, published):
    client = client_for(office)
    html = client.get(reverse("documents:regulations", args=[shenhe_unit.pk])).content.decode()
    assert f'href="{reverse("documents:regulations-overview")}" aria-current="page"' in html
    html = client.get(reverse("documents:detail", args=[published().pk])).content.decode()
    assert f'href="{reverse("documents:list")}" aria-current="page"' in html
    assert html.count('aria-current="page"') == 1


def test_pages_outside_the_area_have_no_area_navigation(client_for, office):
    assert 'class="area-nav"' not in client_for(office).get(reverse("foi:list")).content.decode()


def test_the_public_start_page_links_the_public_pages(client):
    html = client.get("/").content.decode()
    for name in ("topics:index", "regulations:index", "gazette:index", "guide:index"):
        assert f'href="{reverse(name)}"' in html, name
