import pytest
from django.core.exceptions import ValidationError

from gongkai.ledger.models import Assignment
from gongkai.ledger.services import change_due_date, generate_assignments, open_round, submit_report
from gongkai.review.services import close_plan, drop, start_closure


def test_a_closed_plan_takes_no_more_ledger_writes(ledger, office, shenhe):
    closure = start_closure(actor=office, plan=ledger)
    drop(actor=office, closure=closure, assignments=list(closure.unfinished()), reason="年度任务已结束")
    close_plan(actor=office, closure=closure, report_text="全年任务总结。")
    assignment = Assignment.objects.filter(unit__name="沈河区人民政府").first()
    with pytest.raises(ValidationError, match="frozen|冻结|已关闭|closed"):
        submit_report(actor=shenhe, assignment=assignment, text="迟到的报告", percent=50)
    with pytest.raises(ValidationError):
        change_due_date(actor=office, assignment=assignment, due_date=assignment.due_date, reason="x")
    with pytest.raises(ValidationError):
        generate_assignments(actor=office, plan=ledger)
    with pytest.raises(ValidationError):
        open_round(actor=office, plan=ledger, title="x", kind="ad_hoc", deadline=assignment.due_date)
    assert not assignment.reports.exists()
