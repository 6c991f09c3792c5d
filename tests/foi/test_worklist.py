"""The staff work list: lights as due-date ranges, filters, pages, bad input and a bounded query count."""

import datetime
from collections import Counter
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.foi import services, worklist
from gongkai.foi.lights import COLOURS, due_date_range, light, light_counts
from gongkai.foi.models import Application, Channel, Status
from gongkai.workdays.calendar import WorkCalendar
from gongkai.workdays.services import ensure_package_years
from tests.foi.test_intake import APPLICANT

SHANGHAI = ZoneInfo("Asia/Shanghai")
TODAY = datetime.date(2026, 3, 25)


@pytest.fixture
def calendar(db):
    ensure_package_years(years=[2021, 2026])
    return WorkCalendar.from_db()


def within(bounds, day):
    if bounds is None:
        return False
    first, last = bounds
    return (first is None or first <= day) and (last is None or day <= last)


@pytest.mark.parametrize("today", [
    datetime.date(2021, 9, 28), datetime.date(2021, 10, 1), datetime.date(2021, 10, 9),  # National Day 2021
    datetime.date(2026, 2, 13), datetime.date(2026, 2, 14), datetime.date(2026, 2, 20),  # Spring Festival 2026
    datetime.date(2026, 12, 28),  # 2027 not in the calendar yet
])
def test_every_due_date_falls_in_the_range_of_exactly_its_own_light(calendar, today):
    for offset in range(-15, 50):
        due = today + datetime.timedelta(days=offset)
        expected = light(due, today, calendar, yellow=5)[0]
        assert [colour for colour in COLOURS if within(due_date_range(colour, today, calendar, yellow=5), due)] == [expected], due


def test_yellow_ranges_across_the_holidays_hand_counted(calendar):
    # Tue 2021-09-28: 9/29, 9/30, 10/8, Sat 10/9 (make-up day), Mon 10/11 are the five working days left.
    assert due_date_range("yellow", datetime.date(2021, 9, 28), calendar, yellow=5) == (
        datetime.date(2021, 9, 28), datetime.date(2021, 10, 11))
    # Fri 2026-02-13: Sat 2/14 (make-up), then 2/24–2/27 after the Spring Festival; Sat 2/28 is the sixth.
    assert due_date_range("green", datetime.date(2026, 2, 13), calendar, yellow=5) == (datetime.date(2026, 2, 28), None)
    assert due_date_range("red", datetime.date(2026, 2, 13), calendar, yellow=5) == (None, datetime.date(2026, 2, 12))


def test_no_yellow_at_all_with_a_negative_threshold(calendar):
    assert due_date_range("yellow", TODAY, calendar, yellow=-1) is None
    assert due_date_range("green", TODAY, calendar, yellow=-1) == (TODAY, None)


def test_the_office_threshold_moves_the_ranges_and_the_list(applications, calendar, client_for, office):
    from gongkai.foi.services import update_thresholds

    # Fri 2026-02-13 with 6 working days: Sat 2/14 (make-up), 2/24–2/27, Sat 2/28 — yellow up to 3/1.
    assert due_date_range("yellow", datetime.date(2026, 2, 13), calendar, yellow=6)[1] == datetime.date(2026, 3, 1)
    before = work_list(client_for(office)).context["work"].lights
    update_thresholds(actor=office, yellow_workdays=20, office_escalation_workdays=3)
    after = work_list(client_for(office)).context["work"].lights
    assert after["red"] == before["red"] and after["green"] == 0
    assert after["yellow"] == before["yellow"] + before["green"]


def arrive(actor, unit, day, **fields):
    application, _password = services.register(
        actor=actor, channel=Channel.IN_PERSON, target_unit=unit, fields={**APPLICANT, **fields},
        arrived_at=datetime.datetime(day.year, day.month, day.day, 10, tzinfo=SHANGHAI))
    return application


@pytest.fixture
def applications(calendar, directory, office, shenhe):
    """沈河区 applications received from February to March 2026 (due dates on both sides of TODAY),
    one of 市发展改革委, and one online application still awaiting confirmation."""
    shenhe_unit, fgw = directory["沈河区人民政府"], directory["沈阳市发展和改革委员会"]
    received = [arrive(shenhe, shenhe_unit, datetime.date(2026, 2, day)) for day in (2, 9, 26)]
    received += [arrive(shenhe, shenhe_unit, datetime.date(2026, 3, day), description=f"第{day}号文件的附件")
                 for day in (2, 9, 16, 23)]
    received.append(arrive(office, fgw, datetime.date(2026, 3, 2), description="发展规划中期评估报告"))
    services.assign_handler(actor=shenhe, application=received[0], handler=shenhe)
    waiting, _password = services.submit_online(target_unit=shenhe_unit, fields=APPLICANT)
    return received, waiting


def work_list(client, query=""):
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        response = client.get(reverse("foi:list") + query)
    assert response.status_code == 200
    return response


