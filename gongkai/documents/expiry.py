"""Warnings before a 规章 or 规范性文件's 有效期 runs out, and after it has while the document is still marked
现行有效 — sent by `gongkai tick` on working days (supervision/tick.py), in the app.

Who is told: the issuing unit's handlers, reviewers and liaisons (the people who record the validity;
joint issuers do not, so they are not told) and the disclosure office's administrators. Each person is
told at most once per document, kind and 有效期: the notification key carries the date, so a changed
有效期 warns again. Nothing here changes a validity: a person confirms 失效 through the validity step,
as the end of a 有效期 may also be met by a decision to extend the document.
"""

from dataclasses import dataclass

from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from gongkai.notifications.models import Kind, Notification
from gongkai.notifications.services import notify_many
from gongkai.orgs.models import Membership, Role

from . import regulations
from .models import Document, DocumentSettings

UNIT_ROLES = (Role.HANDLER, Role.REVIEWER, Role.LIAISON)


@dataclass
class ExpiryReport:
    days: int = 0
    expiring: int = 0  # in force, 有效期 ends within `days`
    expired: int = 0  # in force, 有效期 already over
    notified: int = 0  # notifications written this run

    def summary(self):
        return {"days": self.days, "expiring": self.expiring, "expired": self.expired, "notified": self.notified}


def send_expiry_warnings(*, today, days=None):
    """Tell the issuing units and the office of the documents expiring within the office's warning period
    (DocumentSettings.expiry_warning_days, unless `days` is given) and of those past it. Idempotent."""
    days = DocumentSettings.current().expiry_warning_days if days is None else days
    published = regulations.library().select_related("unit")
    expiring = list(regulations.expiring_within(published, today=today, days=days).order_by("expires_on", "pk"))
    expired = list(regulations.past_expiry(published, today=today).order_by("expires_on", "pk"))
    report = ExpiryReport(days=days, expiring=len(expiring), expired=len(expired))
    if not expiring and not expired:
        return report
    staff, office = _recipients({document.unit_id for document in expiring + expired})
    rows = []
    with translation.override(django_settings.LANGUAGE_CODE):
        for kind, documents in (("expiry", expiring), ("expired", expired)):
            for document in documents:
                text = _text(document, kind=kind, today=today)
                url = reverse("documents:detail", args=[document.pk])
                key = f"{kind}:{document.pk}:{document.expires_on.isoformat()}"
                rows += [Notification(user_id=user_id, kind=Kind.WARNING, text=text, url=url, key=key)
                         for user_id in sorted(staff.get(document.unit_id, set()) | office)]
    report.notified = notify_many(notifications=rows)
    return report


def _recipients(unit_ids):
    """({unit id: {user ids}} of the units' handlers, reviewers and liaisons, {the office's user ids})."""
    staff = {}
    for unit_id, user_id in Membership.objects.filter(
            unit_id__in=unit_ids, role__in=UNIT_ROLES, user__is_active=True).values_list("unit_id", "user_id"):
        staff.setdefault(unit_id, set()).add(user_id)
    office = set(Membership.objects.filter(role=Role.OFFICE_ADMIN, user__is_active=True)
                 .values_list("user_id", flat=True))
    return staff, office


def _text(document, *, kind, today):
    name = _named(document)
    if kind == "expired":
        return _("%(document)s of %(unit)s is still marked in force, but its period of validity ended on %(date)s. "
                 "Record whether it has expired, was amended or repealed, or was extended.") % {
            "document": name, "unit": document.unit.name, "date": document.expires_on.isoformat()}
    return _("%(document)s of %(unit)s is valid until %(date)s (%(days)d days from today). Decide in time whether "
             "it is extended, amended or left to expire.") % {
        "document": name, "unit": document.unit.name, "date": document.expires_on.isoformat(),
        "days": (document.expires_on - today).days}


def _named(document: Document):
    """“title”（文号）."""
    return f"“{document.title}”（{document.number}）" if document.number else f"“{document.title}”"
