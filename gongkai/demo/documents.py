"""The demo's proactive disclosure: ~200 documents imported from data/documents.jsonl, then what the
format cannot carry, added through the services as units and the office would add it.

* the import itself: `gongkai import-documents`' code (plan, then write), publishing at each 发布日期;
  documents kept back (依申请公开, 不予公开) stay on the staff side as drafts;
* validity links: amended and repealed 规章 and 规范性文件 point at the documents that replaced them, one
  expired, two expire within the month (the tick's warning), some carry a far 有效期;
* interpretations (解读) of most policies — text, 图解 with an image, 简明问答, video — published the
  same day, a few days late, and some policies without any, so 三同步 and 图解全覆盖 have something to say;
* the gazette (政府公报) 2026年第11期 with its articles and PDF, the distribution list, and 第12期 being prepared;
* two special topics: the 2026 营商环境 topic and the finished epidemic topic, archived;
* 沈河区's staff side: drafts, one awaiting review (with an unmasked mobile number for the scan), and a
  published news item withdrawn with its reason.

Past actions run under the demo's clock (ledger.clock), so every event carries the day it happened.
"""

import datetime
import hashlib
import io
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from gongkai.documents import gazette, services, topics
from gongkai.documents.importing.files import FolderFiles
from gongkai.documents.importing.writing import plan_listing, write_plan
from gongkai.documents.models import (
    Category,
    CategoryKind,
    Column,
    DisclosureAttribute,
    Document,
    DocumentState,
    GazetteArticle,
    GazetteIssue,
    GazetteRecipient,
    InterpretationKind,
    Topic,
    Validity,
)
from gongkai.documents.sanitising import plain_text
from gongkai.orgs.models import Unit, User

from .ledger import clock, demo_staff

DATA = Path(__file__).resolve().parent / "data"
DOCUMENTS_FILE = DATA / "documents.jsonl"
ATTACHMENTS_DIR = DATA / "documents"
GAZETTE_YEAR, GAZETTE_NUMBER = 2026, 11

# (replaced document, validity, the document that replaced it) — titles as in the JSONL
SUPERSEDED = (
    ("沈阳市机动车停车管理暂行办法", Validity.REPEALED, "沈阳市停车场管理办法"),
    ("沈阳市人民政府关于印发沈阳市城镇老旧小区改造工作实施方案的通知", Validity.AMENDED,
     "沈阳市人民政府关于印发沈阳市城镇老旧小区改造工作实施方案（2026年修订）的通知"),
    ("沈阳市财政局关于印发沈阳市市级预算绩效管理办法的通知", Validity.AMENDED,
     "沈阳市财政局关于印发沈阳市市级预算绩效管理办法（2026年修订）的通知"),
    ("沈阳市市场监督管理局关于印发沈阳市市场主体登记住所（经营场所）管理办法的通知", Validity.REPEALED,
     "沈阳市市场监督管理局关于印发沈阳市市场主体登记住所（经营场所）申报承诺管理办法的通知"),
)
EXPIRED = (("沈阳市人民政府办公室关于印发沈阳市2025年冬春季呼吸道传染病防控工作方案的通知", datetime.date(2025, 4, 30)),)
# Expiring within the office's warning period (30 days) of the demo's today: the tick's warnings.
EXPIRING_SOON = (("沈阳市人民政府关于印发沈阳市促进消费若干措施的通知", 18),
                 ("沈阳市营商环境建设局关于印发沈阳市惠企政策“免申即享”实施办法（试行）的通知", 26))
LONG_VALID = (("沈阳市人民政府关于印发沈阳市优化营商环境三年行动方案（2025—2027年）的通知", datetime.date(2027, 12, 31)),
              ("沈河区人民政府关于印发沈河区城镇老旧小区改造实施方案（2025—2027年）的通知", datetime.date(2027, 12, 31)),
              ("沈阳市人民政府办公室关于印发沈阳市惠企政策“免申即享”工作实施方案的通知", datetime.date(2028, 2, 29)))

# Policies published without an interpretation (三同步 flags "缺少解读"), and those explained late (days).
UNINTERPRETED = 8
LATE_DAYS = (1, 2, 5, 9)

