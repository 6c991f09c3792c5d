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

The proactive-disclosure rules (三同步 rate, 图解 coverage, late publication) score the unit's
DisclosureFacts (documents.metrics) the same way: weight × rate, full weight with nothing to count,
N points per late publication.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from gongkai.bulletins.facts import Facts
from gongkai.documents.metrics import DisclosureFacts

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

    @property
    def is_disclosure(self):
        """Scored from what the unit published (documents.metrics), not from the ledger."""
        return self.rule in DISCLOSURE_RULES


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
    disclosure: DisclosureFacts = field(default_factory=DisclosureFacts)


def _deduct(count_of):
    return lambda indicator, facts: indicator.weight - indicator.parameter * count_of(facts)


def _completion_rate(indicator, facts):
    if not facts.due:
        return indicator.weight
    return indicator.weight * facts.completed_due / facts.due


def _rate(count_of, total_of):
    def score(indicator, facts):
        total = total_of(facts)
        return indicator.weight * count_of(facts) / total if total else indicator.weight
    return score


DEDUCTION_RULES = frozenset({Rule.DEDUCT_PER_OVERDUE, Rule.DEDUCT_PER_RETURN, Rule.DEDUCT_PER_LATE_PUBLICATION})

RULES = {
    Rule.DEDUCT_PER_OVERDUE: _deduct(lambda facts: facts.overdue + facts.completed_late),
    Rule.DEDUCT_PER_RETURN: _deduct(lambda facts: facts.returned),
    Rule.COMPLETION_RATE: _completion_rate,
    Rule.MANUAL: lambda indicator, facts: ZERO,
}

# These rules read DisclosureFacts: policies published with an interpretation the same day, covered by a
# graphic one, documents published late (条例 Art 26).
DISCLOSURE_RULES = {
    Rule.SYNC_RATE: _rate(lambda d: d.synchronous, lambda d: d.policies),
    Rule.GRAPHIC_COVERAGE: _rate(lambda d: d.graphic, lambda d: d.policies),
    Rule.DEDUCT_PER_LATE_PUBLICATION: _deduct(lambda d: d.late),
}


def cap(value, weight):
    return min(max(value, ZERO), weight)


def score_indicator(indicator, facts, adjustment=ZERO, disclosure=None):
    if indicator.is_disclosure:
        computed = DISCLOSURE_RULES[indicator.rule](indicator, disclosure or DisclosureFacts())
    else:
        computed = RULES[indicator.rule](indicator, facts)
    computed = cap(computed, indicator.weight)
    points = cap(computed + adjustment, indicator.weight)
    return IndicatorScore(indicator=indicator, computed=computed.quantize(CENT, ROUND_HALF_UP),
                          adjustment=adjustment, points=points.quantize(CENT, ROUND_HALF_UP))


def score_units(scheme, facts_per_unit, names=None, disclosure_per_unit=None):
    """Ranked rows for every unit with facts (of the ledger or of its publications), a bonus or an
    adjustment. `scheme` is a SchemeRules; `disclosure_per_unit` {unit: DisclosureFacts}."""
    names, disclosure_per_unit = names or {}, disclosure_per_unit or {}
    units = (set(facts_per_unit) | set(disclosure_per_unit) | set(scheme.bonuses)
             | {unit for unit, _key in scheme.adjustments})
    rows = []
    for unit in units:
        facts = facts_per_unit.get(unit, Facts())
        disclosure = disclosure_per_unit.get(unit, DisclosureFacts())
        scores = [score_indicator(ind, facts, scheme.adjustments.get((unit, ind.key), ZERO), disclosure)
                  for ind in scheme.indicators]
        bonus = scheme.bonuses.get(unit, ZERO)
        if scheme.bonus_cap is not None:
            bonus = min(bonus, scheme.bonus_cap)
        bonus = bonus.quantize(CENT, ROUND_HALF_UP)
        total = sum((s.points for s in scores), ZERO) + bonus
        rows.append(ScoreRow(unit=unit, name=names.get(unit, str(unit)), facts=facts, scores=scores,
                             bonus=bonus, total=total, disclosure=disclosure))
    return rank(rows)


def rank(rows):
    """Sort by total (highest first, ties by name) and give competition ranks: equal totals share one."""
    rows = sorted(rows, key=lambda row: (-row.total, row.name))
    for position, row in enumerate(rows):
        tied_with_previous = position and row.total == rows[position - 1].total
        row.rank = rows[position - 1].rank if tied_with_previous else position + 1
    return rows
