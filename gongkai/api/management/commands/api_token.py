from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.api.models import ApiToken
from gongkai.api.services import create_token, revoke_token
from gongkai.orgs.models import User


class Command(BaseCommand):
    help = gettext_lazy("Create a personal API token for a user (the key is printed once), or revoke one by its "
                        "prefix.")

    def add_arguments(self, parser):
        parser.add_argument("username", metavar=_("USERNAME"), help=_("whose token it is"))
        parser.add_argument("name", nargs="?", default="api", metavar=_("NAME"),
                            help=_("what the token is for, e.g. 12345 platform (default: api)"))
        parser.add_argument("--revoke", metavar=_("PREFIX"),
                            help=_("revoke the user's live token with this prefix"))

    def handle(self, username, name, revoke=None, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(_("There is no user “%(username)s”.") % {"username": username})
        if revoke:
            token = ApiToken.objects.live().filter(user=user, prefix=revoke).first()
            if token is None:
                raise CommandError(_("%(username)s has no live token with the prefix “%(prefix)s”.")
                                   % {"username": username, "prefix": revoke})
            revoke_token(actor=None, token=token)
            self.stdout.write(_("Revoked the token %(token)s.") % {"token": token})
            return
        token, key = create_token(actor=None, user=user, name=name)
        self.stdout.write(key)
