"""How many `add_workdays(d, 20)` computations per second (target: 10,000).

Builds a WorkCalendar from the chinesecalendar package's 2019–2026 data (the same data the
database would hold; no database is touched), then times add_workdays(d, 20) for start dates
spread over 2019-01-01 … 2026-11-30. Prints the median of 5 runs, and the same for
count_workdays and explain_add for comparison.
Usage: python bench/workdays_bench.py [--calls N]
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")

import django  # noqa: E402

django.setup()

from gongkai.workdays import package  # noqa: E402
from gongkai.workdays.calendar import WorkCalendar  # noqa: E402

RUNS = 5


def package_calendar(years):
    holidays, workdays = {}, {}
    for year in years:
        year_holidays, year_workdays = package.year_days(year)
        holidays.update(year_holidays)
        workdays.update(year_workdays)
    return WorkCalendar(years=years, holidays=holidays, workdays=workdays)


def start_dates(count):
    first, span = datetime.date(2019, 1, 1), (datetime.date(2026, 11, 30) - datetime.date(2019, 1, 1)).days
    return [first + datetime.timedelta(days=(i * 7919) % span) for i in range(count)]


def per_second(function, dates):
    started = time.perf_counter()
    for day in dates:
        function(day)
    return len(dates) / (time.perf_counter() - started)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=100_000)
    calls = parser.parse_args().calls
    started = time.perf_counter()
    calendar = package_calendar(range(2019, 2027))
    build_ms = (time.perf_counter() - started) * 1000
    dates = start_dates(calls)
    cases = {
        "add_workdays(d, 20)": lambda d: calendar.add_workdays(d, 20),
        "count_workdays(d, d + 30 days)": lambda d: calendar.count_workdays(d, d + datetime.timedelta(days=30)),
        "explain_add(d, 20)": lambda d: calendar.explain_add(d, 20),
    }
    print(f"calendar 2019–2026 built in {build_ms:.1f} ms; median of {RUNS} runs")
    for name, function in cases.items():
        sample = dates if "explain" not in name else dates[: max(1, calls // 20)]
        rates = [per_second(function, sample) for _ in range(RUNS)]
        print(f"{name:32} {statistics.median(rates):>12,.0f} per second  (min {min(rates):,.0f}, max {max(rates):,.0f})")


if __name__ == "__main__":
    main()
