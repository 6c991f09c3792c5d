from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions

from .models import ApiToken, hash_key


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """`Authorization: Bearer <key>` (or `Token <key>`) with a per-user ApiToken."""

    keywords = ("bearer", "token")

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1").split()
        if not header or header[0].lower() not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Invalid token header."))
        token = ApiToken.objects.live().select_related("user").filter(key_hash=hash_key(header[1])).first()
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid or revoked token."))
        token.mark_used()
        return token.user, token

    def authenticate_header(self, request):
        return "Bearer"
