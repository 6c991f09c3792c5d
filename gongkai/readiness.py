"""Is the database there and set up? One line saying what to run, before a command meets a missing table.

Checked by `gongkai` (cli.py) before every command that reads the database. For SQLite it looks at the file
before connecting: connecting would create an empty database file, which then looks like a set-up one.
"""

from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _


def not_set_up():
    return _("The database is not set up yet: run gongkai migrate first.")


def unreachable(error):
    reason = str(error).strip().splitlines()[0] if str(error).strip() else error.__class__.__name__
    return _("The database cannot be reached (%(reason)s): check GONGKAI_DATABASE_URL.") % {"reason": reason}


def connection_problem(using=DEFAULT_DB_ALIAS):
    """None when the database server answers (SQLite always does: migrate creates the file)."""
    connection = connections[using]
    if connection.vendor == "sqlite":
        return None
    try:
        connection.ensure_connection()
    except DatabaseError as error:
        return unreachable(error)
    finally:
        connection.close()
    return None


def database_problem(using=DEFAULT_DB_ALIAS):
    """None when the database answers and every migration is applied; otherwise one line saying what to do."""
    connection = connections[using]
    if connection.vendor == "sqlite" and not _sqlite_file_exists(connection.settings_dict["NAME"]):
        return not_set_up()
    try:
        if not MigrationRecorder(connection).has_table():
            return not_set_up()
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        return unreachable(error)
    finally:
        connection.close()
    if pending:
        return _("The database is older than this version (migrations not applied: %(count)d): run gongkai "
                 "migrate first.") % {"count": len(pending)}
    return None


def _sqlite_file_exists(name):
    name = str(name)
    if name == ":memory:" or name.startswith("file:"):
        return True  # in memory or a URI: nothing on disk to look for
    return Path(name).exists()
