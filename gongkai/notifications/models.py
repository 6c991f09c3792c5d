"""What people are told: in-app notifications, and the record of every digest delivered.

`Delivery` is unique per (user, day, channel): it is claimed before an e-mail goes out, so however
often `gongkai tick` runs in a day, a person gets at most one digest per channel.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    DIGEST = "digest", _("Daily digest")
    REMINDER = "reminder", _("Reminder")
    WARNING = "warning", _("Warning")
    SUPERVISION = "supervision", _("Supervision notice")
    # Work that reached someone just now (a report to sign off, a reply to approve, a case assigned):
    # written at once by the step that hands it over (notifications.handoffs), e-mailed in the daily digest.
    HANDOFF = "handoff", _("Work for you")


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        """A person sees only their own notifications."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)

    def unread(self):
        return self.filter(read_at__isnull=True)

    def handoffs_to_email(self):
        """Hand-overs the daily digest still has to e-mail: unread (one read in the app needs no
        e-mail) and not in an earlier digest."""
        return self.filter(kind=Kind.HANDOFF, read_at__isnull=True, emailed_on__isnull=True)


class Notification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    text = models.TextField(_("text"))
    url = models.CharField(_("link"), max_length=300, blank=True)
    # What the notification is about ("digest:2021-10-08", "notice:57"): the same thing is never
    # notified twice to the same person.
    key = models.CharField(max_length=100)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    # The day a hand-over went out in a digest e-mail (each is e-mailed at most once; None: not yet).
    emailed_on = models.DateField(_("e-mailed on"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="notification_once")]
        indexes = [
            models.Index(fields=["user", "read_at"]),
            # The few hand-overs still open: settled by later steps and e-mailed by the digest.
            models.Index(fields=["user"], condition=Q(kind="handoff", read_at__isnull=True),
                         name="notification_open_handoffs"),
        ]

    def __str__(self):
        return f"{self.user} · {self.text[:40]}"


class Channel(models.TextChoices):
    APP = "app", _("In the app")
    EMAIL = "email", _("E-mail")


class Delivery(models.Model):
    """One digest to one person on one day through one channel. `sent_at` stays empty while an
    e-mail is being handed to the mail server; a failed hand-over deletes the row so the next run retries."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("day"))
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    content_hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-day", "user_id"]
        constraints = [models.UniqueConstraint(fields=["user", "day", "channel"], name="delivery_once_a_day")]

    def __str__(self):
        return f"{self.user_id} · {self.day} · {self.channel}"
