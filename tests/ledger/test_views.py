import datetime
from unittest import mock

import pytest
from django.urls import reverse

from gongkai.ledger.models import Assignment, AssignmentState, ProgressReport, ReportStatus
from gongkai.ledger.services import open_round, submit_report
from tests.ledger.conftest import pdf_file


@pytest.fixture
def item1(ledger):
    return Assignment.objects.get(task__item__number="1", unit__name="沈河区人民政府")


def post_report(client, assignment, **fields):
    data = {"version": assignment.version, "text": "已公开规划信息", "percent": 100, "milestone": "", "links": "",
            "is_final": "on", "files": [pdf_file()]}
    data.update(fields)
    return client.post(reverse("ledger:report", args=[assignment.pk]), data)


def test_handler_reviewer_lead_through_the_pages(client_for, item1, shenhe, shenhe_reviewer, fgw_liaison, client):
    response = post_report(client_for(shenhe), item1)
    assert response.status_code == 302
    report = ProgressReport.objects.get()
    assert report.evidence.count() == 1

    client.force_login(shenhe_reviewer, backend="django.contrib.auth.backends.ModelBackend")
    desk = client.get(reverse("ledger:mine")).content.decode()
    assert f"#report-{report.pk}" in desk
    item1.refresh_from_db()
    client.post(reverse("ledger:step", args=[report.pk]), {"version": item1.version, "step": "sign_off", "comment": ""})

    client.force_login(fgw_liaison, backend="django.contrib.auth.backends.ModelBackend")
    item1.refresh_from_db()
    page = client.get(reverse("ledger:assignment", args=[item1.pk])).content.decode()
    assert 'value="accept"' in page
    client.post(reverse("ledger:step", args=[report.pk]), {"version": item1.version, "step": "accept", "comment": ""})
    item1.refresh_from_db()
    assert item1.state in (AssignmentState.DONE, AssignmentState.DONE_LATE)


def test_bad_evidence_is_a_message_not_a_500(client_for, item1, shenhe):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = post_report(client_for(shenhe), item1, files=[SimpleUploadedFile("virus.pdf", b"MZ\x90\x00")])
    assert response.status_code == 400
    assert "virus.pdf" in response.content.decode()
    assert not ProgressReport.objects.exists()


def test_stale_form_gets_a_conflict_message(client_for, item1, shenhe):
    client = client_for(shenhe)
    post_report(client, item1, is_final="", files=[], percent=10)
    report = ProgressReport.objects.get()
    report.status = ReportStatus.RETURNED_BY_REVIEWER
    report.save()
    response = post_report(client, item1, is_final="", files=[], percent=20)  # still the old version number
    assert response.status_code == 400 and ProgressReport.objects.count() == 1


def test_another_units_assignment_is_404(client_for, item1, outsider, ledger):
    client = client_for(outsider)
    assert client.get(reverse("ledger:assignment", args=[item1.pk])).status_code == 404
    assert post_report(client, item1).status_code == 404


def test_evidence_download_is_scoped(client_for, item1, shenhe, outsider, fgw_liaison):
    report = submit_report(actor=shenhe, assignment=item1, text="完成", percent=100, is_final=True, files=[pdf_file()])
    evidence = report.evidence.get()
    url = reverse("ledger:evidence", args=[evidence.pk])
    response = client_for(fgw_liaison).get(url)  # the lead unit may read it
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    assert "evidence.pdf" in response["Content-Disposition"]
    assert client_for(outsider).get(url).status_code == 404


def test_plan_ledger_filters_overdue(client_for, office, ledger):
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2021, 10, 8)):
        response = client_for(office).get(reverse("ledger:plan", args=[ledger.pk]), {"state": "overdue"})
    rows = response.context["ledger"].rows
    assert rows and all(row["due_date"] < datetime.date(2021, 10, 8) for row in rows)


def test_round_lists_units_that_have_not_reported(client_for, office, item1, shenhe):
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2021, 9, 1)):
        reporting_round = open_round(actor=office, plan=item1.task.item.plan, title="9月进展", kind="monthly",
                                     deadline=datetime.date(2021, 9, 10))
        post_report(client_for(shenhe), item1, is_final="", files=[], percent=30)
        response = client_for(office).get(reverse("ledger:round", args=[reporting_round.pk]))
    assert ProgressReport.objects.get().round == reporting_round
    missing_units = {row["unit__name"] for row in response.context["missing_units"]}
    assert "和平区人民政府" in missing_units
    assert not reporting_round.missing_assignments().filter(pk=item1.pk).exists()


def test_anonymous_is_sent_to_login(client, item1):
    for url in (reverse("ledger:mine"), reverse("ledger:assignment", args=[item1.pk])):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
