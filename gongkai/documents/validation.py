"""What makes a document's metadata acceptable: one place for the services, the forms and the importer.

Every problem is a ValidationError in Chinese naming the field, so a form shows it beside the field and
the importer reports it by line.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gongkai.foi.grounds import GROUNDS

from .models import Category, CategoryKind, DisclosureAttribute, Document, InterpretationKind, Validity
from .sanitising import clean_html

TEXT_FIELDS = {"title": 300, "number": 80, "attribute_reason": 2000, "legal_ground": 16, "link_url": 500,
               "source_url": 500}
FIELDS = frozenset({*TEXT_FIELDS, "body", "written_on", "expires_on", "topic", "genre", "keywords", "attribute",
                    "validity", "interprets", "interpretation_kind", "superseded_by", "published_at"})
GROUND_KEYS = frozenset(ground.key for ground in GROUNDS)
MAX_KEYWORDS = 20


def clean_fields(fields, *, unit, document=None):
    """The values to set from `fields` (only the names given); ValidationError by field name."""
    unknown = set(fields) - FIELDS
    if unknown:
        raise TypeError(f"unknown document fields: {sorted(unknown)}")
    values, errors = {}, {}
    for name, value in fields.items():
        try:
            values[name] = _clean(name, value)
        except ValidationError as error:
            errors[name] = error.messages
    if errors:
        raise ValidationError(errors)
    return values


def _clean(name, value):
    if name in TEXT_FIELDS:
        text = " ".join(str(value or "").split()) if name in ("title", "number") else str(value or "").strip()
        if len(text) > TEXT_FIELDS[name]:
            raise ValidationError(_("At most %(n)d characters.") % {"n": TEXT_FIELDS[name]})
        return text
    if name == "body":
        return clean_html(str(value or ""))
    if name in ("written_on", "expires_on"):
        if value in (None, ""):
            return None
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            raise ValidationError(_("Give a date."))
        return value
    if name == "keywords":
        return _keywords(value)
    if name in ("topic", "genre"):
        return _category(value, CategoryKind.TOPIC if name == "topic" else CategoryKind.GENRE)
    if name == "attribute":
        if value not in DisclosureAttribute.values:
            raise ValidationError(_("Every document carries a disclosure attribute: 主动公开, 依申请公开 or 不予公开."))
        return value
    if name == "validity":
        if value not in ("", None, *Validity.values):
            raise ValidationError(_("Choose a validity."))
        return value or ""
    if name == "interpretation_kind":
        if value not in ("", None, *InterpretationKind.values):
            raise ValidationError(_("Choose the kind of interpretation."))
        return value or ""
    if name in ("interprets", "superseded_by"):
        if value is not None and not isinstance(value, Document):
            raise ValidationError(_("Choose a document."))
        return value
    return value


def _keywords(value):
    if isinstance(value, str):
        value = value.replace("；", ";").replace("，", ",").replace("、", ",").replace(";", ",").split(",")
    words = []
    for word in value or ():
        word = " ".join(str(word).split())
        if word and word not in words:
            words.append(word[:30])
    if len(words) > MAX_KEYWORDS:
        raise ValidationError(_("At most %(n)d keywords.") % {"n": MAX_KEYWORDS})
    return words


def _category(value, kind):
    if value in (None, ""):
        return None
    if not isinstance(value, Category) or value.kind != kind:
        raise ValidationError(_("Choose a category from the list."))
    return value


def check_document(document):
    """Rules across fields, on the document as it will be saved."""
    errors = {}
    if not document.title:
        errors["title"] = _("A document needs a title.")
    if document.attribute != DisclosureAttribute.PROACTIVE:
        if not document.attribute_reason:
            errors["attribute_reason"] = _("Say why the document is not disclosed proactively.")
        if document.legal_ground not in GROUND_KEYS:
            errors["legal_ground"] = _("Cite the legal ground for not disclosing it proactively.")
    else:
        document.attribute_reason, document.legal_ground = "", ""
    has_validity = bool(document.genre_id and document.genre.has_validity)
    if has_validity and not document.validity:
        document.validity = Validity.IN_FORCE
    elif not has_validity and (document.validity or document.expires_on):
        errors["validity"] = _("Only 规章 and 规范性文件 carry a validity and a period of validity.")
    if document.superseded_by_id and document.superseded_by_id == document.pk:
        errors["validity"] = _("A document cannot amend or repeal itself.")
    if document.expires_on and document.written_on and document.expires_on <= document.written_on:
        errors["expires_on"] = _("The period of validity must end after the date written.")
    _check_interpretation(document, errors)
    if errors:
        raise ValidationError(errors)


def _check_interpretation(document, errors):
    if document.interprets_id is None:
        if document.interpretation_kind:
            errors["interprets"] = _("Choose the policy this interpretation explains.")
        return
    policy = document.interprets
    if policy.pk == document.pk or policy.interprets_id is not None:
        errors["interprets"] = _("An interpretation explains a policy document, not itself or another interpretation.")
    if not document.interpretation_kind:
        errors["interpretation_kind"] = _("Choose the kind of interpretation.")
    elif document.interpretation_kind == InterpretationKind.H5 and not document.link_url:
        errors["link_url"] = _("An H5 interpretation needs the page's address.")


def check_superseding(document, superseded_by):
    """The document named as amending or repealing `document`: a published 规章 or 规范性文件, not itself."""
    if superseded_by is None:
        raise ValidationError(_("Name the document that amended or repealed it."))
    if superseded_by.pk == document.pk:
        raise ValidationError(_("A document cannot amend or repeal itself."))
    if superseded_by.state != "published":
        raise ValidationError(_("The amending or repealing document must be published."))
    if not (superseded_by.genre_id and superseded_by.genre.has_validity):
        raise ValidationError(_("A 规章 or 规范性文件 is amended or repealed by another 规章 or 规范性文件."))


def check_columns(unit, columns):
    """Columns of the standard tree, or the unit's own."""
    for column in columns:
        if column.unit_id not in (None, unit.pk):
            raise ValidationError(_("“%(column)s” is another unit's own column.") % {"column": column.name})
