"""Information processing fees (信息处理费): the schedules of the 费用办法 as pure arithmetic.

条例 Art 42 allows a fee only when an applicant's number or frequency of applications clearly exceeds
a reasonable range; 国办函〔2020〕109号 (the 费用办法) gives two progressive (超额累进) methods, and the
unit picks ONE per application (Art 3):

* 按件计收, per application (Art 4), counted per applicant per natural month: 1–10 free, 11–30 ¥100
  each, then +¥100 for every further block of 10 (31–40 ¥200, 41–50 ¥300, …);
* 按量计收, per volume (Art 5): each page priced by the band it falls in: ≤30 free, 31–100 ¥10,
  101–200 ¥20, 201+ ¥40 (250 pages = 30×0 + 70×10 + 100×20 + 50×40 = ¥4,700).

Both schedules are data (rules.md §3 marks the per-application band reading as unconfirmed): a tuple
of (first, last | None, yuan) bands, plus an optional progression for the open-ended last band. They
are read from settings at each call (nothing is cached at import, so override_settings works):

    GONGKAI_FOI_PER_ITEM_BANDS        default PER_ITEM_BANDS
    GONGKAI_FOI_PER_ITEM_PROGRESSION  default PER_ITEM_PROGRESSION, (block size, yuan added per block) or None
    GONGKAI_FOI_PER_PAGE_BANDS        default PER_PAGE_BANDS
    GONGKAI_FOI_PER_PAGE_PROGRESSION  default None
    GONGKAI_FOI_FEE_WAIVERS           default False: fees cannot be waived
    GONGKAI_FOI_FEE_PAYMENT_WORKDAYS  default 20: payment period, from the day after the notice is received

Money is Decimal yuan, never float. Nothing here touches the database or gongkai.foi.models.
"""

import datetime
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gongkai.conventions import default
from gongkai.workdays.calendar import CountFrom

MEASURES = "国办函〔2020〕109号"  # 《政府信息公开信息处理费管理办法》, 2020-11-17

PER_ITEM_BANDS = ((1, 10, 0), (11, 30, 100), (31, None, 200))
PER_ITEM_PROGRESSION = (10, 100)  # from 31: blocks of 10 applications, each block ¥100 dearer
PER_PAGE_BANDS = ((1, 30, 0), (31, 100, 10), (101, 200, 20), (201, None, 40))
PER_PAGE_PROGRESSION = None
FEE_WAIVERS = default("GONGKAI_FOI_FEE_WAIVERS")  # rules.md §3.3, unconfirmed: gongkai.conventions
PAYMENT_WORKDAYS = 20

# No application runs to a million pages, nor an applicant to a million applications a month: a
# number that large is a typing error, and month totals list one line per block.
MAX_QUANTITY = 1_000_000


class FeeError(ValueError):
    """Bad input to a fee computation; the message is fit to show the user."""


class FeeMethod(StrEnum):
    PER_ITEM = "per_item"  # 按件计收, 费用办法 Art 4
    PER_PAGE = "per_page"  # 按量计收, 费用办法 Art 5


# --- schedules -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Band:
    first: int
    last: int | None  # None: open-ended
    rate: Decimal  # yuan per application or per page

    def label(self):
        if self.last is None:
            return _("%(first)s and above") % {"first": self.first}
        if self.first == self.last:
            return str(self.first)
        return f"{self.first}–{self.last}"


@dataclass(frozen=True)
class Progression:
    """The open-ended last band split into blocks of `size`, each block `step` yuan dearer than the one before."""

    size: int
    step: Decimal


