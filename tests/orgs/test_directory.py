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
    assert rows[0] == ("代码", "名称", "简称", "类别", "上级单位代码", "上级单位")
    assert {row[3] for row in rows[1:]} >= {"市人民政府", "区县（市）人民政府", "市政府部门"}  # kinds in words
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


def test_a_file_written_in_chinese_is_read(db):
    data = ("代码,名称,简称（以|分隔）,类别,上级单位代码,上级单位\n"
            "210100,沈阳市人民政府,市政府,市人民政府,,\n"
            ",沈阳市教育局,市教育局｜沈阳市教委,市政府部门,,沈阳市人民政府\n").encode()
    result = import_directory(actor=None, data=data, filename="名录.csv")
    education = Unit.objects.get(name="沈阳市教育局")
    assert len(result.created) == 2 and education.kind == "municipal_department"
    assert education.parent.code == "210100"
    assert sorted(education.aliases.values_list("name", flat=True)) == ["市教育局", "沈阳市教委"]


def test_the_csv_export_is_headed_in_chinese(directory):
    text = export_csv().decode("utf-8-sig")
    assert text.splitlines()[0] == "代码,名称,简称,类别,上级单位代码,上级单位"
    assert "210103,沈河区人民政府,沈河区政府|沈阳市沈河区人民政府,区县（市）人民政府,210100,沈阳市人民政府" in text


def test_missing_columns_are_named(db):
    with pytest.raises(DirectoryFileError) as error:
        import_directory(actor=None, data="单位,类型\n市教育局,department\n".encode(), filename="x.csv")
    assert "名称" in error.value.problems[0] and "类别" in error.value.problems[0]


def test_an_unknown_kind_lists_the_kinds_in_words(db):
    with pytest.raises(DirectoryFileError) as error:
        import_directory(actor=None, data="名称,类别\n沈阳市教育局,部委\n".encode(), filename="x.csv")
    assert "部委" in error.value.problems[0] and "市政府部门" in error.value.problems[0]
    assert "municipal_department" not in error.value.problems[0]


def test_damaged_xlsx_gets_a_message(db):
    with pytest.raises(DirectoryFileError) as error:
        import_directory(actor=None, data=b"PK\x03\x04garbage", filename="units.xlsx")
    assert "Excel" in error.value.problems[0]
