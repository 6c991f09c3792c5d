"""Reply letters and notices of an FOI application, from plain data, as DOCX and PDF.

`LetterData` holds everything a letter says, as plain values; `letter_content` turns it into the
words and their order (a `LetterContent`), and `render_docx` / `render_pdf` lay that same content
out, so the Word file and the PDF can never say different things. Nothing here reads the database.

Layout: GB/T 9704-2012 as far as a DOCX allows — A4, margins 37/35/28/26 mm, the issuing unit's name
in red 方正小标宋简体 as letterhead, the document number centred below it over a red rule, the title
in 二号 方正小标宋简体, body in 三号 仿宋_GB2312 on a fixed 28 pt pitch with a two-character indent,
headings in 黑体, the issuing unit centred over the date (日期右空四字, the layout for sealed letters),
contact details as 附注, page numbers "— 1 —" in 四号 宋体. The page helpers are the bulletins'.

Editable before issue: `draft_body(data)` gives the generated body as plain text, one paragraph a
line; staff edit it and put it back as `LetterData.body`, which then replaces the generated body.
Lines like "一、收费依据" (a numbered line without a full stop) come back as headings.

Text is interface text (gettext, English msgids; the Chinese wording is the catalogue's, with the
intended 公文 phrasing in translator comments). Quoted law and the table-三 labels stay Chinese.
Issue letters under `translation.override(settings.LANGUAGE_CODE)` so they do not follow the
language of whoever clicks the button.

Settings (defaults are module constants; rules.md §2.9 marks the remedy details as configurable):
    GONGKAI_FOI_RECONSIDERATION_DAYS                 60 (行政复议法 2023 Art 20)
    GONGKAI_FOI_LITIGATION_MONTHS                    6  (行政诉讼法 Art 46)
    GONGKAI_FOI_LITIGATION_AFTER_RECONSIDERATION_DAYS 15 (行政诉讼法 Art 45)
    GONGKAI_FOI_RECONSIDERATION_BODY                 "" the same-level people's government, e.g. 沈阳市人民政府
    GONGKAI_FOI_RECONSIDERATION_FIRST_KINDS          ("withheld", "partial"): letters whose remedy clause
                                                     says reconsideration comes first (行政复议法 2023 Art 23)
    GONGKAI_FOI_REMEDIES_TEXT                        "": a full remedy clause replacing the built one, with
                                                     %(body)s, %(days)s, %(months)s placeholders
    GONGKAI_FOI_FEE_PAYMENT_WORKDAYS                 read through gongkai.foi.fees.payment_period()
"""

import datetime
import io
import math
import re
from dataclasses import dataclass, fields, replace
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH as ALIGN
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from gongkai.bulletins.word import (
    HEADING_FONT,
    LINE_PITCH,
    SIZE_2,
    TITLE_FONT,
    add_paragraph,
    setup_page,
)

from . import grounds as library
from .fees import format_yuan, payment_period
from .outcomes import (
    NEEDS_HOW_TO_OBTAIN,
    REPLY_KINDS,
    ClosureCode,
    LetterKind,
    ReasonDetail,
    letter_kind_for,
    needs_reasons,
    outcome_problems,
)

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_TYPE = "application/pdf"

RECONSIDERATION_DAYS = 60
LITIGATION_MONTHS = 6
LITIGATION_AFTER_RECONSIDERATION_DAYS = 15
RECONSIDERATION_BODY = ""
RECONSIDERATION_FIRST_KINDS = (LetterKind.WITHHELD, LetterKind.PARTIAL)
REMEDIES_TEXT = ""

CONSULTATION_WORKDAYS = 15  # Arts 32 and 34: fixed by the Regulations, not a setting
DEFAULT_FEE_BASIS = "《中华人民共和国政府信息公开条例》第四十二条，《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"

TEXT_WIDTH_PT = (210 - 28 - 26) / 25.4 * 72  # the type area of an A4 page with GB/T 9704 margins
LETTERHEAD_MAX_PT, LETTERHEAD_MIN_PT = 36, 16
BODY_PT = 16  # 三号: one character of body text is 16 pt wide
RED = "FF0000"


