"""Telling people at once that work has reached them (a hand-over).

A step that hands work to someone — a report submitted for sign-off, a draft reply sent for approval,
an application assigned — calls its app's hand-over function (ledger.handoffs, foi.handoffs) inside
the step's own transaction, so the notification exists exactly when the step does. Those modules say
who hears about which step; this one finds the people and writes the rows. Nothing is e-mailed here:
the daily digest e-mails the hand-overs still unread, each once (supervision.digest).
"""

from contextlib import contextmanager

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation

from gongkai.orgs.models import Membership, Role

from .models import Kind, Notification
from .services import notify_many


def staff_of(unit_ids, roles, *, exclude=None):
    """Ids of the active people holding one of `roles` in any of `unit_ids`, in id order; never `exclude`."""
    rows = (Membership.objects.filter(unit_id__in=list(unit_ids), role__in=list(roles), user__is_active=True)
            .exclude(user_id=getattr(exclude, "pk", None)).values_list("user_id", flat=True))
    return sorted(set(rows))


def first_staffed(unit_ids, *tiers, exclude=None):
    """The people of the first tier of roles anyone holds (e.g. reviewers, else liaisons), else the office."""
    for roles in tiers:
        people = staff_of(unit_ids, roles, exclude=exclude)
        if people:
            return people
    return office_admins(exclude=exclude)


def office_admins(*, exclude=None):
    """The disclosure office: it may act for any unit, so it hears when nobody in the unit can."""
    rows = (Membership.objects.filter(role=Role.OFFICE_ADMIN, user__is_active=True)
            .exclude(user_id=getattr(exclude, "pk", None)).values_list("user_id", flat=True))
    return sorted(set(rows))


def still_acting(user, unit_id, roles):
    """Whether `user` (who took an earlier step) is active and still holds one of `roles` in the unit."""
    return user is not None and user.is_active and Membership.objects.filter(
        user=user, unit_id=unit_id, role__in=list(roles)).exists()


@contextmanager
def site_language():
    """Texts are read by others than the person acting: always in the deployment's language."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


def hand_over(*, user_ids, key, text, url, settles=()):
    """One hand-over notification for each of `user_ids`, once per `key`; returns how many are new.

    `settles`: key prefixes of earlier hand-overs this step has dealt with (the sign-off settles the
    "please sign off" of every reviewer told). Those still unread are marked read, so nobody's badge
    or digest keeps asking for work already done.
    """
    settle(settles)
    return notify_many(notifications=[
        Notification(user_id=user_id, kind=Kind.HANDOFF, text=text, url=url, key=key) for user_id in user_ids
    ])


def settle(prefixes):
    if not prefixes:
        return 0
    done = Q()
    for prefix in prefixes:
        done |= Q(key__startswith=prefix)
    return Notification.objects.filter(done, kind=Kind.HANDOFF, read_at__isnull=True).update(read_at=timezone.now())


def shorten(text, length=30):
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"



def to_email(*, before):
    """{user id: [(notification id, text, url)]}, oldest first: the unread hand-overs written before
    `before` that no digest e-mailed yet, of active people with an address (the others have the app)."""
    rows = (Notification.objects.handoffs_to_email().filter(created_at__lt=before, user__is_active=True)
            .exclude(user__email="").order_by("user_id", "created_at", "id").values_list("user_id", "pk", "text", "url"))
    per_user = {}
    for user_id, pk, text, url in rows:
        per_user.setdefault(user_id, []).append((pk, text, url))
    return per_user
