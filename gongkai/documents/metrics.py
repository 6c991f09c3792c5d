"""The figures of proactive disclosure: 三同步, 图解全覆盖 and publication within 20 working days.

A policy is a public document (published, 主动公开) that is not itself an interpretation and whose
genre `needs_interpretation`. For each such policy published in a period:

* 三同步 — synchronous when a public interpretation of it was published on or before the policy's own
  day of publication, days counted in Asia/Shanghai (a policy out at 23:50 and its interpretation at
  00:10 the next morning were not published together). Otherwise the policy is flagged: "缺少解读"
  while it has no public interpretation at all, "解读滞后 N 天" once one came N days later. A late
  interpretation never makes the policy synchronous: the rate measures publishing *together*.
* 图解全覆盖 — covered when a public graphic (图解) interpretation of it exists, whenever it came.
* Drafts, interpretations under review or withdrawn ones never count; a withdrawn policy leaves the
  figures (it is no longer published).

Timely publication (条例 Art 26): `Document.published_late_workdays`, set by `services.publish` from
the genre's `publish_within_workdays` and the official calendar; a document is late when it is set.

Every figure is a fixed number of queries whatever the number of documents: the policies, their
interpretations and the dated documents are read as plain rows and counted here, and local days are
taken in Python so SQLite and PostgreSQL count the same.
"""

import datetime
from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.orgs.display import display_names
from gongkai.orgs.models import Unit
from gongkai.supervision.links import unit_dashboard_url
from gongkai.supervision.queries import gc_paused

from .models import DisclosureAttribute, Document, DocumentState, InterpretationKind

FLAG_LIMIT = 50  # the dashboard lists this many flagged policies; the count says how many there are
LATE_LIMIT = 50


# --- periods and rates -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """Days `start`..`end`, both included, in local time."""

    start: datetime.date
    end: datetime.date

    @classmethod
    def year_of(cls, day):
        """The calendar year up to `day`: the default period of the dashboards."""
        return cls(datetime.date(day.year, 1, 1), day)

    def bounds(self):
        """(first instant, first instant after) in Asia/Shanghai, for filtering published_at."""
        first = timezone.make_aware(datetime.datetime.combine(self.start, datetime.time.min))
        after = timezone.make_aware(datetime.datetime.combine(self.end + datetime.timedelta(days=1),
                                                              datetime.time.min))
        return first, after


@dataclass(frozen=True)
class Rate:
    """A share shown with its counts ("8/10, 80.0%"); with nothing to count it is "—", never a division."""

    count: int
    total: int

    @property
    def fraction(self):
        return Decimal(self.count) / Decimal(self.total) if self.total else None

    @property
    def percent(self):
        """The per cent to one decimal (Decimal), or None when there is nothing to count."""
        if not self.total:
            return None
        return (Decimal(100) * self.count / self.total).quantize(Decimal("0.1"), ROUND_HALF_UP)

    @property
    def counts_text(self):
        return f"{self.count}/{self.total}"

    @property
    def percent_text(self):
        return "—" if self.percent is None else f"{self.percent}%"

    def __str__(self):
        return "—" if self.percent is None else f"{self.counts_text}, {self.percent_text}"

    def sort_key(self):
        """Lowest rate first; units with nothing to count last."""
        return (self.percent is None, self.percent or Decimal(0))


# --- per-unit facts ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DisclosureFacts:
    """What one unit (or the city) published in a period, as the rates and the assessment count it."""

    policies: int = 0  # policies needing an interpretation, published in the period
    synchronous: int = 0  # of which an interpretation was published the same day (三同步)
    graphic: int = 0  # of which a graphic interpretation (图解) is published
    missing: int = 0  # of which no interpretation is published at all
    dated: int = 0  # documents with a 成文日期 published in the period (the base of timeliness)
    late: int = 0  # of which published later than their genre allows (条例 Art 26)

    @property
    def sync_rate(self):
        return Rate(self.synchronous, self.policies)

    @property
    def graphic_rate(self):
        return Rate(self.graphic, self.policies)

    @property
    def timely_rate(self):
        return Rate(self.dated - self.late, self.dated)

    def __add__(self, other):
        return DisclosureFacts(**{name: value + getattr(other, name) for name, value in asdict(self).items()})

    def as_dict(self):
        return asdict(self)

    @classmethod
    def from_dict(cls, values):
        """From a frozen assessment; fields it does not name are zero."""
        known = set(cls.__dataclass_fields__)
        return cls(**{name: int(value) for name, value in (values or {}).items() if name in known})


