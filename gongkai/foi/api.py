"""The FOI REST API (issue 4): other platforms register applications, staff read and act, the public looks up.

Every write calls the same service function as the web pages (foi.services, foi.clocking, foi.deciding);
the views only translate HTTP to keyword arguments and the services' exceptions to status codes:
ValidationError → 400, PermissionDenied → 403, Conflict → 409. Every object is fetched through
`Application.objects.visible_to(user)`, so another unit's application answers 404, not 403.
"""

import contextlib

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import exceptions, generics, permissions, serializers, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from gongkai.workdays.calendar import CalendarYearMissing, WorkCalendar

from . import clocking, deciding, services, throttle
from .api_serializers import (
    ApplicationSerializer,
    ApplicationSummarySerializer,
    ClockStepSerializer,
    ConfirmReceiptSerializer,
    DecisionDraftSerializer,
    DecisionSerializer,
    PublicStatusSerializer,
    RegisteredSerializer,
    RegistrationSerializer,
    ReviewSerializer,
    ServeSerializer,
    StatusLookupSerializer,
    TransferSerializer,
)
from .lights import current_yellow
from .models import Application, Status

TAGS = ["foi"]
ERROR = inline_serializer("FoiError", {"detail": serializers.CharField()})
INVALID = OpenApiResponse(description=gettext_lazy("Invalid input: field names (or non_field_errors) with their messages."))
FORBIDDEN = OpenApiResponse(ERROR, description=gettext_lazy("The caller may not take this step."))
NOT_FOUND = OpenApiResponse(ERROR, description=gettext_lazy("No such application among those the caller may see."))
CONFLICT = OpenApiResponse(ERROR, description=gettext_lazy("Someone else changed the application or decision first."))


class ConflictError(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = gettext_lazy("The application changed in the meantime.")
    default_code = "conflict"


@contextlib.contextmanager
def service_errors():
    """The services' exceptions as API answers; the messages are the services' own."""
    try:
        yield
    except (services.Conflict, deciding.Conflict) as error:  # both subclass ValidationError: first
        raise ConflictError(" ".join(error.messages)) from error
    except ValidationError as error:
        detail = error.message_dict if hasattr(error, "error_dict") else {api_settings.NON_FIELD_ERRORS_KEY:
                                                                          error.messages}
        raise exceptions.ValidationError(detail) from error
    except PermissionDenied as error:
        raise exceptions.PermissionDenied(str(error) or None) from error
    except CalendarYearMissing as error:  # bad input for the calendar we have, not a server fault
        raise exceptions.ValidationError({api_settings.NON_FIELD_ERRORS_KEY: [str(error)]}) from error


def _clock_or_reason(application, today):
    """The clock as of `today`; None before receipt; the message when it cannot be computed."""
    if application.receipt_date is None:
        return None
    try:
        return clocking.state_of(application, today=today)
    except (clocking.clock.ClockError, CalendarYearMissing) as error:
        return str(error)


def _clock_reader(today):
    """One clock computation per application and request (the serializer asks for clock and error)."""
    computed = {}

    def clock_of(application):
        if application.pk not in computed:
            computed[application.pk] = _clock_or_reason(application, today)
        return computed[application.pk]

    return clock_of


class StaffContextMixin:
    """Application serializers need today's date, the working-day calendar and the clock."""

    def get_serializer_context(self):
        today = timezone.localdate()
        return {**super().get_serializer_context(), "today": today, "calendar": WorkCalendar.from_db(),
                "yellow": current_yellow(), "clock_of": _clock_reader(today)}

    def visible_applications(self):
        return (Application.objects.visible_to(self.request.user)
                .select_related("target_unit", "handling_unit", "handler"))


@extend_schema(tags=TAGS)
class ApplicationList(StaffContextMixin, generics.ListAPIView):
    """Applications the caller's units handle or help with (the office sees all), newest first."""

    serializer_class = ApplicationSummarySerializer

    def get_queryset(self):
        applications = self.visible_applications().order_by("-arrived_at", "-pk")
        wanted = self.request.query_params.get("status")
        if wanted:
            if wanted not in Status.values:
                raise exceptions.ValidationError({"status": [_("Unknown status “%(status)s”.") % {"status": wanted}]})
            applications = applications.filter(status=wanted)
        return applications

    @extend_schema(parameters=[OpenApiParameter("status", enum=Status.values, required=False)])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary=gettext_lazy("Register an application from another intake platform"),
        request=RegistrationSerializer,
        responses={201: RegisteredSerializer, 400: INVALID, 403: FORBIDDEN},
    )
    def post(self, request):
        registration = RegistrationSerializer(data=request.data)
        registration.is_valid(raise_exception=True)
        data = registration.validated_data
        with service_errors():
            application, password = services.register(
                actor=request.user, channel=data["channel"], arrived_at=data["arrived_at"],
                target_unit=data["target_unit"], fields=registration.applicant_fields())
        body = RegisteredSerializer({
            "id": application.pk, "tracking_code": application.tracking_code, "password": password,
            "status": application.status, "receipt_date": application.receipt_date,
            "due_date": application.due_date,
        }).data
        # The password is in this body only: keep it out of every cache on the way.
        return Response(body, status=status.HTTP_201_CREATED, headers={"Cache-Control": "no-store"})


@extend_schema(tags=TAGS, responses={200: ApplicationSerializer, 404: NOT_FOUND})
class ApplicationDetail(StaffContextMixin, generics.RetrieveAPIView):
    """One application with the applicant masked, its statutory clock as of today, and its decisions."""

    serializer_class = ApplicationSerializer

    def get_queryset(self):
        return self.visible_applications().prefetch_related("decisions__drafted_by", "decisions__reviewed_by")