GAZETTE_LEFT_OUT = "沈阳市人民政府关于印发沈阳市促进消费若干措施的通知"  # 应登尽登 has one gap to show
GAZETTE_RECIPIENTS = (("沈阳市图书馆", "沈阳市皇姑区黄河南大街6号", 5), ("沈阳市档案馆", "沈阳市沈河区市府大路260号", 3),
                      ("沈阳市政务服务中心", "沈阳市浑南区宁波路11号", 10), ("辽宁省图书馆", "沈阳市沈河区青年大街157号", 2),
                      ("沈阳市人大常委会办公厅", "沈阳市沈河区市府大路260号", 2))


@dataclass
class DemoDocuments:
    imported: int = 0
    problems: list = field(default_factory=list)  # (line, message) of rows the import refused
    interpretations: int = 0
    superseded: int = 0
    gazette: GazetteIssue | None = None
    topics: list = field(default_factory=list)


@transaction.atomic
def load_demo_documents(*, office, today):
    """Idempotent: the gazette issue marks a finished load (the import itself also skips what it has)."""
    if GazetteIssue.objects.filter(year=GAZETTE_YEAR, number=GAZETTE_NUMBER).exists():
        return None
    summary = DemoDocuments()
    plan = plan_listing(data=DOCUMENTS_FILE.read_bytes(), filename=DOCUMENTS_FILE.name,
                        files=FolderFiles(ATTACHMENTS_DIR), publish=True)
    summary.problems = [(row.line, message) for row in plan.errors for _field, message in row.problems]
    if summary.problems:
        return summary  # the import writes nothing then: the test names the lines
    write_plan(actor=office, plan=plan, files=FolderFiles(ATTACHMENTS_DIR), filename=DOCUMENTS_FILE.name,
               sha256=hashlib.sha256(DOCUMENTS_FILE.read_bytes()).hexdigest())
    summary.imported = len(plan.new)
    titled = {d.title: d for d in Document.objects.select_related("unit", "genre", "topic")}
    staff = demo_staff()
    summary.superseded = link_validity(office, titled, today)
    summary.interpretations = add_interpretations(staff, today)
    summary.gazette = add_gazette(office, titled)
    summary.topics = add_topics(office, titled)
    staff_side(titled, today)
    return summary


def local_day(moment):
    # Not timezone.localdate(moment): the demo's clock patches it to return the clock's day whatever it is given.
    return moment.astimezone(timezone.get_current_timezone()).date()


def link_validity(office, titled, today):
    for old, validity, new in SUPERSEDED:
        with clock(local_day(titled[new].published_at)):
            services.set_validity(actor=office, document=titled[old], validity=validity, superseded_by=titled[new])
    for title, until in EXPIRED:
        with clock(until + datetime.timedelta(days=1)):
            services.set_validity(actor=office, document=titled[title], validity=Validity.EXPIRED, expires_on=until)
    for title, days in EXPIRING_SOON:
        with clock(local_day(titled[title].published_at)):
            services.set_validity(actor=office, document=titled[title], validity=Validity.IN_FORCE,
                                  expires_on=today + datetime.timedelta(days=days))
    for title, until in LONG_VALID:
        with clock(local_day(titled[title].published_at)):
            services.set_validity(actor=office, document=titled[title], validity=Validity.IN_FORCE, expires_on=until)
    return len(SUPERSEDED)


# --- interpretations ---------------------------------------------------------------------------------


def policy_name(title):
    """What an interpretation calls the policy: the text a notice issues, else the title."""
    match = re.search(r"关于印发(.+)的通知$", title)
    return match.group(1) if match else title


def headings(body):
    """The policy's measures as its body lists them: （一）… and 第…条　… headings."""
    text = plain_text(body)
    found = re.findall(r"（[一二三四五六七八九十]+）([^。（）\n]{2,16})。", text)
    found += re.findall(r"第[一二三四五六七八九十]+条　([^。\n]{2,10})。", text)
    return [h for h in dict.fromkeys(found) if not h.startswith(("加强组织领导", "强化督促检查", "做好宣传引导"))][:6]


def purpose(body):
    text = plain_text(body)
    match = re.search(r"为了?([^，。]{8,80})，根据", text)
    return match.group(1) if match else "进一步做好相关工作"


KIND_CYCLE = (InterpretationKind.GRAPHIC, InterpretationKind.TEXT, InterpretationKind.GRAPHIC, InterpretationKind.QA,
              InterpretationKind.TEXT, InterpretationKind.VIDEO, InterpretationKind.GRAPHIC, InterpretationKind.TEXT)