@dataclass(frozen=True)
class Schedule:
    bands: tuple  # of Band, contiguous from 1, the last open-ended
    progression: Progression | None = None

    def __post_init__(self):
        _check_bands(self.bands)
        if self.progression is not None and (self.progression.size < 1 or self.progression.step < 0):
            raise ValueError("a progression needs a block size of at least 1 and a step of 0 or more yuan")

    def lines(self, first, last):
        """The fee lines for quantities first..last (both included), one per band or block touched."""
        result = []
        for band in self._bands_through(first, last):
            low, high = max(first, band.first), last if band.last is None else min(last, band.last)
            if low <= high:
                result.append(FeeLine(band=band, count=high - low + 1, rate=band.rate))
        return tuple(result)

    def _bands_through(self, first, last):
        """The bands that cover first..last (and maybe more), the open band cut into blocks of its progression."""
        *closed, open_band = self.bands
        yield from closed
        if open_band.first > last:
            return
        if self.progression is None:
            yield open_band
            return
        size, step = self.progression.size, self.progression.step
        # Start at the block holding `first`: one application's quote is one block, however far out.
        for block in range(max(first - open_band.first, 0) // size, (last - open_band.first) // size + 1):
            start = open_band.first + block * size
            yield Band(start, start + size - 1, open_band.rate + block * step)


def _check_bands(bands):
    if not bands:
        raise ValueError("a fee schedule needs at least one band")
    expected = 1
    for index, band in enumerate(bands):
        if band.first != expected:
            raise ValueError(f"fee bands must be contiguous from 1: expected a band starting at {expected}, got {band}")
        if band.rate < 0:
            raise ValueError(f"a fee band's rate cannot be negative: {band}")
        if (band.last is None) != (index == len(bands) - 1):
            raise ValueError("exactly the last fee band must be open-ended (last = None), so every quantity has a rate")
        if band.last is not None:
            if band.last < band.first:
                raise ValueError(f"a fee band ends before it starts: {band}")
            expected = band.last + 1


def schedule_from_data(bands, progression=None):
    """A Schedule from plain data: ((first, last | None, yuan), …) and (block size, yuan) or None."""
    built = tuple(Band(int(first), None if last is None else int(last), _yuan(rate)) for first, last, rate in bands)
    steps = None if progression is None else Progression(int(progression[0]), _yuan(progression[1]))
    return Schedule(bands=built, progression=steps)


def _yuan(value):
    # Floats carry binary fractions into money; settings write whole yuan as ints or strings.
    if isinstance(value, float | bool):
        raise ValueError(f"write fee amounts as integers, strings or Decimal, not {value!r}")
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError):
        raise ValueError(f"not an amount of yuan: {value!r}") from None


def schedule_for(method):
    """The schedule of `method` as configured (settings GONGKAI_FOI_PER_ITEM_* / GONGKAI_FOI_PER_PAGE_*)."""
    method = FeeMethod(method)
    prefix = "GONGKAI_FOI_" + method.name
    defaults = {
        FeeMethod.PER_ITEM: (PER_ITEM_BANDS, PER_ITEM_PROGRESSION),
        FeeMethod.PER_PAGE: (PER_PAGE_BANDS, PER_PAGE_PROGRESSION),
    }[method]
    bands = getattr(settings, prefix + "_BANDS", defaults[0])
    progression = getattr(settings, prefix + "_PROGRESSION", defaults[1])
    try:
        return schedule_from_data(bands, progression)
    except (ValueError, TypeError) as error:
        raise ImproperlyConfigured(f"{prefix}_BANDS / {prefix}_PROGRESSION: {error}") from error


# --- quotes ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FeeLine:
    """One line of a fee notice's breakdown: the band, how many fall in it, the rate, the subtotal."""

    band: Band
    count: int
    rate: Decimal

    @property
    def subtotal(self):
        return self.rate * self.count

    def describe(self, method):
        values = {
            "band": self.band.label(), "count": self.count,
            "rate": format_yuan(self.rate), "subtotal": format_yuan(self.subtotal),
        }
        if FeeMethod(method) == FeeMethod.PER_ITEM:
            return _("applications %(band)s: %(count)s × %(rate)s yuan = %(subtotal)s yuan") % values
        return _("pages %(band)s: %(count)s × %(rate)s yuan = %(subtotal)s yuan") % values


@dataclass(frozen=True)
class Waiver:
    reason: str
    approved_by: str


