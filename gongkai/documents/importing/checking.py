"""Every row of a listing checked before anything is written: the ImportPlan.

Each row is resolved against the directory (units as plan imports resolve them: official name, short
name, and suggestions for a name that fits neither), the office's catalogue (主题分类, 体裁分类, the
column tree), the attachments at hand and the rules documents/validation.py applies to every document.
A row is then new (to create), already imported (skipped, not an error) or in error, with its problems
by field. Who imports matters too: a unit's liaison imports only the unit's own documents.

Documents kept back (依申请公开, 不予公开) need a reason and a legal ground like any other such
document: the listing gives them in 不公开理由 and 不公开依据 (a key such as art14 or the article, e.g.
第十四条). Importing them without is refused rather than inventing a ground: a document's disclosure
attribute must be explainable, and an old site's silence is not an explanation.
"""

import datetime
import difflib
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.foi.grounds import GROUNDS
from gongkai.orgs.naming import NameResolver
from gongkai.uploads import EVIDENCE_KINDS, check_upload

from .. import validation
from ..models import Category, CategoryKind, Column, DisclosureAttribute, Document, Validity
from .files import FilesError, safe_name
from .records import HEADERS

ATTRIBUTES = {"主动公开": DisclosureAttribute.PROACTIVE, "依申请公开": DisclosureAttribute.ON_REQUEST,
              "不予公开": DisclosureAttribute.NOT_PUBLIC, "不公开": DisclosureAttribute.NOT_PUBLIC,
              **{value: value for value in DisclosureAttribute.values}}
VALIDITIES = {"现行有效": Validity.IN_FORCE, "有效": Validity.IN_FORCE, "已修改": Validity.AMENDED,
              "已修订": Validity.AMENDED, "已废止": Validity.REPEALED, "废止": Validity.REPEALED,
              "失效": Validity.EXPIRED, "已失效": Validity.EXPIRED, **{value: value for value in Validity.values}}
LIST_SEPARATORS = re.compile(r"[；;、,，\s]+")
ATTACHMENT_SEPARATORS = re.compile(r"[；;、,，|｜\n]+")
PATH_SEPARATORS = re.compile(r"\s*[/／>›»]\s*")
DATE_PATTERNS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})(?: \d{1,2}:\d{2}(?::\d{2})?)?$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$"),
)
EXCEL_EPOCH = datetime.date(1899, 12, 30)
# Where a service's field lands in the listing: problems name the column a person can correct.
FIELD_COLUMNS = {"title": "title", "body": "body", "number": "number", "written_on": "written",
                 "published_at": "published", "topic": "topic", "genre": "genre", "keywords": "keywords",
                 "attribute": "attribute", "validity": "validity", "expires_on": "validity",
                 "source_url": "url", "attribute_reason": "attribute_reason", "legal_ground": "legal_ground"}
_url = URLValidator(schemes=["http", "https"])


@dataclass
class PlannedRow:
    line: int
    status: str = "new"  # new | skip | error
    title: str = ""
    unit: object = None
    unit_name: str = ""
    fields: dict = field(default_factory=dict)  # for services.create_document
    columns: list = field(default_factory=list)
    attachments: list = field(default_factory=list)  # names as the listing writes them
    problems: list = field(default_factory=list)  # (column header or "", message)
    skip_reason: str = ""

    def problem(self, name, message):
        self.problems.append((HEADERS.get(name, ""), str(message)))

    @property
    def attribute(self):
        return self.fields.get("attribute")

    @property
    def published_at(self):
        return self.fields.get("published_at")

    def key(self):
        url = self.fields.get("source_url")
        if url:
            return ("url", url)
        return ("unit", self.unit.pk if self.unit else None, self.fields.get("number", ""), self.title)


@dataclass
class ImportPlan:
    rows: list
    format_name: str = ""
    warnings: list = field(default_factory=list)
    publish: bool = False

    def of(self, status):
        return [row for row in self.rows if row.status == status]

    @property
    def new(self):
        return self.of("new")

    @property
    def errors(self):
        return self.of("error")

    @property
    def skipped(self):
        return self.of("skip")

    def will_publish(self, row):
        return self.publish and row.attribute == DisclosureAttribute.PROACTIVE

    def counts(self):
        new = self.new
        published = sum(1 for row in new if self.will_publish(row))
        return {"rows": len(self.rows), "new": len(new), "published": published, "drafts": len(new) - published,
                "skipped": len(self.skipped), "errors": len(self.errors),
                "attachments": sum(len(row.attachments) for row in new)}


