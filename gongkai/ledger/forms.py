from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.forms import UnitChoiceField

from .models import AssignmentState, ProblemSource, ReportingRound


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several evidence files in one field (Django's documented recipe)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class ReportForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    text = forms.CharField(label=_("Progress"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000)
    percent = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100, initial=0)
    milestone = forms.CharField(label=_("Milestone reached"), required=False, max_length=200)
    links = forms.CharField(
        label=_("Links"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One web address per line, e.g. the page where the information was published."),
    )
    files = MultipleFileField(
        label=_("Evidence files"), required=False,
        help_text=_("PDF, Word, Excel or images; checked by content, at most 20 MB each."),
    )
    is_final = forms.BooleanField(label=_("The task is completed (needs evidence)"), required=False)

    def clean_links(self):
        links = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        validator = forms.URLField(assume_scheme="https").clean
        return [validator(link) for link in links]


class StepForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    step = forms.ChoiceField(choices=[(s, s) for s in ("sign_off", "return_to_handler", "accept", "return")],
                             widget=forms.HiddenInput)
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                              max_length=2000)


class DueDateForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    due_date = forms.DateField(label=_("New due date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    reason = forms.CharField(label=_("Reason"), max_length=300)


class LedgerFilterForm(forms.Form):
    unit = forms.CharField(label=_("Unit"), required=False, max_length=60)
    state = forms.ChoiceField(label=_("State"), required=False,
                              choices=[("", "—"), ("overdue", _("Overdue")), *AssignmentState.choices])
    item = forms.CharField(label=_("Item number"), required=False, max_length=8)


class RoundForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), choices=ReportingRound.Kind.choices)
    deadline = forms.DateField(label=_("Report by"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


class ProblemForm(forms.Form):
    title = forms.CharField(label=_("Problem"), max_length=200)
    description = forms.CharField(label=_("What must be done"), widget=forms.Textarea(attrs={"rows": 3}), max_length=3000)
    unit = UnitChoiceField(label=_("Unit responsible"))
    source = forms.ChoiceField(label=_("Found by"), choices=ProblemSource.choices)
    found_on = forms.DateField(label=_("Found on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    due_date = forms.DateField(label=_("Fix by"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
