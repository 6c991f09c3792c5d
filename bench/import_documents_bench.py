"""Time `gongkai import-documents --publish` on 10,000 generated documents, reported per 1,000.

A JSON Lines listing (gongkai.document/v1) of realistic documents is written to a temporary folder:
the Shenyang units by official and short names, notices, 规范性文件 with validity, plans and budgets,
dates over 2019–2026, keywords and columns of the standard tree, one in twenty kept back on request
(with its reason and ground), one in fifty with a PDF attachment from --files. Each run imports it
into a fresh database (SQLite in a temporary folder; with GONGKAI_DATABASE_URL, a database of its
own on that server, created and dropped), timing the command itself, in-process, as
`gongkai import-documents FILE --files DIR --publish`. Median of 3 runs.
Usage: python bench/import_documents_bench.py [--documents N] [--runs N]
"""

import argparse
import io
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

import common  # noqa: F401  (Django on a throwaway database)
from common import bench_database

ROOT = Path(__file__).resolve().parent.parent
UNITS = ROOT / "gongkai" / "demo" / "data" / "shenyang-units.csv"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SUBJECTS = ["老旧小区改造", "营商环境", "政务公开", "安全生产", "城市更新", "乡村振兴", "义务教育", "养老服务",
            "生态环境保护", "数字政府建设", "招商引资", "食品安全", "住房保障", "公共文化服务", "冬季清雪"]
GENRES = [("通知公告", "关于做好{s}工作的通知", "通知公告", 30), ("规范性文件", "关于印发{s}管理办法的通知", "政策文件", 15),
          ("工作动态", "召开{s}工作推进会", "工作动态", 25), ("规划", "{s}专项规划（2021—2025年）", "规划信息/专项规划", 10),
          ("预算决算", "{y}年部门预算", "财政信息/预算", 10), ("其他政策文件", "关于推进{s}的实施意见", "政策文件", 10)]
TOPICS = ["综合政务", "城乡建设、环境保护", "科技、教育", "民政、扶贫、救灾", "市场监管、安全生产监管", "财政、金融、审计"]


def listing(count, folder):
    from gongkai.orgs.models import Unit

    rng = random.Random(2021)
    units = [(unit.name, [a.name for a in unit.aliases.all()]) for unit in Unit.objects.prefetch_related("aliases")]
    (folder / "files").mkdir()
    lines = []
    for n in range(count):
        name, aliases = rng.choice(units)
        unit = rng.choice([name, *aliases])
        genre, pattern, column, _weight = rng.choices(GENRES, weights=[g[3] for g in GENRES])[0]
        year = rng.randint(2019, 2026)
        subject = rng.choice(SUBJECTS)
        written = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        document = {
            "format": "gongkai.document/v1", "title": f"{name}{pattern.format(s=subject, y=year)}（{n}）",
            "body": "\n\n".join(f"为进一步做好{subject}工作，根据有关规定，结合我市实际，现就有关事项通知如下。" * 3
                                for _ in range(rng.randint(2, 5))),
            "unit": unit, "number": f"沈{year}〔{year}〕{n}号" if genre != "工作动态" else "",
            "written": written, "published": written, "topic": rng.choice(TOPICS), "genre": genre,
            "keywords": rng.sample(SUBJECTS, 2), "attribute": "主动公开",
            "validity": rng.choice(["现行有效", "现行有效", "已废止"]) if genre == "规范性文件" else "",
            "columns": [column], "attachments": [], "url": f"http://www.shenyang.gov.cn/zwgk/{year}/{n:06d}.html",
        }
        if n % 20 == 7:
            document.update(attribute="依申请公开", attribute_reason="内部请示，属过程性信息", legal_ground="第十六条第二款")
        if n % 50 == 3:
            (folder / "files" / f"{n}.pdf").write_bytes(PDF)
            document["attachments"] = [f"{n}.pdf"]
        lines.append(json.dumps(document, ensure_ascii=False))
    path = folder / "documents.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_once(count, folder):
    from django.core.management import call_command
    from django.test.utils import teardown_test_environment

    from gongkai.documents.models import Document
    from gongkai.orgs.directory import import_directory

    with bench_database("gongkai_bench_import_documents"):
        import_directory(actor=None, data=UNITS.read_bytes(), filename=UNITS.name)
        path = folder / "documents.jsonl"
        if not path.exists():
            listing(count, folder)
        started = time.perf_counter()
        call_command("import_documents", str(path), "--files", str(folder / "files"), "--publish",
                     stdout=io.StringIO())
        elapsed = time.perf_counter() - started
        assert Document.objects.count() == count, Document.objects.count()
    teardown_test_environment()  # the next run's database sets it up again
    print(f"run: {elapsed:.1f} s", flush=True)
    return elapsed


def main():
    from django.db import connection

    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        times = [run_once(options.documents, Path(folder)) for _ in range(options.runs)]
    per_thousand = [t / options.documents * 1000 for t in times]
    print(f"import-documents --publish, {options.documents} documents on {connection.vendor}: "
          f"median {statistics.median(times):.1f} s ({min(times):.1f}–{max(times):.1f}); "
          f"{statistics.median(per_thousand):.2f} s per 1,000 ({options.runs} runs)")


if __name__ == "__main__":
    main()
