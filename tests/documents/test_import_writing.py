"""Writing an import: all or nothing, the dry run writes nothing, a second import skips, attachments
come from --files, and the command line says it all in Chinese."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from gongkai.documents.models import Document, DocumentImport, DocumentState
from gongkai.events.models import Event

from .importing_helpers import CSV_ROW, PDF, csv_text, doc, jsonl, xlsx


def run(path, *args):
    """call_command as `gongkai import-documents`; (stdout, CommandError or None)."""
    import io

    out = io.StringIO()
    try:
        call_command("import_documents", str(path), *args, stdout=out, stderr=io.StringIO())
    except CommandError as error:
        return out.getvalue(), error
    return out.getvalue(), None


@pytest.fixture
def listing(tmp_path):
    def write(data, name="listing.jsonl"):
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return write


def test_publish_creates_published_documents_at_their_dates_and_one_event(directory, listing):
    path = listing(jsonl(doc(), doc(title="沈河区人民政府关于印发2021年政务公开工作要点的通知", published="",
                                    columns=["规划信息/专项规划"], url="http://www.shenhe.gov.cn/a.html")))
    out, error = run(path, "--publish")
    assert error is None, out
    documents = Document.objects.order_by("id")
    assert [d.state for d in documents] == [DocumentState.PUBLISHED] * 2
    first, second = documents
    assert timezone.localdate(first.published_at) == datetime.date(2021, 3, 5) and first.index_number
    assert first.unit == directory["沈河区人民政府"] and first.number == "沈政发〔2021〕3号"
    assert [c.name for c in second.columns.all()] == ["专项规划"] and second.source_url.endswith("a.html")
    (event,) = Event.objects.filter(verb="documents.imported")
    assert event.data["new"] == 2 and event.data["published"] == 2
    assert DocumentImport.objects.get().counts["new"] == 2
    assert "2" in out


def test_without_publish_rows_become_drafts(directory, listing):
    out, error = run(listing(jsonl(doc())))
    assert error is None
    assert Document.objects.get().state == DocumentState.DRAFT


def test_one_bad_row_and_nothing_is_written(directory, listing):
    path = listing(jsonl(doc(title="好的一行"), doc(unit="不存在的单位", title="坏的一行"), doc(title="又一行好的")))
    out, error = run(path, "--publish")
    assert error is not None
    assert "2" in out and "不存在的单位" in out  # the line and the name
    assert not Document.objects.exists() and not Event.objects.filter(verb__startswith="documents.").exists()
    assert not DocumentImport.objects.exists()


def test_dry_run_reports_the_same_and_writes_nothing(directory, listing):
    out, error = run(listing(jsonl(doc(), doc(title="另一份"))), "--dry-run", "--json")
    assert error is None
    report = json.loads(out)
    assert report["new"] == 2 and report["written"] is False and report["dry_run"] is True
    assert not Document.objects.exists() and not Event.objects.filter(verb="documents.imported").exists()


def test_importing_the_same_file_again_skips_every_document(directory, listing):
    path = listing(jsonl(doc(), doc(title="有网址的", url="http://www.shenhe.gov.cn/b.html")))
    run(path, "--publish")
    out, error = run(path, "--publish", "--json")
    assert error is None
    report = json.loads(out)
    assert report["skipped"] == 2 and report["new"] == 0 and report["written"] is False
    assert Document.objects.count() == 2
    assert all(row["status"] == "skip" for row in report["rows"])


def test_the_url_is_the_key_when_a_row_has_one(directory, listing):
    run(listing(jsonl(doc(url="http://www.shenhe.gov.cn/c.html"))))
    # Same page, corrected title: still the same document. Same title, other page: another document.
    out, _error = run(listing(jsonl(doc(url="http://www.shenhe.gov.cn/c.html", title="改过的标题"),
                                    doc(url="http://www.shenhe.gov.cn/d.html")), "second.jsonl"), "--json")
    assert [row["status"] for row in json.loads(out)["rows"]] == ["skip"]
    assert Document.objects.count() == 2


def test_attachments_come_from_the_files_folder(directory, listing, tmp_path):
    files = tmp_path / "files"
    (files / "2021").mkdir(parents=True)
    (files / "2021" / "实施方案.pdf").write_bytes(PDF)
    out, error = run(listing(jsonl(doc(attachments=["2021/实施方案.pdf"]))), "--files", str(files), "--publish")
    assert error is None, out
    document = Document.objects.get()
    (attachment,) = document.attachments.all()
    assert attachment.original_name == "实施方案.pdf" and attachment.kind == "PDF"
    assert document.versions.get().metadata["attachments"] == ["实施方案.pdf"]  # one version, with its file


def test_a_missing_attachment_folder_is_one_clear_error(directory, listing, tmp_path):
    _out, error = run(listing(jsonl(doc())), "--files", str(tmp_path / "nowhere"))
    assert error is not None and "nowhere" in str(error)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_listings_import_in_every_encoding(directory, listing, encoding):
    bad = list(CSV_ROW)
    bad[0], bad[4] = "日期写错的一行", "2021年13月1日"
    _out, error = run(listing(csv_text([CSV_ROW, bad]).encode(encoding), "x.csv"), "--publish")
    assert error is not None and not Document.objects.exists()  # row 3 is bad: nothing
    out, error = run(listing(csv_text([CSV_ROW]).encode(encoding), "y.csv"), "--publish")
    assert error is None, out
    document = Document.objects.get()
    assert document.keywords == ["老旧小区", "改造", "民生"] and document.written_on == datetime.date(2021, 3, 1)
    assert timezone.localdate(document.published_at) == datetime.date(2021, 3, 5)


def test_xlsx_listing_with_chinese_headers(directory, listing):
    good = list(CSV_ROW)
    good[5] = datetime.datetime(2021, 3, 5)
    bad = list(CSV_ROW)
    bad[0], bad[2] = "机构写错的一行", "沈河区"
    out, error = run(listing(xlsx([good, bad]), "x.xlsx"))
    assert error is not None and "3" in out and not Document.objects.exists()
    out, error = run(listing(xlsx([good]), "y.xlsx"), "--publish")
    assert error is None, out
    assert timezone.localdate(Document.objects.get().published_at) == datetime.date(2021, 3, 5)


def test_an_empty_directory_and_an_unreadable_file_are_one_line_each(db, listing):
    _out, error = run(listing(jsonl(doc())))
    assert "load-directory" in str(error)


def test_the_command_reports_in_chinese_and_fails_when_rows_are_bad(directory, listing):
    """gongkai exits with the CommandError's return code (cli_help.execute); the process is not started
    here because it closes the database connection the test runs in."""
    out, error = run(listing(jsonl(doc(), doc(title="", unit="市发改委"))))
    assert "第 2 行（标题）" in out and error.returncode == 1 and "未导入任何文件" in str(error)
    good = listing(jsonl(*(doc(title=f"第{n}号通知") for n in range(25))), "good.jsonl")
    out, error = run(good, "--publish")
    assert error is None and "已导入 25 份文件" in out
    out, error = run(good)
    assert error is None  # nothing new is not an error
    assert "另有 5 行已跳过" in out and Document.objects.count() == 25
