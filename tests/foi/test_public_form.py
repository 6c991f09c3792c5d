"""The public application form in the words of the regulation, its receipt (回执), and the reply on the status page.

Defects this catches: the identity document number labelled 文号, 获取方式/送达方式 labelled 发送记录, one
"名称" field for everybody, a unit list that cannot be searched, a bare "received" page in place of a receipt,
and a status page that never shows the decision or the letter.
"""

import datetime
import io
import re
import subprocess
import tempfile
from pathlib import Path
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from docx import Document

from gongkai.foi import deciding, services
from gongkai.foi.models import Application, Channel, Status
from gongkai.foi.outcomes import ClosureCode
from gongkai.workdays.services import ensure_package_years
from tests.foi.test_intake import APPLICANT

SHANGHAI = ZoneInfo("Asia/Shanghai")
APPLY = "/foi/apply/"
ORGANISATION = {
    **APPLICANT, "applicant_type": "business", "name": "", "organisation_name": "沈阳示例科技有限公司",
    "legal_representative": "王建国", "contact_person": "赵小红", "id_type": "credit_code",
    "id_number": "91210100000000000X",
}
PERSONAL = ("210102199001011234", "13812345678", "liming@example.cn", "市府大路")


@pytest.fixture
def calendar(db):
    ensure_package_years(years=[2026])


@pytest.fixture
def shenhe_unit(directory):
    return directory["沈河区人民政府"]


def labels(html):
    """{field id: label text} of the form, with the required marker dropped."""
    return {field: re.sub(r"<[^>]+>|\*", "", text).strip()
            for field, text in re.findall(r'<label for="id_(\w+)">(.*?)</label>', html, re.S)}


def apply(client, fields, **changes):
    return client.post(APPLY, {**fields, **changes})


# --- the words on the form -----------------------------------------------------------------------------------

def test_the_form_speaks_the_regulations_words(client, shenhe_unit):
    html = client.get(APPLY).content.decode()
    words = labels(html)
    assert words["id_number"] == "证件号码" and words["id_type"] == "证件类型"
    assert words["name"] == "姓名"
    assert (words["organisation_name"], words["legal_representative"], words["contact_person"]) == (
        "名称", "法定代表人", "联系人")
    legends = re.findall(r"<legend>([^<]+)</legend>", html)
    assert "获取方式" in legends and "送达方式" in legends
    assert "自然人填写" in legends and "法人或其他组织填写" in legends
    assert "发送记录" not in html and "文号" not in words["id_number"]
    # The organisations are grouped as the regulation and table 三 name them.
    assert "法人或其他组织" in html and "商业企业" in html


def test_the_groups_say_which_applicant_fills_them_in_and_a_script_may_hide_one(client, shenhe_unit):
    html = client.get(APPLY).content.decode()
    assert 'data-applicant="person"' in html and 'data-applicant="organisation"' in html
    assert "foi/applicant.js" in html  # the script only hides; the server checks (below)


# --- the right fields per applicant type, checked on the server -------------------------------------------------

def test_a_natural_person_gives_a_name(client, shenhe_unit, calendar):
    response = apply(client, APPLICANT, name="", target_unit=shenhe_unit.name)
    assert response.status_code == 400 and response.context["form"].errors["name"] == ["请填写姓名。"]
    assert not Application.objects.exists()


def test_an_organisation_gives_its_name_legal_representative_and_contact_person(client, shenhe_unit, calendar):
    response = apply(client, {**ORGANISATION, "organisation_name": "", "legal_representative": "",
                                "contact_person": "", "name": "李明"}, target_unit=shenhe_unit.name)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) == {"organisation_name", "legal_representative", "contact_person"}
    assert "请填写法定代表人。" in response.content.decode()
    assert not Application.objects.exists()

    assert apply(client, ORGANISATION, target_unit=shenhe_unit.name).status_code == 200
    application = Application.objects.get()
    assert (application.applicant_type, application.name, application.legal_representative,
            application.contact_person) == ("business", "沈阳示例科技有限公司", "王建国", "赵小红")


def test_a_person_keeps_no_organisation_fields_typed_before_switching(client, shenhe_unit, calendar):
    apply(client, {**ORGANISATION, "applicant_type": "natural_person", "name": "李明", "id_type": "resident_id",
                     "id_number": APPLICANT["id_number"]}, target_unit=shenhe_unit.name)
    application = Application.objects.get()
    assert (application.name, application.legal_representative, application.contact_person) == ("李明", "", "")


@pytest.mark.parametrize(("kind", "document"), [("natural_person", "credit_code"), ("business", "resident_id")])
def test_the_document_fits_the_applicant(client, shenhe_unit, calendar, kind, document):
    response = apply(client, {**ORGANISATION, "name": "李明", "applicant_type": kind, "id_type": document},
                     target_unit=shenhe_unit.name)
    assert response.status_code == 400 and "id_type" in response.context["form"].errors


