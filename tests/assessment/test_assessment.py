"""A scheme computed from the ledger: facts per unit, adjustments and bonuses with reasons, finalising."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import override
from openpyxl import load_workbook

from gongkai.assessment import services, xlsx
from gongkai.assessment.models import Rule, Scheme, SchemeStatus
from gongkai.assessment.results import live_facts, ranking
from gongkai.bulletins.facts import Facts
from gongkai.events.models import Event
from gongkai.ledger.models import Assignment

from .conftest import assignment, complete, return_progress

D = datetime.date
SEPT_30, OCT_15 = D(2021, 9, 30), D(2021, 10, 15)


@pytest.fixture
def scheme(ledger, office, liaisons):
    shenhe, heping = liaisons["沈河区人民政府"], liaisons["和平区人民政府"]
    complete(assignment("沈河区人民政府", 1), liaison=shenhe, lead=office, on=D(2021, 9, 28))
    return_progress(assignment("沈河区人民政府", 7), liaison=shenhe, lead=office, on=D(2021, 9, 10))
    complete(assignment("和平区人民政府", 1), liaison=heping, lead=office, on=D(2021, 10, 8))  # after the cut-off
    scheme = services.create_scheme(actor=office, plan=ledger, title="2021年第三季度考核", cutoff=SEPT_30)
    services.add_indicator(actor=office, scheme=scheme, name="按时完成", weight=40, rule=Rule.DEDUCT_PER_OVERDUE,
                           parameter=Decimal("2.5"))
    services.add_indicator(actor=office, scheme=scheme, name="材料质量", weight=20, rule=Rule.DEDUCT_PER_RETURN,
                           parameter=5)
    services.add_indicator(actor=office, scheme=scheme, name="完成率", weight=30, rule=Rule.COMPLETION_RATE)
    services.add_indicator(actor=office, scheme=scheme, name="日常工作", weight=10, rule=Rule.MANUAL)
    return scheme


def row_of(result, name):
    return next(row for row in result.rows if row.name == name)


def points(row):
    return [str(score.points) for score in row.scores]


def test_scores_from_the_ledger(scheme):
    result = ranking(scheme, today=OCT_15)
    assert (result.as_of, result.preliminary, result.weight_total) == (SEPT_30, True, Decimal(100))
    shenhe, heping = row_of(result, "沈河区政府"), row_of(result, "和平区政府")
    assert shenhe.facts == Facts(assignments=Assignment.objects.filter(unit__name="沈河区人民政府").count(),
                                 due=10, completed=1, completed_due=1, overdue=9, returned=1)
    assert points(shenhe) == ["17.50", "15.00", "3.00", "0.00"]  # 40 − 2.5 × 9; 20 − 5; 30 × 1/10
    assert heping.facts.overdue == 10 and heping.facts.completed == 0  # completed 8 October: after the cut-off
    assert points(heping) == ["15.00", "20.00", "0.00", "0.00"]
    assert (shenhe.total, heping.total) == (Decimal("35.50"), Decimal("35.00"))
    assert shenhe.rank < heping.rank
    assert len(result.rows) == Assignment.objects.values("unit").distinct().count()  # one row per unit


def test_adjustments_and_bonuses_need_reasons(scheme, office, directory):
    daily = scheme.indicators.get(name="日常工作")
    shenhe, heping = directory["沈河区人民政府"], directory["和平区人民政府"]
    for bad in ({"reason": "  ", "points": 5}, {"reason": "理由", "points": 0}):
        with pytest.raises(ValidationError):
            services.add_adjustment(actor=office, scheme=scheme, unit=heping, indicator=daily, **bad)
    with pytest.raises(ValidationError):
        services.add_bonus(actor=office, scheme=scheme, unit=heping, points=2, reason="")
    services.add_adjustment(actor=office, scheme=scheme, unit=heping, indicator=daily, points=Decimal(6),
                            reason="按时报送月度信息")
    services.add_adjustment(actor=office, scheme=scheme, unit=shenhe, indicator=daily, points=Decimal(4),
                            reason="按时报送月度信息")
    services.add_bonus(actor=office, scheme=scheme, unit=heping, points=Decimal(1), reason="经验做法被省里推广")
    result = ranking(scheme, today=OCT_15)
    assert (row_of(result, "和平区政府").total, row_of(result, "沈河区政府").total) == (Decimal("42.00"), Decimal("39.50"))
    assert row_of(result, "和平区政府").rank < row_of(result, "沈河区政府").rank  # the adjustments reversed the order
    event = Event.objects.about(scheme).filter(verb="assessment.adjustment_added").first()
    assert event.data["reason"] == "按时报送月度信息" and event.actor == office


def test_an_adjustment_names_an_indicator_of_its_own_scheme(scheme, office, ledger, directory):
    other = services.create_scheme(actor=office, plan=ledger, title="另一方案")
    foreign = services.add_indicator(actor=office, scheme=other, name="x", weight=10, rule=Rule.MANUAL)
    with pytest.raises(ValidationError):
        services.add_adjustment(actor=office, scheme=scheme, unit=directory["沈河区人民政府"], indicator=foreign,
                                points=1, reason="r")


@pytest.mark.parametrize("weight, rule, parameter", [
    (0, Rule.MANUAL, 0), (10, Rule.DEDUCT_PER_OVERDUE, 0), (10, "deduct_per_typo", 1), (10, Rule.DEDUCT_PER_RETURN, -1),
])
def test_indicator_validation(scheme, office, weight, rule, parameter):
    with pytest.raises(ValidationError):
        services.add_indicator(actor=office, scheme=scheme, name="x", weight=weight, rule=rule, parameter=parameter)


def test_scheme_validation(ledger, office):
    scheme = services.create_scheme(actor=office, plan=ledger, title="2021年度考核")
    assert (scheme.year, scheme.cutoff) == (2021, D(2021, 12, 31))
    with pytest.raises(ValidationError):
        services.create_scheme(actor=office, plan=ledger, title="x", cutoff=D(2022, 1, 31))
    with pytest.raises(ValidationError):
        services.update_scheme(actor=office, scheme=scheme, title=" ", cutoff=D(2021, 12, 31))


def test_before_the_cut_off_the_ranking_is_counted_to_yesterday(ledger, office):
    scheme = services.create_scheme(actor=office, plan=ledger, title="2021年度考核")
    assert ranking(scheme, today=OCT_15).as_of == D(2021, 10, 14)
    with pytest.raises(ValidationError, match="2021-12-31"):
        services.finalize_scheme(actor=office, scheme=scheme, today=D(2021, 12, 31))


def test_finalising_freezes_the_facts(scheme, office, directory):
    before = ranking(scheme, today=OCT_15)
    services.finalize_scheme(actor=office, scheme=scheme, today=OCT_15)
    scheme.refresh_from_db()
    assert scheme.status == SchemeStatus.FINAL and scheme.frozen["as_of"] == "2021-09-30"
    # A correction of the ledger after finalising changes the live facts, not the final ranking.
    Assignment.objects.filter(unit__name="和平区人民政府", task__item__number="1").update(completed_on=D(2021, 9, 1))
    assert live_facts(scheme, as_of=SEPT_30)[0][directory["和平区人民政府"].pk].completed_due == 1
    after = ranking(scheme, today=D(2022, 3, 1))
    assert [(r.name, r.total, r.rank) for r in after.rows] == [(r.name, r.total, r.rank) for r in before.rows]
    assert not after.preliminary
    for change in (
        lambda: services.add_indicator(actor=office, scheme=scheme, name="x", weight=1, rule=Rule.MANUAL),
        lambda: services.add_bonus(actor=office, scheme=scheme, unit=directory["沈河区人民政府"], points=1, reason="r"),
        lambda: services.remove_indicator(actor=office, indicator=scheme.indicators.first()),
        lambda: services.finalize_scheme(actor=office, scheme=scheme, today=OCT_15),
    ):
        with pytest.raises(ValidationError):
            change()


def test_finalising_needs_indicators(ledger, office):
    scheme = services.create_scheme(actor=office, plan=ledger, title="空方案", cutoff=SEPT_30)
    with pytest.raises(ValidationError):
        services.finalize_scheme(actor=office, scheme=scheme, today=OCT_15)


def test_only_the_office_sets_the_assessment(scheme, fgw_liaison, directory):
    with pytest.raises(PermissionDenied):
        services.create_scheme(actor=fgw_liaison, plan=scheme.plan, title="x")
    with pytest.raises(PermissionDenied):
        services.add_bonus(actor=fgw_liaison, scheme=scheme, unit=directory["沈阳市发展和改革委员会"], points=5,
                           reason="自评")


def test_visibility(scheme, office, shenhe):
    assert not Scheme.objects.visible_to(shenhe).exists()
    services.finalize_scheme(actor=office, scheme=scheme, today=OCT_15)
    assert list(Scheme.objects.visible_to(shenhe)) == [scheme]


def test_xlsx(scheme, office, directory):
    daily = scheme.indicators.get(name="日常工作")
    services.add_adjustment(actor=office, scheme=scheme, unit=directory["和平区人民政府"], indicator=daily,
                            points=Decimal("-1.5"), reason="信息报送迟报一次")
    services.add_bonus(actor=office, scheme=scheme, unit=directory["沈河区人民政府"], points=2, reason="获省级表彰")
    result = ranking(scheme, today=OCT_15)
    with override("en"):
        workbook = load_workbook(io.BytesIO(xlsx.ranking_xlsx(scheme, result)))
    ranking_sheet, facts_sheet, adjustments_sheet, bonus_sheet = workbook.worksheets
    assert ranking_sheet["A1"].value == "2021年第三季度考核 (facts as of 2021-09-30)"
    rows = list(ranking_sheet.iter_rows(min_row=2, values_only=True))
    # A deduction indicator is read as the points it took away (−22.5 for nine overdue at 2.5), then the score left.
    assert rows[0] == ("Rank", "Unit", "按时完成 (40.00): points deducted", "按时完成: score",
                       "材料质量 (20.00): points deducted", "材料质量: score", "完成率 (30.00)", "日常工作 (10.00)",
                       "Bonus", "Total")
    shenhe = next(r for r in rows if r[1] == "沈河区政府")
    assert [float(v) for v in shenhe[2:]] == [-22.5, 17.5, -5.0, 15.0, 3.0, 0.0, 2.0, 37.5]
    assert shenhe[0] == row_of(result, "沈河区政府").rank
    assert [r[0] for r in rows[1:]] == [row.rank for row in result.rows]
    assert next(r for r in facts_sheet.iter_rows(values_only=True) if r[0] == "沈河区政府")[1:] == (
        Assignment.objects.filter(unit__name="沈河区人民政府").count(), 10, 1, 0, 9, 1)
    assert list(adjustments_sheet.iter_rows(min_row=2, values_only=True))[0][:4] == (
        "和平区人民政府", "日常工作", -1.5, "信息报送迟报一次")
    assert list(bonus_sheet.iter_rows(min_row=2, values_only=True))[0][:3] == ("沈河区人民政府", 2, "获省级表彰")
