"""The statutory clock of a disclosure application (依申请公开): a pure, explainable computation.

Input: the application's clock events in the order they were recorded. Output: a `ClockState` —
the due date (None while the clock waits), the deadlines of the pending step, working days used and
left on a given day, whether the reply was late, and an explanation that lists every step.

The rules (rules.md §1.3, §2.3–2.6, §3.3):
* Reply within 20 working days of the confirmed receipt (Art 33); day 1 is the day after (setting).
* 补正 (Art 30): one notice, within 7 working days of receipt. The period ends; 20 new working days
  run from the day the correction arrives. No correction by the notice's deadline closes the case.
* Consultation of a third party or another agency (Arts 32–34): 15 working days to answer; the
  time is excluded. Overlapping consultations exclude the union of their spans.
* Extension (Art 33): up to 20 working days, once, recorded no later than the deadline.
* Fee notice (费用办法): the clock waits until payment (setting); no payment within 20 working days
  from the day after the notice was received closes the case.
* Art 35: the agency sets a later deadline, with a reason; that date replaces the computed one.

Pure: plain dates and ints in, dataclasses out. Working days come from the `WorkCalendar` passed in
(only its public methods, no database access); a year it lacks raises `CalendarYearMissing`.
"""

import datetime
from dataclasses import dataclass, field
from enum import StrEnum

from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _

from gongkai.conventions import default
from gongkai.workdays.calendar import CountFrom
from gongkai.workdays.explanation import DayKind

ONE_DAY = datetime.timedelta(days=1)

# Fixed by the texts.
REPLY_DAYS = 20  # Art 33
CORRECTION_NOTICE_DAYS = 7  # Art 30: the 补正 notice goes out within 7 working days of receipt
CONSULTATION_DAYS = 15  # Arts 32, 34: the consultee answers within 15 working days of receiving it
FEE_PAYMENT_DAYS = 20  # 费用办法 (secondary): from the day after the fee notice is received

# rules.md marks these "unconfirmed — make configurable": settings GONGKAI_FOI_<NAME> (gongkai.conventions).
DEFAULT_COUNT_FROM = default("GONGKAI_FOI_COUNT_FROM")  # day 1 of "20 working days from receipt": the day after
DEFAULT_CONSULTATION_PAUSE_STARTS = default("GONGKAI_FOI_CONSULTATION_PAUSE_STARTS")  # day after sending → answer
DEFAULT_FEE_PAUSE = default("GONGKAI_FOI_FEE_PAUSE")  # the fee notice pauses the clock until payment
DEFAULT_FEE_PAUSE_STARTS = default("GONGKAI_FOI_FEE_PAUSE_STARTS")  # paused from the day the notice is sent
DEFAULT_CORRECTION_DAYS = default("GONGKAI_FOI_CORRECTION_DAYS")  # the correction deadline the 补正 notice gives
DEFAULT_MAX_EXTENSION_DAYS = 20  # Art 33

# Closure codes (rules.md §2.8) the clock calls for when the applicant lets a deadline pass.
NO_CORRECTION = "OTHER_NO_CORRECTION"
FEE_UNPAID = "OTHER_FEE_UNPAID"


class Kind(StrEnum):
    RECEIVED = "received"  # confirmed receipt (Art 31)
    CORRECTION_REQUESTED = "correction_requested"  # value: day the applicant received the notice
    CORRECTION_RECEIVED = "correction_received"
    CONSULTATION_SENT = "consultation_sent"  # value: day the consultee received it; ref names it
    CONSULTATION_ANSWERED = "consultation_answered"  # ref: which consultation, when several are open
    CONSULTATION_LAPSED = "consultation_lapsed"
    EXTENDED = "extended"  # value: working days
    FEE_NOTICE_SENT = "fee_notice_sent"  # value: day the applicant received the notice
    FEE_PAID = "fee_paid"
    DEADLINE_SET = "deadline_set"  # Art 35; value: the new deadline, note: the reason
    REPLIED = "replied"  # served: signed for in person, or handed to China Post


class Pause(StrEnum):
    CORRECTION = "correction"
    CONSULTATION = "consultation"
    FEE = "fee"