@dataclass
class LetterData:
    """What a letter says. Dates are datetime.date; texts may hold several paragraphs, one a line."""

    kind: str  # a LetterKind
    issuing_unit: str  # 沈阳市发展和改革委员会
    addressee: str  # the applicant; for a consultation letter the third party or agency consulted
    date_of_issue: datetime.date
    receipt_date: datetime.date | None = None  # confirmed receipt of the application
    letterhead: str | None = None  # None: the issuing unit's name; "": none (pre-printed paper)
    document_number: str = ""  # 沈发改依复〔2026〕12号; may stay empty on a draft
    request_summary: str = ""  # what was asked for, in the applicant's words
    closure_code: str = ""  # a ClosureCode: required for replies, picks the default wording
    reason_detail: str = ""  # a ReasonDetail where the code needs one
    decision: str = ""  # "" → the standard sentence for the kind and code
    reasons: str = ""
    grounds: tuple = ()  # grounds.Ground objects or their keys; notices default to their article
    how_to_obtain: str = ""
    responsible_agency: str = ""  # 非本机关: the agency that is responsible, if known (Art 36(5))
    responsible_agency_contact: str = ""
    correction_items: tuple = ()  # 补正: each thing to correct
    correction_deadline: datetime.date | None = None
    new_deadline: datetime.date | None = None  # 延期: the extended reply date
    consultation_deadline: datetime.date | None = None  # 征求意见: optional, when the receipt date is known
    consulting_agency: bool = False  # True: Art 34 (a co-producing agency; silence = consent)
    fee_amount: Decimal | int | str | None = None  # yuan
    fee_basis: str = ""  # "" → DEFAULT_FEE_BASIS
    fee_standard: str = ""  # e.g. 按量计收：共250页，其中31—100页每页10元……
    payment_method: str = ""
    payment_deadline: datetime.date | None = None  # optional, when the notice's receipt date is known
    remedies: str = ""  # "" → built from settings (replies only)
    reconsideration_body: str = ""  # "" → GONGKAI_FOI_RECONSIDERATION_BODY
    contact: str = ""  # 联系人及电话, printed as 附注
    body: str = ""  # edited body text; replaces the generated body when not empty


@dataclass(frozen=True)
class Block:
    text: str
    lead: str = ""  # a run-in label, e.g. "理由：", set in 楷体
    heading: bool = False

    @property
    def full_text(self):
        return self.lead + self.text


@dataclass(frozen=True)
class LetterContent:
    letterhead: str
    number: str
    title: str
    salutation: str
    body: tuple
    signature: str
    date: str
    note: str  # 附注: contact details, or ""
    signature_indent: float = 0.0  # right indents in characters of body text
    date_indent: float = 4.0
    letterhead_size: float = LETTERHEAD_MAX_PT


