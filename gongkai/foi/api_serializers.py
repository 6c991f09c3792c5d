"""Serializers of the FOI API: what clients send to the services, and what they get back.

Inputs only validate and shape arguments for gongkai.foi.services, clocking and deciding: nothing here
saves a model. Outputs never carry an applicant's personal data in full (gongkai.foi.privacy).
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from gongkai.orgs.models import Unit

from . import clock, grounds, privacy
from .lights import light
from .models import OPEN_STATUSES, Application, Channel, Decision, Delivery, ServiceMethod, Status
from .outcomes import ClosureCode, ReasonDetail
from .services import APPLICANT_FIELDS

# A client's clock may run a little ahead of ours; beyond that an arrival time in the future is a typo.
ARRIVAL_CLOCK_SKEW = datetime.timedelta(minutes=5)
REGISTRABLE_CHANNELS = [choice for choice in Channel.choices if choice[0] != Channel.ONLINE]


def mask_email(email):
    """liming@example.cn → li****@example.cn: enough to tell two addresses apart, not to write to one."""
    local, at, domain = (email or "").partition("@")
    return privacy.mask_middle(local, 2, 0) + at + domain


def mask_address(address):
    """The city and district (the first six characters) stay; the street and number do not."""
    return privacy.mask_middle(address, 6, 0)


class Masked(serializers.CharField):
    """A read-only string passed through a masking function."""

    def __init__(self, mask, **kwargs):
        self.mask = mask
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return self.mask(value or "")


class UnitRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", "name"]


# --- registration ------------------------------------------------------------------------------------

class RegistrationSerializer(serializers.ModelSerializer):
    """An application that arrived through another platform (e.g. the 12345 hotline) or channel."""

    channel = serializers.ChoiceField(choices=REGISTRABLE_CHANNELS, default=Channel.PLATFORM)
    target_unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.active(),
                                                     help_text=gettext_lazy("Id of the unit applied to"))

    class Meta:
        model = Application
        fields = ["channel", "arrived_at", "target_unit", *APPLICANT_FIELDS]

    def validate_arrived_at(self, value):
        if value > timezone.now() + ARRIVAL_CLOCK_SKEW:
            raise serializers.ValidationError(_("The arrival time lies in the future."))
        return value

    def validate(self, data):
        # The same rules as the staff and public forms (gongkai.foi.forms.ApplicationForm.clean).
        if not (data.get("phone") or data.get("email") or data.get("address")):
            raise serializers.ValidationError(
                _("Give at least one way to reach the applicant: phone, e-mail or address."))
        if data.get("delivery") == Delivery.POST and not data.get("address"):
            raise serializers.ValidationError({"address": _("A reply by post needs an address.")})
        return data

    def applicant_fields(self):
        return {name: self.validated_data.get(name, "") for name in APPLICANT_FIELDS}


class RegisteredSerializer(serializers.Serializer):
    """The answer to a registration: the query password appears here once and is never stored in clear."""

    id = serializers.IntegerField()
    tracking_code = serializers.CharField()
    password = serializers.CharField(help_text=gettext_lazy("Query password; shown only in this response"))
    status = serializers.ChoiceField(choices=Status.choices)
    receipt_date = serializers.DateField(allow_null=True)
    due_date = serializers.DateField(allow_null=True)


# --- reading applications ------------------------------------------------------------------------------

class MaskedApplicantSerializer(serializers.ModelSerializer):
    name = Masked(privacy.mask_name)
    legal_representative = Masked(privacy.mask_name)
    contact_person = Masked(privacy.mask_name)
    id_number = Masked(privacy.mask_id_number)
    phone = Masked(privacy.mask_phone)
    email = Masked(mask_email)
    address = Masked(mask_address)

    class Meta:
        model = Application
        fields = ["applicant_type", "name", "legal_representative", "contact_person", "id_type", "id_number", "phone",
                  "email", "address"]
        read_only_fields = fields


class ApplicationSummarySerializer(serializers.ModelSerializer):
    """One row of the work list. Needs `today` and `calendar` in the context for the light."""

    status_label = serializers.CharField(source="get_status_display", read_only=True)
    target_unit = UnitRefSerializer(read_only=True)
    handling_unit = UnitRefSerializer(read_only=True)
    handler = serializers.SlugRelatedField(slug_field="username", read_only=True)
    light = serializers.SerializerMethodField()

    class Meta:
        model = Application
        fields = ["id", "tracking_code", "status", "status_label", "channel", "arrived_at", "receipt_date",
                  "due_date", "light", "target_unit", "handling_unit", "handler", "closure_code", "served_on",
                  "closed_on", "version"]
        read_only_fields = fields

    @extend_schema_field(serializers.ChoiceField(choices=["green", "yellow", "red"], allow_null=True))
    def get_light(self, application):
        # Only a running case has a light: a served or closed one keeps its due date for the record.
        if application.status not in OPEN_STATUSES:
            return None
        return light(application.due_date, self.context["today"], self.context["calendar"],
                     yellow=self.context["yellow"])[0]


class ConsultationSerializer(serializers.Serializer):
    ref = serializers.CharField()
    sent = serializers.DateField()
    answer_due = serializers.DateField()


class ClockSerializer(serializers.Serializer):
    """The statutory clock as of today (gongkai.foi.clock.ClockState), with its explanation."""

    received = serializers.DateField()
    period_start = serializers.DateField()
    due = serializers.DateField(allow_null=True)
    paused = serializers.BooleanField()
    pause_reason = serializers.CharField()
    budget = serializers.IntegerField()
    extension = serializers.IntegerField()
    deadline_set = serializers.DateField(allow_null=True)
    correction_notice_due = serializers.DateField(allow_null=True)
    correction_due = serializers.DateField(allow_null=True)
    fee_payment_due = serializers.DateField(allow_null=True)
    consultations = ConsultationSerializer(many=True)
    workdays_used = serializers.IntegerField(allow_null=True)
    workdays_left = serializers.IntegerField(allow_null=True)
    overdue = serializers.BooleanField(allow_null=True)
    replied_on = serializers.DateField(allow_null=True)
    late = serializers.BooleanField(allow_null=True)
    abandoned_as = serializers.CharField(allow_null=True)
    explanation = serializers.ListField(child=serializers.CharField())


class DecisionSerializer(serializers.ModelSerializer):
    closure_label = serializers.SerializerMethodField()
    drafted_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    reviewed_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Decision
        fields = ["id", "closure_code", "closure_label", "reason_detail", "reasons", "grounds", "how_to_obtain",
                  "document_number", "status", "drafted_by", "drafted_at", "reviewed_by", "reviewed_at",
                  "review_comment"]
        read_only_fields = fields

    def get_closure_label(self, decision) -> str:
        return str(ClosureCode(decision.closure_code).label)


class ApplicationSerializer(ApplicationSummarySerializer):
    """One application for its staff: the request, the masked applicant, the clock and the decisions."""

    applicant = MaskedApplicantSerializer(source="*", read_only=True)
    clock = serializers.SerializerMethodField()
    clock_error = serializers.SerializerMethodField()
    decisions = DecisionSerializer(many=True, read_only=True)

    class Meta(ApplicationSummarySerializer.Meta):
        fields = [*ApplicationSummarySerializer.Meta.fields, "receipt_note", "applicant", "description",
                  "document_number", "purpose", "form", "delivery", "reason_detail", "service_method",
                  "postal_tracking", "clock", "clock_error", "decisions"]
        read_only_fields = fields

    @extend_schema_field(ClockSerializer(allow_null=True))
    def get_clock(self, application):
        state = self.context["clock_of"](application)
        return ClockSerializer(state).data if isinstance(state, clock.ClockState) else None

    def get_clock_error(self, application) -> str | None:
        state = self.context["clock_of"](application)
        return state if isinstance(state, str) else None


# --- public status ---------------------------------------------------------------------------------------

class StatusLookupSerializer(serializers.Serializer):
    tracking_code = serializers.CharField(max_length=20)
    password = serializers.CharField(max_length=20, trim_whitespace=True)


class PublicStatusSerializer(serializers.ModelSerializer):
    """What an applicant may see with code and password: the case's progress, nothing about the person."""

    status_label = serializers.CharField(source="get_status_display")
    target_unit = serializers.CharField(source="target_unit.name")
    handling_unit = serializers.CharField(source="handling_unit.name")
    arrived_on = serializers.SerializerMethodField()

    class Meta:
        model = Application
        fields = ["tracking_code", "status", "status_label", "target_unit", "handling_unit", "arrived_on",
                  "receipt_date", "due_date", "served_on"]
        read_only_fields = fields

    def get_arrived_on(self, application) -> datetime.date:
        return timezone.localtime(application.arrived_at).date()


