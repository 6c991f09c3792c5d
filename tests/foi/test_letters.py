"""Reply letters and notices: open the DOCX and the PDF and read what they say."""

import datetime
import io
import re
import subprocess
from dataclasses import replace
from decimal import Decimal

import pytest
from django.test import override_settings
from django.utils.translation import override
from docx import Document
from docx.oxml.ns import qn

from gongkai.foi import letters
from gongkai.foi.letters import LetterData, LetterError
from gongkai.foi.outcomes import REPLY_KINDS
from gongkai.foi.outcomes import ClosureCode as C
from gongkai.foi.outcomes import LetterKind as K
from gongkai.foi.outcomes import ReasonDetail as R

D = datetime.date
UNIT, APPLICANT, NUMBER = "沈阳市发展和改革委员会", "张三", "沈发改依复〔2026〕12号"
RECEIVED, ISSUED = D(2026, 11, 2), D(2026, 11, 27)
SUMMARY = "2025年沈阳市重点项目评审专家名单"
REASONS = "所申请信息系项目评审过程中形成的讨论记录。"
OBTAIN = "本机关将以电子邮件方式发送至您预留的邮箱。"

# Per kind: what the letter needs beyond the common fields, and what only that letter says.
CASES = {
    K.DISCLOSURE: ({"closure_code": C.DISCLOSED, "reason_detail": R.PROVIDED, "how_to_obtain": OBTAIN},
                   [OBTAIN, "第三十六条第（二）项"]),
    K.PARTIAL: ({"closure_code": C.PARTIAL, "how_to_obtain": OBTAIN, "reasons": REASONS,
                 "grounds": ("art37", "art16_2")}, [OBTAIN, "第三十七条", "第十六条第二款"]),
    K.WITHHELD: ({"closure_code": C.WITHHELD_PROCESS, "reasons": REASONS, "grounds": ("art16_2", "art36_3")},
                 ["第十六条第二款", "讨论记录、过程稿、磋商信函、请示报告等过程性信息"]),
    K.NOT_EXIST: ({"closure_code": C.UNAVAILABLE_NOT_HELD, "reason_detail": R.DOES_NOT_EXIST,
                   "reasons": "本机关检索了2025年收文、发文登记和档案目录，未找到相关信息。", "grounds": ("art36_4",)},
                  ["经检索没有所申请公开信息的"]),
    K.NOT_THIS_AGENCY: ({"closure_code": C.UNAVAILABLE_NOT_HELD, "reason_detail": R.NOT_THIS_AGENCY,
                         "responsible_agency": "沈阳市自然资源局", "responsible_agency_contact": "024-22345678",
                         "reasons": "该信息由沈阳市自然资源局制作并保存。", "grounds": ("art36_5",)},
                        ["沈阳市自然资源局", "024-22345678"]),
    K.UNAVAILABLE: ({"closure_code": C.UNAVAILABLE_NEEDS_CREATION, "reasons": "需对历年统计数据另行汇总分析。",
                     "grounds": ("art38",)}, ["第三十八条"]),
    K.REPEAT: ({"closure_code": C.NOT_PROCESSED_REPEAT, "reasons": "本机关已于2026年10月9日作出答复。",
                "grounds": ("art36_6",)}, ["不予重复处理"]),
    K.NOT_PROCESSED: ({"closure_code": C.NOT_PROCESSED_PETITION, "reasons": "申请内容系对某企业的投诉。",
                       "grounds": ("art39_1",)}, ["第三十九条第一款"]),
    K.CLOSED: ({"closure_code": C.OTHER_NO_CORRECTION, "reasons": "补正期限已届满，未收到补正材料。",
                "grounds": ("art30",)}, ["视为放弃申请"]),
    K.CORRECTION: ({"correction_items": ("所需信息的名称、文号或者其他特征性描述", "身份证明复印件"),
                    "correction_deadline": D(2026, 12, 18)},
                   ["1. 所需信息的名称、文号或者其他特征性描述", "2. 身份证明复印件", "Dec. 18, 2026", "第三十条"]),
    K.EXTENSION: ({"new_deadline": D(2026, 12, 29), "reasons": "所申请信息数量较大，需调阅档案。"},
                  ["Dec. 29, 2026", "第三十三条第二款", "延长的期限最长不得超过20个工作日"]),
    K.CONSULTATION: ({"addressee": "沈阳某建设有限公司", "consultation_deadline": D(2026, 12, 18)},
                     ["沈阳某建设有限公司", "within 15 working days", "Dec. 18, 2026", "第三十二条"]),
    K.FEE: ({"fee_amount": Decimal("4700.00"), "fee_standard": "按量计收：共250页。",
             "payment_method": "通过银行转账缴入国库，账号见附件。", "payment_deadline": D(2026, 12, 28)},
            ["Amount payable: 4700 yuan.", "按量计收：共250页。", "通过银行转账缴入国库", "within 20 working days",
             "Dec. 28, 2026", "第四十二条第一款", "国办函〔2020〕109号"]),
}


