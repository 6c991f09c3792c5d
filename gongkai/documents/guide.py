"""Each unit's disclosure guide (公开指南, 条例 Art 12): who may edit it, the one service that writes it,
and the contact lines the FOI letters and the public pages print from it.

A unit's acting staff (liaison, handler, reviewer) edit their own unit's guide and the office edits every
unit's; a viewer of the unit reads it. The public reads every guide at /guide/<unit id>/.
"""

import re
import unicodedata
from dataclasses import replace

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from gongkai.events.services import record
from gongkai.orgs.models import ACTING_ROLES, Role, Unit

from .models import DisclosureGuide

GUIDE_FIELDS = ("office_name", "address", "hours", "phone", "fax", "email", "postcode", "scope", "how_to_apply",
                "remedies")
# Fields a person types on one line; the others are paragraphs.
ONE_LINE = frozenset({"office_name", "address", "hours", "phone", "fax", "email", "postcode"})

# One number of a phone line: 024-22856789, (024)22856789, +86 24 2285 6789, 13912345678, 12345, with an
# extension (转 801, -801). Several numbers are separated by 、，, ; / or 或.
NUMBER_SEPARATORS = re.compile(r"\s*(?:[、，,；;/]|或)\s*")
LANDLINE = re.compile(r"^(?:\+?86[- ]?)?(?:\(?0?\d{2,3}\)?[- ]?)?[2-9]\d{2,3}[- ]?\d{4}(?:\s*(?:转|-|ext\.?)\s*\d{1,6})?$")
MOBILE = re.compile(r"^(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}$")
SERVICE_NUMBER = re.compile(r"^1\d{4}$")  # 12345 (the citizens' hotline), 12315 …
POSTCODE = re.compile(r"^\d{6}$")


# --- who may read and edit --------------------------------------------------------------------------

def may_edit(user, unit):
    """The office edits every unit's guide; a unit's liaison, handler and reviewer edit their own."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return user.is_office_admin or any(user.has_role(role, unit.pk) for role in ACTING_ROLES)


def may_read(user, unit):
    """Staff pages: whoever may edit, and the unit's viewers."""
    return may_edit(user, unit) or (getattr(user, "is_authenticated", False) and user.has_role(Role.VIEWER, unit.pk))


def units_for(user):
    """The units whose guide `user` reads on the staff side: every active unit for the office, else their own."""
    units = Unit.objects.active().order_by("kind", "code", "name")
    return units if user.is_office_admin else units.filter(pk__in=user.unit_ids)


def guide_of(unit):
    """The unit's guide, or None while nobody has written one."""
    if unit is None:
        return None
    return DisclosureGuide.objects.filter(unit=unit).first()


# --- validation and the service ---------------------------------------------------------------------

def _normalised(name, value):
    value = str(value or "")
    if name in ("phone", "fax", "postcode", "email"):
        value = unicodedata.normalize("NFKC", value)  # full-width digits and （） typed with a Chinese IME
    if name in ONE_LINE:
        value = " ".join(value.split())
    else:
        value = "\n".join(line.rstrip() for line in value.strip().splitlines())
    return value.strip()


def phone_is_plausible(text):
    """Every number on the line looks like a landline, a mobile or a short service number."""
    numbers = [part for part in NUMBER_SEPARATORS.split(text) if part.strip()]
    return bool(numbers) and all(LANDLINE.match(n) or MOBILE.match(n) or SERVICE_NUMBER.match(n) for n in numbers)


def guide_problems(values):
    """{field: message} for values that cannot stand in a guide (an empty value is always allowed)."""
    problems = {}
    for name in GUIDE_FIELDS:
        limit = DisclosureGuide._meta.get_field(name).max_length
        if limit and len(values.get(name, "")) > limit:
            problems[name] = _("At most %(limit)d characters.") % {"limit": limit}
    if values.get("postcode") and not POSTCODE.match(values["postcode"]):
        problems["postcode"] = _("A post code is six digits, e.g. 110013.")
    if values.get("email"):
        try:
            validate_email(values["email"])
        except ValidationError:
            problems["email"] = _("Give an e-mail address such as zwgk@shenyang.gov.cn.")
    for name in ("phone", "fax"):
        if values.get(name) and name not in problems and not phone_is_plausible(values[name]):
            problems[name] = _("Give a number such as 024-22856789 (area code, then the number) or a mobile "
                               "number; separate several numbers with 、.")
    return problems


@transaction.atomic
def edit_guide(*, actor, unit, fields):
    """Write the unit's guide: the fields given replace the stored ones; the others stay as they were."""
    if actor is not None and not may_edit(actor, unit):  # None: the system (the demo loader, a command)
        raise PermissionDenied(_("Only the unit's own staff and the disclosure office edit its disclosure guide."))
    unknown = set(fields) - set(GUIDE_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown fields: %(names)s") % {"names": ", ".join(sorted(unknown))})
    values = {name: _normalised(name, value) for name, value in fields.items()}
    problems = guide_problems(values)
    if problems:
        raise ValidationError(problems)
    DisclosureGuide.objects.get_or_create(unit=unit)
    guide = DisclosureGuide.objects.select_for_update().get(unit=unit)
    changed = sorted(name for name, value in values.items() if getattr(guide, name) != value)
    if changed:
        for name in changed:
            setattr(guide, name, values[name])
        guide.updated_by = actor
        guide.save()
        record(actor=actor, verb="documents.guide_edited", subject=guide,
               data={"unit": unit.name, "fields": changed})
    return guide


# --- what letters and pages print -------------------------------------------------------------------

def contact_line(guide):
    """The guide's contacts on one line for a letter's 附注: office, phone, address, post code ("" if none)."""
    if guide is None:
        return ""
    parts = [guide.office_name] if guide.office_name else []
    if guide.phone:
        # Translators: 电话：%(phone)s
        parts.append(_("phone %(phone)s") % {"phone": guide.phone})
    if guide.address:
        # Translators: 地址：%(address)s
        parts.append(_("address %(address)s") % {"address": guide.address})
    if guide.postcode:
        # Translators: 邮编：%(postcode)s
        parts.append(_("post code %(postcode)s") % {"postcode": guide.postcode})
    return pgettext("between the parts of a contact line", ", ").join(parts)


def phone_links(text):
    """The numbers of a phone line with what a tel: link dials (digits and +, without the extension)."""
    links = []
    for part in NUMBER_SEPARATORS.split(str(text or "")):
        part = part.strip()
        if part:
            main = re.split(r"\s*(?:转|ext\.?)\s*", part)[0]
            links.append({"text": part, "dial": re.sub(r"[^\d+]", "", main)})
    return links


def unit_named(name):
    """The active unit an agency's name (official or alias) stands for, or None."""
    name = " ".join(str(name or "").split())
    if not name:
        return None
    return Unit.objects.active().filter(Q(name=name) | Q(aliases__name=name)).distinct().first()


def with_guide_contacts(data, *, unit):
    """A foi.letters.LetterData whose empty contact lines are filled from the guides: the issuing unit's for
    the 附注, the responsible agency's for a 非本机关 reply naming it. What staff typed is kept."""
    changes = {}
    if not data.contact.strip():
        line = contact_line(guide_of(unit))
        if line:
            changes["contact"] = line
    if data.responsible_agency.strip() and not data.responsible_agency_contact.strip():
        line = contact_line(guide_of(unit_named(data.responsible_agency)))
        if line:
            changes["responsible_agency_contact"] = line
    return replace(data, **changes) if changes else data
