import datetime
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.events.models import Event
from gongkai.ledger.models import Assignment, AssignmentState, ReportStatus
from gongkai.ledger.services import Conflict, submit_report, take_step
from tests.ledger.conftest import docx_file, pdf_file


@pytest.fixture
def item7(ledger):
    """沈河区政府's assignment of item 7, task 2 (due 2021-11-30). Item 7 is led by 市政府办公室 and 沈河区政府."""
    return Assignment.objects.get(task__item__number="7", task__position=2, unit__name="沈河区人民政府")


@pytest.fixture
def item1(ledger):
    """沈河区政府's assignment of item 1 (due 2021-09-30), led by 市发展改革委, 市自然资源局, 市政府办公室."""
    return Assignment.objects.get(task__item__number="1", unit__name="沈河区人民政府")


def on(day):
    return mock.patch("django.utils.timezone.localdate", return_value=day)


def test_full_loop_report_signoff_return_resubmit_accept(item1, shenhe, shenhe_reviewer, fgw_liaison):
    report = submit_report(actor=shenhe, assignment=item1, text="已在规划信息栏目公开十四五规划。", percent=100,
                           is_final=True, files=[pdf_file()], links=["http://www.shenhe.gov.cn/ghxx"])
    item1.refresh_from_db()
    assert (report.status, item1.state) == (ReportStatus.AWAITING_SIGNOFF, AssignmentState.IN_PROGRESS)

    take_step(actor=shenhe_reviewer, report=report, step="sign_off")
    item1.refresh_from_db()
    assert item1.state == AssignmentState.SUBMITTED

    take_step(actor=fgw_liaison, report=report, step="return", comment="缺少专项规划的公开链接")
    item1.refresh_from_db()
    assert (item1.state, item1.returns) == (AssignmentState.RETURNED, 1)

    second = submit_report(actor=shenhe, assignment=item1, text="补充专项规划链接。", percent=100, is_final=True,
                           files=[docx_file()])
    take_step(actor=shenhe_reviewer, report=second, step="sign_off")
    with on(datetime.date(2021, 9, 28)):
        take_step(actor=fgw_liaison, report=second, step="accept")
    item1.refresh_from_db()
    assert (item1.state, item1.percent, item1.completed_on) == (AssignmentState.DONE, 100, datetime.date(2021, 9, 28))
    verbs = list(Event.objects.about(item1).values_list("verb", flat=True))
    assert verbs == ["report.accept", "report.sign_off", "report.submitted", "report.return", "report.sign_off",
                     "report.submitted"]


def test_accepted_after_the_due_date_is_completed_late(item1, shenhe, shenhe_reviewer, office):
    report = submit_report(actor=shenhe, assignment=item1, text="完成", percent=100, is_final=True, files=[pdf_file()])
    take_step(actor=shenhe_reviewer, report=report, step="sign_off")
    with on(datetime.date(2021, 10, 8)):
        take_step(actor=office, report=report, step="accept")
    item1.refresh_from_db()
    assert item1.state == AssignmentState.DONE_LATE


def test_progress_report_accepted_keeps_it_in_progress(item1, shenhe, shenhe_reviewer, fgw_liaison):
    report = submit_report(actor=shenhe, assignment=item1, text="完成规划梳理", percent=40, milestone="梳理完毕")
    take_step(actor=shenhe_reviewer, report=report, step="sign_off")
    take_step(actor=fgw_liaison, report=report, step="accept")
    item1.refresh_from_db()
    assert (item1.state, item1.percent) == (AssignmentState.IN_PROGRESS, 40)


def test_completion_needs_evidence(item1, shenhe):
    with pytest.raises(ValidationError, match="佐证材料|evidence"):
        submit_report(actor=shenhe, assignment=item1, text="完成", percent=100, is_final=True)


