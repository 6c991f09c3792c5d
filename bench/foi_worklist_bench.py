"""Time the FOI staff work list (/foi/) over 100,000 applications in 500 units. Target: < 300 ms, bounded queries.

Builds a synthetic year of applications in a fresh database of its own — SQLite in a temporary
folder (a file, WAL, as in production), or PostgreSQL when GONGKAI_DATABASE_URL is set (a separate
database, `gongkai_bench_foi`, created and dropped here) — then requests the work list /foi/ with Django's test Client as the office (every unit: its first
page, a page deep in the list, red only, one unit) and as the handler of one unit: one warm-up, then
the median of 5, and the query count. The statistics page (/foi/statistics/?year=2021, office) is
timed too.

The clock is pinned to 2021-12-15: about a tenth of the applications are open, some overdue, and a
few still await confirmation of receipt (no due date yet).

The bench data bypasses the service functions and writes rows with bulk_create: going through the
services (one transaction, clock computation and event row per application) would take many
minutes and measure the set-up, not the page. No ClockEvent rows are written: the work list and the
statistics read only the cached due_date and the stored dates.

Usage: python bench/foi_worklist_bench.py [--runs N] [--applications N] [--units N]
"""

import argparse
import datetime
import random
import re
import statistics
import time
from collections import Counter

from common import SHANGHAI, bench_database, bench_units, pinned  # first: it sets Django up
from django.contrib.auth.hashers import make_password
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.foi.models import ApplicantType, Application, Channel, Part, Status
from gongkai.foi.outcomes import ClosureCode
from gongkai.orgs.models import Membership, Role, User
from gongkai.workdays.calendar import WorkCalendar
from gongkai.workdays.services import ensure_package_years

TODAY = datetime.date(2021, 12, 15)
FIRST_ARRIVAL = datetime.date(2021, 1, 4)
# Outcomes roughly as Shenyang's annual reports show them: most disclosed, then "not held".
OUTCOMES = [ClosureCode.DISCLOSED] * 50 + [ClosureCode.PARTIAL] * 8 + [ClosureCode.UNAVAILABLE_NOT_HELD] * 20 + [
    ClosureCode.WITHHELD_PROCESS] * 4 + [ClosureCode.NOT_PROCESSED_PETITION] * 6 + [ClosureCode.NOT_PROCESSED_REPEAT] * 4 + [
    ClosureCode.OTHER_NO_CORRECTION] * 4 + [ClosureCode.OTHER] * 4
TYPES = [ApplicantType.NATURAL_PERSON] * 85 + [ApplicantType.BUSINESS] * 10 + [
    ApplicantType.LEGAL_SERVICE] * 3 + [ApplicantType.OTHER_ORGANISATION] * 2
OPEN_PAUSED = [Status.IN_HANDLING] * 14 + [Status.AWAITING_CORRECTION, Status.CONSULTING, Status.AWAITING_APPROVAL,
                                           Status.APPROVED, Status.AWAITING_PAYMENT]


def build(*, applications, units, seed=2021):
    """Units with one handler each, the office, `applications` spread over 2021 and ~2% joint parts."""
    rng = random.Random(seed)
    ensure_package_years(actor=None, years=[2021, 2022])
    calendar = WorkCalendar.from_db()
    with pinned(FIRST_ARRIVAL):
        unit_rows = bench_units(units)
        office, handlers = _people(unit_rows)
        rows = _applications(applications, unit_rows, handlers, calendar, rng)
        _parts(rows, unit_rows, rng)
    if connection.vendor == "postgresql":
        # Planner statistics, as autovacuum would gather them on a live server after such a load.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return office, handlers


def _people(units):
    password = make_password(None)  # unusable: hashing 500 passwords would dominate the set-up
    users = User.objects.bulk_create([User(username=f"h{n}", password=password) for n in range(len(units))]
                                     + [User(username="office", password=password)])
    memberships = [Membership(user=users[n], unit=unit, role=Role.HANDLER) for n, unit in enumerate(units)]
    memberships.append(Membership(user=users[-1], unit=units[0], role=Role.OFFICE_ADMIN))
    Membership.objects.bulk_create(memberships)
    return users[-1], users[:-1]


def _applications(count, units, handlers, calendar, rng):
    days = (TODAY - FIRST_ARRIVAL).days
    batch = []
    for n in range(count):
        arrived = FIRST_ARRIVAL + datetime.timedelta(days=rng.randrange(days + 1))
        unit_index = rng.randrange(len(units))
        batch.append(Application(
            tracking_code=f"2021-B{n:07d}", password_hash="!", channel=rng.choice([Channel.ONLINE, Channel.IN_PERSON]),
            arrived_at=datetime.datetime(arrived.year, arrived.month, arrived.day, 10, tzinfo=SHANGHAI),
            applicant_type=rng.choice(TYPES), name="张三", id_type="resident_id", id_number="210102199001011234",
            phone="13800000000", description="某项目的批复文件", form="electronic", delivery="online",
            target_unit=units[unit_index], handling_unit=units[unit_index],
            handler=handlers[unit_index] if rng.random() < 0.7 else None,
            **_state(arrived, calendar, rng),
        ))
    return Application.objects.bulk_create(batch, batch_size=2000)


