"""Quarterly bulletins (季度通报): the office's periodic report on how units carry out a plan.

A bulletin is generated from the ledger as of the end of its period; its figures are a snapshot taken
then, so a bulletin read a year later says what it said when it was issued. It stays editable while a
draft and becomes read-only, archived and visible to every unit once published.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.ledger.models import ProgressReport
from gongkai.orgs.models import Unit
from gongkai.plans.models import Plan


class BulletinStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class BulletinQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The office sees drafts too; other staff see published bulletins; the public sees none."""
        if not user.is_authenticated:
            return self.none()
        if user.is_office_admin:
            return self
        return self.published()

    def published(self):
        return self.filter(status=BulletinStatus.PUBLISHED)

    def drafts(self):
        return self.filter(status=BulletinStatus.DRAFT)


class Bulletin(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="bulletins", verbose_name=_("work plan"))
    title = models.CharField(_("title"), max_length=200)
    number = models.CharField(_("document number"), max_length=60, blank=True)
    issuer = models.CharField(_("issued by"), max_length=120, blank=True)
    issued_on = models.DateField(_("date of issue"))
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    status = models.CharField(_("status"), max_length=16, choices=BulletinStatus.choices,
                              default=BulletinStatus.DRAFT, db_index=True)
    summary_text = models.TextField(_("overall situation"), blank=True)
    problems_text = models.TextField(_("problems (added to the units named)"), blank=True)
    next_steps_text = models.TextField(_("next steps"), blank=True)
    # Snapshots taken at generation (see figures.py for their shape).
    figures = models.JSONField(_("figures"), default=dict)
    named_overdue_units = models.JSONField(_("units with overdue assignments"), default=list)
    named_returned_units = models.JSONField(_("units with returned reports"), default=list)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")

    objects = BulletinQuerySet.as_manager()

    class Meta:
        verbose_name = _("bulletin")
        verbose_name_plural = _("bulletins")
        ordering = ["-period_end", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(period_start__lte=models.F("period_end")),
                                   name="bulletin_period_in_order"),
            models.UniqueConstraint(fields=["number"], condition=~models.Q(number=""), name="bulletin_number_unique"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_draft(self):
        return self.status == BulletinStatus.DRAFT


class GoodPractice(models.Model):
    """A good practice (典型做法) the office chose to feature: typed, or taken from an accepted report."""

    bulletin = models.ForeignKey(Bulletin, on_delete=models.CASCADE, related_name="practices")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    text = models.TextField(_("good practice"))
    position = models.PositiveIntegerField()
    report = models.ForeignKey(ProgressReport, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                               verbose_name=_("from the progress report"))

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        ordering = ["bulletin", "position", "id"]

    def __str__(self):
        return f"{self.unit} · {self.text[:30]}"
