"""三同步 flags and the 20-working-day flag as the dashboards show them (documents.metrics).

A policy of a genre needing an interpretation that had no public interpretation on its own day of
publication (days in Asia/Shanghai) is flagged: "缺少解读" without any, "解读滞后 N 天" once one came
later. Documents go through the lead's services with pinned times.
"""

import datetime
from unittest import mock

import pytest

from gongkai.documents import metrics, services
from gongkai.documents.models import InterpretationKind

from .conftest import at

K = InterpretationKind
YEAR_2026 = metrics.Period(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))


@pytest.fixture
def policy(published, genre):
    """policy(when, title=...): a 规范性文件 of 沈河区人民政府 published at `when`."""

    def make(when, title="沈河区人民政府关于印发老旧小区改造实施方案的通知", **fields):
        fields.setdefault("genre", genre("规范性文件"))
        return published(title, when=when, **fields)

    return make


@pytest.fixture
def interpret(draft, shenhe, shenhe_reviewer):
    """interpret(policy, when, kind): an interpretation of `policy` taken to publication at `when`; with
    when=None it stays a draft."""

    def make(policy, when, kind=K.TEXT, title=None):
        document = draft(title or f"解读：{policy.title}", interprets=policy, interpretation_kind=kind,
                         now=when or at(2026, 1, 2))
        if when is None:
            return document
        services.submit_for_review(actor=shenhe, document=document)
        return services.publish(actor=shenhe_reviewer, document=document, now=when)

    return make


def status_of(policy):
    [status] = [s for s in metrics.policy_statuses(period=YEAR_2026) if s.pk == policy.pk]
    return status


def test_an_interpretation_the_same_evening_is_synchronous(policy, interpret):
    document = policy(at(2026, 6, 1, 9))
    interpret(document, at(2026, 6, 1, 23, 55))
    status = status_of(document)
    assert status.synchronous and not status.flagged and status.flag_text == ""


def test_an_interpretation_ten_minutes_after_midnight_in_shanghai_is_a_day_late(policy, interpret):
    # 23:50 and 00:10 Shanghai are 15:50 and 16:10 UTC of the same UTC day: only local days tell them apart.
    document = policy(at(2026, 6, 1, 23, 50))
    interpret(document, at(2026, 6, 2, 0, 10))
    status = status_of(document)
    assert status.flagged and status.lag_days == 1
    assert status.flag_text == "解读滞后 1 天"


def test_a_policy_without_any_interpretation_shows_it_is_missing(policy):
    status = status_of(policy(at(2026, 6, 1)))
    assert status.flagged and status.lag_days is None
    assert status.flag_text == "缺少解读"


def test_a_late_interpretation_turns_missing_into_late_but_never_into_synchronous(policy, interpret):
    document = policy(at(2026, 6, 1))
    assert status_of(document).flag_text == "缺少解读"
    interpret(document, at(2026, 6, 11))
    assert status_of(document).flag_text == "解读滞后 10 天"
    assert metrics.unit_facts(period=YEAR_2026)[document.unit_id].synchronous == 0


def test_draft_and_withdrawn_interpretations_do_not_count(policy, interpret, shenhe_reviewer):
    document = policy(at(2026, 6, 1, 9))
    interpret(document, None)  # still a draft
    withdrawn = interpret(document, at(2026, 6, 1, 10), kind=K.GRAPHIC)
    services.withdraw(actor=shenhe_reviewer, document=withdrawn, reason="图片有误，重新制作")
    status = status_of(document)
    assert status.flag_text == "缺少解读" and not status.has_graphic


def test_a_genre_that_needs_no_interpretation_is_never_flagged(published, genre):
    notice = published("沈河区人民政府关于春节期间道路管制的通告", genre=genre("通知公告"), when=at(2026, 2, 1))
    untyped = published("沈河区人民政府工作动态", when=at(2026, 2, 1))
    listed = {s.pk for s in metrics.policy_statuses(period=YEAR_2026)}
    assert notice.pk not in listed and untyped.pk not in listed
    assert metrics.panel(today=datetime.date(2026, 12, 2)).flagged_count == 0


def test_a_withdrawn_policy_leaves_the_flags(policy, shenhe_reviewer):
    document = policy(at(2026, 6, 1))
    services.withdraw(actor=shenhe_reviewer, document=document, reason="内容调整")
    assert metrics.panel(today=datetime.date(2026, 12, 2)).flagged_count == 0


