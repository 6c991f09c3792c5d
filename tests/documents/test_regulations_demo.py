"""The regulations library and the expiry warnings over the loaded demo (as `gongkai demo` loads it, on
Wednesday 2026-12-02): every page speaks Chinese, shows the demo's amended, repealed and expired documents
with their successors, and the tick warns of the two documents expiring this month."""

import datetime

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from gongkai.demo.ledger import clock
from gongkai.demo.loader import load_demo
from gongkai.documents import regulations
from gongkai.documents.models import Document, Validity
from gongkai.notifications.models import Notification
from gongkai.orgs.models import Unit, User
from gongkai.supervision.tick import run_tick
from tests.portal.pagetext import offences

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 2)
CITY = "沈阳市人民政府"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The pages each person reads and what the tick warned, gathered once; the demo is rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic(), clock(TODAY):
        load_demo()
        city = Unit.objects.get(name=CITY)
        finance = Unit.objects.get(name="沈阳市财政局")  # the demo viewer's unit
        pages = {}
        for username, urls in (
                ("office", [reverse("documents:regulations-overview"), reverse("documents:regulations", args=[city.pk]),
                            reverse("documents:regulations", args=[city.pk]) + "?validity=repealed"]),
                ("viewer", [reverse("documents:regulations-overview"),
                            reverse("documents:regulations", args=[finance.pk]),
                            reverse("documents:regulations", args=[city.pk])])):
            client = Client()
            client.force_login(User.objects.get(username=username), backend="django.contrib.auth.backends.ModelBackend")
            for url in urls:
                response = client.get(url)
                pages[(username, url)] = (response.status_code, response.content.decode())
        public = Client()
        for url in (reverse("regulations:index"), reverse("regulations:unit", args=[city.pk])):
            response = public.get(url)
            pages[("public", url)] = (response.status_code, response.content.decode())
        xlsx = Client()
        xlsx.force_login(User.objects.get(username="office"), backend="django.contrib.auth.backends.ModelBackend")
        workbook = xlsx.get(reverse("documents:regulations-xlsx", args=[city.pk]))
        expiring = {d.title for d in regulations.expiring_within(regulations.library(), today=TODAY, days=30)}
        report = run_tick(today=TODAY)
        keys = set(Notification.objects.filter(key__startswith="expiry").values_list("key", flat=True))
        replaced = {d.title: d.superseded_by.title for d in Document.objects.filter(
            validity__in=[Validity.AMENDED, Validity.REPEALED]).select_related("superseded_by")}
        transaction.set_rollback(True)
    return {"pages": pages, "city": city, "finance": finance, "workbook": workbook, "expiring": expiring, "report": report,
            "keys": keys, "replaced": replaced}


def test_every_library_page_speaks_chinese(demo):
    bad = {key: offences(html) for key, (status, html) in demo["pages"].items() if status == 200 and offences(html)}
    assert not bad


def test_the_viewer_reads_the_own_library_but_not_the_city_government(demo):
    statuses = {key: status for key, (status, _html) in demo["pages"].items()}
    city_url = reverse("documents:regulations", args=[demo["city"].pk])
    assert statuses.pop(("viewer", city_url)) == 404
    assert set(statuses.values()) == {200}


def test_the_city_library_lists_the_replaced_documents_with_their_successors(demo):
    city_url = reverse("documents:regulations", args=[demo["city"].pk])
    _status, text = demo["pages"][("office", city_url)]
    assert "沈阳市机动车停车管理暂行办法" in text and "沈阳市停车场管理办法" in text
    assert "即将到期" in text
    _status, public = demo["pages"][("public", reverse("regulations:unit", args=[demo["city"].pk]))]
    assert public.index("沈阳市停车场管理办法") < public.index("沈阳市机动车停车管理暂行办法")  # in force first
    assert "沈阳市人民政府办公室关于印发沈阳市2025年冬春季呼吸道传染病防控工作方案的通知" not in public  # another unit's
    assert demo["replaced"]["沈阳市机动车停车管理暂行办法"] == "沈阳市停车场管理办法"


def test_the_viewer_reads_the_amended_budget_rules_of_the_finance_bureau(demo):
    _status, text = demo["pages"][("viewer", reverse("documents:regulations", args=[demo["finance"].pk]))]
    assert "沈阳市财政局关于印发沈阳市市级预算绩效管理办法（2026年修订）的通知" in text
    amended = text[text.index('id="group-amended"'):text.index('id="group-repealed"')]
    assert "沈阳市财政局关于印发沈阳市市级预算绩效管理办法的通知" in amended


def test_the_workbook_downloads(demo):
    assert demo["workbook"].status_code == 200 and demo["workbook"].content[:2] == b"PK"


def test_the_tick_warns_of_the_two_documents_expiring_this_month(demo):
    assert demo["expiring"] == {"沈阳市人民政府关于印发沈阳市促进消费若干措施的通知",
                                "沈阳市营商环境建设局关于印发沈阳市惠企政策“免申即享”实施办法（试行）的通知"}
    assert demo["report"].expiry["expiring"] == 2 and demo["report"].expiry["expired"] == 0
    assert len({key.split(":")[1] for key in demo["keys"]}) == 2