def letter(kind, **fields):
    """A complete letter of `kind`, with `fields` changed."""
    extra, _facts = CASES[kind]
    common = {"issuing_unit": UNIT, "addressee": APPLICANT, "date_of_issue": ISSUED, "receipt_date": RECEIVED,
              "document_number": NUMBER, "request_summary": SUMMARY, "contact": "王明，024-22856789",
              "reconsideration_body": "沈阳市人民政府"}
    return LetterData(kind=kind, **{**common, **extra, **fields})


def expected_text(kind, data):
    """What the letter must say (under English), whatever its layout."""
    facts = [data.addressee, UNIT, NUMBER, "Nov. 2, 2026", "Nov. 27, 2026", SUMMARY, "王明，024-22856789",
             letters.title_for(kind), *CASES[kind][1]]
    if data.reasons:
        facts.append(data.reasons)
    for key in data.grounds:
        facts.append(letters.library.get(key).text)
    if kind in REPLY_KINDS:
        facts += [letters.default_decision(data), "within 60 days", "沈阳市人民政府"]
    return facts


def docx_paragraphs(data):
    return [p.text for p in Document(io.BytesIO(letters.render_docx(data))).paragraphs if p.text]


def pdf_text(data, tmp_path):
    path = tmp_path / "letter.pdf"
    path.write_bytes(letters.render_pdf(data))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    joined = "".join(text.decode().split())  # wrapped lines split words: compare without whitespace
    return re.sub(r"—\d+—", "", joined)  # nor do page numbers interrupt a paragraph that runs over a page


@pytest.mark.parametrize("kind", list(K))
def test_each_kind_renders_as_docx_with_its_contents(kind):
    data = letter(kind)
    with override("en"):
        texts = docx_paragraphs(data)
        expected = expected_text(kind, data)
        title = letters.title_for(kind)
    joined = "\n".join(texts)
    missing = [fact for fact in expected if fact not in joined]
    assert not missing
    assert texts[:3] == [UNIT, NUMBER, title]
    assert texts[3] == f"{data.addressee}:"
    assert texts[-3:] == [UNIT, "Nov. 27, 2026", "(Contact: 王明，024-22856789)"]
    remedies = [t for t in texts if t.startswith("If you disagree with this reply")]
    assert len(remedies) == (1 if kind in REPLY_KINDS else 0)  # notices carry no remedy clause


@pytest.mark.parametrize("kind", list(K))
def test_each_kind_renders_as_pdf_saying_the_same(kind, tmp_path):
    data = letter(kind)
    with override("en"):
        text = pdf_text(data, tmp_path)
        expected = expected_text(kind, data)
    missing = [fact for fact in expected if "".join(fact.split()) not in text]
    assert not missing
    assert text.startswith(UNIT + NUMBER)


def test_reply_paragraphs_in_order():
    data = letter(K.WITHHELD)
    with override("en"):
        texts = docx_paragraphs(data)
    assert texts == [
        UNIT, NUMBER, "Reply to an application for disclosure of government information", "张三:",
        "On Nov. 2, 2026 this agency received your application for disclosure of government information, requesting "
        "“2025年沈阳市重点项目评审专家名单”. After examination, this agency replies as follows:",
        "The information you requested falls within the scope of information that is not disclosed; this agency has "
        "decided not to disclose it.",
        "Reasons: 所申请信息系项目评审过程中形成的讨论记录。",
        "Legal basis: 《中华人民共和国政府信息公开条例》第十六条第二款: “行政机关在履行行政管理职能过程中形成的讨论记录、"
        "过程稿、磋商信函、请示报告等过程性信息以及行政执法案卷信息，可以不予公开。法律、法规、规章规定上述信息应当公开"
        "的，从其规定.”",
        "《中华人民共和国政府信息公开条例》第三十六条第（三）项: “行政机关依据本条例的规定决定不予公开的，告知申请人不予"
        "公开并说明理由.”",
        "If you disagree with this reply, you may apply to 沈阳市人民政府 for administrative reconsideration within 60 "
        "days of receiving it; if you disagree with the reconsideration decision, you may bring an administrative "
        "lawsuit before a people's court within 15 days of receiving that decision.",
        "This is our reply.",
        UNIT, "Nov. 27, 2026", "(Contact: 王明，024-22856789)",
    ]


