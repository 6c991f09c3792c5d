from django.core.management.base import BaseCommand

from gongkai.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the Shenyang demo (units, the 2021 work plan, demo staff) and print the demo logins."

    def handle(self, **options):
        logins = load_demo()
        self.stdout.write("Demo logins (passwords are new each time this runs):")
        for username, password, name in logins:
            self.stdout.write(f"  {username:<14} {password:<14} {name}")
        self.stdout.write("Demo disclosure applications answer to the query password DEMODEMO at /foi/status/.")
