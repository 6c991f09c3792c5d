"""Building the continuation of unfinished work inside the target plan.

Carried work lands in one section of the target plan, 上年度结转任务, as the plans of Chinese
governments write it. Each original item and task is copied once per target plan; a task is
carried out by exactly the units whose assignments were carried, named one by one — not the group
the original named — so re-running `generate_assignments` on the target plan adds nobody who
already finished.
"""

from django.db.models import Max

from gongkai.ledger.models import Assignment
from gongkai.plans.models import DeadlineKind, Item, Section, Task, TaskUnit

from .models import CarryOver, Decision

# Plan text, stored in the plan's own language like every other section title (not a UI string).
CARRY_OVER_SECTION = "上年度结转任务"
ONGOING_TEXT = "持续推进"


def deadline_fields(due_date):
    """Task deadline fields as the plan importer would read them back from the text."""
    if due_date is None:
        return {"deadline_text": ONGOING_TEXT, "deadline_kind": DeadlineKind.ONGOING, "deadline_date": None,
                "deadline_rule": ""}
    return {"deadline_text": f"{due_date.year}年{due_date.month}月{due_date.day}日前",
            "deadline_kind": DeadlineKind.DATE, "deadline_date": due_date, "deadline_rule": ""}


def carry_over_section(plan):
    section = plan.sections.filter(title=CARRY_OVER_SECTION).first()
    if section is not None:
        return section
    position = (plan.sections.aggregate(last=Max("position"))["last"] or 0) + 1
    return Section.objects.create(plan=plan, number="", title=CARRY_OVER_SECTION, position=position)


class TargetBuilder:
    """Finds or creates, in `plan`, the item and task continuing an original one.

    Remembers what earlier carry-overs into the same plan created, so carrying in several batches
    (different reasons or due dates) still gives one copy of each item and task.
    """

    def __init__(self, plan):
        self.plan = plan
        self.section = carry_over_section(plan)
        self.items, self.tasks = {}, {}
        earlier = CarryOver.objects.filter(decision=Decision.CARRIED, target_plan=plan).select_related(
            "assignment__task", "new_assignment__task__item")
        for row in earlier:
            self.tasks[row.assignment.task_id] = row.new_assignment.task
            self.items[row.assignment.task.item_id] = row.new_assignment.task.item
        self.next_position = (plan.items.aggregate(last=Max("position"))["last"] or 0) + 1
        self.next_number = next_item_number(plan)

    def assignment_for(self, original, *, due_date, started_on):
        task = self.task_for(original.task, due_date)
        add_responsible_unit(task, original.unit)
        return Assignment.objects.create(
            task=task, unit=original.unit, due_date=due_date, original_due_date=due_date, started_on=started_on,
            carried_from=original,
        )

    def task_for(self, original_task, due_date):
        if original_task.pk not in self.tasks:
            item = self.item_for(original_task.item)
            position = item.tasks.count() + 1
            task = Task.objects.create(item=item, position=position, text=original_task.text, **deadline_fields(due_date))
            copy_lead_units(original_task, task)
            self.tasks[original_task.pk] = task
        return self.tasks[original_task.pk]

    def item_for(self, original_item):
        if original_item.pk not in self.items:
            self.items[original_item.pk] = Item.objects.create(
                plan=self.plan, section=self.section, number=str(self.next_number), title=original_item.title,
                position=self.next_position,
            )
            self.next_number += 1
            self.next_position += 1
        return self.items[original_item.pk]


def next_item_number(plan):
    """Carried items continue the target plan's numbering (its items 1–30 → carried items 31, 32 …)."""
    numbers = [int(n) for n in plan.items.values_list("number", flat=True) if n.isdigit()]
    return max(numbers, default=0) + 1


def copy_lead_units(source, target):
    for task_unit in source.units.filter(role=TaskUnit.Role.LEAD).prefetch_related("designated_units"):
        copy = TaskUnit.objects.create(task=target, role=TaskUnit.Role.LEAD, position=task_unit.position,
                                       name=task_unit.name, unit=task_unit.unit, group=task_unit.group)
        copy.designated_units.set(task_unit.designated_units.all())


def add_responsible_unit(task, unit):
    responsible = task.units.filter(role=TaskUnit.Role.RESPONSIBLE)
    if not responsible.filter(unit=unit).exists():
        TaskUnit.objects.create(task=task, role=TaskUnit.Role.RESPONSIBLE, position=responsible.count() + 1,
                                name=unit.short_name, unit=unit)
