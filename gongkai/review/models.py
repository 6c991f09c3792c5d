"""Year-end review (回头看) of a plan, and whether its progress is published to the public.

A plan is closed once a year: every assignment still open gets a decision — carried into next
year's plan (linked through `Assignment.carried_from`) or dropped — each with the reason. The
original assignment is never changed: its state is the history the closing report tells.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.ledger.models import Assignment
from gongkai.plans.models import Plan


class ClosureStatus(models.TextChoices):
    DRAFT = "draft", _("Under review")
    CLOSED = "closed", _("Closed")


class PlanClosure(models.Model):
    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="closure")
    status = models.CharField(_("status"), max_length=16, choices=ClosureStatus.choices, default=ClosureStatus.DRAFT)
    started_on = models.DateField(_("review started on"))
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+")
    report_text = models.TextField(_("closing report"), blank=True)

    class Meta:
        verbose_name = _("plan closure")
        verbose_name_plural = _("plan closures")
        constraints = [
            models.CheckConstraint(
                condition=Q(status=ClosureStatus.DRAFT) | Q(closed_on__isnull=False, closed_by__isnull=False),
                name="closure_closed_has_date_and_actor",
            ),
        ]

    def __str__(self):
        return str(self.plan)

    @property
    def is_closed(self):
        return self.status == ClosureStatus.CLOSED

    def unfinished(self):
        """The plan's assignments still open: each needs a decision before the plan can close."""
        return Assignment.objects.in_plan(self.plan).open()

    def undecided(self):
        return self.unfinished().filter(closure_decision__isnull=True)


class Decision(models.TextChoices):
    CARRIED = "carried", _("Carried over")
    DROPPED = "dropped", _("Dropped")


class CarryOver(models.Model):
    """What the review decided for one unfinished assignment, and why.

    Carried: `new_assignment` is its continuation in `target_plan`. Dropped: both stay empty.
    """

    closure = models.ForeignKey(PlanClosure, on_delete=models.CASCADE, related_name="decisions")
    assignment = models.OneToOneField(Assignment, on_delete=models.PROTECT, related_name="closure_decision")
    decision = models.CharField(_("decision"), max_length=16, choices=Decision.choices)
    reason = models.TextField(_("reason"))
    target_plan = models.ForeignKey(Plan, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("carried into"))
    new_assignment = models.OneToOneField(Assignment, null=True, blank=True, on_delete=models.PROTECT,
                                          related_name="carried_by")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("year-end decision")
        verbose_name_plural = _("year-end decisions")
        ordering = ["assignment__task__item__position", "assignment__task__position", "assignment__unit__name"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(decision="carried", target_plan__isnull=False, new_assignment__isnull=False)
                    | Q(decision="dropped", target_plan__isnull=True, new_assignment__isnull=True)
                ),
                name="carryover_target_matches_decision",
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="carryover_reason_required"),
        ]

    def __str__(self):
        return f"{self.assignment} · {self.get_decision_display()}"


class PublicationSettingQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class PublicationSetting(models.Model):
    """Whether the public may see a plan's progress page. Absent means not published."""

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="publication")
    published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")

    objects = PublicationSettingQuerySet.as_manager()

    class Meta:
        verbose_name = _("progress publication")
        verbose_name_plural = _("progress publications")

    def __str__(self):
        return str(self.plan)
