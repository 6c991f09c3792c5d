"""Lights on the FOI work list by working days left (rules.md §7: yellow at 5 or fewer, red overdue)."""

from django.conf import settings

from gongkai.workdays.calendar import CalendarYearMissing

YELLOW_WORKDAYS = 5


def light(due_date, today, calendar):
    """(colour, working days) — left for green and yellow, overdue for red; (None, None) while no clock runs."""
    if due_date is None:
        return None, None
    if due_date < today:
        return "red", calendar_safe_count(calendar, due_date, today)
    left = calendar_safe_count(calendar, today, due_date)
    threshold = getattr(settings, "GONGKAI_FOI_YELLOW_WORKDAYS", YELLOW_WORKDAYS)
    return ("yellow" if left is not None and left <= threshold else "green"), left


def calendar_safe_count(calendar, first, last):
    try:
        return calendar.count_workdays(first, last)
    except CalendarYearMissing:
        return None


def light_counts(applications, today, calendar):
    """Counter of lights over the open applications on the clock in `applications` (one query)."""
    from collections import Counter

    dues = applications.open().filter(receipt_date__isnull=False).values_list("due_date", flat=True)
    return Counter(light(due, today, calendar)[0] for due in dues)
