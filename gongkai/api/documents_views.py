"""The documents API (issue 10 §3): the public reads published documents; units' own systems publish.

Reads: the list is Document.objects.public() only, whoever asks; one document is fetched through
Document.objects.visible_to(user), so the public (no token) sees public documents only and the issuing
unit's staff also its drafts, while a draft of another unit answers 404 exactly like an unknown id.
Writes call the same service functions as the staff pages (gongkai.documents.services), which refuse
what the role table (documents/permissions.py) refuses; the views only translate HTTP to keyword
arguments and the services' exceptions to status codes: PermissionDenied → 403, ValidationError → 400
with the services' Chinese messages by field, unmasked personal data → 409 with the findings masked.
"""

import contextlib
import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import exceptions, generics, parsers, permissions, serializers, status
from rest_framework.response import Response
from rest_framework.settings import api_settings

from gongkai.documents import listing, scanning, services
from gongkai.documents import permissions as roles
from gongkai.documents.models import Document, DocumentVersion
from gongkai.documents.views import is_insider

from .documents_serializers import (
    AttachmentSerializer,
    AttachmentUploadSerializer,
    DocumentEditSerializer,
    DocumentFilterSerializer,
    DocumentSerializer,
    DocumentSummarySerializer,
    DocumentWriteSerializer,
    PersonalDataSerializer,
    PublishSerializer,
    ReasonSerializer,
)

TAGS = ["documents"]
ERROR = inline_serializer("DocumentError", {"detail": serializers.CharField()})
INVALID = OpenApiResponse(description="Invalid input: field names (or non_field_errors) with their messages.")
UNAUTHENTICATED = OpenApiResponse(ERROR, description="No valid token was sent.")
FORBIDDEN = OpenApiResponse(ERROR, description="The caller's roles do not allow this step.")
NOT_FOUND = OpenApiResponse(ERROR, description="No such document among those the caller may see.")
PERSONAL_DATA = OpenApiResponse(
    PersonalDataSerializer,
    description="Unmasked identity or mobile numbers were found (shown masked). Mask them, or send "
                "confirm_personal_data: true if they are meant to be public.")


