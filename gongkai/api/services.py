from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.events.services import record

from .models import ApiToken, hash_key


def _require_own_or_office(actor, user):
    """A person manages their own tokens, the office anyone's; `actor=None` is the `api-token` command."""
    if actor is None:
        return
    if not (getattr(actor, "is_authenticated", False) and (actor.pk == user.pk or actor.is_office_admin)):
        raise PermissionDenied(_("Only the person themselves or the disclosure office manages API tokens."))


@transaction.atomic
def create_token(*, actor, user, name):
    """Returns (token, key). The key is shown once; only its hash is kept."""
    _require_own_or_office(actor, user)
    key = ApiToken.new_key()
    token = ApiToken.objects.create(user=user, name=name, prefix=key[3:9], key_hash=hash_key(key))
    record(actor=actor, verb="api_token.created", subject=user, data={"token": str(token)})
    return token, key


@transaction.atomic
def revoke_token(*, actor, token):
    _require_own_or_office(actor, token.user)
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record(actor=actor, verb="api_token.revoked", subject=token.user, data={"token": str(token)})
