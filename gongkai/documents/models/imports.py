"""A listing of documents uploaded on the web for import, kept between its preview and its confirmation.

The file (and the ZIP of attachments) stays on the server: the confirmation reads the stored file again
and checks it again, so nothing a browser re-posts can change what is written. A command-line import
leaves a row too (without the file), so every import has a record the `documents.imported` event names.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentImportStatus(models.TextChoices):
    STAGED = "staged", _("Awaiting confirmation")
    IMPORTED = "imported", _("Imported")
    DISCARDED = "discarded", _("Discarded")


class DocumentImport(models.Model):
    filename = models.CharField(_("file name"), max_length=200)
    sha256 = models.CharField(max_length=64)
    listing = models.FileField(upload_to="document-imports/", max_length=200, blank=True)
    files_zip = models.FileField(upload_to="document-imports/", max_length=200, blank=True)
    files_zip_name = models.CharField(max_length=200, blank=True)
    publish = models.BooleanField(_("publish proactive documents"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=DocumentImportStatus.choices,
                              default=DocumentImportStatus.STAGED)
    counts = models.JSONField(default=dict, blank=True, help_text=_("What the import wrote, by kind."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("document import")
        verbose_name_plural = _("document imports")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.filename
