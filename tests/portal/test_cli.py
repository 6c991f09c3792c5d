"""The command line a newcomer meets: the real `gongkai` in a subprocess, on a fresh data directory (SQLite).

No database yet: each data command says in one line what to run, with no traceback and no empty SQLite file
left behind. `gongkai migrate` sets the database up and loads the official calendar, so deadlines and `tick`
work at once; an import into an empty directory says to load one first; the help lists the project's
commands apart from Django's.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.demo.loader import PLAN_FILE, UNITS_FILE

ROOT = Path(__file__).resolve().parents[2]
NOT_SET_UP = "数据库尚未初始化：请先运行 gongkai migrate"


@pytest.fixture
def gongkai(tmp_path):
    """gongkai(*args) runs the command against an empty GONGKAI_DATA_DIR; returns (exit code, stdout, stderr)."""
    environment = {name: value for name, value in os.environ.items()
                   if not name.startswith(("GONGKAI_", "DJANGO_"))}  # SQLite in tmp_path, whatever the test run uses
    environment.update(GONGKAI_DATA_DIR=str(tmp_path / "var"), PYTHONPATH=str(ROOT))

    def run(*args):
        result = subprocess.run([sys.executable, "-m", "gongkai", *map(str, args)], env=environment, cwd=tmp_path,
                                capture_output=True, text=True, timeout=300)
        return result.returncode, result.stdout, result.stderr

    run.data_dir = tmp_path / "var"
    return run


@pytest.mark.parametrize("command", [
    ("import-plan", PLAN_FILE), ("import-plan", PLAN_FILE, "--dry-run"), ("tick",), ("workdays", "status"),
    ("workdays", "add", "2026-12-02", "5"), ("demo",), ("load-directory", UNITS_FILE), ("export-directory",),
    ("api-token", "office"), ("createsuperuser", "--noinput", "--username", "admin"),
])
def test_a_data_command_before_migrate_says_what_to_run(gongkai, command):
    code, out, err = gongkai(*command)
    assert (code, out, err) == (1, "", NOT_SET_UP + "\n")
    assert not (gongkai.data_dir / "gongkai.sqlite3").exists()  # nothing created that would look set up


def test_help_lists_the_projects_commands_apart_from_djangos(gongkai):
    code, out, err = gongkai("--help")
    assert code == 0 and err == ""
    assert gongkai("help")[1] == gongkai()[1] == out
    ours, djangos = out.split("Django 自带的开发和维护命令")
    for command in ("import-plan", "load-directory", "export-directory", "api-token", "foi-fee", "tick",
                    "workdays", "demo", "serve", "setup"):
        assert f"\n  {command} " in ours
    assert "import_plan" not in out and "runserver" not in ours and "makemigrations" not in ours
    assert "runserver" in djangos and "migrate" in djangos
    assert "从文件导入工作要点任务分解表" in ours  # each command said in Chinese


def test_help_on_one_command(gongkai):
    code, out, err = gongkai("help", "import-plan")
    assert code == 0 and err == ""
    assert out.startswith("用法：gongkai import-plan ")
    assert "--dry-run" in out and "只读取并报告，不保存" in out and "显示本帮助并退出" in out
    assert "--settings" not in out and "--traceback" not in out  # Django's developer options are not listed
    assert gongkai("import-plan", "--help")[1] == out


def test_mistakes_on_the_command_line_are_said_in_chinese(gongkai):
    code, out, err = gongkai("imprt-plan")
    assert code == 1 and "没有“imprt-plan”这个命令" in err and "gongkai import-plan" in err
    code, out, err = gongkai("foi-fee", "--per-item")  # needs no database
    assert code == 1 and err.startswith("错误：") and "--nth" in err
    code, out, err = gongkai("foi-fee")
    assert code == 2 and err.startswith("用法：gongkai foi-fee") and "必须给出以下参数之一" in err
    assert "Traceback" not in err and "error:" not in err


def test_migrate_sets_up_the_database_and_the_calendar_then_the_first_import(gongkai):
    code, out, err = gongkai("migrate", "--noinput")
    assert code == 0, err
    assert "数据库已就绪" in out and "已从 chinesecalendar 包载入官方工作日历：2019—2026 年" in out
    assert "Applying" not in out  # Django's migration log stays behind -v 2

    code, out, err = gongkai("migrate")  # again: nothing changes
    assert code == 0 and "数据库已是最新" in out and "官方工作日历已载入（2019—2026 年）" in out

    # Deadlines work on the new install: the calendar is there.
    assert gongkai("workdays", "add", "2026-09-30", "1") == (0, "2026-10-08\n", "")  # past 国庆节 10/1–7
    code, out, err = gongkai("tick", "--today", "2026-12-02")
    assert code == 0 and out.startswith("2026-12-02：未完成任务 0 项") and err == ""

    code, out, err = gongkai("import-plan", PLAN_FILE)
    assert (code, out) == (1, "")
    assert err == "错误：单位名录为空：请先用 gongkai load-directory 文件（CSV 或 XLSX）载入单位名录。\n"

    code, out, err = gongkai("load-directory", UNITS_FILE)
    assert (code, out) == (0, "新增单位 28 个，更新单位 0 个，新增简称 50 个。\n")
    code, out, err = gongkai("import-plan", PLAN_FILE)
    assert code == 0, err
    assert "共 4 个部分、28 项事项、36 项任务" in out and "已保存工作要点" in err


@pytest.mark.parametrize("command", ["tick", "migrate"])
def test_an_unreachable_postgresql_is_one_line(tmp_path, command):
    code, out, err = subprocess_with_database(tmp_path, "postgres://nobody@127.0.0.1:1/none", command)
    assert code == 1 and out == ""
    assert err.startswith("无法连接数据库（") and err.endswith("请检查 GONGKAI_DATABASE_URL。\n")
    assert err.count("\n") == 1


def subprocess_with_database(tmp_path, url, command):
    environment = {name: value for name, value in os.environ.items() if not name.startswith("GONGKAI_")}
    environment.update(GONGKAI_DATA_DIR=str(tmp_path / "var"), GONGKAI_DATABASE_URL=url, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "gongkai", command], env=environment, capture_output=True,
                            text=True, timeout=120)
    return result.returncode, result.stdout, result.stderr