def test_staff_register_an_organisations_letter_without_its_legal_representative(client_for, shenhe, shenhe_unit,
                                                                                 calendar):
    """Art 29 asks an organisation for its name, ID and a contact: staff register what arrived."""
    response = client_for(shenhe).post(reverse("foi:register"), {
        **ORGANISATION, "legal_representative": "", "contact_person": "", "channel": Channel.IN_PERSON,
        "arrived_at": "2026-12-01T10:00", "target_unit": shenhe_unit.name})
    assert response.status_code == 200, response.context["form"].errors
    assert Application.objects.get().name == "沈阳示例科技有限公司"


def test_the_api_takes_and_masks_the_organisations_people(client_for, shenhe, shenhe_unit, calendar):
    client = client_for(shenhe)
    body = {key: ORGANISATION[key] for key in services.APPLICANT_FIELDS if key in ORGANISATION}
    created = client.post("/api/v1/foi/applications/", {
        **body, "name": "沈阳示例科技有限公司", "channel": "in_person", "arrived_at": "2026-12-01T10:00:00+08:00",
        "target_unit": shenhe_unit.pk}, content_type="application/json")
    assert created.status_code == 201, created.content
    application = Application.objects.get()
    assert (application.legal_representative, application.contact_person) == ("王建国", "赵小红")
    applicant = client.get(f"/api/v1/foi/applications/{application.pk}/").json()["applicant"]
    assert (applicant["legal_representative"], applicant["contact_person"]) == ("王**", "赵**")


# --- the unit, searched -------------------------------------------------------------------------------------

def test_the_unit_list_is_offered_to_type_into_with_short_names(client, shenhe_unit):
    html = client.get(APPLY).content.decode()
    box = re.search(r'<input[^>]*id="id_target_unit"[^>]*>', html).group(0)
    assert 'list="id_target_unit-units"' in box and 'type="text"' in box
    datalist = re.search(r'<datalist id="id_target_unit-units">(.*?)</datalist>', html, re.S).group(1)
    assert '<option value="沈河区人民政府" label="沈河区政府">' in datalist
    assert '<option value="沈阳市发展和改革委员会" label="市发展改革委">' in datalist


@pytest.mark.parametrize("typed", ["沈河区人民政府", " 沈河区政府 ", "沈河", "沈阳市沈河区人民政府"])
def test_the_unit_is_found_by_name_short_name_or_a_part_that_fits_one(client, shenhe_unit, calendar, typed):
    assert apply(client, APPLICANT, target_unit=typed).status_code == 200
    assert Application.objects.get().target_unit == shenhe_unit


def test_a_part_that_fits_several_units_names_them(client, shenhe_unit, calendar):
    response = apply(client, APPLICANT, target_unit="区人民政府")
    (message,) = response.context["form"].errors["target_unit"]
    assert response.status_code == 400 and "对应多个单位" in message and "沈河区人民政府" in message
    unknown = apply(client, APPLICANT, target_unit="月球管理局")
    assert unknown.status_code == 400 and "月球管理局" in unknown.context["form"].errors["target_unit"][0]
    assert 'value="月球管理局"' in unknown.content.decode()  # what was typed stays in the box
    assert not Application.objects.exists()


# --- the receipt ------------------------------------------------------------------------------------------------

def test_the_receipt_echoes_the_request_and_says_what_happens_next(client, shenhe_unit, calendar):
    now = datetime.datetime(2026, 12, 2, 15, 30, tzinfo=SHANGHAI)
    with mock.patch("django.utils.timezone.now", return_value=now):
        response = apply(client, ORGANISATION, target_unit="沈河", form="paper", delivery="post")
    html = response.content.decode()
    application = Application.objects.get()
    receipt = re.search(r'<article class="receipt".*?</article>', html, re.S).group(0)
    text = re.sub(r"<[^>]+>", " ", receipt)
    assert "政府信息公开申请回执" in text
    assert application.tracking_code in text and response.context["password"] in text
    for echoed in ("沈河区人民政府", "2026-12-02 15:30", APPLICANT["description"], "沈阳示例科技有限公司", "王建国",
                   "赵小红", "纸质文本", "邮寄", "获取方式", "送达方式"):
        assert echoed in text, echoed
    assert ORGANISATION["id_number"] not in html and "912***********000X" in text  # never the full number
    assert "待确认收到" in text and "第三十一条" in text  # what the status means, and why
    assert "20 个工作日" in text and "/foi/status/" in text  # the period, and where to follow it
    assert "data-print" in html and "foi/foi.css" in html


def test_the_receipt_prints_without_the_site_around_it():
    css = (Path(__file__).resolve().parents[2] / "gongkai/foi/static/foi/foi.css").read_text()
    print_rules = css[css.index("@media print"):]
    assert ".no-print" in print_rules and ".receipt" in print_rules


