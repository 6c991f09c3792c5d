"""The disclosure guide (公开指南): what it accepts, who edits it, the staff and public pages, the demo's guides."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gongkai.demo.guides import load_guides
from gongkai.documents import guide as guides
from gongkai.documents.models import DisclosureGuide
from gongkai.events.models import Event

SHENHE_GUIDE = {
    "office_name": "沈河区人民政府办公室（政务公开科）", "address": "沈阳市沈河区青年大街119号", "postcode": "110011",
    "hours": "工作日上午8:30—11:30，下午13:00—17:00", "phone": "024-22856789、024-22856790",
    "email": "shzwgk@shenhe.gov.cn", "how_to_apply": "通过“中国沈阳”网站在线申请，或信函、当面提交。",
}


@pytest.mark.parametrize(("field", "value", "message"), [
    ("postcode", "11001", "邮政编码为六位数字"),
    ("postcode", "11OO11", "邮政编码为六位数字"),
    ("email", "zwgk@", "电子邮箱"),
    ("phone", "请致电办公室", "024-22856789"),
    ("phone", "123", "024-22856789"),
    ("fax", "024-2285", "024-22856789"),
    ("office_name", "办" * 121, "120"),
])
def test_a_bad_value_gets_a_chinese_message_on_its_field(field, value, message):
    problems = guides.guide_problems({field: value})
    assert list(problems) == [field]
    assert message in problems[field]


@pytest.mark.parametrize("phone", ["024-22856789", "(024)22856789", "22856789", "024-22856789转801",
                                   "+86 24 2285 6789", "13912345678", "12345", "024-22856789、13912345678"])
def test_plausible_phone_numbers_pass(phone):
    assert guides.phone_is_plausible(phone)


def test_full_width_digits_and_spaces_are_normalised(directory, shenhe):
    guide = guides.edit_guide(actor=shenhe, unit=directory["沈河区人民政府"],
                              fields={"postcode": "１１００１１", "phone": " ０２４－２２８５６７８９ ", "address": " 青年大街  119号 "})
    assert (guide.postcode, guide.phone, guide.address) == ("110011", "024-22856789", "青年大街 119号")


def test_the_units_staff_edit_its_guide_with_an_event(directory, shenhe):
    unit = directory["沈河区人民政府"]
    guide = guides.edit_guide(actor=shenhe, unit=unit, fields=SHENHE_GUIDE)
    assert guide.is_complete and guide.updated_by == shenhe
    event = Event.objects.get(verb="documents.guide_edited")
    assert event.actor == shenhe and "phone" in event.data["fields"]
    guides.edit_guide(actor=shenhe, unit=unit, fields=SHENHE_GUIDE)  # nothing changed: no second event
    assert Event.objects.filter(verb="documents.guide_edited").count() == 1


def test_bad_values_are_refused_and_nothing_is_stored(directory, shenhe):
    with pytest.raises(ValidationError) as refused:
        guides.edit_guide(actor=shenhe, unit=directory["沈河区人民政府"], fields={**SHENHE_GUIDE, "postcode": "1100"})
    assert "postcode" in refused.value.message_dict
    assert not DisclosureGuide.objects.exists()


def test_other_units_and_viewers_cannot_edit(directory, fgw_liaison, shenhe_viewer, office):
    unit = directory["沈河区人民政府"]
    for actor in (fgw_liaison, shenhe_viewer):
        with pytest.raises(PermissionDenied):
            guides.edit_guide(actor=actor, unit=unit, fields={"phone": "024-22856789"})
    assert guides.edit_guide(actor=office, unit=unit, fields={"phone": "024-22856789"}).phone == "024-22856789"


# --- staff pages -------------------------------------------------------------------------------------

def test_own_unit_edits_on_the_page(client_for, directory, shenhe):
    unit = directory["沈河区人民政府"]
    url = reverse("documents:guide", args=[unit.pk])
    client = client_for(shenhe)
    page = client.get(url)
    assert page.status_code == 200 and 'name="phone"' in page.content.decode()
    response = client.post(url, SHENHE_GUIDE)
    assert response.status_code == 302
    assert DisclosureGuide.objects.get(unit=unit).address == "沈阳市沈河区青年大街119号"


def test_a_bad_post_code_is_said_on_the_page_and_keeps_what_was_typed(client_for, directory, shenhe):
    url = reverse("documents:guide", args=[directory["沈河区人民政府"].pk])
    response = client_for(shenhe).post(url, {**SHENHE_GUIDE, "postcode": "abc"})
    text = response.content.decode()
    assert response.status_code == 400
    assert "邮政编码为六位数字" in text and "沈阳市沈河区青年大街119号" in text
    assert not DisclosureGuide.objects.exists()


def test_another_units_guide_is_refused(client_for, directory, fgw_liaison):
    url = reverse("documents:guide", args=[directory["沈河区人民政府"].pk])
    client = client_for(fgw_liaison)
    assert client.get(url).status_code == 403
    assert client.post(url, SHENHE_GUIDE).status_code == 403
    assert not DisclosureGuide.objects.exists()


def test_a_viewer_reads_without_a_form(client_for, directory, shenhe, shenhe_viewer):
    unit = directory["沈河区人民政府"]
    guides.edit_guide(actor=shenhe, unit=unit, fields=SHENHE_GUIDE)
    client = client_for(shenhe_viewer)
    page = client.get(reverse("documents:guide", args=[unit.pk])).content.decode()
    assert "沈阳市沈河区青年大街119号" in page and 'name="phone"' not in page
    assert client.post(reverse("documents:guide", args=[unit.pk]), {"phone": "024-22222222"}).status_code == 403
    assert DisclosureGuide.objects.get(unit=unit).phone == SHENHE_GUIDE["phone"]


def test_anonymous_is_sent_to_the_login(client):
    for url in (reverse("documents:guides"), reverse("documents:guide", args=[1])):
        response = client.get(url)
        assert response.status_code == 302 and reverse("login") in response["Location"]


def test_the_office_overview_lists_every_unit_with_its_state(client_for, directory, office, shenhe):
    guides.edit_guide(actor=shenhe, unit=directory["沈河区人民政府"], fields=SHENHE_GUIDE)
    guides.edit_guide(actor=office, unit=directory["沈阳市财政局"], fields={"phone": "024-22851234"})
    page = client_for(office).get(reverse("documents:guides")).content.decode()
    assert page.count("<tr>") - 1 == len(directory)
    assert "完整的公开指南：1个" in page
    row = lambda name: page[page.index(name):page.index("</tr>", page.index(name))]  # noqa: E731
    assert "完整" in row("沈河区人民政府") and "不完整" in row("沈阳市财政局") and "未填写" in row("沈阳市司法局")


def test_a_unit_sees_only_its_own_units_in_the_overview(client_for, directory, shenhe):
    page = client_for(shenhe).get(reverse("documents:guides")).content.decode()
    assert "沈河区人民政府" in page and "沈阳市财政局" not in page


# --- public pages ------------------------------------------------------------------------------------

def test_the_public_reads_the_guide_with_phone_and_mail_links(client, directory, shenhe):
    unit = directory["沈河区人民政府"]
    guides.edit_guide(actor=shenhe, unit=unit, fields=SHENHE_GUIDE)
    page = client.get(reverse("guide:unit", args=[unit.pk])).content.decode()
    assert '<a href="tel:02422856789">024-22856789</a>、<a href="tel:02422856790">024-22856790</a>' in page
    assert '<a href="mailto:shzwgk@shenhe.gov.cn">' in page
    assert "<dt>办公地址</dt><dd>沈阳市沈河区青年大街119号</dd>" in page
    assert f"?unit={unit.pk}" in page  # apply to this body
    assert unit.name in client.get(reverse("guide:index")).content.decode()


def test_a_unit_without_a_guide_says_so_and_unknown_units_are_404(client, directory):
    unit = directory["沈阳市司法局"]
    page = client.get(reverse("guide:unit", args=[unit.pk]))
    assert page.status_code == 200 and "尚未发布公开指南" in page.content.decode()
    assert client.get(reverse("guide:unit", args=[999999])).status_code == 404


def test_the_application_form_shows_the_chosen_bodys_contacts(client, directory, shenhe):
    unit = directory["沈河区人民政府"]
    guides.edit_guide(actor=shenhe, unit=unit, fields=SHENHE_GUIDE)
    page = client.get(reverse("foi:apply") + f"?unit={unit.pk}").content.decode()
    assert "沈阳市沈河区青年大街119号" in page and f'value="{unit.name}"' in page
    assert "青年大街" not in client.get(reverse("foi:apply") + "?unit=abc").content.decode()


def test_demo_guides_are_realistic_complete_and_idempotent(directory):
    units = list(directory.values())
    written = load_guides(units)
    assert len(written) == len(units) - 1  # 市委网信办 has none
    shenhe = DisclosureGuide.objects.get(unit=directory["沈河区人民政府"])
    assert shenhe.is_complete and shenhe.phone.startswith("024-2") and shenhe.postcode.startswith("1100")
    assert not DisclosureGuide.objects.get(unit=directory["沈阳公共资源交易中心"]).is_complete
    events = Event.objects.filter(verb="documents.guide_edited").count()
    load_guides(units)
    assert Event.objects.filter(verb="documents.guide_edited").count() == events
