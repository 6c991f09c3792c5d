"""Special topics (专题) and 历史专题: the services, the staff pages and the public topic pages.

A topic of 沈河区人民政府 holds a public document, a draft, a withdrawn one, one kept back (不予公开) and a
public document of another unit. The public page shows the two public ones only; archiving takes the
topic out of navigation while its address keeps working with the banner 本专题已归档，内容仅供查阅.
"""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gongkai.documents import services, topics
from gongkai.documents.models import DisclosureAttribute, Document, Topic
from gongkai.events.models import Event
from tests.documents.conftest import at

BANNER = "本专题已归档，内容仅供查阅"


@pytest.fixture
def topic(shenhe, shenhe_unit):
    return topics.create_topic(actor=shenhe, unit=shenhe_unit, name="老旧小区改造", slug="old-housing",
                               description="2026年老旧小区改造的政策与进展。")


@pytest.fixture
def filled(topic, shenhe, shenhe_reviewer, published, draft, directory):
    public = published("沈河区老旧小区改造实施方案", when=at(2026, 11, 2))
    kept_back = published("沈河区改造资金内部安排", when=at(2026, 11, 3), attribute=DisclosureAttribute.NOT_PUBLIC,
                          attribute_reason="内部事务信息", legal_ground="art16_1")
    withdrawn = published("沈河区改造名单（有误）", when=at(2026, 11, 4))
    services.withdraw(actor=shenhe_reviewer, document=withdrawn, reason="名单有误")
    a_draft = draft("沈河区改造进展（草稿）")
    city = Document.objects.create(unit=directory["沈阳市自然资源局"], title="沈阳市老旧小区改造指导意见",
                                   attribute=DisclosureAttribute.PROACTIVE, state="published",
                                   published_at=at(2026, 10, 1))
    topics.add_documents(actor=shenhe, topic=topic, documents=[public, kept_back, withdrawn, a_draft, city])
    return {"public": public, "kept_back": kept_back, "withdrawn": withdrawn, "draft": a_draft, "city": city}


