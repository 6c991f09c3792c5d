"""Forms of the column tree and topic pages. They only read input; the services validate and decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import UpdateClass

TOP = ""


class ColumnForm(forms.Form):
    name = forms.CharField(label=_("Column name"), max_length=60)
    slug = forms.CharField(label=_("Address"), max_length=60,
                           help_text=_("The column's part of its web address: Latin letters, digits and hyphens."))
    parent = forms.ChoiceField(label=_("Under"), required=False)
    update_class = forms.ChoiceField(label=_("Update requirement"), required=False)
    description = forms.CharField(label=_("Description"), max_length=200, required=False)

    def __init__(self, *args, parents, allow_top, same_as_parent, **kwargs):
        """`parents`: (column, label) pairs; `allow_top`: a standard column may stand at the top;
        `same_as_parent`: a new column may take its parent's update requirement."""
        super().__init__(*args, **kwargs)
        choices = [(TOP, _("(top level)"))] if allow_top else []
        self.fields["parent"].choices = choices + [(str(column.pk), label) for column, label in parents]
        self.fields["parent"].required = not allow_top
        classes = list(UpdateClass.choices)
        self.fields["update_class"].choices = ([("", _("As the column above"))] if same_as_parent else []) + classes
        self.fields["update_class"].required = not same_as_parent
        self.parents = {str(column.pk): column for column, _label in parents}

    def parent_column(self):
        return self.parents.get(self.cleaned_data.get("parent") or TOP)


class TopicForm(forms.Form):
    name = forms.CharField(label=_("Topic name"), max_length=100)
    slug = forms.CharField(label=_("Address"), max_length=60,
                           help_text=_("The topic's part of its web address (/topics/…/): Latin letters, digits "
                                       "and hyphens. It never changes, so links keep working."))
    unit = forms.ChoiceField(label=_("Run by"))
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(str(unit.pk), unit.name) for unit in units]
        self.units = {str(unit.pk): unit for unit in units}

    def chosen_unit(self):
        return self.units[self.cleaned_data["unit"]]


class TopicEditForm(forms.Form):
    name = forms.CharField(label=_("Topic name"), max_length=100)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
