"""Review fixtures: the 2021 plan as a ledger, the 2021–2022 working-day calendar, and shortcuts.

Copied from tests/ledger/conftest.py and tests/workdays/conftest.py rather than imported across
test packages. Nothing here reads the real clock: every service call passes `today`.
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.ledger.models import Assignment, AssignmentState
from gongkai.ledger.services import generate_assignments
from gongkai.plans.models import Plan, Section
from gongkai.workdays.services import ensure_package_years

PLAN_START = datetime.date(2021, 7, 5)
YEAR_END = datetime.date(2021, 12, 20)  # the office reviews the year in late December


@pytest.fixture
def calendar(db):
    ensure_package_years(actor=None, years=[2021, 2022])


@pytest.fixture
def ledger(sample_plan, office, calendar):
    generate_assignments(actor=office, plan=sample_plan, started_on=PLAN_START)
    return sample_plan


@pytest.fixture
def plan_2022(office):
    """Next year's plan as the office imported it: one section, items numbered 1–2 (no assignments needed)."""
    plan = Plan.objects.create(title="沈阳市2022年政务公开工作要点任务分解表", year=2022, created_by=office)
    section = Section.objects.create(plan=plan, number="一", title="推进政务公开", position=1)
    for position in (1, 2):
        plan.items.create(section=section, number=str(position), title=f"2022年事项{position}", position=position)
    return plan


def assignment(plan, item, unit, task=1):
    return Assignment.objects.get(task__item__plan=plan, task__item__number=str(item), task__position=task,
                                  unit__name=unit)


def complete(*assignments):
    """Mark assignments completed, as an accepted final report would (the ledger's tests cover that path)."""
    Assignment.objects.filter(pk__in=[a.pk for a in assignments]).update(
        state=AssignmentState.DONE, percent=100, completed_on=datetime.date(2021, 9, 28))


def pdf_file(name="evidence.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", content_type="application/pdf")
