"""`gongkai setup`, which a plain `gongkai migrate` runs too: create or update the database, then load the
official working-day calendar from the chinesecalendar package, so that deadlines and `gongkai tick` work on
a new install. Safe to run again: applied migrations and loaded years are left as they are (a year the
office corrected by hand is never overwritten)."""

import datetime

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.workdays import package
from gongkai.workdays.services import ensure_package_years


class Command(BaseCommand):
    help = gettext_lazy("Create or update the database and load the official working-day calendar (safe to run "
                        "again).")

    def add_arguments(self, parser):
        # Accepted so that `gongkai migrate --noinput` keeps working: setup never asks anything.
        parser.add_argument("--noinput", "--no-input", action="store_true", help=_("ask nothing (the default)"))

    def handle(self, *args, verbosity=1, **options):
        pending = self.pending_migrations()
        call_command("migrate", interactive=False, verbosity=max(0, verbosity - 1), stdout=self.stdout)
        if pending:
            self.stdout.write(_("Database set up: %(count)d migrations applied.") % {"count": pending})
        else:
            self.stdout.write(_("The database is up to date."))
        self.load_calendar(timezone.localdate())

    def pending_migrations(self):
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))

    def load_calendar(self, today):
        years = package.default_years()
        loaded = ensure_package_years(actor=None, years=years)
        span = {"first": years[0], "last": years[-1]}
        if loaded:
            self.stdout.write(_("Official working-day calendar loaded from the chinesecalendar package: "
                                "%(first)s–%(last)s.") % {"first": loaded[0], "last": loaded[-1]})
        else:
            self.stdout.write(_("The official working-day calendar is loaded (%(first)s–%(last)s).") % span)
        # From November the office needs next year's notice; the package only has what was published.
        needed = today.year + 1 if today >= datetime.date(today.year, 11, 1) else today.year
        if needed > years[-1]:
            self.stdout.write(_("The holidays of %(year)s are not loaded yet: once the State Council publishes "
                                "its notice, load it with gongkai workdays load-notice or on the working-days "
                                "page.") % {"year": needed})
