"""Bulletin numbers (文号) as official documents write them: the issuing organ's code (发文机关代字), the
year in 〔〕 and the sequence — 沈政办通〔2021〕3号. The organ's code is the office's setting (the
thresholds page); a bare 〔2021〕3号 says nothing of who issued it and is refused.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

NUMBER = re.compile(r"^(?P<prefix>.*)〔(?P<year>\d{4})〕(?P<sequence>\d+)号$")


def configured_prefix():
    from gongkai.supervision.models import LightSettings  # the office's document settings

    return LightSettings.current().bulletin_number_prefix


def compose(prefix, year, sequence):
    return f"{prefix}〔{year}〕{sequence}号"


def next_number(year, prefix=None):
    """The number the next bulletin of `year` would carry: one more than the highest used with the prefix."""
    from .models import Bulletin

    prefix = configured_prefix() if prefix is None else prefix
    used = [int(match["sequence"]) for match in map(NUMBER.match, Bulletin.objects.filter(
        number__startswith=f"{prefix}〔{year}〕").values_list("number", flat=True)) if match]
    return compose(prefix, year, max(used, default=0) + 1)


def check_number(number):
    """Refuse a number that opens with 〔: the organ's code is missing."""
    if number and number.startswith("〔"):
        match = NUMBER.match(number)
        example = compose(configured_prefix(), *(match.group("year", "sequence") if match else ("2021", "3")))
        raise ValidationError(_("Begin the document number with the issuing organ's code, e.g. %(example)s.")
                              % {"example": example})