@dataclass(frozen=True)
class PolicyStatus:
    """One policy needing an interpretation, and how its interpretations stand."""

    pk: int
    unit_id: int
    published_on: datetime.date
    first_interpreted_on: datetime.date | None  # the first public interpretation's local day
    has_graphic: bool

    @property
    def synchronous(self):
        return self.first_interpreted_on is not None and self.first_interpreted_on <= self.published_on

    @property
    def flagged(self):
        return not self.synchronous

    @property
    def lag_days(self):
        """Days the first interpretation came after the policy; None when there is none yet."""
        if self.first_interpreted_on is None:
            return None
        return max(0, (self.first_interpreted_on - self.published_on).days)

    @property
    def flag_text(self):
        if self.synchronous:
            return ""
        if self.first_interpreted_on is None:
            return _("No interpretation")
        return _("Interpretation %(days)s days late") % {"days": self.lag_days}


def _local_day(moment, zone=None):
    # astimezone directly: timezone.localdate() checks more than rows from the database need, and a
    # year of a city's policies is thousands of calls.
    return moment.astimezone(zone or timezone.get_current_timezone()).date()


def policies_needing_interpretation(*, period, unit=None):
    """Public policies of a genre that needs an interpretation, published in `period` (a queryset)."""
    first, after = period.bounds()
    policies = (Document.objects.public().policies()
                .filter(genre__needs_interpretation=True, published_at__gte=first, published_at__lt=after))
    return policies.filter(unit=unit) if unit is not None else policies


def policy_statuses(*, period, unit=None, as_of=None):
    """[PolicyStatus] of every policy needing an interpretation published in `period`, oldest first.

    Interpretations count when public and published by the end of `as_of` (default: any time so far).
    One query: each policy with its first public interpretation's time and its number of graphic ones.
    """
    counted = Q(interpretations__state=DocumentState.PUBLISHED,
                interpretations__attribute=DisclosureAttribute.PROACTIVE)
    if as_of is not None:
        counted &= Q(interpretations__published_at__lt=Period(as_of, as_of).bounds()[1])
    rows = (policies_needing_interpretation(period=period, unit=unit)
            .order_by("published_at", "id").values_list("pk", "unit_id", "published_at")
            .annotate(first_at=Min("interpretations__published_at", filter=counted),
                      graphics=Count("interpretations", filter=counted & Q(
                          interpretations__interpretation_kind=InterpretationKind.GRAPHIC))))
    zone = timezone.get_current_timezone()
    with gc_paused():
        return [PolicyStatus(pk=pk, unit_id=unit_id, published_on=_local_day(published_at, zone),
                             first_interpreted_on=_local_day(first_at, zone) if first_at else None,
                             has_graphic=graphics > 0)
                for pk, unit_id, published_at, first_at, graphics in rows]


def late_publications(*, period, unit=None):
    """Public documents published in `period` later than their genre allows after 成文日期, latest first."""
    first, after = period.bounds()
    documents = Document.objects.public().filter(published_at__gte=first, published_at__lt=after,
                                                 published_late_workdays__isnull=False)
    return documents.filter(unit=unit) if unit is not None else documents


def _dated_counts(*, period, unit=None):
    """{unit id: (documents with a 成文日期, of which late)} of public documents published in `period`."""
    first, after = period.bounds()
    documents = Document.objects.public().filter(published_at__gte=first, published_at__lt=after,
                                                 written_on__isnull=False)
    if unit is not None:
        documents = documents.filter(unit=unit)
    rows = (documents.order_by().values_list("unit_id")
            .annotate(dated=Count("pk"), late=Count("published_late_workdays")))
    return {unit_id: (dated, late) for unit_id, dated, late in rows}


def unit_facts(*, period, unit=None, as_of=None):
    """{unit id: DisclosureFacts} for `period` (three queries). Units with nothing published are absent."""
    return unit_facts_from(policy_statuses(period=period, unit=unit, as_of=as_of),
                           _dated_counts(period=period, unit=unit))


def total(facts_per_unit):
    return sum(facts_per_unit.values(), DisclosureFacts())


# --- the dashboards' panel ---------------------------------------------------------------------------


