"""Every row checked before anything is written, each problem reported by its line and column."""

import pytest

from gongkai.documents.importing.files import FolderFiles, NoFiles
from gongkai.documents.importing.writing import plan_listing
from gongkai.documents.models import DisclosureAttribute, Validity

from .importing_helpers import PDF, doc, jsonl


def plan(*docs, files=None, scope=None, publish=False):
    return plan_listing(data=jsonl(*docs), filename="x.jsonl", files=files or NoFiles(), scope=scope, publish=publish)


def problems(row):
    return " ".join(f"{column}:{message}" for column, message in row.problems)


def test_a_good_row_resolves_unit_by_short_name_categories_and_column_path(directory):
    (row,) = plan(doc(columns=["规划信息/专项规划", "通知公告"], genre="规范性文件", validity="现行有效")).rows
    assert row.status == "new", row.problems
    assert row.unit == directory["沈河区人民政府"]
    assert [c.name for c in row.columns] == ["专项规划", "通知公告"]
    assert row.fields["genre"].name == "规范性文件" and row.fields["validity"] == Validity.IN_FORCE
    assert row.fields["attribute"] == DisclosureAttribute.PROACTIVE
    assert row.fields["written_on"].isoformat() == "2021-03-01"


def test_each_bad_row_names_its_line_and_column(directory):
    rows = plan(
        doc(title=""),
        doc(unit="沈河区人民政府办公厅"),
        doc(written="2021-02-30"),
        doc(attribute="公开"),
        doc(validity="有时有效", genre="规范性文件"),
        doc(topic="城乡建设"),
        doc(genre="通告"),
        doc(columns=["不存在的栏目"]),
        doc(validity="已废止"),  # a notice carries no validity
        doc(url="www.example.cn/page"),
    ).rows
    assert [row.status for row in rows] == ["error"] * 10
    assert "标题" in problems(rows[0])
    assert "发布机构" in problems(rows[1]) and "沈河区人民政府" in problems(rows[1])  # suggested
    assert "成文日期" in problems(rows[2])
    assert "公开属性" in problems(rows[3])
    assert "有效性" in problems(rows[4])
    assert "主题分类" in problems(rows[5]) and "城乡建设、环境保护" in problems(rows[5])
    assert "体裁分类" in problems(rows[6])
    assert "栏目" in problems(rows[7])
    assert "有效性" in problems(rows[8])
    assert "原网址" in problems(rows[9])


def test_a_unit_group_is_not_an_issuing_unit(directory):
    (row,) = plan(doc(unit="区、县（市）政府")).rows
    assert row.status == "error" and "发布机构" in problems(row)


def test_a_leaf_column_name_that_fits_several_columns_asks_for_the_path(directory):
    from gongkai.documents.models import Column

    statutory = Column.objects.get(slug="statutory")
    Column.objects.create(name="专项规划", slug="special-2", parent=statutory)
    (row,) = plan(doc(columns=["专项规划"])).rows
    assert row.status == "error" and "规划信息/专项规划" in problems(row)


def test_documents_kept_back_need_a_reason_and_legal_ground(directory):
    bare, grounded = plan(
        doc(attribute="依申请公开", title="请示甲"),
        doc(attribute="不予公开", title="请示乙", attribute_reason="内部请示，属过程性信息", legal_ground="第十六条第二款"),
    ).rows
    assert bare.status == "error" and "不公开理由" in problems(bare)
    assert grounded.status == "new", grounded.problems
    assert grounded.fields["legal_ground"] == "art16_2"


def test_a_liaison_imports_only_the_own_units_documents(directory):
    own = directory["沈河区人民政府"].pk
    mine, other = plan(doc(), doc(unit="市发展改革委", title="发改委的通知"), scope={own}).rows
    assert mine.status == "new"
    assert other.status == "error" and "沈阳市发展和改革委员会" in problems(other)


def test_attachments_must_be_in_the_folder_and_pass_the_upload_check(directory, tmp_path):
    (tmp_path / "方案.pdf").write_bytes(PDF)
    (tmp_path / "假的.pdf").write_bytes(b"MZ not a pdf")
    good, missing, fake, outside = plan(
        doc(attachments=["方案.pdf"], title="甲"), doc(attachments=["没有.pdf"], title="乙"),
        doc(attachments=["假的.pdf"], title="丙"), doc(attachments=["../方案.pdf"], title="丁"),
        files=FolderFiles(tmp_path)).rows
    assert good.status == "new" and good.attachments == ["方案.pdf"]
    assert missing.status == "error" and "没有.pdf" in problems(missing)
    assert fake.status == "error" and "假的.pdf" in problems(fake)
    assert outside.status == "error" and "附件" in problems(outside)


def test_a_row_repeated_in_the_file_is_skipped_not_created_twice(directory):
    first, again, other_url = plan(doc(url="http://a.gov.cn/1.html"), doc(url="http://a.gov.cn/1.html"),
                                   doc(url="http://a.gov.cn/2.html")).rows
    assert (first.status, again.status, other_url.status) == ("new", "skip", "new")
    assert "1" in again.skip_reason


@pytest.mark.parametrize("publish, expected", [(False, (0, 2)), (True, (1, 1))])
def test_counts_say_what_would_be_published(directory, publish, expected):
    grounded = doc(attribute="依申请公开", title="乙", attribute_reason="内部请示", legal_ground="art16_2")
    counts = plan(doc(), grounded, publish=publish).counts()
    assert (counts["published"], counts["drafts"]) == expected and counts["new"] == 2
