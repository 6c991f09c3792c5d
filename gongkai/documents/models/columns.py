"""The disclosure column tree (信息公开专栏) and special topics (专题).

The office defines one standard tree (公开指南, 公开制度, 法定主动公开内容, 公开年报, 规划信息, 财政信息, …)
and every unit fills it with its own documents, so the portal shows the same columns for every unit and
a document standing in several columns is still one record (Shenyang 2021 plan, item 11). A unit may add
columns of its own under the standard ones (`unit` set). Freshness is per unit and column.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.models import Unit


class UpdateClass(models.TextChoices):
    """How often a column must change (国办秘函〔2019〕19号); the days are DocumentSettings."""

    NEWS = "news", _("News type (updated every two weeks)")
    POLICY = "policy", _("Policy type (updated every six months)")
    NONE = "none", _("No update requirement")


class ColumnQuerySet(models.QuerySet):
    def standard(self):
        return self.filter(unit__isnull=True)

    def for_unit(self, unit):
        """The columns a unit's disclosure page shows: the standard tree and the unit's own."""
        return self.filter(models.Q(unit__isnull=True) | models.Q(unit=unit))

    def roots(self):
        return self.filter(parent__isnull=True)


class Column(models.Model):
    name = models.CharField(_("name"), max_length=60)
    slug = models.SlugField(_("address"), max_length=60, help_text=_("The column's part of its web address."))
    parent = models.ForeignKey("self", verbose_name=_("parent column"), null=True, blank=True,
                               on_delete=models.CASCADE, related_name="children")
    unit = models.ForeignKey(Unit, verbose_name=_("unit's own column of"), null=True, blank=True,
                             on_delete=models.CASCADE, related_name="own_columns",
                             help_text=_("Empty for the standard tree every unit fills."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    update_class = models.CharField(_("update requirement"), max_length=8, choices=UpdateClass.choices,
                                    default=UpdateClass.NONE)
    article20_item = models.PositiveSmallIntegerField(
        _("条例 Art 20 item"), null=True, blank=True,
        help_text=_("For the columns of 法定主动公开内容: which of the fifteen items of Article 20 it holds."))
    description = models.CharField(_("description"), max_length=200, blank=True)

    objects = ColumnQuerySet.as_manager()

    class Meta:
        verbose_name = _("column")
        verbose_name_plural = _("columns")
        ordering = ["order", "id"]
        # Slugs are unique among siblings; the service checks it (NULL parents defeat a database constraint).

    def __str__(self):
        return self.name

    def path_names(self):
        """Names from the root down, for breadcrumbs: 规划信息 › 专项规划."""
        names, column = [], self
        while column is not None:
            names.append(column.name)
            column = column.parent
        return list(reversed(names))


class TopicQuerySet(models.QuerySet):
    def current(self):
        """Topics in navigation; archived ones (历史专题) stay reachable at their address and searchable."""
        return self.filter(archived_at__isnull=True)

    def archived(self):
        return self.filter(archived_at__isnull=False)


class Topic(models.Model):
    """A special topic (专题): a campaign or event gathering documents across columns and units."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("address"), max_length=60, unique=True)
    unit = models.ForeignKey(Unit, verbose_name=_("run by"), on_delete=models.PROTECT, related_name="topics")
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    archived_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")

    objects = TopicQuerySet.as_manager()

    class Meta:
        verbose_name = _("special topic")
        verbose_name_plural = _("special topics")
        ordering = ["order", "-created_at"]

    def __str__(self):
        return self.name

    @property
    def is_archived(self):
        return self.archived_at is not None
