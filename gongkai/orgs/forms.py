from django import forms
from django.utils.translation import gettext_lazy as _

DIRECTORY_MAX_BYTES = 5 * 1024 * 1024


class DirectoryUploadForm(forms.Form):
    file = forms.FileField(label=_("Directory file"), help_text=_("CSV or XLSX with the columns code, name, short_names, kind, parent_code"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > DIRECTORY_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload
