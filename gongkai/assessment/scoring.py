"""The assessment arithmetic, pure: indicators and ledger facts in, a ranking table out.

For each unit and indicator:
  1. the rule gives a raw score from the unit's facts (RULES below);
  2. the raw score is capped to 0..weight: deductions never take more than the indicator's weight;
  3. manual adjustments of that unit on that indicator are added, and the result is capped to
     0..weight again — an indicator is never worth more than its weight, nor less than nothing;
  4. points are rounded to 0.01 (half up).
A unit's total is the sum of its indicator points plus its bonus points (at most the scheme's bonus cap).
Units with equal totals share a rank, and the next rank skips ("1, 2, 2, 4"); ties are listed by name.

A unit with no assignment due loses nothing: every deduction rule finds zero cases, and the completion
rate rule gives the full weight because nothing was missed.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from gongkai.bulletins.facts import Facts

from .models import Rule

CENT = Decimal("0.01")
ZERO = Decimal(0)


@dataclass(frozen=True)
class IndicatorRule:
    key: int
    name: str
    weight: Decimal
    rule: str
    parameter: Decimal = ZERO

    @property
    def is_deduction(self):
        """A deduction indicator (逾期扣分, 退回扣分) is read as the points it took away, not those it left."""
        return self.rule in DEDUCTION_RULES


@dataclass(frozen=True)
class SchemeRules:
    """What a Scheme says, as plain values: indicators, and bonus and adjustment sums."""

    indicators: tuple
    bonuses: dict = field(default_factory=dict)  # unit → summed bonus points
    adjustments: dict = field(default_factory=dict)  # (unit, indicator key) → summed points
    bonus_cap: Decimal | None = None


@dataclass(frozen=True)
class IndicatorScore:
    indicator: IndicatorRule
    computed: Decimal  # the rule's score, capped to 0..weight
    adjustment: Decimal
    points: Decimal

    @property
    def is_deduction(self):
        return self.indicator.is_deduction

    @property
    def deducted(self):
        """Points taken off the indicator's weight: 0 or negative (−2.00 for one overdue assignment at 2)."""
        return self.points - self.indicator.weight

    @property
    def deducted_text(self):
        """The deduction as a page shows it, with a true minus sign: "−2.00", or "0.00" when none."""
        return f"−{-self.deducted}" if self.deducted < 0 else str(self.deducted)


@dataclass
class ScoreRow:
    unit: object
    name: str
    facts: Facts
    scores: list
    bonus: Decimal
    total: Decimal
    rank: int = 0
    official: str = ""  # the unit's official name, for the tooltip where `name` is a short name


def _deduct(count_of):
    return lambda indicator, facts: indicator.weight - indicator.parameter * count_of(facts)


def _completion_rate(indicator, facts):
    if not facts.due:
        return indicator.weight
    return indicator.weight * facts.completed_due / facts.due


DEDUCTION_RULES = frozenset({Rule.DEDUCT_PER_OVERDUE, Rule.DEDUCT_PER_RETURN})

RULES = {
    Rule.DEDUCT_PER_OVERDUE: _deduct(lambda facts: facts.overdue + facts.completed_late),
    Rule.DEDUCT_PER_RETURN: _deduct(lambda facts: facts.returned),
    Rule.COMPLETION_RATE: _completion_rate,
    Rule.MANUAL: lambda indicator, facts: ZERO,
}


def cap(value, weight):
    return min(max(value, ZERO), weight)


def score_indicator(indicator, facts, adjustment=ZERO):
    computed = cap(RULES[indicator.rule](indicator, facts), indicator.weight)
    points = cap(computed + adjustment, indicator.weight)
    return IndicatorScore(indicator=indicator, computed=computed.quantize(CENT, ROUND_HALF_UP),
                          adjustment=adjustment, points=points.quantize(CENT, ROUND_HALF_UP))


def score_units(scheme, facts_per_unit, names=None):
    """Ranked rows for every unit with facts, a bonus or an adjustment. `scheme` is a SchemeRules."""
    names = names or {}
    units = set(facts_per_unit) | set(scheme.bonuses) | {unit for unit, _key in scheme.adjustments}
    rows = []
    for unit in units:
        facts = facts_per_unit.get(unit, Facts())
        scores = [score_indicator(ind, facts, scheme.adjustments.get((unit, ind.key), ZERO))
                  for ind in scheme.indicators]
        bonus = scheme.bonuses.get(unit, ZERO)
        if scheme.bonus_cap is not None:
            bonus = min(bonus, scheme.bonus_cap)
        bonus = bonus.quantize(CENT, ROUND_HALF_UP)
        total = sum((s.points for s in scores), ZERO) + bonus
        rows.append(ScoreRow(unit=unit, name=names.get(unit, str(unit)), facts=facts, scores=scores,
                             bonus=bonus, total=total))
    return rank(rows)


def rank(rows):
    """Sort by total (highest first, ties by name) and give competition ranks: equal totals share one."""
    rows = sorted(rows, key=lambda row: (-row.total, row.name))
    for position, row in enumerate(rows):
        tied_with_previous = position and row.total == rows[position - 1].total
        row.rank = rows[position - 1].rank if tied_with_previous else position + 1
    return rows
