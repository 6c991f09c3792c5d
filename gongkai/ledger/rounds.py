"""Periodic reporting rounds for work without a single due date (持续推进, 每月, 每季度).

Such assignments report in rounds instead. `gongkai tick` calls `open_periodic_rounds` every day;
it opens the current period's round once per plan: monthly when any open task of the plan recurs
monthly, quarterly otherwise. The round is due on the period's last working day.
"""

import datetime

from django.db import transaction

from gongkai.events.services import record
from gongkai.plans.models import Plan
from gongkai.review.frozen import plan_is_closed

from .models import Assignment, ReportingRound

QUARTER_NAMES = "一二三四"


def period_of(kind, today):
    """(title suffix, first day, last day) of the month or quarter containing `today`."""
    if kind == ReportingRound.Kind.MONTHLY:
        first = today.replace(day=1)
        label = f"{today.year}年{today.month}月"
    else:
        quarter = (today.month - 1) // 3
        first = datetime.date(today.year, 3 * quarter + 1, 1)
        label = f"{today.year}年第{QUARTER_NAMES[quarter]}季度"
    months = 1 if kind == ReportingRound.Kind.MONTHLY else 3
    next_first = datetime.date(first.year + (first.month + months - 1) // 12, (first.month + months - 1) % 12 + 1, 1)
    return label, first, next_first - datetime.timedelta(days=1)


def last_workday(first, last, calendar):
    day = last
    while day > first and not calendar.is_workday(day):
        day -= datetime.timedelta(days=1)
    return day


@transaction.atomic
def open_periodic_rounds(*, today, calendar):
    """Open this period's round for every open plan with undated assignments; returns the new rounds."""
    undated = Assignment.objects.open().filter(due_date__isnull=True)
    opened = []
    for plan in Plan.objects.filter(items__tasks__assignments__in=undated).distinct():
        if plan_is_closed(plan):
            continue
        monthly = undated.filter(task__item__plan=plan, task__deadline_rule="monthly").exists()
        kind = ReportingRound.Kind.MONTHLY if monthly else ReportingRound.Kind.QUARTERLY
        label, first, last = period_of(kind, today)
        title = f"{label}进展报送"
        if plan.rounds.filter(title=title).exists():
            continue
        reporting_round = ReportingRound.objects.create(
            plan=plan, title=title, kind=kind, opened_on=today, deadline=last_workday(first, last, calendar),
        )
        record(actor=None, verb="round.opened", subject=plan,
               data={"round": reporting_round.pk, "deadline": reporting_round.deadline, "periodic": True})
        opened.append(reporting_round)
    return opened
