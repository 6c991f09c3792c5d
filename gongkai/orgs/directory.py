"""Import and export of the unit directory as CSV or XLSX.

Columns, written with their Chinese headers: 代码, 名称, 简称 (separated by |), 类别, 上级单位代码, 上级单位.
Imports also take the English headers (code, name, short_names, kind, parent_code, parent_name) and a kind
either as written on export (市政府部门) or as its code (municipal_department). A file is checked whole before
anything is saved: one bad row means a list of problems and no change.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Unit, UnitKind
from .naming import normalize_name
from .services import add_alias, create_unit, update_unit

COLUMNS = ["code", "name", "short_names", "kind", "parent_code", "parent_name"]
# The file's own column names: Chinese whatever the page language, so that a file exported anywhere
# imports everywhere. The other spellings are what people and older exports write.
HEADERS = {"code": "代码", "name": "名称", "short_names": "简称", "kind": "类别",
           "parent_code": "上级单位代码", "parent_name": "上级单位"}
OTHER_HEADERS = {"单位名称": "name", "单位代码": "code", "统一社会信用代码": "code", "机构代码": "code",
                 "单位类别": "kind", "上级单位名称": "parent_name", "上级代码": "parent_code"}
REQUIRED = ("name", "kind")
SHORT_NAME_SEPARATORS = ("|", "｜")


def column_of(header):
    """The column a header cell names, or None: 名称, 名称（全称）, name and Name are all `name`."""
    text = str(header or "").strip().lstrip("\ufeff")
    for bracket in ("（", "("):
        text = text.split(bracket)[0].strip()
    by_header = {chinese: column for column, chinese in HEADERS.items()} | OTHER_HEADERS
    return by_header.get(text) or (text.lower() if text.lower() in COLUMNS else None)


def kind_names():
    """{what a file may write: kind code}: the code itself and its label as exported (Chinese) or in English."""
    names = {}
    for kind in UnitKind:
        with translation.override("en"):
            names[str(kind.label)] = kind.value
        names[kind_label(kind)] = kind.value
        names[kind.value] = kind.value
    return names


def kind_label(kind):
    with translation.override("zh-hans"):
        return str(UnitKind(kind).label)


def canonical(rows):
    """Rows keyed by column (code, name, …) whatever headers the file used; unknown columns dropped."""
    result = []
    for row in rows:
        keyed = {}
        for header, value in row.items():
            column = column_of(header)
            if column and column not in keyed:
                keyed[column] = value
        result.append(keyed)
    return result


def split_short_names(text):
    text = text or ""
    for separator in SHORT_NAME_SEPARATORS[1:]:
        text = text.replace(separator, SHORT_NAME_SEPARATORS[0])
    return [name for name in text.split(SHORT_NAME_SEPARATORS[0]) if name.strip()]


class DirectoryFileError(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class DirectoryImportResult:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    aliases_added: int = 0


def read_rows(data, filename):
    """Rows as dicts from CSV (UTF-8, with or without BOM, or GBK) or XLSX bytes."""
    if data[:4] == b"PK\x03\x04" or filename.lower().endswith(".xlsx"):
        return _read_xlsx(data)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise DirectoryFileError([_("The file is neither UTF-8 nor GBK text.")])
    return list(csv.DictReader(io.StringIO(text)))


def _read_xlsx(data):
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise DirectoryFileError([_("The Excel file cannot be read: %(error)s") % {"error": exc}]) from exc
    rows = sheet.iter_rows(values_only=True)
    header = [str(c or "").strip() for c in next(rows, [])]
    return [dict(zip(header, ["" if c is None else str(c) for c in row])) for row in rows]


def import_directory(*, actor, data, filename=""):
    rows = canonical(read_rows(data, filename))
    if not rows:
        raise DirectoryFileError([_("The file has no units.")])
    missing = [column for column in REQUIRED if column not in rows[0]]
    if missing:
        raise DirectoryFileError([_("Missing columns: %(columns)s") % {
            "columns": "、".join(f"{HEADERS[column]}（{column}）" for column in missing)}])
    kinds = kind_names()
    for row in rows:  # a kind as written on export, in English or as its code: the code from here on
        row["kind"] = kinds.get((row.get("kind") or "").strip(), row.get("kind"))
    problems = _check_rows(rows)
    if problems:
        raise DirectoryFileError(problems)
    try:
        with transaction.atomic():
            return _apply_rows(actor, rows)
    except ValidationError as exc:  # e.g. an alias that already names another unit
        raise DirectoryFileError(exc.messages) from exc


def _check_rows(rows):
    problems = []
    codes_in_file = {(r.get("code") or "").strip() for r in rows}
    names_in_file = {normalize_name(r.get("name")) for r in rows}
    for line, row in enumerate(rows, start=2):
        name = normalize_name(row.get("name"))
        if not name:
            problems.append(_("Line %(line)d: the name is empty.") % {"line": line})
        if (row.get("kind") or "").strip() not in UnitKind.values:
            problems.append(
                _("Line %(line)d: unknown kind “%(kind)s” (use one of: %(kinds)s).")
                % {"line": line, "kind": row.get("kind"), "kinds": "、".join(kind_label(kind) for kind in UnitKind)}
            )
        parent_code = (row.get("parent_code") or "").strip()
        if parent_code and parent_code not in codes_in_file and not Unit.objects.filter(code=parent_code).exists():
            problems.append(_("Line %(line)d: no unit has the parent code %(code)s.") % {"line": line, "code": parent_code})
        parent_name = normalize_name(row.get("parent_name"))
        if parent_name and parent_name not in names_in_file and not Unit.objects.filter(name=parent_name).exists():
            problems.append(_("Line %(line)d: no unit is called %(name)s.") % {"line": line, "name": parent_name})
    return problems


def _apply_rows(actor, rows):
    result = DirectoryImportResult()
    pending_parents = []
    for row in rows:
        name, code = normalize_name(row["name"]), (row.get("code") or "").strip()
        kind = row["kind"].strip()
        unit = (Unit.objects.filter(code=code).first() if code else None) or Unit.objects.filter(name=name).first()
        if unit is None:
            unit = create_unit(actor=actor, name=name, kind=kind, code=code)
            result.created.append(unit)
        elif (unit.name, unit.kind, unit.code) != (name, kind, code or unit.code):
            update_unit(actor=actor, unit=unit, name=name, kind=kind, code=code or unit.code)
            result.updated.append(unit)
        for alias in split_short_names(row.get("short_names")):
            if normalize_name(alias) != unit.name and not unit.aliases.filter(name=normalize_name(alias)).exists():
                add_alias(actor=actor, unit=unit, name=alias)
                result.aliases_added += 1
        pending_parents.append((unit, (row.get("parent_code") or "").strip(), normalize_name(row.get("parent_name"))))
    # Parents are linked last: a file may list a department before its government.
    for unit, parent_code, parent_name in pending_parents:
        parent = Unit.objects.filter(code=parent_code).first() if parent_code else None
        parent = parent or (Unit.objects.filter(name=parent_name).first() if parent_name else None)
        if parent and unit.parent_id != parent.pk:
            if parent.pk == unit.pk:
                raise ValidationError(_("%(unit)s cannot be its own parent.") % {"unit": unit})
            update_unit(actor=actor, unit=unit, parent=parent)
    return result


def export_rows():
    units = Unit.objects.select_related("parent").prefetch_related("aliases").order_by("pk")
    for unit in units:
        yield {
            "code": unit.code,
            "name": unit.name,
            "short_names": "|".join(a.name for a in sorted(unit.aliases.all(), key=lambda a: a.pk)),
            "kind": kind_label(unit.kind),
            "parent_code": unit.parent.code if unit.parent else "",
            "parent_name": unit.parent.name if unit.parent else "",
        }


def export_csv():
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([HEADERS[column] for column in COLUMNS])
    writer.writerows([row[column] for column in COLUMNS] for row in export_rows())
    # A BOM so that Excel on Chinese Windows opens the file as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_xlsx():
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "单位名录"
    sheet.append([HEADERS[column] for column in COLUMNS])
    for row in export_rows():
        sheet.append([row[c] for c in COLUMNS])
    sheet.column_dimensions["B"].width = 40
    sheet.column_dimensions["C"].width = 50
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