def interpretation_fields(policy, kind, number):
    name = policy_name(policy.title)
    points = headings(policy.body) or ["主要内容"]
    aim = purpose(policy.body)
    unit = policy.unit.short_name
    if kind == InterpretationKind.GRAPHIC:
        title = f"一图读懂《{name}》"
        body = "\n\n".join([f"图解：《{name}》。", f"出台目的：{aim}。", *[f"要点{i}：{p}" for i, p in enumerate(points, 1)]])
    elif kind == InterpretationKind.QA:
        title = f"《{name}》简明问答"
        body = "\n\n".join([f"问：为什么要出台《{name}》？", f"答：为{aim}，{unit}研究起草了本文件。",
                            "问：主要包括哪些内容？", "答：主要包括" + "、".join(points) + "等方面。",
                            "问：遇到问题向谁咨询？", f"答：可拨打12345政务服务便民热线，或向{unit}咨询。"])
    elif kind == InterpretationKind.VIDEO:
        title = f"视频解读｜《{name}》"
        body = "\n\n".join([f"{unit}有关负责同志通过视频解读《{name}》，介绍出台背景、主要内容和政策亮点。",
                            "主要内容：" + "、".join(points) + "。"])
    else:
        title = f"《{name}》政策解读"
        body = "\n\n".join([
            "一、起草背景", f"为{aim}，{unit}在深入调研、广泛征求意见的基础上，起草了《{name}》。",
            "二、主要内容", *[f"（{'一二三四五六'[i]}）{p}。" for i, p in enumerate(points)],
            "三、政策亮点", "坚持问题导向，聚焦企业和群众反映集中的问题，明确了责任分工和办理时限，增强了政策的可操作性。",
            "四、解读机关", f"解读机关：{policy.unit.name}；解读人：{unit}有关处室负责同志。"])
    fields = {"title": title[:300], "body": body, "genre": category(CategoryKind.GENRE, "政策解读"),
              "topic": policy.topic, "keywords": ["政策解读", *policy.keywords[:2]], "attribute": DisclosureAttribute.PROACTIVE,
              "interprets": policy, "interpretation_kind": kind}
    if kind == InterpretationKind.VIDEO:
        fields["link_url"] = f"https://video.example.com/shenyang/jiedu-{number:03d}.html"
    return fields


def add_interpretations(staff, today):
    """Most policies explained on the day they were published; a few late; UNINTERPRETED never."""
    policies = list(Document.objects.public().policies().filter(genre__needs_interpretation=True)
                    .select_related("unit", "topic").order_by("published_at", "pk"))
    rng = random.Random(17)
    left_out = set(rng.sample(range(len(policies)), UNINTERPRETED))
    late = iter(rng.sample(sorted(set(range(len(policies))) - left_out), len(LATE_DAYS)))
    late_by_index = dict(zip(late, LATE_DAYS, strict=False))
    column = Column.objects.standard().get(slug="interpretations", parent__isnull=True)
    count = 0
    for index, policy in enumerate(policies):
        if index in left_out:
            continue
        handler, reviewer = staff[policy.unit_id]
        kind = KIND_CYCLE[index % len(KIND_CYCLE)]
        day = local_day(policy.published_at) + datetime.timedelta(days=late_by_index.get(index, 0))
        day = min(day, today)
        with clock(day):
            fields = interpretation_fields(policy, kind, index)
            document = services.create_document(actor=handler, unit=policy.unit, fields={**fields, "written_on": day},
                                                columns=[column])
            if kind == InterpretationKind.GRAPHIC:
                services.add_attachment(actor=handler, document=document,
                                        upload=SimpleUploadedFile(f"一图读懂-{index:03d}.png", graphic_png(fields["title"])))
            services.submit_for_review(actor=handler, document=document)
            services.publish(actor=reviewer, document=document)
        count += 1
    return count


_FONT = []


def _font(size):
    """A CJK font for the 图解 image when the system has one (Debian's fonts-noto-cjk); else Pillow's own."""
    from PIL import ImageFont

    if not _FONT:
        for path in ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                     "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"):
            if Path(path).exists():
                _FONT.append(path)
                break
        else:
            _FONT.append(None)
    return ImageFont.truetype(_FONT[0], size) if _FONT[0] else ImageFont.load_default()


