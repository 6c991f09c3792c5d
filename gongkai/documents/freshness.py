"""Column freshness per unit and the 国办秘函〔2019〕19号 counts (rules.md §6).

Rules (the office changes the numbers in DocumentSettings; the defaults are rules.md §6):

* A unit's tree is the standard columns plus its own. The **last update** of (unit, column) is the latest
  发布日期 of the unit's public documents (published, 主动公开) in the column — what an inspector sees
  on the site. Drafts, documents kept back and withdrawn documents never make a column fresh. A parent
  column shows the latest of its whole subtree.
* Only **leaf columns with an update requirement** (news or policy type) count, as the inspection counts
  the columns that hold content: a parent column shows its children's content, and counting it as well
  would count one silent child twice. A standard leaf under which a unit added columns of its own is a
  parent for that unit: its own sub-columns count instead. Columns without a requirement (公开指南,
  公开年报, 历史规划 …) hold content that rarely changes or comes from elsewhere (the structured 公开指南,
  the annual report): they show their last update but are never stale or empty.
* Days are local days (Asia/Shanghai) between the day of the last update and today. A news-type column
  is **stale** when more than `news_update_days` (14) days passed — updated 14 days ago is still fresh,
  15 is stale; policy-type after `policy_update_days` (180). **Long stale**: more than `long_stale_days`
  (365); a long-stale column is stale too. **Empty**: no public document ever; an empty column is counted
  as empty only, not also as stale. **About to go stale**: fresh, but stale within `column_warning_days` (3)
  days (a news column updated 12 days ago is stale on the 15th day, in 3 days; 0 warns of nothing).
* 单项否决 (the unit fails the website check) when stale news-type + stale policy-type columns ≥
  `stale_columns_limit` (5), or long-stale columns ≥ `long_stale_columns_limit` (10), or empty columns ≥
  `empty_columns_limit` (5).

The figures for every unit come from three queries whatever the number of units, columns and documents:
the columns, one grouped query for the last update per (unit, column), and the units' names.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.models import Unit

from .models import Column, DisclosureAttribute, Document, DocumentSettings, DocumentState, UpdateClass


class State:
    FRESH = "fresh"
    DUE_SOON = "due_soon"
    STALE = "stale"
    LONG_STALE = "long_stale"
    EMPTY = "empty"
    NO_REQUIREMENT = "none"


STATE_LABELS = {
    State.FRESH: _("Up to date"),
    State.DUE_SOON: _("About to go stale"),
    State.STALE: _("Stale"),
    State.LONG_STALE: _("Long not updated"),
    State.EMPTY: _("Empty"),
    State.NO_REQUIREMENT: _("No update requirement"),
}
# The colour pages show a state in (the site's light classes).
STATE_LIGHTS = {State.FRESH: "green", State.DUE_SOON: "yellow", State.STALE: "red", State.LONG_STALE: "red",
                State.EMPTY: "red", State.NO_REQUIREMENT: "done"}
# Worst first, for sorting and for the filter's order.
STATE_ORDER = (State.LONG_STALE, State.STALE, State.EMPTY, State.DUE_SOON, State.FRESH, State.NO_REQUIREMENT)


@dataclass(frozen=True)
class Limits:
    news_days: int
    policy_days: int
    long_days: int
    warning_days: int
    stale_limit: int
    long_limit: int
    empty_limit: int

    @classmethod
    def current(cls):
        row = DocumentSettings.current()
        return cls(row.news_update_days, row.policy_update_days, row.long_stale_days, row.column_warning_days,
                   row.stale_columns_limit, row.long_stale_columns_limit, row.empty_columns_limit)

    def days_for(self, update_class):
        return {UpdateClass.NEWS: self.news_days, UpdateClass.POLICY: self.policy_days}.get(update_class)


@dataclass
class ColumnFreshness:
    column_id: int
    name: str
    path: str
    update_class: str
    counted: bool
    last: datetime.datetime | None
    state: str
    days: int | None = None  # days since the last update
    days_left: int | None = None  # days until stale (fresh columns)
    stale_on: datetime.date | None = None  # the first day the column is stale

    @property
    def state_label(self):
        return STATE_LABELS[self.state]

    @property
    def light(self):
        return STATE_LIGHTS[self.state]

    @property
    def last_day(self):
        return timezone.localtime(self.last).date() if self.last else None


HIT_LABELS = {
    "stale": _("%(count)s stale columns (limit %(limit)s)"),
    "long_stale": _("%(count)s columns long not updated (limit %(limit)s)"),
    "empty": _("%(count)s empty columns (limit %(limit)s)"),
}


@dataclass(frozen=True)
class Hit:
    """A 单项否决 threshold a unit reached: which count, how many, and the limit."""

    kind: str
    count: int
    limit: int

    def __str__(self):
        return str(HIT_LABELS[self.kind]) % {"count": self.count, "limit": self.limit}


@dataclass
class UnitCheck:
    unit_id: int
    name: str
    stale_news: int = 0
    stale_policy: int = 0
    long_stale: int = 0
    empty: int = 0
    due_soon: int = 0
    counted: int = 0
    hits: list = field(default_factory=list)
    columns: list = field(default_factory=list)

    @property
    def stale(self):
        return self.stale_news + self.stale_policy

    @property
    def fails(self):
        return bool(self.hits)


def state_of(update_class, last, *, today, limits):
    """(state, days since, days left, first stale day) of a column last updated at `last`."""
    limit = limits.days_for(update_class)
    if limit is None:
        return State.NO_REQUIREMENT, _days(last, today), None, None
    if last is None:
        return State.EMPTY, None, None, None
    day = timezone.localtime(last).date()
    days = (today - day).days
    stale_on = day + datetime.timedelta(days=limit + 1)
    if days > limits.long_days:
        return State.LONG_STALE, days, None, stale_on
    if days > limit:
        return State.STALE, days, None, stale_on
    left = limit - days
    # Stale in left + 1 days: warned when that is within the warning days.
    return (State.DUE_SOON if left < limits.warning_days else State.FRESH), days, left, stale_on


def _days(last, today):
    return (today - timezone.localtime(last).date()).days if last else None


def last_updates(unit_ids=None):
    """{(unit id, column id): latest 发布日期} of public documents: one grouped query."""
    through = Document.columns.through.objects.filter(
        document__state=DocumentState.PUBLISHED, document__attribute=DisclosureAttribute.PROACTIVE)
    if unit_ids is not None:
        through = through.filter(document__unit_id__in=unit_ids)
    rows = through.values("document__unit_id", "column_id").annotate(last=Max("document__published_at"))
    return {(row["document__unit_id"], row["column_id"]): row["last"] for row in rows}


class Catalogue:
    """Every column once, and each unit's tree built from it without further queries. Most units have no
    columns of their own: their counted leaves are the standard tree's, found once for all of them."""

    def __init__(self, columns):
        self.columns = {column["id"]: column for column in columns}
        self.standard_children, self.own_children = {}, {}
        for column in sorted(columns, key=lambda c: (c["order"], c["id"])):
            if column["unit_id"] is None:
                self.standard_children.setdefault(column["parent_id"], []).append(column)
            else:
                self.own_children.setdefault((column["unit_id"], column["parent_id"]), []).append(column)
        self.own_units = {unit_id for unit_id, _parent in self.own_children}
        self.paths = {}
        self._standard_leaves = None

    @classmethod
    def load(cls):
        return cls(list(Column.objects.values("id", "parent_id", "unit_id", "name", "update_class", "order")))

    def children(self, unit_id, parent_id):
        standard = self.standard_children.get(parent_id, [])
        if unit_id not in self.own_units:
            return standard
        return standard + self.own_children.get((unit_id, parent_id), [])

    def path(self, column):
        path = self.paths.get(column["id"])
        if path is None:
            names, current = [], column
            while current is not None:
                names.append(current["name"])
                current = self.columns.get(current["parent_id"])
            path = self.paths[column["id"]] = " › ".join(reversed(names))
        return path

    def counted_leaves(self, unit_id):
        """The columns of the unit's tree that count: leaves with an update requirement, in tree order."""
        if unit_id not in self.own_units:
            if self._standard_leaves is None:
                self._standard_leaves = self._leaves(None)
            return self._standard_leaves
        return self._leaves(unit_id)

    def _leaves(self, unit_id, parent_id=None):
        found = []
        for column in self.children(unit_id, parent_id):
            below = self._leaves(unit_id, column["id"])
            if below:
                found.extend(below)
            elif not self.children(unit_id, column["id"]) and column["update_class"] in REQUIRED:
                found.append(column)
        return found


