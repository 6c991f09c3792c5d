"""Editing the disclosure column tree: the office keeps the standard tree, a unit adds its own columns.

Cast (tests/conftest.py): office, shenhe (handler of 沈河区人民政府), shenhe_viewer, fgw_liaison (another unit).
"""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.documents import columns
from gongkai.documents.models import Column, Document, UpdateClass
from gongkai.events.models import Event


def standard(slug, parent=None):
    return Column.objects.standard().get(slug=slug, parent__slug=parent) if parent else \
        Column.objects.standard().get(slug=slug, parent__isnull=True)


@pytest.fixture
def finance(db):
    return standard("finance", "statutory")


def test_the_standard_tree_is_seeded_with_its_update_classes(db):
    assert standard("news").update_class == UpdateClass.NEWS
    assert standard("budget", "finance").update_class == UpdateClass.POLICY
    assert standard("guide").update_class == UpdateClass.NONE
    assert [c.name for c in standard("plans", "statutory").children.order_by("order")][:2] == ["发展规划", "国土空间规划"]


def test_office_adds_renames_and_deletes_a_standard_column(office, finance):
    column = columns.add_column(actor=office, parent=finance, name="国有资产", slug="assets")
    assert column.unit is None and column.update_class == UpdateClass.POLICY  # the parent's
    assert column.order == 3  # after 预算, 决算, 政府债务
    columns.rename_column(actor=office, column=column, name="国有资产管理", slug="state-assets")
    column.refresh_from_db()
    assert (column.name, column.slug) == ("国有资产管理", "state-assets")
    columns.delete_column(actor=office, column=column)
    assert not Column.objects.filter(pk=column.pk).exists()
    verbs = list(Event.objects.order_by("id").values_list("verb", flat=True))
    assert verbs[-3:] == ["documents.column_added", "documents.column_renamed", "documents.column_deleted"]


@pytest.mark.parametrize("who", ["shenhe", "shenhe_viewer", "fgw_liaison"])
def test_only_the_office_edits_the_standard_tree(request, who, finance):
    person = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        columns.add_column(actor=person, parent=finance, name="国有资产", slug="assets")
    with pytest.raises(PermissionDenied):
        columns.rename_column(actor=person, column=finance, name="财政")
    with pytest.raises(PermissionDenied):
        columns.set_update_class(actor=person, column=finance, update_class=UpdateClass.NEWS)
    with pytest.raises(PermissionDenied):
        columns.reorder_column(actor=person, column=finance, direction="up")
    finance.refresh_from_db()
    assert (finance.name, finance.update_class) == ("财政信息", UpdateClass.POLICY)


def test_a_unit_adds_its_own_columns_under_standard_ones(shenhe, shenhe_unit, shenhe_viewer, fgw_liaison):
    news = standard("news")
    own = columns.add_column(actor=shenhe, parent=news, unit=shenhe_unit, name="街道动态", slug="streets")
    assert own.unit == shenhe_unit and own.update_class == UpdateClass.NEWS
    deeper = columns.add_column(actor=shenhe, parent=own, unit=shenhe_unit, name="大东街道", slug="dadong")
    assert deeper.parent == own
    with pytest.raises(PermissionDenied):
        columns.add_column(actor=shenhe_viewer, parent=news, unit=shenhe_unit, name="视频", slug="video")
    with pytest.raises(PermissionDenied):  # another unit's staff
        columns.rename_column(actor=fgw_liaison, column=own, name="改名")
    with pytest.raises(PermissionDenied):  # a unit never touches the standard column it hangs under
        columns.delete_column(actor=shenhe, column=news)
    with pytest.raises(ValidationError, match="须设在某个标准栏目之下"):
        columns.add_column(actor=shenhe, parent=None, unit=shenhe_unit, name="顶层", slug="top")
    assert set(Column.objects.for_unit(shenhe_unit).filter(unit__isnull=False)) == {own, deeper}


def test_a_unit_cannot_hang_a_column_under_another_units_column(shenhe, shenhe_unit, fgw_liaison, directory):
    fgw = directory["沈阳市发展和改革委员会"]
    theirs = columns.add_column(actor=fgw_liaison, parent=standard("news"), unit=fgw, name="项目动态", slug="projects")
    with pytest.raises(ValidationError, match="其他单位的自设栏目"):
        columns.add_column(actor=shenhe, parent=theirs, unit=shenhe_unit, name="抄袭", slug="copy")


def test_slugs_are_unique_among_siblings_as_a_unit_sees_them(office, shenhe, shenhe_unit, fgw_liaison, finance,
                                                            directory):
    with pytest.raises(ValidationError, match="已有地址为“budget”的栏目"):
        columns.add_column(actor=office, parent=finance, name="预算2", slug="budget")
    with pytest.raises(ValidationError, match="已有地址为"):  # beside the standard 预算
        columns.add_column(actor=shenhe, parent=finance, unit=shenhe_unit, name="区级预算", slug="BUDGET")
    own = columns.add_column(actor=shenhe, parent=finance, unit=shenhe_unit, name="专项资金", slug="funds")
    # Another unit may use the same address for its own column; the office no longer for a standard one.
    fgw = directory["沈阳市发展和改革委员会"]
    columns.add_column(actor=fgw_liaison, parent=finance, unit=fgw, name="专项资金", slug="funds")
    with pytest.raises(ValidationError, match="已有地址为"):
        columns.add_column(actor=office, parent=finance, name="专项资金", slug="funds")
    # The same address elsewhere in the tree is fine.
    assert columns.add_column(actor=shenhe, parent=standard("news"), unit=shenhe_unit, name="资金动态", slug="funds")
    with pytest.raises(ValidationError, match="英文字母"):
        columns.rename_column(actor=shenhe, column=own, name="专项资金", slug="专项")
    with pytest.raises(ValidationError, match="名称"):
        columns.rename_column(actor=shenhe, column=own, name="  ")


