"""Every write to documents: keyword-only, an acting user, one transaction, validation, an event.

Views, the importer, the demo, `gongkai tick` and the API call these functions. The order of a
document's life is draft → review (保密审查) → published now or at a set time → withdrawn; every edit
is a new DocumentVersion so the public page can show the change history.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from gongkai.events.services import record
from gongkai.uploads import EVIDENCE_KINDS, check_upload

from . import numbering, permissions, scanning, validation
from .extraction import extract_text
from .models import SUPERSEDED, Attachment, Document, DocumentState, DocumentVersion, Validity
from .timeliness import late_workdays

S = DocumentState
PersonalDataFound = scanning.PersonalDataFound


def _snapshot(document):
    """The metadata of the document as it is now, for its version row (ids and readable values)."""
    return {
        "number": document.number,
        "index_number": document.index_number,
        "unit": document.unit.name,
        "joint_units": sorted(document.joint_units.values_list("name", flat=True)) if document.pk else [],
        "written_on": document.written_on.isoformat() if document.written_on else "",
        "topic": document.topic.name if document.topic_id else "",
        "genre": document.genre.name if document.genre_id else "",
        "keywords": list(document.keywords),
        "attribute": document.attribute,
        "validity": document.validity,
        "expires_on": document.expires_on.isoformat() if document.expires_on else "",
        "attachments": list(document.attachments.values_list("original_name", flat=True)) if document.pk else [],
    }


def _new_version(document, *, actor, note, now):
    return DocumentVersion.objects.create(
        document=document, number=document.version, title=document.title, body=document.body,
        metadata=_snapshot(document), note=note[:300], edited_by=actor if actor and actor.is_authenticated else None,
        edited_at=now, was_published=document.state == S.PUBLISHED,
    )


def _set_relations(document, *, joint_units=None, columns=None, topics=None):
    if joint_units is not None:
        document.joint_units.set([u for u in joint_units if u.pk != document.unit_id])
    if columns is not None:
        validation.check_columns(document.unit, columns)
        document.columns.set(columns)
    if topics is not None:
        document.topics.set(topics)


@transaction.atomic
def create_document(*, actor, unit, fields, joint_units=(), columns=(), topics=(), now=None, check=True):
    """A new draft (version 1). `check=False` is for the importer, which checked the unit itself."""
    now = now or timezone.now()
    if check:
        permissions.check_create(actor, unit)
    values = validation.clean_fields(fields, unit=unit)
    document = Document(unit=unit, created_by=actor if actor and actor.is_authenticated else None,
                        created_at=now, state=S.DRAFT, version=1, **values)
    validation.check_document(document)
    document.save()
    _set_relations(document, joint_units=joint_units, columns=columns, topics=topics)
    _new_version(document, actor=actor, note=pgettext("document version", "Drafted"), now=now)
    record(actor=actor, verb="documents.created", subject=document, data={"unit": unit.name})
    return document


@transaction.atomic
def edit_document(*, actor, document, fields, note="", joint_units=None, columns=None, topics=None,
                  confirm_personal_data=False, now=None):
    """Change a document: a new version. A published document's correction is public at once, so it is
    scanned for personal data like a publication."""
    now = now or timezone.now()
    document = _locked(document)
    permissions.check(actor, "edit", document)
    values = validation.clean_fields(fields, unit=document.unit, document=document)
    for name, value in values.items():
        setattr(document, name, value)
    validation.check_document(document)
    if document.state == S.PUBLISHED and not confirm_personal_data:
        scanning.refuse_unmasked(document)
    document.version += 1
    document.save()
    _set_relations(document, joint_units=joint_units, columns=columns, topics=topics)
    _new_version(document, actor=actor, note=note or _("Edited"), now=now)
    record(actor=actor, verb="documents.edited", subject=document,
           data={"version": document.version, "note": note[:200], "confirmed_personal_data": confirm_personal_data})
    return document


def _locked(document):
    """The document re-read under a row lock, so two people's steps never interleave."""
    return Document.objects.select_for_update(of=("self",)).select_related("unit", "genre", "topic").get(pk=document.pk)


@transaction.atomic
def add_attachment(*, actor, document, upload, now=None):
    now = now or timezone.now()
    document = _locked(document)
    permissions.check(actor, "attach", document)
    checked = check_upload(upload, allowed=EVIDENCE_KINDS, max_bytes=settings.DOCUMENT_ATTACHMENT_MAX_BYTES)
    attachment = _store_attachment(document, checked, actor=actor, now=now)
    if document.state == S.PUBLISHED:
        scanning.refuse_unmasked(document)
    document.version += 1
    document.save(update_fields=["version", "updated_at"])
    _new_version(document, actor=actor, note=_("Attachment added: %(name)s") % {"name": attachment.original_name},
                 now=now)
    record(actor=actor, verb="documents.attachment_added", subject=document, data={"file": attachment.original_name})
    return attachment


def _store_attachment(document, checked, *, actor, now):
    attachment = Attachment(
        document=document, original_name=checked.original_name, kind=checked.kind.name,
        extension=checked.kind.extension, size=checked.size, sha256=checked.sha256,
        text=extract_text(checked.data, checked.kind), order=document.attachments.count(),
        added_by=actor if actor and actor.is_authenticated else None, added_at=now,
    )
    attachment.file.save(checked.original_name, ContentFile(checked.data), save=False)
    attachment.save()
    return attachment


