"""The annual assessment (年度考核): indicators the office sets, scored per unit from the ledger.

A scheme belongs to one plan and one cut-off day. While it is a draft, its ranking is computed live from
the ledger; when the office finalises it, the ledger facts are frozen into the scheme so the published
ranking never moves again. Every hand-made change to a score is an Adjustment with its reason.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.models import Unit
from gongkai.plans.models import Plan


class SchemeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    FINAL = "final", _("Final")


class Rule(models.TextChoices):
    """How an indicator is scored. The arithmetic of each is in scoring.py (RULES)."""

    DEDUCT_PER_OVERDUE = "deduct_per_overdue", _("Deduct N points per assignment overdue at the cut-off or completed late")
    DEDUCT_PER_RETURN = "deduct_per_return", _("Deduct N points per progress report returned by the lead unit")
    COMPLETION_RATE = "completion_rate", _("Weight × completion rate of the assignments due")
    # Proactive disclosure (documents.metrics), counted over the scheme year up to the cut-off.
    SYNC_RATE = "sync_rate", _("Weight × 三同步 rate: policies needing an interpretation published with one the same day")
    GRAPHIC_COVERAGE = "graphic_coverage", _("Weight × 图解 coverage: policies needing an interpretation that have a graphic one")
    DEDUCT_PER_LATE_PUBLICATION = "deduct_per_late", _(
        "Deduct N points per document published later than its genre allows after being written (条例 Art 26)")
    MANUAL = "manual", _("Scored by hand (adjustments)")


class SchemeQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The office sees drafts; other staff see final schemes (and, on the page, only their own rows)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_office_admin:
            return self
        return self.final()

    def final(self):
        return self.filter(status=SchemeStatus.FINAL)


POINTS = {"max_digits": 7, "decimal_places": 2}


class Scheme(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="assessment_schemes",
                             verbose_name=_("work plan"))
    year = models.PositiveIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=200)
    cutoff = models.DateField(_("cut-off day"), help_text=_("Facts are counted as the ledger stood when this day ended."))
    bonus_cap = models.DecimalField(_("most bonus points per unit"), null=True, blank=True,
                                    validators=[MinValueValidator(Decimal(0))], **POINTS)
    status = models.CharField(_("status"), max_length=16, choices=SchemeStatus.choices, default=SchemeStatus.DRAFT)
    # Frozen at finalisation: {"as_of": "2021-12-31", "units": {"<unit id>": {"name": ..., "facts": {...}}}}.
    frozen = models.JSONField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finalized_at = models.DateTimeField(_("finalised"), null=True, blank=True)
    finalized_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")

    objects = SchemeQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessment scheme")
        verbose_name_plural = _("assessment schemes")
        ordering = ["-year", "-id"]

    def __str__(self):
        return self.title

    @property
    def is_draft(self):
        return self.status == SchemeStatus.DRAFT


class Indicator(models.Model):
    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=120)
    weight = models.DecimalField(_("weight (points)"), validators=[MinValueValidator(Decimal("0.01"))], **POINTS)
    rule = models.CharField(_("rule"), max_length=32, choices=Rule.choices)
    parameter = models.DecimalField(_("N (points per case)"), default=Decimal(0),
                                    validators=[MinValueValidator(Decimal(0))], **POINTS)
    position = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["scheme", "position", "id"]

    def __str__(self):
        return self.name


class Bonus(models.Model):
    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="bonuses")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    points = models.DecimalField(_("points"), validators=[MinValueValidator(Decimal("0.01"))], **POINTS)
    reason = models.TextField(_("reason"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bonus")
        verbose_name_plural = _("bonuses")
        ordering = ["scheme", "at", "id"]

    def __str__(self):
        return f"{self.unit} +{self.points}"


class Adjustment(models.Model):
    """A manual change to one unit's score on one indicator (positive or negative), always with a reason."""

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="adjustments")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="adjustments",
                                  verbose_name=_("indicator"))
    points = models.DecimalField(_("points (+ or −)"), **POINTS)
    reason = models.TextField(_("reason"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("adjustment")
        verbose_name_plural = _("adjustments")
        ordering = ["scheme", "at", "id"]

    def __str__(self):
        return f"{self.unit} · {self.indicator} {self.points:+}"
