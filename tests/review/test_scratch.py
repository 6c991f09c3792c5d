from gongkai.ledger.models import Assignment
from gongkai.plans.models import Item, TaskUnit
from collections import Counter

def test_scratch(sample_plan, office):
    from gongkai.ledger.services import generate_assignments
    import datetime
    generate_assignments(actor=office, plan=sample_plan, started_on=datetime.date(2021,7,5)); ledger=sample_plan
    print()
    print("items", Item.objects.filter(plan=ledger).count(), "assignments", Assignment.objects.count())
    print(Counter(Assignment.objects.values_list("task__deadline_kind", flat=True)))
    for item in Item.objects.filter(plan=ledger).prefetch_related("tasks__units")[:40]:
        print(item.number, item.title[:30], [ (t.position, t.deadline_kind, t.deadline_date, [ (u.role, u.name, u.unit_id, u.group_id) for u in t.units.all()], t.assignments.count()) for t in item.tasks.all()])
