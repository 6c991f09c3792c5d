"""The bulletin workflow written down.

    generate ──▶ draft ──publish──▶ published (archived, read-only)
                  │  ▲
                  └──┘ edit texts, choose good practices, discard

Only the disclosure office acts on bulletins. A published bulletin is never changed or withdrawn:
a correction is a new bulletin, as with any official document.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from .models import BulletinStatus

# action → (allowed source statuses, target status or None when the status stays)
ACTIONS = {
    "edit": ({BulletinStatus.DRAFT}, None),
    "practices": ({BulletinStatus.DRAFT}, None),
    "discard": ({BulletinStatus.DRAFT}, None),
    "publish": ({BulletinStatus.DRAFT}, BulletinStatus.PUBLISHED),
}


def check(actor, bulletin, action):
    """Raise unless `actor` may take `action` on `bulletin` in its present status."""
    if not actor.is_office_admin:
        raise PermissionDenied(_("Only the disclosure office prepares and publishes bulletins."))
    sources, _target = ACTIONS[action]
    if bulletin.status not in sources:
        raise ValidationError(_("This bulletin is published: it can no longer be changed."))


def target(action):
    return ACTIONS[action][1]
