"""A year of demo disclosure applications (依申请公开), played through the real FOI services.

About 250 applications arrive over the twelve months before `today` at the Shenyang units, mostly
the city government office, natural resources, finance and the district governments. Each one is a
story — receipt confirmed, perhaps a 补正, a consultation, an extension, a fee notice, a decision
drafted, returned or approved, served, rated, archived — and every step is a call of the real service
(gongkai.foi.services, clocking, deciding) run under a fixed clock at its past date, so the clock
rows, events, lights and annual-report counts are exactly what real use would have produced.

Every closure code (row of table 三) and every status occurs at least once; the rest is drawn with
realistic weights from a seeded generator, so the same `today` always gives the same demo.

Personal data is obviously fake: names 测试申请人001…, identity numbers and credit codes starting
with the region code 000000 (which does not exist, so none can be a real number), phone numbers
starting 000, no e-mail addresses (no receipt mail goes out). Every demo application shares the query
password DEMO_PASSWORD so the public status page can be tried. Idempotent: if any application
carries a demo identity number, nothing is added.
"""

import datetime
import logging
import random
from contextlib import contextmanager
from dataclasses import dataclass, field
from unittest import mock

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.foi import clocking, deciding, fees, intake, services
from gongkai.foi.models import RECEIVED_ON_ARRIVAL, ApplicantType, Application, Channel, Delivery, Status
from gongkai.foi.outcomes import ClosureCode, ReasonDetail
from gongkai.orgs.models import Membership, Role, Unit
from gongkai.workdays.calendar import CalendarYearMissing, WorkCalendar

from .ledger import clock, demo_staff

logger = logging.getLogger(__name__)

DEMO_ID_PREFIX = "000000"  # no Chinese region code is 000000: the marker of demo applicants
DEMO_PASSWORD = "DEMODEMO"
SEED = 2019  # the year of the Regulations
CLOSED_STORIES = 226
ONE_DAY = datetime.timedelta(days=1)
C = ClosureCode

# --- where applications go, and what they ask for ---------------------------------------------------

UNIT_WEIGHTS = {
    "沈阳市人民政府办公室": 14, "沈阳市自然资源局": 18, "沈阳市财政局": 9, "沈阳市发展和改革委员会": 4,
    "沈阳市司法局": 2, "沈阳市营商环境建设局": 3, "沈阳市市场监督管理局": 5, "沈阳市卫生健康委员会": 3,
    "沈阳市交通运输局": 3, "沈阳市文化旅游和广播电视局": 1,
    "沈河区人民政府": 6, "和平区人民政府": 5, "铁西区人民政府": 5, "皇姑区人民政府": 4, "大东区人民政府": 4,
    "浑南区人民政府": 4, "于洪区人民政府": 3, "沈北新区人民政府": 2, "苏家屯区人民政府": 2, "辽中区人民政府": 1,
    "康平县人民政府": 1, "法库县人民政府": 1, "新民市人民政府": 1,
}
DISTRICTS = ["沈河区", "和平区", "铁西区", "皇姑区", "大东区", "浑南区", "于洪区", "沈北新区", "苏家屯区"]
COMMUNITIES = ["幸福里", "和平新村", "北陵", "五里河", "长白岛", "南湖", "万柳塘", "滑翔", "北站", "青年大街东侧"]
TOPICS = ["老旧小区改造", "城市更新", "集中供暖", "地铁线路建设", "营商环境优化", "棚户区改造", "背街小巷整治"]
COMPANIES = ["某建材有限公司", "某物业服务有限公司", "某餐饮管理有限公司", "某汽车销售服务有限公司"]

# What people ask each kind of unit for (the everyday, disclosable requests).
REQUESTS = {
    "office": ["{year}年沈阳市人民政府关于{topic}的实施方案及配套文件", "沈阳市人民政府关于{place}{topic}项目的批复文件",
               "{year}年市政府重点工作任务分解及落实情况", "{year}年度12345政务服务便民热线办理情况统计"],
    "land": ["{place}{community}地块国有建设用地使用权出让合同及规划条件", "{place}{community}项目建设工程规划许可证及附图",
             "{place}{year}年度集体土地征收补偿安置方案", "{place}{community}地块控制性详细规划调整的批复",
             "{place}{year}年土地征收成片开发方案及批准文件"],
    "finance": ["沈阳市{year}年市本级一般公共预算及部门预算", "{year}年市本级“三公”经费预算及决算",
                "{year}年沈阳市政府专项债券发行及资金使用情况", "{place}{community}老旧小区改造项目财政补助资金拨付明细",
                "{year}年市本级政府采购项目中标结果及采购合同"],
    "district": ["{place}{community}老旧小区改造项目的招标文件、中标结果及施工合同",
                 "{place}国有土地上房屋征收决定及征收补偿方案（{community}片区）",
                 "{place}{community}片区征收补偿标准及补偿安置方案", "{place}对{community}周边违法建设作出的限期拆除决定",
                 "{place}{year}年部门预算及“三公”经费", "{place}{community}路段拓宽改造工程的立项批复及资金来源",
                 "{place}{year}年城乡低保资金发放情况", "{place}{community}片区供热管网改造工程招投标情况"],
    "market": ["沈阳市市场监督管理局对{company}作出的行政处罚决定书", "{year}年沈阳市食品安全监督抽检结果",
               "{year}年电梯安全专项检查情况通报"],
    "dev": ["沈阳市{year}年重点建设项目计划", "{place}热电联产项目核准批复文件", "沈阳市居民供暖价格调整的成本监审报告"],
    "justice": ["{year}年沈阳市行政复议案件办理情况统计", "沈阳市行政执法公示制度落实情况"],
    "business": ["{year}年12345热线关于{topic}诉求的办理情况", "沈阳市“一网通办”政务服务事项清单"],
    "health": ["{year}年沈阳市公立医院医疗服务价格调整文件", "{place}社区卫生服务中心建设项目招投标情况"],
    "transport": ["{place}{community}公交线路调整的论证材料及批复", "{year}年城市道路维修工程招投标结果"],
    "culture": ["{year}年文化惠民演出项目政府采购结果"],
}
FAMILIES = [("人民政府办公室", "office"), ("自然资源", "land"), ("财政", "finance"), ("市场监督", "market"),
            ("发展和改革", "dev"), ("司法", "justice"), ("营商", "business"), ("卫生健康", "health"),
            ("交通", "transport"), ("文化旅游", "culture")]


