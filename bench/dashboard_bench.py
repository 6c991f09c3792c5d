"""Time the city dashboard over 1,000 tasks × 500 units (≈20,000 assignments). Target: < 300 ms.

Builds a synthetic city in a fresh database of its own — SQLite in a temporary folder (a file,
WAL, as in production), or PostgreSQL when GONGKAI_DATABASE_URL is set (a separate database,
`gongkai_bench_supervision`, created and dropped here) — then requests /supervision/ as the
office with Django's test Client: one warm-up, then the median of 5, and the query count.
The clock is pinned to 2021-10-12, when every light colour occurs.

The bench data bypasses the service functions and writes rows with bulk_create: going through
services (one transaction and event per row) would take minutes and measure the wrong thing.
Usage: python bench/dashboard_bench.py [--runs N]    (tick_bench.py reuses build_city)
"""

import argparse
import datetime
import random
import statistics
import time

from common import bench_database, bench_units, pinned  # first: it sets Django up
from django.contrib.auth.hashers import make_password
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from gongkai.ledger.models import Assignment, ProgressReport, ReportingRound
from gongkai.orgs.models import Membership, Role, User
from gongkai.plans.models import DeadlineKind, Item, Plan, Section, Task
from gongkai.workdays.services import ensure_package_years

TODAY = datetime.date(2021, 10, 12)
STARTED = datetime.date(2021, 3, 1)


def build_city(*, units=500, tasks=1000, per_task=20, seed=2021):
    """Units with a handler and a liaison each, one plan of `tasks` tasks, `per_task` units per task."""
    rng = random.Random(seed)
    ensure_package_years(actor=None, years=[2021, 2022])
    with pinned(STARTED):
        unit_rows = bench_units(units)
        office = _people(unit_rows)
        plan, task_rows = _plan(tasks, office)
        assignments = _assignments(task_rows, unit_rows, per_task, rng)
        _reports(assignments, rng)
        ReportingRound.objects.create(plan=plan, title="2021年10月进展", kind="monthly",
                                      opened_on=datetime.date(2021, 9, 27), deadline=datetime.date(2021, 10, 15),
                                      opened_by=office)
    return office, plan


def _people(units):
    """A handler and a liaison with e-mail per unit (1,000 people), and the office administrator."""
    password = make_password(None)  # unusable: hashing 1,000 passwords would dominate the set-up
    users = User.objects.bulk_create(
        [User(username=f"u{n}-{role}", email=f"{role}{n}@bench.example", password=password)
         for n in range(len(units)) for role in ("handler", "liaison")]
        + [User(username="office", password=password)]
    )
    memberships = [Membership(user=users[2 * n + i], unit=unit, role=role)
                   for n, unit in enumerate(units) for i, role in enumerate((Role.HANDLER, Role.LIAISON))]
    memberships.append(Membership(user=users[-1], unit=units[0], role=Role.OFFICE_ADMIN))
    Membership.objects.bulk_create(memberships)
    return users[-1]


def _plan(count, office):
    plan = Plan.objects.create(title="基准市2021年政务公开工作要点", year=2021, created_by=office)
    section = Section.objects.create(plan=plan, number="一", title="基准", position=1)
    items = Item.objects.bulk_create([Item(plan=plan, section=section, number=str(n + 1), title=f"第{n + 1}项工作",
                                           position=n + 1) for n in range(count // 5)])
    tasks = []
    for n in range(count):
        due = datetime.date(2021, 4 + n % 9, 1) + datetime.timedelta(days=(n * 7) % 27)  # April–December
        tasks.append(Task(item=items[n // 5], position=n % 5 + 1, deadline_kind=DeadlineKind.DATE, deadline_date=due,
                          text=f"推进第{n + 1}项重点任务：完善制度、公开信息、做好解读回应，按期报送进展情况。"))
    return plan, Task.objects.bulk_create(tasks)


def _assignments(tasks, units, per_task, rng):
    rows = []
    for task in tasks:
        for unit in rng.sample(units, per_task):
            rows.append(Assignment(task=task, unit=unit, started_on=STARTED, due_date=task.deadline_date,
                                   original_due_date=task.deadline_date, **_progress(task.deadline_date, rng)))
    return Assignment.objects.bulk_create(rows, batch_size=2000)


def _progress(due, rng):
    """Mostly done when due long ago, mostly in progress when due later; some returned, some late."""
    roll = rng.random()
    if due < TODAY and roll < 0.8 or due >= TODAY and roll < 0.15:
        late = rng.random() < 0.2
        finished = due + datetime.timedelta(days=rng.randint(1, 20)) if late else due - datetime.timedelta(days=rng.randint(0, 30))
        return {"state": "done_late" if late else "done", "percent": 100, "completed_on": min(finished, TODAY)}
    state = rng.choice(["in_progress"] * 6 + ["not_started", "submitted", "returned"])
    return {"state": state, "percent": rng.choice([0, 20, 40, 60, 80]), "returns": int(state == "returned")}


def _reports(assignments, rng):
    """A progress report on about a quarter of the assignments (what `tick` checks notices against)."""
    handler_of = dict(Membership.objects.filter(role=Role.HANDLER).values_list("unit_id", "user_id"))
    reports = [ProgressReport(assignment=a, author_id=handler_of[a.unit_id], text="按计划推进。", percent=a.percent,
                              status="accepted") for a in assignments if rng.random() < 0.25]
    ProgressReport.objects.bulk_create(reports, batch_size=2000)


def time_page(office, url, runs):
    """One warm-up (calendar cache, templates, session), then `runs` timed requests and a counted one."""
    client = Client()
    client.force_login(office, backend="django.contrib.auth.backends.ModelBackend")
    times, cpu = [], []
    with pinned(TODAY, 10):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        for _run in range(runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            client.get(url)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
    return times, cpu, len(queries.captured_queries), response.context


def report(name, times, cpu, queries, runs):
    print(f"{name}: median {statistics.median(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms, "
          f"max {max(times) * 1000:.0f} ms ({runs} runs after one warm-up); {queries} queries")
    # CPU time of this process (Python, and SQLite which runs in it): steadier on a busy machine.
    print(f"  of which CPU in this process: median {statistics.median(cpu) * 1000:.0f} ms")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with bench_database("gongkai_bench_supervision"):
        started = time.perf_counter()
        office, plan = build_city()
        built = time.perf_counter() - started
        times, cpu, queries, context = time_page(office, "/supervision/", runs)
        board = context["board"]
        print(f"database: {connection.vendor}; assignments: {board.totals.total}, units: {len(board.units)}; "
              f"built in {built:.1f} s")
        print(f"lights: red {board.totals['red']}, yellow {board.totals['yellow']}, green {board.totals['green']}, "
              f"done {board.totals['done']}")
        report("city dashboard", times, cpu, queries, runs)
        # The plan's ledger list (issue 8): every matching assignment lit, 50 shown.
        some_unit = Assignment.objects.filter(task__item__plan=plan).values_list("unit_id", flat=True).first()
        for query in ("", "?light=red&sort=due", f"?unit={some_unit}"):
            report(f"ledger /ledger/plans/N/{query}", *time_page(office, f"/ledger/plans/{plan.pk}/{query}", runs)[:3],
                   runs)


if __name__ == "__main__":
    main()