def graphic_png(title):
    """A small 图解 poster: a banner with the title and a few coloured bars, as PNG bytes."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (480, 300), "#fdf6ec")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 480, 64), fill="#b3261e")
    font = _font(20)
    draw.text((16, 18), title[:20] if _FONT[0] else "Graphic interpretation", fill="white", font=font)
    for i, colour in enumerate(("#e8a33d", "#4f8a8b", "#6b4e9b", "#2e7d32")):
        draw.rounded_rectangle((24, 88 + i * 50, 24 + 120 + i * 70, 122 + i * 50), radius=6, fill=colour)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def category(kind, name):
    return Category.objects.get(kind=kind, name=name)


# --- the gazette -------------------------------------------------------------------------------------


def add_gazette(office, titled):
    """政府公报 2026年第11期: this year's 规章 and city-government normative documents (one left out, for
    the 应登尽登 check), and the issue's PDF (its cover and contents: the texts are the documents' own)."""
    city = Unit.objects.filter(name__in=("沈阳市人民政府", "沈阳市人民政府办公室"))
    articles = list(Document.objects.public().filter(unit__in=city, published_at__year=GAZETTE_YEAR)
                    .filter(genre__name__in=("规章", "规范性文件")).exclude(title=GAZETTE_LEFT_OUT)
                    .order_by("genre__order", "published_at"))
    articles.append(titled["沈阳市人民政府关于推进沈阳现代化都市圈同城化发展的若干意见"])
    issue = GazetteIssue.objects.create(year=GAZETTE_YEAR, number=GAZETTE_NUMBER, overall_number=523,
                                        published_on=datetime.date(2026, 11, 16), copies_printed=1200,
                                        is_published=True, created_by=office)
    page = 3
    for order, document in enumerate(articles):
        GazetteArticle.objects.create(issue=issue, document=document, order=order, page=page)
        page += 2 + len(plain_text(document.body)) // 900
    pdf = gazette_pdf(issue)
    issue.pdf.save(f"shenyang-gazette-{GAZETTE_YEAR}-{GAZETTE_NUMBER:02d}.pdf", ContentFile(pdf), save=False)
    issue.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    issue.save(update_fields=["pdf", "pdf_sha256"])
    for name, address, copies in GAZETTE_RECIPIENTS:
        GazetteRecipient.objects.get_or_create(name=name, defaults={"address": address, "copies": copies})
    # The next issue is being put together: created, not yet published, so the public does not see it.
    with clock(datetime.date(2026, 12, 1)):
        gazette.create_issue(actor=office, year=GAZETTE_YEAR, number=GAZETTE_NUMBER + 1, overall_number=524,
                             published_on=datetime.date(2026, 12, 16), copies_printed=1200)
    return issue


def gazette_pdf(issue):
    from django.utils.html import escape
    from weasyprint import HTML  # imported here: Pango costs time only this part should pay

    entries = list(issue.entries.select_related("document"))
    contents = "".join(f"<li><span>{escape(e.document.title)}</span><span class='page'>{e.page}</span></li>" for e in entries)
    html = f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 25mm 22mm; @bottom-center {{ content: counter(page); font-size: 10pt; }} }}
body {{ font-family: "Noto Serif CJK SC", serif; font-size: 11pt; line-height: 1.7; }}
.cover {{ text-align: center; page-break-after: always; padding-top: 60mm; }}
.cover h1 {{ font-size: 40pt; color: #b3261e; letter-spacing: 4pt; }}
ol {{ list-style: none; padding: 0; }} li {{ display: flex; justify-content: space-between; }}
h2 {{ text-align: center; font-size: 15pt; }}
</style></head><body>
<div class="cover"><h1>沈阳市人民政府公报</h1><p>{issue.year}年第{issue.number}期（总第{issue.overall_number}期）</p>
<p>沈阳市人民政府办公室编印　{issue.published_on.year}年{issue.published_on.month}月{issue.published_on.day}日</p></div>
<h2>目　录</h2><ol>{contents}</ol></body></html>"""
    return HTML(string=html).write_pdf()


# --- special topics ----------------------------------------------------------------------------------


