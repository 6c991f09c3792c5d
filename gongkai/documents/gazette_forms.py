"""Forms of the gazette's staff pages. They only read input; documents/gazette.py validates and decides."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import DATE_WIDGET
from .models import GazetteIssue


class IssueForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1949, max_value=2100)
    number = forms.IntegerField(label=_("Issue number (期)"), min_value=1, max_value=32767)
    overall_number = forms.IntegerField(label=_("Overall number (总第…期)"), min_value=1, required=False)
    published_on = forms.DateField(label=_("Date of issue"), widget=DATE_WIDGET)
    copies_printed = forms.IntegerField(label=_("Copies printed"), min_value=0, required=False)
    pdf = forms.FileField(label=_("Issue PDF"), required=False,
                          help_text=_("The printed issue as a PDF; its content is checked, not its name. "
                                      "A new file replaces the old one."))

    @classmethod
    def initial_for(cls, issue: GazetteIssue):
        return {"year": issue.year, "number": issue.number, "overall_number": issue.overall_number,
                "published_on": issue.published_on, "copies_printed": issue.copies_printed}

    def service_fields(self):
        data = self.cleaned_data
        return {name: data[name] for name in ("year", "number", "overall_number", "published_on", "copies_printed")}


class ArticleAddForm(forms.Form):
    document = forms.IntegerField(min_value=1)
    page = forms.IntegerField(label=_("Page"), min_value=1, max_value=32767, required=False)


class PageForm(forms.Form):
    page = forms.IntegerField(label=_("Page"), min_value=1, max_value=32767, required=False)


class RecipientForm(forms.Form):
    name = forms.CharField(label=_("Receiving body"), max_length=120)
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    copies = forms.IntegerField(label=_("Copies per issue"), min_value=1, max_value=32767, initial=1)