def test_the_panel_lists_missing_interpretations_before_late_ones_linked_to_their_pages(policy, interpret):
    late = policy(at(2026, 3, 1), title="关于促进消费的若干措施")
    interpret(late, at(2026, 3, 4))
    missing = policy(at(2026, 5, 1), title="关于加快老旧小区改造的实施意见")
    on_time = policy(at(2026, 4, 1), title="关于优化营商环境的若干规定")
    interpret(on_time, at(2026, 4, 1, 15))
    board = metrics.panel(today=datetime.date(2026, 12, 2))
    assert board.flagged_count == 2
    assert [(row["title"], row["flag"]) for row in board.flagged] == [
        ("关于加快老旧小区改造的实施意见", "缺少解读"), ("关于促进消费的若干措施", "解读滞后 3 天")]
    assert board.flagged[0]["url"] == f"/documents/{missing.pk}/"


def test_the_panel_counts_only_the_period_this_year_by_default(policy):
    policy(at(2025, 12, 31, 23, 59), title="去年的文件")
    policy(at(2026, 1, 1, 0, 1), title="今年的文件")
    board = metrics.panel(today=datetime.date(2026, 12, 2))
    assert [row["title"] for row in board.flagged] == ["今年的文件"]
    assert board.period == metrics.Period(datetime.date(2026, 1, 1), datetime.date(2026, 12, 2))


# --- the 20-working-day flag --------------------------------------------------------------------------


def test_late_publications_across_national_day_are_listed_with_their_working_days(published, genre):
    # Written Mon 2026-09-28: National Day 10-01..10-07, Sat 10-10 a make-up working day → the 20th
    # working day is Fri 10-30. Published that evening it is in time; on Mon 11-02 it is one day late.
    in_time = published("按时公开的通知", written_on=datetime.date(2026, 9, 28), when=at(2026, 10, 30, 18))
    late = published("逾期公开的通知", written_on=datetime.date(2026, 9, 28), when=at(2026, 11, 2, 9))
    later = published("更晚公开的方案", written_on=datetime.date(2026, 9, 28), when=at(2026, 11, 4, 9),
                      genre=genre("规范性文件"))
    assert list(metrics.late_publications(period=YEAR_2026)) == [later, late]
    board = metrics.panel(today=datetime.date(2026, 12, 2))
    assert board.late_count == 2
    assert [(row["title"], row["days"]) for row in board.late] == [("更晚公开的方案", 3), ("逾期公开的通知", 1)]
    facts = metrics.unit_facts(period=YEAR_2026)[in_time.unit_id]
    assert (facts.dated, facts.late) == (3, 2)
    assert str(facts.timely_rate) == "1/3, 33.3%"


def test_late_publications_of_one_unit_only(published, fgw_liaison, directory, genre):
    published("沈河区逾期文件", written_on=datetime.date(2026, 9, 28), when=at(2026, 11, 2, 9))
    fgw = directory["沈阳市发展和改革委员会"]
    assert metrics.late_publications(period=YEAR_2026, unit=fgw).count() == 0
    assert metrics.panel(today=datetime.date(2026, 12, 2), unit=fgw).late_count == 0


# --- the dashboards -----------------------------------------------------------------------------------


@pytest.fixture
def today_pinned():
    with mock.patch("django.utils.timezone.now", return_value=at(2026, 12, 2, 9)):
        yield


def test_the_city_dashboard_shows_the_flags_and_rates_in_chinese(client_for, office, policy, interpret, today_pinned):
    document = policy(at(2026, 6, 1, 23, 50), title="关于加快老旧小区改造的实施意见")
    interpret(document, at(2026, 6, 2, 0, 10))
    page = client_for(office).get("/supervision/").content.decode()
    assert "主动公开" in page
    assert f'href="/documents/{document.pk}/"' in page and "解读滞后 1 天" in page
    assert "0/1, 0.0%" in page  # the unit's 三同步 rate in the table
    assert "沈河区" in page


def test_a_unit_dashboard_shows_only_its_own_policies(client_for, shenhe, policy, directory, today_pinned):
    policy(at(2026, 6, 1), title="沈河区自己的政策")
    page = client_for(shenhe).get(f"/supervision/units/{directory['沈河区人民政府'].pk}/").content.decode()
    assert "沈河区自己的政策" in page and "缺少解读" in page
    other = client_for(shenhe).get(f"/supervision/units/{directory['沈阳市发展和改革委员会'].pk}/")
    assert other.status_code == 404 or "沈河区自己的政策" not in other.content.decode()


def test_with_nothing_published_the_rates_read_as_a_dash(client_for, office, today_pinned):
    page = client_for(office).get("/supervision/").content.decode()
    assert "—" in page and "每个需要解读的政策都同步发布了解读" in page
