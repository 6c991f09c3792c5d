"""The library of legal grounds a reply or notice can cite: article, short title, quoted text, and fit.

Each entry quotes the one paragraph (款) or item (项) of the 2019 Regulations (国务院令第711号) that the
letter relies on, so the letter can cite it as 《中华人民共和国政府信息公开条例》第十四条“……”. The text
is taken from the copy that rules.md §0 names (LawRefBook/Laws, 政府信息公开条例(2019-04-03).md), with
the official full-width item numbers （一）.
CHECK THE WORDING AGAINST THE OFFICIAL TEXT (国务院公报 / 中国政府网) BEFORE RELEASE: a letter quoting the
law wrongly is itself a defect in a reply.

`codes` says which closure codes a ground fits (grounds_for offers them when staff pick the legal
basis); `kinds` says which notices cite it; `details` narrows a ground to one reason detail. The fit is
advice for the picker, not a rule: staff may cite any ground. 不予处理 5 (确认或重新出具) has no article
of its own (rules.md §2.8: "format only"); Arts 38 and 36(6) are offered as the nearest.

The 费用办法 (国办函〔2020〕109号) is not quoted: only a summary of it is at hand. Fee notices name it in
their stated basis instead (letters.DEFAULT_FEE_BASIS).
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .outcomes import ClosureCode as C
from .outcomes import LetterKind as K
from .outcomes import ReasonDetail as D

REGULATION = "《中华人民共和国政府信息公开条例》"


@dataclass(frozen=True)
class Ground:
    key: str
    article: str  # "第十四条", "第三十六条第（三）项"
    title: str  # short Chinese title for the picker
    text: str  # the quoted words, without the closing 。 or ；
    codes: frozenset = frozenset()
    kinds: frozenset = frozenset()
    details: frozenset = frozenset()  # empty: fits every detail of its codes

    @property
    def citation(self):
        return REGULATION + self.article

    def fits(self, code, detail=""):
        return code in self.codes and (not self.details or not detail or detail in self.details)


WITHHELD = {C.WITHHELD_STATE_SECRET, C.WITHHELD_LAW_FORBIDS, C.WITHHELD_SECURITY, C.WITHHELD_THIRD_PARTY,
            C.WITHHELD_INTERNAL, C.WITHHELD_PROCESS, C.WITHHELD_CASE_FILE}


def _ground(key, article, title, text, codes=(), kinds=(), details=()):
    return Ground(key, article, title, text, frozenset(codes), frozenset(kinds), frozenset(details))


GROUNDS = (
    _ground("art13", "第十三条第一款", "政府信息以公开为原则",
            "除本条例第十四条、第十五条、第十六条规定的政府信息外，政府信息应当公开",
            codes=[C.DISCLOSED, C.PARTIAL]),
    _ground("art14", "第十四条", "国家秘密、法律行政法规禁止公开及危及“三安全一稳定”的信息",
            "依法确定为国家秘密的政府信息，法律、行政法规禁止公开的政府信息，以及公开后可能危及国家安全、"
            "公共安全、经济安全、社会稳定的政府信息，不予公开",
            codes=[C.WITHHELD_STATE_SECRET, C.WITHHELD_LAW_FORBIDS, C.WITHHELD_SECURITY, C.PARTIAL]),
    _ground("art15", "第十五条", "涉及第三方合法权益的信息",
            "涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开。但是，"
            "第三方同意公开或者行政机关认为不公开会对公共利益造成重大影响的，予以公开",
            codes=[C.WITHHELD_THIRD_PARTY, C.PARTIAL, C.DISCLOSED]),
    _ground("art16_1", "第十六条第一款", "内部事务信息",
            "行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等方面的信息，可以不予公开",
            codes=[C.WITHHELD_INTERNAL, C.PARTIAL]),
    _ground("art16_2", "第十六条第二款", "过程性信息和行政执法案卷信息",
            "行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息以及"
            "行政执法案卷信息，可以不予公开。法律、法规、规章规定上述信息应当公开的，从其规定",
            codes=[C.WITHHELD_PROCESS, C.WITHHELD_CASE_FILE, C.PARTIAL]),
    _ground("art30", "第三十条", "申请内容不明确的补正",
            "政府信息公开申请内容不明确的，行政机关应当给予指导和释明，并自收到申请之日起7个工作日内一次性"
            "告知申请人作出补正，说明需要补正的事项和合理的补正期限。答复期限自行政机关收到补正的申请之日起"
            "计算。申请人无正当理由逾期不补正的，视为放弃申请，行政机关不再处理该政府信息公开申请",
            codes=[C.UNAVAILABLE_STILL_UNCLEAR, C.OTHER_NO_CORRECTION], kinds=[K.CORRECTION]),
    _ground("art32", "第三十二条", "征求第三方意见",
            "依申请公开的政府信息公开会损害第三方合法权益的，行政机关应当书面征求第三方的意见。第三方应当自"
            "收到征求意见书之日起15个工作日内提出意见。第三方逾期未提出意见的，由行政机关依照本条例的规定"
            "决定是否公开。第三方不同意公开且有合理理由的，行政机关不予公开。行政机关认为不公开可能对公共利益"
            "造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知第三方",
            codes=[C.WITHHELD_THIRD_PARTY, C.PARTIAL, C.DISCLOSED], kinds=[K.CONSULTATION]),
    _ground("art33_2", "第三十三条第二款", "答复期限及其延长",
            "行政机关不能当场答复的，应当自收到申请之日起20个工作日内予以答复；需要延长答复期限的，应当经"
            "政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日",
            kinds=[K.EXTENSION]),
    _ground("art33_3", "第三十三条第三款", "征求意见时间不计入答复期限",
            "行政机关征求第三方和其他机关意见所需时间不计算在前款规定的期限内",
            kinds=[K.CONSULTATION, K.EXTENSION]),
    _ground("art34", "第三十四条", "征求共同制作机关意见",
            "申请公开的政府信息由两个以上行政机关共同制作的，牵头制作的行政机关收到政府信息公开申请后可以"
            "征求相关行政机关的意见，被征求意见机关应当自收到征求意见书之日起15个工作日内提出意见，逾期未"
            "提出意见的视为同意公开",
            kinds=[K.CONSULTATION]),
    _ground("art35", "第三十五条", "申请数量、频次明显超过合理范围",
            "申请人申请公开政府信息的数量、频次明显超过合理范围，行政机关可以要求申请人说明理由。行政机关"
            "认为申请理由不合理的，告知申请人不予处理；行政机关认为申请理由合理，但是无法在本条例第三十三条"
            "规定的期限内答复申请人的，可以确定延迟答复的合理期限并告知申请人",
            codes=[C.NOT_PROCESSED_EXCESSIVE], kinds=[K.EXTENSION]),
    _ground("art36_1", "第三十六条第（一）项", "已经主动公开",
            "所申请公开信息已经主动公开的，告知申请人获取该政府信息的方式、途径",
            codes=[C.DISCLOSED], details=[D.ALREADY_PUBLIC]),
    _ground("art36_2", "第三十六条第（二）项", "可以公开",
            "所申请公开信息可以公开的，向申请人提供该政府信息，或者告知申请人获取该政府信息的方式、途径和时间",
            codes=[C.DISCLOSED, C.PARTIAL], details=[D.PROVIDED]),
    _ground("art36_3", "第三十六条第（三）项", "决定不予公开",
            "行政机关依据本条例的规定决定不予公开的，告知申请人不予公开并说明理由",
            codes=[*WITHHELD, C.PARTIAL]),
    _ground("art36_4", "第三十六条第（四）项", "信息不存在",
            "经检索没有所申请公开信息的，告知申请人该政府信息不存在",
            codes=[C.UNAVAILABLE_NOT_HELD], details=[D.DOES_NOT_EXIST]),
    _ground("art36_5", "第三十六条第（五）项", "不属于本机关负责公开",
            "所申请公开信息不属于本行政机关负责公开的，告知申请人并说明理由；能够确定负责公开该政府信息的"
            "行政机关的，告知申请人该行政机关的名称、联系方式",
            codes=[C.UNAVAILABLE_NOT_HELD], details=[D.NOT_THIS_AGENCY]),
    _ground("art36_6", "第三十六条第（六）项", "重复申请",
            "行政机关已就申请人提出的政府信息公开申请作出答复、申请人重复申请公开相同政府信息的，告知申请人"
            "不予重复处理",
            codes=[C.NOT_PROCESSED_REPEAT, C.NOT_PROCESSED_CONFIRM]),
    _ground("art36_7", "第三十六条第（七）项", "有特别规定的信息获取（行政查询事项）",
            "所申请公开信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定的，告知"
            "申请人依照有关法律、行政法规的规定办理",
            codes=[C.WITHHELD_ADMIN_QUERY]),
    _ground("art37", "第三十七条", "区分处理",
            "申请公开的信息中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理的，行政机关应当向"
            "申请人提供可以公开的政府信息内容，并对不予公开的内容说明理由",
            codes=[C.PARTIAL]),
    _ground("art38", "第三十八条", "提供已制作或者获取的政府信息",
            "行政机关向申请人提供的信息，应当是已制作或者获取的政府信息。除依照本条例第三十七条的规定能够作"
            "区分处理的外，需要行政机关对现有政府信息进行加工、分析的，行政机关可以不予提供",
            codes=[C.UNAVAILABLE_NEEDS_CREATION, C.NOT_PROCESSED_CONFIRM]),
    _ground("art39_1", "第三十九条第一款", "以申请形式进行信访、投诉、举报",
            "申请人以政府信息公开申请的形式进行信访、投诉、举报等活动，行政机关应当告知申请人不作为政府信息"
            "公开申请处理并可以告知通过相应渠道提出",
            codes=[C.NOT_PROCESSED_PETITION]),
    _ground("art39_2", "第三十九条第二款", "要求提供公开出版物",
            "申请人提出的申请内容为要求行政机关提供政府公报、报刊、书籍等公开出版物的，行政机关可以告知获取的"
            "途径",
            codes=[C.NOT_PROCESSED_PUBLICATION]),
    _ground("art40", "第四十条", "提供政府信息的形式",
            "行政机关依申请公开政府信息，应当根据申请人的要求及行政机关保存政府信息的实际情况，确定提供政府"
            "信息的具体形式；按照申请人要求的形式提供政府信息，可能危及政府信息载体安全或者公开成本过高的，"
            "可以通过电子数据以及其他适当形式提供，或者安排申请人查阅、抄录相关政府信息",
            codes=[C.DISCLOSED, C.PARTIAL]),
    _ground("art42", "第四十二条第一款", "信息处理费",
            "行政机关依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次明显超过合理"
            "范围的，行政机关可以收取信息处理费",
            codes=[C.OTHER_FEE_UNPAID], kinds=[K.FEE]),
)
del C, D, K

BY_KEY = {ground.key: ground for ground in GROUNDS}


class UnknownGround(KeyError):
    def __str__(self):
        return _("“%(key)s” is not in the library of legal grounds.") % {"key": self.args[0]}


def get(key):
    """The ground with `key`; UnknownGround (a KeyError with a readable message) if there is none."""
    try:
        return BY_KEY[key]
    except KeyError:
        raise UnknownGround(key) from None


def resolve(grounds):
    """Grounds given as Ground objects or keys, as Ground objects, in the order given, without repeats."""
    resolved = [ground if isinstance(ground, Ground) else get(ground) for ground in grounds]
    return list(dict.fromkeys(resolved))


def grounds_for(code, detail=""):
    """The grounds that fit closure `code` (narrowed by `detail` where one is given), in library order."""
    return [ground for ground in GROUNDS if ground.fits(code, detail)]


def grounds_for_kind(kind):
    """The grounds a notice of `kind` cites."""
    return [ground for ground in GROUNDS if kind in ground.kinds]


def choices(code=None, detail=""):
    """(key, label) pairs for a form field: every ground, or those fitting `code`."""
    grounds = GROUNDS if code is None else grounds_for(code, detail)
    return [(ground.key, f"{ground.article} {ground.title}") for ground in grounds]
