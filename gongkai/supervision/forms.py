from django import forms

from .models import LightSettings
from .services import LIMITS, SETTINGS_FIELDS


class LightSettingsForm(forms.ModelForm):
    """The office's thresholds; the service checks the limits again (the API and commands skip forms)."""

    class Meta:
        model = LightSettings
        fields = list(SETTINGS_FIELDS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, limit in LIMITS.items():
            field = self.fields[name]
            field.max_value = limit
            field.validators.append(forms.IntegerField(max_value=limit).validators[0])
            field.widget.attrs["max"] = limit
