"""The demo's ledger on 2 December 2026, as the office meets it: all three lights, each for a reason a
person accepts (issue 8: with 序时进度 every open task used to be yellow, 0 green of 514); and the
bulletin and ranking made from it name units as people know them.

The demo is loaded as `gongkai demo` does (without the disclosure applications, which have tests of
their own) under the pinned clock of the demo's history; it is loaded once, for both halves.
"""

import datetime
from collections import Counter
from unittest import mock

from django.utils import timezone, translation

from gongkai.assessment.models import Scheme
from gongkai.assessment.results import ranking
from gongkai.bulletins.content import bulletin_content
from gongkai.bulletins.models import Bulletin
from gongkai.demo.ledger import clock
from gongkai.demo.loader import load_demo
from gongkai.events.models import Event
from gongkai.ledger.models import Assignment, ProgressReport
from gongkai.notifications.models import Notification
from gongkai.plans.models import Plan
from gongkai.supervision import queries
from gongkai.supervision.dashboard import city_dashboard
from gongkai.supervision.lights import Colour, Why
from gongkai.supervision.models import LightSettings
from gongkai.workdays.calendar import WorkCalendar

TODAY = datetime.date(2026, 12, 2)
GREEN_REASONS = {Why.ON_PACE, Why.ON_PACE_TODAY, Why.CONTINUING, Why.NO_DEADLINE, Why.TIME_LEFT}


def test_the_demo_on_2_december(db):
    # Migrations write events at the real time, which may be past midnight in Shanghai: only the demo's count.
    before_demo = Event.objects.order_by("-id").values_list("id", flat=True).first() or 0
    with clock(TODAY), mock.patch("gongkai.demo.loader.load_demo_applications"):
        load_demo()
    plan = Plan.objects.get(title="沈阳市2026年政务公开工作要点任务分解表（演示）")
    green_yellow_and_red_each_for_its_reason(plan)
    bulletin_and_ranking_name_units_as_people_know_them(plan)
    nothing_happened_after_today(before_demo)


def nothing_happened_after_today(before_demo):
    """The demo's history ends before today: no report, event or notification dated in the future."""
    end_of_today = timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time.max))
    assert not ProgressReport.objects.filter(created_at__gt=end_of_today).exists()
    assert not Event.objects.filter(id__gt=before_demo, created_at__gt=end_of_today).exists()
    assert not Notification.objects.filter(created_at__gt=end_of_today).exists()


def green_yellow_and_red_each_for_its_reason(plan):
    thresholds = LightSettings.current().thresholds
    calendar = WorkCalendar.from_db()
    rows = list(queries.fact_values(Assignment.objects.in_plan(plan), "id"))
    pairs = queries.lit(rows, today=TODAY, calendar=calendar, thresholds=thresholds)
    colours = Counter(light.colour for _row, light in pairs)

    # All three colours, and more open work green than yellow: December is not a sea of yellow.
    assert colours[Colour.RED] and colours[Colour.YELLOW] and colours[Colour.GREEN]
    assert colours[Colour.GREEN] > colours[Colour.YELLOW]
    board = city_dashboard(plan=plan, today=TODAY, calendar=calendar, thresholds=thresholds)
    assert (board.totals["green"], board.totals["yellow"], board.totals["red"]) == (
        colours[Colour.GREEN], colours[Colour.YELLOW], colours[Colour.RED])

    for row, light in pairs:
        whys = {reason.why for reason in light.reasons}
        if light.colour == Colour.RED:
            assert Why.OVERDUE in whys and row["due_date"] < TODAY
        elif light.colour == Colour.YELLOW:
            assert whys & {Why.DUE_SOON, Why.BEHIND, Why.NOT_REPORTED, Why.RETURNED}, row
        elif light.colour == Colour.GREEN:
            assert len(light.reasons) == 1 and whys <= GREEN_REASONS, row
        if row["reported_on"] is None and light.colour not in (Colour.DONE, Colour.RED):
            # Nine months without a word on work due this month is a warning, not green.
            assert light.has(Why.NOT_REPORTED), row

    # Every kind of reason occurs, and reads in Chinese with the report's day and share.
    reasons = Counter(reason.why for _row, light in pairs for reason in light.reasons)
    for why in (Why.OVERDUE, Why.RETURNED, Why.BEHIND, Why.NOT_REPORTED, Why.ON_PACE, Why.CONTINUING):
        assert reasons[why], why
    with translation.override("zh-hans"):
        texts = {reason.why: str(reason) for _row, light in pairs for reason in light.reasons}
    assert texts[Why.ON_PACE].startswith("进度正常：") and "月" in texts[Why.ON_PACE]
    assert texts[Why.CONTINUING].startswith("持续推进，")
    assert texts[Why.BEHIND].startswith("落后序时进度 ")
    assert "未报送进展" in texts[Why.NOT_REPORTED]
    assert texts[Why.OVERDUE].startswith("已逾期 ")

    # Reports that make sense for the time of year: the open year-end work that reported in the last
    # month mostly says it is well on (or is continuing work described in words).
    recent = [row["reported_percent"] for row, light in pairs
              if light.colour != Colour.DONE and row["reported_on"] and (TODAY - row["reported_on"]).days <= 30]
    assert recent and sum(1 for percent in recent if percent == 0 or percent >= 60) > 0.75 * len(recent)


def bulletin_and_ranking_name_units_as_people_know_them(plan):
    bulletin = Bulletin.objects.get(plan=plan)
    assert bulletin.number == "沈政办通〔2026〕3号"  # the third quarter's, with its organ's code
    with translation.override("zh-hans"):
        content = bulletin_content(bulletin)
    assert all(section.paragraphs or section.table for section in content.sections)
    practices = next(section for section in content.sections if section.heading.endswith("典型做法"))
    texts = [paragraph.text for paragraph in practices.paragraphs]
    assert len(texts) == 3 == len(set(texts))  # three different practices, not one boilerplate three times
    names = [unit["name"] for unit in bulletin.figures["units"]]
    with clock(TODAY):
        ranked = [row.name for row in ranking(Scheme.objects.get(plan=plan)).rows]
    for shown in (names, ranked):
        assert {"沈河区人民政府", "沈河区人民政府办公室", "市发展改革委"} <= set(shown)
        assert not {"沈河区政府", "沈河区政府办"} & set(shown)
