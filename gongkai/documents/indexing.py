"""The office's settings of proactive disclosure: the 索引号 pattern (checked before it is stored, so
publishing never meets a pattern it cannot format) and the staleness and expiry-warning periods.

`validate_index_pattern` is what numbering.next_index_number relies on: a stored pattern formats with
code (a string), year and seq (numbers), and gives a number that fits Document.index_number.
"""

import string

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.events.services import record
from gongkai.orgs.models import Unit

from .models import Document, DocumentSettings

KNOWN_FIELDS = ("code", "year", "seq")
MAX_WIDTH = 20  # a wider field would only pad; a width of a billion would fill the memory
SAMPLE_CODE = "21010000000"  # when no unit has a code yet
INDEX_NUMBER_LENGTH = Document._meta.get_field("index_number").max_length
PATTERN_LENGTH = DocumentSettings._meta.get_field("index_pattern").max_length

# name: (smallest, largest) — days
PERIODS = {
    "news_update_days": (1, 366),
    "policy_update_days": (1, 3660),
    "long_stale_days": (1, 3660),
    "expiry_warning_days": (1, 366),
}
SETTINGS_FIELDS = ("index_pattern", *PERIODS)
SAMPLE_VALUES = {"code": SAMPLE_CODE, "year": 2026, "seq": 1}
FORMAT_HINTS = {
    "code": gettext_lazy("the unit's code is text; write {code} as it is, or e.g. {code:>11} to right-align it."),
    "year": gettext_lazy("the year is a number; write {year} as it is."),
    "seq": gettext_lazy("the running number is a number; e.g. {seq:05d} gives five digits (00001)."),
}


def _known_fields():
    return "、".join("{" + name + "}" for name in KNOWN_FIELDS)


def _spec_too_wide(spec):
    digits = "".join(c if c.isdigit() else " " for c in spec).split()
    return any(int(number) > MAX_WIDTH for number in digits)


def validate_index_pattern(pattern):
    """Raise ValidationError (Chinese messages) unless `pattern` makes usable 索引号: it holds {seq}, only
    the known fields {code} {year} {seq}, format specs that fit them, and gives a number that fits."""
    pattern = str(pattern or "").strip()
    if not pattern:
        raise ValidationError(_("The index number pattern must not be empty."))
    if len(pattern) > PATTERN_LENGTH:
        raise ValidationError(_("The index number pattern has at most %(limit)d characters.")
                              % {"limit": PATTERN_LENGTH})
    try:
        parts = list(string.Formatter().parse(pattern))
    except ValueError:
        raise ValidationError(_("The braces of the pattern do not match: write each field as {seq}; a brace as "
                                "text is doubled ({{ or }}).")) from None
    problems, names = [], set()
    for _text, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in KNOWN_FIELDS:
            problems.append(_("The pattern names an unknown field {%(name)s}; use only %(known)s.")
                            % {"name": name, "known": _known_fields()})
            continue
        names.add(name)
        if conversion:
            problems.append(_("The field {%(name)s} cannot take a conversion (!%(conversion)s).")
                            % {"name": name, "conversion": conversion})
        if "{" in (spec or ""):
            problems.append(_("The field {%(name)s} cannot hold another field.") % {"name": name})
        elif spec and _spec_too_wide(spec):
            problems.append(_("The field {%(name)s} is wider than %(limit)d characters.")
                            % {"name": name, "limit": MAX_WIDTH})
        elif spec and not _formats(name, spec):
            problems.append(_("The format “%(spec)s” does not fit the field {%(name)s}: %(hint)s")
                            % {"spec": spec, "name": name, "hint": FORMAT_HINTS[name]})
    if "seq" not in names and not problems:
        problems.append(_("The pattern must contain {seq}, the unit's running number of the year; without it "
                          "every document of a unit would get the same number."))
    if problems:
        raise ValidationError(problems)
    if len(format_sample(pattern, seq=99999)) > INDEX_NUMBER_LENGTH:
        raise ValidationError(_("The pattern gives numbers longer than %(limit)d characters.")
                              % {"limit": INDEX_NUMBER_LENGTH})


def _formats(name, spec):
    """Whether the format spec works on the field's value as numbering passes it (code a string, the others
    numbers)."""
    try:
        format(SAMPLE_VALUES[name], spec)
    except (ValueError, TypeError):
        return False
    return True


def sample_code():
    code = Unit.objects.active().exclude(code="").order_by("code").values_list("code", flat=True).first()
    return code or SAMPLE_CODE


def format_sample(pattern, *, seq=1):
    """The pattern filled for a sample unit, this year and running number `seq` (as numbering fills it)."""
    return pattern.format(code=sample_code(), year=timezone.localdate().year, seq=seq)


def example_index_number(pattern):
    """例：21010000000/2026-00001 for a valid pattern, "" for one that is not."""
    try:
        validate_index_pattern(pattern)
    except ValidationError:
        return ""
    return format_sample(str(pattern).strip())


@transaction.atomic
def update_settings(*, actor, **values):
    """The office changes the 索引号 pattern or a period; unknown names and bad values are refused."""
    if actor is not None and not (getattr(actor, "is_authenticated", False) and actor.is_office_admin):
        raise PermissionDenied(_("Only the disclosure office changes the settings of proactive disclosure."))
    unknown = set(values) - set(SETTINGS_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown settings: %(names)s") % {"names": ", ".join(sorted(unknown))})
    problems = {}
    if "index_pattern" in values:
        values["index_pattern"] = str(values["index_pattern"] or "").strip()
        try:
            validate_index_pattern(values["index_pattern"])
        except ValidationError as error:
            problems["index_pattern"] = error.messages
    for name, (low, high) in PERIODS.items():
        if name in values and not (isinstance(values[name], int) and low <= values[name] <= high):
            problems[name] = _("A whole number of days from %(low)d to %(high)d.") % {"low": low, "high": high}
    if problems:
        raise ValidationError(problems)
    DocumentSettings.current()
    row = DocumentSettings.objects.select_for_update().get(pk=1)
    changes = {}
    for name, value in values.items():
        if getattr(row, name) != value:
            changes[name] = {"from": getattr(row, name), "to": value}
            setattr(row, name, value)
    if changes:
        row.updated_by = actor
        row.save()
        record(actor=actor, verb="documents.settings_changed", subject=row, data={"changes": changes})
    return row
