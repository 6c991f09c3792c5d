"""Serializers of the documents API (主动公开): what clients read of a document, and what they send.

Outputs carry stable English field names and ISO dates. They show a document as the caller may see it:
the public its public page (public attachments, interpretations and versions only); the issuing unit's
staff also the draft's state and every version. Inputs only validate and shape keyword arguments for
gongkai.documents.services: nothing here saves a model.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from gongkai.documents import permissions
from gongkai.documents.models import (
    Category,
    CategoryKind,
    Column,
    DisclosureAttribute,
    Document,
    DocumentState,
    InterpretationKind,
    Topic,
    Validity,
)
from gongkai.documents.validation import MAX_KEYWORDS
from gongkai.orgs.models import Unit

# The API's names of the fields documents.services takes (the service calls 专题 `topics`, the API
# `special_topics`, beside `topic`, the 主题分类).
TEXT_FIELDS = ("title", "number", "attribute_reason", "legal_ground", "body", "link_url")
SERVICE_FIELDS = (*TEXT_FIELDS, "written_on", "expires_on", "topic", "genre", "keywords", "attribute", "validity",
                  "interprets", "interpretation_kind")
RELATIONS = {"joint_units": "joint_units", "columns": "columns", "special_topics": "topics"}


class NamedRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


def _absolute(request, path):
    return request.build_absolute_uri(path) if request is not None else path


def _ref(obj):
    return {"id": obj.pk, "name": obj.name} if obj is not None else None


# --- reading -----------------------------------------------------------------------------------------

class DocumentRefSerializer(serializers.Serializer):
    """Another document named by this one (the policy interpreted, the amending document, an interpretation)."""

    id = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    number = serializers.CharField(help_text="文号")
    published_at = serializers.DateTimeField(allow_null=True)
    interpretation_kind = serializers.ChoiceField(choices=InterpretationKind.choices, allow_blank=True)
    url = serializers.SerializerMethodField(help_text="This document in the API")

    def get_url(self, document) -> str:
        return _absolute(self.context.get("request"), reverse("api:document", args=[document.pk]))


class DocumentSummarySerializer(serializers.ModelSerializer):
    """A row of the list: enough to choose a document and fetch it."""

    unit = serializers.SerializerMethodField()
    topic = serializers.SerializerMethodField(help_text="主题分类")
    genre = serializers.SerializerMethodField(help_text="体裁分类")
    validity = serializers.ChoiceField(choices=Validity.choices, allow_blank=True, read_only=True)
    url = serializers.SerializerMethodField(help_text="This document in the API")
    page_url = serializers.SerializerMethodField(help_text="The public page (null while it is not public)")

    class Meta:
        model = Document
        fields = ["id", "index_number", "number", "title", "unit", "written_on", "published_at", "topic", "genre",
                  "validity", "url", "page_url"]

    @extend_schema_field(NamedRefSerializer)
    def get_unit(self, document):
        return _ref(document.unit)

    @extend_schema_field(NamedRefSerializer(allow_null=True))
    def get_topic(self, document):
        return _ref(document.topic)

    @extend_schema_field(NamedRefSerializer(allow_null=True))
    def get_genre(self, document):
        return _ref(document.genre)

    def get_url(self, document) -> str:
        return _absolute(self.context.get("request"), reverse("api:document", args=[document.pk]))

    def get_page_url(self, document) -> str | None:
        if not document.is_public:
            return None
        return _absolute(self.context.get("request"), reverse("documents-public:document", args=[document.pk]))


class AttachmentSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    name = serializers.CharField(source="original_name")
    kind = serializers.CharField(help_text="The file type checked at upload (PDF, DOCX, PNG, ...)")
    size = serializers.IntegerField(help_text="Bytes")
    sha256 = serializers.CharField()
    url = serializers.SerializerMethodField(help_text="Public download address (null while the document is not public)")

    def get_url(self, attachment) -> str | None:
        if not self.context["document"].is_public:
            return None
        return _absolute(self.context.get("request"), reverse(
            "documents-public:attachment", args=[attachment.document_id, attachment.pk]))


class VersionSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    title = serializers.CharField()
    note = serializers.CharField(help_text="What changed")
    edited_at = serializers.DateTimeField()
    was_published = serializers.BooleanField(help_text="Whether the public has seen this version")
    page_url = serializers.SerializerMethodField(help_text="The version's public page (null if never public)")

    def get_page_url(self, version) -> str | None:
        if not (version.was_published and self.context["document"].is_public):
            return None
        return _absolute(self.context.get("request"), reverse(
            "documents-public:version", args=[version.document_id, version.number]))


class DocumentSerializer(DocumentSummarySerializer):
    """One document's metadata as on its public page, its body (sanitised HTML), attachments,
    interpretations and versions. The context names what the caller may see of the documents it links
    (`visible`: a Document queryset) and whether the caller is of the issuing unit (`insider`)."""

    state = serializers.ChoiceField(choices=DocumentState.choices, read_only=True)
    joint_units = serializers.SerializerMethodField(help_text="Joint issuers")
    keywords = serializers.ListField(child=serializers.CharField(), read_only=True)
    attribute = serializers.ChoiceField(choices=DisclosureAttribute.choices, read_only=True, help_text="公开属性")
    body_html = serializers.CharField(source="body", read_only=True, help_text="Sanitised HTML")
    superseded_by = serializers.SerializerMethodField(help_text="The document that amended or repealed this one")
    interprets = serializers.SerializerMethodField(help_text="The policy this interpretation explains")
    interpretations = serializers.SerializerMethodField()
    attachments = serializers.SerializerMethodField()
    versions = serializers.SerializerMethodField(help_text="Newest first")
    columns = serializers.SerializerMethodField()
    special_topics = serializers.SerializerMethodField(help_text="专题")

    class Meta(DocumentSummarySerializer.Meta):
        fields = [*DocumentSummarySerializer.Meta.fields, "state", "version", "joint_units", "keywords", "attribute",
                  "attribute_reason", "legal_ground", "expires_on", "superseded_by", "interprets",
                  "interpretation_kind", "link_url", "scheduled_for", "body_html", "attachments", "interpretations",
                  "versions", "columns", "special_topics"]

    @extend_schema_field(NamedRefSerializer(many=True))
    def get_joint_units(self, document):
        return [_ref(unit) for unit in sorted(document.joint_units.all(), key=lambda unit: unit.name)]

    def _linked(self, pk):
        return self.context["visible"].filter(pk=pk).first() if pk else None

    def _refs(self, documents, many=False):
        return DocumentRefSerializer(documents, many=many, context=self.context).data if documents is not None \
            else None

    @extend_schema_field(DocumentRefSerializer(allow_null=True))
    def get_superseded_by(self, document):
        return self._refs(self._linked(document.superseded_by_id))

    @extend_schema_field(DocumentRefSerializer(allow_null=True))
    def get_interprets(self, document):
        return self._refs(self._linked(document.interprets_id))

    @extend_schema_field(DocumentRefSerializer(many=True))
    def get_interpretations(self, document):
        interpretations = self.context["visible"].filter(interprets=document).order_by("published_at", "id")
        return self._refs(list(interpretations), many=True)

    @extend_schema_field(AttachmentSerializer(many=True))
    def get_attachments(self, document):
        return AttachmentSerializer(document.attachments.all(), many=True,
                                    context={**self.context, "document": document}).data

    @extend_schema_field(VersionSerializer(many=True))
    def get_versions(self, document):
        versions = document.versions.order_by("-number")
        if not self.context.get("insider"):
            versions = versions.filter(was_published=True)
        return VersionSerializer(versions, many=True, context={**self.context, "document": document}).data

    @extend_schema_field(NamedRefSerializer(many=True))
    def get_columns(self, document):
        return [_ref(column) for column in document.columns.all()]

    @extend_schema_field(NamedRefSerializer(many=True))
    def get_special_topics(self, document):
        return [_ref(topic) for topic in document.topics.all()]


class DocumentFilterSerializer(serializers.Serializer):
    """The list's query parameters; a value that names nothing is a 400, not an empty list."""

    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all(), required=False,
                                              help_text="Issuing or joint issuing unit id")
    genre = serializers.PrimaryKeyRelatedField(queryset=Category.objects.filter(kind=CategoryKind.GENRE),
                                               required=False, help_text="体裁分类 id")
    topic = serializers.PrimaryKeyRelatedField(queryset=Category.objects.filter(kind=CategoryKind.TOPIC),
                                               required=False, help_text="主题分类 id")
    column = serializers.PrimaryKeyRelatedField(queryset=Column.objects.all(), required=False,
                                                help_text="Column id; its sub-columns count too")
    validity = serializers.ChoiceField(choices=Validity.choices, required=False)
    published_after = serializers.DateField(required=False, help_text="Published on or after this day")
    published_before = serializers.DateField(required=False, help_text="Published on or before this day")
    q = serializers.CharField(required=False, max_length=100, help_text="Words of the title, 文号 or 索引号")