class LetterError(ValueError):
    """The data cannot make a letter; `problems` lists what to fix, as messages for the editor."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(" ".join(self.problems))


# --- settings ------------------------------------------------------------------------------------

def _setting(name, default):
    return getattr(settings, "GONGKAI_FOI_" + name, default)


def remedies_text(kind, body=""):
    """The remedy clause of a reply (Art 51; periods per rules.md §2.9, all configurable)."""
    values = {
        "body": body or _setting("RECONSIDERATION_BODY", RECONSIDERATION_BODY)
        or _("the competent administrative reconsideration organ"),
        "days": _setting("RECONSIDERATION_DAYS", RECONSIDERATION_DAYS),
        "months": _setting("LITIGATION_MONTHS", LITIGATION_MONTHS),
        "after_days": _setting("LITIGATION_AFTER_RECONSIDERATION_DAYS", LITIGATION_AFTER_RECONSIDERATION_DAYS),
    }
    custom = _setting("REMEDIES_TEXT", REMEDIES_TEXT)
    if custom:
        try:
            return custom % values
        except (KeyError, ValueError, TypeError) as error:
            raise ImproperlyConfigured(
                f"GONGKAI_FOI_REMEDIES_TEXT: {error!r}; use only %(body)s, %(days)s, %(months)s, %(after_days)s "
                "and write a literal percent sign as %%") from error
    if kind in _setting("RECONSIDERATION_FIRST_KINDS", RECONSIDERATION_FIRST_KINDS):
        # Translators: 如对本答复不服，可以自收到本答复之日起%(days)s日内向%(body)s申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起%(after_days)s日内依法向人民法院提起行政诉讼。
        return _("If you disagree with this reply, you may apply to %(body)s for administrative reconsideration "
                 "within %(days)s days of receiving it; if you disagree with the reconsideration decision, you may "
                 "bring an administrative lawsuit before a people's court within %(after_days)s days of receiving "
                 "that decision.") % values
    # Translators: 如对本答复不服，可以自收到本答复之日起%(days)s日内向%(body)s申请行政复议，或者自收到本答复之日起%(months)s个月内依法向人民法院提起行政诉讼。
    return _("If you disagree with this reply, you may apply to %(body)s for administrative reconsideration within "
             "%(days)s days of receiving it, or bring an administrative lawsuit before a people's court within "
             "%(months)s months of receiving it.") % values


# --- small pure helpers ---------------------------------------------------------------------------

def document_number(prefix, year, serial):
    """GB/T 9704 发文字号: year in 六角括号, serial without leading zeros or 第 — 沈发改依复〔2026〕12号."""
    return f"{prefix}〔{int(year)}〕{int(serial)}号"


def letter_date(day):
    """Dates as the active language writes them: 2026年11月27日 in Chinese (GB/T 9704 uses Arabic digits)."""
    return date_format(day, "DATE_FORMAT")


def text_width(text):
    """Width in characters of body text: CJK and full-width forms 1, Latin letters and digits ½."""
    return sum(1 if ord(ch) >= 0x2E80 else 0.5 for ch in text)


def letterhead_size(text):
    """The largest size up to 36 pt that fits the letterhead on one line of the type area (at least 16 pt)."""
    width = text_width(text) or 1
    return max(LETTERHEAD_MIN_PT, min(LETTERHEAD_MAX_PT, math.floor(TEXT_WIDTH_PT / width)))


def signature_indents(signature, date_text):
    """Right indents (in characters) putting the date four characters from the right margin and the
    issuing unit centred above it — GB/T 9704 §7.3.5.1, the layout for a sealed letter."""
    date_indent = 4.0
    centred = date_indent + (text_width(date_text) - text_width(signature)) / 2
    return max(0.0, math.floor(centred * 2) / 2), date_indent


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _paragraphs(text, lead=""):
    """One block a line; the run-in label goes on the first."""
    return [Block(line, lead=lead if i == 0 else "") for i, line in enumerate(_lines(text))]


def _summary(text):
    return (text or "").strip().rstrip("。.;；，,")


HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[IVX]+\.\s)[^。；;]{1,40}$")


def blocks_from_text(text):
    """Edited body text back into blocks: one a line; numbered lines without a full stop are headings."""
    return tuple(Block(line, heading=bool(HEADING.match(line))) for line in _lines(text))


CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _clean(text):
    """Text as a DOCX can hold it: Word's line and page breaks (pasted in) become new lines, other
    control characters go — python-docx refuses them, which would otherwise fail the whole letter."""
    text = str(text).replace("\r\n", "\n").translate({0x0B: "\n", 0x0C: "\n", 0x0D: "\n"})
    return CONTROL.sub("", text)


def cleaned(data):
    """`data` with its texts made safe to print; missing texts become ""; a lone key or item becomes a list."""
    changes = {}
    for spec in fields(data):
        value = getattr(data, spec.name)
        if isinstance(value, str) and spec.name not in ("grounds", "correction_items"):
            changes[spec.name] = _clean(value)
        elif value is None and (spec.default == "" or spec.name in ("issuing_unit", "addressee")):
            changes[spec.name] = ""
    for name in ("grounds", "correction_items"):
        value = getattr(data, name) or ()
        items = [value] if isinstance(value, str | library.Ground) else list(value)
        changes[name] = tuple(item if isinstance(item, library.Ground) else _clean(item) for item in items)
    return replace(data, **changes)


# --- validation -----------------------------------------------------------------------------------

DATE_FIELDS = {
    "date_of_issue": gettext_lazy("The date of issue"),
    "receipt_date": gettext_lazy("The receipt date"),
    "correction_deadline": gettext_lazy("The correction deadline"),
    "new_deadline": gettext_lazy("The new reply date"),
    "consultation_deadline": gettext_lazy("The deadline for opinions"),
    "payment_deadline": gettext_lazy("The payment deadline"),
}


def letter_problems(data):
    """Everything that stops `data` from making a proper letter, as messages; [] when it can be issued."""
    return _problems(cleaned(data))


def _problems(data):
    if data.kind not in LetterKind.values:
        return [_("“%(kind)s” is not a kind of letter.") % {"kind": data.kind}]
    problems = []
    if not data.issuing_unit.strip():
        problems.append(_("Name the issuing unit."))
    if not data.addressee.strip():
        problems.append(_("Name the addressee."))
    problems += _date_problems(data)
    if problems:
        return problems
    if data.receipt_date is None:
        problems.append(_("Give the date the application was received."))
    elif data.receipt_date > data.date_of_issue:
        problems.append(_("The application cannot be received after the letter is issued."))
    if data.kind in REPLY_KINDS:
        problems += _decision_problems(data)
    problems += _ground_problems(data)
    if data.body.strip():
        return problems  # the edited text is what goes out: the fields below only fed the draft
    if data.kind in REPLY_KINDS and not problems:
        problems += _reply_problems(data)
    return problems + NOTICE_CHECKS.get(data.kind, lambda data: [])(data)


def _date_problems(data):
    problems = []
    for name, label in DATE_FIELDS.items():
        value = getattr(data, name)
        if value is not None and (not isinstance(value, datetime.date) or isinstance(value, datetime.datetime)):
            problems.append(_("%(field)s must be a date, not “%(value)s”.") % {"field": label, "value": value})
    if not isinstance(data.date_of_issue, datetime.date):
        problems.append(_("Give the date of issue."))
    return problems


def _decision_problems(data):
    if not data.closure_code:
        return [_("A reply needs the decision (closure code) it carries.")]
    problems = outcome_problems(data.closure_code, data.reason_detail)
    if problems:
        return problems
    expected = letter_kind_for(data.closure_code, data.reason_detail)
    if expected != data.kind:
        return [_("The decision “%(decision)s” is sent as a “%(expected)s” letter, not “%(kind)s”.") % {
            "decision": ClosureCode(data.closure_code).label, "expected": expected.label,
            "kind": LetterKind(data.kind).label}]
    return []


def _ground_problems(data):
    try:
        library.resolve(data.grounds)
    except library.UnknownGround as error:
        return [str(error)]
    return []


def _reply_problems(data):
    problems = []
    if needs_reasons(data.closure_code):
        if not _lines(data.reasons):
            problems.append(_("A refusal must state its reasons."))
        if not data.grounds:
            problems.append(_("A refusal must name its legal basis: choose at least one ground."))
    if data.closure_code in NEEDS_HOW_TO_OBTAIN and not _lines(data.how_to_obtain):
        problems.append(_("Say how the applicant obtains the information (form, way and time)."))
    return problems


def _after_issue(data, name, missing):
    value = getattr(data, name)
    if value is None:
        return [missing] if missing else []
    if value <= data.date_of_issue:
        return [_("%(field)s must be after the date of issue.") % {"field": DATE_FIELDS[name]}]
    return []


def _correction_problems(data):
    problems = [] if _items(data) else [_("List what the applicant must correct.")]
    return problems + _after_issue(data, "correction_deadline", _("Give the deadline for the correction."))


def _extension_problems(data):
    return _after_issue(data, "new_deadline", _("Give the new reply date."))


def _consultation_problems(data):
    problems = [] if _summary(data.request_summary) else [_("Describe the information the opinion is sought on.")]
    return problems + _after_issue(data, "consultation_deadline", None)


def _fee_problems(data):
    problems = []
    amount = _amount(data.fee_amount)
    if amount is None or amount <= 0:
        problems.append(_("Give the fee as a positive amount in yuan."))
    if not _lines(data.fee_standard):
        problems.append(_("State the fee standard applied (method, quantity and rates)."))
    if not _lines(data.payment_method):
        problems.append(_("Say how to pay."))
    return problems + _after_issue(data, "payment_deadline", None)


NOTICE_CHECKS = {
    LetterKind.CORRECTION: _correction_problems,
    LetterKind.EXTENSION: _extension_problems,
    LetterKind.CONSULTATION: _consultation_problems,
    LetterKind.FEE: _fee_problems,
}


def _amount(value):
    try:
        amount = Decimal(str(value).strip()) if value is not None else None
    except InvalidOperation:
        return None
    return amount if amount is not None and amount.is_finite() else None


def _items(data):
    return [item.strip() for item in data.correction_items if item and item.strip()]


# --- the words ------------------------------------------------------------------------------------

def title_for(kind):
    if kind == LetterKind.CORRECTION:
        # Translators: 政府信息公开申请补正告知书
        return _("Notice to correct an application for disclosure of government information")
    if kind == LetterKind.EXTENSION:
        # Translators: 政府信息公开申请延期答复告知书
        return _("Notice of extension of the reply period")
    if kind == LetterKind.CONSULTATION:
        # Translators: 政府信息公开征求意见书
        return _("Request for opinions on the disclosure of government information")
    if kind == LetterKind.FEE:
        # Translators: 政府信息公开信息处理费缴费通知书
        return _("Notice of information processing fee")
    # Translators: 政府信息公开申请答复书
    return _("Reply to an application for disclosure of government information")


def _opening(data, reply):
    values = {"date": letter_date(data.receipt_date), "summary": _summary(data.request_summary)}
    if values["summary"]:
        # Translators: 本机关于%(date)s收到您提出的政府信息公开申请，您申请获取“%(summary)s”。
        text = _("On %(date)s this agency received your application for disclosure of government information, "
                 "requesting “%(summary)s”.") % values
    else:
        # Translators: 本机关于%(date)s收到您提出的政府信息公开申请。
        text = _("On %(date)s this agency received your application for disclosure of government information.") % values
    if reply:
        # Translators: 经审查，现答复如下：
        text += " " + _("After examination, this agency replies as follows:")
    return Block(text)


def default_decision(data):
    """The standard decision sentence of a reply, by closure code and detail (rules.md §2.7)."""
    C, D = ClosureCode, ReasonDetail
    code, detail = data.closure_code, data.reason_detail
    if code == C.DISCLOSED and detail == D.ALREADY_PUBLIC:
        # Translators: 您申请获取的政府信息已经主动公开，获取方式和途径如下。
        return _("The information you requested has already been disclosed proactively; how to obtain it is set "
                 "out below.")
    if code == C.DISCLOSED:
        # Translators: 您申请获取的政府信息属于公开范围，本机关予以公开，提供方式如下。
        return _("The information you requested can be disclosed, and this agency discloses it as set out below.")
    if code == C.PARTIAL:
        # Translators: 您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。本机关向您提供可以公开的内容，对不予公开的内容说明理由如下。
        return _("The information you requested contains content that may not be disclosed but can be separated "
                 "from the rest. This agency provides the content that can be disclosed and gives its reasons for "
                 "withholding the rest below.")
    if code == C.WITHHELD_ADMIN_QUERY:
        # Translators: 您申请获取的信息，有关法律、行政法规对其获取有特别规定，请依照有关规定办理。
        return _("Laws or administrative regulations lay down a special procedure for obtaining the information "
                 "you requested; please apply for it through that procedure.")
    if code.startswith("withheld_"):
        # Translators: 经审查，您申请获取的政府信息属于不予公开的范围，本机关决定不予公开。
        return _("The information you requested falls within the scope of information that is not disclosed; "
                 "this agency has decided not to disclose it.")
    decisions = _other_decisions()
    return decisions.get((code, detail)) or decisions[code]


def _other_decisions():
    C, D = ClosureCode, ReasonDetail
    return {
        # Translators: 经检索，本机关没有您申请公开的信息，该政府信息不存在。
        (C.UNAVAILABLE_NOT_HELD, D.DOES_NOT_EXIST): _(
            "After a search, this agency holds no such information: the government information you requested "
            "does not exist."),
        # Translators: 您申请获取的政府信息不属于本机关负责公开的范围。
        (C.UNAVAILABLE_NOT_HELD, D.NOT_THIS_AGENCY): _(
            "The information you requested is not information this agency is responsible for disclosing."),
        # Translators: 您申请获取的信息需要本机关对现有政府信息进行加工、分析或者另行制作，本机关不予提供。
        C.UNAVAILABLE_NEEDS_CREATION: _(
            "Providing the information you requested would require this agency to make it anew or to process and "
            "analyse existing information, so this agency does not provide it."),
        # Translators: 经补正，您的申请内容仍不明确，本机关无法提供。
        C.UNAVAILABLE_STILL_UNCLEAR: _(
            "After correction the content of your application is still unclear, so this agency cannot provide the "
            "information."),
        # Translators: 您以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。
        C.NOT_PROCESSED_PETITION: _(
            "Your application is in substance a petition, complaint or report. It is not handled as an application "
            "for disclosure of government information; you may raise it through the proper channel."),
        # Translators: 本机关已就您提出的相同政府信息公开申请作出答复，对您的重复申请不予重复处理。
        C.NOT_PROCESSED_REPEAT: _(
            "This agency has already replied to your application for the same information and does not process "
            "the repeated application again."),
        # Translators: 您申请获取的是政府公报、报刊、书籍等公开出版物，本机关不予处理，获取途径如下。
        C.NOT_PROCESSED_PUBLICATION: _(
            "You asked for public publications such as government gazettes, newspapers or books. This agency does "
            "not process the application; where to obtain them is set out below."),
        # Translators: 您申请公开政府信息的数量、频次明显超过合理范围，且说明的理由不合理，本机关不予处理。
        C.NOT_PROCESSED_EXCESSIVE: _(
            "The number and frequency of your applications clearly exceed a reasonable range and the reasons you "
            "gave are not reasonable, so this agency does not process the application."),
        # Translators: 您的申请属于要求本机关确认或者重新出具已获取的信息，本机关不作为政府信息公开申请处理。
        C.NOT_PROCESSED_CONFIRM: _(
            "You asked this agency to confirm or reissue information you have already obtained. This is not "
            "processed as an application for disclosure of government information."),
        # Translators: 您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。
        C.OTHER_NO_CORRECTION: _(
            "You did not correct the application by the deadline without good reason. The application is deemed "
            "abandoned and this agency no longer processes it."),
        # Translators: 您逾期未按收费通知要求缴纳信息处理费，本机关不再处理该政府信息公开申请。
        C.OTHER_FEE_UNPAID: _(
            "You did not pay the information processing fee by the deadline in the fee notice, so this agency no "
            "longer processes the application."),
        # Translators: 本机关不再处理您的政府信息公开申请，理由如下。
        C.OTHER: _("This agency no longer processes your application, for the reasons below."),
    }


def _decision_blocks(data, default):
    return _paragraphs(data.decision) or [Block(default)]


def _ground_blocks(data, labelled=True):
    grounds = library.resolve(data.grounds) or _default_grounds(data)
    # Translators: 依据：
    lead = _("Legal basis: ") if labelled else ""
    # Translators: %(citation)s规定：“%(text)s。”
    quoted = [_("%(citation)s: “%(text)s.”") % {"citation": ground.citation, "text": ground.text} for ground in grounds]
    return [Block(text, lead=lead if i == 0 else "") for i, text in enumerate(quoted)]


def _default_grounds(data):
    """Grounds cited when none are chosen: a notice's own article, and the plain disclosure items."""
    keys = {
        LetterKind.CORRECTION: ["art30"],
        LetterKind.EXTENSION: ["art33_2"],
        LetterKind.CONSULTATION: ["art34" if data.consulting_agency else "art32", "art33_3"],
        LetterKind.FEE: ["art42"],
    }.get(data.kind)
    if keys is None and data.kind == LetterKind.DISCLOSURE:
        keys = ["art36_1" if data.reason_detail == ReasonDetail.ALREADY_PUBLIC else "art36_2"]
    return library.resolve(keys or [])


