"""Staff pages of proactive disclosure: the list, the form, the document page and its workflow steps.

Thin views: the services decide and refuse (documents/services.py, permissions.py), the pages offer
only permissions.allowed_actions. No document is fetched without Document.objects.visible_to, so a
draft of another unit is the site's 404; a step the person may not take is the site's 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.events.models import Event
from gongkai.querystrings import query_without
from gongkai.uploads import EVIDENCE_KINDS

from . import listing, permissions, scanning, services
from .forms import AttachmentForm, DocumentFilterForm, DocumentForm, PublishForm, ReasonForm, ValidityForm
from .models import Attachment, Category, CategoryKind, Column, Document, DocumentState
from .pages import metadata_rows, public_interpretations, text_changes
from .sanitising import editable_text
from .steps import put_errors, run_step

CONTENT_TYPES = {kind.name: kind.content_type for kind in EVIDENCE_KINDS}


def visible_document(request, pk):
    documents = Document.objects.visible_to(request.user).select_related(
        "unit", "genre", "topic", "interprets", "superseded_by")
    return get_object_or_404(documents, pk=pk)


@login_required
def document_list(request):
    """The documents this person may see, filtered and sorted, 50 a page; a bad filter is said and dropped."""
    form = DocumentFilterForm(request.GET, user=request.user)
    documents = listing.build(request.user, form.filters(), page_number=request.GET.get("page"))
    if request.GET.get("page") not in (None, str(documents.page.number)):
        messages.warning(request, _("There is no page %(asked)s; this is page %(number)d.") % {
            "asked": request.GET["page"][:10], "number": documents.page.number})
    return render(request, "documents/list.html", {
        "form": form, "documents": documents, "may_create": permissions.may_create(request.user),
        "page_link_base": query_without(request.GET, "page"),
    })


@login_required
@require_http_methods(["GET", "POST"])
def document_new(request):
    if not permissions.may_create(request.user):
        raise PermissionDenied(_("You can draft documents only for your own unit."))
    initial = {}
    policy = _prefilled_policy(request)
    if policy is not None:  # "新增解读" on a policy's page
        initial = {"interprets": policy.pk, "unit": policy.unit_id, "interpretation_kind": "text",
                   "title": (_("Interpretation of “%(title)s”") % {"title": policy.title})[:300],
                   "attribute": policy.attribute if policy.attribute == "proactive" else "",
                   "topic": policy.topic_id, **_interpretation_defaults()}
    form = DocumentForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document = services.create_document(
                actor=request.user, unit=data["unit"], fields=form.service_fields(),
                joint_units=data["joint_units"], columns=data["columns"], topics=data["topics"])
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("The draft was saved."))
            return redirect("documents:detail", pk=document.pk)
    return render(request, "documents/form.html", {"form": form, "document": None},
                  status=400 if form.errors else 200)


def _prefilled_policy(request):
    try:
        pk = int(request.GET.get("interprets", ""))
    except ValueError:
        return None
    return Document.objects.visible_to(request.user).policies().filter(pk=pk).first()


def _interpretation_defaults():
    """The standard catalogue's genre 政策解读 and column 政策解读, where the office kept them."""
    genre = Category.objects.filter(kind=CategoryKind.GENRE, name="政策解读", is_active=True).first()
    column = Column.objects.standard().roots().filter(slug="interpretations").first()
    return {"genre": genre.pk if genre else None, "columns": [column.pk] if column else []}


def _initial(document):
    return {
        "joint_units": list(document.joint_units.values_list("pk", flat=True)), "title": document.title,
        "number": document.number, "written_on": document.written_on, "topic": document.topic_id,
        "genre": document.genre_id, "keywords": "、".join(document.keywords), "attribute": document.attribute,
        "attribute_reason": document.attribute_reason, "legal_ground": document.legal_ground,
        "validity": document.validity, "expires_on": document.expires_on,
        "columns": list(document.columns.values_list("pk", flat=True)),
        "topics": list(document.topics.values_list("pk", flat=True)), "body": editable_text(document.body),
        "interprets": document.interprets_id, "interpretation_kind": document.interpretation_kind,
        "link_url": document.link_url,
    }


@login_required
@require_http_methods(["GET", "POST"])
def document_edit(request, pk):
    document = visible_document(request, pk)
    refused = permissions.refusal(request.user, "edit", document)
    if isinstance(refused, PermissionDenied):
        raise refused
    if refused is not None:  # the right person, the wrong state: say why on the document page
        messages.error(request, " ".join(refused.messages))
        return _back(pk)
    form = DocumentForm(request.POST or None, user=request.user, document=document, initial=_initial(document))
    findings = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.edit_document(
                actor=request.user, document=document, fields=form.service_fields(), note=data.get("note", ""),
                joint_units=data["joint_units"], columns=data["columns"], topics=data["topics"],
                confirm_personal_data=request.POST.get("confirm_personal_data") == "1")
        except scanning.PersonalDataFound as error:
            findings = error.findings
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("The changes were saved as a new version."))
            return redirect("documents:detail", pk=document.pk)
    return render(request, "documents/form.html", {"form": form, "document": document, "findings": findings},
                  status=400 if (form.errors or findings) else 200)


