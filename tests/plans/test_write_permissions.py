"""The plan services refuse by themselves whoever may not write: a lead unit's viewer, other units, non-office.

Views hide these actions too, but a service is the one place every caller passes through (web, API,
commands), so the refusal lives there.
"""

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.demo.loader import PLAN_FILE
from gongkai.events.models import Event
from gongkai.orgs.models import GroupRule, Role
from gongkai.orgs.services import create_person
from gongkai.plans import services
from gongkai.plans.importing.draft import PlanDraft
from gongkai.plans.models import Item, PlanImport, Task, TaskUnit
from tests.conftest import PASSWORD

FGW = "沈阳市发展和改革委员会"  # lead unit of item 1


@pytest.fixture
def fgw_viewer(directory):
    return create_person(actor=None, username="fgw-viewer", password=PASSWORD,
                         memberships=[(directory[FGW], Role.VIEWER)])


def test_a_lead_units_viewer_cannot_edit_its_task_or_item(sample_plan, fgw_viewer, fgw_liaison):
    item = sample_plan.items.get(number="1")
    task = item.tasks.get()
    with pytest.raises(PermissionDenied):
        services.update_task(actor=fgw_viewer, task=task, text="查看者改写", deadline_text="10月底",
                             lead_units=["市发展改革委"], responsible_units=[])
    with pytest.raises(PermissionDenied):
        services.update_item(actor=fgw_viewer, item=item, number="1", title="查看者改写")
    assert not Event.objects.filter(verb__in=["task.updated", "item.updated"]).exists()
    assert not Task.objects.editable_by(fgw_viewer).exists() and not Item.objects.editable_by(fgw_viewer).exists()
    assert Task.objects.editable_by(fgw_liaison).filter(pk=task.pk).exists()  # the unit's liaison still may


def test_a_lead_units_viewer_cannot_designate_departments(sample_plan, directory):
    task_unit = TaskUnit.objects.filter(task__item__plan=sample_plan, group__rule=GroupRule.DESIGNATED).first()
    lead = next(tu.unit for tu in task_unit.task.lead_units if tu.unit)
    viewer = create_person(actor=None, username="lead-viewer", password=PASSWORD, memberships=[(lead, Role.VIEWER)])
    liaison = create_person(actor=None, username="lead-liaison", password=PASSWORD, memberships=[(lead, Role.LIAISON)])
    with pytest.raises(PermissionDenied):
        services.designate_units(actor=viewer, task_unit=task_unit, units=[directory["沈阳市财政局"]])
    assert not task_unit.designated_units.exists()
    services.designate_units(actor=liaison, task_unit=task_unit, units=[directory["沈阳市财政局"]])
    assert list(task_unit.designated_units.all()) == [directory["沈阳市财政局"]]


def test_a_lead_units_viewer_gets_no_edit_page(client_for, sample_plan, fgw_viewer):
    task = sample_plan.items.get(number="1").tasks.get()
    assert client_for(fgw_viewer).get(f"/plans/tasks/{task.pk}/edit/").status_code == 404


@pytest.mark.parametrize("who", ["fgw_liaison", "shenhe", "outsider"])
def test_only_the_office_imports_plans(who, request, office, directory):
    actor = request.getfixturevalue(who)
    data = PLAN_FILE.read_bytes()
    with pytest.raises(PermissionDenied):
        services.stage_import(actor=actor, data=data, filename=PLAN_FILE.name)
    with pytest.raises(PermissionDenied):
        services.create_plan(actor=actor, draft=PlanDraft.from_json(services.parse_plan_file(data=data)),
                             sha256=services.sha256_of(data))
    staged = services.stage_import(actor=office, data=data, filename=PLAN_FILE.name)
    for attempt in (
        lambda: services.correct_staged_plan(actor=actor, staged=staged, title="改名", year=2021),
        lambda: services.correct_staged_task(actor=actor, staged=staged, item_index=0, task_index=0, text="x",
                                             deadline_text="", lead_units=[], responsible_units=[]),
        lambda: services.discard_import(actor=actor, staged=staged),
        lambda: services.confirm_import(actor=actor, staged=staged),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    staged.refresh_from_db()
    assert staged.status == PlanImport.Status.PENDING and staged.draft["title"] != "改名"
    assert services.confirm_import(actor=office, staged=staged).items.count() == 28