def _state(arrived, calendar, rng):
    """Recent applications mostly open, older ones mostly served; a few overdue, a few unconfirmed."""
    if arrived >= TODAY - datetime.timedelta(days=3) and rng.random() < 0.5:
        return {"status": Status.AWAITING_CONFIRMATION}
    receipt = calendar.add_workdays(arrived, 0)  # the first working day from arrival
    due = calendar.add_workdays(receipt, 20)
    still_open = rng.random() < (0.9 if due >= TODAY else 0.01)
    if still_open:
        return {"status": rng.choice(OPEN_PAUSED), "receipt_date": receipt, "due_date": due}
    code = rng.choice(OUTCOMES)
    done = min(calendar.add_workdays(receipt, rng.randint(1, 22)), TODAY)
    if code == ClosureCode.OTHER_NO_CORRECTION:
        return {"status": Status.CLOSED, "receipt_date": receipt, "due_date": due, "closure_code": code,
                "closed_on": done}
    return {"status": rng.choice([Status.SERVED, Status.ARCHIVED]), "receipt_date": receipt, "due_date": due,
            "closure_code": code, "served_on": done, "closed_on": done, "service_method": "online",
            "reply_workdays": calendar.count_workdays(receipt, done)}  # as deciding.serve keeps it


def _parts(applications, units, rng):
    """Joint handling on ~2% of the applications: what makes visible_to join foi_part."""
    parts = []
    for application in applications:
        if rng.random() < 0.02:
            other = rng.choice(units)
            if other.pk != application.handling_unit_id:
                parts.append(Part(application=application, unit=other, question="请提供相关部分",
                                  due_date=application.due_date or TODAY))
    Part.objects.bulk_create(parts, batch_size=2000)


def time_page(user, path, runs):
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    times, cpu = [], []
    with pinned(TODAY, 10):
        response = client.get(path)  # warm-up: calendar cache, templates, session
        assert response.status_code == 200, (path, response.status_code)
        for _run in range(runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            client.get(path)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
    return times, cpu, queries.captured_queries, response


def query_shapes(queries):
    """The captured SQL with literals blanked, counted: shows which statement repeats per row."""
    shapes = Counter(re.sub(r"('[^']*'|\b\d+\b)", "?", q["sql"]) for q in queries)
    return shapes.most_common(3)


def report(label, times, cpu, queries, rows):
    ms = [t * 1000 for t in times]
    print(f"{label}: {rows} rows shown; median {statistics.median(ms):.0f} ms, min {min(ms):.0f} ms, "
          f"max {max(ms):.0f} ms; CPU in this process median {statistics.median(cpu) * 1000:.0f} ms; "
          f"{len(queries)} queries")
    for shape, n in query_shapes(queries):
        if n > 1:
            print(f"    {n}× {shape[:150]}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--units", type=int, default=500)
    args = parser.parse_args()
    with bench_database("gongkai_bench_foi"):
        started = time.perf_counter()
        office, handlers = build(applications=args.applications, units=args.units)
        built = time.perf_counter() - started
        handler = handlers[0]
        open_now = Application.objects.open().count()
        print(f"database: {connection.vendor}; applications: {Application.objects.count()}, units: {args.units}, "
              f"open: {open_now}, of which overdue: {Application.objects.open().filter(due_date__lt=TODAY).count()}, "
              f"awaiting confirmation: {Application.objects.filter(status=Status.AWAITING_CONFIRMATION).count()}, "
              f"parts: {Part.objects.count()}; built in {built:.1f} s")
        unit = handler.memberships.get().unit
        for label, user, query in (
            ("work list, office, first page", office, ""),
            ("work list, office, page 40", office, "?page=40"),
            ("work list, office, red only", office, "?light=red"),
            ("work list, office, one unit", office, f"?unit={unit.pk}"),
            (f"work list, handler of {handler.username}'s unit", handler, ""),
        ):
            times, cpu, queries, response = time_page(user, "/foi/" + query, args.runs)
            work = response.context["work"]
            report(label, times, cpu, queries, len(work.rows))
            print(f"    {work.page.paginator.count} on the clock ({dict(work.lights)}), "
                  f"{work.waiting_count} awaiting confirmation")
        times, cpu, queries, response = time_page(office, f"{reverse('foi:statistics')}?year=2021", args.runs)
        report("statistics 2021, office", times, cpu, queries, len(response.context["stats"].units))


if __name__ == "__main__":
    main()