class ApplicationAction(StaffContextMixin, generics.GenericAPIView):
    """POST one staff step on a visible application; answers with the application as it is now."""

    input_serializer = None

    def get_queryset(self):
        return self.visible_applications()

    def post(self, request, **kwargs):
        application = self.get_object()
        subject = self.subject(application)  # 404 for a missing target before any 400 for the body
        step = self.input_serializer(data=request.data)
        step.is_valid(raise_exception=True)
        with service_errors():
            result = self.perform(subject, step)
        return self.answer(application, result)

    def subject(self, application):
        return application

    def perform(self, subject, step):
        raise NotImplementedError

    def answer(self, application, result):
        fresh = self.get_queryset().prefetch_related("decisions").get(pk=application.pk)
        return Response(ApplicationSerializer(fresh, context=self.get_serializer_context()).data)


def action_schema(summary, request, responses=None):
    return extend_schema(tags=TAGS, summary=summary, request=request, responses=responses or {
        200: ApplicationSerializer, 400: INVALID, 403: FORBIDDEN, 404: NOT_FOUND, 409: CONFLICT})


@action_schema(gettext_lazy("Confirm the legal receipt date (Art. 31)"), ConfirmReceiptSerializer)
class ConfirmReceipt(ApplicationAction):
    input_serializer = ConfirmReceiptSerializer

    def perform(self, application, step):
        return services.confirm_receipt(actor=self.request.user, application=application, **step.validated_data)


@action_schema(gettext_lazy("Record a step of the statutory clock"), ClockStepSerializer)
class ClockStep(ApplicationAction):
    """补正, consultation, extension (office only), fee, or an Art. 35 deadline; the due date is recomputed."""

    input_serializer = ClockStepSerializer

    def perform(self, application, step):
        data = step.validated_data
        return clocking.record_step(actor=self.request.user, application=application, kind=data["kind"],
                                    day=data["day"], value=step.value(), note=data["note"], ref=data["ref"])


@action_schema(gettext_lazy("Transfer the application to another unit"), TransferSerializer,
               {200: ApplicationSummarySerializer, 400: INVALID, 403: FORBIDDEN, 404: NOT_FOUND, 409: CONFLICT})
class Transfer(ApplicationAction):
    """The answer is the summary as transferred: the caller's unit may no longer see the application."""

    input_serializer = TransferSerializer

    def perform(self, application, step):
        data = step.validated_data
        return services.transfer(actor=self.request.user, application=application, unit=data["unit"],
                                 reason=data["reason"], expected_version=data.get("version"))

    def answer(self, application, transferred):
        return Response(ApplicationSummarySerializer(transferred, context=self.get_serializer_context()).data)


@action_schema(gettext_lazy("Draft the reply's decision"), DecisionDraftSerializer,
               {201: DecisionSerializer, 400: INVALID, 403: FORBIDDEN, 404: NOT_FOUND})
class DraftDecision(ApplicationAction):
    input_serializer = DecisionDraftSerializer

    def perform(self, application, step):
        return deciding.draft_decision(actor=self.request.user, application=application, **step.validated_data)

    def answer(self, application, decision):
        return Response(DecisionSerializer(decision).data, status=status.HTTP_201_CREATED)


@action_schema(gettext_lazy("Approve or return a drafted decision"), ReviewSerializer,
               {200: DecisionSerializer, 400: INVALID, 403: FORBIDDEN, 404: NOT_FOUND, 409: CONFLICT})
class ReviewDecision(ApplicationAction):
    """审核 by the unit's reviewer — never the drafter; a decision already reviewed answers 409."""

    input_serializer = ReviewSerializer

    def subject(self, application):
        return get_object_or_404(application.decisions, pk=self.kwargs["decision_id"])

    def perform(self, decision, step):
        return deciding.review_decision(actor=self.request.user, decision=decision, **step.validated_data)

    def answer(self, application, decision):
        return Response(DecisionSerializer(decision).data)


@action_schema(gettext_lazy("Record the service of the approved reply"), ServeSerializer)
class Serve(ApplicationAction):
    input_serializer = ServeSerializer

    def perform(self, application, step):
        return deciding.serve(actor=self.request.user, application=application, **step.validated_data)


@extend_schema(
    tags=TAGS, auth=[], summary=gettext_lazy("Look up an application's status with its tracking code and password"),
    request=StatusLookupSerializer,
    responses={200: PublicStatusSerializer, 400: INVALID,
               404: OpenApiResponse(ERROR, description=gettext_lazy("No application matches this code and password.")),
               429: OpenApiResponse(ERROR, description=gettext_lazy("Too many unsuccessful lookups from this address."))},
)
class StatusLookup(APIView):
    """Public: no account. A wrong code and a wrong password get the same 404."""

    authentication_classes = []
    permission_classes = [permissions.AllowAny]

    def post(self, request):
        lookup = StatusLookupSerializer(data=request.data)
        lookup.is_valid(raise_exception=True)
        # The web form's brake, counted in the same rows (foi.throttle): keyed on REMOTE_ADDR, never on
        # X-Forwarded-For as the client sent it, so a prober cannot name a new address per request.
        address = request.META.get("REMOTE_ADDR", "")
        paused_until = throttle.paused_until(address)
        if paused_until is not None:
            raise exceptions.Throttled(wait=(paused_until - timezone.now()).total_seconds(),
                                       detail=_("Too many unsuccessful lookups from this address."))
        application = services.find_by_code(lookup.validated_data["tracking_code"], lookup.validated_data["password"])
        if application is None:
            throttle.record_failure(address)
            raise exceptions.NotFound(_("No application matches this tracking code and password."))
        return Response(PublicStatusSerializer(application).data, headers={"Cache-Control": "no-store"})
