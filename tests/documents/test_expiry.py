"""`gongkai tick` warns before a 规章 or 规范性文件's 有效期 ends, and after it has while the document is still
marked 现行有效 — on working days only, once per person, document and date.

The calendar is the official one of 2026: National Day runs 1–7 October, Saturday 10 October is a
make-up working day and Sunday 11 October a day off. The warning period is the office's default, 30 days.
"""

import datetime
import io
from contextlib import contextmanager
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse

from gongkai.documents import services
from gongkai.documents.models import DisclosureAttribute, DocumentSettings, Validity
from gongkai.events.models import Event
from gongkai.notifications.models import Notification
from gongkai.supervision.tick import run_tick

from .conftest import at

D = datetime.date


@contextmanager
def clock(moment):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield moment


def tick(day, hour=8):
    with clock(at(day.year, day.month, day.day, hour)):
        return run_tick(today=day)


@pytest.fixture
def regulation(office, shenhe_unit, genre, calendar):
    """regulation(title, expires_on, **fields): a 规范性文件 of 沈河区 published on 2 March 2026."""

    def make(title, expires_on, *, joint=(), publish=True, **fields):
        when = at(2026, 3, 2)
        with clock(when):
            document = services.create_document(
                actor=office, unit=shenhe_unit, joint_units=joint, now=when,
                fields={"title": title, "genre": genre("规范性文件"), "attribute": DisclosureAttribute.PROACTIVE,
                        "body": "正文。", "expires_on": expires_on, **fields})
            if not publish:
                return document
            services.submit_for_review(actor=office, document=document)
            return services.publish(actor=office, document=document, now=when)

    return make


def warned(document, kind="expiry"):
    """{username} told about `document` (of `kind`: "expiry" before the date, "expired" after it)."""
    return set(Notification.objects.filter(key__startswith=f"{kind}:{document.pk}:")
               .values_list("user__username", flat=True))


@pytest.fixture
def cast(shenhe, shenhe_reviewer, shenhe_viewer, office, outsider, fgw_liaison):
    """Everyone who could be told: only 沈河区's handler and reviewer and the office are."""


TOLD = {"shenhe", "shenhe-review", "office"}


def test_warned_at_exactly_the_warning_period_not_a_day_before(regulation, cast, directory):
    thirty = regulation("沈河区老旧小区改造补助办法", D(2026, 11, 8), number="沈河政发〔2026〕5号",
                        joint=[directory["沈阳市发展和改革委员会"]])
    thirty_one = regulation("沈河区楼宇经济扶持办法", D(2026, 11, 9))
    report = tick(D(2026, 10, 9))  # Friday: 8 November is 30 days away, 9 November 31
    assert report.expiry == {"days": 30, "expiring": 1, "expired": 0, "notified": 3}
    assert warned(thirty) == TOLD  # not the viewer, not another unit, not the joint issuer's liaison
    assert warned(thirty_one) == set()
    note = Notification.objects.get(user__username="shenhe", key=f"expiry:{thirty.pk}:2026-11-08")
    assert note.kind == "warning" and note.url == reverse("documents:detail", args=[thirty.pk])
    assert "“沈河区老旧小区改造补助办法”（沈河政发〔2026〕5号）" in note.text
    assert "2026-11-08" in note.text and "还有30天" in note.text
    tick(D(2026, 10, 10))  # Saturday, a make-up working day: now 9 November is 30 days away
    assert warned(thirty_one) == TOLD


def test_the_office_setting_moves_the_warning_period(regulation, cast):
    DocumentSettings.objects.update_or_create(pk=1, defaults={"expiry_warning_days": 10})
    document = regulation("沈河区老旧小区改造补助办法", D(2026, 10, 20))
    tick(D(2026, 10, 9))  # 11 days
    assert warned(document) == set()
    assert tick(D(2026, 10, 10)).expiry["days"] == 10
    assert warned(document) == TOLD


def test_a_day_off_sends_nothing_and_the_next_working_day_catches_up(regulation, cast):
    document = regulation("沈河区老旧小区改造补助办法", D(2026, 11, 3))
    for day in (D(2026, 10, 5), D(2026, 10, 11)):  # National Day; a Sunday
        report = tick(day)
        assert not report.workday and report.expiry == {}
    assert not Notification.objects.exists()
    tick(D(2026, 10, 8))  # the first working day after the holiday: 26 days left, within the period
    assert warned(document) == TOLD
    assert "还有26天" in Notification.objects.filter(key__startswith="expiry:").first().text


