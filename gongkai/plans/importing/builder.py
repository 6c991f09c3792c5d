"""From a RawTable to a PlanDraft: all reasoning about the table's layout lives here.

Tables pulled out of PDFs lose their merged cells. A merged cell's text then sits in one row
of its block (the item name vertically centred, so in the *middle* row), the other rows have
empty cells, and empty cells are sometimes dropped so that text shifts left. We therefore
classify cells by content (task text / unit names / deadline) and use the header's column
positions only to break ties. Every guess is reported as a warning.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from . import cells as C
from .blocks import choose_splits
from .columns import HEADER_WORDS, ColumnMap, match_header
from .deadlines import parse_deadline
from .draft import ItemDraft, PlanDraft, SectionDraft, TaskDraft, Warning
from .errors import PlanFileError
from .table import RawRow, RawTable


@dataclass
class Row:
    """One data row, its cells classified by content."""

    line: int
    page: int  # a repeated header row starts a new page
    columns: ColumnMap
    number: str | None = None
    title: str | None = None
    texts: list[tuple[int, str]] = field(default_factory=list)  # (column, task text)
    units: list[tuple[int, list[str]]] = field(default_factory=list)  # (column, unit names)
    deadline: str | None = None  # None: empty cell
    deadline_column: int | None = None
    lead: list[str] | None = None  # None: empty cell (filled from the merged block later)
    responsible: list[str] | None = None
    notes: list[str] = field(default_factory=list)  # warnings, placed once the item is known


@dataclass
class Block:
    """The rows of one item."""

    number: str | None
    title: str
    rows: list[Row] = field(default_factory=list)


def build_plan(table: RawTable, *, year: int | None = None) -> PlanDraft:
    warnings: list[Warning] = []
    title = table.title or ""
    if year is None:
        year = year_from_title(title)
        if year is None:
            warnings.append(Warning(_("Title"), _("No year found in the title; month deadlines have no date.")))
    segments = read_rows(table)
    numbered = any(row.number for _heading, rows in segments for row in rows)
    sections = []
    for heading, rows in segments:
        rows = merge_page_continuations(rows)
        blocks = assign_rows_to_items(rows) if numbered else group_unnumbered(rows)
        section = SectionDraft(number=heading[0], title=heading[1])
        for block in blocks:
            section.items.append(build_item(block, year, warnings))
        if section.items or section.number:
            sections.append(section)
    if not any(section.items for section in sections):
        raise PlanFileError(_("The plan table has a header row but no items below it."))
    warnings += check_numbering([item for s in sections for item in s.items])
    return PlanDraft(title=title, year=year, sections=sections, warnings=warnings)


def year_from_title(title: str) -> int | None:
    match = re.search(r"((?:19|20)\d{2})\s*年", title)
    return int(match.group(1)) if match else None


# --- rows ---------------------------------------------------------------------------------


def find_header(rows: list[RawRow]) -> int:
    for index, row in enumerate(rows):
        if row.kind == "header":
            return index
    raise PlanFileError(
        _("No plan table found: expected a header row with %(words)s.")
        % {"words": " / ".join(HEADER_WORDS)}
    )


def read_rows(table: RawTable) -> list[tuple[tuple[str | None, str | None], list[Row]]]:
    """Data rows after the header, split into sections: [((number, title), rows)]."""
    start = find_header(table.rows)
    segments = [((None, None), [])]
    columns, page = match_header(table.rows[start].cells), 0
    for raw in table.rows[start + 1:]:
        if raw.kind == "header":
            columns, page = match_header(raw.cells) or columns, page + 1
        elif raw.kind == "section":
            text = next(cell for cell in raw.cells if cell.strip())
            segments.append((C.section_heading(text) or (None, C.clean_text(text)), []))
        elif raw.kind == "data":
            segments[-1][1].append(classify_cells(raw, columns, page))
    return [segment for segment in segments if segment[1] or segment[0][0]]


def classify_cells(raw: RawRow, columns: ColumnMap, page: int) -> Row:
    """Decide for each cell whether it is the item number/name, task text, units or a deadline."""
    row = Row(line=raw.line, page=page, columns=columns)
    others = []
    for index, cell in enumerate(raw.cells):
        text = C.clean_text(cell)
        if not text:
            continue
        if index == columns.number and re.fullmatch(r"\d{1,3}[.．、]?", text):
            row.number = text.rstrip(".．、")
        elif index == columns.name and (numbered := C.item_number(cell)):
            row.number, row.title = numbered
        elif index == columns.name and _cell(raw, columns.number):
            row.title = text
        else:
            others.append((index, cell, text))
    task_text = _is_task_text(_cell(raw, columns.task))
    for index, cell, text in others:
        if parse_deadline(text, None).recognised:
            kind = "deadline"
        elif C.looks_like_units(cell):
            kind = "units"
        # Beside real task text, odd content in the deadline or unit columns is still that.
        elif task_text and index == columns.deadline:
            kind = "deadline"
        elif task_text and index in (columns.lead, columns.responsible):
            kind = "units"
        else:
            kind = "text"
        add_cell(row, kind, index, cell, text)
    note_shifted_cells(row)
    return row


def _cell(raw: RawRow, index: int | None) -> str:
    return raw.cells[index].strip() if index is not None and index < len(raw.cells) else ""


def _is_task_text(cell: str) -> bool:
    text = C.clean_text(cell)
    return bool(text) and not C.looks_like_units(cell) and not parse_deadline(text, None).recognised


def add_cell(row: Row, kind: str, index: int, cell: str, text: str) -> None:
    if kind == "deadline":
        if row.deadline is not None:
            row.notes.append(_("Two deadline cells; the first (%(kept)s) was kept.") % {"kept": row.deadline})
        else:
            row.deadline, row.deadline_column = text, index
    elif kind == "units":
        names, joined = C.split_units(cell)
        row.units.append((index, names))
        row.notes += [_("Read “%(unit)s” as one unit name (a line wrap split it).") % {"unit": u} for u in joined]
    else:
        row.texts.append((index, text))


def note_shifted_cells(row: Row) -> None:
    cols = row.columns
    shifted = (
        any(index not in (cols.name, cols.task) for index, _text in row.texts)
        or any(index not in (cols.lead, cols.responsible) for index, _names in row.units)
        or (row.deadline is not None and row.deadline_column != cols.deadline)
    )
    if shifted:
        row.notes.append(_("The cells of this row do not line up with the header (an empty cell was "
                           "probably dropped); they were read by content: %(cells)s.")
                         % {"cells": describe_cells(row)})
    elif name_text := next((text for index, text in row.texts if index == cols.name), None):
        if C.is_sentence(name_text):
            row.notes.append(_("The item-name cell holds a sentence, not an item name; it was read as a task."))
        else:
            row.notes.append(_("The item-name cell has no item number; its text was read as a task "
                               "(it could be part of an item name)."))


def describe_cells(row: Row) -> str:
    """"column 1: task text, column 2: units, ..." (1-based, as a person counts)."""
    found = [(i, _("task text")) for i, _t in row.texts] + [(i, _("units")) for i, _n in row.units]
    if row.deadline is not None:
        found.append((row.deadline_column, _("deadline")))
    return ", ".join(_("column %(n)d: %(what)s") % {"n": i + 1, "what": what} for i, what in sorted(found))


def merge_page_continuations(rows: list[Row]) -> list[Row]:
    """A task cell broken by a page break continues in a row holding nothing else."""
    merged: list[Row] = []
    for row in rows:
        previous = merged[-1] if merged else None
        if (
            previous and previous.texts and row.page != previous.page
            and not (row.number or row.title or row.units or row.deadline)
            and len(row.texts) == 1 and row.texts[0][0] == row.columns.task
            and not previous.texts[-1][1].endswith(tuple("。；;！？!?"))
        ):
            index, text = previous.texts[-1]
            previous.texts[-1] = (index, text + row.texts[0][1])
            previous.notes.append(_("The task text continues after the page break (line %(line)d); "
                                    "the two parts were joined.") % {"line": row.line})
            continue
        merged.append(row)
    return merged


# --- rows to items ---------------------------------------------------------------------------


def assign_rows_to_items(rows: list[Row]) -> list[Block]:
    """Give every row without an item number to the numbered row above or below it.

    The item name is centred in its merged block, so a numbered row has about as many
    unnumbered rows before it as after it; a page break is a likely boundary.
    """
    anchors = [index for index, row in enumerate(rows) if row.number]
    if not anchors:
        block = Block(None, "", rows)
        rows[0].notes.append(_("Rows without an item number before any numbered item; kept as an untitled item."))
        return [block]
    blocks = [Block(rows[a].number, rows[a].title or "", [rows[a]]) for a in anchors]
    blocks[0].rows[:0] = rows[: anchors[0]]
    for row in rows[: anchors[0]]:
        row.notes.append(_below_note(blocks[0], None))
    blocks[-1].rows += rows[anchors[-1] + 1:]

    def page_break_at(gap: int, split: int) -> bool:
        upper_last = anchors[gap] + split
        return rows[upper_last].page != rows[upper_last + 1].page

    sizes = [b - a - 1 for a, b in zip(anchors, anchors[1:])]
    splits = choose_splits(sizes, anchors[0], len(rows) - 1 - anchors[-1], page_break_at)
    for gap, (split, close) in enumerate(splits):
        gap_rows = rows[anchors[gap] + 1: anchors[gap + 1]]
        above, below = blocks[gap], blocks[gap + 1]
        above.rows += gap_rows[:split]
        below.rows[:0] = gap_rows[split:]
        for row in gap_rows[split:]:
            row.notes.append(_below_note(below, above if close else None))
        if close:
            for row in gap_rows[:split]:
                row.notes.append(_("This row has no item number; it was read as part of item %(number)s "
                                   "above it, but it could belong to item %(other)s; please check.")
                                 % {"number": above.number, "other": below.number})
    return blocks


def _below_note(block: Block, other: Block | None) -> str:
    note = _("This row has no item number; it was read as part of item %(number)s below it (merged item "
             "names are centred in their block).") % {"number": block.number}
    if other is not None:
        note += " " + _("It could also belong to item %(other)s; please check.") % {"other": other.number}
    return note


def group_unnumbered(rows: list[Row]) -> list[Block]:
    """Plans without item numbers: a short text in the name column starts an item."""
    blocks: list[Block] = []
    for row in rows:
        name = next((t for i, t in row.texts if i == row.columns.name and not C.is_sentence(t)), None)
        if name is not None:
            row.texts = [(i, t) for i, t in row.texts if t != name or i != row.columns.name]
            blocks.append(Block(None, name, [row]))
        elif blocks:
            blocks[-1].rows.append(row)
            row.notes.append(_("Items are not numbered; a row without a name was added to the item above."))
        else:
            blocks.append(Block(None, "", [row]))
    return blocks


# --- items and tasks ---------------------------------------------------------------------------


def build_item(block: Block, year: int | None, warnings: list[Warning]) -> ItemDraft:
    item = ItemDraft(number=block.number, title=block.title)
    for row in block.rows:
        assign_unit_cells(row, block)
    own = [(row.lead, row.responsible, row.deadline) for row in block.rows]
    for position, row in enumerate(block.rows, start=1):
        where = _("Item %(item)s, row %(row)d (line %(line)d)") % {
            "item": block.number or block.title or "?", "row": position, "line": row.line}
        fill_from_block(position - 1, block, own)
        deadline = parse_deadline(row.deadline or "", year)
        if not deadline.recognised:
            row.notes.append(_("Deadline “%(text)s” not understood; kept as text without a date.")
                             % {"text": deadline.text})
        if not row.texts:
            row.notes.append(_("This row has no task text; it was skipped."))
        for _index, text in sorted(row.texts):
            item.tasks.append(TaskDraft(text, list(row.lead), list(row.responsible), deadline))
        warnings += [Warning(where, note) for note in row.notes]
    if not item.tasks:
        warnings.append(Warning(_("Item %(item)s") % {"item": block.number or block.title},
                                _("This item has no tasks.")))
    return item


def assign_unit_cells(row: Row, block: Block) -> None:
    """Lead or responsible units: two unit cells are both, in order; a lone one is judged."""
    cols = row.columns
    if len(row.units) >= 2:
        row.lead = row.units[0][1]
        row.responsible = [name for _index, names in row.units[1:] for name in names]
        if len(row.units) > 2:
            row.notes.append(_("More than two unit cells; all after the first were read as responsible units."))
        return
    if not row.units:
        return
    index, names = row.units[0]
    group_only = all(C.is_group_term(name) for name in names)
    if index == cols.responsible or cols.lead is None:
        row.responsible = names
    elif group_only and _block_has_lead(block, row):
        row.responsible = names
        row.notes.append(_("The only unit cell (%(units)s) lists collective units, and the lead units "
                           "of this item are given in another row (a merged cell); it was read as responsible "
                           "units, not lead units.") % {"units": " ".join(names)})
    elif index == cols.lead or cols.responsible is None:
        row.lead = names
    else:
        row.lead, row.responsible = (None, names) if group_only else (names, None)
        row.notes.append(_("A unit cell outside the unit columns was read as %(role)s.")
                         % {"role": _("responsible units") if group_only else _("lead units")})


def _block_has_lead(block: Block, this: Row) -> bool:
    for row in block.rows:
        if row is not this and (len(row.units) >= 2 or any(
                i == row.columns.lead and not all(map(C.is_group_term, n)) for i, n in row.units)):
            return True
    return False


def fill_from_block(position: int, block: Block, own: list[tuple]) -> None:
    """Empty unit or deadline cells take the value of the nearest row of the item that has its
    own (where the merged cell's text landed); the row above wins a tie."""
    row = block.rows[position]
    fields = (("lead", _("lead units")), ("responsible", _("responsible units")), ("deadline", _("deadline")))
    for slot, (attr, label) in enumerate(fields):
        if own[position][slot] is not None or getattr(row.columns, attr) is None:
            continue
        donors = sorted((abs(i - position), i) for i, values in enumerate(own) if values[slot] is not None)
        if not donors:
            row.notes.append(_("The %(field)s cell is empty in every row of this item.") % {"field": label})
            continue
        source = donors[0][1]
        value = own[source][slot]
        setattr(row, attr, value)
        shown = value if isinstance(value, str) else " ".join(value)
        row.notes.append(_("Empty %(field)s cell: taken from row %(row)d of this item (a merged cell): "
                           "%(value)s.") % {"field": label, "row": source + 1, "value": shown})
    row.lead = row.lead or []
    row.responsible = row.responsible or []


def check_numbering(items: list[ItemDraft]) -> list[Warning]:
    warnings, previous = [], 0
    for item in items:
        if item.number is None:
            continue
        if int(item.number) != previous + 1:
            warnings.append(Warning(_("Item %(item)s") % {"item": item.number},
                                    _("Item numbers jump from %(before)d to %(after)s.")
                                    % {"before": previous, "after": item.number}))
        previous = int(item.number)
    return warnings
