"""The assessment pages: the office builds and finalises the scheme; a unit sees its own row."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.assessment import services
from gongkai.assessment.models import Adjustment, Bonus, Indicator, Rule, Scheme
from gongkai.ledger.models import Assignment

D = datetime.date


@pytest.fixture
def scheme(ledger, office):
    scheme = services.create_scheme(actor=office, plan=ledger, title="2021年第三季度考核", cutoff=D(2021, 9, 30))
    services.add_indicator(actor=office, scheme=scheme, name="按时完成", weight=60, rule=Rule.DEDUCT_PER_OVERDUE,
                           parameter=1)
    services.add_indicator(actor=office, scheme=scheme, name="日常工作", weight=40, rule=Rule.MANUAL)
    return scheme


def url(name, scheme=None):
    return reverse(f"assessment:{name}", args=[scheme.pk] if scheme else [])


def test_office_creates_a_scheme_and_adds_what_it_needs(ledger, office, client_for, directory):
    client = client_for(office)
    assert client.get(url("new")).status_code == 200
    response = client.post(url("new"), {"plan": ledger.pk, "title": "2021年度考核", "cutoff": "", "bonus_cap": "3"})
    scheme = Scheme.objects.get()
    assert response.url == url("detail", scheme)
    assert (scheme.cutoff, scheme.bonus_cap) == (D(2021, 12, 31), Decimal(3))
    client.post(url("indicator-add", scheme), {"name": "材料质量", "weight": "20", "rule": Rule.DEDUCT_PER_RETURN,
                                               "parameter": "2"})
    indicator = Indicator.objects.get()
    unit = directory["沈河区人民政府"]
    client.post(url("adjustment-add", scheme), {"unit": unit.pk, "indicator": indicator.pk, "points": "-1",
                                                "reason": "迟报"})
    client.post(url("bonus-add", scheme), {"unit": unit.pk, "points": "5", "reason": "省级表彰"})
    assert Adjustment.objects.get().reason == "迟报" and Bonus.objects.get().points == 5
    page = client.get(url("detail", scheme))
    assert page.status_code == 200 and page.context["ranking"].preliminary
    row = next(r for r in page.context["rows"] if r.unit == unit.pk)
    assert row.bonus == 3  # capped


@pytest.mark.parametrize("name, data", [
    ("indicator-add", {"name": "x", "weight": "10", "rule": Rule.DEDUCT_PER_OVERDUE, "parameter": ""}),  # N missing
    ("indicator-add", {"name": "x", "weight": "abc", "rule": Rule.MANUAL}),
    ("adjustment-add", {"unit": "", "indicator": "", "points": "1", "reason": ""}),
    ("bonus-add", {"unit": "999999", "points": "-2", "reason": "x"}),
    ("edit", {"title": "x", "cutoff": "2022-01-01"}),  # outside the year
])
def test_bad_input_is_explained(scheme, office, client_for, name, data):
    response = client_for(office).post(url(name, scheme), data)
    assert response.status_code == 200
    assert response.context["form"].errors


def test_remove_and_finalise(scheme, office, client_for, directory):
    client = client_for(office)
    manual = scheme.indicators.get(name="日常工作")
    services.add_adjustment(actor=office, scheme=scheme, unit=directory["沈河区人民政府"], indicator=manual,
                            points=2, reason="r")
    client.post(url("adjustment-remove", scheme), {"id": Adjustment.objects.get().pk})
    assert not Adjustment.objects.exists()
    assert client.post(url("indicator-remove", scheme), {"id": "nonsense"}).status_code == 404
    client.post(url("finalize", scheme))  # today is long after 30 September 2021
    scheme.refresh_from_db()
    assert not scheme.is_draft
    assert client.get(url("indicator-add", scheme)).status_code == 302  # final: back to the page
    client.post(url("indicator-remove", scheme), {"id": manual.pk})
    assert scheme.indicators.filter(pk=manual.pk).exists()


def test_units_see_their_own_row_of_a_final_scheme(scheme, office, shenhe, client_for):
    client = client_for(shenhe)
    assert client.get(url("detail", scheme)).status_code == 404  # draft
    assert client.get(url("new")).status_code == 403
    services.finalize_scheme(actor=office, scheme=scheme, today=D(2021, 10, 15))
    page = client.get(url("detail", scheme))
    assert [row.name for row in page.context["rows"]] == ["沈河区政府"]
    assert client.get(url("xlsx", scheme)).status_code == 403
    assert scheme.title in client.get(url("list")).content.decode()


def test_xlsx_download(scheme, office, client_for):
    response = client_for(office).get(url("xlsx", scheme))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert sheet["A1"].value.startswith("2021年第三季度考核")
    assert sheet.max_row == 2 + Assignment.objects.values("unit").distinct().count()  # title, header, units
