"""The demo's year of disclosure applications: every status and outcome, fake personal data, loaded once.

The full demo is loaded as `gongkai demo` does (units, people, the plan, the ledger), then the FOI
demo on top, all under a pinned clock: Friday 2026-11-27.
"""

import datetime
import random
import statistics
from collections import Counter
from unittest import mock

import pytest

from gongkai.demo import foi as demo_foi
from gongkai.demo.foi import DEMO_ID_PREFIX, DEMO_PASSWORD, load_demo_applications
from gongkai.demo.ledger import clock
from gongkai.demo.loader import load_demo
from gongkai.events.models import Event
from gongkai.foi import services
from gongkai.foi.models import ApplicantType, Application, Channel, ClockEvent, Decision, Rating, RemedyCase, Status
from gongkai.foi.outcomes import TABLE3_BLOCKS, ClosureCode, row_for
from gongkai.foi.reminders import foi_matters
from gongkai.orgs.models import User
from gongkai.workdays import package
from gongkai.workdays.calendar import WorkCalendar
from gongkai.workdays.services import ensure_package_years

TODAY = datetime.date(2026, 11, 27)


def counts():
    return {model.__name__: model.objects.count()
            for model in (Application, ClockEvent, Decision, Rating, RemedyCase, Event)}


def test_a_year_of_applications_in_every_state_and_outcome_loaded_once(db):
    with clock(TODAY):
        # load_demo() loads the applications itself; hold that back once to see the summary here.
        with mock.patch("gongkai.demo.loader.load_demo_applications"):
            load_demo()
        office = User.objects.get(username="office")
        summary = load_demo_applications(office=office, today=TODAY)
    assert summary.skipped == []
    applications = Application.objects.all()
    assert summary.created == applications.count() == 255

    # Every status, every closure code, hence every block of table 三.
    assert set(applications.values_list("status", flat=True)) == set(Status.values)
    codes = set(applications.exclude(closure_code="").values_list("closure_code", flat=True))
    assert codes == set(ClosureCode.values)
    assert {row_for(code).block for code in codes} == set(TABLE3_BLOCKS)

    # Realistic proportions: mostly natural persons, mostly online, mostly disclosed.
    types = Counter(applications.values_list("applicant_type", flat=True))
    assert set(types) == set(ApplicantType.values)
    assert types[ApplicantType.NATURAL_PERSON] > 0.75 * summary.created
    channels = Counter(applications.values_list("channel", flat=True))
    assert channels.most_common(1)[0][0] == Channel.ONLINE
    assert {Channel.IN_PERSON, Channel.POST_SIGNED, Channel.PLATFORM} <= set(channels)
    outcomes = Counter(applications.exclude(closure_code="").values_list("closure_code", flat=True))
    assert outcomes.most_common(1)[0][0] == ClosureCode.DISCLOSED

    # Twelve months of arrivals, none in the future.
    arrivals = sorted(a.date() for a in applications.values_list("arrived_at", flat=True))
    assert arrivals[-1] < TODAY and arrivals[0] >= TODAY - datetime.timedelta(days=400)
    assert statistics.median(arrivals) > TODAY - datetime.timedelta(days=250)

    # The history went through the real steps and people.
    assert ClockEvent.objects.filter(kind="extended").exclude(actor=office).count() == 0
    assert ClockEvent.objects.filter(kind="extended").count() > 5
    assert ClockEvent.objects.filter(kind="fee_notice_sent").count() < 10  # fees are few (Art 42)
    assert not Decision.objects.filter(status="approved", reviewed_by=None).exists()
    for drafted_by, reviewed_by in Decision.objects.exclude(reviewed_by=None).values_list("drafted_by", "reviewed_by"):
        assert drafted_by != reviewed_by
    served = Counter(applications.exclude(service_method="").values_list("service_method", flat=True))
    assert set(served) == {"online", "post", "in_person"}
    assert not applications.filter(service_method="post", postal_tracking="").exists()
    assert sorted(RemedyCase.objects.values_list("kind", flat=True)) == [
        "litigation_direct", "reconsideration", "reconsideration"]
    bad = Rating.objects.filter(score__lte=2)
    assert bad.exists() and not bad.filter(answer="").exists()
    assert Rating.objects.filter(score__gte=4).count() > 3 * bad.count()

    # Today's lights: some yellow, some red, one escalated to the office, replies awaiting approval.
    matters = foi_matters(TODAY, WorkCalendar.from_db()).values()
    assert sum(len(m.yellow) for m in matters) >= 3
    assert sum(len(m.red) for m in matters) >= 4
    assert any(matter.escalated_to_office for m in matters for matter in m.red)
    assert sum(len(m.awaiting_approval) for m in matters) == 3
    # The demo logins find work: shenhe (沈河区's handler) has open applications assigned.
    shenhe = User.objects.get(username="shenhe")
    assert Application.objects.visible_to(shenhe).open().filter(handler=shenhe).exists()
    # The intake desk (12345) registered the platform's applications and follows exactly those.
    desk = User.objects.get(username="intake")
    platform = set(applications.filter(channel="platform").values_list("pk", flat=True))
    assert platform and set(Application.objects.visible_to(desk).values_list("pk", flat=True)) == platform

    # Fake personal data only: an impossible region code, no e-mail, phone numbers starting 000.
    assert all(number.startswith(DEMO_ID_PREFIX) and len(number) == 18
               for number in applications.values_list("id_number", flat=True))
    assert not applications.exclude(email="").exists()
    assert all(phone.startswith("000") for phone in applications.values_list("phone", flat=True))
    assert all(name.startswith("测试") for name in applications.values_list("name", flat=True))
    logged = " ".join(str(data) for data in Event.objects.filter(verb__startswith="foi.").values_list("data", flat=True))
    assert DEMO_ID_PREFIX + "19" not in logged and "测试申请人" not in logged
    # The public status page works with the shared demo password.
    sample = applications.first()
    assert services.find_by_code(sample.tracking_code, DEMO_PASSWORD) == sample

    # A second run adds nothing.
    before = counts()
    with clock(TODAY):
        assert load_demo_applications(office=office, today=TODAY) is None
        load_demo()
    assert counts() == before


