"""Unmasked personal data in text about to be published: identity numbers and mobile numbers.

Inspections (政务公开第三方评估) penalise a published page that shows a resident identity number or a
mobile number in full. `scan` finds them; `mask_all` masks them (the "mask them" button). Numbers
already masked (210102********1234, 138****5678, with *, ＊ or ×) are not findings.

A finding never carries the raw number into what is shown: `masked` and `context` are masked, and
only `text` (for the code that masks) holds the number itself.

Full-width digits (０-９) count as digits. The scan runs on a copy of the text where full-width
characters are mapped one to one onto ASCII, so every position found is a position in the original.
On HTML, the characters inside tags are blanked out of that copy, so a number is never found (or
masked) inside a tag or an attribute, and masking never changes markup.
"""

import datetime
import html
import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .sanitising import is_html

ID_NUMBER = "id_number"
MOBILE = "mobile"

KIND_LABELS = {
    ID_NUMBER: _("Identity number"),
    MOBILE: _("Mobile number"),
}

MASK = "*"
CONTEXT_CHARS = 20

# One character for one character, so positions in the copy are positions in the original.
_NORMALISE = str.maketrans("０１２３４５６７８９Ｘｘ－＋\u3000", "0123456789Xx-+ ")

# The province-level codes (GB/T 2260) an identity number starts with; 81/82/83 are the residence
# permits of Hong Kong, Macao and Taiwan residents, which have the same form.
_PROVINCES = {
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
    "71", "81", "82", "83",
}
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"

# Not part of a longer run of digits: an account number holds many 11- and 18-digit runs.
_ID_18 = re.compile(r"(?<!\d)\d{17}[\dXx](?![\dXx])")
_ID_15 = re.compile(r"(?<!\d)\d{15}(?![\dXx])")
# 13812345678, 138-1234-5678, 138 1234 5678, +86 138 1234 5678, 8613812345678.
_MOBILE = re.compile(
    r"(?<!\d)(?<!\d-)(?:(?:\+|00)?86[- ]?)?"
    r"(1[3-9]\d(?P<sep>[- ]?)\d{4}(?P=sep)\d{4})"
    r"(?!\d)(?!-\d)"
)
_TAG = re.compile(r"<!--.*?-->|<[a-zA-Z/!?][^<>]*>", re.DOTALL)


@dataclass(frozen=True)
class Finding:
    kind: str  # ID_NUMBER or MOBILE
    text: str  # the number as it stands in the text (never show it)
    masked: str  # the same with the middle digits replaced by *
    context: str  # the text around it, with every finding in it masked
    start: int  # position in the scanned text
    end: int

    @property
    def label(self):
        return KIND_LABELS[self.kind]


def id_check_char(first17):
    """The GB 11643 check character (0-9 or X) of the first 17 digits of an identity number."""
    return _CHECK_CHARS[sum(int(d) * w for d, w in zip(first17, _WEIGHTS)) % 11]


def _birth_date_valid(year, month, day):
    try:
        born = datetime.date(year, month, day)
    except ValueError:
        return False
    return datetime.date(1900, 1, 1) <= born <= datetime.date.today()


def is_id_number(number):
    """Whether `number` (ASCII digits) is a plausible resident identity number, 18 or 15 digits."""
    if number[:2] not in _PROVINCES:
        return False
    if len(number) == 18:
        return (
            number[:17].isdigit()
            and _birth_date_valid(int(number[6:10]), int(number[10:12]), int(number[12:14]))
            and id_check_char(number[:17]) == number[17].upper()
        )
    if len(number) == 15:  # the form before 1999: a two-digit year of the 1900s and no check digit
        return number.isdigit() and _birth_date_valid(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))
    return False


def _mask_digits(text, keep_first, keep_last):
    """`text` with its digits masked except the first and last few; other characters stay as they are."""
    digits = [i for i, ch in enumerate(text.translate(_NORMALISE)) if ch.isdigit() or ch in "Xx"]
    hidden = set(digits[keep_first:len(digits) - keep_last])
    return "".join(MASK if i in hidden else ch for i, ch in enumerate(text))


def _searchable(text):
    """The copy that is searched: ASCII digits, and on HTML every tag blanked out (same length)."""
    copy = text.translate(_NORMALISE)
    if is_html(text):
        copy = _TAG.sub(lambda m: "\x00" * len(m.group()), copy)
    return copy


def _spans(text):
    """(kind, start, end, masked) of every unmasked number, in order, without overlaps."""
    copy = _searchable(text)
    found = []
    for pattern in (_ID_18, _ID_15):
        for m in pattern.finditer(copy):
            if is_id_number(m.group()):
                found.append((ID_NUMBER, m.start(), m.end(), _mask_digits(text[m.start():m.end()], 6, 4)))
    for m in _MOBILE.finditer(copy):
        # The +86 prefix stays readable; the mobile number itself keeps its first 3 and last 4 digits.
        start = m.start(1)
        masked = text[m.start():start] + _mask_digits(text[start:m.end()], 3, 4)
        found.append((MOBILE, m.start(), m.end(), masked))
    found.sort(key=lambda f: (f[1], -f[2]))
    kept, last_end = [], -1
    for span in found:
        if span[1] >= last_end:
            kept.append(span)
            last_end = span[2]
    return kept


def _apply(text, spans):
    parts, position = [], 0
    for _kind, start, end, masked in spans:
        parts += [text[position:start], masked]
        position = end
    parts.append(text[position:])
    return "".join(parts)


def _context(masked_text, copy, start, end, html_input):
    left, right = max(0, start - CONTEXT_CHARS), min(len(masked_text), end + CONTEXT_CHARS)
    snippet = "".join(" " if c == "\x00" else m for m, c in zip(masked_text[left:right], copy[left:right]))
    if html_input:
        snippet = html.unescape(snippet)
    snippet = re.sub(r"\s+", " ", snippet).strip()
    return ("…" if left > 0 else "") + snippet + ("…" if right < len(masked_text) else "")


def scan(text):
    """Every unmasked identity or mobile number in `text` (plain text or HTML), as Findings in order."""
    if not text:
        return []
    spans = _spans(text)
    if not spans:
        return []
    # Masking keeps the length, so the masked text has the findings where the original has them.
    masked_text, copy, html_input = _apply(text, spans), _searchable(text), is_html(text)
    return [
        Finding(kind=kind, text=text[start:end], masked=masked, start=start, end=end,
                context=_context(masked_text, copy, start, end, html_input))
        for kind, start, end, masked in spans
    ]


def mask_all(text):
    """`text` with every finding replaced by its masked form; on HTML only text between tags changes."""
    if not text:
        return text or ""
    return _apply(text, _spans(text))