@dataclass(frozen=True)
class Outcome:
    """How one closure code looks in the demo: its weight, where it happens, what was asked, the reply."""

    weight: float
    units: tuple = ()  # preferred units (official names); empty: any unit by UNIT_WEIGHTS
    requests: tuple = ()  # what was asked; empty: the unit's everyday requests
    reasons: str = ""
    grounds: tuple = ()
    detail: str = ""


LAND, OFFICE, FINANCE, MARKET = "沈阳市自然资源局", "沈阳市人民政府办公室", "沈阳市财政局", "沈阳市市场监督管理局"
DISTRICT_GOVS = ("沈河区人民政府", "和平区人民政府", "铁西区人民政府", "皇姑区人民政府", "浑南区人民政府")
WITHHOLD = "art36_3"
OUTCOMES = {
    "disclosed_public": Outcome(18, detail=ReasonDetail.ALREADY_PUBLIC, grounds=("art36_1",)),
    "disclosed_provided": Outcome(22, detail=ReasonDetail.PROVIDED, grounds=("art36_2", "art13")),
    C.PARTIAL: Outcome(15, reasons="所申请信息中涉及第三方个人信息（姓名、身份证号码、联系电话）的内容，公开后会损害第三方合法"
                               "权益，已作区分处理，其余部分予以公开。", grounds=("art37", "art15")),
    C.WITHHELD_STATE_SECRET: Outcome(0.5, (LAND,), ("{place}人民防空工程布局规划图纸",),
                                     "所申请信息已依法确定为国家秘密。", ("art14", WITHHOLD)),
    C.WITHHELD_LAW_FORBIDS: Outcome(1, DISTRICT_GOVS, ("{year}年{place}规模以上工业企业统计调查原始资料（含企业名单及填报数据）",),
                                    "依照《中华人民共和国统计法》第二十五条，能够识别或者推断单个统计调查对象身份的资料不得"
                                    "对外提供。", ("art14", WITHHOLD)),
    C.WITHHELD_SECURITY: Outcome(0.5, (OFFICE,), ("全市重大突发事件应急物资储备库位置及储备明细",),
                                 "所申请信息公开后可能危及公共安全和社会稳定。", ("art14", WITHHOLD)),
    C.WITHHELD_THIRD_PARTY: Outcome(3, (*DISTRICT_GOVS, LAND), ("{place}{community}片区其他被征收人的房屋征收补偿协议",),
                                    "所申请信息涉及其他被征收人的个人隐私，经书面征求第三方意见，第三方不同意公开且理由合理。",
                                    ("art15", "art32", WITHHOLD)),
    C.WITHHELD_INTERNAL: Outcome(1, (OFFICE, FINANCE), ("{year}年机关工作人员考勤记录及内部值班安排",),
                                 "所申请信息属于行政机关内部人事管理和后勤管理信息。", ("art16_1", WITHHOLD)),
    C.WITHHELD_PROCESS: Outcome(2, (OFFICE, "沈阳市发展和改革委员会"), ("市政府研究{topic}问题的会议纪要及相关请示",),
                                "所申请的会议纪要及请示属于履行行政管理职能过程中形成的过程性信息。", ("art16_2", WITHHOLD)),
    C.WITHHELD_CASE_FILE: Outcome(1.5, (MARKET, *DISTRICT_GOVS), ("对{company}违法行为查处的调查笔录、证据材料等执法案卷",),
                                  "所申请信息属于行政执法案卷信息。", ("art16_2", WITHHOLD)),
    C.WITHHELD_ADMIN_QUERY: Outcome(2, (LAND, MARKET), ("{place}{community}某号房屋的不动产登记资料", "{company}的企业登记档案"),
                                    "该类信息的获取有专门规定，请依照不动产登记资料查询或企业登记档案查询的规定，到登记机构办理。",
                                    ("art36_7",)),
    "not_held_missing": Outcome(5, (), ("{place}{community}小区{old_year}年建设时的消防验收文件",
                                        "{place}{community}地块{old_year}年的土地划拨批准文件"),
                                "经检索本机关档案及业务系统，未发现所申请信息。", ("art36_4",), ReasonDetail.DOES_NOT_EXIST),
    "not_held_elsewhere": Outcome(5, (FINANCE, OFFICE, "沈阳市发展和改革委员会"), ("{place}{community}地块的规划设计条件",
                                                                           "{company}的食品经营许可档案"),
                                  "所申请信息不属于本机关负责公开，请向沈阳市自然资源局或沈阳市市场监督管理局申请。",
                                  ("art36_5",), ReasonDetail.NOT_THIS_AGENCY),
    C.UNAVAILABLE_NEEDS_CREATION: Outcome(4, (), ("统计{place}近五年各街道征收补偿金额并按年度汇总分析",
                                                  "汇总{year}年全市各区县（市）{topic}资金使用效益评估数据"),
                                          "所申请信息需要对现有信息进行汇总、加工、分析，本机关不掌握现成信息。", ("art38",)),
    C.UNAVAILABLE_STILL_UNCLEAR: Outcome(1.5, (), ("关于我家附近那个项目的所有文件",),
                                         "申请人补正后，申请内容仍不明确，无法确定所需政府信息。", ("art30",)),
    C.NOT_PROCESSED_PETITION: Outcome(3, DISTRICT_GOVS, ("要求查处{community}小区物业公司违规收费问题并书面答复处理结果",),
                                      "申请人以政府信息公开申请形式提出投诉举报，不作为政府信息公开申请处理，请通过12345热线"
                                      "反映。", ("art39_1",)),
    C.NOT_PROCESSED_REPEAT: Outcome(2, (), (), "申请人曾就相同政府信息提出申请，本机关已作出答复。", ("art36_6",)),
    C.NOT_PROCESSED_PUBLICATION: Outcome(1, (OFFICE,), ("《沈阳市人民政府公报》{year}年全部各期纸质版",),
                                         "所申请信息为政府公报，可在沈阳市人民政府网站“政府公报”栏目或市图书馆查阅。",
                                         ("art39_2",)),
    C.NOT_PROCESSED_EXCESSIVE: Outcome(0.5, (LAND,), (),
                                       "申请人本月申请数量明显超过合理范围，经要求说明理由，所述理由不合理。", ("art35",)),
    C.NOT_PROCESSED_CONFIRM: Outcome(1, DISTRICT_GOVS, ("确认申请人已取得的征收补偿协议复印件与原件一致并重新出具加盖公章的文本",),
                                     "申请内容为要求确认已获取信息并重新出具，不作为政府信息公开申请处理。",
                                     ("art36_6", "art38")),
    C.OTHER_NO_CORRECTION: Outcome(3, (), ("关于拆迁的文件", "所有和我有关的材料")),
    C.OTHER_FEE_UNPAID: Outcome(0.6, (LAND, FINANCE)),
    C.OTHER: Outcome(2, (), (), "申请人于答复前书面撤回申请，本机关终止处理。"),
}