def test_chinese_dates():
    with override("zh-hans"):
        texts = docx_paragraphs(letter(K.DISCLOSURE))
    assert texts[-2] == "2026年11月27日"
    assert "2026年11月2日" in texts[4]


def test_a_given_decision_replaces_the_standard_sentence():
    data = letter(K.DISCLOSURE, decision="经审查，您申请的信息属于公开范围。\n现予以公开。")
    with override("en"):
        texts = docx_paragraphs(data)
    assert texts[5:7] == ["经审查，您申请的信息属于公开范围。", "现予以公开。"]
    assert letters.default_decision(data) not in texts


def test_disclosure_cites_the_item_that_fits_by_default():
    with override("en"):
        public = "\n".join(docx_paragraphs(letter(K.DISCLOSURE, reason_detail=R.ALREADY_PUBLIC)))
    assert "第三十六条第（一）项" in public and "第三十六条第（二）项" not in public
    assert "has already been disclosed proactively" in public


def test_consultation_of_a_co_producing_agency():
    data = letter(K.CONSULTATION, consulting_agency=True, addressee="沈阳市财政局", consultation_deadline=None)
    with override("en"):
        joined = "\n".join(docx_paragraphs(data))
    assert "you are deemed to agree to its disclosure" in joined
    assert "第三十四条" in joined and "第三十二条" not in joined
    assert "(that is, by" not in joined


def east_asian_font(run):
    return run._element.rPr.rFonts.get(qn("w:eastAsia"))


def test_docx_official_style():
    with override("en"):
        document = Document(io.BytesIO(letters.render_docx(letter(K.FEE))))
    by_text = {p.text: p for p in document.paragraphs if p.text}
    assert document.paragraphs[0].text == UNIT
    head = document.paragraphs[0].runs[0]
    assert (east_asian_font(head), head.font.size.pt, str(head.font.color.rgb)) == ("方正小标宋简体", 36, "FF0000")
    number = document.paragraphs[1]
    assert number.text == NUMBER and number.alignment == 1  # centred
    assert 'w:color="FF0000"' in number._p.xml and "w:bottom" in number._p.xml  # the red rule
    title = by_text["Notice of information processing fee"]
    assert (east_asian_font(title.runs[0]), title.runs[0].font.size.pt, title.alignment) == ("方正小标宋简体", 22, 1)
    heading = by_text["I. Basis for the fee"]
    assert east_asian_font(heading.runs[0]) == "黑体"
    body = by_text["Amount payable: 4700 yuan."]
    assert (east_asian_font(body.runs[0]), body.runs[0].font.size.pt) == ("仿宋_GB2312", 16)
    assert body.paragraph_format.first_line_indent.pt == 32
    assert body.paragraph_format.line_spacing.pt == 28
    signature, date = [p for p in document.paragraphs if p.text in (UNIT, "Nov. 27, 2026")][1:]
    assert date.alignment == signature.alignment == 2  # right
    assert date.paragraph_format.right_indent.pt == 64  # 右空四字
    section = document.sections[0]
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [37, 35, 28, 26]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    footer = section.footer.paragraphs[0]
    assert "PAGE" in footer._p.xml and footer.text.startswith("— ") and footer.text.endswith(" —")
    assert document.core_properties.title == "Notice of information processing fee"


def test_letterhead_is_configurable():
    with override("en"):
        none = docx_paragraphs(letter(K.REPEAT, letterhead=""))
        custom = docx_paragraphs(letter(K.REPEAT, letterhead="沈阳市发展和改革委员会政府信息公开办公室"))
    assert none[0] == NUMBER  # pre-printed paper: no letterhead, the number still at the top
    assert custom[0] == "沈阳市发展和改革委员会政府信息公开办公室"


def test_issuer_is_centred_over_the_date():
    assert letters.signature_indents("沈阳市发展和改革委员会", "2026年11月27日") == (2.0, 4.0)  # 4 + (7 - 11) / 2
    assert letters.signature_indents("沈阳市人民政府", "2026年11月27日") == (4.0, 4.0)
    assert letters.signature_indents("沈阳市发展和改革委员会政府信息公开工作领导小组办公室", "2026年1月5日") == (0.0, 4.0)


