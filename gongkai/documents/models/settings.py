"""The office's settings for proactive disclosure: one row, created with the defaults on first use.

Like the FOI thresholds they are data the office edits, not deployment settings: rules.md §6 marks the
staleness periods as configurable, and the index-number pattern differs from city to city.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_INDEX_PATTERN = "{code}/{year}-{seq:05d}"


class DocumentSettings(models.Model):
    index_pattern = models.CharField(
        _("index number pattern"), max_length=80, default=DEFAULT_INDEX_PATTERN,
        help_text=_("How 索引号 are made: {code} is the unit's code (its id when it has none), {year} the year "
                    "of publication, {seq} the unit's running number that year, e.g. {seq:05d} for five digits."))
    news_update_days = models.PositiveSmallIntegerField(
        _("news-type columns: stale after (days)"), default=14,
        help_text=_("国办秘函〔2019〕19号: news and dynamic columns not updated within two weeks are stale."))
    policy_update_days = models.PositiveSmallIntegerField(
        _("policy-type columns: stale after (days)"), default=180,
        help_text=_("Notice and policy columns not updated within six months are stale."))
    long_stale_days = models.PositiveSmallIntegerField(
        _("columns long not updated after (days)"), default=365,
        help_text=_("Unconfirmed: 19号 counts columns long not updated without a national number; one year by default."))
    # 国办秘函〔2019〕19号 单项否决 (rules.md §6): stale news + stale policy columns together ≥ 5, or ≥ 10
    # columns long not updated, or ≥ 5 empty columns, fail the website check. Secondary sources: settings.
    stale_columns_limit = models.PositiveSmallIntegerField(
        _("stale columns that fail the check"), default=5,
        help_text=_("Stale news-type and policy-type columns of a unit together: this many fail the 单项否决 check."))
    long_stale_columns_limit = models.PositiveSmallIntegerField(
        _("long stale columns that fail the check"), default=10)
    empty_columns_limit = models.PositiveSmallIntegerField(_("empty columns that fail the check"), default=5)
    column_warning_days = models.PositiveSmallIntegerField(
        _("warn before a column goes stale (days)"), default=3,
        help_text=_("A column whose freshness runs out within this many days is shown as about to go stale."))
    expiry_warning_days = models.PositiveSmallIntegerField(
        _("warn before a normative document expires (days)"), default=30,
        help_text=_("gongkai tick tells the issuing unit this many days before a document's 有效期 ends."))
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        verbose_name = _("settings for proactive disclosure")
        verbose_name_plural = _("settings for proactive disclosure")

    def __str__(self):
        return str(self._meta.verbose_name)

    @classmethod
    def current(cls):
        row, _created = cls.objects.get_or_create(pk=1)
        return row