@dataclass
class DisclosurePanel:
    period: Period
    totals: DisclosureFacts
    units: list = field(default_factory=list)  # rows, lowest 三同步 rate first (city only)
    flagged: list = field(default_factory=list)  # rows of flagged policies, missing ones first
    flagged_count: int = 0
    late: list = field(default_factory=list)
    late_count: int = 0


def _document_url(pk):
    return reverse("documents:detail", args=[pk])


def panel(*, today, unit=None, period=None):
    """The 主动公开 panel of the city dashboard (unit=None) or of one unit's dashboard.

    Policies flagged today (missing or late interpretations) linked to their pages, the rates per unit
    (lowest first) and the late publications. At most eight queries for the city (three of them the
    short names of units), five for a unit, whatever the number of documents; two with nothing published.
    """
    period = period or Period.year_of(today)
    statuses = policy_statuses(period=period, unit=unit)
    facts = unit_facts_from(statuses, _dated_counts(period=period, unit=unit))
    board = DisclosurePanel(period=period, totals=total(facts))
    # What needs doing first: no interpretation at all, the longest-waiting first; then the late ones,
    # the latest first.
    missing = [s for s in statuses if s.first_interpreted_on is None]  # statuses are oldest first
    late = sorted((s for s in statuses if s.first_interpreted_on is not None and not s.synchronous),
                  key=lambda s: (-s.lag_days, s.pk))
    flagged = missing + late
    board.flagged_count = len(flagged)
    shown = flagged[:FLAG_LIMIT]
    titles = dict(Document.objects.filter(pk__in=[s.pk for s in shown]).values_list("pk", "title")) if shown else {}
    board.late_count = board.totals.late  # a late document always has a 成文日期: counted already
    late_rows = list(late_publications(period=period, unit=unit)
                     .order_by("-published_late_workdays", "-published_at", "-id")
                     .values_list("pk", "unit_id", "title", "written_on", "published_at", "published_late_workdays")
                     [:LATE_LIMIT]) if board.late_count else []
    unit_ids = set(facts) | {s.unit_id for s in shown} | {row[1] for row in late_rows}
    names = dict(Unit.objects.filter(pk__in=unit_ids).values_list("pk", "name")) if unit_ids else {}
    short = display_names(names) if unit is None and names else names
    board.flagged = [{"url": _document_url(s.pk), "title": titles[s.pk], "unit": short[s.unit_id],
                      "unit_name": names[s.unit_id], "published_on": s.published_on, "flag": s.flag_text,
                      "missing": s.first_interpreted_on is None} for s in shown]
    board.late = [{"url": _document_url(pk), "title": title, "unit": short[unit_id], "unit_name": names[unit_id],
                   "written_on": written_on, "published_on": _local_day(published_at), "days": days}
                  for pk, unit_id, title, written_on, published_at, days in late_rows]
    if unit is None:
        board.units = unit_rows(facts, names, short)
    return board


def unit_facts_from(statuses, dated_counts):
    """unit_facts() from rows already read (the panel reads the statuses once for flags and counts)."""
    counters = {}
    for status in statuses:
        counter = counters.setdefault(status.unit_id, {"policies": 0, "synchronous": 0, "graphic": 0, "missing": 0})
        counter["policies"] += 1
        counter["synchronous"] += status.synchronous
        counter["graphic"] += status.has_graphic
        counter["missing"] += status.first_interpreted_on is None
    for unit_id, (dated, late) in dated_counts.items():
        counters.setdefault(unit_id, {}).update(dated=dated, late=late)
    return {unit_id: DisclosureFacts(**counts) for unit_id, counts in counters.items()}


def unit_rows(facts, names, short):
    """Every unit with a policy needing interpretation or a dated document: lowest 三同步 rate first, then
    lowest 图解 coverage, then most late publications, then by name."""
    rows = [{"unit_id": unit_id, "name": short[unit_id], "official": names[unit_id],
             "url": unit_dashboard_url(unit_id), "facts": item, "sync": item.sync_rate,
             "graphic": item.graphic_rate, "late": item.late, "dated": item.dated}
            for unit_id, item in facts.items()]
    return sorted(rows, key=lambda row: (row["sync"].sort_key(), row["graphic"].sort_key(), -row["late"],
                                         row["official"]))


__all__ = ["DisclosureFacts", "DisclosurePanel", "Period", "PolicyStatus", "Rate", "late_publications", "panel",
           "policies_needing_interpretation", "policy_statuses", "total", "unit_facts"]
