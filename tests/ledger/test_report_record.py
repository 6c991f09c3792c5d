"""The report record says who signed off and who decided, when, with both comments; a return keeps the
reported progress; completed work offers no due-date change."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from gongkai.ledger.models import Assignment, AssignmentState
from gongkai.ledger.services import change_due_date, submit_report, take_step
from tests.ledger.conftest import pdf_file


@pytest.fixture
def item1(ledger):
    return Assignment.objects.get(task__item__number="1", unit__name="沈河区人民政府")


def page_of(client, assignment):
    response = client.get(reverse("ledger:assignment", args=[assignment.pk]))
    assert response.status_code == 200
    return response.content.decode()


def local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def test_the_record_names_reviewer_and_lead_with_times_and_both_comments(client_for, item1, shenhe, shenhe_reviewer,
                                                                        fgw_liaison):
    shenhe_reviewer.display_name, fgw_liaison.display_name = "王审核", "李牵头"
    shenhe_reviewer.save()
    fgw_liaison.save()
    report = submit_report(actor=shenhe, assignment=item1, text="已梳理规划目录", percent=60)
    take_step(actor=shenhe_reviewer, report=report, step="sign_off", comment="情况属实，同意报送")
    take_step(actor=fgw_liaison, report=report, step="return", comment="请补充公开网址")
    report.refresh_from_db()
    assert (report.signoff_comment, report.comment) == ("情况属实，同意报送", "请补充公开网址")

    page = page_of(client_for(shenhe), item1)
    assert f"本单位审核人王审核于{local(report.signed_off_at)}审核签发" in page
    assert "审核人意见：情况属实，同意报送" in page  # the lead's comment does not replace the reviewer's
    assert f"牵头单位（李牵头）于{local(report.decided_at)}退回" in page
    assert "牵头单位意见：请补充公开网址" in page


def test_an_accepted_report_says_who_accepted(client_for, item1, shenhe, shenhe_reviewer, fgw_liaison):
    report = submit_report(actor=shenhe, assignment=item1, text="进展", percent=30)
    take_step(actor=shenhe_reviewer, report=report, step="sign_off")
    take_step(actor=fgw_liaison, report=report, step="accept")
    report.refresh_from_db()
    page = page_of(client_for(shenhe), item1)
    assert f"牵头单位（fgw）于{local(report.decided_at)}审核通过" in page
    assert "牵头单位意见" not in page  # no comment given: no empty line


def test_a_reviewer_return_is_recorded_with_its_comment(client_for, item1, shenhe, shenhe_reviewer):
    report = submit_report(actor=shenhe, assignment=item1, text="进展", percent=30)
    take_step(actor=shenhe_reviewer, report=report, step="return_to_handler", comment="数据不准确")
    report.refresh_from_db()
    page = page_of(client_for(shenhe), item1)
    assert f"本单位审核人shenhe-review于{local(report.signed_off_at)}退回" in page and "审核人意见：数据不准确" in page


def test_a_returned_task_keeps_its_reported_percentage(client_for, item1, shenhe, shenhe_reviewer, fgw_liaison):
    report = submit_report(actor=shenhe, assignment=item1, text="已完成六成", percent=60)
    take_step(actor=shenhe_reviewer, report=report, step="sign_off")
    item1.refresh_from_db()
    assert item1.percent == 60  # the unit's signed-off report is what the ledger shows
    take_step(actor=fgw_liaison, report=report, step="return", comment="请补充截图")
    item1.refresh_from_db()
    assert (item1.state, item1.percent) == (AssignmentState.RETURNED, 60)
    page = page_of(client_for(shenhe), item1)
    assert 'value="60"' in page and 'name="percent"' in page  # the new report starts from what was reported


@pytest.fixture
def completed(item1, shenhe, shenhe_reviewer, fgw_liaison):
    report = submit_report(actor=shenhe, assignment=item1, text="完成", percent=100, is_final=True, files=[pdf_file()])
    take_step(actor=shenhe_reviewer, report=report, step="sign_off")
    take_step(actor=fgw_liaison, report=report, step="accept")
    item1.refresh_from_db()
    assert item1.state in (AssignmentState.DONE, AssignmentState.DONE_LATE)
    return item1


def test_completed_work_offers_no_due_date_change(client_for, completed, fgw_liaison):
    page = page_of(client_for(fgw_liaison), completed)
    assert reverse("ledger:due-date", args=[completed.pk]) not in page and "新截止日期" not in page


def test_completed_work_refuses_a_due_date_change(client_for, completed, fgw_liaison):
    due = completed.due_date
    with pytest.raises(ValidationError, match="已完成"):
        change_due_date(actor=fgw_liaison, assignment=completed, due_date=datetime.date(2021, 12, 31), reason="延期")
    response = client_for(fgw_liaison).post(reverse("ledger:due-date", args=[completed.pk]), {
        "version": completed.version, "due_date": "2021-12-31", "reason": "延期"}, follow=True)
    assert response.status_code == 200 and "该任务已完成，截止日期不能再调整。" in response.content.decode()
    completed.refresh_from_db()
    assert completed.due_date == due


def test_open_work_still_offers_the_due_date_change(client_for, item1, fgw_liaison):
    assert reverse("ledger:due-date", args=[item1.pk]) in page_of(client_for(fgw_liaison), item1)


def test_the_migration_gives_each_report_both_comments_back(item1, shenhe, shenhe_reviewer, fgw_liaison):
    """Reports written before the split had one comment, the last one said; the event log has each."""
    from importlib import import_module

    from django.apps import apps

    from gongkai.ledger.models import ProgressReport

    migration = import_module("gongkai.ledger.migrations.0004_report_signoff_comment")
    decided = submit_report(actor=shenhe, assignment=item1, text="进展", percent=30)
    take_step(actor=shenhe_reviewer, report=decided, step="sign_off", comment="同意报送")
    take_step(actor=fgw_liaison, report=decided, step="return", comment="请补充截图")
    ProgressReport.objects.filter(pk=decided.pk).update(signoff_comment="", comment="请补充截图")  # as stored before
    migration.split_comments(apps, None)
    decided.refresh_from_db()
    assert (decided.signoff_comment, decided.comment) == ("同意报送", "请补充截图")
