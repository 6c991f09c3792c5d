"""Each unit's disclosure page: the unit's column tree (standard and own columns) with public document
counts, its guide contacts, and a column's public documents (its sub-columns' too), newest first, 50 a page."""

import re

import pytest
from django.urls import reverse

from gongkai.documents import columns as column_services
from gongkai.documents import guide
from gongkai.documents.models import Column, DisclosureAttribute
from gongkai.orgs.models import UnitKind
from gongkai.orgs.services import create_unit
from tests.documents.conftest import at
from tests.portal.pagetext import offences
from tests.portal.test_portal_home import column, hidden_fixture, published_fixture  # noqa: F401 (fixtures)


def page_of(response):
    assert response.status_code == 200
    html = response.content.decode()
    assert offences(html) == [], offences(html)
    return html


def count_of(html, name):
    match = re.search(rf">{re.escape(name)}</a>(?:\s*<span[^>]*>[^<]*</span>)?</th><td>(\d+)</td>", html)
    assert match, name
    return int(match.group(1))


def test_the_index_lists_units_with_public_documents_only(client, directory, published, hidden):
    published("沈河区2026年部门预算", columns=[column("budget")])
    html = page_of(client.get(reverse("portal:disclosure")))
    shenhe = directory["沈河区人民政府"]
    assert reverse("portal:unit", args=[shenhe.pk]) in html
    assert reverse("portal:unit", args=[directory["沈阳市财政局"].pk]) not in html


def test_the_unit_page_counts_public_documents_per_column_and_subtree(client, directory, published, hidden):
    shenhe = directory["沈河区人民政府"]
    published("沈河区2026年部门预算", columns=[column("budget"), column("finance")])
    published("沈河区2025年部门决算", columns=[column("final-accounts")])
    own = column_services.add_column(actor=None, parent=column("news"), name="街道动态", slug="streets", unit=shenhe)
    published("沈河区街道工作动态", columns=[own])
    other = column_services.add_column(actor=None, parent=column("news"), name="别家栏目", slug="elsewhere",
                                       unit=directory["沈阳市财政局"])
    guide.edit_guide(actor=None, unit=shenhe, fields={"office_name": "沈河区政务公开办公室", "phone": "024-22856789"})
    html = page_of(client.get(reverse("portal:unit", args=[shenhe.pk])))
    assert "<h1>沈河区人民政府信息公开专栏</h1>" in html
    assert count_of(html, "预算") == 1 and count_of(html, "决算") == 1
    assert count_of(html, "财政信息") == 2  # a document in a column and its sub-column counts once
    assert count_of(html, "法定主动公开内容") == 2 and count_of(html, "政府债务") == 0
    assert count_of(html, "街道动态") == 1 and count_of(html, "工作动态") == 1
    assert "别家栏目" not in html and reverse("portal:column", args=[shenhe.pk, other.pk]) not in html
    assert "沈河区政务公开办公室" in html and 'href="tel:02422856789"' in html
    assert reverse("guide:unit", args=[shenhe.pk]) in html and reverse("foi:apply") in html


def test_a_column_lists_its_and_its_sub_columns_public_documents_newest_first(client, directory, published, hidden):
    shenhe = directory["沈河区人民政府"]
    older = published("沈河区2025年部门预算", columns=[column("budget")], number="沈河财〔2025〕1号",
                      when=at(2026, 2, 1))
    newer = published("沈河区2026年部门决算", columns=[column("final-accounts")], when=at(2026, 8, 1))
    published("别家单位的预算", unit=directory["沈阳市财政局"], columns=[column("budget")])
    html = page_of(client.get(reverse("portal:column", args=[shenhe.pk, column("finance").pk])))
    assert html.index(newer.title) < html.index(older.title)
    assert older.index_number in html and "沈河财〔2025〕1号" in html and "2026-02-01" in html
    assert "别家单位的预算" not in html
    for document in hidden:
        assert document.title not in html
    for label in ("索引号", "文号", "发布日期"):
        assert re.search(rf'<th scope="col">[^<]*{label}', html), label


def test_a_column_pages_fifty_documents_at_a_time(client, directory, published):
    shenhe = directory["沈河区人民政府"]
    for n in range(51):
        published(f"沈河区第{n:02d}号通知", columns=[column("notices")], when=at(2026, 1, 5 + n // 10, 9 + n % 10))
    url = reverse("portal:column", args=[shenhe.pk, column("notices").pk])
    first = page_of(client.get(url))
    assert first.count('<a href="/gk/') == 50 and "沈河区第50号通知" in first and "沈河区第00号通知" not in first
    assert 'href="?page=2"' in first
    second = page_of(client.get(url + "?page=2"))
    assert second.count('<a href="/gk/') == 1 and "沈河区第00号通知" in second
    for odd in ("?page=abc", "?page=-1", "?page=99999", "?page=%00"):
        assert client.get(url + odd).status_code == 200, odd


def test_unknown_units_and_columns_of_other_units_are_not_found(client, directory, published):
    shenhe = directory["沈河区人民政府"]
    other = column_services.add_column(actor=None, parent=column("news"), name="别家栏目", slug="elsewhere",
                                       unit=directory["沈阳市财政局"])
    closed = create_unit(actor=None, name="已撤销的单位", kind=UnitKind.INSTITUTION)
    closed.is_active = False
    closed.save()
    assert client.get(reverse("portal:column", args=[shenhe.pk, other.pk])).status_code == 404
    assert client.get(reverse("portal:column", args=[shenhe.pk, 999999])).status_code == 404
    assert client.get(reverse("portal:unit", args=[999999])).status_code == 404
    assert client.get(reverse("portal:unit", args=[closed.pk])).status_code == 404
    assert client.get("/disclosure/abc/").status_code == 404


def test_a_kept_back_document_is_not_counted(client, directory, published):
    shenhe = directory["沈河区人民政府"]
    published("依申请公开的预算", columns=[column("budget")], attribute=DisclosureAttribute.ON_REQUEST,
              attribute_reason="过程性信息", legal_ground="art16_2")
    html = page_of(client.get(reverse("portal:unit", args=[shenhe.pk])))
    assert count_of(html, "预算") == 0 and "依申请公开的预算" not in html
    assert Column.objects.standard().filter(slug="budget").exists()
    assert client.get(reverse("portal:column", args=[shenhe.pk, column("budget").pk])).content.decode().count(
        "依申请公开的预算") == 0


@pytest.mark.parametrize("unit_name", ["沈河区人民政府"])
def test_the_unit_page_and_a_column_page_link_to_the_column_feeds(client, directory, unit_name):
    unit = directory[unit_name]
    html = page_of(client.get(reverse("portal:column", args=[unit.pk, column("budget").pk])))
    assert f'type="application/rss+xml" href="{reverse("portal:column-rss", args=[unit.pk, column("budget").pk])}"' in html
    assert f'type="application/atom+xml" href="{reverse("portal:column-atom", args=[unit.pk, column("budget").pk])}"' in html
