import datetime
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gongkai.ledger.models import Assignment, AssignmentState, Problem
from gongkai.ledger.services import record_problem, submit_report, take_step
from tests.ledger.conftest import pdf_file

FOUND = datetime.date(2021, 8, 2)


@pytest.fixture
def problem(ledger, office, directory):
    return record_problem(
        actor=office, plan=ledger, unit=directory["沈河区人民政府"], title="政策解读栏目三个月未更新",
        description="补充发布近三个月的政策解读并建立更新机制。", source="online_check", found_on=FOUND,
        due_date=datetime.date(2021, 8, 31),
    )


def test_a_problem_is_a_task_in_its_own_section_assigned_to_the_unit(problem, ledger):
    task = problem.task
    assert task.item.section.title == "问题整改" and task.item.number == "P1"
    assert [tu.unit.name for tu in task.lead_units] == ["沈阳市人民政府办公室"]
    assignment = Assignment.objects.get(task=task)
    assert (assignment.unit.name, assignment.due_date) == ("沈河区人民政府", datetime.date(2021, 8, 31))


def test_fixed_reported_verified_closed(problem, shenhe, shenhe_reviewer, office, fgw_liaison):
    assignment = Assignment.objects.get(task=problem.task)
    report = submit_report(actor=shenhe, assignment=assignment, text="已补发12篇解读", percent=100, is_final=True,
                           files=[pdf_file()])
    take_step(actor=shenhe_reviewer, report=report, step="sign_off")
    with pytest.raises(PermissionDenied):  # only the office verifies its problems
        take_step(actor=fgw_liaison, report=report, step="accept")
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2021, 8, 20)):
        take_step(actor=office, report=report, step="accept")
    assignment.refresh_from_db()
    assert assignment.state == AssignmentState.DONE


def test_problem_numbers_and_validation(problem, ledger, office, directory, fgw_liaison):
    second = record_problem(actor=office, plan=ledger, unit=directory["沈阳市财政局"], title="预算公开不完整",
                            description="补充部门所属单位预算。", source="site_inspection", found_on=FOUND,
                            due_date=FOUND)
    assert second.task.item.number == "P2" and Problem.objects.count() == 2
    with pytest.raises(ValidationError):
        record_problem(actor=office, plan=ledger, unit=directory["沈阳市财政局"], title="x", description="y",
                       source="other", found_on=FOUND, due_date=FOUND - datetime.timedelta(days=1))
    with pytest.raises(PermissionDenied):
        record_problem(actor=fgw_liaison, plan=ledger, unit=directory["沈阳市财政局"], title="x", description="y",
                       source="other", found_on=FOUND, due_date=FOUND)


def test_problems_page_scoping(client_for, problem, ledger, shenhe, outsider, office):
    url = reverse("ledger:problems", args=[ledger.pk])
    assert len(client_for(shenhe).get(url).context["assignments"]) == 1
    assert client_for(shenhe).post(url, {"title": "x"}).status_code == 403
    assert len(client_for(outsider).get(url).context["assignments"]) == 0
    response = client_for(office).post(url, {"title": "", "description": ""})
    assert response.status_code == 400 and Problem.objects.count() == 1
