"""Supervision data: the office's thresholds, the escalation notices issued, and calendar-feed tokens."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.ledger.models import Assignment
from gongkai.orgs.models import Unit

from .lights import Thresholds


class LightSettings(models.Model):
    """The office's thresholds and escalation gaps: one row, created with the defaults on first use.

    Localities set their own numbers (rules.md §7), so none of them lives in code. One global row
    for now; per unit group thresholds would add a `group` key to this table.
    """

    yellow_workdays = models.PositiveSmallIntegerField(
        _("yellow within (working days)"), default=5,
        help_text=_("An open assignment turns yellow when this many working days or fewer are left."))
    behind_points = models.PositiveSmallIntegerField(
        _("yellow when behind schedule by (points)"), default=20,
        help_text=_("Share of the working time used minus the percentage the unit reported, for work with a due "
                    "date; 0 turns the check off."))
    current_report_workdays = models.PositiveSmallIntegerField(
        _("a progress report keeps its pace for (working days)"), default=22,
        help_text=_("For this many working days a report is held to the schedule of the day it was made, and a "
                    "report of no percentage (0) counts as continuing work; after that, today's schedule is held "
                    "against the last reported percentage. About one reporting round."))
    returns_make_yellow = models.BooleanField(
        _("returned assignments are yellow"), default=True,
        help_text=_("An assignment returned by the lead unit stays yellow until it is reported again."))
    warning_after_workdays = models.PositiveSmallIntegerField(
        _("warning after an unheeded reminder (working days)"), default=3)
    supervision_after_workdays = models.PositiveSmallIntegerField(
        _("supervision notice after an unheeded warning (working days)"), default=3)
    repeat_reminder_workdays = models.PositiveSmallIntegerField(
        _("new reminder when still overdue this long after a heeded notice (working days)"), default=5)
    reply_workdays = models.PositiveSmallIntegerField(
        _("a supervision notice asks for a reply within (working days)"), default=3)
    issuing_office = models.CharField(_("issuing office"), max_length=120, default="沈阳市人民政府办公室")
    notice_title = models.CharField(_("title of the supervision notice"), max_length=40, default="督办通知单")
    number_prefix = models.CharField(_("number prefix"), max_length=20, default="督办",
                                     help_text=_("Numbers read 督办〔2021〕3号: the prefix, the year, the sequence."))
    bulletin_number_prefix = models.CharField(
        _("bulletin number prefix"), max_length=20, default="沈政办通",
        help_text=_("The issuing organ's code that bulletin numbers begin with: 沈政办通〔2021〕3号."))
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        verbose_name = _("light settings")
        verbose_name_plural = _("light settings")

    def __str__(self):
        return str(_("Light thresholds and escalation"))

    @classmethod
    def current(cls):
        settings_row, _created = cls.objects.get_or_create(pk=1)
        return settings_row

    @property
    def thresholds(self):
        return Thresholds(yellow_workdays=self.yellow_workdays, behind_points=self.behind_points,
                          returns_make_yellow=self.returns_make_yellow,
                          current_report_workdays=self.current_report_workdays)


class Level(models.TextChoices):
    """The escalation ladder: each level only after the previous one went unheeded (三明's 一事一单)."""

    REMINDER = "reminder", _("Reminder")
    WARNING = "warning", _("Warning")
    SUPERVISION = "supervision", _("Supervision notice")


class EscalationNoticeQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The office sees every notice; a unit sees the notices addressed to it."""
        if not user.is_authenticated:
            return self.none()
        if user.is_office_admin:
            return self
        return self.filter(assignment__unit_id__in=user.unit_ids)

    def unheeded(self):
        return self.filter(heeded_on__isnull=True)

    def supervision(self):
        return self.filter(level=Level.SUPERVISION)


class EscalationNotice(models.Model):
    """A reminder, warning or numbered supervision notice (督办单) about one overdue assignment.

    `details` freezes what the notice said when it was issued (task text, due date, days overdue,
    addressee, issuing office), so the document reads the same however the assignment changes later.
    """

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="notices")
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    number = models.CharField(_("number"), max_length=40, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    sequence = models.PositiveIntegerField(null=True, blank=True)
    sent_on = models.DateField(_("sent on"), db_index=True)
    sent_at = models.DateTimeField(_("sent at"))
    heeded_on = models.DateField(_("heeded on"), null=True, blank=True)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", help_text=_("Empty when `gongkai tick` issued it."))
    details = models.JSONField(default=dict)

    objects = EscalationNoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("escalation notice")
        verbose_name_plural = _("escalation notices")
        ordering = ["-sent_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "level", "sent_on"], name="notice_once_a_day"),
            models.UniqueConstraint(fields=["year", "sequence"], condition=Q(level="supervision"),
                                    name="notice_number_unique"),
        ]

    def __str__(self):
        return self.number or f"{self.get_level_display()} · {self.details.get('unit', '')} · {self.sent_on}"


def new_feed_token():
    return secrets.token_urlsafe(24)


class UnitFeedTokenQuerySet(models.QuerySet):
    def live(self):
        return self.filter(revoked_at__isnull=True)


class UnitFeedToken(models.Model):
    """The secret in a unit's private iCalendar URL. Stored as is: it is a capability URL that the
    unit's liaison must be able to copy again; revoking it (and creating a new one) ends access."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="feed_tokens")
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    objects = UnitFeedTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendar feed token")
        verbose_name_plural = _("calendar feed tokens")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.unit} · {self.token[:6]}…"

    @property
    def is_live(self):
        return self.revoked_at is None
