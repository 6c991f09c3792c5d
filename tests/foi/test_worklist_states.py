"""The work list beyond the open cases (issue 8, points 1 and 2): a status filter over every state, a
tracking code that always finds its case, and rows that say what is asked, by whom (masked) and since when.

Cases of 沈河区, today pinned to 2026-03-25 (tests.foi.test_worklist): two open ones received in March,
one served on 3/20 and then taken to 行政复议, one served on 3/18 and archived, one closed on 3/19 for
want of a correction, and one online application still awaiting confirmation of receipt.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.foi import deciding, services, worklist
from gongkai.foi.models import Application, Status
from gongkai.foi.outcomes import ClosureCode
from tests.foi.test_intake import APPLICANT
from tests.foi.test_worklist import TODAY, arrive, calendar, listed, work_list  # noqa: F401 (calendar: a fixture)

D = datetime.date
LONG_REQUEST = "沈河区2025年度老旧小区改造工程全部项目的立项批复、招标文件、中标通知书、施工合同以及竣工验收报告"


def serve(application, handler, reviewer, day):
    decision = deciding.draft_decision(actor=handler, application=application, closure_code=ClosureCode.DISCLOSED,
                                       reason_detail="provided", how_to_obtain="电子邮件发送。")
    deciding.review_decision(actor=reviewer, decision=decision, approve=True)
    deciding.serve(actor=handler, application=application, method="online", day=day)
    return Application.objects.get(pk=application.pk)


@pytest.fixture
def states(calendar, directory, shenhe, shenhe_reviewer, office):  # noqa: F811
    unit = directory["沈河区人民政府"]
    open_ones = [arrive(shenhe, unit, D(2026, 3, 2), description=LONG_REQUEST), arrive(shenhe, unit, D(2026, 3, 9))]
    served = serve(arrive(shenhe, unit, D(2026, 2, 26)), shenhe, shenhe_reviewer, D(2026, 3, 20))
    deciding.record_remedy(actor=shenhe, application=served, kind="reconsideration", filed_on=D(2026, 3, 23))
    archived = serve(arrive(shenhe, unit, D(2026, 2, 25)), shenhe, shenhe_reviewer, D(2026, 3, 18))
    deciding.archive(actor=shenhe, application=archived)
    closed = arrive(shenhe, unit, D(2026, 2, 2))
    # Closing as abandoned needs a month of clock steps; the state is what this test is about.
    Application.objects.filter(pk=closed.pk).update(status=Status.CLOSED, closed_on=D(2026, 3, 19),
                                                    closure_code=ClosureCode.OTHER_NO_CORRECTION)
    waiting, _password = services.submit_online(target_unit=unit, fields=APPLICANT)
    other = arrive(office, directory["沈阳市发展和改革委员会"], D(2026, 3, 2))
    return {"open": open_ones, "served": served, "archived": Application.objects.get(pk=archived.pk),
            "closed": Application.objects.get(pk=closed.pk), "waiting": waiting, "other": other}


def codes(*applications):
    return [application.tracking_code for application in applications]


def test_served_archived_and_closed_cases_leave_the_default_list(states, client_for, shenhe):
    response = work_list(client_for(shenhe))
    work = response.context["work"]
    assert sorted(listed(response)) == sorted(codes(*states["open"]))
    assert codes(*work.waiting) == codes(states["waiting"])
    for name in ("served", "archived", "closed"):
        assert states[name].tracking_code not in response.content.decode()


@pytest.mark.parametrize("query", [
    "", "&status=in_handling", "&status=awaiting_confirmation", "&light=red", "&light=green", "&mine=on",
    "&status=served&light=yellow",
])
def test_a_tracking_code_finds_its_case_whatever_the_state_and_the_other_filters(states, client_for, shenhe, query):
    client = client_for(shenhe)
    for name in ("served", "archived", "closed", "waiting"):
        application = states[name]
        for typed in (application.tracking_code, f"  {application.tracking_code.lower()} "):
            response = work_list(client, f"?q={typed}{query}")
            work = response.context["work"]
            assert work.found == application and listed(response) == [application.tracking_code], (name, typed)
            assert application.get_status_display() in response.content.decode()


def test_the_office_finds_any_units_case_by_code_even_filtered_to_another_unit(states, client_for, office,
                                                                               directory):
    fgw = directory["沈阳市发展和改革委员会"]
    response = work_list(client_for(office), f"?q={states['archived'].tracking_code}&unit={fgw.pk}")
    assert response.context["work"].found == states["archived"]


def test_a_code_the_user_may_not_see_finds_nothing(states, client_for, outsider, shenhe):
    response = work_list(client_for(outsider), f"?q={states['served'].tracking_code}&status=all")
    assert response.context["work"].found is None and listed(response) == []
    assert f'href="/foi/{states["served"].pk}/"' not in response.content.decode()  # only the search box echoes it
    # 沈河区 does not reach 发改委's application by its code either.
    assert work_list(client_for(shenhe), f"?q={states['other'].tracking_code}").context["work"].found is None


def test_the_status_filter_reaches_every_state(states, client_for, shenhe):
    client = client_for(shenhe)
    assert listed(work_list(client, "?status=served")) == codes(states["served"])
    assert listed(work_list(client, "?status=archived")) == codes(states["archived"])
    assert listed(work_list(client, "?status=closed")) == codes(states["closed"])
    assert listed(work_list(client, "?status=awaiting_confirmation")) == codes(states["waiting"])
    # 复议 and 诉讼 records hang on served replies: one filter lists the cases that have them.
    assert listed(work_list(client, "?status=remedy")) == codes(states["served"])
    everything = work_list(client, "?status=all")
    own = [*states["open"], states["served"], states["archived"], states["closed"], states["waiting"]]
    assert sorted(listed(everything)) == sorted(codes(*own))
    assert everything.context["work"].waiting == []  # in the one table, not apart


def test_finished_cases_are_listed_latest_first_and_without_a_light(states, client_for, shenhe):
    client = client_for(shenhe)
    for status in ("served", "archived", "closed", "remedy"):
        for _application, colour, left in work_list(client, f"?status={status}").context["work"].rows:
            assert (colour, left) == (None, None), status
    served_first = serve(arrive(shenhe, states["served"].handling_unit, D(2026, 3, 3)), shenhe,
                         Application.objects.get(pk=states["served"].pk).decisions.get().reviewed_by, D(2026, 3, 24))
    assert listed(work_list(client, "?status=served")) == codes(served_first, states["served"])
    html = work_list(client, "?status=served").content.decode()
    assert "2026-03-24" in html and "2026-03-20" in html  # the day each reply was served


def test_the_status_choices_are_every_state_plus_open_all_and_remedy():
    values = [value for value, _label in worklist.STATUS_CHOICES]
    assert values[:2] == [worklist.OPEN, worklist.ALL] and values[-1] == worklist.REMEDY
    assert set(values[2:-1]) == set(Status.values)


def test_a_bad_status_is_named_and_the_other_filters_still_apply(states, client_for, shenhe):
    response = work_list(client_for(shenhe), "?status=gone&q=老旧小区改造工程")
    assert set(response.context["form"].errors) == {"status"}
    assert listed(response) == codes(states["open"][0])
    assert "gone" in response.content.decode()


def test_rows_show_the_request_the_masked_applicant_and_the_receipt_date(states, client_for, shenhe):
    html = work_list(client_for(shenhe), "?status=all").content.decode()
    # Shortened to 40 characters, the ellipsis included (its form is the translation's).
    assert LONG_REQUEST[:36] in html and LONG_REQUEST[36:40] not in html and "竣工验收报告" not in html
    assert APPLICANT["description"] in html  # a short request is shown whole
    assert "李*" in html and "李明" not in html  # privacy.mask_name, as the API's work list
    for value in (APPLICANT["id_number"], APPLICANT["phone"], APPLICANT["email"], APPLICANT["address"]):
        assert value not in html
    assert "2026-03-02" in html and "2026-03-09" in html  # receipt dates
    assert "待确认收到" in html  # the online application: receipt not confirmed yet
    default = work_list(client_for(shenhe)).content.decode()
    assert "李*" in default and "李明" not in default and "收到日期" in default


def test_queries_stay_bounded_under_every_status_and_a_code(states, client_for, shenhe, directory):
    client = client_for(shenhe)
    queries = ["", "?status=all", "?status=served", "?status=remedy", f"?q={states['closed'].tracking_code}"]
    work_list(client)  # warm-up: calendar cache, session

    def counts():
        result = []
        for query in queries:
            with CaptureQueriesContext(connection) as captured:
                work_list(client, query)
            result.append(len(captured))
        return result

    before = counts()
    unit = directory["沈河区人民政府"]
    reviewer = states["served"].decisions.get().reviewed_by
    for day in range(3, 9):
        arrive(shenhe, unit, D(2026, 3, day))
        serve(arrive(shenhe, unit, D(2026, 2, day)), shenhe, reviewer, D(2026, 3, 20))
    services.submit_online(target_unit=unit, fields=APPLICANT)
    assert counts() == before and max(before) <= 15
