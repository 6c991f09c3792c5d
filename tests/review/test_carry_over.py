"""Carry-over (回头看): unfinished work decided one by one, carried into next year's plan or dropped."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import override

from gongkai.events.models import Event
from gongkai.ledger.models import Assignment, AssignmentState
from gongkai.ledger.services import generate_assignments
from gongkai.plans.models import DeadlineKind, Plan, TaskUnit
from gongkai.review import services
from gongkai.review.carrying import CARRY_OVER_SECTION
from gongkai.review.frozen import ensure_plan_open, plan_is_closed
from gongkai.review.models import CarryOver, ClosureStatus, Decision
from tests.review.conftest import YEAR_END, assignment, complete

SHENHE, HEPING, DADONG = "沈河区人民政府", "和平区人民政府", "大东区人民政府"


@pytest.fixture
def closure(ledger, office):
    return services.start_closure(actor=office, plan=ledger, today=YEAR_END)


def carry(office, closure, assignments, target, *, due=datetime.date(2022, 6, 30), reason="需跨年度推进"):
    return services.carry_over(actor=office, closure=closure, assignments=assignments, target_plan=target,
                               reason=reason, due_date=due, today=YEAR_END)


def test_start_lists_the_open_assignments_and_is_idempotent(ledger, office):
    complete(assignment(ledger, 1, SHENHE), assignment(ledger, 1, HEPING))
    closure = services.start_closure(actor=office, plan=ledger, today=YEAR_END)
    assert closure.status == ClosureStatus.DRAFT and closure.started_on == YEAR_END
    assert closure.unfinished().count() == 673 - 2
    assert not closure.unfinished().filter(unit__name=SHENHE, task__item__number="1").exists()
    assert services.start_closure(actor=office, plan=ledger, today=YEAR_END).pk == closure.pk
    assert Event.objects.filter(verb="closure.started").count() == 1


def test_only_the_office_reviews(ledger, fgw_liaison):
    with pytest.raises(PermissionDenied):
        services.start_closure(actor=fgw_liaison, plan=ledger, today=YEAR_END)


def test_carry_over_copies_the_task_for_exactly_the_carried_units(ledger, closure, office, plan_2022):
    shenhe, heping = assignment(ledger, 1, SHENHE), assignment(ledger, 1, HEPING)
    before = Assignment.objects.filter(pk=shenhe.pk).values("state", "due_date", "version", "percent").get()
    rows = carry(office, closure, [shenhe, heping], plan_2022)

    new = Assignment.objects.filter(carried_from__in=[shenhe, heping]).select_related("task__item__section", "unit")
    assert sorted(a.unit.name for a in new) == [HEPING, SHENHE]
    task = new[0].task
    assert {a.task_id for a in new} == {task.pk}
    assert task.item.plan == plan_2022 and task.item.section.title == CARRY_OVER_SECTION
    assert (task.item.number, task.item.title) == ("3", "全面公开各类规划信息")  # after the plan's items 1–2
    assert task.text == shenhe.task.text
    assert (task.deadline_kind, task.deadline_date, task.deadline_text) == (
        DeadlineKind.DATE, datetime.date(2022, 6, 30), "2022年6月30日前")
    assert [u.name for u in task.units.filter(role=TaskUnit.Role.LEAD)] == ["市发展改革委", "市自然资源局", "市政府办公室"]
    assert sorted(u.unit.name for u in task.units.filter(role=TaskUnit.Role.RESPONSIBLE)) == [HEPING, SHENHE]
    assert {(a.due_date, a.original_due_date, a.started_on, a.state) for a in new} == {
        (datetime.date(2022, 6, 30), datetime.date(2022, 6, 30), datetime.date(2022, 1, 1), AssignmentState.NOT_STARTED)}
    # The original is history: untouched, and the closure records what became of it.
    assert Assignment.objects.filter(pk=shenhe.pk).values("state", "due_date", "version", "percent").get() == before
    assert {(r.assignment_id, r.decision, r.reason, r.target_plan_id) for r in rows} == {
        (shenhe.pk, Decision.CARRIED, "需跨年度推进", plan_2022.pk), (heping.pk, Decision.CARRIED, "需跨年度推进", plan_2022.pk)}
    assert CarryOver.objects.get(assignment=shenhe).new_assignment.unit.name == SHENHE
    assert Event.objects.about(shenhe).first().verb == "assignment.carried_over"
    assert closure.undecided().count() == 673 - 2


def test_later_batches_reuse_the_carried_item_and_task(ledger, closure, office, plan_2022):
    carry(office, closure, [assignment(ledger, 1, SHENHE)], plan_2022)
    carry(office, closure, [assignment(ledger, 1, HEPING)], plan_2022, due=None, reason="持续推进的工作")
    carry(office, closure, [assignment(ledger, 4, DADONG, task=2)], plan_2022)
    carried = plan_2022.items.filter(section__title=CARRY_OVER_SECTION).order_by("position")
    assert [(i.number, i.title, i.tasks.count()) for i in carried] == [
        ("3", "全面公开各类规划信息", 1), ("4", "做好常态化疫情防控信息公开", 1)]
    assert plan_2022.sections.filter(title=CARRY_OVER_SECTION).count() == 1
    first = carried[0].tasks.get()
    assert sorted(first.assignments.values_list("unit__name", "due_date")) == [
        (HEPING, None), (SHENHE, datetime.date(2022, 6, 30))]
    assert carried[1].tasks.get().text == assignment(ledger, 4, DADONG, task=2).task.text


def test_generating_assignments_on_the_target_adds_nobody_who_finished(ledger, closure, office, plan_2022):
    """The copied task names the carried units, not the 13-member group the original named."""
    carry(office, closure, [assignment(ledger, 1, SHENHE)], plan_2022)
    assert generate_assignments(actor=office, plan=plan_2022, started_on=datetime.date(2022, 1, 4)) == 0


def test_ongoing_carry_over(ledger, closure, office, plan_2022):
    carry(office, closure, [assignment(ledger, 7, SHENHE, task=2)], plan_2022, due=None)
    new = Assignment.objects.get(carried_from=assignment(ledger, 7, SHENHE, task=2))
    assert (new.due_date, new.task.deadline_kind, new.task.deadline_text) == (None, DeadlineKind.ONGOING, "持续推进")


@pytest.mark.parametrize("due, problem", [
    (datetime.date(2022, 1, 3), "2022-01-03 is not a working day: holiday (元旦)"),  # a Monday
    (datetime.date(2022, 1, 31), "holiday (春节)"),
    (datetime.date(2022, 1, 8), "weekend"),
    (datetime.date(2021, 12, 31), "must fall in 2022"),
])
def test_new_due_date_must_be_a_working_day_of_the_target_year(ledger, closure, office, plan_2022, due, problem):
    with override("en"), pytest.raises(ValidationError, match=re.escape(problem)):
        carry(office, closure, [assignment(ledger, 1, SHENHE)], plan_2022, due=due)
    assert not CarryOver.objects.exists() and not plan_2022.items.filter(section__title=CARRY_OVER_SECTION).exists()


def test_make_up_saturday_is_a_valid_due_date(ledger, closure, office, plan_2022):
    carry(office, closure, [assignment(ledger, 1, SHENHE)], plan_2022, due=datetime.date(2022, 1, 29))  # 调休
    assert Assignment.objects.get(carried_from__unit__name=SHENHE).due_date == datetime.date(2022, 1, 29)


def test_target_year_without_a_calendar_is_refused_clearly(ledger, closure, office):
    plan_2023 = Plan.objects.create(title="2023年政务公开工作要点", year=2023, created_by=office)
    with override("en"), pytest.raises(ValidationError, match="calendar for 2023 is not loaded"):
        carry(office, closure, [assignment(ledger, 1, SHENHE)], plan_2023, due=datetime.date(2023, 6, 30))


def test_work_carried_once_the_target_year_began_starts_today(ledger, closure, office, plan_2022):
    services.carry_over(actor=office, closure=closure, assignments=[assignment(ledger, 1, SHENHE)],
                        target_plan=plan_2022, reason="年初补记", due_date=datetime.date(2022, 6, 30),
                        today=datetime.date(2022, 1, 10))
    assert Assignment.objects.get(carried_from__unit__name=SHENHE).started_on == datetime.date(2022, 1, 10)


def test_refusals(ledger, closure, office, plan_2022, sample_plan):
    shenhe = assignment(ledger, 1, SHENHE)
    with override("en"):
        with pytest.raises(ValidationError, match="reason"):
            carry(office, closure, [shenhe], plan_2022, reason="   ")
        with pytest.raises(ValidationError, match="another plan"):
            carry(office, closure, [shenhe], ledger)
        plan_2020 = Plan.objects.create(title="2020年要点", year=2020, created_by=office)
        with pytest.raises(ValidationError, match="later year"):
            carry(office, closure, [shenhe], plan_2020)
        with pytest.raises(ValidationError, match="at least one"):
            carry(office, closure, [], plan_2022)
        done = assignment(ledger, 1, HEPING)
        complete(done)
        with pytest.raises(ValidationError, match="completed"):
            carry(office, closure, [done], plan_2022)
        carry(office, closure, [shenhe], plan_2022)
        with pytest.raises(ValidationError, match="already has a decision"):
            services.drop(actor=office, closure=closure, assignments=[shenhe], reason="重复")
    assert CarryOver.objects.count() == 1


def test_assignments_of_another_plan_are_refused(ledger, closure, office, plan_2022):
    other = services.start_closure(actor=office, plan=plan_2022, today=YEAR_END)
    with override("en"), pytest.raises(ValidationError, match="not in this plan"):
        services.drop(actor=office, closure=other, assignments=[assignment(ledger, 1, SHENHE)], reason="不属于本计划")


def test_drop_and_withdraw(ledger, closure, office, plan_2022):
    shenhe, heping = assignment(ledger, 1, SHENHE), assignment(ledger, 1, HEPING)
    services.drop(actor=office, closure=closure, assignments=[shenhe], reason="规划已整体公开，不再单列")
    carry(office, closure, [heping], plan_2022)
    dropped = CarryOver.objects.get(assignment=shenhe)
    assert (dropped.decision, dropped.target_plan, dropped.new_assignment) == (Decision.DROPPED, None, None)

    services.withdraw_decision(actor=office, decision=CarryOver.objects.get(assignment=heping))
    assert not Assignment.objects.filter(carried_from=heping).exists()
    assert not plan_2022.items.filter(section__title=CARRY_OVER_SECTION).exists()  # empty copy removed
    services.withdraw_decision(actor=office, decision=dropped)
    assert closure.undecided().filter(pk__in=[shenhe.pk, heping.pk]).count() == 2
    assert list(Event.objects.filter(verb="closure.decision_withdrawn").values_list("data__decision", flat=True)) == [
        "carried", "dropped"]


def test_a_carried_copy_already_worked_on_cannot_be_withdrawn(ledger, closure, office, plan_2022):
    carry(office, closure, [assignment(ledger, 1, SHENHE)], plan_2022)
    Assignment.objects.filter(carried_from__isnull=False).update(version=2)  # somebody reported on it in 2022
    with override("en"), pytest.raises(ValidationError, match="worked on"):
        services.withdraw_decision(actor=office, decision=CarryOver.objects.get())
    assert CarryOver.objects.count() == 1


def decide_everything(office, closure, target, carried):
    carry(office, closure, carried, target)
    services.drop(actor=office, closure=closure, assignments=list(closure.undecided()), reason="已纳入常态化工作")


def test_close_needs_every_unfinished_assignment_decided(ledger, closure, office, plan_2022):
    shenhe = assignment(ledger, 1, SHENHE)
    carry(office, closure, [shenhe], plan_2022)
    with override("en"), pytest.raises(ValidationError, match="672 unfinished assignments have no decision"):
        services.close_plan(actor=office, closure=closure, report_text="年度总结", today=YEAR_END)
    services.drop(actor=office, closure=closure, assignments=list(closure.undecided()), reason="已纳入常态化工作")
    with override("en"), pytest.raises(ValidationError, match="closing report"):
        services.close_plan(actor=office, closure=closure, report_text=" ", today=YEAR_END)
    assert not plan_is_closed(ledger)

    services.close_plan(actor=office, closure=closure, report_text="全年任务基本完成。", today=datetime.date(2021, 12, 31))
    closure.refresh_from_db()
    assert (closure.status, closure.closed_on, closure.closed_by) == (ClosureStatus.CLOSED, datetime.date(2021, 12, 31),
                                                                     office)
    assert plan_is_closed(ledger) and not plan_is_closed(plan_2022)
    assert Event.objects.about(ledger).first().data == {"closed_on": "2021-12-31", "carried": 1, "dropped": 672}


def test_a_closed_plan_is_frozen(ledger, closure, office, plan_2022):
    decide_everything(office, closure, plan_2022, [assignment(ledger, 1, SHENHE)])
    services.close_plan(actor=office, closure=closure, report_text="全年任务基本完成。", today=YEAR_END)
    with override("en"):
        with pytest.raises(ValidationError, match="closed on 2021-12-20"):
            ensure_plan_open(ledger)
        with pytest.raises(ValidationError, match="already closed"):
            services.withdraw_decision(actor=office, decision=CarryOver.objects.first())
        with pytest.raises(ValidationError, match="already closed"):
            services.close_plan(actor=office, closure=closure, report_text="again", today=YEAR_END)
    ensure_plan_open(plan_2022)  # the carried work goes on


def test_no_carrying_into_a_closed_plan(ledger, closure, office, plan_2022):
    target_closure = services.start_closure(actor=office, plan=plan_2022, today=YEAR_END)
    services.close_plan(actor=office, closure=target_closure, report_text="空计划", today=YEAR_END)
    with override("en"), pytest.raises(ValidationError, match="frozen"):
        carry(office, closure, [assignment(ledger, 1, SHENHE)], plan_2022)


def test_a_decided_assignment_completed_before_closing_blocks_the_close(ledger, closure, office, plan_2022):
    shenhe = assignment(ledger, 1, SHENHE)
    decide_everything(office, closure, plan_2022, [shenhe])
    complete(shenhe)  # the lead accepted the 2021 work after all
    with override("en"), pytest.raises(ValidationError, match="completed after it was decided"):
        services.close_plan(actor=office, closure=closure, report_text="总结", today=YEAR_END)


def test_create_an_empty_carry_over_plan(ledger, closure, office):
    target = services.create_carry_over_plan(actor=office, closure=closure)
    assert (target.title, target.year) == ("沈阳市2021年政务公开工作要点任务分解表（结转2022年）", 2022)
    assert list(target.sections.values_list("title", flat=True)) == [CARRY_OVER_SECTION]
    carry(office, closure, [assignment(ledger, 1, SHENHE)], target)
    assert target.sections.count() == 1
    assert target.items.get().number == "1"
    with override("en"), pytest.raises(ValidationError, match="exists already"):
        services.create_carry_over_plan(actor=office, closure=closure)


def test_a_plan_without_a_year_gets_no_next_year_plan(office, directory):
    plan = Plan.objects.create(title="无年份计划", created_by=office)
    closure = services.start_closure(actor=office, plan=plan, today=YEAR_END)
    with override("en"), pytest.raises(ValidationError, match="no year"):
        services.create_carry_over_plan(actor=office, closure=closure)


def test_closing_the_whole_shenyang_plan(ledger, closure, office, plan_2022, django_assert_max_num_queries):
    """All 673 assignments decided in two batches; a few queries per carried assignment, none per decision."""
    item_3 = list(closure.undecided().filter(task__item__number="3"))
    with django_assert_max_num_queries(8 * len(item_3) + 30):
        carry(office, closure, item_3, plan_2022)
    services.drop(actor=office, closure=closure, assignments=list(closure.undecided()), reason="并入2022年要点")
    services.close_plan(actor=office, closure=closure, report_text="总结", today=YEAR_END)
    assert CarryOver.objects.filter(decision=Decision.CARRIED).count() == 23
    assert CarryOver.objects.filter(decision=Decision.DROPPED).count() == 650
