from django import forms
from django.utils.translation import gettext_lazy as _

from . import package
from .calendar import CountFrom
from .notice_format import NoticeFormatError, parse_notice_text

COUNT_FROM_CHOICES = [
    (CountFrom.NEXT_DAY.value, _("From the next day (the start date is not counted)")),
    (CountFrom.SAME_DAY.value, _("From the start date (it is working day 1 when it is a working day)")),
]


class CalculatorForm(forms.Form):
    start = forms.DateField(
        label=_("Start date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("For an application: the confirmed receipt date. Format YYYY-MM-DD."),
    )
    n = forms.IntegerField(label=_("Number of working days"), min_value=0, max_value=1000, initial=20)
    count_from = forms.ChoiceField(
        label=_("Counting"), choices=COUNT_FROM_CHOICES, initial=CountFrom.NEXT_DAY.value, widget=forms.RadioSelect
    )


class PackageYearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    replace = forms.BooleanField(label=_("Replace the year if it is already loaded"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, y) for y in reversed(package.covered_years())]


class NoticeForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    notice = forms.CharField(
        label=_("Notice number"), max_length=120, help_text=_("For example 国办发明电〔2020〕27号")
    )
    text = forms.CharField(
        label=_("Holidays and make-up working days"), widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false"}),
        help_text=_("One line per date or range: 2027-10-01~2027-10-07,放假,国庆节 or 2027-02-06,上班,春节调休"),
    )
    replace = forms.BooleanField(label=_("Replace the year if it is already loaded"), required=False)

    def clean_text(self):
        try:
            self.parsed = parse_notice_text(self.cleaned_data["text"])
        except NoticeFormatError as error:
            raise forms.ValidationError(error.problems) from error
        return self.cleaned_data["text"]
