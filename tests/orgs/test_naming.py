import pytest
from django.core.exceptions import ValidationError

from gongkai.orgs.models import Unit, UnitAlias
from gongkai.orgs.naming import NameResolver, normalize_name
from gongkai.orgs.services import add_alias


@pytest.fixture
def resolver(directory):
    return NameResolver()


def test_exact_official_name(resolver):
    result = resolver.resolve("沈阳市财政局")
    assert (result.match, result.unit.name) == ("exact", "沈阳市财政局")


def test_alias_as_plans_write_it(resolver):
    result = resolver.resolve("市发展改革委")
    assert (result.match, result.unit.name) == ("alias", "沈阳市发展和改革委员会")


def test_both_names_of_the_government_office_are_one_unit(resolver):
    assert resolver.resolve("市政府办公室").unit == resolver.resolve("市政府办公厅").unit


def test_group_term(resolver):
    result = resolver.resolve("区县（市）政府")
    assert result.match == "group"
    assert result.group.name == "区县（市）政府"
    assert result.unit is None


def test_group_with_half_width_brackets(resolver):
    assert resolver.resolve("区县(市)政府").group.name == "区县（市）政府"


def test_line_wrapped_name_with_doubled_characters_is_suggested_not_resolved(resolver):
    result = resolver.resolve("沈阳公共资源交 易交易中心")
    assert result.match == "suggested"
    assert result.unit is None
    assert result.suggestions[0] == "沈阳公共资源交易中心"


def test_defunct_industry_and_commerce_bureau_stays_unresolved(resolver):
    # 市工商局 was merged into 市场监督管理局 in 2018–2019: a person must decide what the plan meant.
    result = resolver.resolve("市工商局")
    assert result.unit is None and result.group is None
    assert result.match in {"suggested", "unresolved"}
    assert result.as_json()["resolved"] is None


def test_unknown_name_without_any_likeness(resolver):
    result = resolver.resolve("中央气象台")
    assert (result.match, result.suggestions) == ("unresolved", [])


def test_mapping_is_remembered_as_alias(directory):
    add_alias(actor=None, unit=directory["沈阳公共资源交易中心"], name="沈阳公共资源交 易交易中心")
    result = NameResolver().resolve("沈阳公共资源交易交易中心")
    assert (result.match, result.unit.name) == ("alias", "沈阳公共资源交易中心")
    assert UnitAlias.objects.filter(name="沈阳公共资源交易交易中心").exists()


def test_an_alias_cannot_point_at_two_units(directory):
    with pytest.raises(ValidationError):
        add_alias(actor=None, unit=directory["沈阳市财政局"], name="市发展改革委")


def test_normalize_removes_wrap_spaces_and_unifies_brackets():
    assert normalize_name(" 区县 (市) 政府\n") == "区县（市）政府"


def test_groups_expand_to_members(directory):
    from gongkai.orgs.models import UnitGroup

    districts = UnitGroup.objects.get(name="区县（市）政府").members()
    assert districts.count() == 13
    assert set(districts.values_list("code", flat=True)) >= {"210102", "210181", "210123"}
    departments = UnitGroup.objects.get(name="市政府各部门").members()
    assert "沈阳市财政局" in set(departments.values_list("name", flat=True))
    assert not departments.filter(kind="district_government").exists()
    # 市政府有关部门 means whom the lead unit designates: nobody until it does.
    assert UnitGroup.objects.get(name="市政府有关部门").members().count() == 0
    assert Unit.objects.count() == 28