def test_another_year_after_the_spring_festival(directory, office, shenhe, shenhe_reviewer):
    """Tuesday 2022-02-08: the year before spans National Day 2021 and the Spring Festival (1/31–2/6)."""
    ensure_package_years(years=[2021, 2022])
    today = datetime.date(2022, 2, 8)
    with clock(today):
        summary = load_demo_applications(office=office, today=today)
    assert summary.skipped == []
    assert all(summary.statuses[status] > 0 for status in Status.values)
    assert Application.objects.filter(status=Status.ARCHIVED).count() > 100


def package_calendar(years):
    holidays, workdays = {}, {}
    for year in years:
        year_holidays, year_workdays = package.year_days(year)
        holidays.update(year_holidays)
        workdays.update(year_workdays)
    return WorkCalendar(years=years, holidays=holidays, workdays=workdays)


@pytest.mark.parametrize("today", [datetime.date(2021, 10, 8), datetime.date(2021, 12, 1), datetime.date(2022, 5, 5),
                                   datetime.date(2022, 9, 30)])
def test_every_story_is_planned_inside_its_dates(today):
    """Pure planning over the official calendar: no database, only dates."""
    calendar = package_calendar((2020, 2021, 2022))
    rng = random.Random(demo_foi.SEED)
    units = {name: None for name in demo_foi.UNIT_WEIGHTS}
    for story in demo_foi.stories(rng, units, today):
        steps = demo_foi.plan(story, rng, calendar, today)
        days = [step.day for step in steps]
        assert days == sorted(days)
        received = next(step.day for step in steps if step.action in ("confirm", "assign")) \
            if story.open_as != "awaiting_confirmation" else None
        if story.outcome is None:
            assert days[-1] <= today
            assert not any(step.action in ("serve", "close") for step in steps)
        else:
            assert days[-1] < today
            assert [step.action for step in steps].count("serve") + [step.action for step in steps].count("close") == 1
        for step in steps:
            if step.args.get("kind") == "correction_requested":  # Art 30: within 7 working days of receipt
                assert 0 < calendar.count_workdays(received, step.day) <= 7
            if step.action == "arrive":
                assert step.args["at"].date() == step.day
