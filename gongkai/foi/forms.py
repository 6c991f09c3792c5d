from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.forms import UnitChoiceField
from gongkai.orgs.models import Unit

from . import grounds, worklist

# The application form has its own module (public and staff alike); imported here for the views.
from .application_forms import ApplicationForm, RegisterForm  # noqa: F401
from .models import (
    RemedyKind,
    RemedyResult,
    ServiceMethod,
    Thresholds,
)
from .outcomes import ClosureCode, ReasonDetail


class WorkListFilterForm(forms.Form):
    """Filters of the staff work list; every field optional, a bad value only drops its own filter."""

    q = forms.CharField(label=_("Tracking code or words of the request"), required=False, max_length=60)
    unit = UnitChoiceField(label=_("Handled by"), required=False, queryset=Unit.objects.none())
    status = forms.ChoiceField(label=_("Status"), required=False, choices=worklist.STATUS_CHOICES)
    light = forms.ChoiceField(label=_("Light"), required=False,
                              choices=[("", "—"), ("red", _("Red")), ("yellow", _("Yellow")), ("green", _("Green"))])
    mine = forms.BooleanField(label=_("Only those assigned to me"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if user.is_office_admin:
            self.fields["unit"].queryset = Unit.objects.active().order_by("kind", "name")
        elif len(user.unit_ids) > 1:
            self.fields["unit"].queryset = Unit.objects.filter(pk__in=user.unit_ids).order_by("name")
        else:
            del self.fields["unit"]  # one unit: nothing to choose

    def filters(self):
        """The valid filters, even when another field is not (the form is always bound)."""
        self.is_valid()
        return self.cleaned_data


class StatusLookupForm(forms.Form):
    tracking_code = forms.CharField(label=_("Tracking code"), max_length=20)
    password = forms.CharField(label=_("Query password"), max_length=20, widget=forms.PasswordInput)


class ConfirmReceiptForm(forms.Form):
    day = forms.DateField(label=_("Receipt confirmed on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    note = forms.CharField(label=_("How it was confirmed"), max_length=200)


class TransferForm(forms.Form):
    prefix = "transfer"  # several forms share one page: field ids must stay unique
    version = forms.IntegerField(widget=forms.HiddenInput)
    unit = UnitChoiceField(label=_("Transfer to"))
    reason = forms.CharField(label=_("Reason"), max_length=300)


class PartForm(forms.Form):
    prefix = "part"  # several forms share one page: field ids must stay unique
    unit = UnitChoiceField(label=_("Unit asked"))
    question = forms.CharField(label=_("Part to answer"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
    due_date = forms.DateField(label=_("Internal deadline"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class ClockStepForm(forms.Form):
    """One step of the statutory clock, as the handling unit records it."""

    prefix = "clock"  # several forms share one page: field ids must stay unique
    KINDS = [
        ("correction_requested", _("补正 notice sent")),
        ("correction_received", _("Correction received")),
        ("consultation_sent", _("Consultation sent to a third party or agency")),
        ("consultation_answered", _("Consultation answered")),
        ("extended", _("Extension approved and notified")),
        ("fee_notice_sent", _("Fee notice sent")),
        ("fee_paid", _("Fee paid")),
        ("deadline_set", _("Later deadline set (Art. 35)")),
    ]
    kind = forms.ChoiceField(label=_("Step"), choices=KINDS)
    day = forms.DateField(label=_("On"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    received_on = forms.DateField(label=_("Received by the addressee on (notices)"), required=False,
                                  widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    workdays = forms.IntegerField(label=_("Working days (extension)"), required=False, min_value=1, max_value=20)
    new_deadline = forms.DateField(label=_("New deadline (Art. 35)"), required=False,
                                   widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    ref = forms.CharField(label=_("Consultation name (when several)"), required=False, max_length=40)
    note = forms.CharField(label=_("Note"), required=False, max_length=300)

    def step_value(self):
        data = self.cleaned_data
        return {"extended": data.get("workdays"), "deadline_set": data.get("new_deadline")}.get(
            data["kind"], data.get("received_on"))


class DecisionForm(forms.Form):
    closure_code = forms.ChoiceField(label=_("Decision"), choices=ClosureCode.choices)
    reason_detail = forms.ChoiceField(label=_("Detail"), required=False,
                                      choices=[("", "—"), *ReasonDetail.choices])
    reasons = forms.CharField(label=_("Reasons"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    grounds = forms.MultipleChoiceField(label=_("Legal basis"), required=False, choices=grounds.choices(),
                                        widget=forms.CheckboxSelectMultiple)
    how_to_obtain = forms.CharField(label=_("How to obtain the information"), required=False,
                                    widget=forms.Textarea(attrs={"rows": 2}))
    document_number = forms.CharField(label=_("Document number"), required=False, max_length=60)


class ReviewForm(forms.Form):
    approve = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")], coerce=lambda v: v == "1")
    comment = forms.CharField(label=_("Comment"), required=False, max_length=2000)


class ServeForm(forms.Form):
    prefix = "serve"  # several forms share one page: field ids must stay unique
    method = forms.ChoiceField(label=_("Delivered by"), choices=ServiceMethod.choices)
    day = forms.DateField(label=_("Legal service date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                          help_text=_("In person: the day the applicant signed. By post: the day it was handed to China Post."))
    postal_tracking = forms.CharField(label=_("China Post tracking number"), required=False, max_length=40)
    attachments = forms.CharField(label=_("Attachments released"), required=False, max_length=2000)


class RemedyForm(forms.Form):
    prefix = "remedy"  # several forms share one page: field ids must stay unique
    kind = forms.ChoiceField(label=_("Kind"), choices=RemedyKind.choices)
    filed_on = forms.DateField(label=_("Filed on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    result = forms.ChoiceField(label=_("Result"), choices=RemedyResult.choices)
    decided_on = forms.DateField(label=_("Decided on"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    note = forms.CharField(label=_("Note"), required=False, max_length=300)


class RatingForm(forms.Form):
    score = forms.TypedChoiceField(label=_("Your rating"), coerce=int, widget=forms.RadioSelect,
                                   choices=[(n, str(n)) for n in range(5, 0, -1)])
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                              max_length=2000)


class CorrectionForm(forms.Form):
    text = forms.CharField(label=_("Your corrected or completed request"), widget=forms.Textarea(attrs={"rows": 4}),
                           max_length=5000)


class FeeNoticeForm(forms.Form):
    prefix = "fee"  # several forms share one page: field ids must stay unique
    method = forms.ChoiceField(label=_("Fee method"), choices=[("per_item", _("Per application (按件计收)")),
                                                                ("per_page", _("Per page (按量计收)"))])
    quantity = forms.IntegerField(label=_("The applicant's nth application this month, or the number of pages"),
                                  min_value=1, max_value=1_000_000)
    page_basis = forms.CharField(label=_("How the pages were counted"), required=False, max_length=200)
    day = forms.DateField(label=_("Notice sent on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    received_on = forms.DateField(label=_("Received by the applicant on"), required=False,
                                  widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


class LetterEditForm(forms.Form):
    body = forms.CharField(label=_("Letter text"), widget=forms.Textarea(attrs={"rows": 16}), max_length=20000)


class HandlerForm(forms.Form):
    prefix = "handler"  # several forms share one page: field ids must stay unique
    version = forms.IntegerField(widget=forms.HiddenInput)
    handler = forms.ModelChoiceField(label=_("Handler"), queryset=None)

    def __init__(self, *args, unit, **kwargs):
        from gongkai.orgs.models import User

        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = User.objects.filter(
            memberships__unit=unit, memberships__role__in=["handler", "liaison"], is_active=True).distinct()


class ThresholdsForm(forms.ModelForm):
    """The office's FOI thresholds, on the supervision thresholds page beside the ledger's."""

    prefix = "foi"  # shares a page (and a <form>) with the ledger's thresholds

    class Meta:
        model = Thresholds
        fields = ["yellow_workdays", "office_escalation_workdays"]
        widgets = {name: forms.NumberInput(attrs={"min": 0, "max": 60}) for name in fields}
