"""Every write to the assessment: keyword-only, an acting user, one transaction, an event row.

Only the disclosure office sets schemes. A final scheme is frozen: its indicators, bonuses and
adjustments no longer change, and its facts were copied from the ledger when it was finalised.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.events.services import record

from . import results
from .models import Adjustment, Bonus, Indicator, Rule, Scheme, SchemeStatus

DEDUCTING_RULES = {Rule.DEDUCT_PER_OVERDUE, Rule.DEDUCT_PER_RETURN, Rule.DEDUCT_PER_LATE_PUBLICATION}


def _require_office(actor):
    if not actor.is_office_admin:
        raise PermissionDenied(_("Only the disclosure office sets the assessment."))


def _locked_draft(actor, scheme):
    """The scheme re-read under a row lock; it must still be a draft."""
    _require_office(actor)
    scheme = Scheme.objects.select_for_update().get(pk=scheme.pk)
    if not scheme.is_draft:
        raise ValidationError(_("This assessment is final: it can no longer be changed."))
    return scheme


def _check_cutoff(year, cutoff):
    if cutoff.year != year:
        raise ValidationError(_("The cut-off day must lie in %(year)s.") % {"year": year})


def _reason(reason):
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason: it is shown beside the points."))
    return reason


@transaction.atomic
def create_scheme(*, actor, plan, title, year=None, cutoff=None, bonus_cap=None):
    _require_office(actor)
    year = year or plan.year
    if not year:
        raise ValidationError(_("The plan has no year: give the assessment year."))
    cutoff = cutoff or datetime.date(year, 12, 31)
    _check_cutoff(year, cutoff)
    if not title.strip():
        raise ValidationError(_("Give the assessment a title."))
    scheme = Scheme.objects.create(plan=plan, year=year, title=title.strip(), cutoff=cutoff, bonus_cap=bonus_cap,
                                   created_by=actor)
    record(actor=actor, verb="assessment.scheme_created", subject=scheme,
           data={"plan": plan.pk, "year": year, "cutoff": cutoff, "bonus_cap": bonus_cap})
    return scheme


@transaction.atomic
def update_scheme(*, actor, scheme, title, cutoff, bonus_cap=None):
    scheme = _locked_draft(actor, scheme)
    _check_cutoff(scheme.year, cutoff)
    if not title.strip():
        raise ValidationError(_("Give the assessment a title."))
    new = {"title": title.strip(), "cutoff": cutoff, "bonus_cap": bonus_cap}
    changes = {name: {"from": getattr(scheme, name), "to": value} for name, value in new.items()
               if getattr(scheme, name) != value}
    for name, value in new.items():
        setattr(scheme, name, value)
    scheme.save()
    if changes:
        record(actor=actor, verb="assessment.scheme_updated", subject=scheme, data={"changes": changes})
    return scheme


@transaction.atomic
def add_indicator(*, actor, scheme, name, weight, rule, parameter=Decimal(0)):
    scheme = _locked_draft(actor, scheme)
    weight, parameter = Decimal(weight), Decimal(parameter or 0)
    if not name.strip():
        raise ValidationError(_("Name the indicator."))
    if rule not in Rule.values:
        raise ValidationError(_("Choose one of the listed rules."))
    if weight <= 0 or parameter < 0:
        raise ValidationError(_("The weight must be above zero and N not below zero."))
    if rule in DEDUCTING_RULES and parameter <= 0:
        raise ValidationError(_("A deduction rule needs N, the points deducted per case."))
    if rule not in DEDUCTING_RULES:
        parameter = Decimal(0)  # N means nothing to the other rules; keep it from confusing readers
    last = scheme.indicators.aggregate(last=Max("position"))["last"] or 0
    indicator = Indicator.objects.create(scheme=scheme, name=name.strip(), weight=weight, rule=rule,
                                         parameter=parameter, position=last + 1)
    record(actor=actor, verb="assessment.indicator_added", subject=scheme,
           data={"indicator": indicator.pk, "name": indicator.name, "weight": weight, "rule": rule, "n": parameter})
    return indicator


@transaction.atomic
def remove_indicator(*, actor, indicator):
    scheme = _locked_draft(actor, indicator.scheme)
    record(actor=actor, verb="assessment.indicator_removed", subject=scheme,
           data={"indicator": indicator.pk, "name": indicator.name, "adjustments": indicator.adjustments.count()})
    indicator.delete()


@transaction.atomic
def add_bonus(*, actor, scheme, unit, points, reason):
    scheme = _locked_draft(actor, scheme)
    points = Decimal(points)
    if points <= 0:
        raise ValidationError(_("Bonus points must be above zero."))
    bonus = Bonus.objects.create(scheme=scheme, unit=unit, points=points, reason=_reason(reason), by=actor)
    record(actor=actor, verb="assessment.bonus_added", subject=scheme,
           data={"bonus": bonus.pk, "unit": unit.name, "points": points, "reason": bonus.reason})
    return bonus


@transaction.atomic
def remove_bonus(*, actor, bonus):
    scheme = _locked_draft(actor, bonus.scheme)
    record(actor=actor, verb="assessment.bonus_removed", subject=scheme,
           data={"bonus": bonus.pk, "unit": bonus.unit.name, "points": bonus.points, "reason": bonus.reason})
    bonus.delete()


@transaction.atomic
def add_adjustment(*, actor, scheme, unit, indicator, points, reason):
    """Change one unit's points on one indicator by hand (+ or −), with the reason shown beside it."""
    scheme = _locked_draft(actor, scheme)
    points = Decimal(points)
    if indicator.scheme_id != scheme.pk:
        raise ValidationError(_("The indicator belongs to another assessment."))
    if points == 0:
        raise ValidationError(_("An adjustment of zero points changes nothing."))
    adjustment = Adjustment.objects.create(scheme=scheme, unit=unit, indicator=indicator, points=points,
                                           reason=_reason(reason), by=actor)
    record(actor=actor, verb="assessment.adjustment_added", subject=scheme, data={
        "adjustment": adjustment.pk, "unit": unit.name, "indicator": indicator.name, "points": points,
        "reason": adjustment.reason,
    })
    return adjustment