REQUIRED = frozenset({UpdateClass.NEWS, UpdateClass.POLICY})


def unit_columns(catalogue, unit_id, updates, *, today, limits):
    """{column id: ColumnFreshness} over the unit's whole tree (parents show their subtree's last update)."""
    result = {}

    def visit(parent_id):
        latest_here = None
        for column in catalogue.children(unit_id, parent_id):
            below = visit(column["id"])
            own = updates.get((unit_id, column["id"]))
            last = max((moment for moment in (own, below) if moment is not None), default=None)
            is_leaf = not catalogue.children(unit_id, column["id"])
            result[column["id"]] = _entry(catalogue, column, last, counted=is_leaf, today=today, limits=limits)
            if last is not None and (latest_here is None or last > latest_here):
                latest_here = last
        return latest_here

    visit(None)
    return result


def _entry(catalogue, column, last, *, counted, today, limits):
    state, days, left, stale_on = state_of(column["update_class"], last, today=today, limits=limits)
    return ColumnFreshness(
        column_id=column["id"], name=column["name"], path=catalogue.path(column), update_class=column["update_class"],
        counted=counted and state != State.NO_REQUIREMENT, last=last, state=state, days=days, days_left=left,
        stale_on=stale_on)


def tally(check, entries, limits):
    """Fill the counts and the thresholds hit of one unit from its columns' freshness."""
    for entry in entries:
        if entry.counted:
            check.columns.append(entry)
            _count(check, entry.update_class, entry.state)
    return _hits(check, limits)


