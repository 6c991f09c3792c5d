"""Disclosure applications (依申请公开) under the 2019 Regulations.

An application keeps the arrival time and, separately, the legal receipt date confirmed per
channel (条例 Art 31): the statutory clock runs from the confirmed date. Every clock-relevant
step is a ClockEvent row, so the due date can always be recomputed and explained (foi/clock.py).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.models import Unit

from .outcomes import outcome_label


class ApplicantType(models.TextChoices):
    """The columns of annual-report table 三 (申请人情况)."""

    NATURAL_PERSON = "natural_person", _("Natural person")
    BUSINESS = "business", _("Commercial enterprise")
    RESEARCH = "research", _("Research institution")
    NONPROFIT = "nonprofit", _("Social welfare organisation")
    LEGAL_SERVICE = "legal_service", _("Legal service institution")
    OTHER_ORGANISATION = "other_organisation", _("Other organisation")


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", _("Resident identity card")
    PASSPORT = "passport", _("Passport")
    HK_MACAO_TAIWAN = "hmt_permit", _("Hong Kong, Macao or Taiwan travel permit")
    CREDIT_CODE = "credit_code", _("Unified social credit code")
    OTHER = "other", _("Other document")


class Channel(models.TextChoices):
    """How the application arrived; the channel decides the legal receipt date (rules.md §2.2)."""

    ONLINE = "online", _("Online form")
    IN_PERSON = "in_person", _("In person")
    POST_SIGNED = "post_signed", _("Post, signed for")
    POST_ORDINARY = "post_ordinary", _("Ordinary post")
    FAX = "fax", _("Fax")
    EMAIL = "email", _("E-mail")
    PLATFORM = "platform", _("Another intake platform (e.g. 12345)")


# Channels whose receipt date is the day of arrival; the others wait for confirmation with the applicant.
RECEIVED_ON_ARRIVAL = {Channel.IN_PERSON, Channel.POST_SIGNED}


class InformationForm(models.TextChoices):
    ELECTRONIC = "electronic", _("Electronic")
    PAPER = "paper", _("Paper")


class Delivery(models.TextChoices):
    ONLINE = "online", _("Online or e-mail")
    POST = "post", _("By post")
    PICK_UP = "pick_up", _("Pick up in person")


class Status(models.TextChoices):
    AWAITING_CONFIRMATION = "awaiting_confirmation", _("Awaiting confirmation of receipt")
    IN_HANDLING = "in_handling", _("In handling")
    AWAITING_CORRECTION = "awaiting_correction", _("Awaiting the applicant's correction")
    CONSULTING = "consulting", _("Consulting a third party")
    AWAITING_PAYMENT = "awaiting_payment", _("Awaiting payment")
    AWAITING_APPROVAL = "awaiting_approval", _("Reply awaiting approval")
    APPROVED = "approved", _("Reply approved, to be served")
    SERVED = "served", _("Reply served")
    CLOSED = "closed", _("Closed")
    ARCHIVED = "archived", _("Archived")


OPEN_STATUSES = [s for s in Status.values if s not in (Status.SERVED, Status.CLOSED, Status.ARCHIVED)]
ON_THE_CLOCK_STATUSES = [s for s in OPEN_STATUSES if s != Status.AWAITING_CONFIRMATION]


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The office sees every application; a unit sees those it handles or was asked to help with;
        the city-wide intake desk follows those it registered."""
        if not user.is_authenticated:
            return self.none()
        if user.is_office_admin:
            return self
        # The few applications the units were asked to help with, read first: with a subquery in the
        # OR, PostgreSQL filters every open application instead of using the handling_unit index.
        asked = list(Part.objects.filter(unit_id__in=user.unit_ids).values_list("application_id", flat=True))
        visible = Q(handling_unit_id__in=user.unit_ids) | Q(pk__in=asked)
        if user.is_intake:
            visible |= Q(registered_by=user)
        return self.filter(visible)

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)


