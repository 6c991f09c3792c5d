"""The government gazette (政府公报, 条例 Art 23; Shenyang 2021 plan, item 24).

An issue has a year and a number, its articles (published documents, in printed order) and the issue
PDF. The office checks that every 规章 and city-government 规范性文件 of the year was printed (应登尽登),
and keeps the distribution list of receiving bodies (受赠单位) with their copies.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class GazetteIssue(models.Model):
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(_("issue number (期)"))
    overall_number = models.PositiveIntegerField(_("overall number (总第…期)"), null=True, blank=True)
    published_on = models.DateField(_("date of issue"))
    pdf = models.FileField(_("issue PDF"), upload_to="gazette/", max_length=200, blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    copies_printed = models.PositiveIntegerField(_("copies printed"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    articles = models.ManyToManyField("documents.Document", through="documents.GazetteArticle",
                                      related_name="gazette_issues")

    class Meta:
        verbose_name = _("gazette issue")
        verbose_name_plural = _("gazette issues")
        ordering = ["-year", "-number"]
        constraints = [models.UniqueConstraint(fields=["year", "number"], name="gazette_issue_unique")]

    def __str__(self):
        return f"{self.year}年第{self.number}期"


class GazetteArticle(models.Model):
    issue = models.ForeignKey(GazetteIssue, on_delete=models.CASCADE, related_name="entries")
    document = models.ForeignKey("documents.Document", on_delete=models.PROTECT, related_name="gazette_entries")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    page = models.PositiveSmallIntegerField(_("page"), null=True, blank=True)

    class Meta:
        verbose_name = _("gazette article")
        verbose_name_plural = _("gazette articles")
        ordering = ["issue", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["issue", "document"], name="gazette_article_unique")]

    def __str__(self):
        return f"{self.issue} · {self.document}"


class GazetteRecipient(models.Model):
    """A body on the gazette's distribution list (受赠单位): libraries, archives, service halls."""

    name = models.CharField(_("receiving body"), max_length=120, unique=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    copies = models.PositiveSmallIntegerField(_("copies per issue"), default=1)
    is_active = models.BooleanField(_("on the list"), default=True)

    class Meta:
        verbose_name = _("gazette recipient")
        verbose_name_plural = _("gazette recipients")
        ordering = ["name"]

    def __str__(self):
        return self.name
