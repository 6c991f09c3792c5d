"""The office lands on its dashboard, opens the ledger, narrows it to one unit's yellow lights with
the pickers and pages through: every row is that unit's and yellow, the filters stay on every page,
and the pages together list exactly that unit's yellow assignments."""

import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest

from gongkai.ledger import listing
from gongkai.ledger.models import Assignment
from gongkai.ledger.services import generate_assignments
from gongkai.supervision import queries
from gongkai.supervision.lights import Colour
from gongkai.supervision.models import LightSettings
from gongkai.workdays.calendar import WorkCalendar
from gongkai.workdays.services import ensure_package_years

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NOW = datetime.datetime(2021, 10, 8, 10, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def plan(sample_plan, office):
    ensure_package_years(actor=None, years=[2021, 2022])
    generate_assignments(actor=office, plan=sample_plan, started_on=datetime.date(2021, 7, 5))
    return sample_plan


def test_office_filters_the_ledger_by_unit_and_light_and_pages_through(login, live_server, plan, office,
                                                                       monkeypatch):
    monkeypatch.setattr(listing, "PAGE_SIZE", 10)  # one unit's yellow lights then make a few pages
    shenhe = Assignment.objects.in_plan(plan).filter(unit__name="沈河区人民政府").first().unit
    expected = yellow_ids(Assignment.objects.in_plan(plan).filter(unit=shenhe))
    pages = -(-len(expected) // 10)
    assert pages >= 2
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        page = login(office)
        assert page.url == f"{live_server.url}/supervision/"  # the office lands on the city dashboard
        page.goto(f"{live_server.url}/ledger/plans/{plan.pk}/")
        page.select_option("#id_unit", label="沈河区人民政府")
        page.select_option("#id_light", value="yellow")
        page.click("form.filters button[type=submit]")
        page.wait_for_url(f"**/ledger/plans/{plan.pk}/?*unit={shenhe.pk}*")

        seen = []
        for number in range(1, pages + 1):
            assert page.locator("nav.pager [aria-current=page]").inner_text() == f"第 {number} 页，共 {pages} 页"
            rows = page.locator("main table tbody tr")
            for index in range(rows.count()):
                row = rows.nth(index)
                assert row.locator("span.light").inner_text() == str(Colour.YELLOW.label)
                assert "沈河区" in row.locator("td").nth(2).inner_text()
                seen.append(int(row.locator("td").nth(1).locator("a").get_attribute("href").split("/")[-2]))
            # The pickers still show the filters on every page.
            assert page.locator("#id_unit").input_value() == str(shenhe.pk)
            assert page.locator("#id_light").input_value() == "yellow"
            if number < pages:
                page.click("nav.pager a[rel=next]")
                page.wait_for_url(f"**page={number + 1}")
    assert sorted(seen) == sorted(expected)


def yellow_ids(assignments):
    """The yellow assignments on NOW's date, lit by the same rules as the page."""
    rows = list(queries.fact_values(assignments, "id"))
    pairs = queries.lit(rows, today=NOW.date(), calendar=WorkCalendar.from_db(),
                        thresholds=LightSettings.current().thresholds)
    return [row["id"] for row, light in pairs if light.colour == Colour.YELLOW]
