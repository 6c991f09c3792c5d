"""The figures snapshot a bulletin keeps, and the sentences written from it.

Shape of `Bulletin.figures` (version 1), all counts as defined in facts.Facts:

    {"version": 1, "period_start": "2021-07-01", "cutoff": "2021-09-30",
     "period": {...}, "cumulative": {...},
     "units": [{"unit": 12, "name": "沈河区政府", "period": {...}, "cumulative": {...}}, ...]}

"period" counts the window period_start..cutoff (overdue: due in the period, still open at the cut-off);
"cumulative" counts everything up to the cut-off. Units are listed in directory order.
"""

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from gongkai.orgs.display import display_names
from gongkai.orgs.models import Unit

from .facts import Facts, period_and_cumulative, total

FIGURES_VERSION = 1


def unit_labels(unit_ids):
    """{unit id: the name bulletins and rankings show} in directory order: the short name documents use,
    or the official name where a short name could be taken for another unit's (orgs.display)."""
    return display_names(dict(Unit.objects.filter(pk__in=unit_ids).values_list("pk", "name")))


def snapshot(plan, *, start, cutoff):
    """(figures, named overdue units, named returned units) of `plan` for start..cutoff."""
    period, cumulative = period_and_cumulative(plan, start=start, cutoff=cutoff)
    labels = unit_labels(cumulative.keys() | period.keys())
    units = [
        {"unit": pk, "name": name, "period": period.get(pk, Facts()).as_dict(),
         "cumulative": cumulative.get(pk, Facts()).as_dict()}
        for pk, name in labels.items()
    ]
    figures = {
        "version": FIGURES_VERSION, "period_start": start.isoformat(), "cutoff": cutoff.isoformat(),
        "period": total(period).as_dict(), "cumulative": total(cumulative).as_dict(), "units": units,
    }
    return figures, named(units, "cumulative", "overdue"), named(units, "period", "returned")


def named(units, window, fact):
    """Units with a non-zero count, most first (ties in directory order): [{"unit", "name", "count"}]."""
    rows = [{"unit": u["unit"], "name": u["name"], "count": u[window][fact]} for u in units if u[window][fact]]
    return sorted(rows, key=lambda row: -row["count"])  # sorted() is stable: ties keep directory order


def percent(counts):
    """The completion rate of a facts dict as text ("87.5%"), or "—" when nothing was due."""
    if not counts["due"]:
        return "—"
    value = 100 * counts["completed_due"] / counts["due"]
    return f"{value:.1f}%".replace(".0%", "%")


def long_date(day):
    return date_format(day, "DATE_FORMAT")


def join_names(parts):
    return pgettext("list separator", ", ").join(parts)


def unit_with_count(row):
    return _("%(unit)s (%(count)s)") % {"unit": row["name"], "count": row["count"]}


def default_summary(figures, start, cutoff):
    """The opening paragraph the office starts from; it is edited freely before publishing."""
    period, cumulative = figures["period"], figures["cumulative"]
    return _(
        "From %(start)s to %(end)s: assignments due %(due)s, completed %(completed)s (completion rate %(rate)s), "
        "completed after the due date %(late)s, overdue %(overdue)s; progress reports returned for correction "
        "%(returned)s. Since the plan began: %(cum_completed)s of the %(cum_due)s assignments due completed "
        "(%(cum_rate)s)."
    ) % {
        "start": long_date(start), "end": long_date(cutoff), "due": period["due"],
        "completed": period["completed_due"], "rate": percent(period), "late": period["completed_late"],
        "overdue": period["overdue"], "returned": period["returned"], "cum_completed": cumulative["completed_due"],
        "cum_due": cumulative["due"], "cum_rate": percent(cumulative),
    }


def overdue_sentence(bulletin):
    rows = bulletin.named_overdue_units
    if not rows:
        return _("No unit had an overdue assignment as of %(date)s.") % {"date": long_date(bulletin.period_end)}
    return ngettext(
        "As of %(date)s, %(count)s unit had overdue assignments (number of assignments): %(units)s.",
        "As of %(date)s, %(count)s units had overdue assignments (number of assignments): %(units)s.",
        len(rows),
    ) % {"date": long_date(bulletin.period_end), "count": len(rows), "units": join_names(map(unit_with_count, rows))}


def returned_sentence(bulletin):
    rows = bulletin.named_returned_units
    if not rows:
        return _("No progress report was returned for correction during the period.")
    return ngettext(
        "During the period, lead units returned progress reports of %(count)s unit for correction "
        "(number of reports): %(units)s.",
        "During the period, lead units returned progress reports of %(count)s units for correction "
        "(number of reports): %(units)s.",
        len(rows),
    ) % {"count": len(rows), "units": join_names(map(unit_with_count, rows))}
