"""Every write to notifications: creating them in bulk, delivering daily digests once, marking read.

Delivery is claim-then-send: the (user, day, channel) row is written and committed before the
e-mail is handed to the mail server, so a second run the same day finds it and sends nothing. If
the hand-over raises, the claim is deleted and the next run tries again; if the process dies in
between, that person misses one digest rather than getting two.
"""

import hashlib
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone

from gongkai.events.services import record

from .models import Channel, Delivery, Kind, Notification

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Digest:
    """One person's digest of the day: an e-mail (when they have an address) and an in-app line."""

    user_id: int
    email: str
    subject: str
    body: str
    summary: str
    url: str = ""
    app: bool = True  # False: e-mail only (the person's in-app notifications already say it all)
    handoff_ids: tuple = ()  # hand-over notifications the e-mail lists: each is e-mailed once


@dataclass
class DeliveryResult:
    app: int = 0
    email: int = 0
    failed: list = field(default_factory=list)  # user ids whose e-mail could not be handed over
    already: int = 0  # digests skipped because today's was delivered before


def content_hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@transaction.atomic
def notify_many(*, notifications):
    """Create notifications, skipping any (user, key) that exists already; returns how many are new."""
    notifications = list(notifications)
    if not notifications:
        return 0
    keys = {n.key for n in notifications}
    existing = set(Notification.objects.filter(key__in=keys, user_id__in={n.user_id for n in notifications})
                   .values_list("user_id", "key"))
    new = [n for n in notifications if (n.user_id, n.key) not in existing]
    Notification.objects.bulk_create(new, batch_size=500, ignore_conflicts=True)
    return len(new)


def deliver_digests(*, day, digests, connection=None):
    """Deliver each digest in the app and by e-mail, at most once per person, day and channel."""
    claimed = claim_digests(day=day, digests=digests)
    return send_claimed(claimed, connection=connection)


@dataclass
class Claimed:
    day: object
    to_mail: list
    result: DeliveryResult


@transaction.atomic
def claim_digests(*, day, digests):
    """Write the app notifications and the delivery rows; the e-mails are sent by `send_claimed`
    once the caller's transaction has committed. Callers that may run concurrently (tick) claim
    while holding a lock of their own, so two runs never claim the same row at once."""
    result = DeliveryResult()
    return Claimed(day=day, to_mail=_claim(day, list(digests), result), result=result)


def send_claimed(claimed, *, connection=None):
    if claimed.to_mail:
        _send(claimed.day, claimed.to_mail, claimed.result, connection)
    return claimed.result


def _claim(day, digests, result):
    """Write the app notifications and the delivery rows; return the digests still to e-mail."""
    taken = set(Delivery.objects.select_for_update().filter(day=day, user_id__in=[d.user_id for d in digests])
                .values_list("user_id", "channel"))
    now = timezone.now()
    deliveries, notifications, to_mail = [], [], []
    for digest in digests:
        digest_hash = content_hash(digest.body)
        if digest.app and (digest.user_id, Channel.APP) in taken:
            result.already += 1
        elif digest.app:
            deliveries.append(Delivery(user_id=digest.user_id, day=day, channel=Channel.APP, sent_at=now,
                                       content_hash=digest_hash))
            notifications.append(Notification(user_id=digest.user_id, kind=Kind.DIGEST, text=digest.summary,
                                              url=digest.url, key=f"digest:{day.isoformat()}"))
        if digest.email and (digest.user_id, Channel.EMAIL) not in taken:
            deliveries.append(Delivery(user_id=digest.user_id, day=day, channel=Channel.EMAIL, sent_at=None,
                                       content_hash=digest_hash))
            to_mail.append(digest)
    Delivery.objects.bulk_create(deliveries, batch_size=500)
    _mark_emailed(to_mail, day)
    result.app = notify_many(notifications=notifications)
    return to_mail


def _send(day, digests, result, connection):
    connection = connection or get_connection()
    sent = []
    with connection:
        for digest in digests:
            message = EmailMessage(subject=digest.subject, body=digest.body, from_email=settings.DEFAULT_FROM_EMAIL,
                                   to=[digest.email], connection=connection)
            try:
                message.send()
            except Exception:  # any mail server failure: retry on the next run, keep going for the others
                logger.exception("digest e-mail to user %s failed", digest.user_id)
                result.failed.append(digest.user_id)
            else:
                sent.append(digest.user_id)
    pending = Delivery.objects.filter(day=day, channel=Channel.EMAIL, sent_at__isnull=True)
    pending.filter(user_id__in=sent).update(sent_at=timezone.now())
    pending.filter(user_id__in=result.failed).delete()
    _mark_emailed([d for d in digests if d.user_id in set(result.failed)], None)  # the next digest lists them
    result.email = len(sent)


def _mark_emailed(digests, day):
    ids = [pk for digest in digests for pk in digest.handoff_ids]
    if ids:
        Notification.objects.filter(pk__in=ids).update(emailed_on=day)


@transaction.atomic
def mark_read(*, actor, ids=None):
    """Mark `actor`'s unread notifications read — those with `ids`, or all. Others' are never touched."""
    unread = Notification.objects.for_user(actor).unread()
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    ids = list(unread.values_list("pk", flat=True))
    if not ids:
        return 0
    Notification.objects.filter(pk__in=ids).update(read_at=timezone.now())
    record(actor=actor, verb="notification.read", subject=actor, data={"notifications": ids})
    return len(ids)
