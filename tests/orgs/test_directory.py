import io

import pytest
from openpyxl import load_workbook

from gongkai.events.models import Event
from gongkai.orgs.directory import DirectoryFileError, export_csv, export_xlsx, import_directory
from gongkai.orgs.models import Unit


def test_sample_directory_builds_the_hierarchy(directory):
    city = Unit.objects.get(code="210100")
    assert city.name == "沈阳市人民政府"
    assert Unit.objects.get(code="210103").parent == city
    assert Unit.objects.get(name="沈阳市营商环境建设局").aliases.filter(name="市营商环境局").exists()
    assert Event.objects.filter(verb="unit.created").count() == Unit.objects.count()


def test_csv_round_trip_changes_nothing(directory):
    exported = export_csv()
    assert exported.startswith("\ufeff".encode())
    before = list(Unit.objects.values_list("name", "code", "kind", "parent__name").order_by("name"))
    result = import_directory(actor=None, data=exported, filename="units.csv")
    assert (result.created, result.updated, result.aliases_added) == ([], [], 0)
    assert list(Unit.objects.values_list("name", "code", "kind", "parent__name").order_by("name")) == before


def test_xlsx_export_reads_back(directory):
    sheet = load_workbook(io.BytesIO(export_xlsx())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("code", "name", "short_names", "kind", "parent_code", "parent_name")
    names = {row[1] for row in rows[1:]}
    assert "沈阳市卫生健康委员会" in names and len(names) == 28
    result = import_directory(actor=None, data=export_xlsx(), filename="units.xlsx")
    assert result.created == []


def test_gbk_csv_is_read(db):
    data = "code,name,short_names,kind,parent_code\n,沈阳市教育局,市教育局,municipal_department,\n".encode("gbk")
    import_directory(actor=None, data=data, filename="units.csv")
    assert Unit.objects.get(name="沈阳市教育局").aliases.get().name == "市教育局"


def test_a_bad_row_rejects_the_whole_file(db):
    data = (
        "code,name,short_names,kind,parent_code\n"
        ",沈阳市教育局,,municipal_department,\n"
        ",沈阳市民政局,,ministry,\n"
        ",,,institution,999\n"
    ).encode()
    with pytest.raises(DirectoryFileError) as error:
        import_directory(actor=None, data=data, filename="units.csv")
    problems = error.value.problems
    assert any("3" in p and "ministry" in p for p in problems)  # the line and the bad kind are named
    assert any("4" in p and "999" in p for p in problems)
    assert len(problems) == 3  # line 4 also has no name
    assert not Unit.objects.exists()


def test_missing_columns_are_named(db):
    with pytest.raises(DirectoryFileError) as error:
        import_directory(actor=None, data="名称,类型\n市教育局,department\n".encode(), filename="x.csv")
    assert "kind" in error.value.problems[0] and "name" in error.value.problems[0]


def test_damaged_xlsx_gets_a_message(db):
    with pytest.raises(DirectoryFileError) as error:
        import_directory(actor=None, data=b"PK\x03\x04garbage", filename="units.xlsx")
    assert "Excel" in error.value.problems[0]
