import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from openpyxl import load_workbook

from gongkai.demo.loader import PLAN_FILE
from gongkai.events.labels import VERB_LABELS
from gongkai.plans.models import Plan, PlanImport, Task


def upload(client, data, name="plan.txt", year=""):
    return client.post(reverse("plans:import"), {"file": SimpleUploadedFile(name, data), "year": year})


@pytest.mark.parametrize("url_name", ["plans:list", "plans:import", "orgs:directory", "orgs:names"])
def test_anonymous_sees_no_staff_page(client, db, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_anonymous_cannot_open_a_plan_or_item(client, sample_plan):
    for url in (reverse("plans:detail", args=[sample_plan.pk]), reverse("plans:item", args=[sample_plan.items.first().pk]),
                reverse("plans:export-xlsx", args=[sample_plan.pk])):
        assert client.get(url).status_code == 302


def test_only_the_office_imports(client_for, fgw_liaison):
    assert client_for(fgw_liaison).get(reverse("plans:import")).status_code == 403


def test_upload_preview_confirm(client_for, office):
    client = client_for(office)
    response = upload(client, PLAN_FILE.read_bytes(), name="shenyang.txt")
    staged = PlanImport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("plans:import-preview", args=[staged.pk])
    assert not Plan.objects.exists()  # nothing saved before review
    page = client.get(response["Location"]).content.decode()
    assert "沈阳市2021年政务公开工作要点任务分解表" in page
    assert "市工商局" in page and "沈阳市营商环境建设局" in page  # unresolved, with suggestion
    for warning in staged.draft["warnings"]:
        assert escape(warning["message"]) in page
    response = client.post(reverse("plans:import-preview", args=[staged.pk]), {"action": "confirm"})
    plan = Plan.objects.get()
    assert response["Location"] == reverse("plans:detail", args=[plan.pk])
    assert plan.items.count() == 28


def test_second_upload_warns_and_needs_new_version(client_for, office, sample_plan):
    client = client_for(office)
    upload(client, PLAN_FILE.read_bytes())
    staged = PlanImport.objects.get()
    page = client.get(reverse("plans:import-preview", args=[staged.pk])).content.decode()
    assert "new_version" in page
    client.post(reverse("plans:import-preview", args=[staged.pk]), {"action": "confirm"})
    assert Plan.objects.count() == 1
    client.post(reverse("plans:import-preview", args=[staged.pk]), {"action": "confirm", "new_version": "1"})
    assert Plan.objects.count() == 2


def test_mapping_in_preview_is_remembered(client_for, office, directory):
    client = client_for(office)
    upload(client, PLAN_FILE.read_bytes())
    staged = PlanImport.objects.get()
    client.post(reverse("plans:import-preview", args=[staged.pk]), {
        "action": "map", "name": "沈阳公共资源交易交易中心", "unit": directory["沈阳公共资源交易中心"].pk,
    })
    staged.refresh_from_db()
    entry = next(u for u in staged.draft["units"] if u["name"] == "沈阳公共资源交易交易中心")
    assert (entry["match"], entry["resolved"]) == ("alias", "沈阳公共资源交易中心")


@pytest.mark.parametrize("data, message_part", [
    (b"", "空"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, ""),
    ("随便写点什么，没有表格。\n第二行".encode(), "事项名称"),
    (b"\xe4\xb8\xad\xff\xfe\xfd\xe6\x96\x87", "UTF-8"),
])
def test_bad_files_get_a_message_and_save_nothing(client_for, office, data, message_part):
    response = upload(client_for(office), data)
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert errors and message_part in " ".join(errors)
    assert not PlanImport.objects.exists() and not Plan.objects.exists()


def test_oversized_file_is_refused(client_for, office, settings):
    settings.PLAN_UPLOAD_MAX_BYTES = 1024
    response = upload(client_for(office), PLAN_FILE.read_bytes())
    assert response.status_code == 200 and response.context["form"].errors["file"]
    assert not PlanImport.objects.exists()


def test_gbk_upload_reads_like_utf8(client_for, office):
    client = client_for(office)
    upload(client, PLAN_FILE.read_text(encoding="utf-8").encode("gbk"))
    assert len([i for s in PlanImport.objects.get().draft["sections"] for i in s["items"]]) == 28


def test_overview_lists_sections_items_units_and_deadlines(client_for, shenhe, sample_plan):
    page = client_for(shenhe).get(reverse("plans:detail", args=[sample_plan.pk])).content.decode()
    assert "加强政务公开标准化规范化建设" in page
    assert "全面公开各类规划信息" in page and "2021-09-30" in page
    assert "市发展改革委" in page and "区县（市）政府" in page


def test_filters(client_for, shenhe, sample_plan, directory):
    client = client_for(shenhe)
    url = reverse("plans:detail", args=[sample_plan.pk])
    by_unit = client.get(url, {"unit": directory["沈阳市信息中心"].pk}).context["tasks"]
    assert {t.item.number for t in by_unit} == {"8", "10", "14"}
    by_month = client.get(url, {"month": 11}).context["tasks"]
    assert {t.item.number for t in by_month} == {"7"}
    by_text = client.get(url, {"q": "IPv6"}).context["tasks"]
    assert [t.item.number for t in by_text] == ["13"]
    section = sample_plan.sections.get(position=3)
    by_section = client.get(url, {"section": section.pk}).context["tasks"]
    assert {t.item.number for t in by_section} == {str(n) for n in range(17, 25)}
    response = client.get(url, {"month": "13"})
    assert response.status_code == 200 and response.context.get("tasks") is None


def test_unit_page_lists_lead_and_group_tasks(client_for, shenhe, sample_plan, directory):
    unit = directory["沈河区人民政府"]
    response = client_for(shenhe).get(reverse("plans:unit-tasks", args=[sample_plan.pk, unit.pk]))
    numbers = {t.item.number for t in response.context["tasks"]}
    assert {"1", "7", "28"} <= numbers
    assert {t.item.number for t in response.context["tasks"] if t.pk in response.context["lead_ids"]} == {"7"}


def test_item_page_and_task_correction_through_the_form(client_for, office, sample_plan):
    client = client_for(office)
    target = sample_plan.items.get(number="7")
    page = client.get(reverse("plans:item", args=[target.pk])).content.decode()
    assert page.count("<tr id=\"task-") == 3
    task = target.tasks.get(position=2)
    response = client.post(reverse("plans:task-edit", args=[task.pk]), {
        "text": "编制完成重大建设项目领域公开标准。", "lead_units": "市政府办公室、沈河区政府",
        "responsible_units": "市发展改革委 市自然资源局", "deadline": "12月15日前",
    })
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.text == "编制完成重大建设项目领域公开标准。" and task.deadline_date.isoformat() == "2021-12-15"
    history = client.get(reverse("plans:item", args=[target.pk])).content.decode()
    with translation.override("zh-hans"):
        changed = str(VERB_LABELS["task.updated"])
    assert "12月15日前" in history and changed in history and "task.updated" not in history


def test_bad_task_form_keeps_input_and_explains(client_for, office, sample_plan):
    task = sample_plan.items.get(number="2").tasks.get()
    response = client_for(office).post(reverse("plans:task-edit", args=[task.pk]), {
        "text": "新的文字", "lead_units": "", "responsible_units": "", "deadline": "明年再说",
    })
    assert response.status_code == 200
    assert "明年再说" in response.content.decode()
    task.refresh_from_db()
    assert task.text != "新的文字"


def test_other_units_get_404_on_edit_pages(client_for, outsider, fgw_liaison, sample_plan):
    task = sample_plan.items.get(number="5").tasks.first()
    for user in (outsider, fgw_liaison):
        client = client_for(user)
        assert client.get(reverse("plans:task-edit", args=[task.pk])).status_code == 404
        assert client.post(reverse("plans:task-edit", args=[task.pk]), {"text": "x"}).status_code == 404
        assert client.get(reverse("plans:item-edit", args=[task.item.pk])).status_code == 404


def test_export_xlsx_has_one_row_per_task_with_merged_cells(client_for, shenhe, sample_plan):
    response = client_for(shenhe).get(reverse("plans:export-xlsx", args=[sample_plan.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    texts = [row[1] for row in sheet.iter_rows(min_row=3, values_only=True) if row[1] and row[0] != "事项名称"]
    assert len([t for t in texts if t]) >= Task.objects.in_plan(sample_plan).count()
    merged = [str(r) for r in sheet.merged_cells.ranges]
    assert any(r.startswith("A") and ":A" in r for r in merged)  # an item spanning several tasks


def test_export_json_round_trips(client_for, shenhe, sample_plan):
    response = client_for(shenhe).get(reverse("plans:export-json", args=[sample_plan.pk]))
    data = json.loads(response.content)
    assert data["format"] == "gongkai.plan/v1" and data["year"] == 2021
    assert sum(len(s["items"]) for s in data["sections"]) == 28
    assert {"name": "市工商局", "resolved": None, "match": "unresolved", "suggestions": []} in data["units"]


def test_unknown_pages_are_404_not_500(client_for, office):
    client = client_for(office)
    assert client.get("/plans/999999/").status_code == 404
    assert client.get("/units/export.pdf").status_code == 404


def test_correcting_a_task_and_the_year_before_saving(client_for, office):
    client = client_for(office)
    upload(client, PLAN_FILE.read_bytes())
    staged = PlanImport.objects.get()
    url = reverse("plans:import-task-edit", args=[staged.pk, 7, 2])  # item 8, third task
    page = client.get(url).content.decode()
    assert "严格审核发布" in page
    response = client.post(url, {"text": "严格审核发布。", "lead_units": "市政府办公室", "responsible_units": "区县（市）政府",
                                 "deadline": "10月底"})
    assert response.status_code == 302
    client.post(reverse("plans:import-preview", args=[staged.pk]), {"action": "retitle", "title": "测试计划", "year": 2022})
    client.post(reverse("plans:import-preview", args=[staged.pk]), {"action": "confirm"})
    plan = Plan.objects.get()
    assert (plan.title, plan.year) == ("测试计划", 2022)
    task = plan.items.get(number="8").tasks.get(position=3)
    assert (task.text, task.deadline_date.isoformat()) == ("严格审核发布。", "2022-10-31")
    assert plan.items.get(number="1").tasks.get().deadline_date.isoformat() == "2022-09-30"  # re-dated


def test_correcting_a_task_that_does_not_exist_is_404(client_for, office):
    client = client_for(office)
    upload(client, PLAN_FILE.read_bytes())
    staged = PlanImport.objects.get()
    assert client.get(reverse("plans:import-task-edit", args=[staged.pk, 99, 0])).status_code == 404
    assert client.get(reverse("plans:import-task-edit", args=[staged.pk, 0, 9])).status_code == 404


def test_a_30_mb_file_is_refused_at_the_default_limit(client_for, office):
    data = PLAN_FILE.read_bytes() * (30 * 2**20 // len(PLAN_FILE.read_bytes()) + 1)
    assert len(data) > 30 * 2**20
    response = upload(client_for(office), data)
    assert response.status_code == 200
    assert "20" in " ".join(response.context["form"].errors["file"])
    assert not PlanImport.objects.exists()


def test_preview_offers_the_draft_as_json(client_for, office):
    client = client_for(office)
    upload(client, PLAN_FILE.read_bytes())
    staged = PlanImport.objects.get()
    data = json.loads(client.get(reverse("plans:import-json", args=[staged.pk])).content)
    assert data == staged.draft


def test_item_page_asks_the_lead_unit_to_designate_relevant_departments(client_for, office, sample_plan):
    target = sample_plan.items.get(number="9")  # responsible: 市政府有关部门
    page = client_for(office).get(reverse("plans:item", args=[target.pk])).content.decode()
    assert "市政府有关部门" in page and reverse("plans:designate", args=[
        target.tasks.get().units.get(name="市政府有关部门").pk]) in page
