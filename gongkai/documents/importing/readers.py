"""Readers of document listings: JSON Lines (gongkai.document/v1), CSV and XLSX → SourceRow.

The format is decided from the content (a ZIP container is XLSX, text whose first character is “{” is
JSON Lines, other text CSV); the encoding of text as plans/importing/decoding.py decides it: a BOM,
else UTF-8, else GB18030 when that yields Chinese, else charset-normalizer's guess among a few
multi-byte encodings. A file that cannot be read at all is an ImportFileError with one clear message;
a row that cannot be read is a problem of that row, reported by its line.
"""

import codecs
import csv
import datetime
import io
import json
import re

from django.utils.translation import gettext as _

from .records import FIELDS, FORMAT, HEADERS, LIST_FIELDS, Listing, SourceRow, field_of

MAX_ROWS = 100_000
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CJK = re.compile(r"[\u4e00-\u9fff]")
_FALLBACK_ENCODINGS = ("big5", "big5hkscs", "utf_16", "utf_16_le", "utf_16_be")
_OTHER_BINARY = ((b"%PDF-", "PDF"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Excel 97–2003 (XLS)"),
                 (b"\x1f\x8b", "GZIP"), (b"Rar!", "RAR"), (b"7z\xbc\xaf\x27\x1c", "7Z"))


class ImportFileError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def read_listing(data, filename=""):
    """The rows of a listing file's bytes (JSON Lines, CSV or XLSX)."""
    if not data:
        raise ImportFileError(_("The file is empty."))
    if data.startswith(b"PK\x03\x04"):
        return read_xlsx(data)
    for magic, name in _OTHER_BINARY:
        if data.startswith(magic):
            raise ImportFileError(_("This is a %(format)s file. Import a JSON Lines, CSV or XLSX listing.")
                                  % {"format": name})
    text = decode(data)
    if text.lstrip()[:1] == "{" or filename.lower().endswith((".jsonl", ".json", ".ndjson")):
        return read_jsonl(text)
    return read_csv(text)


def decode(data):
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff")
            except UnicodeDecodeError:
                raise _unknown_encoding() from None
    if b"\x00" in data[:65536]:
        raise ImportFileError(_("The file is not text (it contains binary data)."))
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8" or _CJK.search(text):  # gb18030 decodes almost anything
            return text
    from charset_normalizer import from_bytes  # slow to import; only for odd files

    best = from_bytes(data, cp_isolation=list(_FALLBACK_ENCODINGS)).best()
    if best is None or best.encoding not in _FALLBACK_ENCODINGS:
        raise _unknown_encoding()
    try:
        return data.decode(best.encoding)
    except UnicodeDecodeError:
        raise _unknown_encoding() from None


def _unknown_encoding():
    return ImportFileError(_("The text encoding of the file is not recognised. Save it as UTF-8 (or GBK) and try again."))


def read_jsonl(text):
    rows, unknown = [], set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        row = SourceRow(line=number, values={})
        rows.append(row)
        if len(rows) > MAX_ROWS:
            raise _too_many()
        try:
            item = json.loads(line)
        except ValueError as error:
            row.problems.append(("", _("The line is not valid JSON: %(error)s") % {"error": error}))
            continue
        if not isinstance(item, dict):
            row.problems.append(("", _("Each line holds one JSON object (one document).")))
            continue
        if item.get("format", FORMAT) != FORMAT:
            row.problems.append(("", _("The line's format is “%(format)s”, not %(expected)s.")
                                 % {"format": item.get("format"), "expected": FORMAT}))
            continue
        for name, value in item.items():
            if name == "format":
                continue
            if name not in FIELDS:
                unknown.add(name)
                continue
            problem = _json_type_problem(name, value)
            if problem:
                row.problems.append((name, problem))
            else:
                row.values[name] = value
    warnings = [_("Fields not in the format were ignored: %(names)s") % {"names": "、".join(sorted(unknown))}] if unknown else []
    return Listing(rows=rows, format_name="JSON Lines", warnings=warnings)


def _json_type_problem(name, value):
    if value is None:
        return None
    if name in LIST_FIELDS:
        if isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            return None
        return _("Give a list of texts.")
    if isinstance(value, str) or (name == "number" and isinstance(value, int) and not isinstance(value, bool)):
        return None
    return _("Give a text.")


def read_csv(text):
    try:
        table = list(csv.reader(io.StringIO(text)))
    except csv.Error as error:
        raise ImportFileError(_("The CSV file cannot be read: %(error)s") % {"error": error}) from error
    return _from_table(((number, cells) for number, cells in enumerate(table, start=1)), "CSV")


def read_xlsx(data):
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
        rows = list(enumerate(sheet.iter_rows(values_only=True), start=1)) if sheet is not None else []
    except Exception as error:  # openpyxl raises many kinds of error for a damaged or foreign file
        raise ImportFileError(_("The Excel file cannot be read: %(error)s") % {"error": error}) from error
    return _from_table(rows, "Excel (XLSX)")


def _from_table(numbered_rows, format_name):
    header, columns, rows, warnings = None, [], [], []
    for number, cells in numbered_rows:
        cells = ["" if cell is None else cell for cell in cells]
        if not any(_text(cell) for cell in cells):
            continue
        if header is None:
            header = [_text(cell) for cell in cells]
            columns = [field_of(cell) for cell in header]
            if "title" not in columns:
                raise ImportFileError(
                    _("The first row must name the columns (标题, 正文, 发布机构 …); no column “%(title)s” was found.")
                    % {"title": HEADERS["title"]})
            ignored = [name for name, column in zip(header, columns) if name and column is None]
            if ignored:
                warnings.append(_("Columns not in the format were ignored: %(names)s") % {"names": "、".join(ignored)})
            continue
        if len(rows) >= MAX_ROWS:
            raise _too_many()
        values = {}
        for column, cell in zip(columns, cells):
            if column is None or column in values:
                continue
            values[column] = cell.date() if isinstance(cell, datetime.datetime) else (
                cell if isinstance(cell, (datetime.date, int, float)) and not isinstance(cell, bool) else _text(cell))
        rows.append(SourceRow(line=number, values=values))
    if header is None:
        raise ImportFileError(_("The file has no rows."))
    return Listing(rows=rows, format_name=format_name, warnings=warnings)


def _text(cell):
    return str(cell).strip() if cell is not None else ""


def _too_many():
    return ImportFileError(_("The file has more than %(n)d documents; split it into smaller files.") % {"n": MAX_ROWS})
