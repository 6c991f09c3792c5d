"""The 栏目更新 panel of the supervision dashboards, as a tag their template include calls.

Like the 主动公开 panel beside it, it leaves the dashboards' views untouched; the figures come from
documents.freshness in a fixed number of queries whatever the number of units and documents.
"""

from django import template
from django.utils import timezone

from gongkai.documents import freshness

register = template.Library()

CITY_ROWS = 15  # the city's panel lists the worst units; the freshness page lists every one
PROBLEM_STATES = (freshness.State.LONG_STALE, freshness.State.STALE, freshness.State.EMPTY, freshness.State.DUE_SOON)


@register.simple_tag
def column_freshness_panel(unit=None):
    today, limits = timezone.localdate(), freshness.Limits.current()
    if unit:
        check, _entries = freshness.unit_check(unit, today=today, limits=limits)
        problems = sorted((entry for entry in check.columns if entry.state in PROBLEM_STATES),
                          key=lambda entry: (PROBLEM_STATES.index(entry.state), entry.path))
        return {"unit_check": check, "problems": problems, "limits": limits}
    checks = freshness.city_check(today=today, limits=limits, detail=False)
    return {"checks": checks[:CITY_ROWS], "more": max(0, len(checks) - CITY_ROWS), "limits": limits,
            "failing": sum(1 for check in checks if check.fails), "total": len(checks)}
