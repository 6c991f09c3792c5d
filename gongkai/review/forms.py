from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.plans.models import Plan

from .models import ClosureStatus, Decision


def target_plans(plan):
    """Plans unfinished work of `plan` may be carried into: later years, not closed."""
    plans = Plan.objects.exclude(pk=plan.pk).exclude(closure__status=ClosureStatus.CLOSED)
    if plan.year:
        plans = plans.filter(year__gt=plan.year)
    return plans.order_by("year", "title")


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices, widget=forms.RadioSelect)
    target_plan = forms.ModelChoiceField(label=_("Carry into"), queryset=Plan.objects.none(), required=False,
                                         help_text=_("Next year's plan. Only for work carried over."))
    due_date = forms.DateField(label=_("New due date"), required=False,
                               widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                               help_text=_("A working day of that year. Leave empty for ongoing work (持续推进)."))
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_plan"].queryset = target_plans(plan)

    def clean(self):
        data = super().clean()
        if data.get("decision") == Decision.CARRIED and not data.get("target_plan"):
            self.add_error("target_plan", _("Choose the plan to carry the work into."))
        return data


class CloseForm(forms.Form):
    report_text = forms.CharField(
        label=_("Closing report"), widget=forms.Textarea(attrs={"rows": 8}), max_length=20000,
        help_text=_("What the year achieved and what remains. The lists of carried and dropped work are added to it."),
    )


class CarryOverPlanForm(forms.Form):
    title = forms.CharField(label=_("Title of the new plan"), max_length=200, required=False)
