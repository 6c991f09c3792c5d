"""The assessment arithmetic on hand-made facts (no database): rules, caps, adjustments, bonus, ranks."""

from decimal import Decimal

from gongkai.assessment.models import Rule
from gongkai.assessment.scoring import IndicatorRule, SchemeRules, score_indicator, score_units
from gongkai.bulletins.facts import Facts

ON_TIME = IndicatorRule(key=1, name="按时完成", weight=Decimal(40), rule=Rule.DEDUCT_PER_OVERDUE, parameter=Decimal(5))
QUALITY = IndicatorRule(key=2, name="材料质量", weight=Decimal(20), rule=Rule.DEDUCT_PER_RETURN, parameter=Decimal(2))
RATE = IndicatorRule(key=3, name="完成率", weight=Decimal(30), rule=Rule.COMPLETION_RATE)
DAILY = IndicatorRule(key=4, name="日常工作", weight=Decimal(10), rule=Rule.MANUAL)
INDICATORS = (ON_TIME, QUALITY, RATE, DAILY)

GOOD = Facts(assignments=12, due=10, completed_due=9, completed_late=2, overdue=1, returned=3)
BAD = Facts(assignments=10, due=10, overdue=10, returned=15)


def points(row):
    return [str(score.points) for score in row.scores]


def by_unit(rows):
    return {row.unit: row for row in rows}


def test_each_rule():
    rows = by_unit(score_units(SchemeRules(indicators=INDICATORS), {"A": GOOD}))
    # 40 − 5 × (1 overdue + 2 late); 20 − 2 × 3 returns; 30 × 9/10; manual starts at 0
    assert points(rows["A"]) == ["25.00", "14.00", "27.00", "0.00"]
    assert rows["A"].total == Decimal("66.00")


def test_deductions_stop_at_the_weight():
    row = by_unit(score_units(SchemeRules(indicators=INDICATORS), {"B": BAD}))["B"]
    assert points(row) == ["0.00", "0.00", "0.00", "0.00"]  # 40 − 50 and 20 − 30 are capped at zero
    assert row.total == 0


def test_completion_rate_rounds_half_up_to_cents():
    weight_10 = IndicatorRule(key=9, name="r", weight=Decimal(10), rule=Rule.COMPLETION_RATE)
    assert score_indicator(weight_10, Facts(due=3, completed_due=2)).points == Decimal("6.67")
    assert score_indicator(weight_10, Facts(due=8, completed_due=1)).points == Decimal("1.25")
    assert score_indicator(weight_10, Facts(due=200, completed_due=1)).points == Decimal("0.05")  # 0.05 exactly
    weight_1 = IndicatorRule(key=9, name="r", weight=Decimal(1), rule=Rule.COMPLETION_RATE)
    assert score_indicator(weight_1, Facts(due=8, completed_due=1)).points == Decimal("0.13")  # 0.125: half up


def test_a_unit_with_no_assignments_loses_nothing():
    rules = SchemeRules(indicators=INDICATORS, bonuses={"C": Decimal(2)})
    row = by_unit(score_units(rules, {"A": GOOD}))["C"]  # in the table because of its bonus
    assert row.facts == Facts()
    assert points(row) == ["40.00", "20.00", "30.00", "0.00"]
    assert row.total == Decimal("92.00")


def test_manual_adjustments_are_added_and_capped_both_ways():
    rules = SchemeRules(indicators=INDICATORS, adjustments={
        ("A", DAILY.key): Decimal(8),  # scored by hand
        ("A", ON_TIME.key): Decimal(-30),  # 25 − 30: not below zero
        ("B", ON_TIME.key): Decimal(3),  # one overdue case excused: 0 (capped) + 3
        ("B", QUALITY.key): Decimal(50),  # not above the weight
    })
    rows = by_unit(score_units(rules, {"A": GOOD, "B": BAD}))
    assert points(rows["A"]) == ["0.00", "14.00", "27.00", "8.00"]
    assert [str(s.adjustment) for s in rows["A"].scores] == ["-30", "0", "0", "8"]
    assert [str(s.computed) for s in rows["A"].scores] == ["25.00", "14.00", "27.00", "0.00"]
    assert points(rows["B"]) == ["3.00", "20.00", "0.00", "0.00"]


def test_bonus_is_added_up_to_the_cap():
    facts = {"A": GOOD, "B": GOOD}
    uncapped = by_unit(score_units(SchemeRules(indicators=INDICATORS, bonuses={"A": Decimal(7)}), facts))
    assert uncapped["A"].total == Decimal("73.00") and uncapped["B"].bonus == 0
    capped = by_unit(score_units(
        SchemeRules(indicators=INDICATORS, bonuses={"A": Decimal(7)}, bonus_cap=Decimal(5)), facts))
    assert (capped["A"].bonus, capped["A"].total) == (Decimal(5), Decimal("71.00"))


def test_ties_share_a_rank_and_the_next_rank_skips():
    rules = SchemeRules(indicators=INDICATORS)
    facts = {"甲": GOOD, "乙": BAD, "丙": GOOD, "丁": Facts(due=10, completed_due=10)}
    names = {"甲": "沈河区政府", "乙": "和平区政府", "丙": "大东区政府", "丁": "皇姑区政府"}
    rows = score_units(rules, facts, names)
    assert [(row.rank, row.name, str(row.total)) for row in rows] == [
        (1, "皇姑区政府", "90.00"), (2, "大东区政府", "66.00"), (2, "沈河区政府", "66.00"), (4, "和平区政府", "0.00"),
    ]


def test_no_indicators_no_units():
    assert score_units(SchemeRules(indicators=()), {}) == []
    row = score_units(SchemeRules(indicators=()), {"A": GOOD})[0]
    assert (row.rank, row.total) == (1, 0)
