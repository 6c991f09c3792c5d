import json

import pytest
from django.core.management import CommandError, call_command

from gongkai.demo.loader import PLAN_FILE
from gongkai.plans.models import Plan


def test_json_output_is_the_plan_format(directory, capsys):
    call_command("import_plan", str(PLAN_FILE), "--dry-run", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "gongkai.plan/v1"
    assert data["title"] == "沈阳市2021年政务公开工作要点任务分解表" and data["year"] == 2021
    units = {u["name"]: u for u in data["units"]}
    assert units["市发展改革委"] == {"name": "市发展改革委", "resolved": "沈阳市发展和改革委员会", "match": "alias", "suggestions": []}
    assert units["区县（市）政府"]["match"] == "group"
    assert units["市工商局"]["resolved"] is None
    assert units["沈阳公共资源交易交易中心"]["suggestions"][0] == "沈阳公共资源交易中心"
    assert not Plan.objects.exists()


def test_import_then_duplicate_then_new_version(directory, capsys):
    call_command("import_plan", str(PLAN_FILE))
    assert Plan.objects.get().items.count() == 28
    with pytest.raises(CommandError, match="此前已导入过"):
        call_command("import_plan", str(PLAN_FILE))
    assert Plan.objects.count() == 1
    call_command("import_plan", str(PLAN_FILE), "--new-version")
    assert sorted(Plan.objects.values_list("version", flat=True)) == [1, 2]


def test_report_lists_warnings_and_unresolved_names(directory, capsys):
    call_command("import_plan", str(PLAN_FILE), "--dry-run")
    out = capsys.readouterr().out
    assert "共 4 个部分、28 项事项、36 项任务" in out
    assert "单位名录中没有的单位名称：市工商局" in out
    assert out.count("提示：") >= 1


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary", "没有表头的文字".encode()])
def test_bad_files_are_a_clean_error(db, tmp_path, content):
    path = tmp_path / "plan.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError):
        call_command("import_plan", str(path))
    assert not Plan.objects.exists()


def test_missing_file(db):
    with pytest.raises(CommandError, match="无法读取 /nonexistent/plan.txt：文件不存在"):
        call_command("import_plan", "/nonexistent/plan.txt")


def test_an_empty_directory_is_said_before_anything_is_saved(db):
    with pytest.raises(CommandError, match="单位名录为空：请先用 gongkai load-directory"):
        call_command("import_plan", str(PLAN_FILE))
    assert not Plan.objects.exists()
