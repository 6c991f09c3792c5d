"""Reading a scheme's ranking: its rules, the ledger facts (live or frozen) and the scored rows."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from gongkai.bulletins.facts import Facts, last_closed_day, ledger_facts
from gongkai.bulletins.figures import unit_labels
from gongkai.documents import metrics
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


def uses_disclosure(scheme):
    return any(indicator.is_disclosure for indicator in rules_of(scheme).indicators)


def live_disclosure(scheme, *, as_of):
    """{unit id: DisclosureFacts} of the scheme's year up to `as_of` — policies published from 1 January
    to the cut-off, interpretations counted when public by its close — or {} when no indicator of the
    scheme reads them (so a ledger-only ranking lists exactly the units it always did)."""
    if not uses_disclosure(scheme):
        return {}
    period = metrics.Period(datetime.date(scheme.year, 1, 1), as_of)
    return metrics.unit_facts(period=period, as_of=as_of)


def live_figures(scheme, *, as_of):
    """(ledger facts, names, disclosure facts) as of `as_of`: what a draft ranks and finalising freezes."""
    facts, names = live_facts(scheme, as_of=as_of)
    disclosure = live_disclosure(scheme, as_of=as_of)
    publishing_only = set(disclosure) - set(names)
    if publishing_only:
        names = {**unit_labels(publishing_only), **names}
    return facts, names, disclosure


def freeze(as_of, facts, names, disclosure=None):
    disclosure = disclosure or {}
    units = set(facts) | set(names) | set(disclosure)
    frozen = {"as_of": as_of.isoformat(),
              "units": {str(unit): {"name": names.get(unit, ""), "facts": facts.get(unit, Facts()).as_dict()}
                        for unit in units}}
    for unit, figures in disclosure.items():
        frozen["units"][str(unit)]["disclosure"] = figures.as_dict()
    return frozen


def thaw(frozen):
    units = frozen["units"]
    return ({int(unit): Facts(**value["facts"]) for unit, value in units.items()},
            {int(unit): value["name"] for unit, value in units.items()})


def thaw_disclosure(frozen):
    """{unit id: DisclosureFacts} frozen with the scheme (none in schemes frozen before they existed)."""
    return {int(unit): metrics.DisclosureFacts.from_dict(value["disclosure"])
            for unit, value in frozen["units"].items() if "disclosure" in value}


def score(scheme, facts, names, disclosure=None):
    return score_units(rules_of(scheme), facts, names, disclosure)


@dataclass
class Ranking:
    as_of: datetime.date
    rows: list
    preliminary: bool  # a draft, or counted before the cut-off day was over
    indicators: tuple
    weight_total: Decimal
    has_disclosure: bool = False  # the page and workbook then show the publication facts too


def ranking(scheme, today=None):
    """The scheme's ranking: from its frozen facts when final, else live from the ledger.

    Before the cut-off day is over, a draft is counted up to yesterday, the last day that has closed.
    """
    if scheme.frozen:
        facts, names = thaw(scheme.frozen)
        disclosure = thaw_disclosure(scheme.frozen)
        as_of = datetime.date.fromisoformat(scheme.frozen["as_of"])
    else:
        as_of = min(scheme.cutoff, last_closed_day(today or timezone.localdate()))
        facts, names, disclosure = live_figures(scheme, as_of=as_of)
    rules = rules_of(scheme)
    rows = score_units(rules, facts, names, disclosure)
    official = dict(Unit.objects.filter(pk__in=[row.unit for row in rows]).values_list("pk", "name"))
    for row in rows:
        row.official = official.get(row.unit, row.name)
    return Ranking(as_of=as_of, rows=rows, preliminary=scheme.is_draft,
                   indicators=rules.indicators, weight_total=sum((i.weight for i in rules.indicators), Decimal(0)),
                   has_disclosure=any(i.is_disclosure for i in rules.indicators))
