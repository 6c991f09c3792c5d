import datetime

import pytest

from gongkai.ledger.models import Assignment, ReportingRound
from gongkai.ledger.rounds import open_periodic_rounds, period_of
from gongkai.plans.services import update_task
from gongkai.workdays.calendar import WorkCalendar
from gongkai.workdays.services import ensure_package_years


@pytest.fixture
def calendar(db):
    ensure_package_years(years=[2021])
    return WorkCalendar.from_db()


@pytest.fixture
def ongoing(ledger, office):
    """Item 13's task made ongoing (持续推进) after the ledger exists: its assignments lose their due date."""
    task = ledger.items.get(number="13").tasks.get()
    update_task(actor=office, task=task, text=task.text, deadline_text="持续推进",
                lead_units=["市政府办公室"], responsible_units=["区县（市）政府"])
    Assignment.objects.filter(task=task).update(due_date=None)
    return task


def test_quarter_and_month_periods():
    assert period_of(ReportingRound.Kind.QUARTERLY, datetime.date(2021, 11, 3))[1:] == (
        datetime.date(2021, 10, 1), datetime.date(2021, 12, 31))
    assert period_of(ReportingRound.Kind.MONTHLY, datetime.date(2021, 12, 9))[1:] == (
        datetime.date(2021, 12, 1), datetime.date(2021, 12, 31))


def test_undated_work_gets_one_round_per_period_due_on_its_last_working_day(ongoing, calendar):
    opened = open_periodic_rounds(today=datetime.date(2021, 7, 20), calendar=calendar)
    assert [(r.title, r.kind, r.deadline) for r in opened] == [
        ("2021年第三季度进展报送", "quarterly", datetime.date(2021, 9, 30))]
    assert open_periodic_rounds(today=datetime.date(2021, 8, 2), calendar=calendar) == []  # once per period
    # Q4 ends on Friday 31 December 2021, a working day; the round is for every open assignment.
    (q4,) = open_periodic_rounds(today=datetime.date(2021, 10, 8), calendar=calendar)
    assert q4.deadline == datetime.date(2021, 12, 31) and q4.opened_by is None


def test_monthly_rule_opens_monthly_rounds_ending_on_a_working_day(ongoing, calendar, office):
    ongoing.deadline_rule = "monthly"
    ongoing.save()
    (october,) = open_periodic_rounds(today=datetime.date(2021, 10, 8), calendar=calendar)
    assert october.kind == "monthly"
    assert october.deadline == datetime.date(2021, 10, 29)  # 30–31 October 2021 are a weekend


def test_plans_whose_work_is_all_dated_get_no_round(ledger, calendar):
    assert open_periodic_rounds(today=datetime.date(2021, 7, 20), calendar=calendar) == []
