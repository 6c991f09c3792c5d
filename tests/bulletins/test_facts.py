"""The counting rules of facts.count_facts, on hand-made rows (no database)."""

import datetime

from gongkai.bulletins.facts import AssignmentRow, Facts, ReturnRow, count_facts, total

D = datetime.date
START, CUTOFF = D(2021, 7, 1), D(2021, 9, 30)


def row(due, completed=None, late=False, unit=1):
    return AssignmentRow(unit_id=unit, due_date=due, completed_on=completed, late=late)


def test_window_counts():
    rows = [
        row(D(2021, 9, 30), completed=D(2021, 9, 30)),  # due on the last day, done that day: on time
        row(D(2021, 9, 30)),  # due on the last day, not done: overdue once the day closes
        row(D(2021, 8, 31), completed=D(2021, 9, 15), late=True),  # done late inside the period
        row(D(2021, 9, 30), completed=D(2021, 10, 1), late=True),  # done the day after the cut-off: overdue then
        row(D(2021, 6, 30), completed=D(2021, 7, 2), late=True),  # due before the period, done late in it
        row(D(2021, 12, 31), completed=D(2021, 8, 1)),  # done early: completed, not due
        row(None),  # ongoing task: never due
    ]
    returns = [ReturnRow(1, D(2021, 6, 30)), ReturnRow(1, D(2021, 7, 1)), ReturnRow(1, D(2021, 9, 30)),
               ReturnRow(1, D(2021, 10, 1))]
    period = count_facts(rows, returns, start=START, cutoff=CUTOFF)[1]
    assert period == Facts(assignments=7, due=4, completed=4, completed_due=2, completed_late=2, overdue=2, returned=2)
    cumulative = count_facts(rows, returns, cutoff=CUTOFF)[1]
    assert cumulative == Facts(assignments=7, due=5, completed=4, completed_due=3, completed_late=2, overdue=2,
                               returned=3)


def test_completion_rate_and_totals():
    rows = [row(D(2021, 9, 1), D(2021, 9, 1), unit=1), row(D(2021, 9, 1), unit=1), row(D(2021, 9, 1), unit=1),
            row(D(2021, 12, 1), unit=2)]
    facts = count_facts(rows, [ReturnRow(2, D(2021, 9, 2))], start=START, cutoff=CUTOFF)
    assert str(facts[1].completion_rate) == "1/3"
    assert facts[2].completion_rate is None  # nothing due: no rate, not 0 %
    assert facts[2].returned == 1 and facts[2].assignments == 1
    assert total(facts) == Facts(assignments=4, due=3, completed=1, completed_due=1, overdue=2, returned=1)


def test_a_unit_with_only_returns_is_listed():
    assert count_facts([], [ReturnRow(5, D(2021, 9, 2))], cutoff=CUTOFF) == {5: Facts(returned=1)}
