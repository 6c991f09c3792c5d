"""Reading a scheme's ranking: its rules, the ledger facts (live or frozen) and the scored rows."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from gongkai.bulletins.facts import Facts, last_closed_day, ledger_facts
from gongkai.bulletins.figures import unit_labels
from gongkai.orgs.models import Unit

from .scoring import IndicatorRule, SchemeRules, score_units


def rules_of(scheme):
    """The scheme as plain values for the pure scoring (two aggregate queries and the indicators)."""
    indicators = tuple(
        IndicatorRule(key=i.pk, name=i.name, weight=i.weight, rule=i.rule, parameter=i.parameter)
        for i in scheme.indicators.all()
    )
    bonuses = dict(scheme.bonuses.values("unit").annotate(total=Sum("points")).values_list("unit", "total"))
    adjustments = {
        (unit, indicator): total for unit, indicator, total in
        scheme.adjustments.values("unit", "indicator").annotate(total=Sum("points"))
        .values_list("unit", "indicator", "total")
    }
    return SchemeRules(indicators=indicators, bonuses=bonuses, adjustments=adjustments,
                       bonus_cap=scheme.bonus_cap)


def live_facts(scheme, *, as_of):
    """({unit id: Facts}, {unit id: name}) from the ledger, counting from the plan's start to `as_of`."""
    facts = ledger_facts(scheme.plan, cutoff=as_of)
    extra = set(scheme.bonuses.values_list("unit", flat=True)) | set(scheme.adjustments.values_list("unit", flat=True))
    return facts, unit_labels(set(facts) | extra)


def freeze(as_of, facts, names):
    return {
        "as_of": as_of.isoformat(),
        "units": {str(unit): {"name": names.get(unit, ""), "facts": facts.get(unit, Facts()).as_dict()}
                  for unit in set(facts) | set(names)},
    }


def thaw(frozen):
    units = frozen["units"]
    return ({int(unit): Facts(**value["facts"]) for unit, value in units.items()},
            {int(unit): value["name"] for unit, value in units.items()})


def score(scheme, facts, names):
    return score_units(rules_of(scheme), facts, names)


@dataclass
class Ranking:
    as_of: datetime.date
    rows: list
    preliminary: bool  # a draft, or counted before the cut-off day was over
    indicators: tuple
    weight_total: Decimal


def ranking(scheme, today=None):
    """The scheme's ranking: from its frozen facts when final, else live from the ledger.

    Before the cut-off day is over, a draft is counted up to yesterday, the last day that has closed.
    """
    if scheme.frozen:
        facts, names = thaw(scheme.frozen)
        as_of = datetime.date.fromisoformat(scheme.frozen["as_of"])
    else:
        as_of = min(scheme.cutoff, last_closed_day(today or timezone.localdate()))
        facts, names = live_facts(scheme, as_of=as_of)
    rules = rules_of(scheme)
    rows = score_units(rules, facts, names)
    official = dict(Unit.objects.filter(pk__in=[row.unit for row in rows]).values_list("pk", "name"))
    for row in rows:
        row.official = official.get(row.unit, row.name)
    return Ranking(as_of=as_of, rows=rows, preliminary=scheme.is_draft,
                   indicators=rules.indicators, weight_total=sum((i.weight for i in rules.indicators), Decimal(0)))
