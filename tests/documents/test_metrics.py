"""三同步 rate, 图解 coverage and timely publication per unit and city-wide (documents.metrics), and the
assessment indicators scored from them. Documents go through the lead's services at pinned times."""

import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from gongkai.assessment import services as assessment
from gongkai.assessment.models import Rule
from gongkai.assessment.results import ranking
from gongkai.documents import metrics, services
from gongkai.documents.models import InterpretationKind
from gongkai.plans.models import Plan

from .conftest import at

K = InterpretationKind
YEAR_2026 = metrics.Period(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
TODAY = datetime.date(2026, 12, 2)


@pytest.fixture
def fgw(directory):
    return directory["沈阳市发展和改革委员会"]


@pytest.fixture
def publish_as(draft, shenhe, shenhe_reviewer, fgw_liaison, fgw, genre, calendar):
    """publish_as(unit_key, title, when, **fields): 'shenhe' drafts and its reviewer publishes; 'fgw' is
    drafted and published by the liaison of 市发展改革委. Policies default to 规范性文件."""

    def make(who, title, when, **fields):
        drafter, publisher, unit = {"shenhe": (shenhe, shenhe_reviewer, None),
                                    "fgw": (fgw_liaison, fgw_liaison, fgw)}[who]
        if "interprets" not in fields:
            fields.setdefault("genre", genre("规范性文件"))
        document = draft(title, actor=drafter, unit=unit or fields.pop("unit", None), now=when, **fields)
        services.submit_for_review(actor=drafter, document=document)
        return services.publish(actor=publisher, document=document, now=when)

    return make


def interpretation(publish_as, who, policy, when, kind=K.TEXT):
    return publish_as(who, f"{kind.label}：{policy.title}", when, interprets=policy, interpretation_kind=kind)


# --- rates ---------------------------------------------------------------------------------------------


def test_a_rate_shows_its_counts_and_a_dash_with_nothing_to_count():
    assert str(metrics.Rate(8, 10)) == "8/10, 80.0%"
    assert metrics.Rate(2, 3).percent == Decimal("66.7")
    assert metrics.Rate(0, 0).percent is None and str(metrics.Rate(0, 0)) == "—"
    assert metrics.Rate(0, 0).percent_text == "—" and metrics.Rate(0, 0).fraction is None
    assert metrics.DisclosureFacts().sync_rate.percent_text == "—"


def test_graphic_coverage_needs_a_graphic_interpretation_and_may_come_later(publish_as):
    text_same_day = publish_as("shenhe", "关于促进消费的若干措施", at(2026, 3, 2))
    interpretation(publish_as, "shenhe", text_same_day, at(2026, 3, 2, 11))
    graphic_later = publish_as("shenhe", "关于优化营商环境的若干规定", at(2026, 4, 1))
    interpretation(publish_as, "shenhe", graphic_later, at(2026, 4, 3), kind=K.GRAPHIC)
    publish_as("shenhe", "关于加快老旧小区改造的实施意见", at(2026, 5, 6))
    facts = metrics.unit_facts(period=YEAR_2026)[text_same_day.unit_id]
    assert (facts.policies, facts.synchronous, facts.graphic, facts.missing) == (3, 1, 1, 1)
    assert str(facts.sync_rate) == "1/3, 33.3%"
    assert str(facts.graphic_rate) == "1/3, 33.3%"


def test_video_qa_and_h5_interpretations_make_a_policy_synchronous_but_not_graphic(publish_as):
    policy = publish_as("shenhe", "关于支持中小企业发展的若干措施", at(2026, 6, 1))
    interpretation(publish_as, "shenhe", policy, at(2026, 6, 1, 15), kind=K.QA)
    facts = metrics.unit_facts(period=YEAR_2026)[policy.unit_id]
    assert str(facts.sync_rate) == "1/1, 100.0%" and str(facts.graphic_rate) == "0/1, 0.0%"


def test_rates_per_unit_list_the_lowest_first_and_the_city_totals_add_up(publish_as, fgw):
    for day in (2, 3):
        policy = publish_as("fgw", f"市发展改革委关于第{day}批项目的通知", at(2026, 3, day))
        interpretation(publish_as, "fgw", policy, at(2026, 3, day, 16), kind=K.GRAPHIC)
    publish_as("shenhe", "沈河区关于老旧小区改造的实施意见", at(2026, 3, 4))
    board = metrics.panel(today=TODAY)
    assert [(row["official"], str(row["sync"]), str(row["graphic"])) for row in board.units] == [
        ("沈河区人民政府", "0/1, 0.0%", "0/1, 0.0%"), ("沈阳市发展和改革委员会", "2/2, 100.0%", "2/2, 100.0%")]
    assert str(board.totals.sync_rate) == "2/3, 66.7%"
    assert metrics.panel(today=TODAY, unit=fgw).totals.missing == 0


def test_interpretations_after_the_as_of_day_do_not_count(publish_as):
    policy = publish_as("shenhe", "关于促进消费的若干措施", at(2026, 12, 31, 9))
    interpretation(publish_as, "shenhe", policy, at(2027, 1, 3), kind=K.GRAPHIC)
    as_of_year_end = metrics.unit_facts(period=YEAR_2026, as_of=datetime.date(2026, 12, 31))[policy.unit_id]
    assert as_of_year_end.graphic == 0
    assert metrics.unit_facts(period=YEAR_2026)[policy.unit_id].graphic == 1


def test_the_panel_takes_the_same_number_of_queries_for_two_or_twelve_documents(publish_as):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            metrics.panel(today=TODAY)
        return len(captured)

    first = publish_as("shenhe", "政策一", at(2026, 3, 2), written_on=datetime.date(2026, 1, 5))
    interpretation(publish_as, "shenhe", first, at(2026, 3, 3))
    few = queries()
    for n in range(5):
        policy = publish_as("fgw", f"政策{n}", at(2026, 4, 2 + n), written_on=datetime.date(2026, 1, 5))
        interpretation(publish_as, "fgw", policy, at(2026, 4, 2 + n), kind=K.GRAPHIC)
    assert queries() == few <= 8


# --- the assessment -------------------------------------------------------------------------------------


@pytest.fixture
def scheme(office):
    plan = Plan.objects.create(title="2026年政务公开工作要点", year=2026)
    scheme = assessment.create_scheme(actor=office, plan=plan, title="2026年度政务公开考核", year=2026)
    assessment.add_indicator(actor=office, scheme=scheme, name="三同步", weight=Decimal(10), rule=Rule.SYNC_RATE)
    assessment.add_indicator(actor=office, scheme=scheme, name="图解全覆盖", weight=Decimal(10),
                             rule=Rule.GRAPHIC_COVERAGE)
    assessment.add_indicator(actor=office, scheme=scheme, name="按时公开", weight=Decimal(5),
                             rule=Rule.DEDUCT_PER_LATE_PUBLICATION, parameter=Decimal(2))
    return scheme


def row_of(board, unit):
    [row] = [row for row in board.rows if row.unit == unit.pk]
    return row


def test_a_missing_interpretation_costs_the_unit_its_points(scheme, publish_as, shenhe_unit):
    first = publish_as("shenhe", "关于促进消费的若干措施", at(2026, 3, 2))
    interpretation(publish_as, "shenhe", first, at(2026, 3, 2, 15), kind=K.GRAPHIC)
    second = publish_as("shenhe", "关于优化营商环境的若干规定", at(2026, 4, 1))
    row = row_of(ranking(scheme, today=TODAY), shenhe_unit)
    assert [score.points for score in row.scores] == [Decimal("5.00"), Decimal("5.00"), Decimal("5.00")]
    assert row.total == Decimal("15.00")
    interpretation(publish_as, "shenhe", second, at(2026, 4, 1, 16), kind=K.GRAPHIC)
    row = row_of(ranking(scheme, today=TODAY), shenhe_unit)
    assert [score.points for score in row.scores[:2]] == [Decimal("10.00"), Decimal("10.00")]


def test_each_late_publication_deducts_n_points(scheme, publish_as, shenhe_unit):
    # Written 2026-09-28: the 20th working day is 10-30 (National Day and the make-up Saturday 10-10).
    publish_as("shenhe", "逾期公开的通知", at(2026, 11, 2, 9), written_on=datetime.date(2026, 9, 28))
    publish_as("shenhe", "按时公开的通知", at(2026, 10, 30, 18), written_on=datetime.date(2026, 9, 28))
    row = row_of(ranking(scheme, today=TODAY), shenhe_unit)
    timely = row.scores[2]
    assert timely.is_deduction and timely.deducted_text == "−2.00" and timely.points == Decimal("3.00")
    assert (row.disclosure.dated, row.disclosure.late) == (2, 1)


def test_a_unit_with_nothing_to_interpret_keeps_the_full_weight(scheme, publish_as, shenhe_unit, genre):
    publish_as("shenhe", "沈河区工作动态", at(2026, 3, 2), genre=genre("工作动态"), written_on=datetime.date(2026, 3, 2))
    row = row_of(ranking(scheme, today=TODAY), shenhe_unit)
    assert row.total == Decimal("25.00")


def test_finalising_freezes_the_publication_facts(scheme, publish_as, shenhe_unit, office):
    policy = publish_as("shenhe", "关于促进消费的若干措施", at(2026, 3, 2))
    assessment.update_scheme(actor=office, scheme=scheme, title=scheme.title, cutoff=datetime.date(2026, 6, 30))
    assessment.finalize_scheme(actor=office, scheme=scheme, today=datetime.date(2026, 7, 1))
    scheme.refresh_from_db()
    assert row_of(ranking(scheme), shenhe_unit).scores[0].points == Decimal("0.00")
    # Counted live, an interpretation of the same day (stored now) would give the full 10 points; the
    # final ranking keeps what was frozen.
    interpretation(publish_as, "shenhe", policy, at(2026, 3, 2, 20))
    assert row_of(ranking(scheme), shenhe_unit).scores[0].points == Decimal("0.00")
    assert row_of(ranking(scheme), shenhe_unit).disclosure.policies == 1


def test_the_assessment_page_shows_the_publication_facts_in_chinese(scheme, publish_as, client_for, office):
    publish_as("shenhe", "关于促进消费的若干措施", at(2026, 3, 2))
    page = client_for(office).get(f"/assessment/{scheme.pk}/").content.decode()
    assert "已发布文件的数据" in page and "0/1, 0.0%" in page
    assert "权重 × 三同步率" in page
    workbook = load_workbook(io.BytesIO(client_for(office).get(f"/assessment/{scheme.pk}/ranking.xlsx").content))
    sheet = workbook["已发布文件"]
    assert [cell.value for cell in sheet[1]][:3] == ["单位", "需要解读的政策", "同步解读（三同步）"]
    assert [cell.value for cell in sheet[2]][:3] == ["沈河区政府", 1, 0]


def test_with_nothing_published_the_panel_costs_the_dashboards_two_queries(db):
    with CaptureQueriesContext(connection) as captured:
        board = metrics.panel(today=TODAY)
    assert len(captured) == 2
    assert board.totals == metrics.DisclosureFacts() and board.units == [] and board.late == []
