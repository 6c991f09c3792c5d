"""The ranking as people read it (issue 8): a deduction column says how many points were taken away,
and a district government and its general office are two clearly named rows."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from gongkai.assessment import services
from gongkai.assessment.models import Rule
from gongkai.assessment.results import ranking
from gongkai.assessment.scoring import IndicatorRule, score_indicator
from gongkai.bulletins.facts import Facts
from gongkai.ledger.services import generate_assignments
from gongkai.orgs.models import Unit, UnitKind
from gongkai.orgs.services import create_unit

from .conftest import PLAN_START

D = datetime.date
SEPT_30 = D(2021, 9, 30)


@pytest.fixture
def ledger(sample_plan, office, directory):
    """The 2021 ledger with the district governments' general offices (沈河区政府办 …), as in the demo."""
    for district in Unit.objects.filter(kind=UnitKind.DISTRICT_GOVERNMENT):
        create_unit(actor=None, name=district.name.replace("人民政府", "人民政府办公室"), kind=UnitKind.DISTRICT_OFFICE,
                    parent=district, aliases=[district.name.replace("人民政府", "政府办")])
    generate_assignments(actor=office, plan=sample_plan, started_on=PLAN_START)
    return sample_plan


@pytest.fixture
def scheme(ledger, office):
    scheme = services.create_scheme(actor=office, plan=ledger, title="2021年第三季度考核", cutoff=SEPT_30)
    services.add_indicator(actor=office, scheme=scheme, name="逾期任务扣分", weight=20, rule=Rule.DEDUCT_PER_OVERDUE,
                           parameter=2)
    services.add_indicator(actor=office, scheme=scheme, name="完成率", weight=80, rule=Rule.COMPLETION_RATE)
    return scheme


def test_a_deduction_is_the_points_taken_away():
    indicator = IndicatorRule(key=1, name="逾期任务扣分", weight=Decimal(20), rule=Rule.DEDUCT_PER_OVERDUE,
                              parameter=Decimal(2))
    one = score_indicator(indicator, Facts(overdue=1))
    assert (one.is_deduction, one.points, one.deducted, one.deducted_text) == (True, Decimal("18.00"),
                                                                               Decimal("-2.00"), "−2.00")
    assert score_indicator(indicator, Facts()).deducted_text == "0.00"
    assert score_indicator(indicator, Facts(overdue=30)).deducted == Decimal("-20.00")  # never more than the weight
    rate = IndicatorRule(key=2, name="完成率", weight=Decimal(80), rule=Rule.COMPLETION_RATE)
    assert not score_indicator(rate, Facts(due=2, completed_due=1)).is_deduction


def test_the_ranking_page_shows_points_deducted_and_the_score_left(scheme, office, client_for):
    html = client_for(office).get(reverse("assessment:detail", args=[scheme.pk])).content.decode()
    shenhe = Unit.objects.get(name="沈河区人民政府")
    row = re.search(rf'<tr data-unit="{shenhe.pk}">(.*?)</tr>', html, re.S).group(1)
    # Ten assignments due on 30 September, none completed: 10 × 2 points, capped at the weight of 20.
    assert '<span class="deducted">−20.00</span>' in row and "得 0.00 分" in row
    assert "扣分" in html.split('id="ranking"')[1].split("</thead>")[0]  # the column says what it counts


def test_a_district_government_and_its_office_are_two_clearly_named_rows(scheme, office, client_for):
    names = [row.name for row in ranking(scheme, today=D(2021, 10, 15)).rows]
    assert "沈河区人民政府" in names and "沈河区人民政府办公室" in names
    assert not {"沈河区政府", "沈河区政府办"} & set(names)
    assert "市发展改革委" in names  # unambiguous short names stay short …
    html = client_for(office).get(reverse("assessment:detail", args=[scheme.pk])).content.decode()
    assert '<th scope="row" title="沈阳市发展和改革委员会">市发展改革委</th>' in html  # … with the full name at hand
    assert '<th scope="row">沈河区人民政府办公室</th>' in html
