"""Bulletin fixtures: the 2021 ledger and helpers that act on it on pinned days.

Every ledger step runs with `django.utils.timezone.now` pinned to 10:00 Shanghai time on the given day,
so report dates (decided_at), completion dates and event times are exactly what the test says.
"""

import datetime
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gongkai.ledger.models import Assignment
from gongkai.ledger.services import change_due_date, generate_assignments, submit_report, take_step
from gongkai.orgs.models import Role
from gongkai.orgs.services import create_person
from tests.conftest import PASSWORD

PLAN_START = datetime.date(2021, 7, 5)
Q3 = (datetime.date(2021, 7, 1), datetime.date(2021, 9, 30))
AFTER_Q3 = datetime.date(2021, 10, 15)  # when the office writes the Q3 bulletin


def at(day, hour=10):
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    return mock.patch("django.utils.timezone.now", return_value=moment)


def pdf_file(name="evidence.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", content_type="application/pdf")


def assignment(unit_name, item, position=1):
    return Assignment.objects.get(task__item__number=str(item), task__position=position, unit__name=unit_name)


def complete(target, *, liaison, lead, on, text="已完成。"):
    """Report completion, sign it off and accept it, all on day `on`."""
    with at(on):
        report = submit_report(actor=liaison, assignment=target, text=text, percent=100, is_final=True,
                               files=[pdf_file()])
        take_step(actor=liaison, report=report, step="sign_off")
        take_step(actor=lead, report=report, step="accept")
    return report


def return_progress(target, *, liaison, lead, on, comment="材料不全"):
    """A progress report the lead unit returns for correction on day `on`."""
    with at(on):
        report = submit_report(actor=liaison, assignment=target, text="进展", percent=50)
        take_step(actor=liaison, report=report, step="sign_off")
        take_step(actor=lead, report=report, step="return", comment=comment)
    return report


def move_due(target, *, lead, to, on):
    with at(on):
        change_due_date(actor=lead, assignment=target, due_date=to, reason="调整时限")


@pytest.fixture
def ledger(sample_plan, office):
    generate_assignments(actor=office, plan=sample_plan, started_on=PLAN_START)
    return sample_plan


@pytest.fixture
def liaison(directory):
    """liaison("沈河区人民政府"): a liaison of that unit (reports and signs off its own reports)."""
    made = {}

    def person(unit_name):
        if unit_name not in made:
            made[unit_name] = create_person(actor=None, username=f"liaison-{len(made)}", password=PASSWORD,
                                            memberships=[(directory[unit_name], Role.LIAISON)])
        return made[unit_name]

    return person
