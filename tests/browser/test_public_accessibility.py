"""axe-core (from the npm registry, tests/browser/axe/) injected by Playwright into each type of public page
of the portal: no serious or critical violation, at desktop width and on a 390 px phone in large-text mode.
Skipped where `make install` has not installed axe-core (no npm on the machine)."""

from pathlib import Path

import pytest
from django.urls import reverse

from gongkai.documents import guide
from gongkai.documents.models import Column
from gongkai.documents.standard import ensure_standard_catalogue
from tests.portal.test_portal_home import published_fixture  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}


def violations(page):
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document)).violations"
                          ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
                          " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))")
    return [v for v in found if v["impact"] in SERIOUS]


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed: run make install (needs npm)")
def test_the_public_pages_have_no_serious_accessibility_violations(page, live_server, directory, published):
    ensure_standard_catalogue()  # an earlier transactional test flushed what migration 0002 seeded
    shenhe = directory["沈河区人民政府"]
    budget = Column.objects.standard().get(slug="budget")
    document = published("沈河区2026年部门预算", columns=[budget], number="沈河财〔2026〕2号")
    guide.edit_guide(actor=None, unit=shenhe, fields={"office_name": "沈河区政务公开办公室", "phone": "024-22856789",
                                                     "email": "zwgk@shenhe.gov.cn", "address": "市府大路1号"})
    urls = ["/", reverse("portal:disclosure"), reverse("portal:unit", args=[shenhe.pk]),
            reverse("portal:column", args=[shenhe.pk, budget.pk]), reverse("portal:catalogue"),
            reverse("portal:catalogue") + "?year=abc", reverse("documents-public:document", args=[document.pk])]
    problems = {}
    for width, large in ((1280, False), (390, True)):
        page.set_viewport_size({"width": width, "height": 900})
        for url in urls:
            page.goto(live_server.url + url)
            if large:
                page.click("[data-toggle-large-text]")
                assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), url
            found = violations(page)
            if found:
                problems[f"{url} @{width}"] = found
    assert problems == {}
