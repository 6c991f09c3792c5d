"""Each unit's disclosure guide (公开指南, 条例 Art 12) as structured data.

The FOI reply letters print the office's contacts from here and the portal shows them, so a unit that
moves its office edits one record instead of every template.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.models import Unit


class DisclosureGuide(models.Model):
    unit = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="disclosure_guide")
    office_name = models.CharField(_("disclosure office"), max_length=120, blank=True,
                                   help_text=_("The body that handles disclosure work, e.g. 办公室（政务公开科）."))
    address = models.CharField(_("office address"), max_length=200, blank=True)
    hours = models.CharField(_("office hours"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    fax = models.CharField(_("fax"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    postcode = models.CharField(_("post code"), max_length=6, blank=True)
    scope = models.TextField(_("what the unit discloses"), blank=True,
                             help_text=_("The categories of information disclosed proactively and where."))
    how_to_apply = models.TextField(_("how to apply for disclosure"), blank=True)
    remedies = models.TextField(_("remedies"), blank=True,
                                help_text=_("Where to ask for administrative reconsideration or sue."))
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        verbose_name = _("disclosure guide")
        verbose_name_plural = _("disclosure guides")

    def __str__(self):
        return f"{self.unit.name} · {self._meta.verbose_name}"

    @property
    def is_complete(self):
        """The contacts a letter and the portal need: an address, hours and a phone."""
        return bool(self.address and self.hours and self.phone)
