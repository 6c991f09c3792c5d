"""Whether a plan's ledger is frozen. Imported by gongkai.ledger.services, so it imports only models."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import ClosureStatus, PlanClosure


def plan_is_closed(plan):
    """True once the year-end review closed `plan`: its assignments take no more writes."""
    return PlanClosure.objects.filter(plan_id=plan.pk, status=ClosureStatus.CLOSED).exists()


def ensure_plan_open(plan):
    """Raise a ValidationError a person can read when `plan` is closed."""
    closure = PlanClosure.objects.filter(plan_id=plan.pk, status=ClosureStatus.CLOSED).first()
    if closure is not None:
        raise ValidationError(
            _("“%(plan)s” was closed on %(date)s. Its ledger is frozen: continue the work in the plan it was "
              "carried into.") % {"plan": plan, "date": closure.closed_on.isoformat()}
        )
