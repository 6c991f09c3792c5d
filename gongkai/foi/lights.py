"""Lights on the FOI work list by working days left (rules.md §7: yellow at 5 or fewer, red overdue).

A light depends only on the due date, and monotonically: red before today, then yellow up to the last
date with `yellow` working days or fewer left, then green. So each colour is a range of due dates,
and counting or filtering by light is one SQL query, however many applications there are.

`yellow` is the office's threshold (foi.models.Thresholds): callers read it once per request or run
and pass it in, so lighting a thousand rows costs no query.
"""

import datetime

from django.db.models import Count, Q

from gongkai.workdays.calendar import CalendarYearMissing

COLOURS = ("red", "yellow", "green")


def current_yellow():
    """The office's yellow threshold, in working days (one query)."""
    from .models import Thresholds

    return Thresholds.current().yellow_workdays


def light(due_date, today, calendar, *, yellow):
    """(colour, working days) — left for green and yellow, overdue for red; (None, None) while no clock runs."""
    if due_date is None:
        return None, None
    if due_date < today:
        return "red", calendar_safe_count(calendar, due_date, today)
    left = calendar_safe_count(calendar, today, due_date)
    return ("yellow" if left is not None and left <= yellow else "green"), left


def calendar_safe_count(calendar, first, last):
    try:
        return calendar.count_workdays(first, last)
    except CalendarYearMissing:
        return None


def last_yellow_day(today, calendar, *, yellow):
    """The latest due date that is still yellow today, or None if no date is (a negative threshold).

    Yellow dates run from today on without a gap; a year missing from the calendar makes light() say
    green, which ends the run as well.
    """
    last, day = None, today
    while light(day, today, calendar, yellow=yellow)[0] == "yellow":
        last, day = day, day + datetime.timedelta(days=1)
    return last


def due_date_range(colour, today, calendar, *, yellow):
    """(first, last) due dates that show `colour` today, None for an open end; None if no date does."""
    if colour not in COLOURS:
        raise ValueError(f"no such light: {colour}")
    last_yellow = last_yellow_day(today, calendar, yellow=yellow)
    one_day = datetime.timedelta(days=1)
    if colour == "red":
        return None, today - one_day
    if colour == "yellow":
        return (today, last_yellow) if last_yellow else None
    return (last_yellow or today - one_day) + one_day, None


def due_date_condition(colour, today, calendar, *, yellow):
    """A Q over due_date that holds exactly for the applications on the clock showing `colour` today."""
    bounds = due_date_range(colour, today, calendar, yellow=yellow)
    if bounds is None:
        return Q(pk__in=[])
    first, last = bounds
    return Q(**{key: value for key, value in (("due_date__gte", first), ("due_date__lte", last)) if value})


def light_counts(applications, today, calendar, *, yellow):
    """{colour: count} over the open applications on the clock in `applications` (one query)."""
    running = applications.open().filter(receipt_date__isnull=False, due_date__isnull=False)
    return running.aggregate(**{
        colour: Count("pk", filter=due_date_condition(colour, today, calendar, yellow=yellow)) for colour in COLOURS
    })
