"""The public portal's reads of documents: only Document.objects.public(), shaped for listing pages.

Every listing of the portal starts here so that nothing but published, proactively disclosed documents
(never a draft, a withdrawn document or one kept back as 依申请公开 or 不予公开) reaches the public. The
body, the reasons for keeping back or withdrawing and staff notes are deferred: listings do not need them.
"""

from django.db.models import Prefetch, Q, Subquery

from gongkai.documents.models import Document
from gongkai.orgs.models import Unit

# What a listing row never needs; the public document page (/gk/<pk>/) reads the body itself.
UNLISTED_FIELDS = ("body", "attribute_reason", "legal_ground", "withdrawn_reason", "source_url")


def listed(documents=None):
    """Public documents ready for a table: issuing unit, subject, genre and joint issuers read with them."""
    documents = Document.objects.public() if documents is None else documents
    return (documents.select_related("unit", "topic", "genre").defer(*UNLISTED_FIELDS)
            .prefetch_related(Prefetch("joint_units", queryset=Unit.objects.only("pk", "name").order_by("name"))))


def briefly(documents):
    """Public documents for a short list (title, unit, date): the issuing unit read with them, nothing else."""
    return documents.select_related("unit").defer(*UNLISTED_FIELDS)


def in_columns(column_ids):
    """Public documents standing in any of these columns, each once."""
    through = Document.columns.through.objects.filter(column_id__in=list(column_ids))
    return Document.objects.public().filter(pk__in=Subquery(through.values("document_id")))


def of_unit(unit):
    """The public documents a unit issued, alone or jointly."""
    joint = Document.joint_units.through.objects.filter(unit_id=unit.pk).values("document_id")
    return Document.objects.public().filter(Q(unit=unit) | Q(pk__in=Subquery(joint)))


def newest_first(documents):
    return documents.order_by("-published_at", "-id")