def _check_who(request, step, document):
    """Before reading a step's form: someone without the role is refused (403), whatever they sent."""
    if not permissions.acts(request.user, step, document.unit_id):
        raise PermissionDenied(str(permissions.STEPS[step].refused))


def is_insider(user, document):
    """Staff of the issuing (or a joint) unit and the office. Anyone else sees the document only because it
    is public, so they see what the public sees of it: no drafts' versions, no internal history."""
    if user.is_office_admin or document.unit_id in user.unit_ids:
        return True
    return document.joint_units.filter(pk__in=user.unit_ids).exists()


def _versions(user, document):
    versions = document.versions.select_related("edited_by").order_by("-number")
    return versions if is_insider(user, document) else versions.filter(was_published=True)


def _detail_context(request, document, **extra):
    can = permissions.allowed_actions(request.user, document)
    insider = is_insider(request.user, document)
    interpretations = Document.objects.visible_to(request.user).filter(interprets=document).select_related("unit")
    return {
        "document": document, "can": can, "rows": metadata_rows(document),
        "joint_units": list(document.joint_units.all()),
        "columns": [column.path_names() for column in document.columns.select_related("parent__parent")],
        "topics": list(document.topics.all()),
        "attachments": list(document.attachments.all()),
        "interpretations": list(interpretations),
        "public_interpretations": public_interpretations(document),
        "versions": list(_versions(request.user, document)), "insider": insider,
        "history": Event.objects.about(document).select_related("actor")[:100] if insider else [],
        "return_form": ReasonForm(prefix="return"), "withdraw_form": ReasonForm(prefix="withdraw"),
        "publish_form": PublishForm(), "attachment_form": AttachmentForm(),
        "validity_form": ValidityForm(user=request.user, document=document, initial={
            "validity": document.validity, "superseded_by": document.superseded_by_id,
            "expires_on": document.expires_on}) if "set_validity" in can else None,
        "may_interpret": document.interprets_id is None and permissions.may_create(request.user, document.unit),
        **extra,
        "attachment_findings": sorted({placed.place for placed in extra.get("findings") or () if placed.attachment}),
    }


@login_required
def document_detail(request, pk):
    document = visible_document(request, pk)
    return render(request, "documents/detail.html", _detail_context(request, document))


def _back(pk):
    return redirect("documents:detail", pk=pk)


def _run(request, document, step, done):
    """One service step, back to the document page with what happened."""
    return run_step(request, step, done, reverse("documents:detail", args=[document.pk]))


@login_required
@require_POST
def submit_view(request, pk):
    document = visible_document(request, pk)
    return _run(request, document, lambda: services.submit_for_review(actor=request.user, document=document),
                _("Submitted for the confidentiality review."))


@login_required
@require_POST
def return_view(request, pk):
    document = visible_document(request, pk)
    form = ReasonForm(request.POST, prefix="return")
    _check_who(request, "return", document)
    if not form.is_valid():
        messages.error(request, _("Say why the document goes back to draft."))
        return _back(pk)
    return _run(request, document, lambda: services.return_to_draft(
        actor=request.user, document=document, reason=form.cleaned_data["reason"]), _("Returned to draft."))


@login_required
@require_POST
def withdraw_view(request, pk):
    document = visible_document(request, pk)
    _check_who(request, "withdraw", document)
    form = ReasonForm(request.POST, prefix="withdraw")
    if not form.is_valid():
        messages.error(request, _("Say why the document is withdrawn; the reason is kept in its history."))
        return _back(pk)
    return _run(request, document, lambda: services.withdraw(
        actor=request.user, document=document, reason=form.cleaned_data["reason"]),
        _("The document was withdrawn; the public no longer sees it."))


@login_required
@require_POST
def publish_view(request, pk):
    """Publish now or at a time. Unmasked personal data stops it: the page shows the findings, masked."""
    document = visible_document(request, pk)
    _check_who(request, "publish", document)
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the time of publication as a date and time, or leave it empty."))
        return _back(pk)
    at, confirm = form.cleaned_data["at"], form.cleaned_data["confirm_personal_data"]
    try:
        document = services.publish(actor=request.user, document=document, at=at, confirm_personal_data=confirm)
    except scanning.PersonalDataFound as error:
        return render(request, "documents/detail.html", _detail_context(
            request, document, findings=error.findings, findings_for="publish",
            publish_form=PublishForm(initial={"at": at})), status=400)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _back(pk)
    if document.state == DocumentState.SCHEDULED:
        messages.success(request, _("The document will be published at %(at)s.") % {
            "at": _local(document.scheduled_for)})
    else:
        messages.success(request, _("Published with the index number %(index)s.") % {"index": document.index_number})
    return _back(pk)


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