def test_letterhead_size_fits_the_line():
    assert letters.letterhead_size("沈阳市人民政府") == 36
    assert letters.letterhead_size("沈阳市发展和改革委员会政府信息公开办公室") == 22  # 20 characters in 442 pt
    assert letters.letterhead_size("很" * 60) == 16


def test_document_number():
    assert letters.document_number("沈发改依复", 2026, 12) == NUMBER
    assert letters.document_number("沈政办依复", "2021", "007") == "沈政办依复〔2021〕7号"


# --- remedies -------------------------------------------------------------------------------------

def remedies_of(data):
    with override("en"):
        return next(t for t in docx_paragraphs(data) if t.startswith("If you disagree"))


def test_default_remedies_for_a_disclosure():
    assert remedies_of(letter(K.DISCLOSURE)) == (
        "If you disagree with this reply, you may apply to 沈阳市人民政府 for administrative reconsideration within 60 "
        "days of receiving it, or bring an administrative lawsuit before a people's court within 6 months of "
        "receiving it.")


@override_settings(GONGKAI_FOI_RECONSIDERATION_DAYS=90, GONGKAI_FOI_LITIGATION_MONTHS=3,
                   GONGKAI_FOI_RECONSIDERATION_BODY="沈阳市人民政府", GONGKAI_FOI_RECONSIDERATION_FIRST_KINDS=())
def test_remedy_periods_and_organ_come_from_settings():
    text = remedies_of(letter(K.WITHHELD, reconsideration_body=""))
    assert "to 沈阳市人民政府 for administrative reconsideration within 90 days" in text
    assert "within 3 months of receiving it" in text


@override_settings(GONGKAI_FOI_REMEDIES_TEXT="If you disagree, apply to %(body)s within %(days)s days.")
def test_a_whole_remedy_clause_can_be_configured():
    assert remedies_of(letter(K.REPEAT)) == "If you disagree, apply to 沈阳市人民政府 within 60 days."


def test_without_an_organ_the_clause_still_reads():
    assert "apply to the competent administrative reconsideration organ" in remedies_of(
        letter(K.REPEAT, reconsideration_body=""))


def test_remedies_typed_on_the_letter_win():
    data = letter(K.REPEAT, remedies="如对本答复不服，可依法申请行政复议或者提起行政诉讼。")
    with override("en"):
        texts = docx_paragraphs(data)
    assert "如对本答复不服，可依法申请行政复议或者提起行政诉讼。" in texts
    assert not any(t.startswith("If you disagree") for t in texts)


@override_settings(GONGKAI_FOI_FEE_PAYMENT_WORKDAYS=10)
def test_payment_period_follows_the_fee_setting():
    with override("en"):
        assert "within 10 working days" in "\n".join(docx_paragraphs(letter(K.FEE)))


# --- editing before issue -------------------------------------------------------------------------

def test_the_draft_round_trips():
    data = letter(K.FEE)
    with override("en"):
        draft = letters.draft_body(data)
        edited = letters.letter_content(replace(data, body=draft))
        generated = letters.letter_content(data)
    assert [b.full_text for b in edited.body] == [b.full_text for b in generated.body]
    assert [b.text for b in edited.body if b.heading] == [
        "I. Basis for the fee", "II. Standard and amount", "III. How to pay", "IV. Time limit for payment"]


def test_edited_text_is_what_goes_out():
    body = "经审查，您申请的信息已于2026年3月在本机关门户网站公开。\n一、获取方式\n请登录沈阳市发展和改革委员会网站查阅。"
    data = letter(K.DISCLOSURE, body=body)
    with override("en"):
        texts = docx_paragraphs(data)
        document = Document(io.BytesIO(letters.render_docx(data)))
    assert texts[4:7] == body.splitlines()
    assert texts[7] == UNIT and "If you disagree" not in "\n".join(texts)  # the editor removed the clause
    heading = next(p for p in document.paragraphs if p.text == "一、获取方式")
    assert east_asian_font(heading.runs[0]) == "黑体"


def test_edited_text_in_the_pdf(tmp_path):
    data = letter(K.EXTENSION, body="因所申请信息需调阅档案，答复期限延长至2026年12月29日。")
    with override("en"):
        text = pdf_text(data, tmp_path)
    assert "因所申请信息需调阅档案，答复期限延长至2026年12月29日。" in text
    assert "needsmoretime" not in text


