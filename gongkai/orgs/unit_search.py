"""A unit picker people search by typing, with no JavaScript: a text box over the directory as a <datalist>.

The browser itself filters the list as the person types (a part of the official name or of a short name:
"沈河" finds 沈河区人民政府), and the form still works where a browser shows no list at all: the server
resolves what was typed by official name, short name (alias) or, if only one unit fits, part of a name,
and otherwise says which units fit. A unit id, as a <select> would send it, is accepted too.
"""

from django import forms
from django.db.models import Q
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from .models import Unit, short_names
from .naming import normalize_name

CANDIDATES_SHOWN = 5


class UnitSearchInput(forms.TextInput):
    """<input list=…> followed by its <datalist>: value the official name, label the short name."""

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", **(attrs or {})})
        self.choices = ()  # set by the field: a ModelChoiceIterator over the units offered

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        list_id = f"{attrs.get('id') or name}-units"
        queryset = getattr(self.choices, "queryset", None)
        names = dict(queryset.values_list("pk", "name")) if queryset is not None else {}
        short = short_names(names) if names else {}
        options = format_html_join("", '<option value="{}"{}></option>', (
            (official, format_html(' label="{}"', short[pk]) if short[pk] != official else "")
            for pk, official in names.items()))
        box = format_html("<input{}>", flatatt({
            **attrs, "type": "text", "name": name, "list": list_id, **({"value": value} if value else {})}))
        return format_html('{}<datalist id="{}">{}</datalist>', box, list_id, options)


class UnitSearchField(forms.ModelChoiceField):
    """A unit of `queryset` (the active units by default), typed and picked from the list."""

    widget = UnitSearchInput
    default_error_messages = {
        "invalid_choice": _("No unit of the list is called “%(value)s”. Type part of its name and choose "
                            "it from the list."),
        "ambiguous": _("“%(value)s” fits several units: %(names)s. Choose one of them."),
    }

    def __init__(self, queryset=None, **kwargs):
        if queryset is None:
            queryset = Unit.objects.active().order_by("kind", "name")
        super().__init__(queryset=queryset, **kwargs)

    def prepare_value(self, value):
        """The text box shows a name, never an id."""
        if isinstance(value, Unit):
            return value.name
        if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            return self.queryset.filter(pk=value).values_list("name", flat=True).first() or value
        return value

    def to_python(self, value):
        text = normalize_name(str(value or ""))
        if text in self.empty_values:
            return None
        if text.isdigit():
            return super().to_python(text)
        for exact in (Q(name=text), Q(aliases__name=text)):
            unit = self.queryset.filter(exact).first()
            if unit is not None:
                return unit
        fitting = list(self.queryset.filter(Q(name__contains=text) | Q(aliases__name__contains=text))
                       .distinct()[:CANDIDATES_SHOWN + 1])
        if len(fitting) == 1:
            return fitting[0]
        if fitting:
            names = "、".join(unit.name for unit in fitting[:CANDIDATES_SHOWN]) + ("……" if len(fitting) > CANDIDATES_SHOWN else "")
            raise forms.ValidationError(self.error_messages["ambiguous"], code="ambiguous",
                                        params={"value": text, "names": names})
        raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                    params={"value": text})
