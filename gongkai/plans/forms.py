from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.forms import UnitChoiceField
from gongkai.orgs.models import Unit

from .models import Section


class PlanUploadForm(forms.Form):
    file = forms.FileField(label=_("Plan file"), help_text=_("The task-breakdown table as text (.txt), or Gongkai JSON."))
    year = forms.IntegerField(
        label=_("Plan year"), required=False, min_value=2000, max_value=2100,
        help_text=_("Leave empty to take the year from the title."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.PLAN_UPLOAD_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is %(size).1f MB; the limit is %(limit)d MB.")
                % {"size": upload.size / 2**20, "limit": settings.PLAN_UPLOAD_MAX_BYTES // 2**20}
            )
        return upload


class TaskFilterForm(forms.Form):
    """Filters of the plan overview. Every field is optional; bad values are ignored with a message."""

    unit = UnitChoiceField(label=_("Unit"), queryset=Unit.objects.active(), required=False)
    month = forms.IntegerField(label=_("Deadline month"), min_value=1, max_value=12, required=False)
    section = forms.ModelChoiceField(label=_("Section"), queryset=Section.objects.none(), required=False)
    q = forms.CharField(label=_("Text"), required=False, max_length=100)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = plan.sections.all()
        self.fields["unit"].queryset = Unit.objects.active().order_by("kind", "name")

    @property
    def is_filtering(self):
        return self.is_valid() and any(self.cleaned_data.get(f) for f in self.fields)


class TaskForm(forms.Form):
    text = forms.CharField(label=_("Task"), widget=forms.Textarea(attrs={"rows": 5}))
    lead_units = forms.CharField(label=_("Lead departments"), required=False, help_text=_("Separate names with spaces or 、"))
    responsible_units = forms.CharField(label=_("Responsible units"), required=False, help_text=_("Separate names with spaces or 、"))
    deadline = forms.CharField(label=_("Deadline"), required=False, max_length=60, help_text=_("As plans write it: 9月底, 12月31日前, 年底前, 持续推进, 每季度"))


class ItemForm(forms.Form):
    number = forms.CharField(label=_("Number"), required=False, max_length=16)
    title = forms.CharField(label=_("Title"), max_length=300)


class DesignateForm(forms.Form):
    units = forms.ModelMultipleChoiceField(
        label=_("Designated departments"), queryset=Unit.objects.active().order_by("kind", "name"),
        required=False, widget=forms.CheckboxSelectMultiple,
    )


class MapNameForm(forms.Form):
    name = forms.CharField(widget=forms.HiddenInput)
    unit = UnitChoiceField(label=_("Means"))


class StagedPlanForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    year = forms.IntegerField(label=_("Plan year"), required=False, min_value=2000, max_value=2100)