@transaction.atomic
def remove_attachment(*, actor, attachment, now=None):
    now = now or timezone.now()
    document = _locked(attachment.document)
    permissions.check(actor, "attach", document)
    name = attachment.original_name
    attachment.delete()  # the file stays in storage: an older version of the page may still name it
    document.version += 1
    document.save(update_fields=["version", "updated_at"])
    _new_version(document, actor=actor, note=_("Attachment removed: %(name)s") % {"name": name}, now=now)
    record(actor=actor, verb="documents.attachment_removed", subject=document, data={"file": name})


@transaction.atomic
def submit_for_review(*, actor, document):
    document = _locked(document)
    permissions.check(actor, "submit", document)
    _move(document, S.IN_REVIEW)
    record(actor=actor, verb="documents.submitted", subject=document)
    return document


@transaction.atomic
def return_to_draft(*, actor, document, reason):
    document = _locked(document)
    permissions.check(actor, "return", document)
    reason = _required(reason, _("Say why the document goes back to draft."))
    document.scheduled_for = None
    _move(document, S.DRAFT)
    record(actor=actor, verb="documents.returned", subject=document, data={"reason": reason})
    return document


@transaction.atomic
def publish(*, actor, document, at=None, confirm_personal_data=False, now=None):
    """The reviewer's 保密审查 passed: publish now, or at `at` (the tick publishes it then).

    While unmasked identity or mobile numbers are in the body or attachments, PersonalDataFound is
    raised; a person masks them or confirms they are meant to be public (the confirmation is recorded).
    """
    now = now or timezone.now()
    document = _locked(document)
    permissions.check(actor, "publish", document)
    if not confirm_personal_data:
        scanning.refuse_unmasked(document)
    document.personal_data_confirmed_version = document.version if confirm_personal_data else None
    if at is not None and at > now:
        document.scheduled_for = at
        _move(document, S.SCHEDULED)
        record(actor=actor, verb="documents.scheduled", subject=document,
               data={"at": at.isoformat(), "confirmed_personal_data": confirm_personal_data})
        return document
    _go_public(document, when=now)
    record(actor=actor, verb="documents.published", subject=document,
           data={"index_number": document.index_number, "confirmed_personal_data": confirm_personal_data})
    return document


def publish_due(*, now=None):
    """Publish every scheduled document whose time has come (gongkai tick); each in its own transaction."""
    now = now or timezone.now()
    published = []
    for pk in Document.objects.filter(state=S.SCHEDULED, scheduled_for__lte=now).values_list("pk", flat=True):
        with transaction.atomic():
            document = Document.objects.select_for_update(of=("self",)).select_related("unit", "genre").get(pk=pk)
            if document.state != S.SCHEDULED:
                continue  # returned or withdrawn meanwhile
            _go_public(document, when=now)
            record(actor=None, verb="documents.published", subject=document,
                   data={"index_number": document.index_number, "scheduled": True})
            published.append(document)
    return published


@transaction.atomic
def publish_imported(*, actor, document, published_at):
    """Importer only: the document was public on the old site already, at `published_at`."""
    document = _locked(document)
    if document.state != S.DRAFT:
        raise ValidationError(_("Only a newly imported draft is published by the importer."))
    _go_public(document, when=published_at)
    return document


def _go_public(document, *, when):
    document.state = S.PUBLISHED
    document.scheduled_for = None
    document.published_at = document.published_at or when
    if not document.index_number:
        document.index_number = numbering.next_index_number(unit=document.unit, year=_local_year(document.published_at))
    document.published_late_workdays = late_workdays(document)
    document.save()
    DocumentVersion.objects.filter(document=document, number=document.version).update(was_published=True)


def _local_year(moment):
    return timezone.localtime(moment).year if isinstance(moment, datetime.datetime) else moment.year


@transaction.atomic
def withdraw(*, actor, document, reason):
    document = _locked(document)
    permissions.check(actor, "withdraw", document)
    reason = _required(reason, _("Say why the document is withdrawn; the reason is kept in its history."))
    document.withdrawn_reason = reason
    document.scheduled_for = None
    _move(document, S.WITHDRAWN)
    record(actor=actor, verb="documents.withdrawn", subject=document, data={"reason": reason})
    return document


_UNCHANGED = object()


@transaction.atomic
def set_validity(*, actor, document, validity, superseded_by=None, expires_on=_UNCHANGED):
    """Record that a 规章 or 规范性文件 was amended, repealed or expired (or is in force again)."""
    document = _locked(document)
    permissions.check(actor, "set_validity", document)
    if validity not in Validity.values:
        raise ValidationError(_("Choose a validity."))
    if validity in SUPERSEDED:
        validation.check_superseding(document, superseded_by)
    else:
        superseded_by = None
    document.validity, document.superseded_by = validity, superseded_by
    if expires_on is not _UNCHANGED:
        document.expires_on = expires_on
    validation.check_document(document)
    document.save()
    record(actor=actor, verb="documents.validity_changed", subject=document,
           data={"validity": validity, "superseded_by": superseded_by.pk if superseded_by else None})
    return document


def _move(document, state):
    document.state = state
    document.save()


def _required(text, message):
    text = (text or "").strip()
    if not text:
        raise ValidationError(message)
    return text[:2000]