class Catalogue:
    """The directory, categories and column tree, loaded once for a whole listing."""

    def __init__(self):
        self.names = NameResolver()
        categories = list(Category.objects.filter(is_active=True))
        self.topics = {c.name: c for c in categories if c.kind == CategoryKind.TOPIC}
        self.genres = {c.name: c for c in categories if c.kind == CategoryKind.GENRE}
        columns = {c.pk: c for c in Column.objects.all()}
        self.column_paths = []  # (names from the root, column)
        for column in columns.values():
            names, node = [], column
            while node is not None:
                names.append(node.name)
                node = columns.get(node.parent_id)
            self.column_paths.append((tuple(reversed(names)), column))
        self.grounds = {}
        for ground in GROUNDS:
            for spelling in (ground.key, ground.article, ground.title, ground.citation):
                self.grounds[spelling] = ground.key
        self._units = {}

    def unit(self, name):
        if name not in self._units:
            self._units[name] = self.names.resolve(name)
        return self._units[name]

    def column(self, text, unit):
        """The column a path (规划信息/专项规划, from the root or its last parts) or a leaf name names."""
        parts = tuple(part for part in PATH_SEPARATORS.split(text.strip()) if part)
        fitting = [column for names, column in self.column_paths
                   if names[-len(parts):] == parts and column.unit_id in (None, unit.pk if unit else None)]
        if len(fitting) == 1:
            return fitting[0], None
        if not fitting:
            return None, _("No column “%(name)s” in the column tree.") % {"name": text}
        paths = "、".join("/".join(column.path_names()) for column in fitting[:5])
        return None, _("“%(name)s” fits several columns: %(paths)s. Write its path.") % {"name": text, "paths": paths}


