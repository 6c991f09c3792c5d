"""The process-wide WorkCalendar, rebuilt only when the stored calendar changed.

The services invalidate it after every write. Because another process (a second web worker, the
`gongkai` command) may write too, and a rolled-back transaction may leave a calendar built from
rows that no longer exist, each use also compares a fingerprint of the CalendarYear rows (and the
make-up-days convention): one small query instead of loading every special day again.
"""

import threading

from django.db.models import Count

from gongkai.conventions import follow_makeup_days

_lock = threading.Lock()
_cached = None  # (fingerprint, WorkCalendar)


def invalidate():
    global _cached
    with _lock:
        _cached = None


def fingerprint():
    from .models import CalendarYear

    rows = CalendarYear.objects.annotate(days=Count("special_days")).values_list("id", "year", "loaded_at", "days")
    return follow_makeup_days(), tuple(sorted(rows))


def current_calendar(calendar_class):
    global _cached
    stamp = fingerprint()
    with _lock:
        if _cached is not None and _cached[0] == stamp:
            return _cached[1]
    calendar = build(calendar_class)
    with _lock:
        _cached = (stamp, calendar)
    return calendar


def build(calendar_class):
    from .models import CalendarYear, SpecialDay

    holidays, workdays = {}, {}
    for date, kind, name in SpecialDay.objects.values_list("date", "kind", "name"):
        (holidays if kind == SpecialDay.Kind.HOLIDAY else workdays)[date] = name
    if not follow_makeup_days():  # rules.md §1.1, unconfirmed: a deployment may keep weekends off
        workdays = {}
    years = CalendarYear.objects.values_list("year", flat=True)
    return calendar_class(years=years, holidays=holidays, workdays=workdays)
