"""Generating a bulletin: the figures are read from the ledger as it stood when the period ended."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import override

from gongkai.bulletins import services
from gongkai.bulletins.models import Bulletin
from gongkai.events.models import Event
from gongkai.ledger.models import Assignment
from gongkai.ledger.services import take_step

from .conftest import AFTER_Q3, Q3, assignment, at, complete, move_due, return_progress

D = datetime.date
SEPT_30 = D(2021, 9, 30)


def due_on(unit_name, day=SEPT_30):
    return Assignment.objects.filter(unit__name=unit_name, original_due_date=day).count()


@pytest.fixture
def q3(ledger, office, liaison):
    """What happened in the third quarter of 2021 (and just after it)."""
    shenhe, heping = liaison("沈河区人民政府"), liaison("和平区人民政府")
    complete(assignment("沈河区人民政府", 1), liaison=shenhe, lead=office, on=D(2021, 9, 28))
    return_progress(assignment("沈河区人民政府", 7), liaison=shenhe, lead=office, on=D(2021, 9, 10))
    complete(assignment("沈河区人民政府", 7), liaison=shenhe, lead=office, on=D(2021, 10, 8))  # late, after Q3
    complete(assignment("和平区人民政府", 1), liaison=heping, lead=office, on=D(2021, 10, 8))
    move_due(assignment("和平区人民政府", 8), lead=office, to=D(2021, 11, 30), on=D(2021, 10, 10))  # after Q3
    move_due(assignment("大东区人民政府", 1), lead=office, to=D(2021, 10, 29), on=D(2021, 9, 20))  # within Q3
    move_due(assignment("皇姑区人民政府", 1), lead=office, to=D(2021, 8, 31), on=D(2021, 8, 1))
    complete(assignment("皇姑区人民政府", 1), liaison=liaison("皇姑区人民政府"), lead=office, on=D(2021, 9, 15))
    with at(D(2021, 9, 5)):  # a return by the unit's own reviewer stays inside the unit: not counted
        from gongkai.ledger.services import submit_report
        tiexi = liaison("铁西区人民政府")
        report = submit_report(actor=tiexi, assignment=assignment("铁西区人民政府", 1), text="初稿", percent=10)
        take_step(actor=tiexi, report=report, step="return_to_handler", comment="重写")
    return ledger


def generate(plan, office, **kwargs):
    options = {"title": "沈阳市2021年第三季度政务公开工作通报", "number": "沈政办通〔2021〕3号",
               "period_start": Q3[0], "period_end": Q3[1], "today": AFTER_Q3, **kwargs}
    return services.generate_bulletin(actor=office, plan=plan, **options)


def unit_figures(bulletin, name):
    return next(u for u in bulletin.figures["units"] if u["name"] == name)


def test_figures_as_of_the_end_of_the_period(q3, office):
    bulletin = generate(q3, office)
    all_due = Assignment.objects.filter(original_due_date=SEPT_30).count()
    assert bulletin.figures["period"] == {
        "assignments": Assignment.objects.count(), "due": all_due - 1,  # 大东区 moved its date out of Q3
        "completed": 2, "completed_due": 2, "completed_late": 1, "overdue": all_due - 3, "returned": 1,
    }
    shenhe = unit_figures(bulletin, "沈河区政府")["period"]
    assert (shenhe["due"], shenhe["completed_due"], shenhe["overdue"], shenhe["returned"]) == (
        due_on("沈河区人民政府"), 1, due_on("沈河区人民政府") - 1, 1)
    # 和平区 completed item 1 only on 8 October and moved item 8 only on 10 October: at the end of
    # 30 September both were overdue.
    heping = unit_figures(bulletin, "和平区政府")["period"]
    assert (heping["due"], heping["completed"], heping["overdue"]) == (due_on("和平区人民政府"), 0, due_on("和平区人民政府"))
    dadong = unit_figures(bulletin, "大东区政府")["period"]
    assert dadong["due"] == due_on("大东区人民政府") - 1
    huanggu = unit_figures(bulletin, "皇姑区政府")["period"]
    assert (huanggu["completed_due"], huanggu["completed_late"]) == (1, 1)


def test_named_units_with_counts(q3, office):
    bulletin = generate(q3, office)
    overdue = {row["name"]: row["count"] for row in bulletin.named_overdue_units}
    assert overdue["沈河区政府"] == due_on("沈河区人民政府") - 1
    assert overdue["和平区政府"] == due_on("和平区人民政府")
    counts = [row["count"] for row in bulletin.named_overdue_units]
    assert counts == sorted(counts, reverse=True)
    assert bulletin.named_returned_units == [
        {"unit": assignment("沈河区人民政府", 1).unit_id, "name": "沈河区政府", "count": 1}]


def test_later_ledger_changes_do_not_alter_a_past_period(q3, office, liaison):
    first = generate(q3, office)
    complete(assignment("大东区人民政府", 1), liaison=liaison("大东区人民政府"), lead=office, on=D(2021, 10, 20))
    move_due(assignment("沈河区人民政府", 8), lead=office, to=D(2021, 12, 31), on=D(2021, 11, 2))
    second = generate(q3, office, number="沈政办通〔2021〕4号", today=D(2021, 11, 15))
    assert second.figures == first.figures
    assert second.named_overdue_units == first.named_overdue_units


def test_default_summary_states_the_figures(q3, office):
    with override("en"):
        bulletin = generate(q3, office)
    due = Assignment.objects.filter(original_due_date=SEPT_30).count() - 1
    assert bulletin.summary_text == (
        f"From July 1, 2021 to Sept. 30, 2021: assignments due {due}, completed 2 (completion rate 1%), completed "
        f"after the due date 1, overdue {due - 2}; progress reports returned for correction 1. Since the plan "
        f"began: 2 of the {due} assignments due completed (1%).")
    assert bulletin.issuer == "沈阳市人民政府办公室"
    assert bulletin.issued_on == AFTER_Q3


def test_event_recorded(q3, office):
    bulletin = generate(q3, office)
    event = Event.objects.about(bulletin).get()
    assert (event.verb, event.actor, event.data["period_end"]) == ("bulletin.generated", office, "2021-09-30")


@pytest.mark.parametrize("start, end, today, message", [
    (D(2021, 7, 1), D(2021, 9, 30), D(2021, 9, 30), "2021-09-30"),  # the last day has not closed yet
    (D(2021, 10, 1), D(2021, 9, 30), AFTER_Q3, "start"),
])
def test_period_must_be_over_and_in_order(ledger, office, start, end, today, message):
    with override("en"), pytest.raises(ValidationError, match=message):
        generate(ledger, office, period_start=start, period_end=end, today=today)
    assert not Bulletin.objects.exists()


def test_a_period_ended_yesterday_is_accepted(ledger, office):
    assert generate(ledger, office, today=D(2021, 10, 1)).period_end == SEPT_30


def test_numbers_are_unique_and_titles_required(ledger, office):
    generate(ledger, office)
    with pytest.raises(ValidationError):
        generate(ledger, office)
    with pytest.raises(ValidationError):
        generate(ledger, office, number="沈政办通〔2021〕5号", title="  ")


def test_only_the_office_generates(ledger, fgw_liaison):
    with pytest.raises(PermissionDenied):
        generate(ledger, fgw_liaison)