@login_required
@require_POST
def validity_view(request, pk):
    document = visible_document(request, pk)
    _check_who(request, "set_validity", document)
    form = ValidityForm(request.POST, user=request.user, document=document)
    if not form.is_valid():
        errors = [error for field_errors in form.errors.values() for error in field_errors]
        messages.error(request, " ".join(errors))
        return _back(pk)
    data = form.cleaned_data
    return _run(request, document, lambda: services.set_validity(
        actor=request.user, document=document, validity=data["validity"], superseded_by=data["superseded_by"],
        expires_on=data["expires_on"]), _("The validity was recorded."))


@login_required
@require_POST
def scan_view(request, pk):
    """检查个人信息: the scan on demand, findings masked."""
    document = visible_document(request, pk)
    permissions.check(request.user, "scan", document)
    findings = scanning.scan(document)
    if not findings:
        messages.success(request, _("No unmasked identity or mobile number was found."))
        return _back(pk)
    return render(request, "documents/detail.html", _detail_context(
        request, document, findings=findings, findings_for="scan"))


@login_required
@require_POST
def mask_view(request, pk):
    """自动打码: mask every number in the title and body, as a new version. Attachments cannot be masked here."""
    from .personal_data import mask_all

    document = visible_document(request, pk)
    permissions.check(request.user, "edit", document)
    fields = {"title": mask_all(document.title), "body": mask_all(document.body)}
    if fields == {"title": document.title, "body": document.body}:
        messages.info(request, _("Nothing in the title or body needed masking."))
    else:
        try:
            services.edit_document(actor=request.user, document=document, fields=fields,
                                   note=_("Personal data masked automatically"))
        except scanning.PersonalDataFound:
            # A published document whose attachments still hold numbers: the body alone cannot be corrected.
            messages.error(request, _("The attachments still contain unmasked numbers: remove or replace them "
                                      "first, then mask the body."))
            return _back(pk)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return _back(pk)
        messages.success(request, _("The numbers in the title and body were masked; a new version was saved."))
    left = [finding for finding in scanning.scan(Document.objects.get(pk=pk)) if finding.attachment]
    if left:
        messages.warning(request, _("Attachments cannot be masked automatically: remove or replace %(files)s.")
                         % {"files": "、".join(sorted({finding.place for finding in left}))})
    return _back(pk)


@login_required
@require_POST
def attachments_add(request, pk):
    document = visible_document(request, pk)
    _check_who(request, "attach", document)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose at least one file to attach."))
        return _back(pk)
    added, refused = [], []
    for upload in form.cleaned_data["files"]:
        try:
            services.add_attachment(actor=request.user, document=document, upload=upload)
        except scanning.PersonalDataFound as error:
            refused.append(str(error.messages[0]) + f"（{upload.name[:100]}）")
        except ValidationError as error:
            refused.append(" ".join(error.messages))
        else:
            added.append(upload.name[:100])
    if added:
        messages.success(request, _("Attached: %(files)s.") % {"files": "、".join(added)})
    for reason in refused:
        messages.error(request, reason)
    return _back(pk)


def _attachment(request, pk, attachment_pk):
    document = visible_document(request, pk)
    return document, get_object_or_404(Attachment, document=document, pk=attachment_pk)


@login_required
@require_POST
def attachment_remove(request, pk, attachment_pk):
    document, attachment = _attachment(request, pk, attachment_pk)
    return _run(request, document, lambda: services.remove_attachment(actor=request.user, attachment=attachment),
                _("The attachment %(name)s was removed.") % {"name": attachment.original_name})


@login_required
def attachment_download(request, pk, attachment_pk):
    _document, attachment = _attachment(request, pk, attachment_pk)
    return file_response(attachment)


def file_response(attachment):
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError) as missing:
        raise Http404 from missing
    # The type checked at upload, never one guessed from the file's name (a PDF named x.html stays a PDF).
    content_type = CONTENT_TYPES.get(attachment.kind, "application/octet-stream")
    return FileResponse(handle, as_attachment=True, filename=attachment.original_name, content_type=content_type)


@login_required
def version_view(request, pk, number):
    document = visible_document(request, pk)
    versions = _versions(request.user, document)
    version = get_object_or_404(versions, number=number)
    previous = versions.filter(number__lt=version.number).order_by("-number").first()
    return render(request, "documents/version.html", {
        "document": document, "version": version, "previous": previous,
        "changes": text_changes(previous.body, version.body) if previous else None})
