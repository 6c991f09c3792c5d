"""The demo's proactive disclosure on 2 December 2026: ~200 documents imported from the file the demo
ships, every line without a problem, and what the office meets on its dashboards — interpretations on
time, late and missing, amended and repealed normative documents linked to their successors, expiry
warnings due, the gazette issue, a current and an archived topic, stale news columns, and a staff side
(drafts, a document in review, a withdrawn one) that the public never sees.

Only what the documents need is loaded (the directory, the demo logins, the calendar), not the plan, the
ledger or the applications: the documents part alone, once, under the demo's pinned clock.
"""

import datetime
import json
from collections import Counter

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from gongkai.demo import documents as demo
from gongkai.demo.ledger import clock
from gongkai.demo.loader import DEMO_PEOPLE, UNITS_FILE, _add_district_offices, _demo_person
from gongkai.documents import freshness, metrics
from gongkai.documents.models import (
    DisclosureAttribute,
    Document,
    DocumentState,
    GazetteIssue,
    GazetteRecipient,
    InterpretationKind,
    Topic,
    Validity,
)
from gongkai.events.models import Event
from gongkai.orgs.directory import import_directory
from gongkai.orgs.models import Unit, User
from gongkai.workdays.services import ensure_package_years

TODAY = datetime.date(2026, 12, 2)
LINES = [json.loads(line) for line in demo.DOCUMENTS_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]


def local_day(moment):
    # Not timezone.localdate(moment): the demo's clock patches it to return the clock's day whatever it is given.
    return moment.astimezone(timezone.get_current_timezone()).date()


def test_the_demo_documents_on_2_december(db):
    before = Event.objects.order_by("-id").values_list("id", flat=True).first() or 0
    with clock(TODAY):
        import_directory(actor=None, data=UNITS_FILE.read_bytes(), filename=UNITS_FILE.name)
        _add_district_offices()
        for spec in DEMO_PEOPLE:
            _demo_person(*spec)
        ensure_package_years(actor=None)
        summary = demo.load_demo_documents(office=User.objects.get(username="office"), today=TODAY)

    every_line_imported(summary)
    nothing_dated_after_today(before)
    interpretations_on_time_late_and_missing()
    validity_links_and_expiry()
    the_gazette_issue()
    a_current_and_an_archived_topic()
    news_columns_fresh_and_stale()
    the_public_sees_only_public_documents()

    # Loading again adds nothing.
    count = Document.objects.count()
    with clock(TODAY):
        assert demo.load_demo_documents(office=User.objects.get(username="office"), today=TODAY) is None
    assert Document.objects.count() == count


def every_line_imported(summary):
    assert summary.problems == []
    assert summary.imported == len(LINES) and 190 <= len(LINES) <= 230
    imported = Document.objects.policies().exclude(title__in=[t for t, *_rest in demo.DRAFTS] + [demo.IN_REVIEW[0]])
    assert imported.count() == len(LINES)
    # Across units, genres and columns, as a city's site is.
    assert imported.values("unit").distinct().count() >= 15
    assert imported.values("genre").distinct().count() >= 10
    assert imported.filter(columns__isnull=False).values("columns").distinct().count() >= 15
    # Every document proactively disclosed is published, at its 发布日期; those kept back stay drafts.
    for line in LINES:
        document = imported.get(title=line["title"], unit__name=line["unit"])
        if line["attribute"] == "主动公开" and document.title != demo.WITHDRAWN[0]:
            assert document.state == DocumentState.PUBLISHED and document.index_number
            assert local_day(document.published_at).isoformat() == line["published"]
        elif line["attribute"] != "主动公开":
            assert document.state == DocumentState.DRAFT and document.attribute_reason and document.legal_ground
    # Some were published more than 20 working days after they were written.
    assert imported.filter(published_late_workdays__isnull=False).count() >= 5
    assert imported.filter(attachments__isnull=False).count() == 2


def nothing_dated_after_today(before):
    end_of_today = timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time.max))
    assert max(line["published"] for line in LINES) <= TODAY.isoformat()
    assert max(line["written"] for line in LINES) <= TODAY.isoformat()
    assert not Document.objects.filter(published_at__gt=end_of_today).exists()
    assert not Document.objects.filter(written_on__gt=TODAY).exists()
    assert not Document.objects.filter(created_at__gt=end_of_today).exists()
    assert not Event.objects.filter(id__gt=before, created_at__gt=end_of_today).exists()


def interpretations_on_time_late_and_missing():
    interpretations = Document.objects.interpretations().public()
    assert interpretations.count() >= 30
    kinds = Counter(interpretations.values_list("interpretation_kind", flat=True))
    assert {InterpretationKind.TEXT, InterpretationKind.GRAPHIC, InterpretationKind.QA, InterpretationKind.VIDEO} <= set(kinds)
    for graphic in interpretations.filter(interpretation_kind=InterpretationKind.GRAPHIC):
        assert graphic.attachments.get().kind == "PNG"
    assert all(interpretations.filter(interpretation_kind=InterpretationKind.VIDEO).values_list("link_url", flat=True))
    for interpretation in interpretations.select_related("interprets"):
        assert interpretation.interprets.genre.needs_interpretation
        assert "《" in interpretation.title and interpretation.body

    statuses = metrics.policy_statuses(period=metrics.Period(datetime.date(2025, 1, 1), TODAY), as_of=TODAY)
    missing = [s for s in statuses if s.first_interpreted_on is None]
    late = [s for s in statuses if s.lag_days]
    assert len(missing) == demo.UNINTERPRETED
    assert sorted(s.lag_days for s in late) == sorted(demo.LATE_DAYS)
    assert sum(s.synchronous for s in statuses) == len(statuses) - len(missing) - len(late)
    assert 0 < sum(s.has_graphic for s in statuses) < len(statuses)  # 图解 covers some, not all