class PersonalDataBlocked(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "personal_data"


@contextlib.contextmanager
def service_errors(field=None):
    """The services' exceptions as API answers, in the services' own words. A message that names no
    field goes under `field` when the step has one input (a withdrawal's reason), else non_field_errors."""
    try:
        yield
    except scanning.PersonalDataFound as error:  # a ValidationError too: first
        raise PersonalDataBlocked({"detail": " ".join(error.messages), "findings": [
            {"place": str(placed.place), "kind": placed.finding.kind, "masked": placed.finding.masked,
             "context": placed.finding.context} for placed in error.findings]}) from error
    except ValidationError as error:
        detail = error.message_dict if hasattr(error, "error_dict") else {
            field or api_settings.NON_FIELD_ERRORS_KEY: error.messages}
        raise exceptions.ValidationError(detail) from error
    except PermissionDenied as error:
        raise exceptions.PermissionDenied(str(error) or None) from error


def refuse_unless_acts(user, step, document):
    """Someone without the step's role is refused (403) before their input is read, as on the pages."""
    if not roles.acts(user, step, document.unit_id):
        raise exceptions.PermissionDenied(str(roles.STEPS[step].refused))


def start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class DocumentContextMixin:
    def visible_documents(self):
        return Document.objects.visible_to(self.request.user).select_related("unit", "genre", "topic")

    def detail_of(self, document, status_code=status.HTTP_200_OK):
        """The document as the caller sees it now, read afresh after a step."""
        fresh = self.detailed(self.visible_documents()).filter(pk=document.pk).first()
        if fresh is None:  # never happens for a unit's own document; say nothing rather than 500
            raise exceptions.NotFound()
        context = {"request": self.request, "visible": Document.objects.visible_to(self.request.user),
                   "insider": self.request.user.is_authenticated and is_insider(self.request.user, fresh)}
        return Response(DocumentSerializer(fresh, context=context).data, status=status_code)

    @staticmethod
    def detailed(documents):
        return documents.prefetch_related(
            "joint_units", "attachments", "columns", "topics",
            Prefetch("versions", queryset=DocumentVersion.objects.defer("body", "metadata")))


@extend_schema(tags=TAGS)
class DocumentList(DocumentContextMixin, generics.GenericAPIView):
    permission_classes = [permissions.IsAuthenticatedOrReadOnly]
    serializer_class = DocumentSummarySerializer

    def get_queryset(self):
        return Document.objects.public().select_related("unit", "genre", "topic")

    @extend_schema(
        summary="Published documents (public, newest first)", parameters=[DocumentFilterSerializer],
        responses={200: DocumentSummarySerializer(many=True), 400: INVALID})
    def get(self, request):
        """Published, proactively disclosed documents: whoever asks, a token or none, drafts never."""
        query = DocumentFilterSerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        filters = query.validated_data
        documents = listing.filtered(self.get_queryset(), filters)
        if filters.get("topic"):
            documents = documents.filter(topic=filters["topic"])
        if filters.get("published_after"):
            documents = documents.filter(published_at__gte=start_of(filters["published_after"]))
        if filters.get("published_before"):
            documents = documents.filter(
                published_at__lt=start_of(filters["published_before"] + datetime.timedelta(days=1)))
        page = self.paginate_queryset(documents.defer("body").order_by("-published_at", "-id"))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(
        summary="Create a draft for a unit", request=DocumentWriteSerializer,
        responses={201: DocumentSerializer, 400: INVALID, 401: UNAUTHENTICATED, 403: FORBIDDEN})
    def post(self, request):
        """A new draft (version 1) of a unit the caller drafts for (handler or liaison; the office any)."""
        with service_errors():  # someone who drafts for no unit is refused before their input is read
            roles.check_create(request.user, None)
        draft = DocumentWriteSerializer(data=request.data, context={"user": request.user})
        draft.is_valid(raise_exception=True)
        with service_errors():
            document = services.create_document(
                actor=request.user, unit=draft.validated_data["unit"], fields=draft.service_fields(),
                **{name: value or () for name, value in draft.relations().items()})
        return self.detail_of(document, status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class DocumentDetail(DocumentContextMixin, generics.GenericAPIView):
    permission_classes = [permissions.IsAuthenticatedOrReadOnly]
    serializer_class = DocumentSerializer

    def get_queryset(self):
        return self.visible_documents()

    @extend_schema(summary="One document", responses={200: DocumentSerializer, 404: NOT_FOUND})
    def get(self, request, pk):
        """Anyone: a public document. With a token of the issuing (or a joint) unit: its drafts too."""
        return self.detail_of(self.get_object())

    @extend_schema(
        summary="Edit a document (a new version)", request=DocumentEditSerializer,
        responses={200: DocumentSerializer, 400: INVALID, 401: UNAUTHENTICATED, 403: FORBIDDEN, 404: NOT_FOUND,
                   409: PERSONAL_DATA})
    def patch(self, request, pk):
        """Only the fields sent change. A published document's correction is public at once: the
        issuing unit's reviewer makes it, and it is checked for personal data like a publication."""
        document = self.get_object()
        refuse_unless_acts(request.user, "edit", document)
        edit = DocumentEditSerializer(data=request.data, partial=True,
                                      context={"user": request.user, "document": document})
        edit.is_valid(raise_exception=True)
        data = edit.validated_data
        with service_errors():
            services.edit_document(actor=request.user, document=document, fields=edit.service_fields(),
                                   note=data.get("note", ""), confirm_personal_data=bool(data.get("confirm_personal_data")),
                                   **edit.relations())
        return self.detail_of(document)


class DocumentStep(DocumentContextMixin, generics.GenericAPIView):
    """POST one workflow step on a visible document; answers with the document as it is now."""

    permission_classes = [permissions.IsAuthenticated]
    step = ""
    input_serializer = None

    def get_queryset(self):
        return self.visible_documents()

    def post(self, request, pk):
        document = self.get_object()
        refuse_unless_acts(request.user, self.step, document)
        data = {}
        if self.input_serializer is not None:
            given = self.input_serializer(data=request.data)
            given.is_valid(raise_exception=True)
            data = given.validated_data
        return self.perform(document, data)

    def perform(self, document, data):
        raise NotImplementedError


def step_schema(summary, request=None, extra=None):
    return extend_schema(tags=TAGS, summary=summary, request=request, responses={
        200: DocumentSerializer, 400: INVALID, 401: UNAUTHENTICATED, 403: FORBIDDEN, 404: NOT_FOUND, **(extra or {})})


@step_schema("Submit a draft for the confidentiality review")
class Submit(DocumentStep):
    step = "submit"

    def perform(self, document, data):
        with service_errors():
            services.submit_for_review(actor=self.request.user, document=document)
        return self.detail_of(document)


@step_schema("Publish now or at a time, after the confidentiality review", PublishSerializer,
             {409: PERSONAL_DATA})
class Publish(DocumentStep):
    """The reviewer's step. Unmasked identity or mobile numbers stop it (409) until they are masked or
    `confirm_personal_data` says they are meant to be public."""

    step = "publish"
    input_serializer = PublishSerializer

    def perform(self, document, data):
        with service_errors():
            services.publish(actor=self.request.user, document=document, at=data.get("at"),
                             confirm_personal_data=data["confirm_personal_data"])
        return self.detail_of(document)


@step_schema("Withdraw a published or scheduled document", ReasonSerializer)
class Withdraw(DocumentStep):
    step = "withdraw"
    input_serializer = ReasonSerializer

    def perform(self, document, data):
        with service_errors(field="reason"):
            services.withdraw(actor=self.request.user, document=document, reason=data.get("reason", ""))
        return self.detail_of(document)


@step_schema("Return a document to draft", ReasonSerializer)
class ReturnToDraft(DocumentStep):
    step = "return"
    input_serializer = ReasonSerializer

    def perform(self, document, data):
        with service_errors(field="reason"):
            services.return_to_draft(actor=self.request.user, document=document, reason=data.get("reason", ""))
        return self.detail_of(document)


@extend_schema(
    tags=TAGS, summary="Attach a file (multipart/form-data, field `file`)", request={
        "multipart/form-data": AttachmentUploadSerializer},
    responses={201: AttachmentSerializer, 400: INVALID, 401: UNAUTHENTICATED, 403: FORBIDDEN, 404: NOT_FOUND,
               409: PERSONAL_DATA})
class Attachments(DocumentStep):
    step = "attach"
    input_serializer = AttachmentUploadSerializer
    parser_classes = [parsers.MultiPartParser, parsers.FormParser]

    def perform(self, document, data):
        with service_errors(field="file"):
            attachment = services.add_attachment(actor=self.request.user, document=document, upload=data["file"])
        fresh = Document.objects.get(pk=document.pk)
        return Response(AttachmentSerializer(attachment, context={"request": self.request, "document": fresh}).data,
                        status=status.HTTP_201_CREATED)
