import io

import pytest
from openpyxl import load_workbook

from gongkai.demo.loader import PLAN_FILE
from gongkai.plans.models import Plan, Task

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_office_imports_browses_filters_corrects_and_exports(login, live_server, office, directory):
    page = login(office)
    page.click("text=导入工作要点")
    page.set_input_files("#id_file", str(PLAN_FILE))
    page.click("button[type=submit]")

    # The preview: warnings and unresolved names, nothing saved yet.
    page.wait_for_selector("#warnings-heading")
    assert "沈阳市2021年政务公开工作要点任务分解表" in page.content()
    assert page.locator(".warnings li").count() >= 1
    assert page.locator(".tag.unresolved", has_text="市工商局").count() == 1
    assert not Plan.objects.exists()
    page.click("button[value=confirm]")

    # The overview.
    page.wait_for_selector("text=全面公开各类规划信息")
    plan = Plan.objects.get()
    assert page.locator("section h2").count() == 4

    # Filter by unit.
    page.select_option("#id_unit", label="沈阳市信息中心")
    page.click("button:has-text('筛选')")
    page.wait_for_selector("text=深入推进政务新媒体试点建设")
    assert page.locator("tbody tr").count() == Task.objects.in_plan(plan).for_unit(directory["沈阳市信息中心"]).count()

    # Open an item and correct a task.
    page.click("text=深入推进政务新媒体试点建设")
    page.click("a[aria-label^='编辑任务 8.3']")
    page.fill("#id_deadline", "11月30日前")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=任务已保存")
    task = plan.items.get(number="8").tasks.get(position=3)
    assert task.deadline_date.isoformat() == "2021-11-30"
    assert "11月30日前" in page.content()

    # Export the XLSX from the overview.
    page.click(f"a[href='/plans/{plan.pk}/']")
    with page.expect_download() as download_info:
        page.click("text=导出 XLSX")
    sheet = load_workbook(io.BytesIO(open(download_info.value.path(), "rb").read())).active
    assert sheet["A1"].value == "沈阳市2021年政务公开工作要点任务分解表"
    assert any("11月30日前" == row[4] for row in sheet.iter_rows(min_row=3, values_only=True))
