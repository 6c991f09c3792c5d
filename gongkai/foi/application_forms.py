"""The application form (条例 Art 29), on the public site and for staff registering one that arrived otherwise.

An applicant is a natural person (姓名) or a legal person or other organisation (名称, 法定代表人, 联系人).
The form shows both groups of fields, each saying who fills it in; a small script (foi/applicant.js)
hides the group that does not apply, and the server requires the right fields per type, so the form
works the same without JavaScript.
"""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.orgs.unit_search import UnitSearchField

from . import services
from .models import ApplicantType, Application, Channel, Delivery, IdType, InformationForm

PERSON = ApplicantType.NATURAL_PERSON
# Documents that identify a person, and those that identify an organisation ("other" fits either).
PERSON_ID_TYPES = {IdType.RESIDENT_ID, IdType.PASSPORT, IdType.HK_MACAO_TAIWAN, IdType.OTHER}
ORGANISATION_ID_TYPES = {IdType.CREDIT_CODE, IdType.OTHER}

MISSING = {
    "name": _("Give your name."),
    "organisation_name": _("Give the name of the organisation."),
    "legal_representative": _("Give the organisation's legal representative."),
    "contact_person": _("Give the person to contact about this application."),
}


@dataclass
class Section:
    key: str  # "person" and "organisation" are shown or hidden by the applicant type
    legend: str
    fields: list  # bound fields


SECTIONS = (
    ("unit", _("Where the application goes"), ("target_unit",)),
    ("applicant", _("Who applies"), ("applicant_type",)),
    ("person", _("A natural person fills in"), ("name",)),
    ("organisation", _("A legal person or other organisation fills in"),
     ("organisation_name", "legal_representative", "contact_person")),
    ("identity", _("Identity document and how to reach you"),
     ("id_type", "id_number", "phone", "email", "address", "postcode")),
    ("request", _("The information you ask for"), ("description", "document_number", "purpose")),
    ("reply", _("How you receive it"), ("form", "delivery")),
)


def applicant_type_choices():
    """自然人, then the organisations grouped as 法人或其他组织 (the columns of annual-report table 三)."""
    organisations = [(kind.value, kind.label) for kind in ApplicantType if kind != PERSON]
    return [(PERSON.value, PERSON.label), (_("Legal person or other organisation"), organisations)]


class ApplicationForm(forms.ModelForm):
    """What the regulation asks of an applicant (Art 29), in the public form and the staff form alike."""

    # An organisation must name its legal representative and a contact person on the public form.
    organisation_requires = ("organisation_name", "legal_representative", "contact_person")

    target_unit = UnitSearchField(
        label=_("Government body you are applying to"),
        help_text=_("Type part of its name, then choose it from the list."),
    )
    # Not the model's `name`: it holds a person's name or an organisation's, taken from one of these two.
    name = forms.CharField(label=_("Name"), max_length=100, required=False)
    organisation_name = forms.CharField(label=_("Name of the organisation"), max_length=100, required=False)

    class Meta:
        model = Application
        fields = ["target_unit", "applicant_type", *(f for f in services.APPLICANT_FIELDS if f not in (
            "applicant_type", "name"))]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "applicant_type": forms.RadioSelect,
            "form": forms.RadioSelect,
            "delivery": forms.RadioSelect,
        }
        labels = {"phone": _("Contact phone")}
        help_texts = {
            "description": _("Describe the information as precisely as you can: subject, period, issuing body."),
            "id_number": _("Shown in full only to the unit that handles your application."),
            "contact_person": _("Who the body calls or writes to about this application."),
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("applicant_type", PERSON)
        super().__init__(*args, **kwargs)
        self.fields["applicant_type"].choices = applicant_type_choices()
        self.fields["id_type"].choices = IdType.choices
        self.fields["form"].choices = InformationForm.choices
        self.fields["delivery"].choices = Delivery.choices
        for name in ("phone", "email", "address"):
            self.fields[name].required = False
        # Required for one applicant type only: marked as required where shown, checked in clean().
        for name in ("name", *self.organisation_requires):
            self.fields[name].required_for_type = True

    def clean(self):
        data = super().clean()
        kind = data.get("applicant_type")
        if kind:
            person = kind == PERSON
            for name in ("name",) if person else self.organisation_requires:
                if not (data.get(name) or "").strip():
                    self.add_error(name, MISSING[name])
            id_type = data.get("id_type")
            if id_type and person and id_type not in PERSON_ID_TYPES:
                self.add_error("id_type", _("A unified social credit code identifies an organisation; a natural "
                                            "person gives an identity card, passport or travel permit."))
            if id_type and not person and id_type not in ORGANISATION_ID_TYPES:
                self.add_error("id_type", _("An organisation gives its unified social credit code (or another "
                                            "document of the organisation), not a personal document."))
        if not (data.get("phone") or data.get("email") or data.get("address")):
            raise forms.ValidationError(_("Give at least one way to reach you: phone, e-mail or address."))
        if data.get("delivery") == Delivery.POST and not data.get("address"):
            self.add_error("address", _("A reply by post needs an address."))
        return data

    def applicant_fields(self):
        """The applicant's fields for foi.services: one name, and the organisation's people only for one."""
        data = self.cleaned_data
        fields = {name: data.get(name) for name in services.APPLICANT_FIELDS if name in self.fields}
        if data["applicant_type"] == PERSON:
            fields.update(legal_representative="", contact_person="")
        else:
            fields["name"] = data["organisation_name"]
        return fields

    def sections(self):
        """The fields in the groups the page shows; fields no group names (staff: channel, arrival) first."""
        grouped = {name for _key, _legend, names in SECTIONS for name in names}
        leading = [self[name] for name in self.fields if name not in grouped]
        sections = [Section("arrival", _("How it arrived"), leading)] if leading else []
        return sections + [Section(key, legend, [self[name] for name in names if name in self.fields])
                           for key, legend, names in SECTIONS]


class RegisterForm(ApplicationForm):
    # Staff copy what arrived: the regulation (Art 29) asks an organisation only for its name, ID and a
    # contact, so a letter without its legal representative or contact person is still registered.
    organisation_requires = ("organisation_name",)

    channel = forms.ChoiceField(label=_("Arrived by"), choices=[c for c in Channel.choices if c[0] != Channel.ONLINE])
    arrived_at = forms.DateTimeField(label=_("Arrived at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))

    class Meta(ApplicationForm.Meta):
        fields = ["channel", "arrived_at", *ApplicationForm.Meta.fields]
