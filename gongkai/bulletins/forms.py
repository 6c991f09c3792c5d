from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.forms import UnitChoiceField
from gongkai.orgs.models import Unit
from gongkai.plans.models import Plan

from . import numbering


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class GenerateForm(forms.Form):
    plan = forms.ModelChoiceField(label=_("Work plan"), queryset=Plan.objects.none())
    period_start = forms.DateField(label=_("Period from"), widget=DateInput())
    period_end = forms.DateField(label=_("Period to"), widget=DateInput(),
                                 help_text=_("The figures are read from the ledger as they stood when this day ended."))
    title = forms.CharField(label=_("Title"), max_length=200)
    number = forms.CharField(label=_("Document number"), max_length=60, required=False)

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["number"].help_text = _("For example %(example)s") % {
            "example": numbering.compose(numbering.configured_prefix(), 2021, 3)}


class EditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    number = forms.CharField(label=_("Document number"), max_length=60, required=False)
    issuer = forms.CharField(label=_("Issued by"), max_length=120, required=False)
    issued_on = forms.DateField(label=_("Date of issue"), widget=DateInput())
    summary_text = forms.CharField(label=_("I. Overall situation"), widget=forms.Textarea(attrs={"rows": 8}),
                                   required=False, help_text=_("Each line is a paragraph. The figures table follows it."))
    problems_text = forms.CharField(
        label=_("II. Problems"), widget=forms.Textarea(attrs={"rows": 5}), required=False,
        help_text=_("The units with overdue assignments and returned reports are named automatically; "
                    "add anything else here."),
    )
    next_steps_text = forms.CharField(label=_("IV. Next steps"), widget=forms.Textarea(attrs={"rows": 6}),
                                      required=False)


class PracticeForm(forms.Form):
    unit = UnitChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    text = forms.CharField(label=_("Good practice"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.active().order_by("kind", "name")