def test_a_unit_prints_a_receipt_for_an_application_handed_in_person(client_for, shenhe, shenhe_unit, calendar):
    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2026, 12, 1)):
        response = client_for(shenhe).post(reverse("foi:register"), {
            **APPLICANT, "channel": Channel.IN_PERSON, "arrived_at": "2026-12-01T10:00",
            "target_unit": shenhe_unit.pk})
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    assert "政府信息公开申请回执" in text and "2026-12-01" in text and "2026-12-29" in text  # received, due
    assert "210***********1234" in text and APPLICANT["id_number"] not in text


# --- the reply on the status page -------------------------------------------------------------------------------

@pytest.fixture
def served(shenhe_unit, shenhe, shenhe_reviewer, calendar):
    """An online application, confirmed, decided 部分公开, approved and served on 2026-12-02."""
    application, password = services.submit_online(
        target_unit=shenhe_unit, fields=APPLICANT, now=datetime.datetime(2026, 11, 20, 9, tzinfo=SHANGHAI))
    services.confirm_receipt(actor=shenhe, application=application, day=datetime.date(2026, 11, 20), note="电话确认")
    decision = deciding.draft_decision(
        actor=shenhe, application=application, closure_code=ClosureCode.PARTIAL,
        reasons="涉及第三方商业秘密的部分不予公开。", grounds=["art15"], how_to_obtain="通过电子邮件发送可公开部分。")
    deciding.review_decision(actor=shenhe_reviewer, decision=decision, approve=True)
    return application, password


LOOKED_UP = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=SHANGHAI)


def look_up(client, application, password, at=LOOKED_UP):
    with mock.patch("django.utils.timezone.now", return_value=at):
        return client.post(reverse("foi:status"), {"tracking_code": application.tracking_code, "password": password})


def letter(client, fmt, at=LOOKED_UP + datetime.timedelta(minutes=5)):
    with mock.patch("django.utils.timezone.now", return_value=at):
        return client.get(reverse("foi:status-letter", args=[fmt]))


def serve(application, shenhe):
    deciding.serve(actor=shenhe, application=application, method="online", day=datetime.date(2026, 12, 2))


def test_before_service_no_decision_and_no_letter(client, served):
    application, password = served
    page = look_up(client, application, password)
    assert 'id="decision"' not in page.content.decode() and not page.context["letter"]
    assert letter(client, "pdf").status_code == 404  # approved is not served


def test_once_served_the_decision_in_words_and_the_letter_to_download(client, served, shenhe):
    application, password = served
    serve(application, shenhe)
    html = look_up(client, application, password).content.decode()
    assert re.search(r'<dd id="decision">部分公开</dd>', html)
    assert "partial" not in html.replace("partial-", "")  # no stored code on the page
    assert reverse("foi:status-letter", args=["pdf"]) in html and reverse("foi:status-letter", args=["docx"]) in html
    assert not [secret for secret in (*PERSONAL, "李明") if secret in html]  # the page shows nothing personal

    response = letter(client, "docx")
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert response["Content-Disposition"] == f'attachment; filename="{application.tracking_code}-reply.docx"'
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "商业秘密" in text and "2026年12月2日" in text  # the served letter, dated the day it was served
    assert not [secret for secret in PERSONAL if secret in text]
    pdf = letter(client, "pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf.content)
        handle.flush()
        pdf_text = subprocess.run(["pdftotext", "-enc", "UTF-8", handle.name, "-"], capture_output=True,
                                  check=True).stdout.decode()
    assert "商业秘密" in pdf_text.replace(" ", "")


def test_the_letter_needs_this_browsers_recent_lookup(client, django_user_model, served, shenhe):
    from django.test import Client

    application, password = served
    serve(application, shenhe)
    assert letter(client, "pdf").status_code == 404  # no lookup yet
    look_up(client, application, password)
    assert letter(Client(), "docx").status_code == 404  # another browser
    assert letter(client, "docx", at=LOOKED_UP + datetime.timedelta(minutes=31)).status_code == 404  # too late
    assert letter(client, "doc").status_code == 404
    # A wrong password afterwards does not widen anything, and a new lookup opens the letter again.
    look_up(client, application, "WRONG234")
    assert letter(client, "docx", at=LOOKED_UP + datetime.timedelta(minutes=29)).status_code == 200


def test_awaiting_confirmation_is_explained_on_the_status_page(client, shenhe_unit, calendar):
    application, password = services.submit_online(target_unit=shenhe_unit, fields=APPLICANT)
    text = re.sub(r"<[^>]+>", " ", look_up(client, application, password).content.decode())
    assert application.status == Status.AWAITING_CONFIRMATION
    assert "“待确认收到”是指" in text and "第三十一条" in text
