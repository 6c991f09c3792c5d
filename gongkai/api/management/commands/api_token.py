from django.core.management.base import BaseCommand, CommandError

from gongkai.api.models import ApiToken
from gongkai.api.services import create_token, revoke_token
from gongkai.orgs.models import User


class Command(BaseCommand):
    help = "Create a personal API token for a user (the key is printed once), or revoke one by prefix."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("name", nargs="?", default="api")
        parser.add_argument("--revoke", metavar="PREFIX", help="revoke the user's live token with this prefix")

    def handle(self, username, name, revoke=None, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user {username!r}")
        if revoke:
            token = ApiToken.objects.live().filter(user=user, prefix=revoke).first()
            if token is None:
                raise CommandError(f"{username} has no live token with prefix {revoke!r}")
            revoke_token(actor=None, token=token)
            self.stdout.write(f"revoked {token}")
            return
        token, key = create_token(actor=None, user=user, name=name)
        self.stdout.write(key)