# --- writing -----------------------------------------------------------------------------------------

class StrictSerializer(serializers.Serializer):
    """Refuses fields it does not know: a client sending `state` or `unit` where they cannot be changed
    should hear so, not have them silently ignored."""

    def validate(self, data):
        unknown = sorted(set(getattr(self, "initial_data", {}) or {}) - set(self.fields))
        if unknown:
            raise serializers.ValidationError({name: [_("This field cannot be set here.")] for name in unknown})
        return data


class DocumentWriteSerializer(StrictSerializer):
    """The fields of a document a unit's system sets; `unit` only when creating. Context: `user`, and
    `document` when editing (the policies an interpretation may explain are the unit's own)."""

    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.active(), help_text="Issuing unit id")
    joint_units = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.active(), many=True, required=False)
    title = serializers.CharField(max_length=300)
    number = serializers.CharField(max_length=80, required=False, allow_blank=True, help_text="文号")
    written_on = serializers.DateField(required=False, allow_null=True, help_text="成文日期")
    topic = serializers.PrimaryKeyRelatedField(
        queryset=Category.objects.filter(kind=CategoryKind.TOPIC, is_active=True), required=False, allow_null=True,
        help_text="主题分类 id")
    genre = serializers.PrimaryKeyRelatedField(
        queryset=Category.objects.filter(kind=CategoryKind.GENRE, is_active=True), required=False, allow_null=True,
        help_text="体裁分类 id")
    keywords = serializers.ListField(child=serializers.CharField(max_length=30), max_length=MAX_KEYWORDS,
                                     required=False)
    attribute = serializers.ChoiceField(choices=DisclosureAttribute.choices, help_text="公开属性")
    attribute_reason = serializers.CharField(max_length=2000, required=False, allow_blank=True,
                                             help_text="Why it is not disclosed proactively")
    legal_ground = serializers.CharField(max_length=16, required=False, allow_blank=True,
                                         help_text="Key of the legal ground for not disclosing it proactively")
    validity = serializers.ChoiceField(choices=Validity.choices, required=False, allow_blank=True)
    expires_on = serializers.DateField(required=False, allow_null=True, help_text="有效期")
    body = serializers.CharField(max_length=2_000_000, required=False, allow_blank=True, trim_whitespace=False,
                                 help_text="Plain text or HTML; sanitised when saved")
    interprets = serializers.PrimaryKeyRelatedField(queryset=Document.objects.none(), required=False,
                                                    allow_null=True, help_text="Id of the policy interpreted")
    interpretation_kind = serializers.ChoiceField(choices=InterpretationKind.choices, required=False,
                                                  allow_blank=True)
    link_url = serializers.URLField(max_length=500, required=False, allow_blank=True)
    columns = serializers.PrimaryKeyRelatedField(queryset=Column.objects.all(), many=True, required=False)
    special_topics = serializers.PrimaryKeyRelatedField(queryset=Topic.objects.filter(archived_at__isnull=True),
                                                        many=True, required=False, help_text="专题 ids")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user, document = self.context.get("user"), self.context.get("document")
        if user is None:  # the OpenAPI generator's instance: no one to scope to
            return
        policies = Document.objects.policies().exclude(state=DocumentState.WITHDRAWN)
        unit_ids = {document.unit_id} if document is not None else permissions.drafting_unit_ids(user)
        if unit_ids is not None:
            policies = policies.filter(unit_id__in=unit_ids)
        if document is not None:
            policies = policies.exclude(pk=document.pk)
        self.fields["interprets"].queryset = policies

    def service_fields(self):
        return {name: value for name, value in self.validated_data.items() if name in SERVICE_FIELDS}

    def relations(self):
        """joint_units, columns, topics for the service: None where the client left them as they are."""
        return {service: self.validated_data.get(name) for name, service in RELATIONS.items()}