@dataclass(frozen=True)
class FeeQuote:
    """What one application (or one applicant's month) costs, and why, as a fee notice prints it.

    `quantity`: the application's number in the month (per item), the month's count (per item,
    month_total), or the pages (per page). `amount` is the schedule's amount; `payable` is what the
    applicant owes after any waiver. Texts are translated when read, in the language then active.
    """

    method: FeeMethod
    quantity: int
    lines: tuple
    month_total: bool = False
    page_basis: str = ""  # per page: how staff counted the pages (electronic data, non-A4 sheets)
    waiver: Waiver | None = None

    @property
    def amount(self):
        return sum((line.subtotal for line in self.lines), Decimal(0))

    @property
    def payable(self):
        return Decimal(0) if self.waiver else self.amount

    @property
    def basis(self):
        return " ".join(self._basis_parts())

    def _basis_parts(self):
        values = {"measures": MEASURES, "n": self.quantity}
        if self.method == FeeMethod.PER_PAGE:
            yield _(
                "Information processing fee charged by volume under Article 42 of the Regulations on Open "
                "Government Information and Article 5 of the Measures for the Administration of Information "
                "Processing Fees for Open Government Information (%(measures)s)."
            ) % values
            yield ngettext(
                "%(n)s page, each page charged at the rate of the band it falls in.",
                "%(n)s pages, each page charged at the rate of the band it falls in.",
                self.quantity,
            ) % values
            if self.page_basis:
                yield _("Pages counted as follows: %(basis)s.") % {"basis": self.page_basis}
        else:
            yield _(
                "Information processing fee charged per application under Article 42 of the Regulations on Open "
                "Government Information and Article 4 of the Measures for the Administration of Information "
                "Processing Fees for Open Government Information (%(measures)s), counted per applicant per "
                "calendar month."
            ) % values
            if self.month_total:
                yield _("Applications 1 to %(n)s of the applicant in one calendar month.") % values
            else:
                yield _("This is the applicant's application no. %(n)s in the calendar month.") % values
        if self.waiver:
            yield _("Fee waived: %(reason)s (approved by %(approver)s).") % {
                "reason": self.waiver.reason, "approver": self.waiver.approved_by,
            }

    def describe_lines(self):
        """The breakdown as text, one line per band, for a fee notice or `gongkai foi-fee --explain`."""
        return [line.describe(self.method) for line in self.lines]


def quote_per_item(nth):
    """The fee of an applicant's `nth` application in a natural month (按件计收).

    >>> quote_per_item(35).amount
    Decimal('200')
    """
    nth = _quantity(nth, minimum=1, what=_("The application's number in the month"))
    return FeeQuote(FeeMethod.PER_ITEM, nth, schedule_for(FeeMethod.PER_ITEM).lines(nth, nth))


def quote_per_item_month(count):
    """The total fees for `count` applications by one applicant in one natural month (按件计收)."""
    count = _quantity(count, minimum=0, what=_("The number of applications in the month"))
    return FeeQuote(FeeMethod.PER_ITEM, count, schedule_for(FeeMethod.PER_ITEM).lines(1, count), month_total=True)


def quote_per_page(pages, *, page_basis=""):
    """The fee for one application of `pages` pages (按量计收), each page priced by its band."""
    pages = _quantity(pages, minimum=0, what=_("The number of pages"))
    lines = schedule_for(FeeMethod.PER_PAGE).lines(1, pages)
    return FeeQuote(FeeMethod.PER_PAGE, pages, lines, page_basis=(page_basis or "").strip())


def quote(method, quantity, *, page_basis=""):
    """The fee of one application by the method its unit chose: exactly one method per application."""
    try:
        method = FeeMethod(method)
    except ValueError:
        raise FeeError(_("Unknown fee method “%(method)s”.") % {"method": method}) from None
    if method == FeeMethod.PER_ITEM:
        if page_basis:
            raise FeeError(_("A page count basis belongs to fees by volume, not per application."))
        return quote_per_item(quantity)
    return quote_per_page(quantity, page_basis=page_basis)


def waive(fee, *, reason, approved_by):
    """`fee` waived, with the recorded reason and approver; only where waivers are enabled."""
    if not getattr(settings, "GONGKAI_FOI_FEE_WAIVERS", FEE_WAIVERS):
        raise FeeError(_("Fee waivers are not enabled (setting GONGKAI_FOI_FEE_WAIVERS)."))
    reason, approved_by = (reason or "").strip(), str(approved_by or "").strip()
    if not reason:
        raise FeeError(_("Give the reason for waiving the fee."))
    if not approved_by:
        raise FeeError(_("Name who approved waiving the fee."))
    return replace(fee, waiver=Waiver(reason=reason, approved_by=approved_by))


