"""The city dashboard's chart names units as people know them (issue 8): a district government and its
general office are two clearly different bars, each with its official name in the tooltip."""

import datetime
import re

from gongkai.ledger.services import generate_assignments
from gongkai.orgs.models import Unit, UnitKind
from gongkai.orgs.services import create_unit
from tests.supervision.conftest import PLAN_START, at


def test_the_chart_tells_a_district_government_from_its_office(sample_plan, office, stored_calendar, client_for):
    for district in Unit.objects.filter(kind=UnitKind.DISTRICT_GOVERNMENT):  # as the demo adds them
        create_unit(actor=None, name=district.name.replace("人民政府", "人民政府办公室"), kind=UnitKind.DISTRICT_OFFICE,
                    parent=district, aliases=[district.name.replace("人民政府", "政府办")])
    generate_assignments(actor=office, plan=sample_plan, started_on=PLAN_START)
    with at(datetime.date(2021, 10, 8), 10):
        html = client_for(office).get("/supervision/").content.decode()
    chart = html.split('aria-labelledby="units-title units-desc"')[1].split("</svg>")[0]
    labels = re.findall(r'<text x="[\d.]+" y="[\d.]+" text-anchor="end">([^<]+)</text>', chart)
    tooltips = re.findall(r"<g><title>([^:<]+): \d+%</title>", chart)
    assert "沈河区人民政府" in labels and "沈河区人民政府办公室" in labels
    assert not {"沈河区政府", "沈河区政府办"} & set(labels)
    assert "市发展改革委" in labels and "沈阳市发展和改革委员会" in tooltips  # short, with the full name at hand
    assert len(labels) == len(set(labels)) == len(tooltips)
