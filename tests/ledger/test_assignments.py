import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.events.models import Event
from gongkai.ledger.models import Assignment, AssignmentState
from gongkai.ledger.services import change_due_date, generate_assignments, responsible_units
from gongkai.orgs.models import Unit, UnitKind
from gongkai.plans.models import TaskUnit
from gongkai.plans.services import designate_units


def task_of(plan, item_number, position=1):
    return plan.items.get(number=str(item_number)).tasks.get(position=position)


def test_groups_expand_into_one_assignment_per_unit(ledger):
    item1 = task_of(ledger, 1)  # responsible: 区县（市）政府 + 区政府各部门
    units = set(Assignment.objects.filter(task=item1).values_list("unit__name", flat=True))
    districts = set(Unit.objects.filter(kind=UnitKind.DISTRICT_GOVERNMENT).values_list("name", flat=True))
    assert len(districts) == 13 and districts <= units
    assert all(a.due_date == datetime.date(2021, 9, 30) for a in Assignment.objects.filter(task=item1))


def test_named_units_and_city_departments(ledger, directory):
    task = task_of(ledger, 3)  # 区县（市）政府 市政府各部门 市政府办公室
    units = set(Assignment.objects.filter(task=task).values_list("unit__name", flat=True))
    assert {"沈阳市财政局", "沈阳市人民政府办公室", "和平区人民政府"} <= units
    assert "沈阳市信息中心" not in units  # an institution, not a municipal department


def test_relevant_departments_only_once_designated(ledger, office, directory):
    task = task_of(ledger, 9)  # responsible: 市政府有关部门 only
    assert responsible_units(task) == []
    assert not Assignment.objects.filter(task=task).exists()
    designate_units(actor=office, task_unit=task.units.get(name="市政府有关部门"),
                    units=[directory["沈阳市财政局"], directory["沈阳市司法局"]])
    assert generate_assignments(actor=office, plan=ledger) == 0  # designation already created them
    assert set(Assignment.objects.filter(task=task).values_list("unit__name", flat=True)) == {"沈阳市财政局", "沈阳市司法局"}


def test_generation_is_idempotent(ledger, office):
    count = Assignment.objects.count()
    assert generate_assignments(actor=office, plan=ledger) == 0
    assert Assignment.objects.count() == count


def test_only_the_office_generates(sample_plan, fgw_liaison):
    with pytest.raises(PermissionDenied):
        generate_assignments(actor=fgw_liaison, plan=sample_plan)


def test_unresolved_units_get_no_assignment_but_are_not_lost(ledger):
    task = task_of(ledger, 21)  # lead 市工商局 (unresolved), responsible 市政府有关部门 (undesignated)
    assert not Assignment.objects.filter(task=task).exists()
    assert TaskUnit.objects.filter(task=task, name="市工商局").exists()


def test_lead_changes_due_date_with_reason(ledger, fgw_liaison, shenhe):
    assignment = Assignment.objects.get(task=task_of(ledger, 1), unit__name="沈河区人民政府")
    with pytest.raises(ValidationError):
        change_due_date(actor=fgw_liaison, assignment=assignment, due_date=datetime.date(2021, 10, 29), reason=" ")
    change_due_date(actor=fgw_liaison, assignment=assignment, due_date=datetime.date(2021, 10, 29), reason="规划批复推迟")
    assignment.refresh_from_db()
    assert assignment.due_date == datetime.date(2021, 10, 29)
    assert assignment.original_due_date == datetime.date(2021, 9, 30)
    event = Event.objects.about(assignment).get(verb="assignment.due_changed")
    assert event.data["reason"] == "规划批复推迟"
    with pytest.raises(PermissionDenied):  # the responsible unit cannot move its own deadline
        change_due_date(actor=shenhe, assignment=assignment, due_date=datetime.date(2021, 12, 31), reason="忙")


def test_visibility(ledger, shenhe, fgw_liaison, outsider, office):
    own = Assignment.objects.visible_to(shenhe)
    assert own.exists() and set(own.values_list("unit__name", flat=True)) <= {"沈河区人民政府"} | set(
        Assignment.objects.led_by(shenhe.unit_ids).values_list("unit__name", flat=True))
    led = Assignment.objects.visible_to(fgw_liaison)
    assert led.filter(task__item__number="1", unit__name="和平区人民政府").exists()  # it leads item 1
    # Item 5 names it only as one of 市政府各部门: it sees its own assignment there, nobody else's.
    assert set(led.filter(task__item__number="5").values_list("unit__name", flat=True)) == {"沈阳市发展和改革委员会"}
    assert not Assignment.objects.visible_to(outsider).exists()
    assert Assignment.objects.visible_to(office).count() == Assignment.objects.count()


def test_overdue_is_derived_from_today(ledger):
    assignment = Assignment.objects.filter(due_date=datetime.date(2021, 9, 30)).first()
    assert assignment.state == AssignmentState.NOT_STARTED
    assert not assignment.is_overdue(datetime.date(2021, 9, 30))
    assert assignment.is_overdue(datetime.date(2021, 10, 1))
    assert str(assignment.status_label(datetime.date(2021, 10, 1))) == "逾期"
    assert Assignment.objects.overdue(datetime.date(2021, 10, 1)).filter(pk=assignment.pk).exists()


def test_designation_after_the_ledger_exists_creates_assignments(ledger, office, directory):
    task = task_of(ledger, 9)
    designate_units(actor=office, task_unit=task.units.get(name="市政府有关部门"), units=[directory["沈阳市财政局"]])
    assert list(Assignment.objects.filter(task=task).values_list("unit__name", flat=True)) == ["沈阳市财政局"]
    assert Assignment.objects.get(task=task).due_date == datetime.date(2021, 9, 30)
