"""The conventions rules.md marks "unconfirmed — make configurable": no text settles them, so each is a
setting with the default rules.md gives, shown to the disclosure office on /conventions/.

Each is a Django setting of the same name and may be set in the environment like every other
GONGKAI_* variable; settings.py reads them through `from_environment`, so a bad value stops the
start with a message naming the variable instead of surfacing later as a wrong deadline.

This module must stay importable from settings.py: nothing here touches the database or apps.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

TRUE, FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def parse_bool(text):
    value = text.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ValueError(f"expected one of {', '.join(TRUE + FALSE)}")


def parse_workdays(text):
    value = int(text)
    if not 1 <= value <= 60:
        raise ValueError("expected a number of working days from 1 to 60")
    return value


@dataclass(frozen=True)
class Convention:
    name: str  # the setting and environment variable
    default: object
    label: str  # what it settles, in plain words (the staff page shows the variable only as a detail)
    rule: str  # where rules.md discusses it
    choices: tuple = ()  # (value, what it means) of a text setting
    parse: object = str

    def value(self):
        from django.conf import settings

        return getattr(settings, self.name, self.default)

    @property
    def values(self):
        return tuple(value for value, _meaning in self.choices)

    def read(self, text):
        """The value of an environment string; ValueError with the reason when it is not one."""
        value = self.parse(text.strip())
        if self.choices and value not in self.values:
            raise ValueError(f"expected one of {', '.join(self.values)}")
        return value

    def describe(self, value):
        """`value` in words: yes or no, the meaning of a choice, or the number itself."""
        if value is True or value is False:
            return _("yes") if value else _("no")
        return dict(self.choices).get(value, value)


NEXT_DAY, SAME_DAY = "next_day", "same_day"
CONVENTIONS = (
    Convention("GONGKAI_WORKDAYS_FOLLOW_MAKEUP_DAYS", True, parse=parse_bool, rule="§1.1",
               label=_("Make-up weekend days of the State Council notice (调休) are working days")),
    Convention("GONGKAI_FOI_COUNT_FROM", NEXT_DAY, rule="§1.3",
               choices=((NEXT_DAY, _("the day after receipt")), (SAME_DAY, _("the day of receipt itself"))),
               label=_("Working day 1 of a statutory period is")),
    Convention("GONGKAI_FOI_CORRECTION_DAYS", 15, parse=parse_workdays, rule="§2.4",
               label=_("Working days the applicant is given to correct an application (补正)")),
    Convention("GONGKAI_FOI_CONSULTATION_PAUSE_STARTS", NEXT_DAY, rule="§2.6",
               choices=((NEXT_DAY, _("the day after it is sent")), (SAME_DAY, _("the day it is sent"))),
               label=_("A consultation pauses the clock from")),
    Convention("GONGKAI_FOI_FEE_PAUSE", True, parse=parse_bool, rule="§2.6, §3.3",
               label=_("A fee notice pauses the clock until payment")),
    Convention("GONGKAI_FOI_FEE_PAUSE_STARTS", SAME_DAY, rule="§3.3",
               choices=((SAME_DAY, _("the day the notice is sent")), (NEXT_DAY, _("the day after the notice is sent"))),
               label=_("The fee pause starts on")),
    Convention("GONGKAI_FOI_FEE_WAIVERS", False, parse=parse_bool, rule="§3.3",
               label=_("Fees may be waived (with a recorded reason and approver)")),
)
BY_NAME = {convention.name: convention for convention in CONVENTIONS}


def from_environment(environ):
    """{setting: value} for the conventions set in `environ`; ValueError naming the variable otherwise."""
    values = {}
    for convention in CONVENTIONS:
        if convention.name in environ:
            try:
                values[convention.name] = convention.read(environ[convention.name])
            except ValueError as error:
                raise ValueError(f"{convention.name}={environ[convention.name]!r}: {error}") from error
    return values


def default(name):
    return BY_NAME[name].default


def follow_makeup_days():
    return BY_NAME["GONGKAI_WORKDAYS_FOLLOW_MAKEUP_DAYS"].value()
