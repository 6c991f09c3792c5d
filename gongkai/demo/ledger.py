"""A mid-year ledger for the demo: the Shenyang plan's tasks re-dated to the current year, worked on.

The 2021 plan itself stays as imported (for browsing). For the dashboard, bulletins and assessment
to show something real *today*, the demo imports the same table for the current year and plays a
realistic history through the real services: reports, sign-offs, returns, acceptances — on time,
late and still open. Past actions happen at past dates by running the services under a fixed clock.
"""

import datetime
import random
import re
from contextlib import contextmanager
from unittest import mock

from django.utils import timezone

from gongkai.ledger.models import Assignment
from gongkai.ledger.services import generate_assignments, submit_report, take_step
from gongkai.orgs.models import Membership, Role, Unit, User
from gongkai.plans import services as plan_services
from gongkai.plans.importing.draft import PlanDraft
from gongkai.plans.models import Plan
from gongkai.uploads import PDF

DEMO_PDF = b"%PDF-1.4\n% Gongkai demo evidence\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@contextmanager
def clock(day):
    """Run services as if it were `day` at 10:00 local time (demo history only)."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))
    with mock.patch("django.utils.timezone.now", return_value=moment), \
            mock.patch("django.utils.timezone.localdate", return_value=day):
        yield


def load_demo_ledger(*, plan_file, office, today):
    title = f"沈阳市{today.year}年政务公开工作要点任务分解表（演示）"
    if Plan.objects.filter(title=title).exists():
        return None
    data = plan_file.read_bytes()
    plan_json = plan_services.parse_plan_file(data=data, filename=plan_file.name, year=today.year)
    plan_json["title"] = title
    plan = plan_services.create_plan(actor=office, draft=PlanDraft.from_json(plan_json),
                                     source_name=plan_file.name, sha256="")
    generate_assignments(actor=office, plan=plan, started_on=datetime.date(today.year, 3, 1))
    play_history(plan, today, random.Random(2021))
    load_demo_reviews(plan=plan, office=office, today=today)
    return plan


def play_history(plan, today, rng):
    staff = demo_staff()
    for assignment in Assignment.objects.in_plan(plan).select_related("unit", "task__item"):
        handler, reviewer = staff.get(assignment.unit_id, (None, None))
        leads = [tu.unit_id for tu in assignment.task.lead_units if tu.unit_id]
        lead = next((staff[u][0] for u in leads if u in staff), staff["office"][0])
        if handler is None or lead is None:
            continue
        play_one(assignment, handler, reviewer or handler, lead, today, rng)


def play_one(assignment, handler, reviewer, lead, today, rng):
    """One assignment's story, chosen at random but always consistent with its due date and today."""
    due = assignment.due_date or datetime.date(today.year, 12, 31)
    roll = rng.random()
    if due < today:
        if roll < 0.6:
            complete(assignment, handler, reviewer, lead, due - datetime.timedelta(days=rng.randint(3, 20)), rng)
        elif roll < 0.75:
            # Completed late, but before today: the lead unit's acceptance two days later is history too.
            late = min(due + datetime.timedelta(days=rng.randint(2, 15)), today - datetime.timedelta(days=3))
            if late > due:
                complete(assignment, handler, reviewer, lead, late, rng)
        elif roll < 0.9:
            report(assignment, handler, reviewer, lead, due - datetime.timedelta(days=10), 60, returned=True)
        # else: nothing reported at all — overdue and silent
        return
    play_open(assignment, handler, reviewer, lead, today, due, roll, rng)


