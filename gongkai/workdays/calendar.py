"""Deadline arithmetic over the official calendar (调休 included). Pure: no database access per day.

A `WorkCalendar` holds the known years and their exceptional dates. For every known year it keeps a
sorted list of the ordinals of its working days, so "the Nth working day after D" is one bisect and
one index, walking into the next year only when a deadline crosses New Year.

Every date a computation touches must lie in a known year; otherwise `CalendarYearMissing` is
raised. The calendar never guesses a year from weekdays alone.
"""

import datetime
from bisect import bisect_left, bisect_right
from enum import StrEnum

from django.utils.translation import gettext

from .explanation import DayKind, Explanation, Step


class CountFrom(StrEnum):
    """Which day is working day 1 (rules.md §1.3: the text does not say; the default is the next day)."""

    NEXT_DAY = "next_day"  # day 1 is the first working day after the start date
    SAME_DAY = "same_day"  # day 1 is the start date itself when it is a working day


class CalendarYearMissing(Exception):
    """A computation touched a year whose State Council holiday notice is not loaded."""

    def __init__(self, year):
        self.year = year
        super().__init__(
            gettext(
                "The working-day calendar for %(year)s is not loaded. An administrator must load the "
                "State Council holiday notice for %(year)s before deadlines in %(year)s can be computed."
            ) % {"year": year}
        )


class WorkCalendar:
    """Known years plus their holidays and make-up working days, precomputed for fast lookups."""

    def __init__(self, *, years, holidays=None, workdays=None):
        """`holidays` and `workdays` (make-up working days) map dates to names, or are lists of dates."""
        self.years = frozenset(years)
        self.holidays = _as_named(holidays)
        self.makeup_days = _as_named(workdays)
        both = self.holidays.keys() & self.makeup_days.keys()
        if both:
            raise ValueError(f"dates both holiday and make-up working day: {sorted(both)}")
        stray = {d.year for d in (*self.holidays, *self.makeup_days)} - self.years
        if stray:
            raise ValueError(f"special days in years not marked as known: {sorted(stray)}")
        self._working = {year: self._working_ordinals(year) for year in self.years}

    @classmethod
    def from_db(cls):
        """The calendar as stored, built once and reused until the stored calendar changes."""
        from . import cache

        return cache.current_calendar(cls)

    def _working_ordinals(self, year):
        first = datetime.date(year, 1, 1).toordinal()
        last = datetime.date(year, 12, 31).toordinal()
        return [o for o in range(first, last + 1) if self._is_working(datetime.date.fromordinal(o))]

    def _is_working(self, day):
        if day in self.makeup_days:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def knows(self, year):
        """Whether the year's official calendar is loaded."""
        return year in self._working

    def _require(self, year):
        if year not in self._working:
            raise CalendarYearMissing(year)
        return self._working[year]

    # --- single days ---------------------------------------------------------------------------

    def is_workday(self, day):
        _check_date(day)
        self._require(day.year)
        return self._is_working(day)

    def day_kind(self, day):
        """Why `day` is or is not a working day: the categories an explanation shows."""
        _check_date(day)
        self._require(day.year)
        if day in self.makeup_days:
            return DayKind.MAKEUP_WORKDAY, self.makeup_days[day]
        if day in self.holidays:
            return DayKind.HOLIDAY, self.holidays[day]
        return (DayKind.WORKDAY if day.weekday() < 5 else DayKind.WEEKEND), ""

    def next_workday(self, day):
        """The first working day strictly after `day`."""
        return self._nth_from(day, 1, include_start=False)

    # --- deadlines -----------------------------------------------------------------------------

    def add_workdays(self, start, n, *, count_from=CountFrom.NEXT_DAY):
        """The date of working day number `n`, counting from `start`.

        NEXT_DAY (default): working day 1 is the first working day after `start`.
        SAME_DAY: working day 1 is `start` itself if it is a working day, else the next one.
        n == 0: `start` if it is a working day, else the next working day (either convention).
        """
        _check_date(start)
        if n < 0:
            raise ValueError("n must not be negative")
        count_from = CountFrom(count_from)
        if n == 0:
            return self._nth_from(start, 1, include_start=True)
        return self._nth_from(start, n, include_start=count_from == CountFrom.SAME_DAY)

    def _nth_from(self, start, n, *, include_start):
        """The nth (n ≥ 1) working day on or after `start` (include_start) or strictly after it."""
        year = start.year
        days = self._require(year)
        ordinal = start.toordinal()
        index = bisect_left(days, ordinal) if include_start else bisect_right(days, ordinal)
        while n > len(days) - index:  # the deadline lies in a later year
            n -= len(days) - index
            year += 1
            days, index = self._require(year), 0
        return datetime.date.fromordinal(days[index + n - 1])

    def count_workdays(self, after, until):
        """Working days d with after < d <= until: `after` is not counted, `until` is.

        So add_workdays(a, count_workdays(a, b)) == b whenever b is a working day after a.
        Equal dates give 0; if `until` is before `after` the result is the negative count of
        count_workdays(until, after). Every year from the earlier to the later date must be known.
        """
        _check_date(after)
        _check_date(until)
        if until < after:
            return -self.count_workdays(until, after)
        total = 0
        for year in range(after.year, until.year + 1):
            days = self._require(year)
            low = bisect_right(days, after.toordinal()) if year == after.year else 0
            high = bisect_right(days, until.toordinal()) if year == until.year else len(days)
            total += high - low
        return total

    def explain_add(self, start, n, *, count_from=CountFrom.NEXT_DAY):
        """add_workdays with every day from `start` to the result, each with why it counted or not."""
        result = self.add_workdays(start, n, count_from=count_from)
        count_from = CountFrom(count_from)
        steps, counted = [], 0
        day = start
        while day <= result:
            kind, name = self.day_kind(day)
            # With n == 0 nothing is counted: the result is just the first working day from start.
            counts = kind.is_working and n > 0 and (day != start or count_from == CountFrom.SAME_DAY)
            if counts:
                counted += 1
            steps.append(Step(date=day, kind=kind, name=name, number=counted if counts else None, is_start=day == start))
            day += datetime.timedelta(days=1)
        return Explanation(start=start, n=n, count_from=count_from, result=result, steps=tuple(steps))


def _as_named(days):
    if days is None:
        return {}
    if isinstance(days, dict):
        return dict(days)
    return {d: "" for d in days}


def _check_date(value):
    # A datetime would silently be cut to its UTC or naive date: make callers say which local date.
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise TypeError(f"expected a date, got {type(value).__name__} (use timezone.localdate() for times)")


# Shortcuts over the stored calendar, for callers that compute one deadline at a time. Each call
# checks the cache's fingerprint (one small query); for many deadlines take
# `WorkCalendar.from_db()` once and call its methods.

def is_workday(day):
    return WorkCalendar.from_db().is_workday(day)


def next_workday(day):
    return WorkCalendar.from_db().next_workday(day)


def add_workdays(start, n, *, count_from=CountFrom.NEXT_DAY):
    return WorkCalendar.from_db().add_workdays(start, n, count_from=count_from)


def count_workdays(after, until):
    return WorkCalendar.from_db().count_workdays(after, until)


def explain_add(start, n, *, count_from=CountFrom.NEXT_DAY):
    return WorkCalendar.from_db().explain_add(start, n, count_from=count_from)
