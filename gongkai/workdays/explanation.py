"""What a computed deadline shows its reader: each day passed, whether it counted, and why."""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext


class DayKind(StrEnum):
    WORKDAY = "workday"  # Monday to Friday, no holiday
    MAKEUP_WORKDAY = "makeup_workday"  # a Saturday or Sunday the notice turns into a working day
    WEEKEND = "weekend"
    HOLIDAY = "holiday"

    @property
    def is_working(self):
        return self in (DayKind.WORKDAY, DayKind.MAKEUP_WORKDAY)


@dataclass(frozen=True)
class Step:
    date: object  # datetime.date
    kind: DayKind
    name: str  # the holiday's or make-up day's name from the notice, else ""
    number: int | None  # which working day of the count this is; None when not counted
    is_start: bool

    @property
    def weekday(self):
        return str(WEEKDAYS[self.date.weekday()])

    @property
    def reason(self):
        """Why this day counted or not, for the calculator's table."""
        if self.kind == DayKind.HOLIDAY:
            return gettext("holiday (%(name)s)") % {"name": self.name} if self.name else gettext("holiday")
        if self.kind == DayKind.MAKEUP_WORKDAY:
            label = gettext("make-up working day")
            return f"{label} ({self.name})" if self.name else label
        if self.kind == DayKind.WEEKEND:
            return gettext("weekend")
        return gettext("working day")

    def describe(self):
        """One line of reasoning, e.g. "2021-10-01 Friday: skipped, holiday (国庆节)"."""
        values = {"date": self.date.isoformat(), "weekday": self.weekday, "number": self.number, "name": self.name}
        if self.number is not None:
            if self.kind == DayKind.MAKEUP_WORKDAY:
                text = gettext("%(date)s %(weekday)s: working day %(number)s (make-up working day, %(name)s)")
            else:
                text = gettext("%(date)s %(weekday)s: working day %(number)s")
        elif self.is_start:
            text = gettext("%(date)s %(weekday)s: start date, not counted")
        elif self.kind == DayKind.HOLIDAY:
            text = gettext("%(date)s %(weekday)s: skipped, holiday (%(name)s)")
        elif self.kind == DayKind.WEEKEND:
            text = gettext("%(date)s %(weekday)s: skipped, weekend")
        else:  # only with n == 0, where the result itself is not numbered
            text = gettext("%(date)s %(weekday)s: working day")
        return text % values


@dataclass(frozen=True)
class Explanation:
    start: object  # datetime.date
    n: int
    count_from: str
    result: object  # datetime.date
    steps: tuple

    @property
    def skipped(self):
        """Days passed over without counting (weekends and holidays), the start date excluded."""
        return [s for s in self.steps if s.number is None and not s.is_start and not s.kind.is_working]

    @property
    def makeup_days_counted(self):
        return [s for s in self.steps if s.number is not None and s.kind == DayKind.MAKEUP_WORKDAY]

    def convention_text(self):
        if self.count_from == "same_day":
            return gettext("the start date counts as working day 1 when it is a working day")
        return gettext("counting starts the day after the start date")

    def lines(self):
        """The whole reasoning as text lines: the question, every day passed, the answer."""
        result_weekday = str(WEEKDAYS[self.result.weekday()])
        return [
            gettext("Working day %(n)s from %(start)s (%(convention)s):") % {
                "n": self.n, "start": self.start.isoformat(), "convention": self.convention_text(),
            },
            *(step.describe() for step in self.steps),
            gettext("Result: %(date)s %(weekday)s") % {"date": self.result.isoformat(), "weekday": result_weekday},
        ]