def add_topics(office, titled):
    units = {u.name: u for u in Unit.objects.filter(name__in=("沈阳市营商环境建设局", "沈阳市卫生健康委员会"))}
    public = list(Document.objects.public().policies())
    with clock(datetime.date(2026, 1, 5)):
        business = topics.create_topic(
            actor=office, unit=units["沈阳市营商环境建设局"], name="2026年优化营商环境专题", slug="yingshang-2026",
            description="集中发布优化营商环境政策文件、惠企政策“免申即享”清单和12345热线运行情况。")
    with clock(datetime.date(2026, 11, 27)):
        topics.add_documents(actor=office, topic=business, documents=[
            d for d in public if local_day(d.published_at).year == 2026
            and {"营商环境", "免申即享", "惠企政策", "12345热线"} & set(d.keywords)])
    with clock(datetime.date(2025, 1, 6)):
        epidemic = topics.create_topic(
            actor=office, unit=units["沈阳市卫生健康委员会"], name="疫情防控专题（2020—2025年）", slug="yiqing",
            description="新冠肺炎疫情防控期间的政策文件、疫情信息和防控指引。")
    with clock(datetime.date(2025, 6, 30)):
        topics.add_documents(actor=office, topic=epidemic, documents=[
            d for d in public if local_day(d.published_at) <= datetime.date(2025, 6, 30)
            and {"疫情防控", "传染病防控", "呼吸道传染病"} & set(d.keywords)])
        topics.archive_topic(actor=office, topic=epidemic)
    return [business, epidemic]


# --- 沈河区's staff side -----------------------------------------------------------------------------


DRAFTS = (
    ("沈河区人民政府关于印发沈河区2027年城镇老旧小区改造计划的通知", "规范性文件", "城乡建设、环境保护", 6,
     "各街道办事处，区政府各部门：\n\n现将《沈河区2027年城镇老旧小区改造计划》印发给你们，请认真组织实施。\n\n"
     "2027年计划改造老旧小区18个，涉及居民6200户，改造内容以供热、供水管网和屋面防水为主。"),
    ("沈河区2026年政务公开工作总结", "计划总结", "综合政务", 2,
     "2026年，沈河区认真落实全市政务公开工作要点，主动公开政府信息1260条，办理依申请公开182件。\n\n（初稿，待补充数据）"),
    ("沈河区关于做好2027年元旦春节期间安全生产工作的通知", "其他政策文件", "市场监管、安全生产监管", 1,
     "各街道办事处，区政府各部门：\n\n元旦、春节将至，为切实做好节日期间安全生产工作，现就有关事项通知如下。"),
)
IN_REVIEW = ("沈河区2026年第四季度社区老年助餐服务补贴发放情况公示", "通知公告", "民政、扶贫、救灾", 3,
             "根据《沈河区社区老年助餐服务管理办法》，现将2026年第四季度社区老年助餐服务补贴发放情况公示如下。\n\n"
             "大南街道助餐点：补贴老年人412人次，经办人联系电话13800138000。\n\n"
             "公示期为5个工作日。对公示内容有异议的，请向区民政局反映。")
WITHDRAWN = ("沈河区社区老年食堂覆盖全部街道", "稿件中老年食堂数量统计有误，经核实后另行发布，原稿撤回。")


def staff_side(titled, today):
    shenhe, reviewer = User.objects.get(username="shenhe"), User.objects.get(username="shenhe-review")
    unit = Unit.objects.get(name="沈河区人民政府")
    for title, genre, topic, days_ago, body in DRAFTS:
        with clock(today - datetime.timedelta(days=days_ago)):
            services.create_document(actor=shenhe, unit=unit, fields=draft_fields(title, genre, topic, body))
    title, genre, topic, days_ago, body = IN_REVIEW
    with clock(today - datetime.timedelta(days=days_ago)):
        document = services.create_document(actor=shenhe, unit=unit, fields=draft_fields(title, genre, topic, body))
        services.submit_for_review(actor=shenhe, document=document)
    title, reason = WITHDRAWN
    published = titled[title]
    with clock(local_day(published.published_at) + datetime.timedelta(days=2)):
        services.withdraw(actor=reviewer, document=published, reason=reason)


def draft_fields(title, genre, topic, body):
    return {"title": title, "body": body, "genre": category(CategoryKind.GENRE, genre),
            "topic": category(CategoryKind.TOPIC, topic), "attribute": DisclosureAttribute.PROACTIVE,
            "written_on": timezone.localdate(), "keywords": []}


def counts():
    """What the demo holds, for the test and the command's summary."""
    return {
        "documents": Document.objects.count(),
        "public": Document.objects.public().count(),
        "interpretations": Document.objects.interpretations().count(),
        "drafts": Document.objects.filter(state=DocumentState.DRAFT).count(),
        "topics": Topic.objects.count(),
    }
