"""A mid-year ledger for the demo: the Shenyang plan's tasks re-dated to the current year, worked on.

The 2021 plan itself stays as imported (for browsing). For the dashboard, bulletins and assessment
to show something real *today*, the demo imports the same table for the current year and plays a
realistic history through the real services: reports, sign-offs, returns, acceptances — on time,
late and still open. Past actions happen at past dates by running the services under a fixed clock.
"""

import datetime
import random
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
            complete(assignment, handler, reviewer, lead, due + datetime.timedelta(days=rng.randint(2, 15)), rng)
        elif roll < 0.9:
            report(assignment, handler, reviewer, lead, due - datetime.timedelta(days=10), 60, returned=True)
        # else: nothing reported at all — overdue and silent
    elif roll < 0.5:
        report(assignment, handler, reviewer, lead, min(today, due) - datetime.timedelta(days=7), rng.choice([30, 50, 70]))
    elif roll < 0.6:
        report(assignment, handler, reviewer, lead, today - datetime.timedelta(days=5), 40, returned=True)
    elif roll < 0.7:  # signed off by the unit, waiting for the lead unit's decision
        report(assignment, handler, reviewer, lead, today - datetime.timedelta(days=3), 80, decide=False)


def complete(assignment, handler, reviewer, lead, day, rng):
    if rng.random() < 0.3:  # returned once before it was accepted
        report(assignment, handler, reviewer, lead, day - datetime.timedelta(days=5), 100, final=True, returned=True)
    report(assignment, handler, reviewer, lead, day, 100, final=True)


def report(assignment, handler, reviewer, lead, day, percent, *, final=False, returned=False, decide=True):
    from django.core.files.uploadedfile import SimpleUploadedFile

    files = [SimpleUploadedFile(f"{assignment.unit.short_name}-落实情况{PDF.extension}", DEMO_PDF)] if final else []
    with clock(day):
        filed = submit_report(actor=handler, assignment=assignment, text=progress_text(percent, final), percent=percent,
                              is_final=final, files=files)
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
    return f"已完成工作方案制定和任务分工，正在推进中，完成约{percent}%。"


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
    from gongkai.bulletins.services import add_good_practice, generate_bulletin, practice_candidates

    quarter = (today.month - 1) // 3  # the last finished quarter (0 = none yet this year)
    if quarter:
        start = datetime.date(today.year, 3 * quarter - 2, 1)
        end = datetime.date(today.year, 3 * quarter + 1, 1) - datetime.timedelta(days=1)
        bulletin = generate_bulletin(
            actor=office, plan=plan, title=f"沈阳市{today.year}年第{'一二三'[quarter - 1]}季度政务公开工作通报（演示）",
            period_start=start, period_end=end, number=f"〔{today.year}〕{quarter}号",
        )
        for report in list(practice_candidates(bulletin))[:3]:
            add_good_practice(actor=office, bulletin=bulletin, report=report)
    scheme = create_scheme(actor=office, plan=plan, title=f"{today.year}年度政务公开工作考核（演示）")
    for name, weight, rule, parameter in (
        ("任务按期完成率", 60, "completion_rate", 0),
        ("逾期任务扣分", 20, "deduct_per_overdue", 2),
        ("报送质量（被退回扣分）", 10, "deduct_per_return", 1),
        ("日常工作评价", 10, "manual", 0),
    ):
        add_indicator(actor=office, scheme=scheme, name=name, weight=weight, rule=rule, parameter=parameter)