def _reply_body(data):
    blocks = [_opening(data, reply=True), *_decision_blocks(data, default_decision(data))]
    if data.kind == LetterKind.NOT_THIS_AGENCY and data.responsible_agency.strip():
        blocks.append(Block(_responsible_agency(data)))
    # Translators: 获取方式：
    blocks += _paragraphs(data.how_to_obtain, lead=_("How to obtain the information: "))
    # Translators: 理由：
    blocks += _paragraphs(data.reasons, lead=_("Reasons: "))
    blocks += _ground_blocks(data)
    blocks.append(Block(data.remedies.strip() or remedies_text(data.kind, data.reconsideration_body.strip())))
    # Translators: 特此告知。
    blocks.append(Block(_("This is our reply.")))
    return blocks


def _responsible_agency(data):
    values = {"agency": data.responsible_agency.strip(), "contact": data.responsible_agency_contact.strip()}
    if values["contact"]:
        # Translators: 负责公开该政府信息的行政机关为%(agency)s，联系方式：%(contact)s。
        return _("The agency responsible for disclosing it is %(agency)s (contact: %(contact)s).") % values
    # Translators: 负责公开该政府信息的行政机关为%(agency)s。
    return _("The agency responsible for disclosing it is %(agency)s.") % values


def _correction_body(data):
    # Translators: 您的申请内容不明确，请对以下事项作出补正：
    default = _("The content of your application is not clear. Please correct the following:")
    blocks = [_opening(data, reply=False), *_decision_blocks(data, default)]
    # Translators: %(number)s.%(item)s
    blocks += [Block(_("%(number)s. %(item)s") % {"number": i, "item": item})
               for i, item in enumerate(_items(data), start=1)]
    # Translators: 请于%(date)s前提交补正后的申请。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。
    blocks.append(Block(_(
        "Please submit the corrected application by %(date)s. The reply period runs from the day this agency "
        "receives the corrected application. If you do not correct it in time without good reason, the "
        "application is deemed abandoned and this agency will no longer process it.")
        % {"date": letter_date(data.correction_deadline)}))
    blocks += _paragraphs(data.reasons, lead=_("Guidance: "))
    return [*blocks, *_ground_blocks(data), Block(_("Hereby notified."))]