# --- staff actions -------------------------------------------------------------------------------------

class ConfirmReceiptSerializer(serializers.Serializer):
    day = serializers.DateField(help_text=gettext_lazy("The legal receipt date agreed with the applicant"))
    note = serializers.CharField(max_length=200, help_text=gettext_lazy("How receipt was confirmed"))


NOTICE_KINDS = {clock.Kind.CORRECTION_REQUESTED, clock.Kind.CONSULTATION_SENT, clock.Kind.FEE_NOTICE_SENT}
STEP_KINDS = [
    (clock.Kind.CORRECTION_REQUESTED, gettext_lazy("补正 notice sent")),
    (clock.Kind.CORRECTION_RECEIVED, gettext_lazy("Correction received")),
    (clock.Kind.CONSULTATION_SENT, gettext_lazy("Consultation sent to a third party or agency")),
    (clock.Kind.CONSULTATION_ANSWERED, gettext_lazy("Consultation answered")),
    (clock.Kind.CONSULTATION_LAPSED, gettext_lazy("Consultation lapsed without an answer")),
    (clock.Kind.EXTENDED, gettext_lazy("Extension approved and notified")),
    (clock.Kind.FEE_NOTICE_SENT, gettext_lazy("Fee notice sent")),
    (clock.Kind.FEE_PAID, gettext_lazy("Fee paid")),
    (clock.Kind.DEADLINE_SET, gettext_lazy("Later deadline set (Art. 35)")),
]


