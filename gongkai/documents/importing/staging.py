"""The web import: an uploaded listing (and ZIP of attachments) kept on the server until confirmed.

The preview and the confirmation both read the stored files and check every row again, for the person
who uploaded them: what a browser posts back is only “confirm” or “discard”, never the rows. Who may
import: the disclosure office for every unit, a unit's liaison for the unit's own documents.
"""

import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.orgs.models import Role

from ..models import DocumentImport, DocumentImportStatus
from .checking import check_listing
from .files import FilesError, NoFiles, ZipFiles
from .readers import ImportFileError, read_listing
from .writing import write_plan

LISTING_MAX_BYTES = getattr(settings, "DOCUMENT_IMPORT_MAX_BYTES", 20 * 1024 * 1024)
ZIP_MAX_BYTES = getattr(settings, "DOCUMENT_IMPORT_ZIP_MAX_BYTES", 500 * 1024 * 1024)


def import_scope(user):
    """The units `user` imports documents for: None for every unit (the office), else a set (maybe empty)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    if user.is_office_admin:
        return None
    return frozenset(unit_id for unit_id, role in user.role_pairs if role == Role.LIAISON)


def may_import(user):
    scope = import_scope(user)
    return scope is None or bool(scope)


def _require_importer(actor):
    if not may_import(actor):
        raise PermissionDenied(_("Only the disclosure office and units' liaisons import documents."))


def stage_import(*, actor, listing, files_zip=None, publish=False):
    """Keep an uploaded listing (and ZIP) for its preview; ValidationError when either cannot be read."""
    _require_importer(actor)
    _check_size(listing, LISTING_MAX_BYTES)
    data = listing.read()
    try:
        read_listing(data, listing.name or "")
    except ImportFileError as error:
        raise ValidationError({"listing": error.message}) from error
    if files_zip is not None:
        _check_size(files_zip, ZIP_MAX_BYTES, field="files_zip")
        try:
            ZipFiles(files_zip, name=files_zip.name)
        except FilesError as error:
            raise ValidationError({"files_zip": error.message}) from error
        files_zip.seek(0)
    staged = DocumentImport(filename=(listing.name or "listing")[:200], sha256=hashlib.sha256(data).hexdigest(),
                            publish=publish, created_by=actor)
    token = secrets.token_hex(16)  # stored names say nothing of the upload's own name
    staged.listing.save(f"{token}.listing", ContentFile(data), save=False)
    if files_zip is not None:
        staged.files_zip.save(f"{token}.zip", files_zip, save=False)
        staged.files_zip_name = (files_zip.name or "")[:200]
    staged.save()
    return staged


def _check_size(upload, limit, field="listing"):
    if upload.size > limit:
        raise ValidationError({field: _("The file is %(size).1f MB; the limit is %(limit)d MB.")
                               % {"size": upload.size / 2**20, "limit": limit // 2**20}})


def staged_of(user):
    """The imports `user` uploaded: no one previews or confirms another person's upload."""
    if not getattr(user, "is_authenticated", False):
        return DocumentImport.objects.none()
    return DocumentImport.objects.filter(created_by=user)


def open_files(staged):
    return ZipFiles(staged.files_zip.open("rb"), name=staged.files_zip_name) if staged.files_zip else NoFiles()


def plan_of(staged, *, user):
    """The stored listing checked again, now, for `user`'s units; raises ValidationError if unreadable."""
    try:
        with staged.listing.open("rb") as stored:
            data = stored.read()
        listing = read_listing(data, staged.filename)
        return check_listing(listing, files=open_files(staged), scope=import_scope(user), publish=staged.publish)
    except (ImportFileError, FilesError) as error:
        raise ValidationError(error.message) from error
    except OSError as error:
        raise ValidationError(_("The uploaded file is no longer on the server; upload it again.")) from error


@transaction.atomic
def confirm_import(*, actor, staged):
    _require_importer(actor)
    staged = DocumentImport.objects.select_for_update().get(pk=staged.pk)
    if staged.created_by_id != actor.pk:
        raise PermissionDenied(_("Only the person who uploaded the listing confirms its import."))
    if staged.status != DocumentImportStatus.STAGED:
        raise ValidationError(_("This import was already confirmed or discarded."))
    plan = plan_of(staged, user=actor)
    try:
        written = write_plan(actor=actor, plan=plan, files=open_files(staged), filename=staged.filename,
                             sha256=staged.sha256, staged=staged)
    except FilesError as error:
        raise ValidationError(error.message) from error
    _delete_files(staged)
    return written, plan


@transaction.atomic
def discard_import(*, actor, staged):
    staged = DocumentImport.objects.select_for_update().get(pk=staged.pk)
    if staged.created_by_id != getattr(actor, "pk", None):
        raise PermissionDenied(_("Only the person who uploaded the listing discards it."))
    if staged.status != DocumentImportStatus.STAGED:
        raise ValidationError(_("This import was already confirmed or discarded."))
    staged.status, staged.finished_at = DocumentImportStatus.DISCARDED, timezone.now()
    staged.save(update_fields=["status", "finished_at"])
    _delete_files(staged)
    return staged


def _delete_files(staged):
    """The uploads are not kept once the import is done: the documents hold what was imported."""
    for stored in (staged.listing, staged.files_zip):
        if stored:
            transaction.on_commit(lambda name=stored.name, storage=stored.storage: storage.delete(name))
