"""Assessment fixtures: the 2021 ledger, people to act on it, and steps taken on pinned days.

Ledger steps run with `django.utils.timezone.now` pinned to 10:00 Shanghai time on the given day.
"""

import datetime
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gongkai.ledger.models import Assignment
from gongkai.ledger.services import generate_assignments, submit_report, take_step
from gongkai.orgs.models import Role
from gongkai.orgs.services import create_person
from tests.conftest import PASSWORD

PLAN_START = datetime.date(2021, 7, 5)


def at(day):
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    return mock.patch("django.utils.timezone.now", return_value=moment)


def assignment(unit_name, item, position=1):
    return Assignment.objects.get(task__item__number=str(item), task__position=position, unit__name=unit_name)


def complete(target, *, liaison, lead, on):
    with at(on):
        evidence = SimpleUploadedFile("e.pdf", b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
        report = submit_report(actor=liaison, assignment=target, text="完成", percent=100, is_final=True,
                               files=[evidence])
        take_step(actor=liaison, report=report, step="sign_off")
        take_step(actor=lead, report=report, step="accept")


def return_progress(target, *, liaison, lead, on):
    with at(on):
        report = submit_report(actor=liaison, assignment=target, text="进展", percent=50)
        take_step(actor=liaison, report=report, step="sign_off")
        take_step(actor=lead, report=report, step="return", comment="材料不全")


@pytest.fixture
def ledger(sample_plan, office):
    generate_assignments(actor=office, plan=sample_plan, started_on=PLAN_START)
    return sample_plan


@pytest.fixture
def liaisons(directory):
    return {name: create_person(actor=None, username=f"liaison-{i}", password=PASSWORD,
                                memberships=[(directory[name], Role.LIAISON)])
            for i, name in enumerate(["沈河区人民政府", "和平区人民政府"])}
