"""Writing an ImportPlan: every new row through documents/services.py, all in one transaction.

A row becomes a draft (create_document) with its attachments; with `publish`, a proactively disclosed
document is published at its 发布日期 (or now, when the listing gives none) by publish_imported, which
gives it its 索引号 as any publication does. Documents kept back (依申请公开, 不予公开) stay drafts even
then: their reason and ground pass the unit's review before the document counts as handled. One
`documents.imported` event per file carries the counts; each document still has its own
`documents.created` event from the service.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.events.services import record

from .. import services
from ..models import DocumentImport, DocumentImportStatus, DocumentVersion
from .checking import check_attachment


class ImportRefused(ValidationError):
    """The plan has rows in error: nothing is written."""


@transaction.atomic
def write_plan(*, actor, plan, files, filename, sha256, staged=None, now=None):
    """Create the plan's new documents; the DocumentImport row the event names. Nothing on any error."""
    now = now or timezone.now()
    if plan.errors:
        raise ImportRefused(_("%(n)d rows have problems; nothing was imported.") % {"n": len(plan.errors)})
    counts = plan.counts()
    for row in plan.new:
        # The plan checked the importer's units (check=False). A new document has no relations to clear:
        # None skips setting empty ones (two queries a document, a fifth of the import's time).
        document = services.create_document(actor=actor, unit=row.unit, fields=row.fields,
                                            columns=row.columns or None, joint_units=None, topics=None,
                                            now=now, check=False)
        if row.attachments:
            _attach(document, row.attachments, files=files, actor=actor, now=now)
        if plan.will_publish(row):
            services.publish_imported(actor=actor, document=document, published_at=row.published_at or now)
    if staged is None:
        staged = DocumentImport(filename=filename[:200], sha256=sha256, publish=plan.publish,
                                created_by=actor if actor and actor.is_authenticated else None)
    staged.status, staged.counts, staged.finished_at = DocumentImportStatus.IMPORTED, counts, now
    staged.save()
    record(actor=actor, verb="documents.imported", subject=staged,
           data={"file": filename[:200], **{k: counts[k] for k in ("new", "published", "drafts", "skipped", "attachments")}})
    return staged


def _attach(document, names, *, files, actor, now):
    """The row's attachments, checked again as they are read; part of the document's first version."""
    for name in names:
        checked = check_attachment(files, name)
        services._store_attachment(document, checked, actor=actor, now=now)
    version = DocumentVersion.objects.get(document=document, number=document.version)
    version.metadata = services._snapshot(document)
    version.save(update_fields=["metadata"])


def plan_listing(*, data, filename, files, scope=None, publish=False):
    """Read and check a listing's bytes: the plan the dry run shows and the import writes."""
    from .checking import check_listing
    from .readers import read_listing

    return check_listing(read_listing(data, filename), files=files, scope=scope, publish=publish)