def test_an_edited_refusal_still_needs_its_decision_to_fit():
    with override("en"), pytest.raises(LetterError) as error:
        letters.letter_content(letter(K.WITHHELD, closure_code=C.DISCLOSED, reason_detail=R.PROVIDED, body="改写。"))
    assert error.value.problems == ["The decision “Disclosed” is sent as a “Disclosure” letter, not “Non-disclosure”."]


# --- bad input ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "fields", "problems"), [
    (K.WITHHELD, {"reasons": "", "grounds": ()},
     ["A refusal must state its reasons.", "A refusal must name its legal basis: choose at least one ground."]),
    (K.DISCLOSURE, {"how_to_obtain": " "}, ["Say how the applicant obtains the information (form, way and time)."]),
    (K.DISCLOSURE, {"reason_detail": ""}, ["Choose one of: Already disclosed proactively, Provided to the applicant."]),
    (K.REPEAT, {"closure_code": ""}, ["A reply needs the decision (closure code) it carries."]),
    (K.REPEAT, {"closure_code": C.NOT_PROCESSED_PETITION},
     ["The decision “Not processed: a petition, report or complaint” is sent as a “Not processed” letter, "
      "not “Repeated application”."]),
    (K.REPEAT, {"grounds": ("art36_6", "art99")}, ["“art99” is not in the library of legal grounds."]),
    (K.REPEAT, {"issuing_unit": " ", "addressee": ""}, ["Name the issuing unit.", "Name the addressee."]),
    (K.REPEAT, {"receipt_date": None}, ["Give the date the application was received."]),
    (K.REPEAT, {"receipt_date": D(2026, 11, 28)}, ["The application cannot be received after the letter is issued."]),
    (K.REPEAT, {"receipt_date": "2026-11-02"}, ["The receipt date must be a date, not “2026-11-02”."]),
    (K.REPEAT, {"date_of_issue": None}, ["Give the date of issue."]),
    (K.CORRECTION, {"correction_items": (" ",), "correction_deadline": None},
     ["List what the applicant must correct.", "Give the deadline for the correction."]),
    (K.CORRECTION, {"correction_deadline": ISSUED}, ["The correction deadline must be after the date of issue."]),
    (K.EXTENSION, {"new_deadline": None}, ["Give the new reply date."]),
    (K.CONSULTATION, {"request_summary": "。"}, ["Describe the information the opinion is sought on."]),
    (K.FEE, {"fee_amount": "四千七百", "fee_standard": "", "payment_method": ""},
     ["Give the fee as a positive amount in yuan.", "State the fee standard applied (method, quantity and rates).",
      "Say how to pay."]),
    (K.FEE, {"fee_amount": -5}, ["Give the fee as a positive amount in yuan."]),
    (K.FEE, {"fee_amount": "NaN"}, ["Give the fee as a positive amount in yuan."]),
    ("apology", {}, ["“apology” is not a kind of letter."]),
])
def test_bad_input_gets_clear_messages(kind, fields, problems):
    data = replace(letter(K.REPEAT if kind == "apology" else kind), kind=kind, **fields)
    with override("en"):
        assert letters.letter_problems(data) == problems
        with pytest.raises(LetterError) as error:
            letters.render_docx(data)
    assert error.value.problems == problems
    assert isinstance(error.value, ValueError)


def test_pasted_text_with_control_characters_still_prints(tmp_path):
    data = letter(K.CORRECTION, reasons="请补充说明\x0b所需信息的时间范围。\x00", correction_items="身份证明复印件\x07",
                  grounds="art30", document_number=None, contact=None)
    with override("en"):
        texts = docx_paragraphs(data)
        text = pdf_text(data, tmp_path)
    assert "Guidance: 请补充说明" in texts and "所需信息的时间范围。" in texts
    assert "1. 身份证明复印件" in texts and "1.身份证明复印件" in text
    assert NUMBER not in texts and not any(t.startswith("(Contact") for t in texts)


def test_missing_names_are_problems_not_crashes():
    with override("en"):
        assert letters.letter_problems(letter(K.REPEAT, issuing_unit=None, addressee=None)) == [
            "Name the issuing unit.", "Name the addressee."]


def test_a_complete_letter_has_no_problems():
    for kind in K:
        assert letters.letter_problems(letter(kind)) == [], kind
