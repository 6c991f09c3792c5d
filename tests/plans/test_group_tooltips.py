"""A unit group on a plan page explains itself in Chinese: the tooltip of 区县（市）政府 says who it stands for."""

from django.urls import reverse

from gongkai.orgs.models import UnitGroup


def test_standard_groups_describe_themselves_in_chinese(directory):
    assert UnitGroup.objects.get(name="区县（市）政府").description_text == "各区、县（市）人民政府"
    custom = UnitGroup(name="试点单位", description="本市政务公开试点单位")
    assert custom.description_text == "本市政务公开试点单位"  # typed by the office: shown as typed


def test_the_plan_page_tooltip_of_a_group_is_chinese(sample_plan, client_for, office):
    page = client_for(office).get(reverse("plans:detail", args=[sample_plan.pk])).content.decode()
    assert 'title="单位组：各区、县（市）人民政府"' in page
    assert "The district, county" not in page and "Unit group" not in page
