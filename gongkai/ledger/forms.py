from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.forms import PlainSelect, UnitChoiceField
from gongkai.orgs.models import Unit
from gongkai.plans.models import Item, Task

from .listing import FILTERS, LIGHT_ORDER, SORT_CHOICES
from .models import OVERDUE, AssignmentState, ProblemSource, ReportingRound


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


class ItemChoiceField(forms.ModelChoiceField):
    widget = PlainSelect

    def label_from_instance(self, item):
        return Truncator(str(item)).chars(30)


class LedgerFilterForm(forms.Form):
    """Filters and sort of a plan's ledger; every field optional, a bad value only drops its own filter.

    The pickers offer the plan's own units and items (those in the assignments the user may see).
    `task` comes from links (the dashboard's overdue tasks), so it is a hidden field.
    """

    unit = UnitChoiceField(label=_("Unit"), required=False, queryset=Unit.objects.none(), empty_label="—")
    light = forms.ChoiceField(label=_("Light"), required=False,
                              choices=[("", "—"), *((colour.value, colour.label) for colour in LIGHT_ORDER)])
    state = forms.ChoiceField(label=_("State"), required=False,
                              choices=[("", "—"), (OVERDUE, _("Overdue")), *AssignmentState.choices])
    item = ItemChoiceField(label=_("Item"), required=False, queryset=Item.objects.none(), empty_label="—")
    task = forms.ModelChoiceField(required=False, queryset=Task.objects.none(), widget=forms.HiddenInput)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, data, *, plan, assignments):
        super().__init__(data)
        units = Unit.objects.filter(pk__in=assignments.values("unit_id"))
        self.fields["unit"].queryset = units.order_by("kind", "name")
        self.fields["item"].queryset = Item.objects.filter(plan=plan).order_by("position")
        self.fields["task"].queryset = Task.objects.filter(item__plan=plan).select_related("item")

    def filters(self):
        """The valid filters, even when another field is not (the form is always bound)."""
        self.is_valid()
        return self.cleaned_data

    @property
    def filtered(self):
        return any(self.filters().get(name) for name in FILTERS)


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