def test_move_keeps_the_tree_a_tree(office, finance):
    plans = standard("plans", "statutory")
    columns.move_column(actor=office, column=finance, parent=standard("decisions"))
    finance.refresh_from_db()
    assert finance.parent.slug == "decisions"
    with pytest.raises(ValidationError, match="自身或其下级"):
        columns.move_column(actor=office, column=plans, parent=standard("special", "plans"))
    with pytest.raises(ValidationError, match="自身或其下级"):
        columns.move_column(actor=office, column=plans, parent=plans)


def test_move_refuses_an_address_taken_under_the_new_parent(office):
    column = columns.add_column(actor=office, parent=standard("news"), name="预算动态", slug="budget")
    with pytest.raises(ValidationError, match="已有地址为“budget”的栏目"):
        columns.move_column(actor=office, column=column, parent=standard("finance", "statutory"))


def test_a_standard_column_cannot_move_under_a_units_own(office, shenhe, shenhe_unit):
    own = columns.add_column(actor=shenhe, parent=standard("news"), unit=shenhe_unit, name="街道动态", slug="streets")
    with pytest.raises(ValidationError, match="标准栏目不能设在"):
        columns.move_column(actor=office, column=standard("notices"), parent=own)


def test_reorder_swaps_with_the_neighbour_and_stops_at_the_ends(office, finance):
    names = lambda: [c.name for c in finance.children.order_by("order", "id")]  # noqa: E731
    assert names() == ["预算", "决算", "政府债务"]
    columns.reorder_column(actor=office, column=standard("debt", "finance"), direction="up")
    assert names() == ["预算", "政府债务", "决算"]
    columns.reorder_column(actor=office, column=standard("budget", "finance"), direction="up")  # first already
    assert names() == ["预算", "政府债务", "决算"]
    columns.reorder_column(actor=office, column=standard("budget", "finance"), direction="down")
    assert names() == ["政府债务", "预算", "决算"]
    with pytest.raises(ValidationError):
        columns.reorder_column(actor=office, column=finance, direction="sideways")


def test_update_class_is_validated_and_recorded(office, finance):
    columns.set_update_class(actor=office, column=finance, update_class=UpdateClass.NEWS)
    finance.refresh_from_db()
    assert finance.update_class == UpdateClass.NEWS
    event = Event.objects.filter(verb="documents.column_update_class_changed").get()
    assert event.data == {"from": "policy", "to": "news"}
    with pytest.raises(ValidationError, match="更新要求"):
        columns.set_update_class(actor=office, column=finance, update_class="weekly")


def test_delete_only_when_empty(office, shenhe, shenhe_unit, finance):
    with pytest.raises(ValidationError, match="子栏目"):
        columns.delete_column(actor=office, column=finance)
    budget = standard("budget", "finance")
    document = Document.objects.create(unit=shenhe_unit, title="2026年部门预算", attribute="proactive")
    document.columns.add(budget)
    with pytest.raises(ValidationError, match="还有文件"):
        columns.delete_column(actor=office, column=budget)
    # A unit's own sub-column makes a standard column non-empty too.
    debt = standard("debt", "finance")
    columns.add_column(actor=shenhe, parent=debt, unit=shenhe_unit, name="专项债券", slug="bonds")
    with pytest.raises(ValidationError, match="子栏目"):
        columns.delete_column(actor=office, column=debt)
    assert Column.objects.filter(pk__in=[budget.pk, debt.pk]).count() == 2


def test_column_documents_include_the_subtree_once_and_scope_to_the_unit(shenhe, shenhe_unit, shenhe_viewer, directory):
    plans, special = standard("plans", "statutory"), standard("special", "plans")
    mine = Document.objects.create(unit=shenhe_unit, title="沈河区专项规划", attribute="proactive",
                                   state="published")
    mine.columns.add(plans, special)  # two columns, one record
    draft = Document.objects.create(unit=shenhe_unit, title="草稿规划", attribute="proactive")
    draft.columns.add(special)
    other = Document.objects.create(unit=directory["沈阳市发展和改革委员会"], title="市级规划",
                                    attribute="proactive", state="published")
    other.columns.add(special)
    assert list(columns.column_documents(unit=shenhe_unit, column=plans, public=True)) == [mine]
    assert set(columns.column_documents(unit=shenhe_unit, column=plans, user=shenhe_viewer)) == {mine, draft}
    assert list(columns.column_documents(unit=shenhe_unit, column=standard("news"), user=shenhe)) == []
