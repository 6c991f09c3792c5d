"""What every database benchmark needs: Django set up on a throwaway database, and a pinned clock.

Import this module before anything from Django or Gongkai. Without GONGKAI_DATABASE_URL the bench
runs on SQLite in a temporary folder (a file, WAL, as in production); with it, on a database of its
own on that server (`name` below), created and dropped here — never the developer's own.
"""

import datetime
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from unittest import mock
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
if not os.environ.get("GONGKAI_DATABASE_URL"):
    os.environ.setdefault("GONGKAI_DATA_DIR", tempfile.mkdtemp(prefix="gongkai-bench-"))

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

SHANGHAI = ZoneInfo("Asia/Shanghai")


@contextmanager
def pinned(day, hour=9):
    """timezone.now() (and so localdate()) on `day` at `hour` in Shanghai."""
    moment = datetime.datetime(day.year, day.month, day.day, hour, tzinfo=SHANGHAI)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


@contextmanager
def bench_database(name):
    """A fresh database called `name` (a file of that name on SQLite), migrated, dropped afterwards."""
    setup_test_environment()  # locmem e-mail, 'testserver' allowed
    test_settings = connection.settings_dict["TEST"]
    if connection.vendor == "sqlite":
        test_settings["NAME"] = str(Path(os.environ["GONGKAI_DATA_DIR"]) / f"{name}.sqlite3")
    else:
        test_settings["NAME"] = name
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def bench_units(count):
    """`count` units of the three usual kinds, each with a short name (alias), written in bulk."""
    from gongkai.orgs.models import Unit, UnitAlias, UnitKind

    kinds = [UnitKind.MUNICIPAL_DEPARTMENT, UnitKind.DISTRICT_GOVERNMENT, UnitKind.DISTRICT_DEPARTMENT]
    units = Unit.objects.bulk_create([Unit(name=f"基准市第{n:03d}工作单位", kind=kinds[n % 3]) for n in range(count)])
    UnitAlias.objects.bulk_create([UnitAlias(unit=unit, name=f"基准{n:03d}") for n, unit in enumerate(units)])
    return units