def code_of(outcome):
    """The closure code of an OUTCOMES key (two keys share DISCLOSED and UNAVAILABLE_NOT_HELD)."""
    return {"disclosed_public": C.DISCLOSED, "disclosed_provided": C.DISCLOSED,
            "not_held_missing": C.UNAVAILABLE_NOT_HELD, "not_held_elsewhere": C.UNAVAILABLE_NOT_HELD}.get(
        outcome, outcome)


APPLICANT_TYPES = [(ApplicantType.NATURAL_PERSON, 86), (ApplicantType.BUSINESS, 6), (ApplicantType.LEGAL_SERVICE, 4),
                   (ApplicantType.RESEARCH, 1), (ApplicantType.NONPROFIT, 1), (ApplicantType.OTHER_ORGANISATION, 2)]
NAMES = {ApplicantType.NATURAL_PERSON: "测试申请人{n:03d}", ApplicantType.BUSINESS: "测试企业{n:03d}有限公司",
         ApplicantType.LEGAL_SERVICE: "测试律师事务所{n:03d}", ApplicantType.RESEARCH: "测试研究院{n:03d}",
         ApplicantType.NONPROFIT: "测试公益协会{n:03d}", ApplicantType.OTHER_ORGANISATION: "测试业主委员会{n:03d}"}
CHANNELS = [(Channel.ONLINE, 58), (Channel.IN_PERSON, 15), (Channel.POST_SIGNED, 8), (Channel.POST_ORDINARY, 4),
            (Channel.PLATFORM, 12), (Channel.EMAIL, 2), (Channel.FAX, 1)]
CONFIRM_NOTES = {
    Channel.ONLINE: "经政府信息公开申请系统与申请人双向确认", Channel.PLATFORM: "12345平台转来，电话与申请人确认",
    Channel.POST_ORDINARY: "收到平信当日电话与申请人确认", Channel.EMAIL: "回复电子邮件与申请人确认",
    Channel.FAX: "电话与申请人确认传真已收到",
}
GOOD_COMMENTS = ["答复及时，内容详细。", "工作人员耐心解答，很满意。", "提供的材料很完整，谢谢。", ""]
BAD_COMMENTS = ["答复时间太长。", "没有提供我需要的全部材料。", "理由说明不够清楚。"]
RATING_ANSWER = "感谢您的监督。我们已复核本件办理过程，并将进一步规范答复说明，缩短办理时间。"


# --- one application's story ----------------------------------------------------------------------

@dataclass
class Story:
    n: int  # the demo number: names, identity numbers, phone numbers
    unit: str  # official name of the unit applied to
    outcome: str | None  # an OUTCOMES key; None while the application is open
    open_as: str = ""  # for open ones: the status and light it should show today
    applicant_type: str = ApplicantType.NATURAL_PERSON
    channel: str = Channel.ONLINE
    delivery: str = Delivery.ONLINE
    description: str = ""
    correction: str = ""  # "corrected" or "abandoned"
    consultation: bool = False
    extension: int = 0  # working days
    fee: str = ""  # "paid" or "unpaid"
    transfer_to: str = ""
    part_unit: str = ""
    returned: bool = False
    late: bool = False
    rating: int | None = None
    remedy: tuple = ()  # (kind, result)
    archive: bool | None = None  # None: archived when old enough
    age: tuple = (30, 365)  # calendar days before today the application arrives (closed stories)
    no_handler: bool = False