class DocumentEditSerializer(DocumentWriteSerializer):
    unit = None  # the issuing unit stays
    note = serializers.CharField(max_length=300, required=False, allow_blank=True,
                                 help_text="What changed, kept in the version history")
    confirm_personal_data = serializers.BooleanField(
        default=False, help_text="The personal data found in a published document is meant to be public")


class AttachmentUploadSerializer(StrictSerializer):
    file = serializers.FileField(help_text="PDF, Word, Excel or an image; checked by content")


class PublishSerializer(StrictSerializer):
    at = serializers.DateTimeField(required=False, allow_null=True,
                                   help_text="Publish at this time (Beijing time unless an offset is given); "
                                             "empty or past: now")
    confirm_personal_data = serializers.BooleanField(
        default=False, help_text="The identity or mobile numbers found are meant to be public: publish anyway")


class ReasonSerializer(StrictSerializer):
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True)


class FindingSerializer(serializers.Serializer):
    place = serializers.CharField(help_text="Title, body or the attachment's file name")
    kind = serializers.CharField(help_text="id_number or mobile")
    masked = serializers.CharField(help_text="The number, masked")
    context = serializers.CharField(help_text="The text around it, masked")


class PersonalDataSerializer(serializers.Serializer):
    detail = serializers.CharField()
    findings = FindingSerializer(many=True)
