"""Format-independent table model: every reader (text, DOCX, XLSX, HTML, PDF) produces a RawTable."""

from dataclasses import dataclass

from .cells import clean_text, section_heading
from .columns import match_header

ROW_KINDS = ("header", "section", "data", "title", "blank")


@dataclass
class RawRow:
    cells: list[str]  # raw cell text, markup and line-wrap spaces included
    line: int  # 1-based position in the source (line of a text file, row of a sheet)
    kind: str  # one of ROW_KINDS
    # Per cell: is it the continuation of a vertically merged cell? None = unknown (PDF text).
    merged_from_above: list[bool] | None = None


@dataclass
class RawTable:
    title: str | None
    rows: list[RawRow]


def guess_row_kind(cells: list[str], *, after_header: bool) -> str:
    """Kind of a row from its content alone, shared by readers that only see text.

    Before the first header, single-cell rows are the document title; after it, a row whose
    only filled cell is "一、…" is a section heading.
    """
    filled = [cell for cell in cells if cell.strip()]
    if not filled:
        return "blank"
    if match_header(cells):
        return "header"
    if not after_header:
        return "title" if len(filled) == 1 else "data"
    if len(filled) == 1 and filled[0] == cells[0] and section_heading(cells[0]):
        return "section"
    return "data"


def pick_title(rows: list[RawRow]) -> str | None:
    """The document title among the title rows, skipping "附件1"-style labels."""
    for row in rows:
        if row.kind == "title":
            text = clean_text(" ".join(row.cells))
            if text and not text.startswith("附件"):
                return text
    return None