@dataclass(frozen=True)
class Step:
    day: datetime.date
    action: str
    args: dict = field(default_factory=dict)


@dataclass
class DemoSummary:
    created: int = 0
    skipped: list = field(default_factory=list)  # (demo number, reason) of stories the calendar could not hold
    statuses: dict = field(default_factory=dict)


def load_demo_applications(*, office, today):
    """Create the demo applications for the year before `today`; None if they exist already."""
    if Application.objects.filter(id_number__startswith=DEMO_ID_PREFIX).exists():
        return None
    calendar = WorkCalendar.from_db()
    for day in (today - datetime.timedelta(days=366), today):  # CalendarYearMissing: load the year first
        calendar.is_workday(day)
    rng = random.Random(SEED)
    units = {unit.name: unit for unit in Unit.objects.active()}
    people = Staff(office)
    summary = DemoSummary()
    with transaction.atomic(), shared_password():
        for story in stories(rng, units, today):
            try:
                steps = plan(story, rng, calendar, today)
                with transaction.atomic():  # a story the calendar cannot hold is left out whole
                    play(story, steps, people, units)
            except (CalendarYearMissing, ValidationError) as error:
                logger.warning("demo application %s left out: %s", story.n, error)
                summary.skipped.append((story.n, str(error)))
                continue
            summary.created += 1
    for status in Status.values:
        summary.statuses[status] = Application.objects.filter(
            id_number__startswith=DEMO_ID_PREFIX, status=status).count()
    return summary


@contextmanager
def shared_password():
    """Every demo application gets the query password DEMO_PASSWORD, hashed once (not 250 times)."""
    hashed = make_password(DEMO_PASSWORD)
    with mock.patch.object(intake, "new_password", return_value=DEMO_PASSWORD), \
            mock.patch.object(intake, "hash_password", return_value=hashed):
        yield


# --- choosing the stories -------------------------------------------------------------------------

def stories(rng, units, today):
    """The closed stories (every outcome at least once, three with remedy cases) and the open ones."""
    known = [name for name in UNIT_WEIGHTS if name in units]
    if not known:
        raise ValidationError(_("The Shenyang units are not loaded: load the unit directory first."))
    keys, weights = zip(*((key, outcome.weight) for key, outcome in OUTCOMES.items()))
    chosen = [*OUTCOMES, *rng.choices(keys, weights=weights, k=CLOSED_STORIES - len(OUTCOMES))]
    result = [closed_story(n, key, rng, known, today.year) for n, key in enumerate(chosen, start=1)]
    for story in [s for s in result if s.outcome == "disclosed_provided" and not s.consultation][:2]:
        story.fee, story.late, story.age = "paid", False, (60, 300)  # fees are few (Art 42)
    add_remedies(result)
    # One served and one abandoned case recent enough not to be archived, so both statuses show.
    recent = next(s for s in result if s.outcome == "disclosed_public")
    recent.archive, recent.age = False, (25, 40)
    abandoned = next(s for s in result if s.outcome == C.OTHER_NO_CORRECTION)
    abandoned.archive, abandoned.age = False, (40, 60)
    for open_as, no_handler in OPEN_STORIES:
        result.append(open_story(len(result) + 1, open_as, no_handler, rng, known, today.year))
    return result


def _pick(rng, pairs):
    values, weights = zip(*pairs)
    return rng.choices(values, weights=weights)[0]


def closed_story(n, key, rng, known, year):
    outcome = OUTCOMES[key]
    code = code_of(key)
    preferred = [name for name in outcome.units if name in known]
    unit = rng.choice(preferred) if preferred else _pick(rng, [(name, UNIT_WEIGHTS[name]) for name in known])
    story = Story(n=n, unit=unit, outcome=key)
    _applicant(story, rng, code)
    story.description = describe(rng, unit, year, outcome.requests)
    story.correction = {C.UNAVAILABLE_STILL_UNCLEAR: "corrected", C.OTHER_NO_CORRECTION: "abandoned"}.get(
        code, "corrected" if rng.random() < 0.05 else "")
    story.consultation = code == C.WITHHELD_THIRD_PARTY or (code == C.PARTIAL and rng.random() < 0.5) or (
        code == C.DISCLOSED and rng.random() < 0.04)
    story.fee = "unpaid" if code == C.OTHER_FEE_UNPAID else ""
    # Late replies only where no pause blurs the due date, so that they really are late.
    story.late = not (story.consultation or story.fee or story.correction == "abandoned") and rng.random() < 0.04
    if not story.late and code not in (C.OTHER_NO_CORRECTION, C.OTHER_FEE_UNPAID):
        story.extension = rng.choice([10, 15, 20]) if rng.random() < (0.3 if story.consultation else 0.07) else 0
        story.returned = rng.random() < 0.08
    if unit == OFFICE and code in (C.DISCLOSED, C.PARTIAL) and rng.random() < 0.2:
        story.transfer_to = next((name for name in (LAND, FINANCE) if name in known), "")
    if code == C.DISCLOSED and rng.random() < 0.03:
        story.part_unit = next((name for name in ("沈阳市发展和改革委员会", FINANCE) if name in known and name != unit), "")
    if story.delivery == Delivery.ONLINE and code not in (C.OTHER_NO_CORRECTION, C.OTHER_FEE_UNPAID, C.OTHER) \
            and rng.random() < 0.45:
        story.rating = _pick(rng, [(5, 60), (4, 25), (3, 5), (2, 6), (1, 4)])
    return story


