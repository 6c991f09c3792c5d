"""FOI statistics per handling unit and city-wide, for a period (first, last), both days included.

What is counted (the defaults of rules.md §5.2, so these figures agree with annual-report table 三):

* received — applications whose confirmed receipt date lies in the period (the clock's start,
  not the arrival: an application still awaiting confirmation has not been received yet);
* carried in (二、上年结转) — received before the period and not finished before its first day;
* handled — served or closed in the period (closed_on is set by both; served_on as a fallback);
* carried forward (四、结转下年度继续办理) — received by the period's last day and not finished by it;
* open now and overdue — the state today, whatever the period: open, and open past its due date;
* average working days to reply — receipt to legal service, for replies served in the period,
  counted on the official calendar (调休 included), never on weekdays;
* outcomes — the closure codes of the applications handled in the period, by code, by row and by
  block of table 三 (foi.outcomes.table3_rows, so a configured override moves the count too), and
  per applicant type (the columns of table 三).

So every column balances (the 勾稽关系 printed on table 三): carried in + received = handled + carried
forward, an application being finished on or after its receipt. A unit that handled more than it
received in a year shows why: it carried applications in.

A unit's figures are those of applications it handles now: a transferred application counts for
the unit it went to. Only aggregates leave this module — never a name, number or address.

Queries are bounded: one grouped aggregate, one sum of the working days kept at service, one
`.values_list()` for replies served without them, and one for the unit names, whatever the number
of applications.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum

from gongkai.orgs.models import Unit

from .deciding import reply_workdays
from .models import OPEN_STATUSES, ApplicantType
from .outcomes import TABLE3_BLOCKS, ClosureCode, table3_rows

APPLICANT_TYPES = tuple(ApplicantType.values)
KNOWN_CODES = frozenset(ClosureCode.values)  # .values builds a new list on every access


@dataclass
class Figures:
    """The counts of one unit, or of several units added together."""

    received: int = 0
    carried_in: int = 0  # 二、上年结转
    handled: int = 0
    carried_out: int = 0  # 四、结转下年度继续办理
    open_now: int = 0
    overdue: int = 0
    replied: int = 0  # replies served in the period whose working days could be counted
    reply_workdays: int = 0  # their working days from receipt to service, summed
    received_by_type: Counter = field(default_factory=Counter)  # applicant type → n
    carried_in_by_type: Counter = field(default_factory=Counter)
    carried_out_by_type: Counter = field(default_factory=Counter)
    outcomes: Counter = field(default_factory=Counter)  # (closure code, applicant type) → n
    # table3_rows() read once per computation and shared: building it per unit would cost more than the counting.
    rows: tuple = field(default_factory=table3_rows, repr=False, compare=False)

    @property
    def average_reply_workdays(self):
        """Mean working days from receipt to service, one decimal; None when nothing was served."""
        return round(self.reply_workdays / self.replied, 1) if self.replied else None

    def by_code(self):
        counts = Counter()
        for (code, _type), n in self.outcomes.items():
            counts[code] += n
        return counts

    def by_row(self):
        """[(ReportRow, n)] in table order."""
        codes = self.by_code()
        return [(row, sum(codes[code] for code in row.codes)) for row in self.rows]

    def by_block(self):
        """[(block label, n)] in table order: （一）予以公开 … （六）其他处理."""
        counts = Counter()
        for row, n in self.by_row():
            counts[row.block] += n
        return [(block, counts[block]) for block in TABLE3_BLOCKS]

    def table3(self):
        """The outcome rows of table 三 with one count per applicant type: [(ReportRow, [n per type], total)]."""
        rows = []
        for row in self.rows:
            per_type = [sum(self.outcomes[(code, kind)] for code in row.codes) for kind in APPLICANT_TYPES]
            rows.append((row, per_type, sum(per_type)))
        return rows

    def table3_by_block(self):
        """table3() grouped by block: [(block label, [(ReportRow, [n per type], total)])], for laying out."""
        blocks = {}
        for entry in self.table3():
            blocks.setdefault(entry[0].block, []).append(entry)
        return list(blocks.items())

    def table3_totals(self):
        """Row （七）总计 of table 三: [n per applicant type]."""
        return [sum(self.outcomes[(code, kind)] for code in KNOWN_CODES) for kind in APPLICANT_TYPES]

    @property
    def outcome_total(self):
        """Handled with a known outcome: the （七）总计 of table 三."""
        return sum(self.outcomes.values())

    def received_per_type(self):
        return [self.received_by_type[kind] for kind in APPLICANT_TYPES]

    def carried_in_per_type(self):
        return [self.carried_in_by_type[kind] for kind in APPLICANT_TYPES]

    def carried_out_per_type(self):
        return [self.carried_out_by_type[kind] for kind in APPLICANT_TYPES]

    @property
    def balances(self):
        """Carried in + received = handled + carried forward."""
        return self.carried_in + self.received == self.handled + self.carried_out

    def table3_check(self):
        """The 勾稽关系 of table 三 per column (the applicant types, then the total):
        [(一 + 二, 三（七） + 四)]; the two differ only where a handled application has no known outcome."""
        left = [a + b for a, b in zip(self.received_per_type(), self.carried_in_per_type(), strict=True)]
        right = [a + b for a, b in zip(self.table3_totals(), self.carried_out_per_type(), strict=True)]
        return [*zip(left, right, strict=True), (sum(left), sum(right))]

    @property
    def table3_balances(self):
        return all(left == right for left, right in self.table3_check())

    def add(self, other):
        for name in ("received", "carried_in", "handled", "carried_out", "open_now", "overdue", "replied",
                     "reply_workdays"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.received_by_type.update(other.received_by_type)
        self.carried_in_by_type.update(other.carried_in_by_type)
        self.carried_out_by_type.update(other.carried_out_by_type)
        self.outcomes.update(other.outcomes)
        return self


@dataclass
class UnitFigures:
    unit_id: int
    name: str
    figures: Figures


@dataclass
class Statistics:
    first: datetime.date
    last: datetime.date
    today: datetime.date
    units: list  # [UnitFigures] in directory order
    total: Figures  # the units added together (city-wide for the office)
    missing_years: frozenset = frozenset()  # calendar years not loaded: replies there are left out of the average
    unknown_outcomes: int = 0  # handled with no (or an unknown) closure code: in no row of table 三

    @property
    def whole_year(self):
        """Whether the period is one calendar year, the period of table 三 and its 上年 / 下年度 labels."""
        return (self.first, self.last) == year_period(self.first.year)


def received_in(first, last):
    return Q(receipt_date__gte=first, receipt_date__lte=last)


def handled_in(first, last):
    return (Q(closed_on__gte=first, closed_on__lte=last)
            | Q(closed_on__isnull=True, served_on__gte=first, served_on__lte=last))


def unfinished_on(day):
    """Not served or closed by the end of `day` (the finishing date as in handled_in: closed_on, else served_on)."""
    return Q(closed_on__gt=day) | Q(closed_on__isnull=True, served_on__gt=day) | Q(closed_on__isnull=True,
                                                                                  served_on__isnull=True)


def carried_in(first):
    """二、上年结转: received before `first` and still unfinished when the period began."""
    return Q(receipt_date__lt=first) & unfinished_on(first - datetime.timedelta(days=1))


def carried_out(last):
    """四、结转下年度继续办理: received by `last` and unfinished at its end."""
    return Q(receipt_date__lte=last) & unfinished_on(last)


def served_in(first, last):
    return Q(served_on__gte=first, served_on__lte=last, receipt_date__isnull=False)


def compute(applications, *, first, last, today, calendar, units=()):
    """Statistics of `applications` (a scoped queryset) for the period; `units` are listed even with nothing.

    `calendar` is a WorkCalendar built once by the caller (WorkCalendar.from_db()).
    """
    if first > last:
        raise ValueError("the period ends before it starts")
    applications = applications.order_by()  # no ORDER BY in the GROUP BY queries
    rows = table3_rows()
    per_unit = {unit_id: Figures(rows=rows) for unit_id in units}

    def of(unit_id):
        if unit_id not in per_unit:
            per_unit[unit_id] = Figures(rows=rows)
        return per_unit[unit_id]

    unknown = 0
    for unit_id, kind, code, received, came_in, handled, went_out, open_now, overdue in _grouped(
            applications, first, last, today):
        figures = of(unit_id)
        figures.received += received
        figures.carried_in += came_in
        figures.handled += handled
        figures.carried_out += went_out
        figures.open_now += open_now
        figures.overdue += overdue
        for counter, n in ((figures.received_by_type, received), (figures.carried_in_by_type, came_in),
                           (figures.carried_out_by_type, went_out)):
            if n:
                counter[kind] += n
        if code in KNOWN_CODES:
            figures.outcomes[(code, kind)] += handled
        else:
            unknown += handled  # open applications have no code yet, and handled == 0 for them
    missing = _reply_workdays(applications, first, last, calendar, of)
    listed = _unit_rows(per_unit)
    total = Figures(rows=rows)
    for row in listed:
        total.add(row.figures)
    return Statistics(first=first, last=last, today=today, units=listed, total=total,
                      missing_years=frozenset(missing), unknown_outcomes=unknown)


def _grouped(applications, first, last, today):
    """One scan, grouped by unit × applicant type × closure code, every count a filtered COUNT.

    One query rather than one per figure: each is a full pass over the applications, and the
    groups (units × 6 types × 23 codes at most) stay few whatever the number of applications.
    """
    is_open = Q(status__in=OPEN_STATUSES)
    # Carried in or forward and not received, handled or open: received earlier, finished later.
    relevant = received_in(first, last) | handled_in(first, last) | is_open | carried_in(first) | carried_out(last)
    return applications.filter(relevant).values_list("handling_unit_id", "applicant_type", "closure_code").annotate(
        received=Count("pk", filter=received_in(first, last)),
        carried_in=Count("pk", filter=carried_in(first)),
        handled=Count("pk", filter=handled_in(first, last)),
        carried_out=Count("pk", filter=carried_out(last)),
        open_now=Count("pk", filter=is_open),
        overdue=Count("pk", filter=is_open & Q(due_date__lt=today)),
    )


def _reply_workdays(applications, first, last, calendar, of):
    """Add the served replies' working days to their units; return the calendar years that were missing.

    The days kept at service are summed in SQL. Replies served without them (the calendar lacked a
    year then) are counted now in Python, the official calendar not being in SQL; one that still
    touches a year without a loaded notice is left out of the average rather than guessed, and the
    missing year is reported.
    """
    served = applications.filter(served_in(first, last))
    kept = served.filter(reply_workdays__isnull=False).values_list("handling_unit_id").annotate(
        replied=Count("pk"), days=Sum("reply_workdays"))
    for unit_id, replied, days in kept:
        figures = of(unit_id)
        figures.replied += replied
        figures.reply_workdays += days
    missing = set()
    rows = served.filter(reply_workdays__isnull=True).values_list("handling_unit_id", "receipt_date", "served_on")
    for unit_id, received, served_on in rows.iterator(chunk_size=5000):
        days = reply_workdays(received, served_on, calendar)
        if days is None:
            missing.update(year for year in range(received.year, served_on.year + 1) if not calendar.knows(year))
            continue
        figures = of(unit_id)
        figures.replied += 1
        figures.reply_workdays += days
    return missing


def _unit_rows(per_unit):
    """The units that have figures (or were asked for), in directory order, with their names."""
    return [UnitFigures(unit_id=pk, name=name, figures=per_unit[pk])
            for pk, name in Unit.objects.filter(pk__in=list(per_unit)).values_list("pk", "name")]


def year_period(year):
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
