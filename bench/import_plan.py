"""Time `gongkai import-plan` on the Shenyang sample, process start included (target: under 1 s).

Runs against a fresh embedded SQLite database in a temporary folder; prints the median and the
spread of several runs of a dry run (parse + unit resolution) and of a full import (saved).
Usage: python bench/import_plan.py [--runs N]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "gongkai" / "demo" / "data" / "shenyang-2021-task-breakdown.txt"
UNITS = ROOT / "gongkai" / "demo" / "data" / "shenyang-units.csv"


def gongkai(env, *args):
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "gongkai", *args], env=env, cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as data_dir:
        env = {**os.environ, "GONGKAI_DATA_DIR": data_dir, "PYTHONPATH": str(ROOT)}
        env.pop("GONGKAI_DATABASE_URL", None)
        gongkai(env, "migrate", "--noinput")
        gongkai(env, "load-directory", str(UNITS))
        results = {
            "import-plan --dry-run": [gongkai(env, "import-plan", str(SAMPLE), "--dry-run") for _ in range(runs)],
            "import-plan (saved)": [gongkai(env, "import-plan", str(SAMPLE), "--new-version") for _ in range(runs)],
            "gongkai --version (process start only)": [gongkai(env, "--version") for _ in range(runs)],
        }
    print(f"{'command':42} {'median':>8} {'min':>8} {'max':>8}  ({runs} runs, seconds)")
    for name, times in results.items():
        print(f"{name:42} {statistics.median(times):8.3f} {min(times):8.3f} {max(times):8.3f}")


if __name__ == "__main__":
    main()