def _applicant(story, rng, code):
    if code in (C.WITHHELD_CASE_FILE, C.WITHHELD_ADMIN_QUERY) and rng.random() < 0.5:
        story.applicant_type = ApplicantType.LEGAL_SERVICE
    elif code in (C.NOT_PROCESSED_EXCESSIVE, C.OTHER_FEE_UNPAID):
        story.applicant_type = ApplicantType.NATURAL_PERSON  # the frequent applicant
    else:
        story.applicant_type = _pick(rng, APPLICANT_TYPES)
    story.channel = _pick(rng, CHANNELS)
    if story.channel == Channel.IN_PERSON:
        story.delivery = _pick(rng, [(Delivery.PICK_UP, 5), (Delivery.POST, 3), (Delivery.ONLINE, 2)])
    elif story.channel in (Channel.POST_SIGNED, Channel.POST_ORDINARY):
        story.delivery = _pick(rng, [(Delivery.POST, 8), (Delivery.ONLINE, 2)])
    else:
        story.delivery = _pick(rng, [(Delivery.ONLINE, 8), (Delivery.POST, 2)])


def describe(rng, unit_name, this_year, requests=()):
    family = next((fam for part, fam in FAMILIES if part in unit_name), "district")
    template = rng.choice(requests or REQUESTS[family])
    place = unit_name.removesuffix("人民政府") if family == "district" else rng.choice(DISTRICTS)
    year = this_year - rng.choice([0, 1, 1, 2])
    return template.format(place=place, community=rng.choice(COMMUNITIES), topic=rng.choice(TOPICS),
                           company=rng.choice(COMPANIES), year=year, old_year=year - rng.randint(15, 25))


def add_remedies(result):
    """Three remedy cases (table 四): a reconsideration upheld, one corrected, a lawsuit pending."""
    wanted = [(C.WITHHELD_PROCESS, ("reconsideration", "upheld")),
              ("not_held_missing", ("reconsideration", "corrected")),
              (C.PARTIAL, ("litigation_direct", "pending"))]
    for key, remedy in wanted:
        story = next(s for s in result if s.outcome == key and not s.remedy)
        story.remedy, story.age = remedy, (200, 330)


# Open applications as they stand today: (what they show, without a handler); a third go to 沈河区,
# whose demo logins (shenhe, shenhe-review) then find work waiting.
OPEN_STORIES = [
    *[("awaiting_confirmation", False)] * 3, *[("green", False)] * 6, ("green", True), ("extended", False),
    *[("yellow", False)] * 3, ("yellow", True), ("red", False), ("red", False), ("red:office", False),
    ("red:office", False), ("awaiting_correction", False), ("awaiting_correction", False), ("consulting", False),
    ("consulting", False), ("awaiting_payment", False), ("awaiting_approval", False), ("awaiting_approval", False),
    ("awaiting_approval:red", False), ("approved", False), ("approved", False),
]


def open_story(n, open_as, no_handler, rng, known, year):
    shenhe = "沈河区人民政府"
    unit = shenhe if shenhe in known and n % 3 == 0 else _pick(rng, [(name, UNIT_WEIGHTS[name]) for name in known])
    story = Story(n=n, unit=unit, outcome=None, open_as=open_as, no_handler=no_handler)
    _applicant(story, rng, None)
    if open_as == "awaiting_confirmation":
        story.channel = rng.choice([Channel.ONLINE, Channel.PLATFORM, Channel.POST_ORDINARY])
    story.description = describe(rng, unit, year)
    return story


# --- planning: the dates of every step, pure arithmetic on the calendar -----------------------------

class Days:
    """Working-day arithmetic for planning (the services recompute every date for themselves)."""

    def __init__(self, calendar):
        self.calendar = calendar

    def after(self, day, n):
        """Working day n after `day`; n = 0: `day` if it is a working day, else the next one."""
        return self.calendar.add_workdays(day, n)

    def before(self, day, n):
        """The working day n working days before `day` (n = 0: the last working day on or before it)."""
        while not self.calendar.is_workday(day):
            day -= ONE_DAY
        for _step in range(n):
            day -= ONE_DAY
            while not self.calendar.is_workday(day):
                day -= ONE_DAY
        return day


