"""The public start page: the latest public documents, the latest of each main column, the latest gazette
issue and interpretations, the links to every public service; staff still go on to their own work. Only
public documents ever show, and the page costs the same number of queries however many documents exist."""

import pytest
from django.urls import reverse

from gongkai.documents import gazette, services
from gongkai.documents.models import Column, DisclosureAttribute
from gongkai.workdays.services import ensure_package_years
from tests.documents.conftest import at
from tests.portal.pagetext import offences


@pytest.fixture(name="published")
def published_fixture(office, directory):
    """published(title, columns=…, unit=…, when=…, **fields): a document the office drafted and published
    (of 沈河区人民政府 unless `unit` is given). The other test modules of the portal import it."""
    ensure_package_years(actor=None, years=range(2020, 2027))
    shenhe_unit = directory["沈河区人民政府"]

    def make(title, *, unit=None, columns=(), joint_units=(), when=None, **fields):
        fields.setdefault("attribute", DisclosureAttribute.PROACTIVE)
        fields.setdefault("body", "为推进老旧小区改造，制定本方案。")
        document = services.create_document(actor=office, unit=unit or shenhe_unit, fields={"title": title, **fields},
                                            columns=columns, joint_units=joint_units, now=when)
        services.submit_for_review(actor=office, document=document)
        return services.publish(actor=office, document=document, now=when)

    return make


def column(slug):
    return Column.objects.standard().get(slug=slug)


def page_of(response):
    assert response.status_code == 200
    html = response.content.decode()
    assert offences(html) == [], offences(html)
    return html


@pytest.fixture(name="hidden")
def hidden_fixture(directory, published, shenhe, shenhe_reviewer):
    """One document in each state the public must never see, all in 财政信息 › 预算."""
    budget = [column("budget")]

    def draft(title):
        return services.create_document(actor=shenhe, unit=directory["沈河区人民政府"], columns=budget, fields={
            "title": title, "attribute": DisclosureAttribute.PROACTIVE, "body": "草稿正文"})

    in_review = services.submit_for_review(actor=shenhe, document=draft("送审中的文件"))
    return [
        draft("草稿文件"), in_review,
        services.withdraw(actor=shenhe_reviewer, document=published("已撤回的文件", columns=budget), reason="内容有误"),
        published("依申请公开的文件", columns=budget, attribute=DisclosureAttribute.ON_REQUEST,
                  attribute_reason="过程性信息", legal_ground="art16_2"),
        published("不予公开的文件", columns=budget, attribute=DisclosureAttribute.NOT_PUBLIC,
                  attribute_reason="国家秘密", legal_ground="art14"),
    ]


def test_the_public_reads_the_latest_documents_and_links_to_every_service(client, published):
    document = published("沈河区人民政府关于印发2026年政务公开工作要点的通知", when=at(2026, 11, 2))
    html = page_of(client.get("/"))
    assert "<h1" in html and document.title in html and reverse("documents-public:document", args=[document.pk]) in html
    for name in ("guide:index", "foi:apply", "foi:status", "portal:catalogue", "portal:disclosure", "topics:index",
                 "regulations:index", "gazette:index", "progress:index"):
        assert f'href="{reverse(name)}"' in html, name
    assert f'rel="alternate" type="application/rss+xml" href="{reverse("portal:latest-rss")}"' in html


def test_drafts_withdrawn_and_kept_back_documents_never_reach_the_start_page(client, hidden, published):
    published("预算公开的文件", columns=[column("budget")])
    html = page_of(client.get("/"))
    assert "预算公开的文件" in html
    for document in hidden:
        assert document.title not in html, document.title


def test_each_main_column_shows_its_latest_documents_and_those_of_its_sub_columns(client, published):
    older = published("沈河区2025年部门预算", columns=[column("budget")], when=at(2026, 3, 1))
    newer = published("沈河区2026年部门预算", columns=[column("budget")], when=at(2026, 9, 1))
    plan = published("沈河区国土空间总体规划", columns=[column("spatial")], when=at(2026, 5, 1))
    html = page_of(client.get("/"))
    finance = html.split(">财政信息</h2>")[1].split("</section>")[0]
    assert newer.title in finance and older.title in finance and plan.title not in finance
    assert finance.index(newer.title) < finance.index(older.title)  # newest first
    plans = html.split(">规划信息</h2>")[1].split("</section>")[0]
    assert plan.title in plans and newer.title not in plans
    assert ">政策解读</h2>" in html and ">法定主动公开内容</h2>" in html


def test_the_latest_published_gazette_issue_and_interpretations_show(client, office, published):
    policy = published("沈河区关于促进消费的若干措施", when=at(2026, 6, 1))
    interpretation = published("《沈河区关于促进消费的若干措施》解读", interprets=policy, interpretation_kind="text",
                               when=at(2026, 6, 1))
    hidden_policy = published("依申请公开的政策", attribute=DisclosureAttribute.ON_REQUEST,
                              attribute_reason="过程性信息", legal_ground="art16_2")
    published("对不公开政策的解读", interprets=hidden_policy, interpretation_kind="text")
    issue = gazette.create_issue(actor=office, year=2026, number=10, published_on=at(2026, 10, 15).date())
    gazette.add_article(actor=office, issue=issue, document=policy)
    gazette.publish_issue(actor=office, issue=issue)
    gazette.create_issue(actor=office, year=2026, number=11, published_on=at(2026, 11, 15).date())  # not published
    html = page_of(client.get("/"))
    interpretations = html.split(">最新解读</h2>")[1].split("</section>")[0]
    assert interpretation.title in interpretations and "解读：沈河区关于促进消费的若干措施" in interpretations
    # an interpretation never names a policy the public may not read (it is still listed as a document)
    assert "对不公开政策的解读" not in interpretations and hidden_policy.title not in html
    assert reverse("gazette:issue", args=[2026, 10]) in html and "2026年第10期" in html
    assert "2026年第11期" not in html


def test_an_empty_site_says_so(client, directory):
    html = page_of(client.get("/"))
    assert "尚未发布文件" in html and "尚未发布解读" in html


def test_staff_still_go_on_to_their_own_work(client_for, shenhe):
    response = client_for(shenhe).get("/")
    assert response.status_code == 302 and response["Location"] == reverse("ledger:mine")


def test_the_start_page_costs_the_same_queries_with_many_documents(client, published, django_assert_max_num_queries):
    published("第一份文件", columns=[column("budget")])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get("/").status_code == 200
    for n in range(12):
        published(f"沈河区第{n}份预算文件", columns=[column("budget"), column("news")])
    for n in range(3):
        policy = published(f"第{n}份政策")
        published(f"第{n}份政策的解读", interprets=policy, interpretation_kind="text")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/").status_code == 200
    assert len(few.captured_queries) <= 20