def _extension_body(data):
    # Translators: 因需要延长答复期限，经本机关政府信息公开工作机构负责人同意，答复期限延长，本机关将于%(date)s前作出答复。
    default = _("This agency needs more time to reply. With the consent of the head of its government "
                "information disclosure office, the reply period is extended, and this agency will reply to you "
                "by %(date)s.") % {"date": letter_date(data.new_deadline)}
    blocks = [_opening(data, reply=False), *_decision_blocks(data, default)]
    blocks += _paragraphs(data.reasons, lead=_("Reasons: "))
    # Translators: 特此告知。
    return [*blocks, *_ground_blocks(data), Block(_("Hereby notified."))]


def _consultation_body(data):
    values = {"date": letter_date(data.receipt_date), "summary": _summary(data.request_summary),
              "days": CONSULTATION_WORKDAYS}
    # Translators: 本机关于%(date)s收到政府信息公开申请，申请获取“%(summary)s”。
    blocks = [Block(_("On %(date)s this agency received an application for disclosure of government information, "
                      "requesting “%(summary)s”.") % values)]
    if data.consulting_agency:
        # Translators: 该政府信息由贵机关与本机关共同制作，现书面征求贵机关意见。
        default = _("Your agency took part in making this information, so this agency asks for your opinion on "
                    "its disclosure in writing.")
        # Translators: 贵机关逾期未提出意见的，视为同意公开。
        silence = _("If you do not reply in time, you are deemed to agree to its disclosure.")
    else:
        # Translators: 该政府信息的公开可能损害您（贵单位）的合法权益，现书面征求您（贵单位）的意见。
        default = _("Disclosing this information may harm your lawful rights and interests, so this agency asks "
                    "for your opinion in writing.")
        # Translators: 逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。
        silence = _("If you do not reply in time, this agency will decide whether to disclose the information "
                    "under the Regulations on the Disclosure of Government Information.")
    blocks += _decision_blocks(data, default)
    # Translators: 请自收到本征求意见书之日起%(days)s个工作日内书面提出意见，说明是否同意公开；不同意公开的，请说明理由。
    period = _("Please give your opinion in writing within %(days)s working days of receiving this letter, "
               "stating whether you agree to its disclosure and, if not, why.") % values
    if data.consultation_deadline:
        # Translators: （即%(date)s前）
        period += " " + _("(that is, by %(date)s)") % {"date": letter_date(data.consultation_deadline)}
    blocks += [Block(period), Block(silence), *_paragraphs(data.reasons)]
    # Translators: 特此函询。
    return [*blocks, *_ground_blocks(data), Block(_("We look forward to your reply."))]