class ClockStepSerializer(serializers.Serializer):
    """One clock step. The value a kind takes has its own typed field, so the schema says what goes where."""

    kind = serializers.ChoiceField(choices=STEP_KINDS)
    day = serializers.DateField()
    received_on = serializers.DateField(required=False, allow_null=True, help_text=gettext_lazy(
        "Notices (correction, consultation, fee): the day the addressee received it; default: `day`"))
    workdays = serializers.IntegerField(required=False, allow_null=True, min_value=1, help_text=gettext_lazy(
        "Extensions: the working days added"))
    new_deadline = serializers.DateField(required=False, allow_null=True, help_text=gettext_lazy(
        "Art. 35: the later deadline"))
    ref = serializers.CharField(required=False, allow_blank=True, max_length=40, default="", help_text=gettext_lazy(
        "Names a consultation when several are open"))
    note = serializers.CharField(required=False, allow_blank=True, max_length=300, default="")

    VALUE_FIELDS = {clock.Kind.EXTENDED: "workdays", clock.Kind.DEADLINE_SET: "new_deadline",
                    **{kind: "received_on" for kind in NOTICE_KINDS}}

    def validate(self, data):
        wanted = self.VALUE_FIELDS.get(data["kind"])
        stray = [name for name in ("received_on", "workdays", "new_deadline")
                 if data.get(name) is not None and name != wanted]
        if stray:
            raise serializers.ValidationError({name: _("This step takes no such value.") for name in stray})
        if wanted in ("workdays", "new_deadline") and data.get(wanted) is None:
            raise serializers.ValidationError({wanted: _("This step needs this value.")})
        return data

    def value(self):
        field = self.VALUE_FIELDS.get(self.validated_data["kind"])
        return self.validated_data.get(field) if field else None


class TransferSerializer(serializers.Serializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.active(),
                                              help_text=gettext_lazy("Id of the unit that takes it over"))
    reason = serializers.CharField(max_length=300)
    version = serializers.IntegerField(required=False, allow_null=True, help_text=gettext_lazy(
        "The application's version as last read; a different current version answers 409"))


class DecisionDraftSerializer(serializers.Serializer):
    closure_code = serializers.ChoiceField(choices=ClosureCode.choices)
    reason_detail = serializers.ChoiceField(choices=ReasonDetail.choices, required=False, allow_blank=True,
                                            default="")
    reasons = serializers.CharField(required=False, allow_blank=True, default="")
    grounds = serializers.ListField(child=serializers.ChoiceField(choices=grounds.choices()), required=False,
                                    default=list, help_text=gettext_lazy("Keys of the library of legal grounds"))
    how_to_obtain = serializers.CharField(required=False, allow_blank=True, default="")
    document_number = serializers.CharField(required=False, allow_blank=True, max_length=60, default="")


class ReviewSerializer(serializers.Serializer):
    approve = serializers.BooleanField()
    comment = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="",
                                    help_text=gettext_lazy("Required when returning the draft"))


class ServeSerializer(serializers.Serializer):
    method = serializers.ChoiceField(choices=ServiceMethod.choices)
    day = serializers.DateField(help_text=gettext_lazy(
        "In person: the day the applicant signed. By post: the day it was handed to China Post."))
    postal_tracking = serializers.CharField(required=False, allow_blank=True, max_length=40, default="")
    attachments = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="")
