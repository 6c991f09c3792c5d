"""Time the 主动公开 panel of the city dashboard (documents.metrics.panel) over a year of publishing.

The city of dashboard_bench.py (500 units, 20,000 assignments) plus, in 2021 up to the pinned day
2021-10-12: 5,000 policies needing an interpretation (规范性文件, ten per unit), 4,000 interpretations
of them (same day, a few days late, text or 图解; a fifth of the policies have none) and 10,000 other
documents with a 成文日期, a tenth of them published late. Written with bulk_create like the ledger
(the services would time themselves, not the panel). Prints the panel alone, then the whole city
dashboard with it, each the median of --runs after one warm-up, and their query counts.
Usage: python bench/disclosure_bench.py [--runs N]    (compare with dashboard_bench.py's city dashboard)
"""

import argparse
import datetime
import random
import statistics
import time

from common import SHANGHAI, bench_database, pinned  # first: it sets Django up
from dashboard_bench import TODAY, build_city, report, time_page
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.documents import metrics
from gongkai.documents.models import Category, CategoryKind, DisclosureAttribute, Document, DocumentState
from gongkai.orgs.models import Unit

YEAR_START = datetime.date(2021, 1, 1)


def _moment(day, rng):
    return datetime.datetime(day.year, day.month, day.day, rng.randrange(8, 24), rng.randrange(60), tzinfo=SHANGHAI)


def build_documents(*, policies_per_unit=10, others_per_unit=20, seed=2021):
    rng = random.Random(seed)
    normative = Category.objects.get(kind=CategoryKind.GENRE, name="规范性文件")
    notice = Category.objects.get(kind=CategoryKind.GENRE, name="通知公告")
    days = (TODAY - YEAR_START).days
    common = {"state": DocumentState.PUBLISHED, "attribute": DisclosureAttribute.PROACTIVE}
    policies, others = [], []
    for unit_id in Unit.objects.values_list("pk", flat=True):
        for n in range(policies_per_unit):
            day = YEAR_START + datetime.timedelta(days=rng.randrange(days))
            policies.append(Document(unit_id=unit_id, title=f"规范性文件{unit_id}-{n}", genre=normative,
                                     written_on=day - datetime.timedelta(days=5), published_at=_moment(day, rng),
                                     **common))
        for n in range(others_per_unit):
            day = YEAR_START + datetime.timedelta(days=rng.randrange(days))
            others.append(Document(unit_id=unit_id, title=f"通知{unit_id}-{n}", genre=notice,
                                   written_on=day - datetime.timedelta(days=rng.randrange(1, 40)),
                                   published_at=_moment(day, rng),
                                   published_late_workdays=rng.randrange(1, 10) if rng.random() < 0.1 else None,
                                   **common))
    policies = Document.objects.bulk_create(policies, batch_size=2000)
    Document.objects.bulk_create(others, batch_size=2000)
    kinds = ["text", "graphic", "qa", "video"]
    interpretations = [
        Document(unit_id=policy.unit_id, title=f"解读：{policy.title}", interprets=policy,
                 interpretation_kind=rng.choice(kinds), published_at=policy.published_at
                 + datetime.timedelta(hours=rng.choice([0, 0, 0, 1, 30, 100])), **common)
        for policy in policies if rng.random() < 0.8
    ]
    Document.objects.bulk_create(interpretations, batch_size=2000)
    return len(policies), len(interpretations), len(others)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with bench_database("gongkai_bench_disclosure"):
        office, _plan = build_city()
        counts = build_documents()
        print(f"database: {connection.vendor}; policies {counts[0]}, interpretations {counts[1]}, "
              f"other dated documents {counts[2]}")
        with pinned(TODAY, 10):
            metrics.panel(today=TODAY)
            times, cpu = [], []
            for _run in range(runs):
                started, started_cpu = time.perf_counter(), time.process_time()
                board = metrics.panel(today=TODAY)
                times.append(time.perf_counter() - started)
                cpu.append(time.process_time() - started_cpu)
            with CaptureQueriesContext(connection) as queries:
                metrics.panel(today=TODAY)
        print(f"panel alone: median {statistics.median(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms "
              f"({runs} runs after one warm-up); {len(queries)} queries; {board.flagged_count} flagged, "
              f"{board.late_count} late, city 三同步 {board.totals.sync_rate}, 图解 {board.totals.graphic_rate}")
        print(f"  of which CPU in this process: median {statistics.median(cpu) * 1000:.0f} ms")
        times, cpu, query_count, _context = time_page(office, "/supervision/", runs)
        report("city dashboard with the panel", times, cpu, query_count, runs)


if __name__ == "__main__":
    main()
