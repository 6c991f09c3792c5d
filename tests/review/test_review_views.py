"""The office's review pages, the closing report as HTML and Word, and who may open them."""

import datetime
import io
from unittest import mock

import pytest
from django.urls import reverse
from django.utils.translation import override
from docx import Document

from gongkai.ledger.models import Assignment
from gongkai.review import services
from gongkai.review.models import CarryOver, ClosureStatus, Decision, PlanClosure, PublicationSetting
from tests.review.conftest import YEAR_END, assignment, complete

# These tests read English pages: the deployment must offer English (Chinese is the only default).
pytestmark = pytest.mark.usefixtures("english")

SHENHE, HEPING = "沈河区人民政府", "和平区人民政府"


def on(day):
    return mock.patch("django.utils.timezone.localdate", return_value=day)


@pytest.fixture
def closure(ledger, office):
    return services.start_closure(actor=office, plan=ledger, today=YEAR_END)


def test_anonymous_is_sent_to_login(client, ledger):
    for url in (reverse("review:index"), reverse("review:plan", args=[ledger.pk]),
                reverse("review:report", args=[ledger.pk])):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_units_cannot_review_or_publish(client_for, ledger, fgw_liaison):
    client = client_for(fgw_liaison)
    assert client.get(reverse("review:index")).status_code == 403
    assert client.get(reverse("review:plan", args=[ledger.pk])).status_code == 403
    assert client.post(reverse("review:start", args=[ledger.pk])).status_code == 403
    assert client.post(reverse("review:publication", args=[ledger.pk]), {"published": "1"}).status_code == 403
    assert not PlanClosure.objects.exists() and not PublicationSetting.objects.exists()


def test_publish_from_the_review_page(client_for, ledger, office, client):
    staff = client_for(office)
    response = staff.post(reverse("review:publication", args=[ledger.pk]), {"published": "1"})
    assert response["Location"] == reverse("review:plan", args=[ledger.pk])
    assert PublicationSetting.objects.get(plan=ledger).published
    assert reverse("progress:plan", args=[ledger.pk]) in staff.get(reverse("review:plan", args=[ledger.pk])).content.decode()


def test_office_reviews_carries_drops_and_closes(client_for, ledger, office, plan_2022):
    client = client_for(office)
    page = reverse("review:plan", args=[ledger.pk])
    with on(YEAR_END):
        assert client.post(reverse("review:start", args=[ledger.pk]))["Location"] == page
        assert "673" in client.get(page).content.decode()
        shenhe = assignment(ledger, 1, SHENHE)
        item_3 = ledger.items.get(number="3")
        response = client.post(reverse("review:decide", args=[ledger.pk]), {
            "assignment": [shenhe.pk], "item": [item_3.pk], "decision": "carried", "target_plan": plan_2022.pk,
            "due_date": "2022-06-30", "reason": "需跨年度推进",
        })
        assert response.status_code == 302
        assert CarryOver.objects.filter(decision=Decision.CARRIED).count() == 1 + 23
        assert Assignment.objects.get(carried_from=shenhe).due_date == datetime.date(2022, 6, 30)

        closure = PlanClosure.objects.get(plan=ledger)
        rest = list(closure.undecided().values_list("pk", flat=True))
        client.post(reverse("review:decide", args=[ledger.pk]), {
            "assignment": rest, "decision": "dropped", "reason": "已纳入常态化工作"})
        response = client.post(reverse("review:close", args=[ledger.pk]), {"report_text": "全年任务基本完成。\n个别任务结转。"})
    assert response["Location"] == reverse("review:report", args=[ledger.pk])
    closure.refresh_from_db()
    assert (closure.status, closure.closed_on) == (ClosureStatus.CLOSED, YEAR_END)

    report = client.get(response["Location"]).content.decode()
    assert "全年任务基本完成。" in report and "需跨年度推进" in report and "已纳入常态化工作" in report
    assert "沈河区人民政府" in report and plan_2022.title in report and "2022-06-30" in report


