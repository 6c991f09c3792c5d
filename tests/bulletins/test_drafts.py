"""Editing a draft, choosing good practices, publishing, and who sees what."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import override

from gongkai.bulletins import services
from gongkai.bulletins.models import Bulletin, BulletinStatus
from gongkai.events.models import Event

from .conftest import AFTER_Q3, Q3, assignment, at, complete

D = datetime.date


@pytest.fixture
def draft(ledger, office):
    return services.generate_bulletin(actor=office, plan=ledger, title="第三季度通报", number="沈政办通〔2021〕3号",
                                      period_start=Q3[0], period_end=Q3[1], today=AFTER_Q3)


@pytest.fixture
def accepted(draft, office, liaison):
    """Reports accepted before, inside and after the bulletin's period."""
    shenhe, heping = liaison("沈河区人民政府"), liaison("和平区人民政府")
    return {
        "inside": complete(assignment("沈河区人民政府", 1), liaison=shenhe, lead=office, on=D(2021, 9, 30),
                           text="建成规划信息专栏，集中公开十四五规划。"),
        "after": complete(assignment("和平区人民政府", 1), liaison=heping, lead=office, on=D(2021, 10, 1)),
    }


def test_edit_texts_while_draft(draft, office):
    services.update_bulletin(actor=office, bulletin=draft, summary_text="总体平稳。", next_steps_text="抓好整改。",
                             number="沈政办通〔2021〕9号")
    draft.refresh_from_db()
    assert (draft.summary_text, draft.next_steps_text, draft.number) == ("总体平稳。", "抓好整改。", "沈政办通〔2021〕9号")
    event = Event.objects.about(draft).filter(verb="bulletin.updated").get()
    assert event.data["changes"]["number"] == {"from": "沈政办通〔2021〕3号", "to": "沈政办通〔2021〕9号"}


def test_edit_checks_input(draft, office):
    with pytest.raises(ValidationError):
        services.update_bulletin(actor=office, bulletin=draft, title=" ")
    other = services.generate_bulletin(actor=office, plan=draft.plan, title="另一期", number="沈政办通〔2021〕4号",
                                       period_start=Q3[0], period_end=Q3[1], today=AFTER_Q3)
    with pytest.raises(ValidationError):
        services.update_bulletin(actor=office, bulletin=other, number="沈政办通〔2021〕3号")
    with pytest.raises(TypeError):
        services.update_bulletin(actor=office, bulletin=draft, figures={})  # snapshots are not texts


def test_candidates_are_reports_accepted_in_the_period(draft, accepted):
    assert list(services.practice_candidates(draft)) == [accepted["inside"]]


def test_feature_a_report_then_type_one_then_reorder(draft, office, accepted, directory):
    from_report = services.add_good_practice(actor=office, bulletin=draft, report=accepted["inside"])
    assert (from_report.unit.name, from_report.text) == ("沈河区人民政府", "建成规划信息专栏，集中公开十四五规划。")
    assert not services.practice_candidates(draft).exists()  # each report once
    with pytest.raises(ValidationError):
        services.add_good_practice(actor=office, bulletin=draft, report=accepted["inside"])
    with pytest.raises(ValidationError):
        services.add_good_practice(actor=office, bulletin=draft, report=accepted["after"])
    typed = services.add_good_practice(actor=office, bulletin=draft, unit=directory["沈阳市信息中心"],
                                       text="上线政策问答库。")
    services.move_good_practice(actor=office, practice=typed, offset=-1)
    assert [p.unit.name for p in draft.practices.all()] == ["沈阳市信息中心", "沈河区人民政府"]
    services.update_good_practice(actor=office, practice=from_report, text="改写后的做法。")
    services.remove_good_practice(actor=office, practice=typed)
    assert [(p.text, p.position) for p in draft.practices.all()] == [("改写后的做法。", 2)]
    verbs = set(Event.objects.about(draft).values_list("verb", flat=True))
    assert {"bulletin.practice_added", "bulletin.practice_moved", "bulletin.practice_updated",
            "bulletin.practice_removed"} <= verbs


def test_typed_practice_needs_unit_and_text(draft, office, directory):
    with pytest.raises(ValidationError):
        services.add_good_practice(actor=office, bulletin=draft, unit=directory["沈阳市信息中心"], text="  ")


def test_publish_needs_the_texts_then_freezes_the_bulletin(draft, office, directory):
    services.update_bulletin(actor=office, bulletin=draft, next_steps_text="")
    with override("en"), pytest.raises(ValidationError, match="next steps"):
        services.publish_bulletin(actor=office, bulletin=draft)
    services.update_bulletin(actor=office, bulletin=draft, next_steps_text="各单位按期整改。")
    with at(D(2021, 10, 20)):
        services.publish_bulletin(actor=office, bulletin=draft)
    draft.refresh_from_db()
    assert draft.status == BulletinStatus.PUBLISHED
    assert draft.published_at.date() == D(2021, 10, 20) and draft.published_by == office
    for attempt in (
        lambda: services.update_bulletin(actor=office, bulletin=draft, summary_text="改"),
        lambda: services.add_good_practice(actor=office, bulletin=draft, unit=directory["沈阳市信息中心"], text="x"),
        lambda: services.publish_bulletin(actor=office, bulletin=draft),
        lambda: services.discard_bulletin(actor=office, bulletin=draft),
    ):
        with pytest.raises(ValidationError):
            attempt()


def test_only_the_office_edits(draft, fgw_liaison):
    with pytest.raises(PermissionDenied):
        services.update_bulletin(actor=fgw_liaison, bulletin=draft, summary_text="x")
    with pytest.raises(PermissionDenied):
        services.publish_bulletin(actor=fgw_liaison, bulletin=draft)


def test_discard_a_draft_keeps_the_event(draft, office):
    pk = draft.pk
    services.discard_bulletin(actor=office, bulletin=draft)
    assert not Bulletin.objects.filter(pk=pk).exists()
    assert Event.objects.filter(verb="bulletin.discarded", subject_id=str(pk)).exists()


def test_visibility(draft, office, shenhe, outsider):
    from django.contrib.auth.models import AnonymousUser

    assert list(Bulletin.objects.visible_to(office)) == [draft]
    assert not Bulletin.objects.visible_to(shenhe).exists()  # a draft is the office's
    assert not Bulletin.objects.visible_to(AnonymousUser()).exists()
    services.update_bulletin(actor=office, bulletin=draft, next_steps_text="整改。")
    services.publish_bulletin(actor=office, bulletin=draft)
    assert list(Bulletin.objects.visible_to(shenhe)) == [draft]
    assert list(Bulletin.objects.visible_to(outsider)) == [draft]  # every unit reads published bulletins
    assert not Bulletin.objects.visible_to(AnonymousUser()).exists()
