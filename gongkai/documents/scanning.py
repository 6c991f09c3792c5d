"""The personal-data scan before publishing: inspections penalise unmasked identity and mobile numbers.

The findings name where each number is (title, body or an attachment) and carry it masked only: the
scan result is shown on pages and must not itself leak the number.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import personal_data
from .sanitising import plain_text


@dataclass(frozen=True)
class PlacedFinding:
    place: str  # 标题, 正文 or the attachment's file name
    finding: object  # personal_data's finding: kind, masked text, masked context

    @property
    def attachment(self):
        return self.place not in (_("title"), _("body"))


class PersonalDataFound(ValidationError):
    """Publishing stops until a person masks the numbers or confirms they are meant to be public."""

    def __init__(self, findings):
        self.findings = findings
        super().__init__(ngettext(
            "%(n)d unmasked identity or mobile number was found; mask it or confirm it is meant to be public.",
            "%(n)d unmasked identity or mobile numbers were found; mask them or confirm they are meant to be public.",
            len(findings)) % {"n": len(findings)})


def scan(document):
    """Every unmasked number in the document's title, body and attachments' text."""
    places = [(_("title"), document.title), (_("body"), plain_text(document.body))]
    places += [(a.original_name, a.text) for a in document.attachments.all()]
    return [PlacedFinding(place, finding) for place, text in places for finding in personal_data.scan(text or "")]


def refuse_unmasked(document):
    findings = scan(document)
    if findings:
        raise PersonalDataFound(findings)

