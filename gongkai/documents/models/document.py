"""A proactively disclosed document (or one kept back, with the reason), its versions and attachments.

The metadata follow Chinese disclosure pages: 索引号, 文号, 发布机构 (several for joint documents), 成文日期,
发布日期, 主题分类, 体裁分类, keywords, 公开属性 and, for 规章 and 规范性文件, 有效性. An interpretation (解读)
is itself a document — reviewed, published, versioned and searchable like any other — that points at
the policy it explains (`interprets`), so 三同步 and 图解全覆盖 are queries over one table.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.models import Unit


class CategoryKind(models.TextChoices):
    TOPIC = "topic", _("Subject category (主题分类)")
    GENRE = "genre", _("Genre (体裁分类)")


class Category(models.Model):
    """A 主题分类 or 体裁分类 the office maintains. A genre also says how it is handled: whether its
    documents carry a validity (规章, 规范性文件), need an interpretation, and within how many working
    days of being written they must be published (条例 Art 26: 20 unless a rule sets another period)."""

    kind = models.CharField(_("kind"), max_length=8, choices=CategoryKind.choices)
    name = models.CharField(_("name"), max_length=60)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    has_validity = models.BooleanField(_("carries a validity"), default=False,
                                       help_text=_("规章 and 规范性文件: 现行有效, 已修改, 已废止 or 失效."))
    needs_interpretation = models.BooleanField(
        _("needs an interpretation"), default=False,
        help_text=_("Published without an interpretation on the same day, a document of this kind is flagged (三同步)."))
    publish_within_workdays = models.PositiveSmallIntegerField(
        _("publish within (working days of being written)"), default=20,
        help_text=_("条例 Art 26 sets 20 working days; a local catalogue may be stricter."))
    is_active = models.BooleanField(_("offered"), default=True)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["kind", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["kind", "name"], name="category_kind_name_unique")]

    def __str__(self):
        return self.name


class DisclosureAttribute(models.TextChoices):
    PROACTIVE = "proactive", _("Proactive disclosure (主动公开)")
    ON_REQUEST = "on_request", _("Disclosure on request (依申请公开)")
    NOT_PUBLIC = "not_public", _("Not disclosed (不予公开)")


class Validity(models.TextChoices):
    IN_FORCE = "in_force", _("In force (现行有效)")
    AMENDED = "amended", _("Amended (已修改)")
    REPEALED = "repealed", _("Repealed (已废止)")
    EXPIRED = "expired", _("Expired (失效)")


# The validities that name the document which changed or repealed this one.
SUPERSEDED = frozenset({Validity.AMENDED, Validity.REPEALED})


class DocumentState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("Awaiting confidentiality review")
    SCHEDULED = "scheduled", _("Scheduled for publication")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class InterpretationKind(models.TextChoices):
    TEXT = "text", _("Text interpretation")
    GRAPHIC = "graphic", _("Graphic interpretation (图解)")
    VIDEO = "video", _("Video interpretation")
    QA = "qa", _("Questions and answers (简明问答)")
    H5 = "h5", _("H5 page")


class DocumentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=DocumentState.PUBLISHED)

    def public(self):
        """What the public may read: published and proactively disclosed. Drafts, withdrawn documents and
        documents kept back (依申请公开, 不予公开) never leave the staff side."""
        return self.published().filter(attribute=DisclosureAttribute.PROACTIVE)

    def visible_to(self, user):
        """Staff see their own units' documents in every state, the office sees all; anyone else (the
        public, staff of other units) sees only public documents."""
        if user.is_authenticated and user.is_office_admin:
            return self.all()
        if user.is_authenticated and user.unit_ids:
            own = Q(unit_id__in=user.unit_ids) | Q(joint_units__in=user.unit_ids)
            public = Q(state=DocumentState.PUBLISHED, attribute=DisclosureAttribute.PROACTIVE)
            return self.filter(own | public).distinct()
        return self.public()

    def policies(self):
        """Documents that are not interpretations."""
        return self.filter(interprets__isnull=True)

    def interpretations(self):
        return self.filter(interprets__isnull=False)

    def normative(self):
        """规章 and 规范性文件: documents of a genre that carries a validity."""
        return self.filter(genre__has_validity=True)


class Document(models.Model):
    unit = models.ForeignKey(Unit, verbose_name=_("issuing unit"), on_delete=models.PROTECT, related_name="documents")
    joint_units = models.ManyToManyField(Unit, verbose_name=_("joint issuers"), blank=True, related_name="+")
    index_number = models.CharField(_("index number (索引号)"), max_length=80, blank=True,
                                    help_text=_("Given when the document is first published."))
    number = models.CharField(_("document number (文号)"), max_length=80, blank=True)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("body"), blank=True, help_text=_("Sanitised HTML."))
    written_on = models.DateField(_("date written (成文日期)"), null=True, blank=True)
    published_at = models.DateTimeField(_("date published (发布日期)"), null=True, blank=True)
    scheduled_for = models.DateTimeField(_("publish at"), null=True, blank=True)
    topic = models.ForeignKey(Category, verbose_name=_("subject category"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+", limit_choices_to={"kind": CategoryKind.TOPIC})
    genre = models.ForeignKey(Category, verbose_name=_("genre"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+", limit_choices_to={"kind": CategoryKind.GENRE})
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    attribute = models.CharField(_("disclosure attribute (公开属性)"), max_length=12, choices=DisclosureAttribute.choices)
    attribute_reason = models.TextField(_("reason it is not disclosed proactively"), blank=True)
    legal_ground = models.CharField(_("legal ground"), max_length=16, blank=True,
                                    help_text=_("A key of the FOI grounds library (foi/grounds.py)."))
    validity = models.CharField(_("validity (有效性)"), max_length=10, choices=Validity.choices, blank=True)
    superseded_by = models.ForeignKey("self", verbose_name=_("amended or repealed by"), null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="supersedes")
    expires_on = models.DateField(_("valid until (有效期)"), null=True, blank=True)
    interprets = models.ForeignKey("self", verbose_name=_("interprets"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="interpretations")
    interpretation_kind = models.CharField(_("kind of interpretation"), max_length=8,
                                           choices=InterpretationKind.choices, blank=True)
    link_url = models.URLField(_("link (video or H5 page)"), max_length=500, blank=True)
    source_url = models.URLField(_("published before at"), max_length=500, blank=True)
    columns = models.ManyToManyField("documents.Column", verbose_name=_("columns"), blank=True,
                                     related_name="documents")
    topics = models.ManyToManyField("documents.Topic", verbose_name=_("special topics"), blank=True,
                                    related_name="documents")
    state = models.CharField(_("state"), max_length=10, choices=DocumentState.choices, default=DocumentState.DRAFT)
    version = models.PositiveIntegerField(_("version"), default=1)
    # The scan for unmasked personal data: the version whose findings a person confirmed as intended.
    personal_data_confirmed_version = models.PositiveIntegerField(null=True, blank=True)
    # Set at publication: working days between 成文日期 and 发布日期 beyond the genre's limit (None: in time).
    published_late_workdays = models.PositiveSmallIntegerField(null=True, blank=True)
    withdrawn_reason = models.TextField(_("reason for withdrawal"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["index_number"], condition=~Q(index_number=""),
                                    name="document_index_number_unique"),
        ]
        indexes = [
            models.Index(fields=["state", "attribute", "-published_at"], name="document_public_idx"),
            models.Index(fields=["unit", "state"], name="document_unit_state_idx"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_public(self):
        return self.state == DocumentState.PUBLISHED and self.attribute == DisclosureAttribute.PROACTIVE

    @property
    def is_interpretation(self):
        return self.interprets_id is not None


class DocumentVersion(models.Model):
    """Every edit keeps the text and metadata as they were: the public page lists the change history."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("body"), blank=True)
    metadata = models.JSONField(default=dict, help_text=_("The metadata of this version, by field name."))
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    edited_at = models.DateTimeField(default=timezone.now)
    # Whether this version was ever public: the change history shows only versions the public has seen.
    was_published = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["document", "number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="document_version_unique")]

    def __str__(self):
        return f"{self.title} · v{self.number}"


def attachment_path(attachment, filename):
    return f"documents/{attachment.sha256[:2]}/{attachment.sha256}{attachment.extension}"


class Attachment(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(_("file type"), max_length=20)
    extension = models.CharField(max_length=8)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    text = models.TextField(_("extracted text"), blank=True, help_text=_("For search and the personal-data scan."))
    order = models.PositiveSmallIntegerField(default=0)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["document", "order", "id"]

    def __str__(self):
        return self.original_name


class IndexCounter(models.Model):
    """The running number of 索引号 per unit and year, taken under a row lock so numbers never repeat."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="index_counter_unique")]

    def __str__(self):
        return f"{self.unit_id}/{self.year}: {self.last}"