def parse_date(value):
    """A date from YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日 or an Excel date; None when empty."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # Excel's serial days (what a date cell formatted as a number shows)
            return EXCEL_EPOCH + datetime.timedelta(days=int(value))
        raise ValueError
    text = str(value).strip()
    if re.fullmatch(r"\d{5}(\.0+)?", text):
        return parse_date(int(float(text)))
    for pattern in DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            return datetime.date(*(int(part) for part in match.groups()))
    raise ValueError


def split_list(value, separators=LIST_SEPARATORS):
    if value in (None, ""):
        return []
    items = value if isinstance(value, list) else separators.split(str(value))
    result = []
    for item in items:
        item = str(item).strip()
        if item and item not in result:
            result.append(item)
    return result


def check_listing(listing, *, files, scope=None, publish=False, catalogue=None):
    """The plan of a listing: every row checked. `scope`: the unit ids the importer may import for
    (None: every unit, the disclosure office or a command). `files`: a files.*Files source."""
    catalogue = catalogue or Catalogue()
    rows = [check_row(source, catalogue=catalogue, files=files, scope=scope) for source in listing.rows]
    _mark_repeats(rows)
    return ImportPlan(rows=rows, format_name=listing.format_name, warnings=list(listing.warnings), publish=publish)


def check_row(source, *, catalogue, files, scope):
    row = PlannedRow(line=source.line)
    for name, message in source.problems:
        row.problem(name, message)
    value = source.get
    fields = {}
    row.title = " ".join(_text(value("title")).split())
    if not row.title:
        row.problem("title", _("A document needs a title."))
    fields["title"] = row.title
    fields["body"] = _text(value("body"))
    fields["number"] = _number(value("number"))
    row.unit = _unit(row, catalogue, _text(value("unit")), scope)
    for name, target in (("written", "written_on"), ("published", "published_at")):
        try:
            fields[target] = parse_date(value(name))
        except (ValueError, OverflowError):
            row.problem(name, _("“%(value)s” is not a date: write it as 2021-03-05, 2021/3/5 or 2021年3月5日.")
                        % {"value": value(name)})
    if fields.get("published_at"):
        fields["published_at"] = timezone.make_aware(
            datetime.datetime.combine(fields["published_at"], datetime.time()), timezone.get_default_timezone())
    for name, known in (("topic", catalogue.topics), ("genre", catalogue.genres)):
        fields[name] = _category(row, name, _text(value(name)), known)
    fields["keywords"] = split_list(value("keywords"))
    fields["attribute"] = _choice(row, "attribute", _text(value("attribute")), ATTRIBUTES, required=True)
    fields["validity"] = _choice(row, "validity", _text(value("validity")), VALIDITIES) or ""
    fields["source_url"] = _text(value("url"))
    if fields["source_url"]:
        try:
            _url(fields["source_url"])
        except ValidationError:
            row.problem("url", _("“%(value)s” is not a web address (http:// or https://).") % {"value": fields["source_url"]})
    if fields["attribute"] and fields["attribute"] != DisclosureAttribute.PROACTIVE:
        fields["attribute_reason"] = _text(value("attribute_reason"))
        ground = _text(value("legal_ground"))
        fields["legal_ground"] = catalogue.grounds.get(ground, ground)
        if not fields["attribute_reason"] or fields["legal_ground"] not in catalogue.grounds:
            row.problem("attribute_reason", _(
                "A document not disclosed proactively needs the reason (不公开理由) and the legal ground "
                "(不公开依据, e.g. 第十四条 or art14)."))
    row.columns = _columns(row, catalogue, split_list(value("columns")))
    row.attachments = _attachments(row, files, split_list(value("attachments"), ATTACHMENT_SEPARATORS))
    row.fields = {name: v for name, v in fields.items() if v is not _INVALID}
    if not row.problems and row.unit is not None:
        _check_with_services(row)
    row.status = "error" if row.problems else "new"
    return row


_INVALID = object()


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _number(value):
    return " ".join(_text(value).split())


def _unit(row, catalogue, name, scope):
    row.unit_name = name
    if not name:
        row.problem("unit", _("Name the issuing unit (发布机构)."))
        return None
    found = catalogue.unit(name)
    if found.unit is None:
        if found.group is not None:
            row.problem("unit", _("“%(name)s” is a group of units; a document has one issuing unit.") % {"name": name})
        else:
            message = _("Unit name not in the directory: %(name)s") % {"name": name}
            if found.suggestions:
                message += _("; did you mean %(names)s?") % {"names": "、".join(found.suggestions)}
            row.problem("unit", message)
        return None
    row.unit_name = found.unit.name
    if scope is not None and found.unit.pk not in scope:
        row.problem("unit", _("You may import only your own unit's documents; “%(unit)s” is not your unit.")
                    % {"unit": found.unit.name})
        return None
    return found.unit


def _category(row, name, text, known):
    if not text:
        return None
    if text in known:
        return known[text]
    close = difflib.get_close_matches(text, list(known), n=3, cutoff=0.5)
    message = (_("Unknown subject category “%(value)s”.") if name == "topic"
               else _("Unknown genre “%(value)s”.")) % {"value": text}
    if close:
        message += _(" Did you mean %(names)s?") % {"names": "、".join(close)}
    row.problem(name, message)
    return _INVALID


def _choice(row, name, text, known, *, required=False):
    if not text:
        if required:
            row.problem(name, _("Every document carries a disclosure attribute: 主动公开, 依申请公开 or 不予公开."))
            return _INVALID
        return ""
    if text in known:
        return known[text]
    if name == "attribute":
        row.problem(name, _("“%(value)s” is not a disclosure attribute: write 主动公开, 依申请公开 or 不予公开.")
                    % {"value": text})
    else:
        row.problem(name, _("“%(value)s” is not a validity: write 现行有效, 已修改, 已废止 or 失效.") % {"value": text})
    return _INVALID


def _columns(row, catalogue, names):
    columns = []
    for name in names:
        column, problem = catalogue.column(name, row.unit)
        if problem:
            row.problem("columns", problem)
        elif column not in columns:
            columns.append(column)
    return columns


def _attachments(row, files, names):
    checked = []
    for name in names:
        if safe_name(name) is None:
            row.problem("attachments", _("“%(name)s” is not a file name inside the attachments.") % {"name": name})
            continue
        if not files.exists(name):
            row.problem("attachments", _("Attachment “%(name)s” is not among the files given.") % {"name": name})
            continue
        try:
            check_attachment(files, name)
        except (ValidationError, FilesError) as error:
            row.problem("attachments", getattr(error, "message", None) or "；".join(error.messages))
            continue
        checked.append(name)
    return checked


def check_attachment(files, name):
    """The attachment read and checked as every upload is (its kind from its content, its size)."""
    limit = settings.DOCUMENT_ATTACHMENT_MAX_BYTES
    if files.size(name) > limit:
        raise ValidationError(_("“%(name)s” is %(size).1f MB; files may be at most %(limit)d MB.")
                              % {"name": name, "size": files.size(name) / 2**20, "limit": limit // 2**20})
    upload = ContentFile(files.read(name), name=name.rsplit("/", 1)[-1])
    return check_upload(upload, allowed=EVIDENCE_KINDS, max_bytes=limit)


def _check_with_services(row):
    """The rules every document follows (documents/validation.py), on the document the row would create."""
    try:
        values = validation.clean_fields(row.fields, unit=row.unit)
        validation.check_document(Document(unit=row.unit, **values))
        validation.check_columns(row.unit, row.columns)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for name, messages in error.message_dict.items():
                for message in messages:
                    row.problem(FIELD_COLUMNS.get(name, ""), message)
        else:
            for message in error.messages:
                row.problem("", message)


def _mark_repeats(rows):
    """Rows already imported (a document with the same key exists), or repeating an earlier row."""
    candidates = [row for row in rows if row.status == "new"]
    existing = _existing_keys(candidates)
    first_line = {}
    for row in candidates:
        key = row.key()
        if key in existing:
            row.status = "skip"
            row.skip_reason = _("Already imported: “%(title)s” exists.") % {"title": existing[key]}
        elif key in first_line:
            row.status = "skip"
            row.skip_reason = _("The same document as line %(line)d.") % {"line": first_line[key]}
        else:
            first_line[key] = row.line


def _existing_keys(rows, chunk=500):
    existing = {}
    urls = sorted({row.fields["source_url"] for row in rows if row.fields.get("source_url")})
    for start in range(0, len(urls), chunk):
        for url, title in Document.objects.filter(source_url__in=urls[start:start + chunk]).values_list("source_url", "title"):
            existing[("url", url)] = title
    titles = sorted({row.title for row in rows if not row.fields.get("source_url")})
    for start in range(0, len(titles), chunk):
        found = Document.objects.filter(title__in=titles[start:start + chunk]).values_list("unit_id", "number", "title")
        for unit_id, number, title in found:
            existing[("unit", unit_id, number, title)] = title
    return existing
