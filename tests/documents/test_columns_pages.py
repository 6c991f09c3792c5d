"""The column pages: the office's tree editor, a unit's column page, the freshness page, the dashboard panels.

Each page offers a person only what they may do; bad input is a message or the site's 403/404, never a 500.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.documents import columns
from gongkai.documents.models import Column, DisclosureAttribute, Document

NEWS = {"slug": "news", "parent__isnull": True}


def standard(**lookup):
    return Column.objects.standard().get(**lookup)


@pytest.fixture
def news(db):
    return standard(**NEWS)


def test_the_editor_is_the_offices(client_for, office, shenhe, shenhe_viewer, news):
    page = client_for(office).get(reverse("documents:columns")).content.decode()
    assert "标准信息公开专栏" in page and "工作动态" in page and "预算" in page
    assert reverse("documents:column-edit", args=[news.pk]) in page
    # 公开指南 (empty) may be deleted; 财政信息 (has sub-columns) is not offered deletion.
    assert reverse("documents:column-delete", args=[standard(slug="guide").pk]) in page
    assert reverse("documents:column-delete", args=[standard(slug="finance").pk]) not in page
    for person in (shenhe, shenhe_viewer):
        client = client_for(person)
        assert client.get(reverse("documents:columns")).status_code == 403
        assert client.get(reverse("documents:column-edit", args=[news.pk])).status_code == 403
        assert client.post(reverse("documents:column-delete", args=[news.pk])).status_code == 403
        assert client.get(reverse("documents:column-new")).status_code == 403
    assert Column.objects.filter(pk=news.pk).exists()


def test_office_adds_and_edits_through_the_pages(client_for, office, news):
    client = client_for(office)
    response = client.post(reverse("documents:column-new"), {
        "name": "图片新闻", "slug": "photos", "parent": str(news.pk), "update_class": "", "description": ""})
    assert response.status_code == 302
    photos = Column.objects.get(slug="photos")
    assert photos.parent == news and photos.update_class == "news"
    bad = client.post(reverse("documents:column-new"), {"name": "重复", "slug": "photos", "parent": str(news.pk)})
    assert bad.status_code == 400 and "已有地址为“photos”的栏目" in bad.content.decode()
    response = client.post(reverse("documents:column-edit", args=[photos.pk]), {
        "name": "图片报道", "slug": "photos", "parent": "", "update_class": "policy", "description": "图片"})
    assert response.status_code == 302
    photos.refresh_from_db()
    assert (photos.name, photos.parent, photos.update_class) == ("图片报道", None, "policy")
    # A bad move changes nothing of the same submission (one transaction).
    plans = standard(slug="plans", parent__slug="statutory")
    special = standard(slug="special", parent__slug="plans")
    response = client.post(reverse("documents:column-edit", args=[plans.pk]), {
        "name": "改名了", "slug": "plans", "parent": str(special.pk), "update_class": "policy"})
    assert response.status_code == 400  # its own sub-column is not among the choices
    plans.refresh_from_db()
    assert plans.name == "规划信息"
    assert client.post(reverse("documents:column-move", args=[photos.pk]), {"direction": "up"}).status_code == 302
    assert client.post(reverse("documents:column-delete", args=[photos.pk])).status_code == 302
    assert not Column.objects.filter(pk=photos.pk).exists()
    assert client.get(reverse("documents:column-edit", args=[999999])).status_code == 404
    assert client.get(reverse("documents:column-new"), {"unit": "abc"}).status_code == 404


def test_the_edit_page_offers_no_parent_inside_the_column(client_for, office):
    plans = standard(slug="plans", parent__slug="statutory")
    page = client_for(office).get(reverse("documents:column-edit", args=[plans.pk])).content.decode()
    special = standard(slug="special", parent__slug="plans")
    assert f'value="{special.pk}"' not in page and f'value="{plans.parent_id}"' in page


def test_a_units_column_page(client_for, shenhe, shenhe_viewer, fgw_liaison, shenhe_unit, news, office):
    own = columns.add_column(actor=shenhe, parent=news, unit=shenhe_unit, name="街道动态", slug="streets")
    published = Document.objects.create(unit=shenhe_unit, title="大东街道开展垃圾分类宣传",
                                        attribute=DisclosureAttribute.PROACTIVE, state="published",
                                        published_at=datetime.datetime(2026, 12, 1, 2, tzinfo=datetime.UTC))
    published.columns.add(own, news)
    draft = Document.objects.create(unit=shenhe_unit, title="街道动态草稿", attribute=DisclosureAttribute.PROACTIVE)
    draft.columns.add(own)
    url = reverse("documents:unit-columns", args=[shenhe_unit.pk])

    viewer_page = client_for(shenhe_viewer).get(url, {"column": news.pk}).content.decode()
    assert "沈河区人民政府信息公开专栏" in viewer_page and "街道动态" in viewer_page
    assert "大东街道开展垃圾分类宣传" in viewer_page and "街道动态草稿" in viewer_page  # staff see the draft
    assert viewer_page.count("大东街道开展垃圾分类宣传") == 1  # in two columns, listed once
    assert reverse("documents:column-edit", args=[own.pk]) not in viewer_page  # a viewer edits nothing
    assert "添加子栏目" not in viewer_page

    handler_page = client_for(shenhe).get(url).content.decode()
    assert reverse("documents:column-edit", args=[own.pk]) in handler_page
    assert reverse("documents:column-edit", args=[news.pk]) not in handler_page  # the standard column is the office's
    assert reverse("documents:column-delete", args=[own.pk]) not in handler_page  # it holds documents
    assert client_for(fgw_liaison).get(url).status_code == 404
    assert client_for(shenhe).get(url, {"column": "nonsense"}).status_code == 200

    response = client_for(shenhe).post(reverse("documents:column-new") + f"?unit={shenhe_unit.pk}", {
        "name": "社区动态", "slug": "communities", "parent": str(own.pk), "update_class": ""})
    assert response.status_code == 302 and response.url == url
    assert Column.objects.get(slug="communities").unit == shenhe_unit
    denied = client_for(shenhe_viewer).post(reverse("documents:column-new") + f"?unit={shenhe_unit.pk}", {
        "name": "视频", "slug": "video", "parent": str(own.pk)})
    assert denied.status_code == 403
    assert client_for(office).get(url).status_code == 200


def test_the_freshness_page_filters_by_unit_and_state(client_for, office, shenhe, shenhe_unit, news):
    Document.objects.create(unit=shenhe_unit, title="动态", attribute=DisclosureAttribute.PROACTIVE,
                            state="published", published_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
                            ).columns.add(news)
    client = client_for(office)
    page = client.get(reverse("documents:freshness"), {"unit": shenhe_unit.pk, "state": "long_stale"}).content.decode()
    assert "工作动态" in page and "2020-01-01" in page and "长期未更新" in page
    assert "沈阳市发展和改革委员会</a>" not in page
    empty = client.get(reverse("documents:freshness"), {"unit": shenhe_unit.pk, "state": "empty"}).content.decode()
    assert "工作动态" not in empty.split("<tbody>")[1] and "预算" in empty
    bad = client.get(reverse("documents:freshness"), {"unit": "999999", "state": "rotten", "page": "x"})
    assert bad.status_code == 200
    assert "现显示全部单位" in bad.content.decode() and "现显示全部状态" in bad.content.decode()
    # A unit's staff see their own unit only.
    mine = client_for(shenhe).get(reverse("documents:freshness")).content.decode()
    assert "沈河区人民政府" in mine and "沈阳市发展和改革委员会" not in mine


def test_dashboards_show_the_panel_in_constant_queries(client_for, office, shenhe_unit, news, directory):
    client = client_for(office)
    client.get(reverse("supervision:city"))  # the settings rows are created on first use
    with CaptureQueriesContext(connection) as before:
        page = client.get(reverse("supervision:city")).content.decode()
    assert "栏目更新" in page and "触发单项否决" in page
    assert reverse("documents:freshness") + f"?unit={shenhe_unit.pk}" in page
    for unit in list(directory.values())[:5]:
        Document.objects.create(unit=unit, title="动态", attribute=DisclosureAttribute.PROACTIVE, state="published",
                                published_at=datetime.datetime(2026, 11, 30, tzinfo=datetime.UTC)).columns.add(news)
    with CaptureQueriesContext(connection) as after:
        client.get(reverse("supervision:city"))
    assert len(after) == len(before)
    unit_page = client.get(reverse("supervision:unit", args=[shenhe_unit.pk])).content.decode()
    assert "本单位全部信息公开栏目" in unit_page and "需要更新的栏目" in unit_page