def moment(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def plan(story, rng, calendar, today):
    """[Step] of `story` in date order: closed stories end before `today`, open ones on or before it."""
    days = Days(calendar)
    if story.outcome is None:
        return sorted(plan_open(story, rng, days, today), key=lambda step: step.day)
    seed = rng.random()  # the same choices however often the arrival moves back
    arrival = today - datetime.timedelta(days=rng.randint(*story.age))
    for _attempt in range(12):
        steps, closed_on = plan_closed(story, random.Random(seed), days, arrival)
        if closed_on < today:
            steps += plan_afterwards(story, random.Random(seed + 1), days, closed_on, today)
            return sorted(steps, key=lambda step: step.day)  # stable: same-day steps keep their order
        arrival -= (closed_on - today) + datetime.timedelta(days=rng.randint(3, 20))
    raise ValidationError(f"demo story {story.n} does not fit before {today}")


def arrival_and_receipt(story, rng, days, day):
    """When the application arrived and its legal receipt date (rules.md §2.2)."""
    if story.channel == Channel.ONLINE:  # any day, any hour; confirmed on the next working day if late
        at = moment(day, rng.randint(7, 22), rng.choice([5, 20, 35, 50]))
        received = day if days.calendar.is_workday(day) and at.hour < 16 else days.calendar.next_workday(day)
        return at, received
    day = days.after(day, 0)
    at = moment(day, rng.randint(9, 16), rng.choice([0, 15, 30, 45]))
    if story.channel in RECEIVED_ON_ARRIVAL or at.hour < 15:
        return at, day
    return at, days.calendar.next_workday(day)


def _start(story, rng, days, arrival_day):
    at, received = arrival_and_receipt(story, rng, days, arrival_day)
    steps = [Step(at.date(), "arrive", {"at": at})]
    if story.channel not in RECEIVED_ON_ARRIVAL:
        steps.append(Step(received, "confirm"))
    steps.append(Step(received, "assign"))
    return steps, received


def plan_closed(story, rng, days, arrival_day):
    """([Step], the day the case closed): receipt, the optional steps, then a reply served or a closure."""
    steps, received = _start(story, rng, days, arrival_day)
    if story.transfer_to:
        day = days.after(received, 1)
        steps += [Step(day, "transfer"), Step(day, "assign")]
    start = received
    if story.correction:
        notice = days.after(received, rng.randint(1, 3))  # within 7 working days (Art 30)
        steps.append(Step(notice, "clock", {"kind": "correction_requested", "value": notice,
                                            "note": "一次性告知补正：请写明所需信息的名称、文号或其他特征性描述。"}))
        if story.correction == "abandoned":
            closed = days.after(days.after(notice, 15), rng.randint(1, 3))  # after the correction deadline
            return [*steps, Step(closed, "close")], closed
        start = days.after(notice, rng.randint(2, 10))
        steps.append(Step(start, "clock", {"kind": "correction_received", "note": "申请人补正后的申请已收到"}))
    counted, cursor = 0, start  # working days of the period used at `cursor` (an overestimate: safe)
    if story.part_unit:
        steps += [Step(days.after(start, 1), "ask_part", {"due": days.after(start, 10)}),
                  Step(days.after(start, 6), "answer_part")]
    if story.consultation:
        sent = days.after(cursor, 3)
        cursor, counted = days.after(sent, rng.randint(4, 13)), 3
        agreed = code_of(story.outcome) != C.WITHHELD_THIRD_PARTY
        steps += [Step(sent, "clock", {"kind": "consultation_sent", "value": sent, "ref": "第三方",
                                       "note": "书面征求第三方意见"}),
                  Step(cursor, "clock", {"kind": "consultation_answered", "ref": "第三方",
                                         "note": "第三方书面回复：" + ("同意公开" if agreed else "不同意公开")})]
    if story.fee:
        notice = days.after(cursor, 2)
        counted += 2
        steps.append(Step(notice, "clock", {"kind": "fee_notice_sent", "value": notice,
                                            "note": fee_note(rng, by_volume=story.fee == "unpaid")}))
        if story.fee == "unpaid":
            closed = days.after(days.after(notice, 20), rng.randint(1, 2))  # after the payment period
            return [*steps, Step(closed, "close")], closed
        cursor = days.after(notice, rng.randint(3, 12))
        steps.append(Step(cursor, "clock", {"kind": "fee_paid", "note": "申请人已缴纳信息处理费"}))
    budget = 20
    if story.extension:
        cursor = days.after(cursor, 16 - counted)  # well before the original due date
        steps.append(Step(cursor, "extend"))
        counted, budget = 16, 20 + story.extension
    return _reply(story, rng, days, steps, cursor, budget - counted)


def fee_note(rng, *, by_volume):
    """The fee notice's basis and amount (费用办法 Arts 4–5), as computed by gongkai.foi.fees."""
    if by_volume:
        quote = fees.quote_per_page(rng.choice([250, 420, 600]))
        return f"按量计收：复制{quote.quantity}页，信息处理费{fees.format_yuan(quote.amount)}元"
    quote = fees.quote_per_item(rng.randint(31, 45))
    return f"按件计收：申请人本月第{quote.quantity}件申请，信息处理费{fees.format_yuan(quote.amount)}元"


def _reply(story, rng, days, steps, cursor, left):
    """Draft (perhaps returned once), approve, serve: in time, or a few days late when the story says so."""
    slack = 4 if story.returned else 2
    if story.late:
        k = left + rng.randint(0, 3)
    else:
        k = rng.randint(max(1, (left - slack) // 3), left - slack)
    drafted = days.after(cursor, k)
    if story.returned:
        steps += [Step(drafted, "draft"), Step(days.after(drafted, 1), "return")]
        drafted = days.after(drafted, 2)
    approved = days.after(drafted, 1)
    served = days.after(approved, rng.choice([0, 0, 1]))
    return [*steps, Step(drafted, "draft"), Step(approved, "approve"), Step(served, "serve")], served


def plan_afterwards(story, rng, days, closed_on, today):
    """Rating, remedy case and archiving after the case closed; only what happened before `today`."""
    steps = []
    if story.rating:
        rated = closed_on + datetime.timedelta(days=rng.randint(1, 7))
        steps.append(Step(rated, "rate", {"score": story.rating}))
        if story.rating <= 2:
            steps.append(Step(days.after(rated, rng.randint(1, 3)), "answer_rating"))
    if story.remedy:
        kind, result = story.remedy
        filed = closed_on + datetime.timedelta(days=rng.randint(20, 50))
        decided = filed + datetime.timedelta(days=rng.randint(45, 75)) if result != "pending" else None
        if decided is not None and decided >= today:
            result, decided = "pending", None
        steps.append(Step(filed, "remedy", {"kind": kind, "result": result, "decided_on": decided}))
    archive = story.archive if story.archive is not None else (
        (today - closed_on).days > 45 and rng.random() < 0.85)
    if archive:
        steps.append(Step(closed_on + datetime.timedelta(days=rng.randint(15, 40)), "archive"))
    return [step for step in steps if step.day < today]


OPEN_RECEIVED = {  # working days before today the open application was received (due after 20)
    "green": (2, 12), "yellow": (15, 19), "red": (21, 22), "red:office": (25, 28), "extended": (27, 27),
    "awaiting_correction": (3, 5), "consulting": (6, 10), "awaiting_payment": (7, 7),
    "awaiting_approval": (8, 16), "awaiting_approval:red": (22, 22), "approved": (10, 16),
}


def plan_open(story, rng, days, today):
    """The steps that leave an application in `story.open_as` today."""
    last = days.before(today, 0)
    if story.open_as == "awaiting_confirmation":
        day = today - datetime.timedelta(days=rng.randint(1, 3))
        return [Step(day, "arrive", {"at": moment(day, rng.randint(8, 20), 10)})]
    received = days.before(last, rng.randint(*OPEN_RECEIVED[story.open_as]))
    steps, received = _start(story, rng, days, received)
    kind = story.open_as
    if kind == "extended":
        steps.append(Step(days.after(received, 15), "extend"))
    elif kind == "awaiting_correction":
        notice = days.after(received, rng.randint(1, 2))
        steps.append(Step(notice, "clock", {"kind": "correction_requested", "value": notice,
                                            "note": "一次性告知补正：请写明所需信息的名称、文号或其他特征性描述。"}))
    elif kind == "consulting":
        sent = days.after(received, 3)
        steps.append(Step(sent, "clock", {"kind": "consultation_sent", "value": sent, "ref": "第三方",
                                          "note": "书面征求第三方意见"}))
    elif kind == "awaiting_payment":
        notice = days.after(received, 3)
        steps.append(Step(notice, "clock", {"kind": "fee_notice_sent", "value": notice,
                                            "note": fee_note(rng, by_volume=False)}))
    elif kind.startswith("awaiting_approval"):
        steps.append(Step(last, "draft"))
    elif kind == "approved":
        steps += [Step(days.before(last, 1), "draft"), Step(last, "approve")]
    return steps


# --- playing: each step is one call of the real service, at its day ---------------------------------

class Staff:
    """Who acts for a unit: its people with a login where there are some (shenhe, shenhe-review), else
    the demo handler and reviewer of gongkai.demo.ledger.demo_staff(). Applications from the 12345
    platform are registered by the city-wide intake desk (the `intake` login) when there is one."""

    def __init__(self, office):
        self.office = office
        self.pairs = demo_staff()
        desk = Membership.objects.filter(role=Role.INTAKE, user__is_active=True).select_related("user").first()
        self.intake = desk.user if desk else None
        self.logins = {}
        rows = (Membership.objects.filter(role__in=(Role.HANDLER, Role.REVIEWER), user__is_active=True)
                .exclude(user__username__startswith="demo-").select_related("user").order_by("user_id"))
        for membership in rows:
            self.logins.setdefault((membership.unit_id, membership.role), membership.user)

    def handler(self, unit_id):
        return self.logins.get((unit_id, Role.HANDLER)) or self.pairs[unit_id][0]

    def reviewer(self, unit_id):
        return self.logins.get((unit_id, Role.REVIEWER)) or self.pairs[unit_id][1]


def play(story, steps, staff, units):
    application = None
    for step in steps:
        with clock(step.day):
            ACTIONS[step.action](Context(story, application, staff, units, step))
            application = Application.objects.get(pk=(application or _latest(story)).pk)


def _latest(story):
    return Application.objects.get(id_number=demo_id_number(story))


@dataclass
class Context:
    story: Story
    application: Application | None
    staff: Staff
    units: dict
    step: Step

    @property
    def handler(self):
        return self.staff.handler(self.application.handling_unit_id)

    @property
    def reviewer(self):
        return self.staff.reviewer(self.application.handling_unit_id)


def demo_id_number(story):
    """18 characters from the non-existent region 000000: never a real identity number or credit code."""
    if story.applicant_type == ApplicantType.NATURAL_PERSON:
        return f"{DEMO_ID_PREFIX}19{60 + story.n % 40:02d}0101{story.n % 1000:03d}0"
    return f"{DEMO_ID_PREFIX}{story.n:012d}"


def applicant_fields(story):
    person = story.applicant_type == ApplicantType.NATURAL_PERSON
    return {
        "applicant_type": story.applicant_type, "name": NAMES[story.applicant_type].format(n=story.n),
        "id_type": "resident_id" if person else "credit_code", "id_number": demo_id_number(story),
        "phone": f"000{story.n:08d}", "email": "", "address": f"测试地址{story.n:03d}号（演示数据）", "postcode": "110000",
        "description": story.description, "document_number": "", "purpose": "",
        "form": "electronic" if story.delivery == Delivery.ONLINE else "paper", "delivery": story.delivery,
    }


def _arrive(ctx):
    story, at = ctx.story, ctx.step.args["at"]
    unit = ctx.units[story.unit]
    with mock.patch("django.utils.timezone.now", return_value=at):
        if story.channel == Channel.ONLINE:
            services.submit_online(target_unit=unit, fields=applicant_fields(story), now=at)
        else:
            desk = ctx.staff.intake if story.channel == Channel.PLATFORM else None
            services.register(actor=desk or ctx.staff.handler(unit.pk), channel=story.channel, arrived_at=at,
                              target_unit=unit, fields=applicant_fields(story))


def _confirm(ctx):
    services.confirm_receipt(actor=ctx.handler, application=ctx.application, day=ctx.step.day,
                             note=CONFIRM_NOTES[ctx.story.channel])


def _assign(ctx):
    if not ctx.story.no_handler:
        services.assign_handler(actor=ctx.handler, application=ctx.application, handler=ctx.handler)


def _transfer(ctx):
    to = ctx.story.transfer_to
    services.transfer(actor=ctx.handler, application=ctx.application, unit=ctx.units[to],
                      reason=f"所申请信息由{to}制作并保存，依职责转交其办理。")


def _clock(ctx):
    args = ctx.step.args
    clocking.record_step(actor=ctx.handler, application=ctx.application, kind=args["kind"], day=ctx.step.day,
                         value=args.get("value"), note=args.get("note", ""), ref=args.get("ref", ""))


def _extend(ctx):
    """Art 33: the head of the disclosure office consents; the office user records it."""
    clocking.record_step(actor=ctx.staff.office, application=ctx.application, kind="extended", day=ctx.step.day,
                         value=ctx.story.extension or 20,
                         note="需调取档案核实，经政府信息公开工作机构负责人同意延长答复期限，已告知申请人")


def _ask_part(ctx):
    services.ask_part(actor=ctx.handler, application=ctx.application, unit=ctx.units[ctx.story.part_unit],
                      question="请提供本单位掌握的相关部分信息及公开意见。", due_date=ctx.step.args["due"])


def _answer_part(ctx):
    part = ctx.application.parts.get(unit=ctx.units[ctx.story.part_unit])
    services.answer_part(actor=ctx.staff.handler(part.unit_id), part=part, answer="本单位掌握的相关信息可以公开，已随函提供。")


HOW_TO_OBTAIN = {
    Delivery.ONLINE: "随本答复书通过政府信息公开申请系统提供电子文本。",
    Delivery.POST: "随本答复书邮寄纸质复印件。",
    Delivery.PICK_UP: "请于收到本答复书之日起10个工作日内，到本机关政府信息公开受理窗口领取。",
}
ALREADY_PUBLIC = "该信息已在沈阳市人民政府门户网站“政府信息公开”专栏主动公开，可通过网站搜索标题查阅、下载。"


def _draft(ctx):
    story = ctx.story
    key = story.outcome or ("disclosed_provided" if story.n % 4 else C.PARTIAL)  # open ones: the common replies
    outcome, code = OUTCOMES[key], code_of(key)
    how = ""
    if code in (C.DISCLOSED, C.PARTIAL):
        how = ALREADY_PUBLIC if outcome.detail == ReasonDetail.ALREADY_PUBLIC else HOW_TO_OBTAIN[story.delivery]
    deciding.draft_decision(
        actor=ctx.handler, application=ctx.application, closure_code=code, reason_detail=outcome.detail,
        reasons=outcome.reasons, grounds=outcome.grounds, how_to_obtain=how,
        document_number=f"依申请公开〔{ctx.step.day.year}〕{story.n}号",
    )


def _review(ctx, approve):
    decision = ctx.application.decisions.get(status="awaiting_approval")
    deciding.review_decision(actor=ctx.reviewer, decision=decision, approve=approve,
                             comment="" if approve else "请补充所依据的条款，并核对答复期限。")


def _serve(ctx):
    method = {Delivery.ONLINE: "online", Delivery.POST: "post", Delivery.PICK_UP: "in_person"}[ctx.story.delivery]
    deciding.serve(actor=ctx.handler, application=ctx.application, method=method, day=ctx.step.day,
                   postal_tracking=f"DEMO{ctx.story.n:09d}" if method == "post" else "")


def _close(ctx):
    deciding.close_abandoned(actor=ctx.handler, application=ctx.application, today=ctx.step.day)


def _archive(ctx):
    deciding.archive(actor=ctx.handler, application=ctx.application)


def _rate(ctx):
    score = ctx.step.args["score"]
    comments = GOOD_COMMENTS if score >= 4 else BAD_COMMENTS if score <= 2 else [""]
    deciding.rate(application=ctx.application, score=score, comment=comments[ctx.story.n % len(comments)])


def _answer_rating(ctx):
    deciding.answer_rating(actor=ctx.reviewer, rating=ctx.application.rating, answer=RATING_ANSWER)


def _remedy(ctx):
    args = ctx.step.args
    deciding.record_remedy(actor=ctx.handler, application=ctx.application, kind=args["kind"], filed_on=ctx.step.day,
                           result=args["result"], decided_on=args["decided_on"], note="演示案例")


ACTIONS = {
    "arrive": _arrive, "confirm": _confirm, "assign": _assign, "transfer": _transfer, "clock": _clock,
    "extend": _extend, "ask_part": _ask_part, "answer_part": _answer_part, "draft": _draft,
    "return": lambda ctx: _review(ctx, approve=False), "approve": lambda ctx: _review(ctx, approve=True),
    "serve": _serve, "close": _close, "archive": _archive, "rate": _rate, "answer_rating": _answer_rating,
    "remedy": _remedy,
}