def _fee_body(data):
    # Translators: 您申请公开政府信息的数量、频次明显超过合理范围，本机关依法收取信息处理费。
    default = _("The number or frequency of your applications clearly exceeds a reasonable range, so this agency "
                "charges an information processing fee.")
    values = {"amount": format_yuan(_amount(data.fee_amount)), "days": payment_period()}
    # Translators: 请自收到本通知之日的次日起%(days)s个工作日内缴纳。无正当理由逾期未缴纳的，本机关不再处理该政府信息公开申请。
    deadline = _("Please pay within %(days)s working days, counted from the day after you receive this notice. "
                 "If you do not pay in time without good reason, this agency will no longer process the "
                 "application.") % values
    if data.payment_deadline:
        deadline += " " + _("(that is, by %(date)s)") % {"date": letter_date(data.payment_deadline)}
    return [
        _opening(data, reply=False), *_decision_blocks(data, default),
        # Translators: 一、收费依据
        Block(_("I. Basis for the fee"), heading=True), *_paragraphs(data.fee_basis or DEFAULT_FEE_BASIS),
        *_ground_blocks(data, labelled=False),
        # Translators: 二、收费标准及金额
        Block(_("II. Standard and amount"), heading=True), *_paragraphs(data.fee_standard),
        # Translators: 应缴金额：%(amount)s元。
        Block(_("Amount payable: %(amount)s yuan.") % values),
        # Translators: 三、缴费方式
        Block(_("III. How to pay"), heading=True), *_paragraphs(data.payment_method),
        # Translators: 四、缴费期限
        Block(_("IV. Time limit for payment"), heading=True), Block(deadline),
        Block(_("Hereby notified.")),
    ]


