"""The official working-day calendar as data: which years are known, and their exceptional dates.

Only exceptions are stored (holidays and make-up working days); every other date is a working day
from Monday to Friday and a rest day at the weekend — but only inside a year whose row exists.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CalendarYearQuerySet(models.QuerySet):
    def with_counts(self):
        return self.annotate(
            holiday_count=models.Count("special_days", filter=models.Q(special_days__kind=SpecialDay.Kind.HOLIDAY)),
            workday_count=models.Count("special_days", filter=models.Q(special_days__kind=SpecialDay.Kind.WORKDAY)),
        )


class CalendarYear(models.Model):
    """A year whose State Council holiday notice is loaded. Without this row the year is unknown."""

    class Source(models.TextChoices):
        PACKAGE = "package", _("chinesecalendar package")
        MANUAL = "manual", _("entered by an administrator")
        IMPORT = "import", _("imported from a notice file")

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    notice = models.CharField(
        _("State Council notice"), max_length=120, blank=True, help_text=_("For example 国办发明电〔2020〕27号")
    )
    source = models.CharField(_("source"), max_length=16, choices=Source.choices)
    loaded_at = models.DateTimeField(_("loaded at"), default=timezone.now)
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("loaded by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    objects = CalendarYearQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendar year")
        verbose_name_plural = _("calendar years")
        ordering = ["year"]

    def __str__(self):
        return str(self.year)


class SpecialDay(models.Model):
    """One exceptional date: a holiday, or a weekend day that becomes a make-up working day (调休上班)."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("holiday")
        WORKDAY = "workday", _("make-up working day")

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=60, blank=True, help_text=_("For example 国庆节"))
    calendar_year = models.ForeignKey(CalendarYear, on_delete=models.CASCADE, related_name="special_days")

    class Meta:
        verbose_name = _("special day")
        verbose_name_plural = _("special days")
        ordering = ["date"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=["holiday", "workday"]), name="specialday_kind_valid"),
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()} {self.name}".strip()
