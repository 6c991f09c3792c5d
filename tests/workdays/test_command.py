"""`gongkai workdays ...` as an administrator types it."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from gongkai.workdays.models import CalendarYear


def run(*args):
    out = StringIO()
    call_command("workdays", *args, stdout=out)
    return out.getvalue()


def test_add_prints_the_iso_date(calendar_2021_2026):
    # From Tue 9/28: 9/29, 9/30, (国庆节 10/1–7), 10/8, Sat 10/9, 10/11–15, 10/18–22, 10/25–29 → day 20 is Mon 11/1.
    assert run("add", "2021-09-28", "20") == "2021-11-01\n"
    assert run("add", "2021-09-15", "20", "--same-day") == "2021-10-18\n"


def test_add_explains(calendar_2021_2026):
    out = run("add", "2021-09-15", "7", "--explain")
    assert "2021-09-19" in out and "中秋节" in out
    lines = out.strip().splitlines()
    assert "2021-09-15" in lines[0]  # the question
    assert "2021-09-26" in lines[-1]  # the answer: day 7 is the make-up Sunday
    assert len(lines) == 2 + 12  # 9/15 to 9/26 inclusive, one line each


def test_count(calendar_2021_2026):
    assert run("count", "2021-09-15", "2021-10-19") == "20\n"


@pytest.mark.parametrize("args, needle", [
    (("add", "2026-12-20", "20"), "2027"),
    (("add", "2021-02-30", "20"), "2021-02-30"),
    (("add", "2021-09-15", "twenty"), "twenty"),
    (("count", "2026-12-01", "2027-01-10"), "2027"),
])
def test_errors_are_messages_not_tracebacks(calendar_2021_2026, args, needle):
    with pytest.raises(CommandError, match=needle):
        run(*args)


def test_load_package_and_status(db):
    out = run("load-package", "2021", "2022")
    assert "2021" in out and "2022" in out
    assert "2021" in run("load-package", "2021")  # skipped, not an error
    status = run("status")
    assert "国办发明电〔2020〕27号" in status and "2022" in status
    with pytest.raises(CommandError, match="2027"):
        run("load-package", "2027")


def test_load_package_defaults_to_2019_onwards(db):
    run("load-package")
    assert list(CalendarYear.objects.values_list("year", flat=True)) == list(range(2019, 2027))


def test_load_notice_from_a_file(calendar_2021_2026, tmp_path):
    path = tmp_path / "2027.csv"
    path.write_text("2027-01-01~2027-01-03,holiday,元旦\n2027-02-06,workday,春节调休\n", encoding="utf-8")
    out = run("load-notice", str(path), "--year", "2027", "--notice", "国办发明电〔2026〕99号")
    assert "2027" in out
    assert CalendarYear.objects.get(year=2027).source == "import"
    assert run("add", "2026-12-31", "1") == "2027-01-04\n"
    with pytest.raises(CommandError, match="2027"):
        run("load-notice", str(path), "--year", "2027", "--notice", "x")  # already loaded, no --replace
    path.write_text("2027-01-04,workday,bad\n", encoding="utf-8")
    with pytest.raises(CommandError, match="2027-01-04"):
        run("load-notice", str(path), "--year", "2027", "--notice", "x", "--replace")
    with pytest.raises(CommandError):
        run("load-notice", str(tmp_path / "missing.csv"), "--year", "2027", "--notice", "x")
    # The failed replace left the loaded year as it was.
    assert CalendarYear.objects.get(year=2027).special_days.count() == 4
