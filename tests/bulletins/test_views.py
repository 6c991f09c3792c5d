"""The bulletin pages: the office prepares and publishes; units read what is published."""

import datetime
import io

import pytest
from django.urls import reverse
from docx import Document

from gongkai.bulletins import services
from gongkai.bulletins.models import Bulletin, BulletinStatus
from gongkai.bulletins.views import previous_quarter

from .conftest import AFTER_Q3, Q3, assignment, complete


@pytest.fixture
def draft(ledger, office):
    return services.generate_bulletin(actor=office, plan=ledger, title="第三季度通报", number="沈政办通〔2021〕3号",
                                      period_start=Q3[0], period_end=Q3[1], today=AFTER_Q3)


@pytest.fixture
def published(draft, office):
    services.update_bulletin(actor=office, bulletin=draft, next_steps_text="整改。")
    return services.publish_bulletin(actor=office, bulletin=draft)


def url(name, bulletin=None):
    return reverse(f"bulletins:{name}", args=[bulletin.pk] if bulletin else [])


def test_office_generates_from_the_form(ledger, office, client_for):
    client = client_for(office)
    page = client.get(url("new"))
    assert page.status_code == 200
    assert page.context["form"]["number"].initial == f"沈政办通〔{page.context['form']['period_end'].initial.year}〕1号"
    response = client.post(url("new"), {"plan": ledger.pk, "period_start": "2021-07-01", "period_end": "2021-09-30",
                                        "title": "第三季度通报", "number": "沈政办通〔2021〕3号"})
    bulletin = Bulletin.objects.get()
    assert response.status_code == 302 and response.url == url("detail", bulletin)
    assert bulletin.figures["cutoff"] == "2021-09-30"


@pytest.mark.parametrize("data", [
    {"period_start": "2021-10-01", "period_end": "2021-09-30"},  # reversed
    {"period_start": "2021-07-01", "period_end": "2099-09-30"},  # not over
    {"period_start": "2021-07-01", "period_end": "30/09/2021"},  # not a date
])
def test_bad_periods_are_explained_not_500(ledger, office, client_for, data):
    response = client_for(office).post(url("new"), {"plan": ledger.pk, "title": "通报", **data})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Bulletin.objects.exists()


def test_units_cannot_generate_or_see_drafts(draft, shenhe, client_for):
    client = client_for(shenhe)
    assert client.get(url("new")).status_code == 403
    assert client.get(url("detail", draft)).status_code == 404
    assert client.get(url("docx", draft)).status_code == 404
    assert client.post(url("publish", draft)).status_code == 403
    assert draft.title not in client.get(url("list")).content.decode()


def test_anonymous_is_sent_to_login(published, client):
    response = client.get(url("detail", published))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_edit_page_saves_texts(draft, office, client_for):
    client = client_for(office)
    assert client.get(url("edit", draft)).status_code == 200
    response = client.post(url("edit", draft), {
        "title": "第三季度通报（修改）", "number": "沈政办通〔2021〕3号", "issuer": "沈阳市政务公开办", "issued_on": "2021-10-18",
        "summary_text": "总体平稳。", "problems_text": "", "next_steps_text": "限期整改。",
    })
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.title, draft.issuer, str(draft.issued_on), draft.next_steps_text) == (
        "第三季度通报（修改）", "沈阳市政务公开办", "2021-10-18", "限期整改。")


def test_practices_page_actions(draft, office, client_for, liaison, directory):
    report = complete(assignment("沈河区人民政府", 1), liaison=liaison("沈河区人民政府"), lead=office,
                      on=Q3[1], text="规划专栏上线。")
    client = client_for(office)
    page = client.get(url("practices", draft))
    assert list(page.context["candidates"]) == [report]
    client.post(url("practices", draft), {"action": "report", "report": report.pk})
    client.post(url("practices", draft), {"action": "typed", "unit": directory["沈阳市信息中心"].pk, "text": "问答库。"})
    typed = draft.practices.get(unit__name="沈阳市信息中心")
    client.post(url("practices", draft), {"action": "up", "practice": typed.pk})
    assert [p.text for p in draft.practices.all()] == ["问答库。", "规划专栏上线。"]
    # Bad input: a message or a 404, never a 500.
    assert client.post(url("practices", draft), {"action": "typed", "unit": "", "text": ""}).status_code == 200
    assert client.post(url("practices", draft), {"action": "report", "report": "x"}, follow=True).status_code == 200
    assert client.post(url("practices", draft), {"action": "remove", "practice": "999999"}).status_code == 404
    assert client.post(url("practices", draft), {"action": "nonsense"}, follow=True).status_code == 200
    client.post(url("practices", draft), {"action": "remove", "practice": typed.pk})
    assert [p.text for p in draft.practices.all()] == ["规划专栏上线。"]


def test_publish_then_read_only(draft, office, client_for, shenhe):
    client = client_for(office)
    client.post(url("publish", draft))  # no next steps yet: refused with a message
    draft.refresh_from_db()
    assert draft.status == BulletinStatus.DRAFT
    services.update_bulletin(actor=office, bulletin=draft, next_steps_text="整改。")
    assert client.post(url("publish", draft)).status_code == 302
    draft.refresh_from_db()
    assert draft.status == BulletinStatus.PUBLISHED
    assert client.get(url("edit", draft)).status_code == 302  # back to the bulletin, with a message
    assert client.post(url("publish", draft), follow=True).status_code == 200  # a second click is harmless
    reader = client_for(shenhe)
    assert draft.title in reader.get(url("list")).content.decode()
    page = reader.get(url("detail", draft))
    assert page.status_code == 200 and not page.context["can_edit"]


def test_downloads(published, shenhe, client_for):
    client = client_for(shenhe)
    response = client.get(url("docx", published))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert "filename*=UTF-8''%E7%AC%AC" in response["Content-Disposition"]  # 第三季度通报.docx, percent-encoded
    assert any(p.text == "第三季度通报" for p in Document(io.BytesIO(response.content)).paragraphs)
    response = client.get(url("pdf", published))
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


def test_discard(draft, office, client_for):
    response = client_for(office).post(url("discard", draft))
    assert response.status_code == 302 and not Bulletin.objects.exists()


@pytest.mark.parametrize("today, quarter", [
    ("2021-10-15", ("2021-07-01", "2021-09-30")),
    ("2021-09-30", ("2021-04-01", "2021-06-30")),  # the third quarter has not ended yet
    ("2022-01-01", ("2021-10-01", "2021-12-31")),
    ("2021-03-31", ("2020-10-01", "2020-12-31")),
])
def test_the_form_proposes_the_last_quarter_that_has_ended(today, quarter):
    start, end = previous_quarter(datetime.date.fromisoformat(today))
    assert (start.isoformat(), end.isoformat()) == quarter
