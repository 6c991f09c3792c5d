"""Deadline expressions of Chinese work plans (完成时限): 9月底, 年底前, 第三季度, 持续推进, 每月 ...

Month and quarter expressions mean the *end* of that period in the plan year (rules.md §8:
"9月底" is the last day of September).
"""

import calendar
import datetime
import re
import unicodedata
from dataclasses import dataclass

KINDS = ("date", "ongoing", "recurring", "none")


@dataclass
class Deadline:
    text: str
    kind: str  # one of KINDS
    date: datetime.date | None = None
    rule: str | None = None  # "monthly" | "quarterly" | "half-yearly" | "yearly" when recurring
    # False when the text matched no known expression; the caller should warn about it.
    recognised: bool = True


_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_NUM = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
_YEAR = r"(?:(\d{4})年)?"
_BEFORE = r"(?:前|之前|以前)?"

_ONGOING = re.compile(r"(?:持续|长期|常态化)(?:推进|坚持|开展|进行|实施|落实)?")
_RECURRING = {"每月": "monthly", "每季度": "quarterly", "每半年": "half-yearly", "每年": "yearly"}
_RECURRING_RE = re.compile(r"(每月|每季度|每半年|每年)(?:底|末|初)?")
_FULL_NUMERIC = re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})" + _BEFORE)
_DAY = re.compile(_YEAR + _NUM + r"月" + _NUM + r"[日号]" + _BEFORE)
_MONTH_END = re.compile(_YEAR + _NUM + r"月(?:底|末|份)?" + _BEFORE)
_YEAR_END = re.compile(r"(\d{4})?年(?:底|末|内)" + _BEFORE + r"|全年")
_HALF = re.compile(_YEAR + r"(上|下)半年(?:底|末)?" + _BEFORE)
_QUARTER = re.compile(_YEAR + r"第?" + _NUM + r"季度(?:末|底)?" + _BEFORE)


def _number(token: str) -> int:
    if token.isdigit():
        return int(token)
    if len(token) == 1:
        return _NUMERALS[token]
    if "十" not in token:
        raise ValueError(token)
    # 十一, 十二, 三十一
    tens, _, ones = token.partition("十")
    return _NUMERALS.get(tens, 1) * 10 + _NUMERALS.get(ones, 0)


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _dated(text: str, year: int | None, build) -> Deadline:
    """Build a date with `build(year)`; raises ValueError when it does not exist (2月30日)."""
    if year is None:
        build(2000)  # still reject impossible dates; 2000 is a leap year, so 2月29日 passes
        return Deadline(text, "date")
    return Deadline(text, "date", build(year))


def _explicit_year(match: re.Match, year: int | None) -> int | None:
    return int(match.group(1)) if match.group(1) else year


def parse_deadline(text: str, year: int | None) -> Deadline:
    """Read one deadline cell. Unknown text keeps kind "none" with recognised=False.

    Without a plan year, month/quarter expressions are still recognised as dates but
    have no date value (the builder warns once about the missing year).
    """
    original = " ".join((text or "").split())
    # NFKC folds full-width digits; all whitespace is line-wrap noise in a deadline.
    key = "".join(unicodedata.normalize("NFKC", original).split()).rstrip("。.;；")
    if not key:
        return Deadline("", "none")
    if _ONGOING.fullmatch(key):
        return Deadline(original, "ongoing")
    if m := _RECURRING_RE.fullmatch(key):
        return Deadline(original, "recurring", rule=_RECURRING[m.group(1)])
    try:
        result = _parse_date(original, key, year)
    except ValueError:  # impossible dates (2月30日, 13月底) and malformed numerals
        result = None
    return result or Deadline(original, "none", recognised=False)


def _parse_date(original: str, key: str, year: int | None) -> Deadline | None:
    """Dated expressions; None when nothing matches, ValueError when the date is impossible."""
    if m := _FULL_NUMERIC.fullmatch(key):
        y, mo, d = (int(g) for g in m.groups())
        return _dated(original, y, lambda y: datetime.date(y, mo, d))
    if m := _DAY.fullmatch(key):
        mo, d = _number(m.group(2)), _number(m.group(3))
        return _dated(original, _explicit_year(m, year), lambda y: datetime.date(y, mo, d))
    if m := _MONTH_END.fullmatch(key):
        mo = _number(m.group(2))
        return _dated(original, _explicit_year(m, year), lambda y: _month_end(y, mo))
    if m := _YEAR_END.fullmatch(key):
        return _dated(original, _explicit_year(m, year), lambda y: datetime.date(y, 12, 31))
    if m := _HALF.fullmatch(key):
        month = 6 if m.group(2) == "上" else 12
        return _dated(original, _explicit_year(m, year), lambda y: _month_end(y, month))
    if m := _QUARTER.fullmatch(key):
        quarter = _number(m.group(2))
        if not 1 <= quarter <= 4:
            return None
        return _dated(original, _explicit_year(m, year), lambda y: _month_end(y, quarter * 3))
    return None