def test_public_topic_page_shows_only_public_documents(client, topic, filled):
    response = client.get(f"/topics/{topic.slug}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "沈河区老旧小区改造实施方案" in page and "沈阳市老旧小区改造指导意见" in page
    for hidden in ("内部安排", "有误", "草稿"):
        assert hidden not in page
    assert BANNER not in page
    assert list(topics.public_documents(topic)) == [filled["public"], filled["city"]]


def test_archived_topic_leaves_navigation_and_keeps_its_address_with_a_banner(client_for, shenhe, topic, filled):
    topics.archive_topic(actor=shenhe, topic=topic, now=at(2026, 12, 1))
    assert topic not in Topic.objects.current() and topic in Topic.objects.archived()
    client = client_for(None)
    page = client.get("/topics/").content.decode()
    assert "老旧小区改造" not in page
    archive = client.get("/topics/archive/").content.decode()
    assert "老旧小区改造" in archive and "2026-12-01" in archive
    response = client.get(f"/topics/{topic.slug}/")
    assert response.status_code == 200
    text = response.content.decode()
    assert BANNER in text and "沈河区老旧小区改造实施方案" in text and "草稿" not in text
    topics.unarchive_topic(actor=shenhe, topic=topic)
    assert BANNER not in client.get(f"/topics/{topic.slug}/").content.decode()
    assert "老旧小区改造" in client.get("/topics/").content.decode()
    verbs = list(Event.objects.filter(verb__startswith="documents.topic").order_by("id").values_list("verb", flat=True))
    assert verbs == ["documents.topic_created", "documents.topic_documents_added", "documents.topic_archived",
                     "documents.topic_unarchived"]


def test_unknown_topic_is_the_sites_404(client, db):
    assert client.get("/topics/no-such-topic/").status_code == 404


def test_who_manages_topics(topic, shenhe_viewer, fgw_liaison, office, published):
    document = published("沈河区改造补充通知")
    for person in (shenhe_viewer, fgw_liaison):
        with pytest.raises(PermissionDenied):
            topics.archive_topic(actor=person, topic=topic)
        with pytest.raises(PermissionDenied):
            topics.add_documents(actor=person, topic=topic, documents=[document])
    with pytest.raises(PermissionDenied):
        topics.create_topic(actor=shenhe_viewer, unit=topic.unit, name="另一个", slug="another")
    topics.archive_topic(actor=office, topic=topic)
    with pytest.raises(ValidationError, match="已归档"):
        topics.archive_topic(actor=office, topic=topic)


def test_topic_validation(shenhe, shenhe_unit, topic):
    with pytest.raises(ValidationError, match="已有地址为“old-housing”"):
        topics.create_topic(actor=shenhe, unit=shenhe_unit, name="重复", slug="old-housing")
    with pytest.raises(ValidationError, match="英文字母"):
        topics.create_topic(actor=shenhe, unit=shenhe_unit, name="中文地址", slug="老旧小区")
    with pytest.raises(ValidationError, match="名称"):
        topics.create_topic(actor=shenhe, unit=shenhe_unit, name=" ", slug="blank")


def test_a_unit_adds_only_documents_it_can_see(shenhe, topic, directory):
    others_draft = Document.objects.create(unit=directory["沈阳市自然资源局"], title="住建局草稿",
                                           attribute=DisclosureAttribute.PROACTIVE)
    with pytest.raises(PermissionDenied):
        topics.add_documents(actor=shenhe, topic=topic, documents=[others_draft])
    assert not topic.documents.exists()


def test_staff_pages_offer_only_allowed_actions(client_for, shenhe, shenhe_viewer, topic, filled):
    client = client_for(shenhe_viewer)
    page = client.get(reverse("documents:topic", args=[topic.pk])).content.decode()
    assert "沈河区改造进展（草稿）" in page  # the viewer reads its unit's draft on the staff side
    assert reverse("documents:topic-archive", args=[topic.pk]) not in page
    assert reverse("documents:topic-remove", args=[topic.pk]) not in page
    assert client.post(reverse("documents:topic-archive", args=[topic.pk])).status_code == 403
    topic.refresh_from_db()
    assert not topic.is_archived
    client = client_for(shenhe)
    page = client.get(reverse("documents:topic", args=[topic.pk])).content.decode()
    assert reverse("documents:topic-archive", args=[topic.pk]) in page
    response = client.post(reverse("documents:topic-archive", args=[topic.pk]))
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.is_archived


def test_staff_create_search_add_and_remove(client_for, shenhe, published, shenhe_unit):
    document = published("沈河区供暖工作通知")
    client = client_for(shenhe)
    response = client.post(reverse("documents:topics"), {"name": "冬季供暖", "slug": "heating",
                                                         "unit": str(shenhe_unit.pk), "description": ""})
    topic = Topic.objects.get(slug="heating")
    assert response.status_code == 302 and response.url == reverse("documents:topic", args=[topic.pk])
    bad = client.post(reverse("documents:topics"), {"name": "冬季供暖", "slug": "heating", "unit": str(shenhe_unit.pk)})
    assert bad.status_code == 400 and "已" in bad.content.decode()
    found = client.get(reverse("documents:topic", args=[topic.pk]), {"q": "供暖"}).content.decode()
    assert "沈河区供暖工作通知" in found
    client.post(reverse("documents:topic-add", args=[topic.pk]), {"document": [str(document.pk), "x"]})
    assert list(topic.documents.all()) == [document]
    client.post(reverse("documents:topic-remove", args=[topic.pk]), {"document": str(document.pk)})
    assert not topic.documents.exists()
    response = client.post(reverse("documents:topic-remove", args=[topic.pk]), {"document": "nonsense"})
    assert response.status_code == 302


def test_outsider_sees_no_other_units_topic_on_the_staff_side(client_for, fgw_liaison, topic):
    client = client_for(fgw_liaison)
    assert client.get(reverse("documents:topic", args=[topic.pk])).status_code == 404
    assert "老旧小区改造" not in client.get(reverse("documents:topics")).content.decode()
