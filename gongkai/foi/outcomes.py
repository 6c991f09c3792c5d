"""How an application ends: closure codes, their row of annual-report table 三, and the letter each one needs.

One closure code per application (rules.md §2.8). Each code feeds exactly one row of table 三
(收到和处理政府信息公开申请情况, rules.md §5.2), so the annual report is a count per code, not a survey.
A partly refused application counts only as 部分公开.

The mapping is data: TABLE3_ROWS lists the rows in table order with the statutory Chinese labels
(kept as literals — they are the labels of 国办公开办函〔2021〕30号, not interface text). rules.md marks
three placements as common practice rather than law (36(1) as 予以公开, 36(5) as 本机关不掌握,
36(7) as 行政查询事项), so a deployment can move any code to another row of the table:

    GONGKAI_FOI_TABLE3_OVERRIDES = {"withheld_admin_query": ("（五）不予处理", "3.要求提供公开出版物")}

Rows cannot be added: the table is fixed by the format. Nothing here touches the database.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

CODE_MAX_LENGTH = 32  # for the CharField that stores a ClosureCode


class ClosureCode(models.TextChoices):
    DISCLOSED = "disclosed", gettext_lazy("Disclosed")
    PARTIAL = "partial", gettext_lazy("Partly disclosed")
    WITHHELD_STATE_SECRET = "withheld_state_secret", gettext_lazy("Not disclosed: state secret")
    WITHHELD_LAW_FORBIDS = "withheld_law_forbids", gettext_lazy(
        "Not disclosed: forbidden by other laws or administrative regulations")
    WITHHELD_SECURITY = "withheld_security", gettext_lazy(
        "Not disclosed: would endanger security or social stability")
    WITHHELD_THIRD_PARTY = "withheld_third_party", gettext_lazy(
        "Not disclosed: protects a third party's lawful rights")
    WITHHELD_INTERNAL = "withheld_internal", gettext_lazy("Not disclosed: internal affairs information")
    WITHHELD_PROCESS = "withheld_process", gettext_lazy("Not disclosed: process information")
    WITHHELD_CASE_FILE = "withheld_case_file", gettext_lazy("Not disclosed: administrative enforcement case file")
    WITHHELD_ADMIN_QUERY = "withheld_admin_query", gettext_lazy(
        "Not disclosed: obtained through its own procedure (administrative enquiry)")
    UNAVAILABLE_NOT_HELD = "unavailable_not_held", gettext_lazy("Cannot be provided: not held by this agency")
    UNAVAILABLE_NEEDS_CREATION = "unavailable_needs_creation", gettext_lazy(
        "Cannot be provided: would have to be newly made")
    UNAVAILABLE_STILL_UNCLEAR = "unavailable_still_unclear", gettext_lazy(
        "Cannot be provided: still unclear after correction")
    NOT_PROCESSED_PETITION = "not_processed_petition", gettext_lazy(
        "Not processed: a petition, report or complaint")
    NOT_PROCESSED_REPEAT = "not_processed_repeat", gettext_lazy("Not processed: repeated application")
    NOT_PROCESSED_PUBLICATION = "not_processed_publication", gettext_lazy(
        "Not processed: asks for a public publication")
    NOT_PROCESSED_EXCESSIVE = "not_processed_excessive", gettext_lazy(
        "Not processed: excessive applications without good reason")
    NOT_PROCESSED_CONFIRM = "not_processed_confirm", gettext_lazy(
        "Not processed: asks to confirm or reissue information already obtained")
    OTHER_NO_CORRECTION = "other_no_correction", gettext_lazy("Other: not corrected in time")
    OTHER_FEE_UNPAID = "other_fee_unpaid", gettext_lazy("Other: fee not paid in time")
    OTHER = "other", gettext_lazy("Other (e.g. withdrawn)")


class ReasonDetail(models.TextChoices):
    """Where one row covers two different letters, the detail picks the letter (rules.md §2.8)."""

    ALREADY_PUBLIC = "already_public", gettext_lazy("Already disclosed proactively")  # Art 36(1)
    PROVIDED = "provided", gettext_lazy("Provided to the applicant")  # Art 36(2)
    DOES_NOT_EXIST = "does_not_exist", gettext_lazy("The information does not exist")  # Art 36(4)
    NOT_THIS_AGENCY = "not_this_agency", gettext_lazy("Not this agency's to disclose")  # Art 36(5)


REASON_DETAILS = {
    ClosureCode.DISCLOSED: (ReasonDetail.ALREADY_PUBLIC, ReasonDetail.PROVIDED),
    ClosureCode.UNAVAILABLE_NOT_HELD: (ReasonDetail.DOES_NOT_EXIST, ReasonDetail.NOT_THIS_AGENCY),
}


class LetterKind(models.TextChoices):
    """The letters of rules.md §2.9: one reply per closure code, plus the notices sent along the way."""

    DISCLOSURE = "disclosure", gettext_lazy("Disclosure")  # 公开告知
    PARTIAL = "partial", gettext_lazy("Partial disclosure")  # 部分公开
    WITHHELD = "withheld", gettext_lazy("Non-disclosure")  # 不予公开
    NOT_EXIST = "not_exist", gettext_lazy("Information does not exist")  # 信息不存在
    NOT_THIS_AGENCY = "not_this_agency", gettext_lazy("Not this agency's information")  # 非本机关
    UNAVAILABLE = "unavailable", gettext_lazy("Cannot be provided")  # 无法提供 (other kinds)
    REPEAT = "repeat", gettext_lazy("Repeated application")  # 重复申请
    NOT_PROCESSED = "not_processed", gettext_lazy("Not processed")  # 不予处理 (other kinds)
    CLOSED = "closed", gettext_lazy("No longer processed")  # 其他处理: not corrected, fee unpaid, other
    CORRECTION = "correction", gettext_lazy("Correction notice")  # 补正通知
    EXTENSION = "extension", gettext_lazy("Extension notice")  # 延期告知
    CONSULTATION = "consultation", gettext_lazy("Consultation letter")  # 征求意见函
    FEE = "fee", gettext_lazy("Fee notice")  # 收费通知


# Notices go out while the application is open; every other kind is the reply that closes it.
NOTICE_KINDS = frozenset({LetterKind.CORRECTION, LetterKind.EXTENSION, LetterKind.CONSULTATION, LetterKind.FEE})
REPLY_KINDS = frozenset(LetterKind) - NOTICE_KINDS

_LETTER_KINDS = {
    ClosureCode.DISCLOSED: LetterKind.DISCLOSURE,
    ClosureCode.PARTIAL: LetterKind.PARTIAL,
    ClosureCode.UNAVAILABLE_NEEDS_CREATION: LetterKind.UNAVAILABLE,
    ClosureCode.UNAVAILABLE_STILL_UNCLEAR: LetterKind.UNAVAILABLE,
    ClosureCode.NOT_PROCESSED_REPEAT: LetterKind.REPEAT,
    **{code: LetterKind.WITHHELD for code in ClosureCode if code.name.startswith("WITHHELD_")},
    **{code: LetterKind.NOT_PROCESSED for code in ClosureCode
       if code.name.startswith("NOT_PROCESSED_") and code != ClosureCode.NOT_PROCESSED_REPEAT},
    **{code: LetterKind.CLOSED for code in ClosureCode if code.name.startswith("OTHER")},
}
_LETTER_KINDS_BY_DETAIL = {
    ReasonDetail.DOES_NOT_EXIST: LetterKind.NOT_EXIST,
    ReasonDetail.NOT_THIS_AGENCY: LetterKind.NOT_THIS_AGENCY,
}

# Every outcome that refuses the applicant something must give reasons and name its legal basis
# (Arts 36(3), 36(5), 37). Only full disclosure and the catch-all 其他 (e.g. a withdrawal) need neither.
REFUSALS = frozenset(ClosureCode) - {ClosureCode.DISCLOSED, ClosureCode.OTHER}

# Content the applicant receives, so the letter must say how to obtain it (Art 36(1)(2)).
NEEDS_HOW_TO_OBTAIN = frozenset({ClosureCode.DISCLOSED, ClosureCode.PARTIAL})


@dataclass(frozen=True)
class ReportRow:
    """One counting row of table 三, block 三、本年度办理结果."""

    block: str  # "（三）不予公开"
    row_label_zh: str  # "1.属于国家秘密", or "" where the block is itself the row
    codes: tuple  # the ClosureCode values counted here

    @property
    def label(self):
        return self.row_label_zh or self.block

    @property
    def key(self):
        return (self.block, self.row_label_zh)


DISCLOSED_BLOCK = "（一）予以公开"
PARTIAL_BLOCK = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
WITHHELD_BLOCK = "（三）不予公开"
UNAVAILABLE_BLOCK = "（四）无法提供"
NOT_PROCESSED_BLOCK = "（五）不予处理"
OTHER_BLOCK = "（六）其他处理"
TOTAL_LABEL = "（七）总计"

# The other rows of table 三, for whoever lays the table out (rules.md §5.2).
NEW_APPLICATIONS_LABEL = "一、本年新收政府信息公开申请数量"
CARRIED_IN_LABEL = "二、上年结转政府信息公开申请数量"
RESULTS_LABEL = "三、本年度办理结果"
CARRIED_OUT_LABEL = "四、结转下年度继续办理"

C = ClosureCode
TABLE3_ROWS = (
    ReportRow(DISCLOSED_BLOCK, "", (C.DISCLOSED,)),
    ReportRow(PARTIAL_BLOCK, "", (C.PARTIAL,)),
    ReportRow(WITHHELD_BLOCK, "1.属于国家秘密", (C.WITHHELD_STATE_SECRET,)),
    ReportRow(WITHHELD_BLOCK, "2.其他法律行政法规禁止公开", (C.WITHHELD_LAW_FORBIDS,)),
    ReportRow(WITHHELD_BLOCK, "3.危及\"三安全一稳定\"", (C.WITHHELD_SECURITY,)),
    ReportRow(WITHHELD_BLOCK, "4.保护第三方合法权益", (C.WITHHELD_THIRD_PARTY,)),
    ReportRow(WITHHELD_BLOCK, "5.属于三类内部事务信息", (C.WITHHELD_INTERNAL,)),
    ReportRow(WITHHELD_BLOCK, "6.属于四类过程性信息", (C.WITHHELD_PROCESS,)),
    ReportRow(WITHHELD_BLOCK, "7.属于行政执法案卷", (C.WITHHELD_CASE_FILE,)),
    ReportRow(WITHHELD_BLOCK, "8.属于行政查询事项", (C.WITHHELD_ADMIN_QUERY,)),
    ReportRow(UNAVAILABLE_BLOCK, "1.本机关不掌握相关政府信息", (C.UNAVAILABLE_NOT_HELD,)),
    ReportRow(UNAVAILABLE_BLOCK, "2.没有现成信息需要另行制作", (C.UNAVAILABLE_NEEDS_CREATION,)),
    ReportRow(UNAVAILABLE_BLOCK, "3.补正后申请内容仍不明确", (C.UNAVAILABLE_STILL_UNCLEAR,)),
    ReportRow(NOT_PROCESSED_BLOCK, "1.信访举报投诉类申请", (C.NOT_PROCESSED_PETITION,)),
    ReportRow(NOT_PROCESSED_BLOCK, "2.重复申请", (C.NOT_PROCESSED_REPEAT,)),
    ReportRow(NOT_PROCESSED_BLOCK, "3.要求提供公开出版物", (C.NOT_PROCESSED_PUBLICATION,)),
    ReportRow(NOT_PROCESSED_BLOCK, "4.无正当理由大量反复申请", (C.NOT_PROCESSED_EXCESSIVE,)),
    ReportRow(NOT_PROCESSED_BLOCK, "5.要求行政机关确认或重新出具已获取信息", (C.NOT_PROCESSED_CONFIRM,)),
    ReportRow(OTHER_BLOCK, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
              (C.OTHER_NO_CORRECTION,)),
    ReportRow(OTHER_BLOCK, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
              (C.OTHER_FEE_UNPAID,)),
    ReportRow(OTHER_BLOCK, "3.其他", (C.OTHER,)),
)
del C

TABLE3_BLOCKS = tuple(dict.fromkeys(row.block for row in TABLE3_ROWS))


def _code(value, setting):
    """A closure code from a setting: its value ("partial") or its name ("PARTIAL")."""
    if value in ClosureCode.values:
        return ClosureCode(value)
    if isinstance(value, str) and value in ClosureCode.names:
        return ClosureCode[value]
    raise ImproperlyConfigured(f"{setting}: {value!r} is not a closure code; known codes: {', '.join(ClosureCode.values)}")


def table3_rows():
    """The rows of table 三 in table order, each with the codes it counts, after GONGKAI_FOI_TABLE3_OVERRIDES.

    Read on every call, so a changed setting applies at once. An override names an existing row by
    (block, row label) — row label "" for （一） and （二） — and moves the code there; a row left
    without codes simply counts nothing.
    """
    setting = "GONGKAI_FOI_TABLE3_OVERRIDES"
    overrides = getattr(settings, setting, {}) or {}
    rows = {row.key: row for row in TABLE3_ROWS}
    moved = {}
    for value, target in overrides.items():
        code = _code(value, setting)
        target = tuple(target) if isinstance(target, list | tuple) else target
        if target not in rows:
            known = "; ".join(f"{block} / {label or '—'}" for block, label in rows)
            raise ImproperlyConfigured(f"{setting}[{value!r}]: {target!r} is not a row of table 三; rows: {known}")
        moved[code] = target
    return tuple(
        ReportRow(row.block, row.row_label_zh, tuple(
            code for code in ClosureCode
            if moved.get(code, _default_row_key(code)) == row.key
        ))
        for row in TABLE3_ROWS
    )


def _default_row_key(code):
    return next(row.key for row in TABLE3_ROWS if code in row.codes)


def row_for(code):
    """The table-三 row that counts `code` (a ClosureCode or its value)."""
    code = ClosureCode(code)
    return next(row for row in table3_rows() if code in row.codes)


def reason_details(code):
    """The details a code needs to pick its letter; () when the code alone decides."""
    return REASON_DETAILS.get(ClosureCode(code), ())


def outcome_problems(code, detail=""):
    """What is wrong with a (code, detail) pair, as messages for the person choosing it; [] when fine."""
    if code not in ClosureCode.values:
        return [_("“%(code)s” is not a closure code.") % {"code": code}]
    allowed = reason_details(code)
    if allowed and detail not in allowed:
        return [_("Choose one of: %(details)s.") % {"details": ", ".join(str(d.label) for d in allowed)}]
    if not allowed and detail:
        return [_("The decision “%(code)s” takes no further detail.") % {"code": ClosureCode(code).label}]
    return []


def outcome_label(code, detail=""):
    """What a person reads for a stored (code, detail) pair: 予以公开 · 向申请人提供; an unknown code as stored."""
    if code not in ClosureCode.values:
        return code or ""
    label = str(ClosureCode(code).label)
    if detail in ReasonDetail.values:
        label = f"{label} · {ReasonDetail(detail).label}"
    return label


def needs_reasons(code):
    """Whether the reply must state reasons and its legal basis (every refusal, in whole or in part)."""
    return ClosureCode(code) in REFUSALS


def letter_kind_for(code, detail=""):
    """The letter that carries the decision `code` (with `detail` where reason_details asks for one)."""
    problems = outcome_problems(code, detail)
    if problems:
        raise ValueError(" ".join(problems))
    return _LETTER_KINDS_BY_DETAIL.get(detail) or _LETTER_KINDS[ClosureCode(code)]
