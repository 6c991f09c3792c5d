"""Time `gongkai tick` over 1,000 tasks × 500 units (≈20,000 assignments, 1,000 people). Target: < 10 s.

Same synthetic city as dashboard_bench.py (built with bulk_create, bypassing services — see
there), in a database of its own. E-mail goes to Django's in-memory backend, so the numbers are
Gongkai's work, not an SMTP server's. Runs, with the clock pinned:
  1. 2021-10-12, first run: lights, reminders for every overdue assignment, 1,000 digests;
  2. 2021-10-12 again: must send and issue nothing (idempotence);
  3. 2021-10-15: warnings where reminders went unheeded, new digests;
  4. 2021-10-20: supervision notices (督办单), new digests.
Usage: python bench/tick_bench.py    (GONGKAI_DATABASE_URL=postgres://… for PostgreSQL)
"""

import datetime
import time

from dashboard_bench import bench_database, build_city, pinned
from django.core import mail
from django.db import connection

from gongkai.supervision.tick import run_tick

DAYS = [datetime.date(2021, 10, 12), datetime.date(2021, 10, 12), datetime.date(2021, 10, 15),
        datetime.date(2021, 10, 20)]


def main():
    with bench_database("gongkai_bench_supervision"):
        build_city()
        print(f"database: {connection.vendor}")
        print(f"{'day':10} {'seconds':>8} {'open':>6} {'heeded':>6} {'issued':>28} {'digests':>7} {'e-mails':>7} {'already':>7}")
        for hour, day in enumerate(DAYS, start=8):
            outbox = len(mail.outbox)
            with pinned(day, hour):
                started = time.perf_counter()
                report = run_tick(today=day)
                took = time.perf_counter() - started
            issued = ", ".join(f"{level} {n}" for level, n in sorted(report.issued.items())) or "—"
            assert len(mail.outbox) - outbox == report.emails
            print(f"{day.isoformat():10} {took:8.2f} {report.assignments:6} {report.heeded:6} {issued:>28} "
                  f"{report.digests:7} {report.emails:7} {report.already:7}")


if __name__ == "__main__":
    main()
