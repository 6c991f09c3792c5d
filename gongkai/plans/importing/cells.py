"""Content tests and clean-up for single table cells (independent of the file format)."""

import html
import re

_TAG = re.compile(r"<[^<>]{0,200}>")
# Han ideographs, CJK/full-width punctuation, and the full-width forms block.
_CJK = r"\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2026\u2014"
# A line wrap inside a PDF cell leaves whitespace; next to any CJK character it is noise.
_WRAP_SPACE = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")

_ITEM_NUMBER = re.compile(r"(\d{1,3})\s*[.．、]\s*(.*)", re.S)
_SECTION = re.compile(r"(?:第([一二三四五六七八九十]+)部分|([一二三四五六七八九十]+)[、.．]|[（(]([一二三四五六七八九十]+)[）)])\s*(.+)", re.S)
_SENTENCE_END = "。；;！？!?"
_SENTENCE_PUNCT = set("，。；：！？“”《》,;:!?")

# What a unit name ends with (牵头部门/责任单位 cells hold such names separated by spaces).
UNIT_SUFFIXES = (
    "委", "局", "办", "政府", "中心", "部门", "办公室", "厅", "院", "会", "所", "馆", "站", "队",
    "处", "部", "室", "组", "社", "署", "行", "公司", "集团", "单位", "机关", "机构", "区", "县",
    "市", "街道", "乡", "镇", "团",
)
# Collective terms ("all district governments"), typical of the 责任单位 column.
_GROUP = re.compile(r"各.*|.*(?:各部门|有关部门|各单位|有关单位|各直属机构)|区、?县[（(]市[）)]政府")
_UNIT_SEPARATORS = re.compile(r"[\s、，,;；/]+")


def clean_text(cell: str) -> str:
    """Drop markup and line-wrap whitespace; keep single spaces between Latin words."""
    text = html.unescape(_TAG.sub(" ", cell or ""))
    text = _WRAP_SPACE.sub("", text.strip())
    return " ".join(text.split())


def item_number(cell: str) -> tuple[str, str] | None:
    """("8", "深入推进政务新媒体试点建设") for "8. 深入推进 政务新媒体 试点建设"."""
    match = _ITEM_NUMBER.fullmatch(clean_text(cell))
    return (match.group(1), match.group(2).strip()) if match else None


def section_heading(cell: str) -> tuple[str, str] | None:
    """("一", title) for "一、title", "（一）title" and "第一部分 title"."""
    match = _SECTION.fullmatch(clean_text(cell))
    if not match:
        return None
    number = next(group for group in match.groups()[:3] if group)
    return number, match.group(4).strip()


def is_sentence(text: str) -> bool:
    """Task-like prose rather than a name: ends like a sentence or is long."""
    return text.endswith(tuple(_SENTENCE_END)) or len(text) > 30


def split_units(cell: str) -> tuple[list[str], list[str]]:
    """Unit names in a cell, and the fragments that were joined because a line wrap split them.

    A token that does not end like a unit name is glued to the next one
    ("沈阳公共资源交 易交易中心" is one name broken by a wrap).
    """
    text = html.unescape(_TAG.sub(" ", cell or ""))
    tokens = [token for token in _UNIT_SEPARATORS.split(text) if token]
    units, joined, pending = [], [], ""
    for token in tokens:
        if token in UNIT_SUFFIXES and units and not pending:
            units[-1] += token  # "沈河区 政府": a bare suffix finishes the previous name
            joined.append(units[-1])
            continue
        pending += token
        if pending.endswith(UNIT_SUFFIXES):
            if pending != token:
                joined.append(pending)
            units.append(pending)
            pending = ""
    if pending:
        units.append(pending)
    return units, joined


def looks_like_units(cell: str) -> bool:
    """True for cells such as "市发展改革委 市自然资源局" (short names, no sentence punctuation)."""
    text = clean_text(cell)
    if not text or len(text) > 150 or _SENTENCE_PUNCT & set(text):
        return False
    units, _ = split_units(cell)
    return all(2 <= len(unit) <= 25 and unit.endswith(UNIT_SUFFIXES) for unit in units)


def is_group_term(unit: str) -> bool:
    return bool(_GROUP.fullmatch(unit))
