"""The brake on public status lookups: too many wrong code/password pairs from one address pause the lookup.

A code is 8 characters of 31 and so is the password, so guessing is hopeless unless unlimited; the pause
makes sure it is not. The count lives in the database (LookupThrottle), which every server worker and the
API share. It used to live in each process's own memory: with two workers the pause began only at the
40th failure, and a correct lookup still passed on a worker that had not paused yet.

While an address is paused, no lookup from it is checked at all — not even one with the right password —
until the pause ends. The web form and the API count together.
"""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import LookupThrottle

LIMIT = 20  # wrong lookups from one address within WINDOW that start a pause
WINDOW = datetime.timedelta(hours=1)
PAUSE = datetime.timedelta(hours=1)
FORGET_AFTER = datetime.timedelta(days=1)  # rows of addresses quiet this long are deleted


def address_key(address):
    return salted_hmac("gongkai.foi.throttle", address or "").hexdigest()


def paused_until(address, *, now=None):
    """When the pause of this address ends, or None if it may look up now."""
    now = now or timezone.now()
    return (LookupThrottle.objects.filter(address_key=address_key(address), paused_until__gt=now)
            .values_list("paused_until", flat=True).first())


@transaction.atomic
def record_failure(address, *, now=None):
    """Count one wrong lookup; returns the end of the pause if this failure started one (or one runs)."""
    now = now or timezone.now()
    # The row lock makes two workers' failures at the same moment count twice, not once.
    row, created = LookupThrottle.objects.select_for_update().get_or_create(
        address_key=address_key(address), defaults={"failures": 0, "window_started_at": now})
    if row.window_started_at <= now - WINDOW:
        row.failures, row.window_started_at, row.paused_until = 0, now, None
    row.failures += 1
    if row.failures >= LIMIT and not (row.paused_until and row.paused_until > now):
        row.paused_until = now + PAUSE
    row.save()
    if created:  # now and then, not on every failure: forget addresses that have long been quiet
        LookupThrottle.objects.filter(window_started_at__lt=now - FORGET_AFTER).filter(
            Q(paused_until__isnull=True) | Q(paused_until__lt=now)).delete()
    return row.paused_until if row.paused_until and row.paused_until > now else None