def test_a_document_past_its_period_is_warned_and_left_in_force(regulation, cast):
    document = regulation("沈河区冬季供暖保障办法", D(2026, 9, 30))
    report = tick(D(2026, 10, 8))
    assert report.expiry["expired"] == 1 and report.expiry["expiring"] == 0
    assert warned(document, "expired") == TOLD and warned(document) == set()
    note = Notification.objects.get(user__username="shenhe-review", key=f"expired:{document.pk}:2026-09-30")
    assert "沈河区冬季供暖保障办法" in note.text and "2026-09-30" in note.text and "仍标为现行有效" in note.text
    document.refresh_from_db()
    assert document.validity == Validity.IN_FORCE  # a person confirms 失效, the tick does not


def test_running_tick_twice_warns_once(regulation, cast):
    regulation("沈河区老旧小区改造补助办法", D(2026, 11, 1))
    regulation("沈河区冬季供暖保障办法", D(2026, 9, 30))
    first = tick(D(2026, 10, 8))
    assert first.expiry["notified"] == 6
    second = tick(D(2026, 10, 8), hour=15)
    assert second.expiry == {**first.expiry, "notified": 0}
    assert tick(D(2026, 10, 9)).expiry["notified"] == 0  # the next day: still told once
    assert Notification.objects.count() == 6
    assert Event.objects.filter(verb="supervision.tick").latest("id").data["expiry"]["expiring"] == 1


def test_a_changed_period_of_validity_warns_again(regulation, cast, office):
    document = regulation("沈河区老旧小区改造补助办法", D(2026, 11, 1))
    tick(D(2026, 10, 8))
    with clock(at(2026, 10, 8, 11)):
        services.set_validity(actor=office, document=document, validity=Validity.IN_FORCE,
                              expires_on=D(2026, 11, 5))
    report = tick(D(2026, 10, 9))
    assert report.expiry["notified"] == 3
    assert set(Notification.objects.filter(user__username="shenhe", key__startswith=f"expiry:{document.pk}:")
               .values_list("key", flat=True)) == {f"expiry:{document.pk}:2026-11-01",
                                                   f"expiry:{document.pk}:2026-11-05"}
    with clock(at(2026, 10, 9, 11)):  # extended beyond the period: nothing more to say
        services.set_validity(actor=office, document=document, validity=Validity.IN_FORCE,
                              expires_on=D(2027, 12, 31))
    assert tick(D(2026, 10, 10)).expiry["notified"] == 0


def test_documents_no_longer_in_force_or_not_published_never_warn(regulation, cast, office):
    successor = regulation("沈河区停车管理办法", None)
    repealed = regulation("沈河区停车管理暂行办法", D(2026, 10, 20))
    amended = regulation("沈河区社区服务规定", D(2026, 10, 21))
    expired = regulation("沈河区疫情防控临时措施", D(2026, 9, 30))
    withdrawn = regulation("沈河区撤回的规范性文件", D(2026, 10, 22))
    draft = regulation("沈河区规范性文件草稿", D(2026, 10, 23), publish=False)
    with clock(at(2026, 9, 1)):
        services.set_validity(actor=office, document=repealed, validity=Validity.REPEALED, superseded_by=successor)
        services.set_validity(actor=office, document=amended, validity=Validity.AMENDED, superseded_by=successor)
        services.set_validity(actor=office, document=expired, validity=Validity.EXPIRED)
        services.withdraw(actor=office, document=withdrawn, reason="发布有误。")
    report = tick(D(2026, 10, 8))
    assert report.expiry == {"days": 30, "expiring": 0, "expired": 0, "notified": 0}
    for document in (repealed, amended, expired, withdrawn, draft):
        assert warned(document) == set() and warned(document, "expired") == set()


def test_the_tick_command_says_what_it_warned(regulation, cast):
    regulation("沈河区老旧小区改造补助办法", D(2026, 11, 1))
    regulation("沈河区冬季供暖保障办法", D(2026, 9, 30))
    out = io.StringIO()
    with clock(at(2026, 10, 8, 8)):
        call_command("tick", today=D(2026, 10, 8), stdout=out)
    assert "规章和规范性文件：1件将在30天内到期，1件已过有效期但仍标为现行有效；发出提醒6条。" in out.getvalue()