class ClockError(Exception):
    """An event the rules do not allow; the service refuses to record it. `event` is the culprit."""

    def __init__(self, message, *, event=None):
        super().__init__(message)
        self.event = event


@dataclass(frozen=True)
class ClockEvent:
    kind: str
    day: datetime.date
    value: object = None
    note: str = ""
    ref: str = ""  # names a consultation, so an answer finds it among several open ones


def _setting(name, default):
    return getattr(django_settings, f"GONGKAI_FOI_{name}", default)


@dataclass(frozen=True)
class ClockSettings:
    """The counting conventions; each default comes from the GONGKAI_FOI_* setting or rules.md."""

    count_from: str = field(default_factory=lambda: _setting("COUNT_FROM", DEFAULT_COUNT_FROM))
    consultation_pause_starts: str = field(
        default_factory=lambda: _setting("CONSULTATION_PAUSE_STARTS", DEFAULT_CONSULTATION_PAUSE_STARTS))
    fee_pause: bool = field(default_factory=lambda: _setting("FEE_PAUSE", DEFAULT_FEE_PAUSE))
    fee_pause_starts: str = field(default_factory=lambda: _setting("FEE_PAUSE_STARTS", DEFAULT_FEE_PAUSE_STARTS))
    correction_days: int = field(default_factory=lambda: _setting("CORRECTION_DAYS", DEFAULT_CORRECTION_DAYS))
    max_extension_days: int = field(
        default_factory=lambda: _setting("MAX_EXTENSION_DAYS", DEFAULT_MAX_EXTENSION_DAYS))

    def __post_init__(self):
        for name in ("count_from", "consultation_pause_starts", "fee_pause_starts"):
            value = getattr(self, name)
            if value not in set(CountFrom):
                raise ImproperlyConfigured(
                    f"GONGKAI_FOI_{name.upper()} must be 'next_day' or 'same_day', not {value!r}")
            object.__setattr__(self, name, CountFrom(value))
        if not isinstance(self.fee_pause, bool):
            raise ImproperlyConfigured(f"GONGKAI_FOI_FEE_PAUSE must be True or False, not {self.fee_pause!r}")
        for name in ("correction_days", "max_extension_days"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ImproperlyConfigured(f"GONGKAI_FOI_{name.upper()} must be a whole number ≥ 1, not {value!r}")


@dataclass(frozen=True)
class ExcludedSpan:
    first: datetime.date
    last: datetime.date | None  # None while the pause is still open
    workdays: int  # working days excluded (so far, while open)
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class PendingConsultation:
    ref: str
    sent: datetime.date
    answer_due: datetime.date


@dataclass(frozen=True)
class ClockState:
    received: datetime.date
    period_start: datetime.date  # receipt, or the day the correction arrived
    due: datetime.date | None  # None while the clock waits (and the date is not fixed by Art 35)
    paused: bool
    paused_since: datetime.date | None  # first day not counted (the notice's day while awaiting a correction)
    pause_reason: str  # a Pause value, "" when running
    budget: int  # working days of the period: 20 plus any extension
    extension: int
    deadline_set: datetime.date | None  # Art 35
    correction_notice_due: datetime.date | None  # while a 补正 notice may still be sent
    correction_due: datetime.date | None  # while waiting for the correction
    consultations: tuple[PendingConsultation, ...]  # open consultations
    fee_payment_due: datetime.date | None  # while the fee is unpaid
    excluded: tuple[ExcludedSpan, ...]  # time that moved the due date
    today: datetime.date | None
    workdays_used: int | None  # counted working days up to `today` (or the reply); negative left = overdue
    workdays_left: int | None
    overdue: bool | None  # not replied and past the due date on `today`
    replied_on: datetime.date | None
    late: bool | None  # None until replied
    abandoned_as: str | None  # NO_CORRECTION or FEE_UNPAID once the applicant's deadline passed
    explanation: list[str]


def compute_clock(events, *, calendar, settings=None, today=None):
    """The clock after `events` (validated in recorded order), as of `today` when given.

    Events after `today` are checked but left out of the state, so a past day shows the clock as it
    stood then. Without `today`, used/left/overdue/abandoned are None and an unanswered consultation
    counts as lapsed only if its answer was due before the last event. Raises ClockError for events
    the rules forbid and CalendarYearMissing (with `.year`) when a needed year is not loaded.
    """
    settings = settings or ClockSettings()
    replay = _Replay(calendar, settings)
    for event in events:
        replay.apply(event)
    if replay.received is None:
        raise ClockError(_("The clock starts with the confirmed receipt; none is recorded."))
    if today is not None and today < replay.last_day:
        if today < replay.received:
            raise ClockError(_("%(today)s is before the application was received on %(received)s.") % {
                "today": today.isoformat(), "received": replay.received.isoformat()})
        replay = _Replay(calendar, settings)
        for event in events:
            if event.day <= today:
                replay.apply(event)
    return replay.state(today)


# --- the replay: one event at a time, validated against the state so far --------------------------

@dataclass
class _PauseSpan:
    """A consultation or a fee pause: the days it excludes from the period."""

    kind: Pause
    ref: str
    sent: datetime.date
    first: datetime.date  # first day excluded
    bound: datetime.date | None  # a consultation's answer due date: the last day it can exclude
    last: datetime.date | None = None  # last day excluded, once answered, lapsed or paid

    def last_as_of(self, as_of):
        """Known last day; a consultation left unanswered past its 15 working days ends on the 15th."""
        if self.last is None and self.bound is not None and as_of is not None and as_of > self.bound:
            return self.bound
        return self.last

    def label(self):
        if self.kind == Pause.FEE:
            return _("fee notice of %(date)s") % {"date": self.sent.isoformat()}
        if self.ref:
            return _("consultation of %(date)s (%(ref)s)") % {"date": self.sent.isoformat(), "ref": self.ref}
        return _("consultation of %(date)s") % {"date": self.sent.isoformat()}


@dataclass
class _Run:
    """Merged pauses: one stretch of excluded days."""

    first: datetime.date
    last: datetime.date | None
    pauses: list


@dataclass
class _Walk:
    due: datetime.date | None
    effective: list  # runs that moved the due date
    open_run: _Run | None  # the run the clock waits in


@dataclass
class _Correction:
    requested: datetime.date
    due: datetime.date
    arrived: datetime.date | None = None


@dataclass
class _Fee:
    sent: datetime.date
    payment_due: datetime.date
    paid: datetime.date | None = None


class _Replay:
    def __init__(self, calendar, settings):
        self.cal, self.settings = calendar, settings
        self.received = self.start = self.last_day = self.replied = None
        self.extension, self.deadline_set = 0, None
        self.correction, self.fee = None, None
        self.pauses = []
        self.events_since_receipt = 0
        self.lines = []

    # validation shared by every kind

    def apply(self, event):
        self._check_shape(event)
        if self.received is None and event.kind != Kind.RECEIVED:
            raise ClockError(_("The clock starts with the confirmed receipt: record it before anything else."),
                             event=event)
        if self.replied is not None:
            raise ClockError(_("The reply of %(date)s stopped the clock; nothing can follow it.")
                             % {"date": self.replied.isoformat()}, event=event)
        if self.last_day is not None and event.day < self.last_day:
            raise ClockError(_("Events out of order: %(kind)s on %(day)s comes after an event of %(last)s.") % {
                "kind": event.kind, "day": event.day.isoformat(), "last": self.last_day.isoformat()}, event=event)
        getattr(self, f"_{event.kind}")(event)
        if event.kind != Kind.RECEIVED:
            self.events_since_receipt += 1
        self.last_day = event.day

    def _check_shape(self, event):
        if not isinstance(event.kind, str) or event.kind not in set(Kind):
            raise ClockError(_("Unknown clock event %(kind)r.") % {"kind": event.kind}, event=event)
        if not _is_date(event.day):
            raise ClockError(_("A clock event needs a date (not a time) as its day."), event=event)
        takes_value = {Kind.CORRECTION_REQUESTED, Kind.CONSULTATION_SENT, Kind.EXTENDED, Kind.FEE_NOTICE_SENT,
                       Kind.DEADLINE_SET}
        if event.value is not None and event.kind not in takes_value:
            raise ClockError(_("%(kind)s takes no value.") % {"kind": event.kind}, event=event)

    def _received_on(self, event):
        """The day a notice reached its addressee (the event's value), by default the day it went out."""
        if event.value is None:
            return event.day
        if not _is_date(event.value) or event.value < event.day:
            raise ClockError(_("The day the notice was received must be a date on or after %(day)s.")
                             % {"day": event.day.isoformat()}, event=event)
        return event.value

    def _require_running(self, event):
        if self.awaiting_correction:
            raise ClockError(_("The application waits for the applicant's correction; only the correction or "
                               "a reply can be recorded now."), event=event)

    @property
    def awaiting_correction(self):
        return self.correction is not None and self.correction.arrived is None

    def _add(self, start, n):
        """Working day n from `start`, counted as "from receipt" periods are (the count_from setting)."""
        return self.cal.add_workdays(start, n, count_from=self.settings.count_from)

    # one method per kind

    def _received(self, event):
        if self.received is not None:
            raise ClockError(_("The receipt is already confirmed (%(date)s).") % {"date": self.received.isoformat()},
                             event=event)
        self.received = self.start = event.day
        self.lines.append(_("Received on %(date)s (%(weekday)s): reply within %(days)s working days, "
                            "%(convention)s; a correction notice must be sent by %(limit)s.") % {
            "date": event.day.isoformat(), "weekday": _weekday(event.day), "days": REPLY_DAYS,
            "convention": _convention(self.settings.count_from), "limit": self.correction_limit().isoformat()})

    def correction_limit(self):
        return self._add(self.received, CORRECTION_NOTICE_DAYS)

    def _correction_requested(self, event):
        if self.correction is not None:
            raise ClockError(_("Only one correction notice is allowed per application (Art 30); one went out on "
                               "%(date)s.") % {"date": self.correction.requested.isoformat()}, event=event)
        if self.events_since_receipt:
            raise ClockError(_("The correction notice must come before any consultation, extension, fee notice "
                               "or Art 35 deadline: it restarts the period."), event=event)
        limit = self.correction_limit()
        if event.day > limit:
            raise ClockError(_("The correction notice must be sent within %(n)s working days of receipt, by "
                               "%(limit)s; %(day)s is too late.") % {
                "n": CORRECTION_NOTICE_DAYS, "limit": limit.isoformat(), "day": event.day.isoformat()}, event=event)
        notice_received = self._received_on(event)
        due = self._add(notice_received, self.settings.correction_days)
        self.correction = _Correction(requested=event.day, due=due)
        self.lines.append(_("Correction notice sent on %(date)s: the period that began on %(start)s ends; the "
                            "applicant must correct by %(due)s (%(n)s working days from %(notice)s).") % {
            "date": event.day.isoformat(), "start": self.start.isoformat(), "due": due.isoformat(),
            "n": self.settings.correction_days, "notice": notice_received.isoformat()})

    def _correction_received(self, event):
        if not self.awaiting_correction:
            raise ClockError(_("No correction notice is waiting for an answer."), event=event)
        self.correction.arrived = self.start = event.day
        line = _("Correction received on %(date)s (%(weekday)s): the period restarts, %(days)s working days "
                 "from that day.") % {"date": event.day.isoformat(), "weekday": _weekday(event.day),
                                      "days": REPLY_DAYS}
        if event.day > self.correction.due:
            line += " " + _("It arrived after the correction deadline %(due)s and was accepted.") % {
                "due": self.correction.due.isoformat()}
        self.lines.append(line)

    def _consultation_sent(self, event):
        self._require_running(event)
        if any(p.ref == event.ref for p in self._open_consultations()):
            raise ClockError(_("A consultation named %(ref)r is already open: give each one its own name.")
                             % {"ref": event.ref}, event=event)
        consultee_received = self._received_on(event)
        answer_due = self._add(consultee_received, CONSULTATION_DAYS)
        first = event.day + ONE_DAY if self.settings.consultation_pause_starts == CountFrom.NEXT_DAY else event.day
        pause = _PauseSpan(Pause.CONSULTATION, event.ref, event.day, first, bound=answer_due)
        self.pauses.append(pause)
        self.lines.append(_("Consultation sent on %(date)s%(ref)s; the answer is due by %(due)s (%(n)s working "
                            "days from its receipt on %(received)s).") % {
            "date": event.day.isoformat(), "ref": f" ({event.ref})" if event.ref else "", "due": answer_due.isoformat(),
            "n": CONSULTATION_DAYS, "received": consultee_received.isoformat()})

    def _open_consultations(self):
        return [p for p in self.pauses if p.kind == Pause.CONSULTATION and p.last is None]

    def _answered_consultation(self, event):
        candidates = [p for p in self._open_consultations() if not event.ref or p.ref == event.ref]
        if not candidates:
            raise ClockError(_("No open consultation%(ref)s to close.") % {
                "ref": f" {event.ref!r}" if event.ref else ""}, event=event)
        if len(candidates) > 1:
            raise ClockError(_("Several consultations are open: say which one this is (ref)."), event=event)
        return candidates[0]

    def _consultation_answered(self, event):
        pause = self._answered_consultation(event)
        # The wait ends with the answer or with the 15th working day, whichever comes first.
        pause.last = min(event.day, pause.bound)
        line = _("Answer to the %(what)s received on %(date)s.") % {"what": pause.label(), "date": event.day.isoformat()}
        if event.day > pause.bound:
            line += " " + _("It came after its due date %(due)s: only the time up to then is excluded.") % {
                "due": pause.bound.isoformat()}
        self.lines.append(line)

    def _consultation_lapsed(self, event):
        pause = self._answered_consultation(event)
        if event.day <= pause.bound:
            raise ClockError(_("The consultee has until %(due)s to answer; the consultation cannot lapse on "
                               "%(day)s.") % {"due": pause.bound.isoformat(), "day": event.day.isoformat()},
                             event=event)
        pause.last = pause.bound
        self.lines.append(_("No answer to the %(what)s by %(due)s: it lapsed and the agency decides.") % {
            "what": pause.label(), "due": pause.bound.isoformat()})

    def _extended(self, event):
        self._require_running(event)
        if self.extension:
            raise ClockError(_("The period was already extended once (by %(n)s working days).")
                             % {"n": self.extension}, event=event)
        if self.deadline_set is not None:
            raise ClockError(_("The deadline was set under Art 35; set a new date instead of extending."),
                             event=event)
        limit = self.settings.max_extension_days
        if isinstance(event.value, bool) or not isinstance(event.value, int) or not 1 <= event.value <= limit:
            raise ClockError(_("An extension is a whole number of working days from 1 to %(max)s.") % {"max": limit},
                             event=event)
        due = self.walk(as_of=event.day).due
        if due is not None and event.day > due:
            raise ClockError(_("An extension must be approved and notified no later than the deadline %(due)s; "
                               "%(day)s is too late.") % {"due": due.isoformat(), "day": event.day.isoformat()},
                             event=event)
        self.extension = event.value
        self.lines.append(_("Extended on %(date)s by %(n)s working days (approved by the head of the disclosure "
                            "office, applicant notified).") % {"date": event.day.isoformat(), "n": event.value})

    def _fee_notice_sent(self, event):
        self._require_running(event)
        if self.fee is not None:
            raise ClockError(_("A fee notice already went out on %(date)s.") % {"date": self.fee.sent.isoformat()},
                             event=event)
        notice_received = self._received_on(event)
        payment_due = self.cal.add_workdays(notice_received, FEE_PAYMENT_DAYS, count_from=CountFrom.NEXT_DAY)
        self.fee = _Fee(sent=event.day, payment_due=payment_due)
        line = _("Fee notice sent on %(date)s; payment is due by %(due)s (%(n)s working days from the day after "
                 "the notice was received on %(received)s).") % {
            "date": event.day.isoformat(), "due": payment_due.isoformat(), "n": FEE_PAYMENT_DAYS,
            "received": notice_received.isoformat()}
        if self.settings.fee_pause:
            first = event.day if self.settings.fee_pause_starts == CountFrom.SAME_DAY else event.day + ONE_DAY
            self.pauses.append(_PauseSpan(Pause.FEE, "", event.day, first, bound=None))
        else:
            line += " " + _("The fee does not pause the reply period (setting).")
        self.lines.append(line)

    def _fee_paid(self, event):
        if self.fee is None or self.fee.paid is not None:
            raise ClockError(_("No unpaid fee notice to settle."), event=event)
        self.fee.paid = event.day
        for pause in self.pauses:
            if pause.kind == Pause.FEE:
                pause.last = event.day
        line = _("Fee paid on %(date)s.") % {"date": event.day.isoformat()}
        if event.day > self.fee.payment_due:
            line += " " + _("Payment came after its due date %(due)s and was accepted.") % {
                "due": self.fee.payment_due.isoformat()}
        self.lines.append(line)

    def _deadline_set(self, event):
        self._require_running(event)
        if not _is_date(event.value):
            raise ClockError(_("An Art 35 deadline needs the new date as its value."), event=event)
        if not event.note.strip():
            raise ClockError(_("An Art 35 deadline needs the reason in its note."), event=event)
        due = self.walk(as_of=event.day).due
        floor = max(d for d in (event.day, due) if d is not None)
        if event.value <= floor:
            raise ClockError(_("An Art 35 deadline must be later than %(floor)s.") % {"floor": floor.isoformat()},
                             event=event)
        self.deadline_set = event.value
        self.lines.append(_("On %(date)s the deadline was set to %(deadline)s under Art 35 (%(reason)s); it replaces "
                            "the computed date, and later pauses do not move it.") % {
            "date": event.day.isoformat(), "deadline": event.value.isoformat(), "reason": event.note.strip()})

    def _replied(self, event):
        self.replied = event.day

    # the period as computed from the pauses

    def runs(self, as_of):
        """The pauses of the current period merged into stretches of excluded days, in order."""
        spans = []
        for pause in self.pauses:  # all in the current period: a 补正 notice must precede any pause
            last = pause.last_as_of(as_of)
            if last is None or last >= pause.first:  # an answer on the sending day excludes nothing
                spans.append((pause.first, last, pause))
        runs = []
        for first, last, pause in sorted(spans, key=lambda s: s[0]):
            previous = runs[-1] if runs else None
            if previous and (previous.last is None or first <= previous.last + ONE_DAY):
                previous.last = None if previous.last is None or last is None else max(previous.last, last)
                previous.pauses.append(pause)
            else:
                runs.append(_Run(first, last, [pause]))
        return runs

    def walk(self, as_of):
        if self.deadline_set is not None:
            runs = [r for r in self.runs(as_of) if r.first <= self.deadline_set]
            open_run = next((r for r in runs if r.last is None), None)
            return _Walk(self.deadline_set, runs, open_run)
        return _walk(self.cal, self.start, self.settings.count_from, REPLY_DAYS + self.extension, self.runs(as_of))

    # the result

    def state(self, today):
        as_of = self.replied or today or self.last_day  # how far unanswered consultations may have lapsed
        walk = None if self.awaiting_correction else self.walk(as_of)
        until = self.replied or today
        pending = self._pending(walk)
        usage = self._usage(walk, until)
        due = walk.due if walk else None
        abandoned = self._abandoned(today)
        lines = [*self.lines, *self._span_lines(walk, as_of), *self._calendar_lines(walk, as_of),
                 *self._outcome_lines(walk, until, usage, abandoned)]
        return ClockState(
            received=self.received, period_start=self.start, due=due,
            paused=pending["reason"] != "", paused_since=pending["since"], pause_reason=pending["reason"],
            budget=REPLY_DAYS + self.extension, extension=self.extension, deadline_set=self.deadline_set,
            correction_notice_due=self._correction_notice_due(),
            correction_due=self.correction.due if self.awaiting_correction else None,
            consultations=tuple(PendingConsultation(p.ref, p.sent, p.bound) for p in self._open_consultations()
                                if p.last_as_of(as_of) is None),
            fee_payment_due=self.fee.payment_due if self.fee and self.fee.paid is None else None,
            excluded=tuple(self._span(run, as_of) for run in walk.effective) if walk else (),
            today=today, workdays_used=usage[0], workdays_left=usage[1],
            overdue=None if today is None or self.replied else (due is not None and today > due),
            replied_on=self.replied, late=None if self.replied is None else (due is not None and self.replied > due),
            abandoned_as=abandoned, explanation=lines,
        )

    def _pending(self, walk):
        if self.awaiting_correction:
            return {"reason": Pause.CORRECTION, "since": self.correction.requested}
        if walk.open_run is not None:
            return {"reason": walk.open_run.pauses[0].kind, "since": walk.open_run.first}
        return {"reason": "", "since": None}

    def _correction_notice_due(self):
        still_possible = self.correction is None and not self.events_since_receipt and self.replied is None
        return self.correction_limit() if still_possible else None

    def _usage(self, walk, until):
        """(working days used, left) on `until`; None while waiting for a correction or without a day."""
        if walk is None or until is None:
            return None, None
        used = _counted_until(self.cal, self.start, self.settings.count_from, walk.effective, until)
        if self.deadline_set is not None:
            return used, self.cal.count_workdays(until, self.deadline_set)
        return used, REPLY_DAYS + self.extension - used

    def _abandoned(self, today):
        if today is None or self.replied is not None:
            return None
        if self.awaiting_correction and today > self.correction.due:
            return NO_CORRECTION
        if self.fee is not None and self.fee.paid is None and today > self.fee.payment_due:
            return FEE_UNPAID
        return None

    def _span(self, run, as_of):
        end = run.last if run.last is not None else as_of
        return ExcludedSpan(run.first, run.last, _workdays_between(self.cal, run.first, end),
                            tuple(p.label() for p in run.pauses))

    def _span_lines(self, walk, as_of):
        if walk is None:
            return []
        lines = []
        for run in walk.effective:
            span = self._span(run, as_of)
            values = {"first": span.first.isoformat(), "last": span.last.isoformat() if span.last else "",
                      "n": span.workdays, "reasons": "; ".join(span.reasons)}
            if self.deadline_set is not None:
                lines.append(_("Paused from %(first)s to %(last)s, %(n)s working days (%(reasons)s); the Art 35 "
                               "deadline stays.") % values if span.last else
                             _("Paused since %(first)s (%(reasons)s); the Art 35 deadline stays.") % values)
            elif span.last:
                lines.append(_("Excluded from the period: %(first)s to %(last)s, %(n)s working days (%(reasons)s).")
                             % values)
            else:
                lines.append(_("Paused since %(first)s (%(reasons)s): %(n)s working days excluded so far; the due "
                               "date is known once the pause ends.") % values)
        effective = {id(p) for run in walk.effective for p in run.pauses}
        for pause in self.pauses:
            last = pause.last_as_of(as_of)
            if pause.last is None and last is not None:
                lines.append(_("No answer to the %(what)s by %(due)s: it lapsed and the agency decides.") % {
                    "what": pause.label(), "due": last.isoformat()})
            if id(pause) not in effective and (last is None or last >= pause.first):
                lines.append(_("The %(what)s came after the due date %(due)s: no time is excluded.") % {
                    "what": pause.label(), "due": walk.due.isoformat()})
        return lines

    def _calendar_lines(self, walk, as_of):
        """Holidays and make-up working days between the period's start and its end (or `as_of`)."""
        end = walk.due if walk and walk.due else as_of
        if walk is None or end is None or end <= self.start:
            return []
        holidays, makeup = _special_days(self.cal, self.start + ONE_DAY, end)
        lines = []
        if holidays:
            lines.append(_("Holidays passed: %(list)s.") % {"list": "; ".join(holidays)})
        if makeup:
            lines.append(_("Make-up working days counted as working days: %(list)s.") % {"list": "; ".join(makeup)})
        return lines

    def _outcome_lines(self, walk, until, usage, abandoned):
        lines = []
        if walk is not None and walk.due is not None:
            lines.append(self._due_line(walk))
        if self.replied is not None:
            due = walk.due if walk else None
            if due is not None and self.replied > due:
                lines.append(_("Replied on %(date)s, %(n)s working days after the due date.") % {
                    "date": self.replied.isoformat(), "n": self.cal.count_workdays(due, self.replied)})
            else:
                lines.append(_("Replied on %(date)s, in time.") % {"date": self.replied.isoformat()})
        elif usage[0] is not None:
            if usage[1] >= 0:
                lines.append(_("On %(today)s: %(used)s working days used, %(left)s left.") % {
                    "today": until.isoformat(), "used": usage[0], "left": usage[1]})
            else:
                lines.append(_("On %(today)s: overdue by %(n)s working days.") % {
                    "today": until.isoformat(), "n": -usage[1]})
        if abandoned == NO_CORRECTION:
            lines.append(_("No correction arrived by %(due)s: close the case as not corrected in time (other "
                           "handling, row 1).") % {"due": self.correction.due.isoformat()})
        elif abandoned == FEE_UNPAID:
            lines.append(_("No payment by %(due)s: close the case as fee unpaid (other handling, row 2).") % {
                "due": self.fee.payment_due.isoformat()})
        return lines

    def _due_line(self, walk):
        values = {"date": walk.due.isoformat(), "weekday": _weekday(walk.due), "start": self.start.isoformat(),
                  "days": REPLY_DAYS, "extension": self.extension,
                  "excluded": sum(_workdays_between(self.cal, r.first, r.last) for r in walk.effective)}
        if self.deadline_set is not None:
            return _("Reply due on %(date)s (%(weekday)s), the date set under Art 35.") % values
        if self.extension:
            return _("Reply due on %(date)s (%(weekday)s): %(days)s + %(extension)s working days from %(start)s, "
                     "not counting %(excluded)s excluded working days.") % values
        return _("Reply due on %(date)s (%(weekday)s): %(days)s working days from %(start)s, not counting "
                 "%(excluded)s excluded working days.") % values


# --- counting over a period with excluded stretches ----------------------------------------------

def _walk(calendar, start, count_from, budget, runs):
    """Spend `budget` working days after `start`, skipping the runs; stop at an open run."""
    remaining, effective = budget, []
    if count_from == CountFrom.SAME_DAY and calendar.is_workday(start) and not _covers(runs, start):
        remaining -= 1  # the start day itself is working day 1
        if remaining == 0:
            return _Walk(start, [], None)
    cursor = start  # the last day already accounted for
    for run in runs:
        if run.first > cursor:
            available = calendar.count_workdays(cursor, run.first - ONE_DAY)
            if remaining <= available:
                break  # the period ends before this pause: it moves nothing
            remaining -= available
        effective.append(run)
        if run.last is None:
            return _Walk(None, effective, run)
        cursor = max(cursor, run.last)
    return _Walk(calendar.add_workdays(cursor, remaining), effective, None)


def _counted_until(calendar, start, count_from, runs, until):
    """Working days of the period from its start up to `until`, outside the runs."""
    total = 0
    if count_from == CountFrom.SAME_DAY and until >= start and calendar.is_workday(start) and not _covers(runs, start):
        total = 1
    cursor = start
    for run in runs:
        if run.first > until:
            break
        if run.first > cursor:
            total += calendar.count_workdays(cursor, run.first - ONE_DAY)
        if run.last is None or run.last >= until:
            return total
        cursor = max(cursor, run.last)
    if until > cursor:
        total += calendar.count_workdays(cursor, until)
    return total


def _covers(runs, day):
    return any(r.first <= day and (r.last is None or day <= r.last) for r in runs)


def _workdays_between(calendar, first, last):
    """Working days d with first <= d <= last."""
    if last is None or last < first:
        return 0
    return calendar.count_workdays(first, last) + (1 if calendar.is_workday(first) else 0)


def _special_days(calendar, first, last):
    """Holiday blocks ("国庆节 2021-10-01–2021-10-07") and make-up days between first and last."""
    blocks, makeup = [], []
    day = first
    while day <= last:
        kind, name = calendar.day_kind(day)
        if kind == DayKind.HOLIDAY:
            if blocks and blocks[-1][0] == name and blocks[-1][2] == day - ONE_DAY:
                blocks[-1][2] = day
            else:
                blocks.append([name, day, day])
        elif kind == DayKind.MAKEUP_WORKDAY:
            makeup.append(f"{day.isoformat()} ({name})" if name else day.isoformat())
        day += ONE_DAY
    holidays = [f"{name or _('holiday')} {a.isoformat()}–{b.isoformat()}" if a != b else
                f"{name or _('holiday')} {a.isoformat()}" for name, a, b in blocks]
    return holidays, makeup


def _is_date(value):
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def _weekday(day):
    return str(WEEKDAYS[day.weekday()])


def _convention(count_from):
    if count_from == CountFrom.SAME_DAY:
        return _("the day itself counting as day 1 when it is a working day")
    return _("counting from the next day")
