"""The plain unit <select>: what Django's Select would offer, built without a template per option."""

import re

from django import forms

from gongkai.orgs.forms import PlainSelect, UnitChoiceField
from gongkai.orgs.models import Unit

OPTION = re.compile(r'<option value="([^"]*)"( selected)?>([^<]*)</option>')


def options(html):
    return OPTION.findall(html)


def test_same_options_as_djangos_select_with_the_choice_marked(directory):
    field = UnitChoiceField(required=False)
    chosen = Unit.objects.get(name="沈河区人民政府")
    plain = PlainSelect(choices=field.choices).render("unit", chosen.pk, {"id": "id_unit"})
    django = forms.Select(choices=field.choices).render("unit", chosen.pk, {"id": "id_unit"})
    assert options(plain) == options(django)
    assert len(options(plain)) == Unit.objects.active().count() + 1  # and the empty choice
    assert [label for _value, selected, label in options(plain) if selected] == ["沈河区人民政府"]
    assert plain.startswith('<select id="id_unit" name="unit">')


def test_labels_are_escaped():
    html = PlainSelect(choices=[("1", "<script>x</script>")]).render("unit", None)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_a_form_renders_the_plain_select_with_its_required_attribute(directory):
    class Form(forms.Form):
        unit = UnitChoiceField(label="单位")

    html = str(Form()["unit"])
    opening = html[:html.index(">") + 1]
    assert opening.startswith("<select") and ' name="unit"' in opening and " required" in opening
    assert len(options(html)) == Unit.objects.active().count() + 1
