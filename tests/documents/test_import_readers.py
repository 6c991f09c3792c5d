"""Readers of document listings: every format to the same rows, with line numbers; unreadable files say why."""

import datetime

import pytest

from gongkai.documents.importing.checking import parse_date, split_list
from gongkai.documents.importing.readers import ImportFileError, read_listing

from .importing_helpers import CSV_ROW, HEADER, csv_text, doc, jsonl, xlsx


def test_json_lines_rows_keep_their_line_numbers_and_fields():
    data = jsonl(doc(title="甲")) + b"\n" + jsonl(doc(title="乙", keywords="一；二"))
    listing = read_listing(data, "listing.jsonl")
    assert listing.format_name == "JSON Lines"
    assert [(row.line, row.get("title")) for row in listing.rows] == [(1, "甲"), (3, "乙")]
    assert listing.rows[0].get("keywords") == ["老旧小区", "改造"]


def test_json_lines_bad_lines_are_problems_of_their_line():
    data = b'{"title": "\xe7\x94\xb2"}\nnot json\n["a list"]\n' + jsonl(doc(format="other/v2"), doc(keywords=3))
    rows = read_listing(data, "x.jsonl").rows
    assert [row.line for row in rows] == [1, 2, 3, 4, 5]
    assert rows[0].problems == [] and rows[0].get("title") == "甲"  # a missing format is v1
    assert "JSON" in rows[1].problems[0][1]
    assert rows[2].problems and rows[3].problems
    assert rows[4].problems[0][0] == "keywords"


def test_json_lines_unknown_fields_are_a_warning():
    listing = read_listing(jsonl(doc(colour="red")), "x.jsonl")
    assert "colour" in listing.warnings[0]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_every_encoding_chinese_offices_save(encoding):
    data = csv_text([CSV_ROW]).encode(encoding)
    listing = read_listing(data, "listing.csv")
    assert listing.format_name == "CSV"
    (row,) = listing.rows
    assert row.line == 2
    assert row.get("title") == "沈河区人民政府关于开展老旧小区改造的通知"
    assert row.get("unit") == "沈河区政府" and row.get("published") == "2021年3月5日"


def test_csv_takes_json_names_as_headers_and_skips_blank_rows():
    text = "title,unit,attribute\n\n甲,沈河区政府,主动公开\n,,\n乙,沈河区政府,主动公开\n"
    rows = read_listing(text.encode(), "x.csv").rows
    assert [(row.line, row.get("title")) for row in rows] == [(3, "甲"), (5, "乙")]


def test_csv_without_a_title_column_is_refused_with_the_reason():
    with pytest.raises(ImportFileError, match="标题"):
        read_listing("名字,单位\n甲,乙\n".encode(), "x.csv")


def test_xlsx_with_chinese_headers_and_date_cells():
    row = list(CSV_ROW)
    row[4] = datetime.datetime(2021, 3, 1)
    row[5] = 44260  # a date cell formatted as a number: Excel's serial day
    listing = read_listing(xlsx([row]), "listing.xlsx")
    (read,) = listing.rows
    assert listing.format_name == "Excel (XLSX)" and read.line == 2
    assert read.get("written") == datetime.date(2021, 3, 1)
    assert parse_date(read.get("published")) == datetime.date(2021, 3, 5)


def test_files_that_are_not_listings_say_so():
    with pytest.raises(ImportFileError):
        read_listing(b"", "x.csv")
    with pytest.raises(ImportFileError, match="PDF"):
        read_listing(b"%PDF-1.4 something", "x.csv")
    with pytest.raises(ImportFileError, match="Excel"):
        read_listing(b"PK\x03\x04 not really a zip", "x.xlsx")
    with pytest.raises(ImportFileError):
        read_listing("\n".join(HEADER[1:]).encode(), "x.csv")


@pytest.mark.parametrize("text, expected", [
    ("2021-03-05", datetime.date(2021, 3, 5)), ("2021/3/5", datetime.date(2021, 3, 5)),
    ("2021年3月5日", datetime.date(2021, 3, 5)), ("2021.3.5", datetime.date(2021, 3, 5)),
    ("2021-03-05 09:30:00", datetime.date(2021, 3, 5)), ("44260", datetime.date(2021, 3, 5)), ("", None),
])
def test_dates_as_listings_write_them(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2021-02-30", "5 March 2021", "2021-3", "去年"])
def test_what_is_not_a_date(text):
    with pytest.raises(ValueError):
        parse_date(text)


def test_lists_split_on_chinese_and_latin_separators():
    assert split_list("老旧小区；改造、民生,住房 城建;改造") == ["老旧小区", "改造", "民生", "住房", "城建"]
    assert split_list(["甲", " 甲 ", "乙"]) == ["甲", "乙"]
