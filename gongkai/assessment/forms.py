from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.forms import UnitChoiceField
from gongkai.orgs.models import Unit
from gongkai.plans.models import Plan

from .models import Rule


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def points_field(label, **kwargs):
    return forms.DecimalField(label=label, max_digits=7, decimal_places=2, **kwargs)


class SchemeForm(forms.Form):
    plan = forms.ModelChoiceField(label=_("Work plan"), queryset=Plan.objects.none())
    title = forms.CharField(label=_("Title"), max_length=200)
    cutoff = forms.DateField(label=_("Cut-off day"), widget=DateInput(), required=False,
                             help_text=_("Leave empty for 31 December of the plan year."))
    bonus_cap = points_field(_("Most bonus points per unit"), required=False, min_value=Decimal(0),
                             help_text=_("Leave empty for no limit."))

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans


class SchemeEditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    cutoff = forms.DateField(label=_("Cut-off day"), widget=DateInput())
    bonus_cap = points_field(_("Most bonus points per unit"), required=False, min_value=Decimal(0),
                             help_text=_("Leave empty for no limit."))


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("Indicator"), max_length=120)
    weight = points_field(_("Weight (points)"), min_value=Decimal("0.01"))
    rule = forms.ChoiceField(label=_("Rule"), choices=Rule.choices, widget=forms.RadioSelect)
    parameter = points_field(_("N (points per case)"), required=False, min_value=Decimal(0),
                             help_text=_("Only for the deduction rules. Deductions stop at the weight."))


class BonusForm(forms.Form):
    unit = UnitChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    points = points_field(_("Points"), min_value=Decimal("0.01"))
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.active().order_by("kind", "name")


class AdjustmentForm(BonusForm):
    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=None)
    points = points_field(_("Points (+ or −)"), help_text=_("Negative to deduct, positive to add."))

    field_order = ["unit", "indicator", "points", "reason"]

    def __init__(self, *args, scheme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = scheme.indicators.all()
