"""The 公开目录: every public document in one table, filtered by unit, subject, genre and year through the
query string; a filter value that names nothing is said and dropped, never a 500."""

import re

import pytest
from django.urls import reverse

from gongkai.documents.models import Category, CategoryKind
from tests.documents.conftest import at
from tests.portal.pagetext import offences
from tests.portal.test_portal_home import hidden_fixture, published_fixture  # noqa: F401 (fixtures)

URL = "/catalogue/"


def category(kind, name):
    return Category.objects.get(kind=kind, name=name)


def page_of(response):
    assert response.status_code == 200
    html = response.content.decode()
    assert offences(html) == [], offences(html)
    return html


@pytest.fixture(name="documents")
def documents_fixture(directory, published):
    finance = directory["沈阳市财政局"]
    return {
        "budget": published("沈河区2026年部门预算", when=at(2026, 3, 1), number="沈河财〔2026〕2号",
                            topic=category(CategoryKind.TOPIC, "财政、金融、审计"),
                            genre=category(CategoryKind.GENRE, "预算决算")),
        "old": published("沈河区2025年工作总结", when=at(2025, 12, 30), genre=category(CategoryKind.GENRE, "计划总结")),
        "joint": published("关于联合开展财政检查的通知", unit=finance, joint_units=[directory["沈河区人民政府"]],
                           when=at(2026, 5, 1)),
        "finance": published("沈阳市2026年市级预算", unit=finance, when=at(2026, 2, 1),
                             topic=category(CategoryKind.TOPIC, "财政、金融、审计")),
    }


def titles(html):
    return set(re.findall(r'<a href="/gk/\d+/">([^<]+)</a>', html))


def test_every_public_document_is_in_the_table_with_its_metadata(client, documents, hidden):
    html = page_of(client.get(URL))
    assert titles(html) == {d.title for d in documents.values()}
    for label in ("索引号", "标题", "发布机构", "文号", "发布日期", "主题分类"):
        assert re.search(rf'<th scope="col">[^<]*{label}', html), label
    budget = documents["budget"]
    assert budget.index_number in html and "沈河财〔2026〕2号" in html and "2026-03-01" in html
    assert "财政、金融、审计" in html and "沈阳市财政局、沈河区人民政府" in html  # a joint document's issuers
    for document in hidden:
        assert document.title not in html


def test_filters_by_unit_subject_genre_and_year(client, directory, documents):
    shenhe, finance = directory["沈河区人民政府"], directory["沈阳市财政局"]
    topic = category(CategoryKind.TOPIC, "财政、金融、审计")
    genre = category(CategoryKind.GENRE, "预算决算")
    cases = {
        f"?unit={shenhe.pk}": {"budget", "old", "joint"},  # its own and its joint documents
        f"?unit={finance.pk}": {"joint", "finance"},
        f"?topic={topic.pk}": {"budget", "finance"},
        f"?genre={genre.pk}": {"budget"},
        "?year=2025": {"old"},
        f"?year=2026&unit={shenhe.pk}": {"budget", "joint"},
    }
    for query, expected in cases.items():
        html = page_of(client.get(URL + query))
        assert titles(html) == {documents[name].title for name in expected}, query
        assert "message warning" not in html


@pytest.mark.parametrize("query,message", [
    ("?unit=abc", "没有这个单位"), ("?unit=999999", "没有这个单位"), ("?topic=%E4%B8%AD", "没有这个主题分类"),
    ("?genre=-3", "没有这个体裁分类"), ("?year=20x6", "年份填写有误"), ("?year=99999999999999", "年份填写有误"),
    ("?year=1800", "年份填写有误"), ("?unit=%00", "没有这个单位"),
])
def test_a_bad_filter_value_is_said_and_dropped(client, documents, query, message):
    html = page_of(client.get(URL + query + "&page=zz"))
    assert message in html
    assert titles(html) == {d.title for d in documents.values()}  # the filter was left out, nothing else


def test_a_bad_filter_keeps_the_good_ones(client, directory, documents):
    html = page_of(client.get(URL + f"?unit={directory['沈阳市财政局'].pk}&year=abc"))
    assert "年份填写有误" in html and titles(html) == {documents["joint"].title, documents["finance"].title}


def test_the_catalogue_pages_fifty_at_a_time_keeping_the_filters(client, directory, published):
    shenhe = directory["沈河区人民政府"]
    for n in range(51):
        published(f"沈河区第{n:02d}号公告", when=at(2026, 1, 5 + n // 10, 9 + n % 10))
    first = page_of(client.get(URL + f"?unit={shenhe.pk}"))
    assert len(titles(first)) == 50 and "沈河区第00号公告" not in first
    assert f'href="?unit={shenhe.pk}&amp;page=2"' in first
    second = page_of(client.get(URL + f"?unit={shenhe.pk}&page=2"))
    assert titles(second) == {"沈河区第00号公告"}
    assert client.get(URL + "?page=99999").status_code == 200


def test_the_catalogue_is_linked_from_the_start_page(client, directory):
    assert f'href="{reverse("portal:catalogue")}"' in page_of(client.get("/"))