def _count(check, update_class, state):
    check.counted += 1
    if state in (State.STALE, State.LONG_STALE):
        if update_class == UpdateClass.NEWS:
            check.stale_news += 1
        else:
            check.stale_policy += 1
    if state == State.LONG_STALE:
        check.long_stale += 1
    elif state == State.EMPTY:
        check.empty += 1
    elif state == State.DUE_SOON:
        check.due_soon += 1


def _hits(check, limits):
    for kind, count, limit in (("stale", check.stale, limits.stale_limit),
                               ("long_stale", check.long_stale, limits.long_limit),
                               ("empty", check.empty, limits.empty_limit)):
        if count >= limit:
            check.hits.append(Hit(kind, count, limit))
    return check


def _sort_key(check):
    return (not check.fails, -(check.stale + check.long_stale + check.empty), -check.due_soon, check.name)


def city_check(*, today=None, units=None, limits=None, detail=True):
    """A UnitCheck for each active unit (or the given units), failing units first. `detail=False` (the
    dashboard) counts without keeping each column's entry: 500 units × 30 columns stay cheap."""
    today = today or timezone.localdate()
    limits = limits or Limits.current()
    if units is None:
        names = dict(Unit.objects.active().values_list("pk", "name"))
    else:
        names = {unit.pk: unit.name for unit in units}
    catalogue = Catalogue.load()
    updates = last_updates(None if units is None else list(names))
    checks = []
    for unit_id, name in names.items():
        check = UnitCheck(unit_id=unit_id, name=name)
        for column in catalogue.counted_leaves(unit_id):
            last = updates.get((unit_id, column["id"]))
            if detail:
                entry = _entry(catalogue, column, last, counted=True, today=today, limits=limits)
                check.columns.append(entry)
                _count(check, entry.update_class, entry.state)
            else:
                _count(check, column["update_class"], state_of(column["update_class"], last, today=today,
                                                               limits=limits)[0])
        checks.append(_hits(check, limits))
    return sorted(checks, key=_sort_key)


def unit_check(unit, *, today=None, limits=None):
    """(UnitCheck, {column id: ColumnFreshness} of the unit's whole tree) for one unit."""
    today = today or timezone.localdate()
    limits = limits or Limits.current()
    freshness = unit_columns(Catalogue.load(), unit.pk, last_updates([unit.pk]), today=today, limits=limits)
    return tally(UnitCheck(unit_id=unit.pk, name=unit.name), freshness.values(), limits), freshness