BODIES = {
    LetterKind.CORRECTION: _correction_body,
    LetterKind.EXTENSION: _extension_body,
    LetterKind.CONSULTATION: _consultation_body,
    LetterKind.FEE: _fee_body,
}


def _valid(data):
    data = cleaned(data)
    problems = _problems(data)
    if problems:
        raise LetterError(problems)
    return data


def _generated_body(data):
    return tuple(BODIES.get(data.kind, _reply_body)(data))


def draft_body(data):
    """The generated body as plain text for editing: one paragraph a line, run-in labels included."""
    data = _valid(replace(data, body=""))
    return "\n".join(block.full_text for block in _generated_body(data))


def letter_content(data):
    """The words of the letter and their order, shared by the DOCX and the PDF; LetterError if it cannot be made."""
    data = _valid(data)
    body = blocks_from_text(data.body) if data.body.strip() else _generated_body(data)
    letterhead = data.issuing_unit.strip() if data.letterhead is None else data.letterhead.strip()
    signature, date = data.issuing_unit.strip(), letter_date(data.date_of_issue)
    signature_indent, date_indent = signature_indents(signature, date)
    # Translators: %(name)s：
    salutation = _("%(name)s:") % {"name": data.addressee.strip()}
    # Translators: （联系人及电话：%(contact)s）
    note = _("(Contact: %(contact)s)") % {"contact": data.contact.strip()} if data.contact.strip() else ""
    return LetterContent(
        letterhead=letterhead, number=data.document_number.strip(), title=title_for(data.kind),
        salutation=salutation, body=tuple(body), signature=signature, date=date, note=note,
        signature_indent=signature_indent, date_indent=date_indent,
        letterhead_size=letterhead_size(letterhead) if letterhead else LETTERHEAD_MAX_PT,
    )


