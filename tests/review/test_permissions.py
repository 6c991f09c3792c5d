"""Issue 3 §7 across the ledger: a unit sees only its own assignments, a lead unit sees its items'
assignments, the office sees everything, the public sees nothing but published progress pages.

These test the lead engineer's `Assignment.objects.visible_to` (scoping lives there, so it is
tested here thoroughly); views fetch through it with get_object_or_404, which turns "not visible"
into a 404 — asserted below on the queryset the views use.
"""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from gongkai.ledger.models import Assignment
from gongkai.ledger.permissions import acts_for_lead, reports_for_unit
from gongkai.orgs.models import Role
from gongkai.orgs.services import create_person
from gongkai.review import services
from tests.conftest import PASSWORD
from tests.review.conftest import YEAR_END, assignment

SHENHE, HEPING = "沈河区人民政府", "和平区人民政府"


def visible(user, plan):
    return set(Assignment.objects.visible_to(user).in_plan(plan).values_list("pk", flat=True))


def of_unit(plan, name):
    return set(Assignment.objects.in_plan(plan).filter(unit__name=name).values_list("pk", flat=True))


def of_items(plan, *numbers):
    return set(Assignment.objects.in_plan(plan).filter(task__item__number__in=numbers).values_list("pk", flat=True))


def test_a_unit_sees_its_own_assignments_and_those_of_items_it_leads(ledger, shenhe):
    # 沈河区政府 is responsible in many tasks and co-leads item 7 (试点领域标准建设) with 市政府办公室.
    assert visible(shenhe, ledger) == of_unit(ledger, SHENHE) | of_items(ledger, "7")
    assert len(of_unit(ledger, SHENHE)) == 34  # every task naming 区县（市）政府, plus task 7.2 naming it directly


def test_another_units_assignment_is_not_found(ledger, shenhe):
    heping_item_1 = assignment(ledger, 1, HEPING)
    with pytest.raises(Http404):
        get_object_or_404(Assignment.objects.visible_to(shenhe), pk=heping_item_1.pk)
    # …but 和平区's assignment of item 7, which 沈河区 co-leads, is visible to 沈河区.
    heping_item_7 = Assignment.objects.filter(task__item__number="7", unit__name=HEPING).first()
    assert get_object_or_404(Assignment.objects.visible_to(shenhe), pk=heping_item_7.pk) == heping_item_7


def test_a_lead_unit_sees_every_assignment_of_its_items(ledger, fgw_liaison):
    # 市发展改革委 leads items 1 and 2 and is itself one of the 市政府各部门 of many tasks.
    fgw = "沈阳市发展和改革委员会"
    assert visible(fgw_liaison, ledger) == of_unit(ledger, fgw) | of_items(ledger, "1", "2")
    assert of_items(ledger, "1") <= visible(fgw_liaison, ledger)
    assert assignment(ledger, 3, SHENHE).pk not in visible(fgw_liaison, ledger)


def test_the_office_sees_everything(ledger, office):
    assert len(visible(office, ledger)) == 673


def test_outsiders_and_the_public_see_nothing(ledger, outsider):
    assert visible(outsider, ledger) == set()
    assert visible(AnonymousUser(), ledger) == set()


def test_every_role_of_a_unit_reads_its_assignments_but_a_viewer_does_not_act(ledger, directory):
    viewer = create_person(actor=None, username="shenhe-viewer", password=PASSWORD,
                           memberships=[(directory[SHENHE], Role.VIEWER)])
    own = assignment(ledger, 1, SHENHE)
    assert own.pk in visible(viewer, ledger)
    assert not reports_for_unit(viewer, own) and not acts_for_lead(viewer, own)


def test_acting_on_another_units_assignment_is_refused(ledger, shenhe, fgw_liaison):
    heping = assignment(ledger, 1, HEPING)
    assert not reports_for_unit(shenhe, heping)  # 沈河区 cannot report for 和平区
    assert acts_for_lead(fgw_liaison, heping)  # 市发展改革委 leads item 1
    assert not acts_for_lead(fgw_liaison, assignment(ledger, 3, HEPING))


def test_a_unit_whose_member_has_two_units_sees_both(ledger, directory):
    both = create_person(actor=None, username="two-hats", password=PASSWORD,
                         memberships=[(directory[SHENHE], Role.HANDLER), (directory[HEPING], Role.HANDLER)])
    assert of_unit(ledger, SHENHE) | of_unit(ledger, HEPING) <= visible(both, ledger)
    assert assignment(ledger, 1, "大东区人民政府").pk not in visible(both, ledger)


def test_carried_work_stays_with_its_unit_and_its_lead(ledger, office, shenhe, fgw_liaison, plan_2022):
    closure = services.start_closure(actor=office, plan=ledger, today=YEAR_END)
    services.carry_over(actor=office, closure=closure, assignments=[assignment(ledger, 1, SHENHE),
                                                                    assignment(ledger, 1, HEPING)],
                        target_plan=plan_2022, reason="跨年度", due_date=datetime.date(2022, 6, 30), today=YEAR_END)
    carried = {a.unit.name: a.pk for a in Assignment.objects.in_plan(plan_2022)}
    assert visible(shenhe, plan_2022) == {carried[SHENHE]}
    assert visible(fgw_liaison, plan_2022) == set(carried.values())  # the lead units were copied


def test_the_public_sees_only_published_progress_pages(client, ledger, office):
    assert client.get(reverse("plans:detail", args=[ledger.pk])).status_code == 302  # staff page: log in
    assert client.get(reverse("progress:plan", args=[ledger.pk])).status_code == 404
    services.set_publication(actor=office, plan=ledger, published=True)
    assert client.get(reverse("progress:plan", args=[ledger.pk])).status_code == 200
    assert client.get(reverse("plans:detail", args=[ledger.pk])).status_code == 302