def listed(response):
    return [row[0].tracking_code for row in response.context["work"].rows]


def test_light_counts_agree_with_the_lights_one_by_one(applications, calendar):
    received, _waiting = applications
    for today in (datetime.date(2026, 3, 2), TODAY, datetime.date(2026, 5, 11)):
        expected = Counter(light(application.due_date, today, calendar, yellow=5)[0] for application in received)
        counts = light_counts(Application.objects.all(), today, calendar, yellow=5)
        assert counts == {colour: expected[colour] for colour in COLOURS}, today
    assert counts["red"] == len(received)  # by 2026-05-11 every one of them is overdue


def test_office_sees_everything_soonest_deadline_first(applications, client_for, office):
    received, waiting = applications
    response = work_list(client_for(office))
    work = response.context["work"]
    assert listed(response) == [a.tracking_code for a in sorted(received, key=lambda a: (a.due_date, a.pk))]
    assert work.waiting == [waiting] and work.waiting_count == 1
    assert sum(work.lights.values()) == len(received) == work.page.paginator.count


def test_filter_by_light_lists_exactly_that_light(applications, client_for, office, calendar):
    received, _waiting = applications
    client = client_for(office)
    for colour in COLOURS:
        response = work_list(client, f"?light={colour}")
        expected = [a.tracking_code for a in sorted(received, key=lambda a: (a.due_date, a.pk))
                    if light(a.due_date, TODAY, calendar, yellow=5)[0] == colour]
        assert listed(response) == expected, colour
        assert response.context["work"].waiting == []  # no clock, no light: not part of a light's list
    assert {colour: len(listed(work_list(client, f"?light={colour}"))) for colour in COLOURS} == \
        work_list(client).context["work"].lights


def test_filter_by_unit_status_text_and_own_assignments(applications, client_for, office, shenhe, directory):
    received, waiting = applications
    client = client_for(office)
    fgw = directory["沈阳市发展和改革委员会"]
    assert listed(work_list(client, f"?unit={fgw.pk}")) == [received[-1].tracking_code]
    assert work_list(client, f"?unit={fgw.pk}").context["work"].waiting == []
    assert listed(work_list(client, "?q=中期评估")) == [received[-1].tracking_code]
    assert listed(work_list(client, f"?q={received[2].tracking_code.lower()}")) == [received[2].tracking_code]
    assert listed(work_list(client, f"?status={Status.CONSULTING}")) == []
    assert len(listed(work_list(client, f"?status={Status.IN_HANDLING}"))) == len(received)
    assert listed(work_list(client_for(shenhe), "?mine=on")) == [received[0].tracking_code]


def test_a_unit_sees_only_its_own_and_no_unit_parameter_widens_that(applications, client_for, shenhe, directory):
    received, _waiting = applications
    client = client_for(shenhe)
    own = sorted(received[:-1], key=lambda a: (a.due_date, a.pk))
    assert listed(work_list(client)) == [a.tracking_code for a in own]
    response = work_list(client, f"?unit={directory['沈阳市发展和改革委员会'].pk}")
    assert "unit" not in response.context["form"].fields  # one unit: nothing to choose
    assert listed(response) == [a.tracking_code for a in own]


def test_pages_keep_the_filters(applications, client_for, office, monkeypatch):
    received, _waiting = applications
    monkeypatch.setattr(worklist, "PAGE_SIZE", 3)
    client = client_for(office)
    first = work_list(client, "?q=号文件")
    assert first.context["work"].page.paginator.count == 4 and len(listed(first)) == 3
    assert 'href="?q=%E5%8F%B7%E6%96%87%E4%BB%B6&amp;page=2"' in first.content.decode()
    second = work_list(client, "?q=号文件&page=2")
    assert len(listed(second)) == 1 and set(listed(first)).isdisjoint(listed(second))
    # A page past the end or not a number: the last or the first page, never an error.
    assert listed(work_list(client, "?q=号文件&page=99")) == listed(second)
    assert listed(work_list(client, "?q=号文件&page=x")) == listed(first)


def test_bad_filter_values_are_named_and_the_good_ones_still_apply(applications, client_for, office):
    received, _waiting = applications
    response = work_list(client_for(office), "?light=purple&unit=abc&q=中期评估")
    form = response.context["form"]
    assert set(form.errors) == {"light", "unit"}
    assert listed(response) == [received[-1].tracking_code]
    assert "purple" in response.content.decode()  # the message quotes the value it refused


def test_query_count_does_not_grow_with_the_applications(applications, client_for, office, shenhe, directory):
    client = client_for(office)
    work_list(client)  # warm-up: calendar cache, session
    with CaptureQueriesContext(connection) as few:
        work_list(client)
    for day in range(1, 13):
        arrive(shenhe, directory["沈河区人民政府"], datetime.date(2026, 3, 13) + datetime.timedelta(days=day))
    with CaptureQueriesContext(connection) as many:
        work_list(client, "?light=green")
    assert len(many) <= len(few) <= 15
