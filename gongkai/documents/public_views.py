"""The public page of a document at a stable address (/gk/<pk>/): only Document.objects.public().

Drafts, scheduled, withdrawn documents and those kept back (依申请公开, 不予公开) are the site's 404,
as is every attachment or version of them; the next issue builds the portal around this page.
"""

from django.shortcuts import get_object_or_404, render

from .models import Attachment, Document
from .pages import images_of, metadata_rows, public_interpretations
from .views import file_response


def _public(pk):
    return get_object_or_404(Document.objects.public().select_related("unit", "genre", "topic"), pk=pk)


def document(request, pk):
    document = _public(pk)
    superseding = Document.objects.public().filter(pk=document.superseded_by_id).first() \
        if document.superseded_by_id else None
    policy = Document.objects.public().filter(pk=document.interprets_id).first() if document.interprets_id else None
    attachments = list(document.attachments.all())
    return render(request, "documents/public/document.html", {
        "document": document, "rows": metadata_rows(document, public=True), "superseding": superseding,
        "policy": policy, "attachments": attachments, "images": images_of(attachments),
        "interpretations": public_interpretations(document),
        "versions": list(document.versions.filter(was_published=True).order_by("-number")),
    })


def attachment(request, pk, attachment_pk):
    return file_response(get_object_or_404(Attachment, document=_public(pk), pk=attachment_pk))


def version(request, pk, number):
    document = _public(pk)
    version = get_object_or_404(document.versions.filter(was_published=True), number=number)
    return render(request, "documents/public/version.html", {"document": document, "version": version})
