"""What administrators need to know about the calendar's coverage."""

from django.utils.translation import gettext as _

from .models import CalendarYear

# The State Council publishes next year's notice between late October and December (rules.md §1.1);
# warning from 1 November leaves time to load it before the first deadline crosses New Year.
WARN_FROM = (11, 1)  # (month, day)


def loaded_years():
    return list(CalendarYear.objects.values_list("year", flat=True))


def missing_next_year_warning(today):
    """A banner text when `today` is on/after 1 November and next year is not loaded, else None."""
    if (today.month, today.day) < WARN_FROM:
        return None
    next_year = today.year + 1
    if CalendarYear.objects.filter(year=next_year).exists():
        return None
    return _(
        "The working-day calendar for %(year)s is not loaded yet. Load the State Council holiday notice "
        "for %(year)s as soon as it is published: deadlines that reach into %(year)s cannot be computed until then."
    ) % {"year": next_year}
