"""TAB-separated text tables, as pulled out of PDF or copied from a word processor."""

from .table import RawRow, RawTable, guess_row_kind, pick_title


def read_text_table(text: str) -> RawTable:
    rows, after_header = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        cells = line.split("\t")
        kind = guess_row_kind(cells, after_header=after_header)
        after_header = after_header or kind == "header"
        rows.append(RawRow(cells=cells, line=number, kind=kind))
    return RawTable(title=pick_title(rows), rows=rows)
