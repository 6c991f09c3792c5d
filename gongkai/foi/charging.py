"""The fee of one application (信息处理费): computed by the schedule, noticed, paid or not."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.events.services import record

from . import clocking, fees, permissions
from .models import Application


@transaction.atomic
def send_fee_notice(*, actor, application, method, quantity, day, received_on=None, page_basis=""):
    """Charge by one method (按件 or 按量), store the calculation, and pause the clock (fee notice sent)."""
    permissions.check(actor, "fee_notice", Application.objects.get(pk=application.pk))  # before any fee talk
    try:
        quote = fees.quote(method, quantity, page_basis=page_basis)
    except fees.FeeError as error:
        raise ValidationError(str(error)) from error
    if quote.amount <= 0:
        raise ValidationError(_("By this schedule the application is free of charge: no fee notice is sent."))
    state = clocking.record_step(actor=actor, application=application, kind="fee_notice_sent", day=day,
                                 value=received_on or day)
    Application.objects.filter(pk=application.pk).update(
        fee_method=method, fee_quantity=quantity, fee_amount=quote.amount,
        fee_standard="\n".join(quote.describe_lines()),
    )
    record(actor=actor, verb="foi.fee_noticed", subject=application,
           data={"method": method, "quantity": quantity, "amount": str(quote.amount)})
    return quote, state