@transaction.atomic
def remove_adjustment(*, actor, adjustment):
    scheme = _locked_draft(actor, adjustment.scheme)
    record(actor=actor, verb="assessment.adjustment_removed", subject=scheme, data={
        "adjustment": adjustment.pk, "unit": adjustment.unit.name, "indicator": adjustment.indicator.name,
        "points": adjustment.points, "reason": adjustment.reason,
    })
    adjustment.delete()


@transaction.atomic
def finalize_scheme(*, actor, scheme, today=None):
    """Freeze the scheme with the ledger facts as of its cut-off; possible once the cut-off day is over."""
    scheme = _locked_draft(actor, scheme)
    today = today or timezone.localdate()
    if today <= scheme.cutoff:
        raise ValidationError(_("The cut-off day %(cutoff)s is not over yet: the facts are not final.")
                              % {"cutoff": scheme.cutoff.isoformat()})
    if not scheme.indicators.exists():
        raise ValidationError(_("Add at least one indicator first."))
    facts, names, disclosure = results.live_figures(scheme, as_of=scheme.cutoff)
    scheme.frozen = results.freeze(scheme.cutoff, facts, names, disclosure)
    scheme.status, scheme.finalized_at, scheme.finalized_by = SchemeStatus.FINAL, timezone.now(), actor
    scheme.save()
    rows = results.score(scheme, facts, names, disclosure)
    record(actor=actor, verb="assessment.finalized", subject=scheme,
           data={"units": len(rows), "first": [row.name for row in rows if row.rank == 1]})
    return scheme
