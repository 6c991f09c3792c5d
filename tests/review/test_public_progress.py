"""The public progress page: only published plans, only item facts, no people, no comments, no files."""

import datetime
from unittest import mock

import pytest
from django.urls import reverse
from django.utils.translation import override

from gongkai.ledger.models import AssignmentState
from gongkai.ledger.services import submit_report, take_step
from gongkai.orgs.models import Role
from gongkai.orgs.services import create_person
from gongkai.review import services
from gongkai.review.progress import Fact, ItemStatus, item_status, plan_progress
from tests.conftest import PASSWORD
from tests.review.conftest import YEAR_END, assignment, complete, pdf_file

# These tests read English pages: the deployment must offer English (Chinese is the only default).
pytestmark = pytest.mark.usefixtures("english")

SHENHE = "沈河区人民政府"
TODAY = datetime.date(2021, 10, 8)
OPEN, DONE = AssignmentState.IN_PROGRESS, AssignmentState.DONE


def on(day):
    return mock.patch("django.utils.timezone.localdate", return_value=day)


@pytest.mark.parametrize("facts, closed, expected", [
    ([], False, ItemStatus.NOT_ASSIGNED),
    ([Fact(DONE, TODAY), Fact(AssignmentState.DONE_LATE, TODAY)], False, ItemStatus.COMPLETED),
    ([Fact(DONE, TODAY), Fact(OPEN, TODAY)], False, ItemStatus.IN_PROGRESS),  # due today is not yet late
    ([Fact(DONE, TODAY), Fact(OPEN, TODAY - datetime.timedelta(days=1))], False, ItemStatus.OVERDUE),
    ([Fact(OPEN, None)], False, ItemStatus.IN_PROGRESS),  # ongoing work is never overdue
    ([Fact(OPEN, datetime.date(2021, 9, 30), "carried"), Fact(OPEN, None, "dropped")], True, ItemStatus.CARRIED),
    ([Fact(OPEN, datetime.date(2021, 9, 30), "dropped")], True, ItemStatus.UNFINISHED),
    ([Fact(DONE, TODAY)], True, ItemStatus.COMPLETED),
])
def test_item_status(facts, closed, expected):
    assert item_status(facts, TODAY, plan_closed=closed) == expected


@pytest.fixture
def published(ledger, office):
    services.set_publication(actor=office, plan=ledger, published=True)
    return ledger


def test_unpublished_plan_is_not_found(client, ledger, office):
    url = reverse("progress:plan", args=[ledger.pk])
    assert client.get(url).status_code == 404
    services.set_publication(actor=office, plan=ledger, published=True)
    assert client.get(url).status_code == 200
    services.set_publication(actor=office, plan=ledger, published=False)
    assert client.get(url).status_code == 404
    assert client.get(reverse("progress:plan", args=[ledger.pk + 1000])).status_code == 404


def test_only_the_office_publishes(ledger, fgw_liaison):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.set_publication(actor=fgw_liaison, plan=ledger, published=True)


def test_index_lists_published_plans_only(client, published, plan_2022):
    page = client.get(reverse("progress:index")).content.decode()
    assert reverse("progress:plan", args=[published.pk]) in page
    assert plan_2022.title not in page


def test_items_with_lead_units_deadline_share_and_status(client, published):
    complete(assignment(published, 1, SHENHE), assignment(published, 1, "和平区人民政府"))
    with on(TODAY), override("en"):
        page = client.get(reverse("progress:plan", args=[published.pk]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en">' in page  # an English page says so to screen readers
    assert "全面公开各类规划信息" in page and "市发展改革委、市自然资源局、市政府办公室" in page
    assert "2021-09-30" in page
    assert "2 of 13 (15%)" in page  # item 1: two of the 13 districts completed
    row_1 = page[page.index("全面公开各类规划信息"):page.index("强化市场监管规则标准")]
    assert "Overdue" in row_1  # due 2021-09-30, eleven districts still open on 2021-10-08
    row_2 = page[page.index("强化市场监管规则标准"):page.index("深化财政信息公开")]
    assert "In progress" in row_2  # due 2021-12-31
    assert '<th scope="col">' in page and '<th scope="row">' in page


def test_summary_counts_items_by_status(published):
    complete(*published.items.get(number="6").tasks.get().assignments.all())
    progress = plan_progress(published, TODAY)
    # Overdue on 2021-10-08: the nine items with a task due 2021-09-30 (1, 7, 8, 11, 13, 19, 22, 23, 27).
    # Items 9 and 21 name only 市政府有关部门, not designated yet: nobody is assigned.
    assert dict(progress.counts()) == {ItemStatus.COMPLETED: 1, ItemStatus.IN_PROGRESS: 16, ItemStatus.OVERDUE: 9,
                                       ItemStatus.NOT_ASSIGNED: 2}
    assert [i.number for i in progress.items if i.status == ItemStatus.OVERDUE] == [
        "1", "7", "8", "11", "13", "19", "22", "23", "27"]
    assert sum(width for _status, _count, _x, width in progress.bar()) == pytest.approx(100)


def test_page_reads_a_bounded_number_of_queries(client, published, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        assert client.get(reverse("progress:plan", args=[published.pk])).status_code == 200


def test_no_personal_data_or_internal_comment_leaks(client, published, directory, office):
    """A report with a comment, a milestone, a link and a file, by named people: none of it is public."""
    handler = create_person(actor=None, username="zhang.wei", password=PASSWORD, display_name="张伟",
                            email="zhangwei@shenhe.example", memberships=[(directory[SHENHE], Role.HANDLER)])
    reviewer = create_person(actor=None, username="li.na", password=PASSWORD, display_name="李娜",
                             memberships=[(directory[SHENHE], Role.REVIEWER)])
    target = assignment(published, 1, SHENHE)
    report = submit_report(actor=handler, assignment=target, text="已在区政府网站规划栏目公开十四五规划全文。",
                           percent=100, is_final=True, milestone="规划栏目上线", files=[pdf_file("规划公开截图.pdf")],
                           links=["http://www.shenhe.gov.cn/internal/draft-42"])
    take_step(actor=reviewer, report=report, step="sign_off")
    take_step(actor=office, report=report, step="return", comment="链接指向内部草稿，请更换为正式公开地址")
    page = client.get(reverse("progress:plan", args=[published.pk])).content.decode()
    for secret in ("张伟", "zhang.wei", "zhangwei@shenhe.example", "李娜", "li.na",
                   "已在区政府网站规划栏目公开", "规划栏目上线", "规划公开截图", "draft-42",
                   "链接指向内部草稿", "/ledger/", "/evidence/"):
        assert secret not in page, secret
    assert "全面公开各类规划信息" in page  # the page itself did render the item


def test_closed_plan_shows_carried_work(client, published, office, plan_2022):
    closure = services.start_closure(actor=office, plan=published, today=YEAR_END)
    services.carry_over(actor=office, closure=closure, assignments=[assignment(published, 1, SHENHE)],
                        target_plan=plan_2022, reason="跨年度", due_date=datetime.date(2022, 6, 30), today=YEAR_END)
    services.drop(actor=office, closure=closure, assignments=list(closure.undecided()), reason="常态化")
    services.close_plan(actor=office, closure=closure, report_text="总结", today=YEAR_END)
    progress = plan_progress(published, datetime.date(2022, 3, 1))
    statuses = {item.number: item.status for item in progress.items}
    assert statuses["1"] == ItemStatus.CARRIED and statuses["2"] == ItemStatus.UNFINISHED
    with override("en"):
        page = client.get(reverse("progress:plan", args=[published.pk]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Carried over to next year" in page and "Overdue" not in page
