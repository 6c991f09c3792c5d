"""Shared fixtures for proactive disclosure: categories by name and a quick way to a document.

The documents of these tests belong to 沈河区人民政府, whose handler (`shenhe`), reviewer
(`shenhe_reviewer`) and viewer (`shenhe_viewer`) come from tests/conftest.py.
"""

import datetime

import pytest
from django.utils import timezone

from gongkai.documents import services
from gongkai.documents.models import Category, CategoryKind, DisclosureAttribute
from gongkai.workdays.services import ensure_package_years

SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


def at(year, month, day, hour=10, minute=0):
    """An aware moment in Asia/Shanghai, for pinned times."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)


@pytest.fixture
def calendar(db):
    """The official working days of 2020–2026 (the chinesecalendar package), for deadlines and flags."""
    ensure_package_years(actor=None, years=range(2020, 2027))


@pytest.fixture
def genre(db):
    return lambda name: Category.objects.get(kind=CategoryKind.GENRE, name=name)


@pytest.fixture
def topic(db):
    return lambda name: Category.objects.get(kind=CategoryKind.TOPIC, name=name)


@pytest.fixture
def shenhe_unit(directory):
    return directory["沈河区人民政府"]


@pytest.fixture
def draft(shenhe, shenhe_unit, genre):
    """make a draft of 沈河区人民政府 by its handler: draft(title=..., **fields)."""

    def make(title="沈河区人民政府关于印发老旧小区改造实施方案的通知", *, actor=None, unit=None, **fields):
        now = fields.pop("now", None) or timezone.now()
        fields.setdefault("attribute", DisclosureAttribute.PROACTIVE)
        fields.setdefault("body", "为推进老旧小区改造，制定本方案。")
        return services.create_document(actor=actor or shenhe, unit=unit or shenhe_unit,
                                        fields={"title": title, **fields}, now=now)

    return make


@pytest.fixture
def published(draft, shenhe, shenhe_reviewer, calendar):
    """make a document and take it through review to publication at `when` (default: now)."""

    def make(title="沈河区人民政府关于做好2026年度政务公开工作的通知", *, when=None, **fields):
        document = draft(title, **fields)
        services.submit_for_review(actor=shenhe, document=document)
        return services.publish(actor=shenhe_reviewer, document=document, now=when)

    return make