def play_open(assignment, handler, reviewer, lead, today, due, roll, rng):
    """Work not yet due, reported the way units report in monthly rounds: most keep pace with the time
    used (序时进度) or report continuing work (持续推进) in words; some are behind, returned, waiting
    for the lead unit, silent since an early report, or have never reported."""
    start = assignment.started_on
    recent = today - datetime.timedelta(days=rng.randint(4, 16))  # this month's round
    if (recent - start).days < 14:
        return  # too early in the year for anyone to have reported

    def share(day):  # the share of the time used by `day` (calendar days: close enough for a story)
        return max(0, min(100, (day - start).days * 100 // max(1, (due - start).days)))

    def paced(day):
        return max(10, min(95, 5 * round((share(day) + rng.randint(-8, 6)) / 5)))

    earlier = recent - datetime.timedelta(days=rng.randint(55, 75))  # last quarter's round
    has_earlier = (earlier - start).days >= 14
    if roll < 0.1:  # finished early, with evidence
        complete(assignment, handler, reviewer, lead, recent - datetime.timedelta(days=rng.randint(0, 20)), rng)
    elif roll < 0.5:  # keeps pace
        if has_earlier and rng.random() < 0.5:
            report(assignment, handler, reviewer, lead, earlier, paced(earlier))
        report(assignment, handler, reviewer, lead, recent, paced(recent))
    elif roll < 0.64:  # continuing work, reported in words every round (no percentage)
        if has_earlier:
            report(assignment, handler, reviewer, lead, earlier, 0, text=continuing_text(earlier))
        report(assignment, handler, reviewer, lead, recent, 0, text=continuing_text(recent))
    elif roll < 0.72:  # the unit says it is behind
        percent = max(5, 5 * round((share(recent) - rng.randint(30, 45)) / 5))
        report(assignment, handler, reviewer, lead, recent, percent, text=behind_text(percent))
    elif roll < 0.8:  # returned by the lead unit, to be corrected
        report(assignment, handler, reviewer, lead, recent, paced(recent), returned=True)
    elif roll < 0.9:  # signed off by the unit, waiting for the lead unit's decision
        report(assignment, handler, reviewer, lead, recent, paced(recent), decide=False)
    elif roll < 0.96:  # reported once early in the year, silent since
        early = start + datetime.timedelta(days=rng.randint(30, 60))
        if (today - early).days > 60:
            report(assignment, handler, reviewer, lead, early, paced(early))
    # else: never reported


def complete(assignment, handler, reviewer, lead, day, rng):
    if rng.random() < 0.3:  # returned once before it was accepted
        report(assignment, handler, reviewer, lead, day - datetime.timedelta(days=5), 100, final=True, returned=True)
    report(assignment, handler, reviewer, lead, day, 100, final=True, text=completion_text(assignment, rng))


def report(assignment, handler, reviewer, lead, day, percent, *, final=False, returned=False, decide=True, text=None):
    from django.core.files.uploadedfile import SimpleUploadedFile

    files = [SimpleUploadedFile(f"{assignment.unit.short_name}-落实情况{PDF.extension}", DEMO_PDF)] if final else []
    with clock(day):
        filed = submit_report(actor=handler, assignment=assignment, text=text or progress_text(percent, final),
                              percent=percent, is_final=final, files=files)
    with clock(day + datetime.timedelta(days=1)):
        take_step(actor=reviewer, report=filed, step="sign_off")
    if not decide:
        return
    with clock(day + datetime.timedelta(days=2)):
        if returned:
            take_step(actor=lead, report=filed, step="return", comment="请补充公开网址和截图，说明覆盖范围。")
        else:
            take_step(actor=lead, report=filed, step="accept")


def progress_text(percent, final):
    if final:
        return "任务已全部完成，相关信息已在政府信息公开平台对应栏目发布，附证明材料。"
    if percent >= 80:
        return f"主要工作已基本完成，正在查漏补缺、整理佐证材料，完成约{percent}%。"
    if percent >= 40:
        return f"已按工作方案推进，相关栏目和信息正在逐项更新，完成约{percent}%。"
    return f"已完成工作方案制定和任务分工，正在推进中，完成约{percent}%。"


COMPLETION_WAYS = (
    "在政府门户网站开设专栏，集中发布{count}条相关信息，并同步推送至政务新媒体",
    "制定工作方案、明确责任科室，逐项对照公开标准目录完成{count}项内容的梳理和更新",
    "组织专题培训{count}场，编印操作指引，相关信息已在政府信息公开平台对应栏目发布",
    "建立月调度机制，对{count}个栏目逐一核查整改，做到应公开尽公开",
)


def completion_text(assignment, rng):
    """What a unit writes when it reports a task done: the task in a few words and how it was done (the
    evidence is attached, not described)."""
    task = assignment.task.text.replace("<p>", "").replace("</p>", "")
    subject = re.split(r"[，。、；\s]", task.strip())[0][:30]
    way = rng.choice(COMPLETION_WAYS).format(count=rng.randint(3, 40))
    return f"围绕“{subject}”，{way}。"


def continuing_text(day):
    return (f"持续推进：{day.month}月在政府信息公开平台发布相关信息，对应栏目按要求及时更新，"
            "无阶段性完成比例。")


def behind_text(percent):
    return (f"受机构调整和专项工作影响，进度滞后，完成约{percent}%；已明确专人负责，"
            "力争年底前完成。")


def demo_staff():
    """unit id → (handler, reviewer), plus "office": the people whose actions make up the history.

    Each unit gets a demo handler and reviewer without a usable password: they appear in histories
    but cannot log in. The printed demo logins are separate (loader.DEMO_PEOPLE).
    """
    staff = {}
    for unit in Unit.objects.active():
        pair = []
        for role, suffix, title in ((Role.HANDLER, "h", "经办人"), (Role.REVIEWER, "r", "审核人")):
            username = f"demo-{unit.pk}-{suffix}"
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(username=username, display_name=f"{unit.short_name}{title}")
                user.set_unusable_password()
                user.save()
                Membership.objects.create(user=user, unit=unit, role=role)
            pair.append(user)
        staff[unit.pk] = tuple(pair)
    office = User.objects.filter(username="office").first()
    if office:
        staff["office"] = (office, office)
    return staff


def load_demo_reviews(*, plan, office, today):
    """The last finished quarter's bulletin (draft, with good practices) and a draft assessment."""
    from gongkai.assessment.services import add_indicator, create_scheme
    from gongkai.bulletins.numbering import compose, configured_prefix
    from gongkai.bulletins.services import add_good_practice, generate_bulletin, practice_candidates, update_bulletin

    quarter = (today.month - 1) // 3  # the last finished quarter (0 = none yet this year)
    if quarter:
        start = datetime.date(today.year, 3 * quarter - 2, 1)
        end = datetime.date(today.year, 3 * quarter + 1, 1) - datetime.timedelta(days=1)
        bulletin = generate_bulletin(
            actor=office, plan=plan, title=f"沈阳市{today.year}年第{'一二三'[quarter - 1]}季度政务公开工作通报（演示）",
            period_start=start, period_end=end, number=compose(configured_prefix(), today.year, quarter),
        )
        featured, units = {}, set()  # three practices of three tasks and three units, as an office chooses
        for report in practice_candidates(bulletin).filter(is_final=True):
            if report.assignment.task_id not in featured and report.assignment.unit_id not in units:
                featured[report.assignment.task_id] = report
                units.add(report.assignment.unit_id)
            if len(featured) == 3:
                break
        for report in featured.values():
            add_good_practice(actor=office, bulletin=bulletin, report=report)
        update_bulletin(actor=office, bulletin=bulletin, next_steps_text=(
            "对逾期未完成任务的单位逐一督办，限期完成整改并报送整改情况。\n"
            "对进度滞后的任务实行按月调度，牵头单位加强统筹，确保年底前全面完成工作要点各项任务。"))
    scheme = create_scheme(actor=office, plan=plan, title=f"{today.year}年度政务公开工作考核（演示）")
    for name, weight, rule, parameter in (
        ("任务按期完成率", 60, "completion_rate", 0),
        ("逾期任务扣分", 20, "deduct_per_overdue", 2),
        ("报送质量（被退回扣分）", 10, "deduct_per_return", 1),
        ("日常工作评价", 10, "manual", 0),
    ):
        add_indicator(actor=office, scheme=scheme, name=name, weight=weight, rule=rule, parameter=parameter)
