import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.demo.loader import PLAN_FILE
from gongkai.events.models import Event
from gongkai.orgs.models import UnitAlias
from gongkai.plans import services
from gongkai.plans.importing.draft import PlanDraft
from gongkai.plans.models import Item, Plan, Task, TaskUnit


def item(plan, number):
    return plan.items.get(number=str(number))


def test_sample_is_saved_with_every_item_and_task(sample_plan):
    assert sample_plan.title == "沈阳市2021年政务公开工作要点任务分解表"
    assert sample_plan.year == 2021
    assert sample_plan.sections.count() == 4
    assert list(sample_plan.items.values_list("number", flat=True)) == [str(n) for n in range(1, 29)]
    assert Task.objects.in_plan(sample_plan).count() == sum(i.tasks.count() for i in sample_plan.items.all())
    assert Event.objects.about(sample_plan).get().verb == "plan.imported"


def test_saved_units_resolve_to_units_and_groups(sample_plan):
    first = item(sample_plan, 1).tasks.get()
    leads = [(tu.name, tu.unit.name) for tu in first.lead_units]
    assert leads == [
        ("市发展改革委", "沈阳市发展和改革委员会"), ("市自然资源局", "沈阳市自然资源局"), ("市政府办公室", "沈阳市人民政府办公室"),
    ]
    responsible = first.responsible_units
    assert [tu.group.name for tu in responsible] == ["区县（市）政府", "区政府各部门"]


def test_defunct_bureau_is_kept_unresolved(sample_plan):
    names = TaskUnit.objects.filter(task__item__plan=sample_plan, unit__isnull=True, group__isnull=True)
    assert set(names.values_list("name", flat=True)) == {"市工商局", "沈阳公共资源交易交易中心"}
    assert names.filter(name="市工商局", role="lead").count() >= 2  # items 19 and 21


def test_second_import_is_refused_then_saved_as_version_two(sample_plan, office):
    data = PLAN_FILE.read_bytes()
    draft = PlanDraft.from_json(services.parse_plan_file(data=data, filename="again.txt"))
    with pytest.raises(services.DuplicatePlan) as duplicate:
        services.create_plan(actor=office, draft=draft, sha256=services.sha256_of(data))
    assert duplicate.value.existing == sample_plan
    assert Plan.objects.count() == 1
    second = services.create_plan(actor=office, draft=draft, sha256=services.sha256_of(data), new_version=True)
    assert second.version == 2 and Plan.objects.count() == 2


def test_mapping_a_name_resolves_every_task_and_remembers_it(sample_plan, office, directory):
    count = services.resolve_unit_name(actor=office, name="市工商局", unit=directory["沈阳市营商环境建设局"])
    assert count >= 2
    assert not TaskUnit.objects.filter(name="市工商局", unit__isnull=True).exists()
    assert UnitAlias.objects.get(name="市工商局").unit.name == "沈阳市营商环境建设局"
    assert Event.objects.filter(verb="task.unit_resolved").count() >= 2


def test_only_the_office_maps_names(sample_plan, fgw_liaison, directory):
    with pytest.raises(PermissionDenied):
        services.resolve_unit_name(actor=fgw_liaison, name="市工商局", unit=directory["沈阳市营商环境建设局"])


def test_lead_unit_corrects_its_task_and_history_shows_it(sample_plan, fgw_liaison):
    task = item(sample_plan, 1).tasks.get()
    services.update_task(
        actor=fgw_liaison, task=task, text=task.text + "（已修订）", deadline_text="10月底",
        lead_units=["市发展改革委"], responsible_units=["区县（市）政府"],
    )
    task.refresh_from_db()
    assert task.deadline_date.isoformat() == "2021-10-31"
    assert [tu.name for tu in task.lead_units] == ["市发展改革委"]
    event = Event.objects.about(task).get(verb="task.updated")
    assert event.actor == fgw_liaison
    assert event.data["changes"]["deadline"] == {"from": "9月底", "to": "10月底"}


def test_a_unit_cannot_edit_another_units_task(sample_plan, fgw_liaison, shenhe, outsider):
    task = item(sample_plan, 5).tasks.first()  # led by 市政府办公室 and 市司法局
    for user in (fgw_liaison, shenhe, outsider):
        with pytest.raises(PermissionDenied):
            services.update_task(
                actor=user, task=task, text="x", deadline_text="", lead_units=[], responsible_units=[]
            )
    assert not Event.objects.filter(verb="task.updated").exists()


def test_unknown_deadline_is_refused_with_examples(sample_plan, office):
    task = item(sample_plan, 2).tasks.get()
    with pytest.raises(ValidationError) as error:
        services.update_task(
            actor=office, task=task, text=task.text, deadline_text="下个月吧", lead_units=[], responsible_units=[]
        )
    assert "9月底" in error.value.messages[0]


def test_designating_relevant_departments(sample_plan, office, directory):
    task_unit = TaskUnit.objects.get(task__item=item(sample_plan, 9), name="市政府有关部门")
    finance = directory["沈阳市财政局"]
    assert not Task.objects.for_unit(finance).filter(item__number="9").exists()
    services.designate_units(actor=office, task_unit=task_unit, units=[finance])
    assert Task.objects.for_unit(finance).filter(item__number="9").exists()


def test_for_unit_expands_groups(sample_plan, directory):
    shenhe_tasks = Task.objects.in_plan(sample_plan).for_unit(directory["沈河区人民政府"])
    numbers = set(shenhe_tasks.values_list("item__number", flat=True))
    assert {"1", "7", "28"} <= numbers  # 1 via 区县（市）政府, 7 by name
    assert "21" not in numbers  # 市政府有关部门 only


def test_item_title_edit_by_office(sample_plan, office):
    target = item(sample_plan, 9)
    services.update_item(actor=office, item=target, number="9", title="开展政府网站整合工作")
    assert Item.objects.get(pk=target.pk).title == "开展政府网站整合工作"
    assert Event.objects.about(target).get().data["changes"]["title"]["from"] == "开展政府网站整合"