# --- DOCX -----------------------------------------------------------------------------------------

def render_docx(data):
    """The letter as DOCX bytes; LetterError (with .problems) when the data cannot make a letter."""
    content = letter_content(data)
    document = Document()
    setup_page(document)
    _mark_chinese(document)
    if content.letterhead:
        _letterhead(document, content)
    if content.number:
        number = add_paragraph(document, content.number, align=ALIGN.CENTER, indent=False)
        if content.letterhead:
            _red_rule(number)
    for _blank in range(2):
        add_paragraph(document, indent=False)
    add_paragraph(document, content.title, font=TITLE_FONT, size=SIZE_2, align=ALIGN.CENTER, indent=False)
    add_paragraph(document, indent=False)
    add_paragraph(document, content.salutation, indent=False)
    for block in content.body:
        if block.heading:
            add_paragraph(document, block.text, font=HEADING_FONT)
        else:
            add_paragraph(document, block.text, lead=block.lead)
    add_paragraph(document, indent=False)
    _right(add_paragraph(document, content.signature, align=ALIGN.RIGHT, indent=False), content.signature_indent)
    _right(add_paragraph(document, content.date, align=ALIGN.RIGHT, indent=False), content.date_indent)
    if content.note:
        add_paragraph(document, content.note)
    properties = document.core_properties
    properties.title, properties.author, properties.language = content.title, content.signature, "zh-CN"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _letterhead(document, content):
    paragraph = add_paragraph(document, content.letterhead, font=TITLE_FONT, size=Pt(content.letterhead_size),
                              align=ALIGN.CENTER, indent=False)
    # A fixed 28 pt pitch would clip a 36 pt line: the letterhead gets room for its own size.
    paragraph.paragraph_format.line_spacing = Pt(max(LINE_PITCH.pt, content.letterhead_size * 1.25))
    paragraph.runs[0].font.color.rgb = RGBColor.from_string(RED)


def _red_rule(paragraph):
    """The red rule under the document number (版头分隔线), as the paragraph's bottom border."""
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "single"), ("sz", "12"), ("space", "11"), ("color", RED)):
        bottom.set(qn(f"w:{name}"), value)  # sz in eighths of a point; space ≈ 4 mm, in points
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _right(paragraph, characters):
    paragraph.paragraph_format.right_indent = Pt(characters * BODY_PT)


def _mark_chinese(document):
    """Mark text as Chinese (and Latin runs as English) so Word proofs and hyphenates it correctly."""
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "en-US")
    language.set(qn("w:eastAsia"), "zh-CN")
    document.styles["Normal"].element.get_or_add_rPr().append(language)


# --- PDF ------------------------------------------------------------------------------------------

def render_html(data):
    """The letter as a standalone HTML page (the source of the PDF)."""
    content = letter_content(data)
    lengths = {
        "signature": f"{content.signature_indent:g}em", "date": f"{content.date_indent:g}em",
        "letterhead": f"{content.letterhead_size:g}pt",
    }
    return render_to_string("foi/letters/letter.html", {"content": content, "lengths": lengths})


def render_pdf(data):
    """The letter as PDF bytes, laid out by WeasyPrint from render_html."""
    from weasyprint import HTML  # imported here: loading Pango costs time that only PDF requests should pay

    return HTML(string=render_html(data)).write_pdf()