def validity_links_and_expiry():
    superseded = Document.objects.filter(superseded_by__isnull=False).select_related("superseded_by")
    assert superseded.count() == len(demo.SUPERSEDED)
    assert set(superseded.values_list("validity", flat=True)) == {Validity.AMENDED, Validity.REPEALED}
    for old in superseded:
        assert old.superseded_by.validity == Validity.IN_FORCE
        assert old.superseded_by.published_at > old.published_at
    expired = Document.objects.get(validity=Validity.EXPIRED)
    assert expired.expires_on < TODAY
    soon = Document.objects.filter(validity=Validity.IN_FORCE, expires_on__gte=TODAY,
                                   expires_on__lte=TODAY + datetime.timedelta(days=30))
    assert soon.count() == len(demo.EXPIRING_SOON)
    assert set(Document.objects.normative().values_list("validity", flat=True)) == set(Validity.values)


def the_gazette_issue():
    issue = GazetteIssue.objects.get(year=2026, number=11)
    entries = list(issue.entries.select_related("document__genre", "document__unit"))
    assert len(entries) == 8 and issue.is_published
    assert all(entry.document.is_public for entry in entries)
    assert {entry.document.genre.name for entry in entries} >= {"规章", "规范性文件"}
    assert [entry.page for entry in entries] == sorted(entry.page for entry in entries)
    with issue.pdf.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    # 应登尽登 has something to find: one city-government normative document of the year was not printed.
    city = Document.objects.public().filter(unit__name__in=("沈阳市人民政府", "沈阳市人民政府办公室"),
                                            genre__name__in=("规章", "规范性文件"), published_at__year=2026)
    assert list(city.exclude(gazette_entries__issue=issue).values_list("title", flat=True)) == [demo.GAZETTE_LEFT_OUT]
    assert GazetteRecipient.objects.count() == 5
    # The next issue is being prepared: on the staff side only.
    following = GazetteIssue.objects.get(year=2026, number=12)
    assert not following.is_published and not following.entries.exists()
    assert list(GazetteIssue.objects.filter(is_published=True)) == [issue]
    assert {"沈阳市图书馆", "沈阳市档案馆", "沈阳市政务服务中心"} <= set(GazetteRecipient.objects.values_list("name", flat=True))


def a_current_and_an_archived_topic():
    current, archived = Topic.objects.current().get(), Topic.objects.archived().get()
    assert current.name == "2026年优化营商环境专题" and current.documents.public().count() >= 5
    assert archived.name.startswith("疫情防控专题") and archived.documents.public().count() >= 3
    assert local_day(archived.archived_at) == datetime.date(2025, 6, 30)


def news_columns_fresh_and_stale():
    def news_state(name):
        _check, columns = freshness.unit_check(Unit.objects.get(name=name), today=TODAY)
        return next(entry.state for entry in columns.values() if entry.name == "工作动态")

    assert news_state("沈阳市营商环境建设局") == freshness.State.FRESH
    assert news_state("沈阳市文化旅游和广播电视局") == freshness.State.STALE
    assert news_state("康平县人民政府") == freshness.State.LONG_STALE
    assert news_state("于洪区人民政府") == freshness.State.EMPTY


def the_public_sees_only_public_documents():
    public = Document.objects.public()
    assert not public.exclude(state=DocumentState.PUBLISHED).exists()
    assert not public.exclude(attribute=DisclosureAttribute.PROACTIVE).exists()
    states = Counter(Document.objects.values_list("state", flat=True))
    assert states[DocumentState.IN_REVIEW] == 1 and states[DocumentState.WITHDRAWN] == 1
    assert states[DocumentState.DRAFT] == len(demo.DRAFTS) + sum(1 for line in LINES if line["attribute"] != "主动公开")
    withdrawn = Document.objects.get(state=DocumentState.WITHDRAWN)
    assert withdrawn.title == demo.WITHDRAWN[0] and withdrawn.withdrawn_reason == demo.WITHDRAWN[1]
    kept_back = Document.objects.exclude(attribute=DisclosureAttribute.PROACTIVE)
    assert kept_back.count() == 5 and not kept_back.filter(pk__in=public).exists()
    assert set(Document.objects.visible_to(AnonymousUser())) == set(public)
    # 沈河区's staff see their own drafts and review; another unit's staff see only what is public.
    shenhe = User.objects.get(username="shenhe")
    assert Document.objects.visible_to(shenhe).filter(state=DocumentState.IN_REVIEW).exists()
    outsider = User.objects.get(username="viewer")  # 市财政局
    assert not Document.objects.visible_to(outsider).filter(unit__name="沈河区人民政府").exclude(
        pk__in=public).exists()
