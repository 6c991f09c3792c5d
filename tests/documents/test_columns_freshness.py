"""Column freshness and the 国办秘函〔2019〕19号 counts per unit (rules.md §6; rules in documents/freshness.py).

Today is pinned to Wednesday 2026-12-02 in Shanghai; documents of 沈河区人民政府 are published through the
services at pinned moments. Defaults: news 14 days, policy 180, long stale 365, warning 3; 单项否决 at
5 stale (news + policy), 10 long stale, 5 empty.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.documents import columns, freshness, services
from gongkai.documents.freshness import Hit, State
from gongkai.documents.models import Column, DisclosureAttribute, DocumentSettings, UpdateClass
from gongkai.orgs.models import Unit
from tests.documents.conftest import at

TODAY = datetime.date(2026, 12, 2)


def days_ago(days, hour=10, minute=0):
    day = TODAY - datetime.timedelta(days=days)
    return at(day.year, day.month, day.day, hour, minute)


@pytest.fixture
def publish_in(shenhe, shenhe_reviewer, shenhe_unit):
    """publish_in(columns, moment, **fields): a document of 沈河区 in those columns, published at `moment`."""

    def make(placed, moment, *, title="沈河区工作动态", unit=None, **fields):
        fields.setdefault("attribute", DisclosureAttribute.PROACTIVE)
        fields.setdefault("body", "正文。")
        document = services.create_document(actor=shenhe, unit=unit or shenhe_unit, fields={"title": title, **fields},
                                            columns=placed, now=moment)
        services.submit_for_review(actor=shenhe, document=document)
        return services.publish(actor=shenhe_reviewer, document=document, now=moment)

    return make


def column(slug, parent=None):
    columns_ = Column.objects.standard().filter(slug=slug)
    return columns_.get(parent__slug=parent) if parent else columns_.get(parent__isnull=True)


def state(unit, slug, parent=None):
    _check, entries = freshness.unit_check(unit, today=TODAY)
    return entries[column(slug, parent).pk]


@pytest.mark.parametrize(("days", "expected"), [(0, State.FRESH), (11, State.FRESH), (12, State.DUE_SOON),
                                                (14, State.DUE_SOON), (15, State.STALE), (365, State.STALE),
                                                (366, State.LONG_STALE)])
def test_news_columns_go_stale_after_14_days(publish_in, shenhe_unit, days, expected):
    publish_in([column("news")], days_ago(days))
    entry = state(shenhe_unit, "news")
    assert (entry.state, entry.days) == (expected, days)


@pytest.mark.parametrize(("days", "expected"), [(177, State.FRESH), (178, State.DUE_SOON), (180, State.DUE_SOON),
                                                (181, State.STALE)])
def test_policy_columns_go_stale_after_180_days(publish_in, shenhe_unit, days, expected):
    publish_in([column("budget", "finance")], days_ago(days))
    entry = state(shenhe_unit, "budget", "finance")
    assert entry.state == expected
    assert entry.stale_on == TODAY - datetime.timedelta(days=days) + datetime.timedelta(days=181)


def test_days_are_shanghai_days(publish_in, shenhe_unit):
    """00:30 on 18 November in Shanghai is still 17 November in UTC: 14 local days, not 15."""
    publish_in([column("news")], at(2026, 11, 18, 0, 30))
    entry = state(shenhe_unit, "news")
    assert (entry.days, entry.state, entry.days_left, entry.stale_on) == (14, State.DUE_SOON, 0, datetime.date(2026, 12, 3))


def test_the_settings_move_the_boundaries(publish_in, shenhe_unit):
    DocumentSettings.objects.update_or_create(pk=1, defaults={"news_update_days": 10, "column_warning_days": 0})
    publish_in([column("news")], days_ago(10))
    assert state(shenhe_unit, "news").state == State.FRESH
    DocumentSettings.objects.filter(pk=1).update(news_update_days=9)
    assert state(shenhe_unit, "news").state == State.STALE


def test_only_public_documents_make_a_column_fresh(publish_in, draft, shenhe, shenhe_reviewer, shenhe_unit):
    news = column("news")
    draft("只是草稿", now=days_ago(1))  # a draft with no column … and one in the column:
    services.create_document(actor=shenhe, unit=shenhe_unit, fields={
        "title": "草稿动态", "attribute": DisclosureAttribute.PROACTIVE, "body": "x"}, columns=[news], now=days_ago(1))
    kept_back = publish_in([news], days_ago(2), attribute=DisclosureAttribute.NOT_PUBLIC,
                           attribute_reason="涉及国家秘密", legal_ground="art14")
    withdrawn = publish_in([news], days_ago(3))
    services.withdraw(actor=shenhe_reviewer, document=withdrawn, reason="内容有误")
    entry = state(shenhe_unit, "news")
    assert kept_back.state == "published"
    assert entry.state == State.EMPTY and entry.last is None
    publish_in([news], days_ago(40))
    assert state(shenhe_unit, "news").state == State.STALE


def test_a_document_in_two_columns_freshens_both_and_parents_show_their_subtree(publish_in, shenhe_unit):
    document = publish_in([column("budget", "finance"), column("debt", "finance")], days_ago(5), title="预算和债务")
    check, entries = freshness.unit_check(shenhe_unit, today=TODAY)
    budget, debt = entries[column("budget", "finance").pk], entries[column("debt", "finance").pk]
    assert budget.state == debt.state == State.FRESH and budget.last == debt.last == document.published_at
    finance = entries[column("finance", "statutory").pk]
    assert finance.last == document.published_at and not finance.counted  # a parent: its leaves count
    assert entries[column("final-accounts", "finance").pk].state == State.EMPTY
    assert document.columns.count() == 2 and document.versions.count() == 1  # one record


def test_only_leaves_with_an_update_requirement_count(shenhe, shenhe_unit):
    check, entries = freshness.unit_check(shenhe_unit, today=TODAY)
    counted = {entry.path for entry in entries.values() if entry.counted}
    assert "法定主动公开内容 › 规划信息 › 专项规划" in counted and "工作动态" in counted
    assert "法定主动公开内容 › 规划信息" not in counted  # a parent
    assert "公开指南" not in counted and "法定主动公开内容 › 规划信息 › 历史规划" not in counted  # no requirement
    assert entries[column("guide").pk].state == State.NO_REQUIREMENT
    assert check.empty == check.counted == len(counted)
    # A unit's own sub-column under a standard leaf makes the leaf a parent for that unit only.
    own = columns.add_column(actor=shenhe, parent=column("news"), unit=shenhe_unit, name="街道动态", slug="streets")
    check2, entries = freshness.unit_check(shenhe_unit, today=TODAY)
    assert not entries[column("news").pk].counted and entries[own.pk].counted
    assert check2.counted == check.counted
    # The dashboard's quick count (no entry per column) counts the same as the unit's page.
    for detail in (True, False):
        (quick,) = freshness.city_check(today=TODAY, units=[shenhe_unit], detail=detail)
        assert (quick.counted, quick.empty, quick.stale) == (check2.counted, check2.empty, check2.stale)


def counted_leaves(unit):
    _check, entries = freshness.unit_check(unit, today=TODAY)
    return [Column.objects.get(pk=entry.column_id) for entry in entries.values() if entry.counted]


def test_stale_news_and_policy_columns_together_fail_at_five(publish_in, shenhe_unit):
    leaves = counted_leaves(shenhe_unit)
    news = [leaf for leaf in leaves if leaf.update_class == UpdateClass.NEWS]
    policy = [leaf for leaf in leaves if leaf.update_class == UpdateClass.POLICY]
    publish_in(policy[:4], days_ago(200), title="半年多前的政策")
    publish_in(policy[4:] + news, days_ago(1), title="昨天的动态")
    check, _entries = freshness.unit_check(shenhe_unit, today=TODAY)
    assert (check.stale_policy, check.stale_news, check.stale, check.empty, check.fails) == (4, 0, 4, 0, False)
    for leaf in news:  # the news column goes stale: its only document is older now
        leaf.documents.clear()
    publish_in(news, days_ago(20), title="二十天前的动态")
    check, _entries = freshness.unit_check(shenhe_unit, today=TODAY)
    assert (check.stale_news, check.stale_policy, check.stale) == (1, 4, 5)
    assert check.fails and check.hits == [Hit("stale", 5, 5)]


def test_ten_long_stale_columns_fail(publish_in, shenhe_unit):
    leaves = counted_leaves(shenhe_unit)
    publish_in(leaves[:9], days_ago(400), title="一年多前")
    publish_in(leaves[9:], days_ago(1), title="昨天")
    check, _entries = freshness.unit_check(shenhe_unit, today=TODAY)
    assert (check.long_stale, check.stale, check.empty) == (9, 9, 0)
    assert check.hits == [Hit("stale", 9, 5)]
    leaves[9].documents.clear()
    publish_in([leaves[9]], days_ago(366), title="366天前")
    check, _entries = freshness.unit_check(shenhe_unit, today=TODAY)
    assert check.long_stale == 10
    assert check.hits == [Hit("stale", 10, 5), Hit("long_stale", 10, 10)]
    assert [str(hit) for hit in check.hits] == ["未按要求更新栏目 10 个（阈值 5）", "长期未更新栏目 10 个（阈值 10）"]


def test_five_empty_columns_fail_four_do_not(publish_in, shenhe_unit):
    leaves = counted_leaves(shenhe_unit)
    publish_in(leaves[4:], days_ago(1))
    check, _entries = freshness.unit_check(shenhe_unit, today=TODAY)
    assert (check.empty, check.fails) == (4, False)
    leaves[4].documents.clear()
    check, _entries = freshness.unit_check(shenhe_unit, today=TODAY)
    assert check.empty == 5 and check.hits == [Hit("empty", 5, 5)]


def test_about_to_go_stale_is_counted_for_the_warning(publish_in, shenhe_unit):
    publish_in([column("news")], days_ago(12))
    check, entries = freshness.unit_check(shenhe_unit, today=TODAY)
    entry = entries[column("news").pk]
    assert (entry.state, entry.days_left, entry.stale_on) == (State.DUE_SOON, 2, datetime.date(2026, 12, 5))
    assert check.due_soon == 1


def test_city_check_puts_failing_units_first_in_constant_queries(publish_in, shenhe_unit, directory):
    fgw = directory["沈阳市发展和改革委员会"]
    publish_in(counted_leaves(shenhe_unit), days_ago(1), title="沈河区全部栏目")
    units = [shenhe_unit, fgw]
    checks = freshness.city_check(today=TODAY, units=units)
    assert [check.name for check in checks] == [fgw.name, shenhe_unit.name]
    assert checks[0].fails and not checks[1].fails
    with CaptureQueriesContext(connection) as few:
        freshness.city_check(today=TODAY)
    publish_in([column("news"), column("budget", "finance")], days_ago(3), title="动态")
    columns.add_column(actor=None, parent=column("news"), unit=fgw, name="项目动态", slug="projects")
    with CaptureQueriesContext(connection) as many:
        everyone = freshness.city_check(today=TODAY)
    assert len(many) == len(few) <= 4
    assert len(everyone) == Unit.objects.active().count() and everyone[-1].name == shenhe_unit.name
