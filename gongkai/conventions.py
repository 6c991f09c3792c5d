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
    label: str
    rule: str  # where rules.md discusses it
    choices: tuple = ()  # the allowed values of a text setting
    parse: object = str

    def value(self):
        from django.conf import settings

        return getattr(settings, self.name, self.default)

    def read(self, text):
        """The value of an environment string; ValueError with the reason when it is not one."""
        value = self.parse(text.strip())
        if self.choices and value not in self.choices:
            raise ValueError(f"expected one of {', '.join(self.choices)}")
        return value


CONVENTIONS = (
    Convention("GONGKAI_WORKDAYS_FOLLOW_MAKEUP_DAYS", True, parse=parse_bool, rule="§1.1",
               label=_("Make-up weekend days of the State Council notice (调休) are working days")),
    Convention("GONGKAI_FOI_COUNT_FROM", "next_day", choices=("next_day", "same_day"), rule="§1.3",
               label=_("Working day 1 of a period: the day after receipt (next_day) or the day itself (same_day)")),
    Convention("GONGKAI_FOI_CORRECTION_DAYS", 15, parse=parse_workdays, rule="§2.4",
               label=_("Working days the applicant is given to correct an application (补正)")),
    Convention("GONGKAI_FOI_CONSULTATION_PAUSE_STARTS", "next_day", choices=("next_day", "same_day"), rule="§2.6",
               label=_("A consultation pauses the clock from the day after it is sent (next_day) or that day")),
    Convention("GONGKAI_FOI_FEE_PAUSE", True, parse=parse_bool, rule="§2.6, §3.3",
               label=_("A fee notice pauses the clock until payment")),
    Convention("GONGKAI_FOI_FEE_PAUSE_STARTS", "same_day", choices=("next_day", "same_day"), rule="§3.3",
               label=_("The fee pause starts on the day the notice is sent (same_day) or the day after")),
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
