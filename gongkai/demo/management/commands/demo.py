from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.demo.foi import DEMO_PASSWORD
from gongkai.demo.loader import load_demo


class Command(BaseCommand):
    help = gettext_lazy("Load the Shenyang demo (units, the 2021 work plan, a year of work, demo staff) and print "
                        "the demo logins.")

    def handle(self, **options):
        logins = load_demo()
        self.stdout.write(_("Demo logins (the passwords are new each time this runs):"))
        for username, password, name in logins:
            self.stdout.write(f"  {username:<14} {password:<14} {name}")
        self.stdout.write(_("The demo's disclosure applications answer to the query password %(password)s at "
                            "/foi/status/.") % {"password": DEMO_PASSWORD})
