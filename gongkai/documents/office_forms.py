"""Forms of the disclosure guide, the office's settings and the categories. They only collect what was typed:
the services in guide.py, indexing.py and catalogue.py validate, and their messages land on the fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .guide import GUIDE_FIELDS, ONE_LINE
from .indexing import PERIODS
from .models import Category, DisclosureGuide, DocumentSettings


def _guide_field(name):
    model_field = DisclosureGuide._meta.get_field(name)
    widget = forms.TextInput(attrs={"size": 60}) if name in ONE_LINE else forms.Textarea(attrs={"rows": 4})
    # No max_length here: the service says how long a value may be, in the same words as its other checks.
    return forms.CharField(label=model_field.verbose_name, help_text=model_field.help_text, required=False,
                           widget=widget)


class GuideForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in GUIDE_FIELDS:
            self.fields[name] = _guide_field(name)
        self.fields["phone"].widget.attrs.update(inputmode="tel", autocomplete="tel")
        self.fields["fax"].widget.attrs.update(inputmode="tel")
        self.fields["email"].widget.attrs.update(inputmode="email", autocomplete="email")
        self.fields["postcode"].widget.attrs.update(inputmode="numeric", autocomplete="postal-code")
        self.fields["hours"].widget.attrs.update(placeholder="工作日上午8:30—11:30，下午13:00—17:00")

    @classmethod
    def for_guide(cls, guide, data=None):
        initial = {name: getattr(guide, name) for name in GUIDE_FIELDS} if guide else {}
        return cls(data, initial=initial)


class SettingsForm(forms.Form):
    index_pattern = forms.CharField(label=DocumentSettings._meta.get_field("index_pattern").verbose_name,
                                    help_text=DocumentSettings._meta.get_field("index_pattern").help_text)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, (low, high) in PERIODS.items():
            model_field = DocumentSettings._meta.get_field(name)
            self.fields[name] = forms.IntegerField(label=model_field.verbose_name, help_text=model_field.help_text,
                                                   min_value=low, max_value=high)

    @classmethod
    def for_row(cls, row, data=None):
        return cls(data, initial={name: getattr(row, name) for name in ("index_pattern", *PERIODS)})


class CategoryForm(forms.ModelForm):
    """One category. A subject category has a name, an order and whether it is offered; a genre also says
    how its documents are handled."""

    class Meta:
        model = Category
        fields = ["name", "order", "is_active", "has_validity", "needs_interpretation", "publish_within_workdays"]
        labels = {"is_active": _("offered to new documents")}

    def __init__(self, *args, kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        if kind != "genre":
            for name in ("has_validity", "needs_interpretation", "publish_within_workdays"):
                del self.fields[name]

    def validate_unique(self):
        """The service says a name is taken, in the office's words."""
