"""A plain-text form of a holiday notice that an administrator can type or paste:

    # 国务院办公厅关于2027年部分节假日安排的通知
    2027-01-01,holiday,元旦
    2027-02-06,workday,春节调休
    2027-10-01~2027-10-07,holiday,国庆节

One date (or an inclusive range A~B) per line, its kind (放假/上班, 休/班, or holiday/workday), and a name.
Blank lines and lines starting with # are ignored; Chinese commas and tabs also separate fields.
Every line is checked before anything is returned, so the administrator sees all problems at once.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext

MAX_BYTES = 64 * 1024  # a year's notice is about 40 lines; anything far larger is not a notice
MAX_RANGE_DAYS = 31

HOLIDAY_WORDS = {"holiday", "休", "放假", "假"}
WORKDAY_WORDS = {"workday", "班", "上班", "补班"}
SEPARATORS = re.compile(r"\s*[,，\t]\s*")
RANGE_MARK = re.compile(r"\s*(?:~|～|\.\.)\s*")


class NoticeFormatError(ValueError):
    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass
class ParsedNotice:
    holidays: list = field(default_factory=list)  # [(date, name)]
    workdays: list = field(default_factory=list)  # [(date, name)]

    @property
    def years(self):
        return sorted({d.year for d, _name in (*self.holidays, *self.workdays)})


def decode(data):
    """Text of an uploaded notice file: UTF-8 (with or without BOM), else GB18030 as Windows saves it."""
    if len(data) > MAX_BYTES:
        raise NoticeFormatError([gettext("The notice file is larger than %(kb)s KB.") % {"kb": MAX_BYTES // 1024}])
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise NoticeFormatError([gettext("The notice file is neither UTF-8 nor GB18030 text.")])


def parse_notice_text(text):
    """ParsedNotice from the text format above; raises NoticeFormatError listing every bad line."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise NoticeFormatError([gettext("The notice text is larger than %(kb)s KB.") % {"kb": MAX_BYTES // 1024}])
    parsed, problems = ParsedNotice(), []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#") or _is_header(line):
            continue
        try:
            dates, kind, name = _parse_line(line)
        except ValueError as error:
            problems.append(gettext("Line %(number)s: %(problem)s") % {"number": number, "problem": error})
            continue
        target = parsed.holidays if kind == "holiday" else parsed.workdays
        target.extend((d, name) for d in dates)
    if problems:
        raise NoticeFormatError(problems)
    if not parsed.holidays and not parsed.workdays:
        raise NoticeFormatError([gettext("The notice lists no dates.")])
    return parsed


def _is_header(line):
    return SEPARATORS.split(line, maxsplit=1)[0].strip().lower() in {"date", "日期"}


def _parse_line(line):
    fields = SEPARATORS.split(line)
    if len(fields) < 2 or len(fields) > 3:
        raise ValueError(gettext("write “date,放假|上班,name”, e.g. 2027-10-01,放假,国庆节"))
    when, kind_word, name = (*fields, "")[:3]
    kind_word = kind_word.strip().lower()
    if kind_word in HOLIDAY_WORDS:
        kind = "holiday"
    elif kind_word in WORKDAY_WORDS:
        kind = "workday"
    else:
        raise ValueError(gettext("“%(word)s” is neither 放假 (a holiday) nor 上班 (a working day)") % {"word": kind_word})
    return _parse_dates(when), kind, name.strip()


def _parse_dates(text):
    first_text, *rest = RANGE_MARK.split(text, maxsplit=1)
    first = _parse_date(first_text)
    last = _parse_date(rest[0]) if rest else first
    if last < first or (last - first).days >= MAX_RANGE_DAYS:
        raise ValueError(gettext("“%(text)s” is not a range of at most %(max)s days") % {"text": text, "max": MAX_RANGE_DAYS})
    return [first + datetime.timedelta(days=i) for i in range((last - first).days + 1)]


def _parse_date(text):
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(gettext("“%(text)s” is not a date (write YYYY-MM-DD)") % {"text": text}) from None
