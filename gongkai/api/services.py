from django.db import transaction
from django.utils import timezone

from gongkai.events.services import record

from .models import ApiToken, hash_key


@transaction.atomic
def create_token(*, actor, user, name):
    """Returns (token, key). The key is shown once; only its hash is kept."""
    key = ApiToken.new_key()
    token = ApiToken.objects.create(user=user, name=name, prefix=key[3:9], key_hash=hash_key(key))
    record(actor=actor, verb="api_token.created", subject=user, data={"token": str(token)})
    return token, key


@transaction.atomic
def revoke_token(*, actor, token):
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record(actor=actor, verb="api_token.revoked", subject=token.user, data={"token": str(token)})
