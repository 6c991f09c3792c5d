"""Access helpers: one per object type, so no view fetches an object by id without scoping it."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def office_admin_required(view):
    """Views only the disclosure office uses (imports, the directory, name mapping)."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_office_admin:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def require_office(actor, message):
    """For services only the disclosure office uses. `actor=None` is the system itself (a command, the demo
    loader, the daily tick): no web request can pass None, a signed-out visitor is an AnonymousUser."""
    if actor is None:
        return
    if not (getattr(actor, "is_authenticated", False) and actor.is_office_admin):
        raise PermissionDenied(message)
