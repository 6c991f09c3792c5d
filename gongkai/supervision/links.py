"""Where things live. One helper per target, so switching to `reverse` later is a one-line change."""

from functools import cache
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse


@cache
def _pattern(name):
    # reverse() costs ~10 µs; dashboards build hundreds of links, so reverse once and fill in the pk.
    return reverse(name, args=[987654321]).replace("987654321", "{}")


def assignment_url(pk):
    # The ledger's assignment page is being written in parallel; its name will be `ledger:assignment`.
    return f"/ledger/assignments/{pk}/"


def item_url(pk):
    return _pattern("plans:item").format(pk)


def unit_dashboard_url(unit_pk, plan_pk=None):
    url = _pattern("supervision:unit").format(unit_pk)
    return f"{url}?plan={plan_pk}" if plan_pk else url


def ledger_url(plan_pk, **filters):
    """A plan's ledger filtered, e.g. ledger_url(3, task=41, light="red"): a task's overdue units."""
    url = _pattern("ledger:plan").format(plan_pk)
    return f"{url}?{urlencode({name: str(value) for name, value in filters.items()})}" if filters else url


def notice_url(pk):
    return _pattern("supervision:notice").format(pk)


def absolute(url):
    """A link for e-mail and calendar clients, which have no page to be relative to."""
    base = getattr(settings, "SITE_URL", "") or "http://localhost:8000"
    return base.rstrip("/") + url
