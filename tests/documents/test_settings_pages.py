"""The office's settings of proactive disclosure (索引号 pattern, periods) and its categories."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gongkai.documents import catalogue, indexing
from gongkai.documents.models import Category, CategoryKind, DocumentSettings
from gongkai.events.models import Event

# --- the index-number pattern ------------------------------------------------------------------------

def messages_of(pattern):
    with pytest.raises(ValidationError) as refused:
        indexing.validate_index_pattern(pattern)
    return " ".join(refused.value.messages)


@pytest.mark.django_db
@pytest.mark.parametrize(("pattern", "message"), [
    ("{code}/{year}", "规则必须包含 {seq}"),
    ("{code}/{foo}-{seq}", "未知字段 {foo}，只能使用 {code}、{year}、{seq}"),
    ("{code}/{seq:zz}", "格式“zz”不适用于字段 {seq}：流水号是数字，例如 {seq:05d}"),
    ("{code:05d}-{seq}", "格式“05d”不适用于字段 {code}"),
    ("{code}/{seq", "花括号不配对"),
    ("{code}/{}", "未知字段 {}"),
    ("{code.upper}-{seq}", "未知字段 {code.upper}"),
    ("{seq!r}", "不能使用转换"),
    ("{seq:999999999d}", "宽度超过20个字符"),
    ("", "不能为空"),
    ("x" * 70 + "{seq:020d}", "超过80个字符"),
])
def test_bad_patterns_get_clear_messages(pattern, message):
    assert message in messages_of(pattern)


@pytest.mark.django_db
def test_good_patterns_give_an_example_with_a_sample_unit(directory):
    assert indexing.example_index_number("{code}/{year}-{seq:05d}").startswith("210100/")
    assert indexing.example_index_number("{code}/{year}-{seq:05d}").endswith("-00001")
    assert indexing.example_index_number("ZW{{{year}}}{seq:04d}").endswith("}0001")
    assert indexing.example_index_number("{code}/{foo}") == ""


def test_the_office_saves_settings_with_an_event(directory, office):
    indexing.update_settings(actor=office, index_pattern="{code}-{year}-{seq:06d}", expiry_warning_days=45)
    row = DocumentSettings.current()
    assert (row.index_pattern, row.expiry_warning_days, row.updated_by) == ("{code}-{year}-{seq:06d}", 45, office)
    event = Event.objects.get(verb="documents.settings_changed")
    assert event.data["changes"]["expiry_warning_days"] == {"from": 30, "to": 45}


def test_no_one_else_saves_settings_and_bad_values_are_refused(directory, office, fgw_liaison):
    with pytest.raises(PermissionDenied):
        indexing.update_settings(actor=fgw_liaison, expiry_warning_days=10)
    with pytest.raises(ValidationError) as refused:
        indexing.update_settings(actor=office, index_pattern="{year}", news_update_days=0)
    assert set(refused.value.message_dict) == {"index_pattern", "news_update_days"}
    assert DocumentSettings.current().index_pattern == "{code}/{year}-{seq:05d}"
    assert not Event.objects.filter(verb="documents.settings_changed").exists()


# --- the settings page -------------------------------------------------------------------------------

SETTINGS = {"index_pattern": "{code}/{year}-{seq:05d}", "news_update_days": 14, "policy_update_days": 180,
            "long_stale_days": 365, "expiry_warning_days": 30}


def test_the_page_shows_the_example_and_saves(client_for, office):
    client = client_for(office)
    page = client.get(reverse("documents:settings")).content.decode()
    assert "例：210100/" in page
    response = client.post(reverse("documents:settings"), {**SETTINGS, "index_pattern": "SY{code}{year}{seq:04d}"})
    assert response.status_code == 302
    assert DocumentSettings.current().index_pattern == "SY{code}{year}{seq:04d}"


def test_a_preview_shows_the_example_without_saving(client_for, office):
    response = client_for(office).post(reverse("documents:settings"),
                                       {**SETTINGS, "index_pattern": "SY-{seq:03d}", "action": "preview"})
    assert response.status_code == 200 and "例：SY-001" in response.content.decode()
    assert DocumentSettings.current().index_pattern == "{code}/{year}-{seq:05d}"


def test_a_bad_pattern_is_said_on_the_page_and_kept_in_the_field(client_for, office):
    response = client_for(office).post(reverse("documents:settings"), {**SETTINGS, "index_pattern": "{code}/{seq:zz}"})
    text = response.content.decode()
    assert response.status_code == 400
    assert "格式“zz”不适用于字段 {seq}" in text and 'value="{code}/{seq:zz}"' in text
    assert "无法生成示例" in text
    assert DocumentSettings.current().index_pattern == "{code}/{year}-{seq:05d}"


def test_a_period_out_of_range_is_refused_on_the_page(client_for, office):
    response = client_for(office).post(reverse("documents:settings"), {**SETTINGS, "expiry_warning_days": "abc"})
    assert response.status_code == 400 and "整数" in response.content.decode()


@pytest.mark.parametrize("name", ["documents:settings", "documents:categories"])
def test_only_the_office_opens_the_pages(client_for, name, shenhe, shenhe_reviewer, shenhe_viewer, client):
    assert reverse("login") in client.get(reverse(name))["Location"]
    for person in (shenhe, shenhe_reviewer, shenhe_viewer):
        response = client_for(person).get(reverse(name))
        assert response.status_code == 403 and "您无权打开此页面" in response.content.decode()
    assert client_for(shenhe).post(reverse("documents:settings"), SETTINGS).status_code == 403


# --- categories --------------------------------------------------------------------------------------

def test_the_office_adds_a_genre_on_the_page(client_for, office):
    client = client_for(office)
    page = client.get(reverse("documents:categories")).content.decode()
    assert "规范性文件" in page and "综合政务" in page
    response = client.post(reverse("documents:categories"), {
        "kind": "genre", "genre-name": "行政检查", "genre-order": 30, "genre-is_active": "on",
        "genre-publish_within_workdays": 7})
    assert response.status_code == 302
    added = Category.objects.get(kind=CategoryKind.GENRE, name="行政检查")
    assert (added.publish_within_workdays, added.is_active, added.has_validity) == (7, True, False)
    assert Event.objects.filter(verb="documents.category_created").count() == 1


def test_a_topic_form_offers_no_genre_settings_and_a_taken_name_is_refused(client_for, office):
    client = client_for(office)
    page = client.get(reverse("documents:categories")).content.decode()
    assert 'name="topic-publish_within_workdays"' not in page and 'name="genre-publish_within_workdays"' in page
    response = client.post(reverse("documents:categories"), {"kind": "topic", "topic-name": "综合政务",
                                                               "topic-order": 1})
    assert response.status_code == 400 and "已有名为“综合政务”的分类" in response.content.decode()
    assert Category.objects.filter(kind=CategoryKind.TOPIC, name="综合政务").count() == 1


def test_bad_category_values_get_messages(office, db):
    with pytest.raises(ValidationError) as refused:
        catalogue.create_category(actor=office, kind=CategoryKind.GENRE,
                                  fields={"name": "  ", "publish_within_workdays": 0})
    assert set(refused.value.message_dict) == {"name", "publish_within_workdays"}
    with pytest.raises(ValidationError):
        catalogue.create_category(actor=office, kind="colour", fields={"name": "红色"})


def test_an_unused_category_is_deleted(client_for, office):
    category = catalogue.create_category(actor=office, kind=CategoryKind.TOPIC, fields={"name": "临时分类"})
    client = client_for(office)
    assert "删除该分类" in client.get(reverse("documents:category", args=[category.pk])).content.decode()
    assert client.post(reverse("documents:category-delete", args=[category.pk])).status_code == 302
    assert not Category.objects.filter(pk=category.pk).exists()
    assert Event.objects.filter(verb="documents.category_deleted", data__name="临时分类").exists()


def test_a_category_in_use_is_deactivated_not_deleted(client_for, office, draft, genre):
    normative = genre("规范性文件")
    draft(genre=normative)
    client = client_for(office)
    page = client.get(reverse("documents:category", args=[normative.pk])).content.decode()
    assert "使用该分类的文件：1件" in page and "删除该分类" not in page
    response = client.post(reverse("documents:category-delete", args=[normative.pk]), follow=True)
    assert "不能删除" in response.content.decode()
    assert Category.objects.filter(pk=normative.pk).exists()
    response = client.post(reverse("documents:category", args=[normative.pk]), {
        "name": "规范性文件", "order": normative.order, "has_validity": "on", "needs_interpretation": "on",
        "publish_within_workdays": 20})  # is_active left out: no longer offered
    assert response.status_code == 302
    normative.refresh_from_db()
    assert normative.is_active is False
    assert Event.objects.get(verb="documents.category_changed").data["changes"]["is_active"] == {
        "from": True, "to": False}


def test_others_cannot_change_categories(shenhe, directory):
    category = Category.objects.get(kind=CategoryKind.TOPIC, name="综合政务")
    with pytest.raises(PermissionDenied):
        catalogue.edit_category(actor=shenhe, category=category, fields={"name": "改名"})
    with pytest.raises(PermissionDenied):
        catalogue.delete_category(actor=shenhe, category=category)