def _quantity(value, *, minimum, what):
    # bool is an int to Python, but True pages is a bug upstream, not one page.
    if isinstance(value, bool) or not isinstance(value, int):
        raise FeeError(_("%(what)s must be a whole number, not “%(value)s”.") % {"what": what, "value": value})
    if value < minimum:
        raise FeeError(_("%(what)s must be at least %(minimum)s.") % {"what": what, "minimum": minimum})
    if value > MAX_QUANTITY:
        raise FeeError(_("%(what)s cannot exceed %(maximum)s.") % {"what": what, "maximum": MAX_QUANTITY})
    return value


def format_yuan(amount):
    """Yuan as a plain number: "200" for whole yuan, "12.50" otherwise; no grouping, no symbol."""
    amount = Decimal(amount)
    if amount == amount.to_integral_value():
        return str(int(amount))
    return str(amount.quantize(Decimal("0.01")))


# --- the monthly count (按件计收) ----------------------------------------------------------------

def nth_in_month(receipt_dates, receipt_date):
    """This application's number among its applicant's applications in its natural month (1 = first).

    `receipt_dates`: the confirmed receipt dates of the same applicant's applications that come
    BEFORE this one — earlier receipt dates and, on the same date, those registered first (the
    parts of one letter split under 一事一申请 are numbered in order) — counted after any split.
    This application itself is not among them. Dates in other months, and later dates, are ignored,
    so a caller may pass every earlier-registered application of the applicant.
    """
    _check_date(receipt_date)
    before = 0
    for day in receipt_dates:
        _check_date(day)
        if _month(day) == _month(receipt_date) and day <= receipt_date:
            before += 1
    return before + 1


def numbers_in_month(receipts):
    """{key: number in its natural month} for one applicant's (key, receipt date) pairs.

    Give the pairs in registration order: applications received the same day are numbered in that
    order, so 35 parts of one split letter get 1…35, not 35 times the same number.
    """
    receipts = list(receipts)
    for _key, day in receipts:
        _check_date(day)
    numbers, seen = {}, {}
    for key, day in sorted(receipts, key=lambda pair: pair[1]):  # stable: same-day order kept
        seen[_month(day)] = seen.get(_month(day), 0) + 1
        numbers[key] = seen[_month(day)]
    return numbers


def _month(day):
    return day.year, day.month


def _check_date(value):
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise TypeError(f"expected a date, got {type(value).__name__} (use timezone.localdate() for times)")


# --- payment --------------------------------------------------------------------------------------

class PaymentState(StrEnum):
    DUE = "due"  # unpaid, still within the period
    OVERDUE = "overdue"  # unpaid after the last day: the application is closed as OTHER_FEE_UNPAID
    PAID = "paid"
    PAID_LATE = "paid_late"  # paid after the last day: staff decide whether to go on


def payment_period():
    days = getattr(settings, "GONGKAI_FOI_FEE_PAYMENT_WORKDAYS", PAYMENT_WORKDAYS)
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise ImproperlyConfigured(f"GONGKAI_FOI_FEE_PAYMENT_WORKDAYS must be a whole number of working days, not {days!r}")
    return days


def payment_due(notice_received, *, calendar):
    """The last day to pay: working day 20 counted from the day after the fee notice was received (§3.3).

    `calendar` is a WorkCalendar; CalendarYearMissing propagates when the period enters an unloaded year.
    """
    return calendar.add_workdays(notice_received, payment_period(), count_from=CountFrom.NEXT_DAY)


def explain_payment_due(notice_received, *, calendar):
    """payment_due with every day passed and why it counted or not (an Explanation)."""
    return calendar.explain_add(notice_received, payment_period(), count_from=CountFrom.NEXT_DAY)


def payment_state(*, notice_received, today, calendar, paid_on=None):
    """Where a fee notice stands on `today`: paid (on time or late), due, or overdue."""
    due = payment_due(notice_received, calendar=calendar)
    if paid_on is not None:
        _check_date(paid_on)
        return PaymentState.PAID if paid_on <= due else PaymentState.PAID_LATE
    _check_date(today)
    return PaymentState.DUE if today <= due else PaymentState.OVERDUE