def test_bad_decisions_get_a_message_not_a_500(client_for, closure, office, plan_2022):
    client = client_for(office)
    url = reverse("review:decide", args=[closure.plan.pk])
    with override("en"), on(YEAR_END):
        nothing = client.post(url, {"assignment": ["x", ""], "decision": "dropped", "reason": "理由"},
                              HTTP_ACCEPT_LANGUAGE="en")
        no_target = client.post(url, {"assignment": [assignment(closure.plan, 1, SHENHE).pk], "decision": "carried",
                                      "reason": "理由"}, HTTP_ACCEPT_LANGUAGE="en")
        holiday = client.post(url, {"assignment": [assignment(closure.plan, 1, SHENHE).pk], "decision": "carried",
                                    "target_plan": plan_2022.pk, "due_date": "2022-10-03", "reason": "理由"},
                              HTTP_ACCEPT_LANGUAGE="en")
        bad_date = client.post(url, {"decision": "carried", "target_plan": plan_2022.pk, "due_date": "2022-13-45",
                                     "reason": "理由"}, HTTP_ACCEPT_LANGUAGE="en")
    assert (nothing.status_code, no_target.status_code, holiday.status_code, bad_date.status_code) == (400,) * 4
    assert "Choose at least one unfinished assignment." in nothing.content.decode()
    assert "Choose the plan to carry the work into." in no_target.content.decode()
    assert "2022-10-03 is not a working day" in holiday.content.decode()
    assert "Enter a valid date." in bad_date.content.decode()
    assert not CarryOver.objects.exists()


def test_withdraw_from_the_page(client_for, closure, office):
    shenhe = assignment(closure.plan, 1, SHENHE)
    services.drop(actor=office, closure=closure, assignments=[shenhe], reason="不再需要")
    response = client_for(office).post(reverse("review:withdraw", args=[CarryOver.objects.get().pk]))
    assert response["Location"] == reverse("review:plan", args=[closure.plan.pk])
    assert not CarryOver.objects.exists()


def test_create_carry_over_plan_from_the_page(client_for, closure, office):
    client = client_for(office)
    with override("en"):
        page = client.get(reverse("review:plan", args=[closure.plan.pk]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "There is no plan for 2022 yet." in page
    client.post(reverse("review:carry-over-plan", args=[closure.plan.pk]), {"title": "2022年结转任务"})
    assert closure.plan.__class__.objects.get(year=2022).title == "2022年结转任务"


def test_close_refused_with_the_count_of_undecided(client_for, closure, office):
    with override("en"):
        response = client_for(office).post(reverse("review:close", args=[closure.plan.pk]), {"report_text": "总结"},
                                           HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "673 unfinished assignments have no decision yet" in response.content.decode()


def close_all(office, closure, plan_2022):
    services.carry_over(actor=office, closure=closure, assignments=[assignment(closure.plan, 1, SHENHE)],
                        target_plan=plan_2022, reason="需跨年度推进", due_date=datetime.date(2022, 6, 30), today=YEAR_END)
    services.drop(actor=office, closure=closure, assignments=list(closure.undecided()), reason="已纳入常态化工作")
    services.close_plan(actor=office, closure=closure, report_text="全年任务基本完成。", today=YEAR_END)


def test_draft_report_is_for_the_office_closed_report_for_all_staff(client_for, closure, office, fgw_liaison,
                                                                  plan_2022):
    url = reverse("review:report", args=[closure.plan.pk])
    assert client_for(fgw_liaison).get(url).status_code == 404
    assert client_for(office).get(url).status_code == 200
    close_all(office, closure, plan_2022)
    assert client_for(fgw_liaison).get(url).status_code == 200


def test_closing_report_counts_and_word_file(client_for, closure, office, plan_2022):
    complete(assignment(closure.plan, 1, HEPING))
    close_all(office, closure, plan_2022)
    response = client_for(office).get(reverse("review:report-docx", args=[closure.plan.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "全年任务基本完成。" in text
    outcomes, carried, dropped = document.tables
    item_1 = [c.text for c in outcomes.rows[1].cells]
    assert item_1 == ["1. 全面公开各类规划信息", "13", "1", "0", "1", "11"]
    assert [c.text for c in outcomes.rows[-1].cells][1:] == ["673", "1", "0", "1", "671"]
    assert [c.text for c in carried.rows[1].cells][1:] == ["沈河区人民政府", "需跨年度推进", plan_2022.title, "2022-06-30"]
    assert len(carried.rows) == 2
    assert "已纳入常态化工作" in [c.text for c in dropped.rows[1].cells]


def test_a_stale_decision_on_a_closed_plan_redirects_with_a_message(client_for, closure, office, plan_2022):
    close_all(office, closure, plan_2022)
    response = client_for(office).post(reverse("review:decide", args=[closure.plan.pk]), {
        "assignment": [assignment(closure.plan, 2, SHENHE).pk], "decision": "dropped", "reason": "晚了"})
    assert response.status_code == 302
    assert CarryOver.objects.count() == 673  # unchanged: 1 carried, 672 dropped