class Application(models.Model):
    tracking_code = models.CharField(_("tracking code"), max_length=20, unique=True)
    password_hash = models.CharField(max_length=128)
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    arrived_at = models.DateTimeField(_("arrived at"))
    receipt_date = models.DateField(_("legal receipt date"), null=True, blank=True, db_index=True)
    receipt_note = models.CharField(_("how receipt was confirmed"), max_length=200, blank=True)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="+")

    # The applicant (personal data: masked except to the handling unit, never in URLs or logs).
    applicant_type = models.CharField(_("applicant type"), max_length=24, choices=ApplicantType.choices)
    name = models.CharField(_("name of the person or organisation"), max_length=100)
    # An organisation (法人或其他组织) names these too; a natural person leaves them empty.
    legal_representative = models.CharField(_("legal representative"), max_length=100, blank=True)
    contact_person = models.CharField(_("contact person"), max_length=100, blank=True)
    id_type = models.CharField(_("type of identity document"), max_length=16, choices=IdType.choices)
    id_number = models.CharField(_("identity document number"), max_length=40)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)

    # What is asked for, and how.
    description = models.TextField(_("information requested"))
    document_number = models.CharField(_("document number of the information, if known"), max_length=100, blank=True)
    purpose = models.CharField(_("purpose (optional)"), max_length=200, blank=True)
    correction = models.TextField(_("the applicant's correction"), blank=True)
    form = models.CharField(_("how the information is provided"), max_length=16, choices=InformationForm.choices)
    delivery = models.CharField(_("how the reply is delivered"), max_length=16, choices=Delivery.choices)

    target_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("addressed to"))
    handling_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="foi_applications",
                                      verbose_name=_("handled by"))
    handler = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+", verbose_name=_("handler"))
    status = models.CharField(_("status"), max_length=24, choices=Status.choices, db_index=True)
    due_date = models.DateField(_("reply due"), null=True, blank=True, db_index=True)  # cached from the clock
    closure_code = models.CharField(_("outcome"), max_length=40, blank=True, db_index=True)
    reason_detail = models.CharField(max_length=40, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    service_method = models.CharField(_("served by"), max_length=16, blank=True)
    served_on = models.DateField(_("legally served on"), null=True, blank=True)
    # Working days from receipt to service on the official calendar, kept when the reply is served so
    # that statistics add them up in SQL; None if the calendar lacked a year then (counted on demand).
    reply_workdays = models.PositiveIntegerField(_("working days to reply"), null=True, blank=True)
    # Fees (信息处理费): one method per application, chosen by the unit (费用办法 Art 3).
    fee_method = models.CharField(_("fee method"), max_length=16, blank=True)
    fee_quantity = models.PositiveIntegerField(_("applications in the month or pages"), null=True, blank=True)
    fee_amount = models.DecimalField(_("fee (yuan)"), max_digits=12, decimal_places=2, null=True, blank=True)
    fee_standard = models.TextField(_("fee calculation"), blank=True)
    postal_tracking = models.CharField(_("China Post tracking number"), max_length=40, blank=True)
    released_attachments = models.TextField(_("attachments released"), blank=True)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("disclosure application")
        verbose_name_plural = _("disclosure applications")
        ordering = ["-arrived_at"]
        indexes = [
            models.Index(fields=["handling_unit", "status", "due_date"]),
            # The work list walks the open applications by due date; closed ones (most) are not in it.
            models.Index(fields=["due_date"], condition=Q(status__in=OPEN_STATUSES), name="foi_open_by_due_date"),
        ]

    def __str__(self):
        return self.tracking_code

    @property
    def service_method_label(self):
        """How the reply was served, as a person reads it (邮政寄送); the field keeps the code."""
        return ServiceMethod(self.service_method).label if self.service_method in ServiceMethod.values else ""

    @property
    def outcome_label(self):
        return outcome_label(self.closure_code, self.reason_detail)


class Thresholds(models.Model):
    """The office's thresholds for disclosure applications: one row, created with the defaults on first use.

    rules.md §7: no national threshold exists, each locality sets its own — so they are data the office
    edits (on the supervision thresholds page), not deployment settings.
    """

    yellow_workdays = models.PositiveSmallIntegerField(
        _("disclosure applications: yellow within (working days)"), default=5,
        help_text=_("An open application turns yellow when this many working days or fewer are left to reply."))
    office_escalation_workdays = models.PositiveSmallIntegerField(
        _("disclosure applications: the office is told after (working days overdue)"), default=3,
        help_text=_("The disclosure office hears of a red application once it is overdue by more than this."))
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        verbose_name = _("thresholds for disclosure applications")
        verbose_name_plural = _("thresholds for disclosure applications")

    def __str__(self):
        return str(self._meta.verbose_name)

    @classmethod
    def current(cls):
        row, _created = cls.objects.get_or_create(pk=1)
        return row


class Part(models.Model):
    """Joint handling: another unit answers part of the application by its own internal deadline."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="parts")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    question = models.TextField(_("part to answer"))
    due_date = models.DateField(_("internal deadline"))
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("joint-handling part")
        constraints = [models.UniqueConstraint(fields=["application", "unit"], name="foi_part_unit_unique")]

    def __str__(self):
        return f"{self.application} · {self.unit}"


class ClockEvent(models.Model):
    """One step that moves the statutory clock: receipt, 补正, consultation, extension, fee, reply."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="clock_events")
    kind = models.CharField(max_length=32)
    day = models.DateField()
    value = models.JSONField(null=True, blank=True)
    ref = models.CharField(max_length=40, blank=True, help_text="Names a consultation when several are open")
    note = models.CharField(max_length=300, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["day", "id"]

    def __str__(self):
        return f"{self.application} · {self.kind} · {self.day}"


class PersonalDataView(models.Model):
    """Every time someone saw an applicant's full identity number or phone (logged, never the data)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="personal_data_views")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    viewed_at = models.DateTimeField(auto_now_add=True)
    purpose = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["-viewed_at"]

    def __str__(self):
        return f"{self.application} · {self.user} · {self.viewed_at:%Y-%m-%d %H:%M}"


class DecisionStatus(models.TextChoices):
    AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
    RETURNED = "returned", _("Returned by the reviewer")
    APPROVED = "approved", _("Approved")


class Decision(models.Model):
    """The reply: one closure code (one row of annual-report table 三), reasons, grounds, approval."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="decisions")
    closure_code = models.CharField(_("decision"), max_length=32)
    reason_detail = models.CharField(max_length=32, blank=True)
    reasons = models.TextField(_("reasons"), blank=True)
    grounds = models.JSONField(_("legal basis"), default=list, blank=True)
    how_to_obtain = models.TextField(_("how to obtain the information"), blank=True)
    document_number = models.CharField(_("document number"), max_length=60, blank=True)
    # The letter's body as edited by staff before issue; empty means the generated wording.
    letter_body = models.TextField(_("letter text"), blank=True)
    status = models.CharField(max_length=24, choices=DecisionStatus.choices, default=DecisionStatus.AWAITING_APPROVAL)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    drafted_at = models.DateTimeField(auto_now_add=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(blank=True)

    class Meta:
        ordering = ["-drafted_at", "-id"]

    def __str__(self):
        return f"{self.application} · {self.closure_code}"

    @property
    def outcome_label(self):
        """The decision as a person reads it (部分公开, 予以公开 · 已主动公开), never the stored code."""
        return outcome_label(self.closure_code, self.reason_detail)


class ServiceMethod(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person, signed for")
    POST = "post", _("China Post")


class Rating(models.Model):
    """好差评: the applicant rates the reply; the unit may answer; published without personal data."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="rating")
    score = models.PositiveSmallIntegerField(_("rating"))
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(_("the unit's answer"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.CheckConstraint(condition=Q(score__gte=1, score__lte=5), name="foi_rating_1_to_5")]

    def __str__(self):
        return f"{self.application} · {self.score}"


class RemedyKind(models.TextChoices):
    RECONSIDERATION = "reconsideration", _("Administrative reconsideration")
    LITIGATION_DIRECT = "litigation_direct", _("Litigation without reconsideration")
    LITIGATION_AFTER = "litigation_after", _("Litigation after reconsideration")


class RemedyResult(models.TextChoices):
    UPHELD = "upheld", _("Upheld")
    CORRECTED = "corrected", _("Corrected")
    OTHER = "other", _("Other result")
    PENDING = "pending", _("Not yet concluded")


class RemedyCase(models.Model):
    """A 行政复议 or 行政诉讼 against a reply: annual-report table 四 counts these."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="remedy_cases")
    kind = models.CharField(_("kind"), max_length=24, choices=RemedyKind.choices)
    filed_on = models.DateField(_("filed on"))
    result = models.CharField(_("result"), max_length=16, choices=RemedyResult.choices, default=RemedyResult.PENDING)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-filed_on"]

    def __str__(self):
        return f"{self.application} · {self.get_kind_display()}"


class LookupThrottle(models.Model):
    """Wrong public status lookups from one client address (gongkai/foi/throttle.py).

    Counted in the database, which every server worker shares, and not in a per-process cache; the
    address is kept only as a keyed hash: the count needs to recognise an address, not to know it.
    """

    address_key = models.CharField(max_length=64, unique=True)
    failures = models.PositiveIntegerField(default=0)
    window_started_at = models.DateTimeField()
    paused_until = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.address_key[:8]}… · {self.failures}"
