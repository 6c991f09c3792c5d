"""Recognising the header row of a plan table and which column holds what."""

import re
from dataclasses import dataclass

# Role -> header texts, most specific first. Matching is on the cell without whitespace.
_ROLE_WORDS = {
    "number": ("序号", "编号"),
    "name": ("事项名称", "工作事项", "任务名称", "项目名称", "重点事项", "事项", "名称"),
    "task": ("主要任务", "工作任务", "具体任务", "任务内容", "工作内容", "主要内容", "具体措施",
             "工作措施", "重点任务", "任务"),
    "lead": ("牵头部门", "牵头单位", "牵头"),
    "responsible": ("责任单位", "责任部门", "配合单位", "配合部门", "参与单位", "责任"),
    "deadline": ("完成时限", "完成时间", "时间节点", "完成期限", "时限", "时间"),
}
HEADER_WORDS = ("事项名称", "主要任务", "牵头部门", "责任单位", "完成时限")


@dataclass(frozen=True)
class ColumnMap:
    """Column index per role; None when the table has no such column."""

    task: int
    name: int | None = None
    number: int | None = None
    lead: int | None = None
    responsible: int | None = None
    deadline: int | None = None

    def role_of(self, column: int) -> str | None:
        for role in ("number", "name", "task", "lead", "responsible", "deadline"):
            if getattr(self, role) == column:
                return role
        return None


def _role(cell: str) -> str | None:
    text = re.sub(r"\s+", "", cell)
    if not text or len(text) > 12:
        return None
    for role, words in _ROLE_WORDS.items():
        if any(word == text for word in words):
            return role
    for role, words in _ROLE_WORDS.items():
        if any(word in text for word in words):
            return role
    return None


def match_header(cells: list[str]) -> ColumnMap | None:
    """The column map if `cells` is a header row: a task column, a name (or number) column
    and at least one of lead / responsible / deadline, each role in one column only."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        role = _role(cell)
        if role is None:
            if cell.strip():
                return None  # a header row holds header words only
            continue
        if role in columns:
            return None
        columns[role] = index
    has_units_or_time = {"lead", "responsible", "deadline"} & columns.keys()
    if "task" not in columns or not ({"name", "number"} & columns.keys()) or not has_units_or_time:
        return None
    return ColumnMap(**columns)
