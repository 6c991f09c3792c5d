"""Every write to the calendar goes through here: keyword-only, an acting user, one transaction, an event."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.events.services import record
from gongkai.orgs.access import require_office

from . import cache, package
from .models import CalendarYear, SpecialDay

Source = CalendarYear.Source


@transaction.atomic
def load_year_from_package(*, actor, year, replace=False):
    """Store `year` as the chinesecalendar package encodes its notice. Needs replace=True if loaded."""
    if year not in package.covered_years():
        years = package.covered_years()
        raise ValidationError(
            _("The chinesecalendar package has no data for %(year)s (it covers %(first)s–%(last)s): "
              "enter the State Council notice for %(year)s by hand.")
            % {"year": year, "first": years[0], "last": years[-1]}
        )
    holidays, workdays = package.year_days(year)
    return _store_year(
        actor=actor, year=year, notice=package.NOTICE_NUMBERS.get(year, ""), source=Source.PACKAGE,
        holidays=holidays, workdays=workdays, replace=replace,
    )


@transaction.atomic
def load_year_from_notice(*, actor, year, notice, holidays, workdays, replace=False, source=Source.MANUAL):
    """Store a year from the State Council notice as an administrator entered it.

    `holidays`: [(date, name)]; `workdays` (make-up working days): [date] or [(date, name)].
    Raises ValidationError listing every problem; nothing is stored unless all dates are sound.
    """
    holidays = [_named(item) for item in holidays]
    workdays = [_named(item) for item in workdays]
    validate_notice(year=year, notice=notice, holidays=holidays, workdays=workdays)
    return _store_year(
        actor=actor, year=year, notice=notice.strip(), source=source,
        holidays=holidays, workdays=workdays, replace=replace,
    )


@transaction.atomic
def ensure_package_years(actor=None, years=range(2019, 2027)):
    """Load from the package each of `years` that is not loaded yet; returns the years loaded now.

    Years already present are left alone, whatever their source, so an administrator's
    correction is never overwritten. `gongkai setup` (a plain `gongkai migrate`), the demo and tests use it.
    """
    present = set(CalendarYear.objects.filter(year__in=list(years)).values_list("year", flat=True))
    loaded = []
    for year in years:
        if year not in present:
            load_year_from_package(actor=actor, year=year)
            loaded.append(year)
    return loaded


def validate_notice(*, year, notice, holidays, workdays):
    problems = []
    if not notice or not notice.strip():
        problems.append(_("Give the notice's document number, e.g. 国办发明电〔2020〕27号."))
    if not holidays:
        problems.append(_("A holiday notice lists at least one holiday."))
    seen = {}
    for kind, items in (("holiday", holidays), ("workday", workdays)):
        for day, name in items:
            problems.extend(_date_problems(year, kind, day, name, seen))
    if problems:
        raise ValidationError(problems)


def _date_problems(year, kind, day, name, seen):
    text = day.isoformat()
    if day.year != year:
        yield _("%(date)s is not in %(year)s.") % {"date": text, "year": year}
    if day in seen:
        if seen[day] != kind:
            yield _("%(date)s is listed both as a holiday and as a make-up working day.") % {"date": text}
        else:
            yield _("%(date)s is listed twice.") % {"date": text}
    seen[day] = kind
    if kind == "workday" and day.weekday() < 5:
        yield _("%(date)s is a weekday: a make-up working day is always a Saturday or Sunday.") % {"date": text}
    if kind == "holiday" and not name.strip():
        yield _("%(date)s: give the holiday's name.") % {"date": text}


def _named(item):
    if isinstance(item, datetime.date):
        return item, ""
    day, name = item
    return day, (name or "").strip()


def _store_year(*, actor, year, notice, source, holidays, workdays, replace):
    # A signed-out visitor is refused too (AnonymousUser is not None): only the office or the system loads a year.
    require_office(actor, _("Only the disclosure office loads the working-day calendar."))
    existing = CalendarYear.objects.select_for_update().filter(year=year).first()
    if existing and not replace:
        raise ValidationError(
            _("%(year)s is already loaded (%(source)s). Confirm that it should be replaced.")
            % {"year": year, "source": existing.get_source_display()}
        )
    previous = _summary(existing) if existing else None
    if existing:
        existing.special_days.all().delete()
        calendar_year = existing
    else:
        calendar_year = CalendarYear(year=year)
    calendar_year.notice, calendar_year.source = notice, source
    calendar_year.loaded_at = timezone.now()
    calendar_year.loaded_by = actor if (actor is not None and actor.is_authenticated) else None
    calendar_year.save()
    SpecialDay.objects.bulk_create(
        [SpecialDay(date=d, kind=SpecialDay.Kind.HOLIDAY, name=n, calendar_year=calendar_year) for d, n in holidays]
        + [SpecialDay(date=d, kind=SpecialDay.Kind.WORKDAY, name=n, calendar_year=calendar_year) for d, n in workdays]
    )
    data = _summary(calendar_year)
    if previous:
        data["replaced"] = previous
    record(actor=actor, verb="calendar.year_loaded", subject=calendar_year, data=data)
    # Now for this process; again at commit, in case a computation cached the uncommitted rows.
    cache.invalidate()
    transaction.on_commit(cache.invalidate)
    return calendar_year


def _summary(calendar_year):
    days = list(calendar_year.special_days.order_by("date").values_list("date", "kind"))
    return {
        "year": calendar_year.year, "notice": calendar_year.notice, "source": calendar_year.source,
        "holidays": [d.isoformat() for d, kind in days if kind == SpecialDay.Kind.HOLIDAY],
        "workdays": [d.isoformat() for d, kind in days if kind == SpecialDay.Kind.WORKDAY],
    }
