"""The one record model every reader produces, and the names of its fields in files."""

from dataclasses import dataclass, field

FORMAT = "gongkai.document/v1"

# The fields of gongkai.document/v1, in the order of the issue. `attribute_reason` and `legal_ground` are
# ours: a document kept back (依申请公开, 不予公开) needs them (see checking.py).
FIELDS = ("title", "body", "unit", "number", "written", "published", "topic", "genre", "keywords",
          "attribute", "validity", "columns", "attachments", "url", "attribute_reason", "legal_ground")
LIST_FIELDS = frozenset({"keywords", "columns", "attachments"})

# The Chinese headers of CSV and XLSX listings (the JSON names are accepted as headers too).
HEADERS = {
    "title": "标题", "body": "正文", "unit": "发布机构", "number": "文号", "written": "成文日期",
    "published": "发布日期", "topic": "主题分类", "genre": "体裁分类", "keywords": "关键词",
    "attribute": "公开属性", "validity": "有效性", "columns": "栏目", "attachments": "附件", "url": "原网址",
    "attribute_reason": "不公开理由", "legal_ground": "不公开依据",
}
# Other spellings old sites' exports use.
OTHER_HEADERS = {
    "名称": "title", "文件名称": "title", "内容": "body", "发文机关": "unit", "发布单位": "unit",
    "发文单位": "unit", "发文字号": "number", "主题": "topic", "体裁": "genre", "主题词": "keywords",
    "网址": "url", "链接": "url", "原链接": "url", "公开方式": "attribute", "时效性": "validity",
}


def field_of(header):
    """The field a header cell names, or None: 标题, 标题（必填）, title and Title are all `title`."""
    text = str(header or "").strip().lstrip("\ufeff")
    for bracket in ("（", "("):
        text = text.split(bracket)[0].strip()
    by_header = {chinese: name for name, chinese in HEADERS.items()} | OTHER_HEADERS
    return by_header.get(text) or (text.lower() if text.lower() in FIELDS else None)


@dataclass
class SourceRow:
    """One document as a file gives it: raw values by field name, and where it is (line or row number)."""

    line: int
    values: dict
    problems: list = field(default_factory=list)  # what the reader could not read: (field or "", message)

    def get(self, name):
        return self.values.get(name)


@dataclass
class Listing:
    """What a reader read: the rows, the format's name for people, and file-wide warnings."""

    rows: list
    format_name: str
    warnings: list = field(default_factory=list)
