"""FOI letters print their contact lines from the units' disclosure guides; typed values win; no guide, no change."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from docx import Document

from gongkai.documents import guide as guides
from gongkai.foi import deciding, letters, replies, services
from gongkai.foi.models import Channel
from gongkai.foi.outcomes import ClosureCode, LetterKind, ReasonDetail
from gongkai.workdays.services import ensure_package_years
from tests.foi.test_intake import APPLICANT

SHANGHAI = ZoneInfo("Asia/Shanghai")
SHENHE_GUIDE = {"office_name": "沈河区人民政府办公室（政务公开科）", "address": "沈阳市沈河区青年大街119号",
                "postcode": "110011", "phone": "024-22856789", "hours": "工作日上午8:30—11:30，下午13:00—17:00"}


@pytest.fixture
def decision(directory, shenhe):
    ensure_package_years(actor=None, years=[2021])
    application, _password = services.register(
        actor=shenhe, channel=Channel.IN_PERSON, arrived_at=datetime.datetime(2021, 9, 15, 10, tzinfo=SHANGHAI),
        target_unit=directory["沈河区人民政府"], fields=APPLICANT)
    return deciding.draft_decision(actor=shenhe, application=application, closure_code=ClosureCode.PARTIAL,
                                   reasons="涉及第三方商业秘密的部分不予公开。", grounds=["art15"],
                                   how_to_obtain="通过电子邮件发送可公开部分。")


def docx_text(content):
    return "\n".join(paragraph.text for paragraph in Document(io.BytesIO(content)).paragraphs)


def test_the_letter_prints_the_guides_office_phone_address_and_post_code(decision, shenhe, directory):
    guides.edit_guide(actor=shenhe, unit=directory["沈河区人民政府"], fields=SHENHE_GUIDE)
    text = docx_text(replies.render(decision, "docx", issued_on=datetime.date(2021, 10, 12)))
    note = next(line for line in text.splitlines() if "联系人及电话" in line)
    assert note == ("（联系人及电话：沈河区人民政府办公室（政务公开科），电话：024-22856789，"
                    "地址：沈阳市沈河区青年大街119号，邮编：110011）")


def test_a_unit_without_a_guide_still_gets_its_letter_as_before(decision):
    assert replies.letter_data(decision).contact == ""
    text = docx_text(replies.render(decision, "docx", issued_on=datetime.date(2021, 10, 12)))
    assert "涉及第三方商业秘密的部分不予公开" in text and "联系人及电话" not in text


def test_a_guide_with_only_a_phone_gives_just_the_phone(decision, shenhe, directory):
    guides.edit_guide(actor=shenhe, unit=directory["沈河区人民政府"], fields={"phone": "024-22856789"})
    assert replies.letter_data(decision).contact == "电话：024-22856789"


def referral(**fields):
    return letters.LetterData(
        kind=LetterKind.NOT_THIS_AGENCY, issuing_unit="沈河区人民政府", addressee="张三",
        date_of_issue=datetime.date(2021, 10, 12), receipt_date=datetime.date(2021, 9, 15),
        request_summary="某地块规划许可", closure_code=ClosureCode.UNAVAILABLE_NOT_HELD,
        reason_detail=ReasonDetail.NOT_THIS_AGENCY, reasons="该信息由沈阳市自然资源局制作。", grounds=("art36_5",),
        **fields)


def test_the_responsible_agency_is_named_with_its_guides_contacts(db, directory, office):
    guides.edit_guide(actor=office, unit=directory["沈阳市自然资源局"],
                      fields={"office_name": "办公室", "phone": "024-22345678", "address": "沈阳市沈河区北站路99号"})
    data = guides.with_guide_contacts(referral(responsible_agency="市自然资源局"), unit=directory["沈河区人民政府"])
    assert data.responsible_agency_contact == "办公室，电话：024-22345678，地址：沈阳市沈河区北站路99号"
    text = docx_text(letters.render_docx(data))
    assert "市自然资源局" in text and "024-22345678" in text and "北站路99号" in text


def test_values_staff_typed_are_kept(db, directory, office):
    for name in ("沈阳市自然资源局", "沈河区人民政府"):
        guides.edit_guide(actor=office, unit=directory[name], fields={"phone": "024-22345678"})
    typed = referral(responsible_agency="沈阳市自然资源局", responsible_agency_contact="024-11111111",
                     contact="王明，024-22222222")
    assert guides.with_guide_contacts(typed, unit=directory["沈河区人民政府"]) == typed


def test_an_agency_outside_the_directory_is_named_without_contacts(db, directory):
    data = guides.with_guide_contacts(referral(responsible_agency="辽宁省自然资源厅"), unit=directory["沈河区人民政府"])
    assert data.responsible_agency_contact == "" and data.contact == ""
    assert "辽宁省自然资源厅" in docx_text(letters.render_docx(data))