def test_reviewer_returns_to_handler(item1, shenhe, shenhe_reviewer):
    report = submit_report(actor=shenhe, assignment=item1, text="进展", percent=10)
    with pytest.raises(ValidationError):
        take_step(actor=shenhe_reviewer, report=report, step="return_to_handler", comment="")
    take_step(actor=shenhe_reviewer, report=report, step="return_to_handler", comment="数据不准确")
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED_BY_REVIEWER
    submit_report(actor=shenhe, assignment=item1, text="更正后的进展", percent=15)  # may report again


def test_one_report_in_review_at_a_time(item1, shenhe):
    submit_report(actor=shenhe, assignment=item1, text="进展", percent=10)
    with pytest.raises(ValidationError):
        submit_report(actor=shenhe, assignment=item1, text="又一份", percent=20)


@pytest.mark.parametrize("upload, message", [
    (SimpleUploadedFile("fake.pdf", b"MZ\x90\x00 this is an exe"), "fake.pdf"),
    (SimpleUploadedFile("empty.pdf", b""), "empty.pdf"),
    (SimpleUploadedFile("notes.zip", b"PK\x03\x04junk"), "notes.zip"),
])
def test_evidence_is_checked_by_content(item1, shenhe, upload, message):
    with pytest.raises(ValidationError, match=message):
        submit_report(actor=shenhe, assignment=item1, text="完成", percent=100, is_final=True, files=[upload])
    assert not item1.reports.exists()


def test_evidence_size_limit(item1, shenhe, settings):
    settings.EVIDENCE_MAX_BYTES = 10
    with pytest.raises(ValidationError, match="MB"):
        submit_report(actor=shenhe, assignment=item1, text="完成", percent=100, is_final=True, files=[pdf_file()])


def test_evidence_is_stored_under_a_safe_name(item1, shenhe):
    report = submit_report(actor=shenhe, assignment=item1, text="完成", percent=100, is_final=True,
                           files=[pdf_file("../../etc/passwd.pdf")])
    evidence = report.evidence.get()
    assert evidence.original_name == "passwd.pdf"
    assert ".." not in evidence.file.name and evidence.file.name.endswith(".pdf")
    assert evidence.content_type == "application/pdf"


@pytest.mark.parametrize("who", ["fgw_liaison", "outsider", "shenhe_reviewer"])
def test_only_the_units_handlers_report(item1, request, who):
    with pytest.raises(PermissionDenied):
        submit_report(actor=request.getfixturevalue(who), assignment=item1, text="x", percent=1)


def test_roles_per_step(item1, shenhe, shenhe_reviewer, fgw_liaison, outsider):
    report = submit_report(actor=shenhe, assignment=item1, text="进展", percent=10)
    for intruder in (shenhe, fgw_liaison, outsider):  # only the unit's reviewer signs off
        with pytest.raises(PermissionDenied):
            take_step(actor=intruder, report=report, step="sign_off")
    take_step(actor=shenhe_reviewer, report=report, step="sign_off")
    for intruder in (shenhe, shenhe_reviewer, outsider):  # only the lead unit (or the office) decides
        with pytest.raises(PermissionDenied):
            take_step(actor=intruder, report=report, step="accept")


def test_two_leads_deciding_at_once_one_wins(item1, shenhe, shenhe_reviewer, fgw_liaison, zrzy_liaison):
    report = submit_report(actor=shenhe, assignment=item1, text="进展", percent=10)
    take_step(actor=shenhe_reviewer, report=report, step="sign_off")
    stale_copy = type(report).objects.get(pk=report.pk)
    take_step(actor=fgw_liaison, report=report, step="accept")
    with pytest.raises(Conflict):
        take_step(actor=zrzy_liaison, report=stale_copy, step="return", comment="不同意")
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED


def test_stale_version_is_a_conflict(item1, shenhe):
    version = item1.version
    submit_report(actor=shenhe, assignment=item1, text="进展", percent=10, expected_version=version)
    with pytest.raises(Conflict):
        submit_report(actor=shenhe, assignment=item1, text="进展", percent=10, expected_version=version)
