"""The staff forms of proactive disclosure: the document's metadata, the list's filters, the workflow steps.

The forms only shape what a person typed; the rules live in documents/validation.py, which the services
apply and whose messages (by field name) the views put back beside the fields.
"""

from django import forms
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from gongkai.foi.grounds import GROUNDS, WITHHELD
from gongkai.ledger.forms import MultipleFileField
from gongkai.orgs.forms import PlainSelect, UnitChoiceField
from gongkai.orgs.models import Unit

from . import permissions
from .models import (
    Category,
    CategoryKind,
    Column,
    DisclosureAttribute,
    Document,
    DocumentState,
    InterpretationKind,
    Topic,
    Validity,
)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# Grounds for keeping a document back: those the FOI library cites for withholding (Arts 14–16).
WITHHOLDING_GROUNDS = [ground for ground in GROUNDS if ground.codes & WITHHELD]


class PlainSelectMultiple(PlainSelect, forms.SelectMultiple):
    """PlainSelect's fast rendering with several choices: 500 units for the joint issuers."""

    def render(self, name, value, attrs=None, renderer=None):
        return super().render(name, value, {**(attrs or {}), "multiple": True, "size": 6}, renderer)


class CategoryField(forms.ModelChoiceField):
    widget = PlainSelect


def categories(kind):
    return Category.objects.filter(kind=kind, is_active=True).order_by("order", "id")


class DocumentForm(forms.Form):
    """Every field a document carries. `document` None: a new draft, with the unit chosen here."""

    unit = UnitChoiceField(label=_("Issuing unit"), queryset=Unit.objects.none())
    joint_units = forms.ModelMultipleChoiceField(
        label=_("Joint issuers"), required=False, queryset=Unit.objects.none(), widget=PlainSelectMultiple,
        help_text=_("Only for a document issued jointly with other units; hold Ctrl to choose several."))
    title = forms.CharField(label=_("Title"), max_length=300, widget=forms.TextInput(attrs={"size": 80}))
    number = forms.CharField(label=_("Document number (文号)"), max_length=80, required=False,
                             help_text=_("For example 沈政办发〔2026〕12号."))
    written_on = forms.DateField(label=_("Date written (成文日期)"), required=False, widget=DATE_WIDGET)
    topic = CategoryField(label=_("Subject category (主题分类)"), required=False, queryset=Category.objects.none(),
                          empty_label="—")
    genre = CategoryField(label=_("Genre (体裁分类)"), required=False, queryset=Category.objects.none(),
                          empty_label="—")
    keywords = forms.CharField(label=_("Keywords"), required=False, max_length=600,
                               help_text=_("Separated by commas or 、."))
    attribute = forms.ChoiceField(label=_("Disclosure attribute (公开属性)"), choices=DisclosureAttribute.choices,
                                  widget=forms.RadioSelect)
    attribute_reason = forms.CharField(
        label=_("Why it is not disclosed proactively"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}), help_text=_("Required for 依申请公开 and 不予公开."))
    legal_ground = forms.ChoiceField(
        label=_("Legal ground"), required=False,
        choices=[("", "—"), *((ground.key, f"{ground.article} {ground.title}") for ground in WITHHOLDING_GROUNDS)],
        help_text=_("Required for 依申请公开 and 不予公开."))
    validity = forms.ChoiceField(label=_("Validity (有效性)"), required=False, choices=[("", "—"), *Validity.choices],
                                 help_text=_("Left empty, a 规章 or 规范性文件 is 现行有效."))
    expires_on = forms.DateField(label=_("Valid until (有效期)"), required=False, widget=DATE_WIDGET)
    columns = forms.ModelMultipleChoiceField(label=_("Columns"), required=False, queryset=Column.objects.none(),
                                             widget=forms.CheckboxSelectMultiple)
    topics = forms.ModelMultipleChoiceField(label=_("Special topics"), required=False, queryset=Topic.objects.none(),
                                            widget=forms.CheckboxSelectMultiple)
    body = forms.CharField(
        label=_("Body"), required=False, max_length=2_000_000, widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("Plain text or HTML. Scripts, styles and event attributes are removed when it is saved."))
    interprets = forms.ModelChoiceField(
        label=_("This document interprets"), required=False, queryset=Document.objects.none(), widget=PlainSelect,
        empty_label=_("— not an interpretation —"))
    interpretation_kind = forms.ChoiceField(label=_("Kind of interpretation"), required=False,
                                            choices=[("", "—"), *InterpretationKind.choices])
    link_url = forms.URLField(label=_("Link (video or H5 page)"), required=False, max_length=500,
                              assume_scheme="https", widget=forms.URLInput(attrs={"size": 80}))
    note = forms.CharField(label=_("What changed"), required=False, max_length=300,
                           help_text=_("Kept in the version history; the public sees it for published documents."))

    def __init__(self, *args, user, document=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.document = user, document
        self.fields["topic"].queryset = categories(CategoryKind.TOPIC)
        self.fields["genre"].queryset = categories(CategoryKind.GENRE)
        self.fields["joint_units"].queryset = Unit.objects.active().order_by("kind", "name")
        if document is None:
            drafting = permissions.drafting_unit_ids(user)
            units = Unit.objects.active() if drafting is None else Unit.objects.filter(pk__in=drafting)
            self.fields["unit"].queryset = units.order_by("kind", "name")
            if drafting is not None and len(drafting) == 1:  # one unit: nothing to choose
                self.fields["unit"].empty_label = None
            unit_ids = None if drafting is None else drafting
        else:
            del self.fields["unit"]  # the issuing unit stays; joint issuers may change
            unit_ids = {document.unit_id}
            if document.state == DocumentState.PUBLISHED:
                self.fields["note"].required = True
        if document is None:
            del self.fields["note"]
        self.fields["columns"].queryset = self._columns(unit_ids)
        self.fields["topics"].queryset = Topic.objects.filter(archived_at__isnull=True) | Topic.objects.filter(
            pk__in=document.topics.values("pk") if document else [])
        self.fields["interprets"].queryset = self._policies(unit_ids)
        self.validity_genres = {str(pk) for pk in categories(CategoryKind.GENRE).filter(has_validity=True)
                                .values_list("pk", flat=True)}

    @staticmethod
    def _columns(unit_ids):
        if unit_ids is None:
            return Column.objects.all()
        return Column.objects.filter(unit__isnull=True) | Column.objects.filter(unit_id__in=unit_ids)

    def _policies(self, unit_ids):
        """Policies of the same unit(s), published or not yet: what a new interpretation may explain."""
        policies = Document.objects.policies().exclude(state=DocumentState.WITHDRAWN)
        if unit_ids is not None:
            policies = policies.filter(unit_id__in=unit_ids)
        if self.document is not None:
            policies = policies.exclude(pk=self.document.pk)
        return policies.order_by("-id")

    def clean(self):
        data = super().clean()
        attribute = data.get("attribute")
        if attribute and attribute != DisclosureAttribute.PROACTIVE:
            if not (data.get("attribute_reason") or "").strip():
                self.add_error("attribute_reason", _("Say why the document is not disclosed proactively."))
            if not data.get("legal_ground"):
                self.add_error("legal_ground", _("Cite the legal ground for not disclosing it proactively."))
        genre = data.get("genre")
        if not (genre and genre.has_validity) and (data.get("validity") or data.get("expires_on")):
            self.add_error("validity", _("Only 规章 and 规范性文件 carry a validity and a period of validity."))
        if data.get("interprets") and not data.get("interpretation_kind"):
            self.add_error("interpretation_kind", _("Choose the kind of interpretation."))
        if data.get("interpretation_kind") and not data.get("interprets"):
            self.add_error("interprets", _("Choose the policy this interpretation explains."))
        return data

    def service_fields(self):
        """The cleaned values for documents.services (without unit, relations and note)."""
        data = self.cleaned_data
        names = ("title", "number", "written_on", "topic", "genre", "keywords", "attribute", "attribute_reason",
                 "legal_ground", "validity", "expires_on", "body", "interprets", "interpretation_kind", "link_url")
        fields = {name: data.get(name) for name in names}
        for name in ("number", "keywords", "attribute_reason", "legal_ground", "validity", "body",
                     "interpretation_kind", "link_url"):
            fields[name] = fields[name] or ""
        if fields["attribute"] == DisclosureAttribute.PROACTIVE:
            fields["attribute_reason"], fields["legal_ground"] = "", ""
        return fields

    def column_tree(self):
        """(column, depth, checked) in tree order, for the tree of checkboxes."""
        columns = list(self.fields["columns"].queryset.order_by("order", "id"))
        if self.is_bound:
            chosen = set(self.data.getlist("columns")) if hasattr(self.data, "getlist") else set()
        else:
            chosen = {str(pk) for pk in (self.initial.get("columns") or [])}
        children = {}
        for column in columns:
            children.setdefault(column.parent_id, []).append(column)
        tree = []

        def walk(parent_id, depth):
            for column in children.get(parent_id, []):
                tree.append((column, depth, str(column.pk) in chosen))
                walk(column.pk, depth + 1)

        walk(None, 0)
        return tree


SORT_CHOICES = [
    ("recent", _("Latest first")),
    ("published", _("Date published")),
    ("written", _("Date written")),
    ("title", _("Title")),
]


class DocumentFilterForm(forms.Form):
    """Filters of the staff document list; every field optional, a bad value only drops its own filter."""

    q = forms.CharField(label=_("Words of the title or document number"), required=False, max_length=100)
    unit = UnitChoiceField(label=_("Issuing unit"), required=False, queryset=Unit.objects.none(), empty_label="—")
    state = forms.ChoiceField(label=_("State"), required=False, choices=[("", "—"), *DocumentState.choices])
    genre = CategoryField(label=_("Genre"), required=False, queryset=Category.objects.none(), empty_label="—")
    column = forms.ModelChoiceField(label=_("Column"), required=False, queryset=Column.objects.none(),
                                    widget=PlainSelect, empty_label="—")
    attribute = forms.ChoiceField(label=_("Disclosure attribute"), required=False,
                                  choices=[("", "—"), *DisclosureAttribute.choices])
    validity = forms.ChoiceField(label=_("Validity"), required=False, choices=[("", "—"), *Validity.choices])
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    FILTERS = ("q", "unit", "state", "genre", "column", "attribute", "validity")

    def __init__(self, data, *, user):
        super().__init__(data)
        self.fields["unit"].queryset = Unit.objects.active().order_by("kind", "name")
        self.fields["genre"].queryset = categories(CategoryKind.GENRE)
        # The standard tree, then the columns of the person's own units (the office would get every unit's)
        own = Column.objects.none() if user.is_office_admin else Column.objects.filter(unit_id__in=user.unit_ids)
        self.fields["column"].queryset = (Column.objects.standard() | own).select_related("unit").order_by(
            F("unit_id").asc(nulls_first=True), "order", "id")
        self.fields["column"].label_from_instance = _column_label

    def filters(self):
        """The valid filters, even when another field is not (the form is always bound)."""
        self.is_valid()
        return self.cleaned_data

    @property
    def filtered(self):
        return any(self.filters().get(name) for name in self.FILTERS)


def _column_label(column):
    """A unit's own column says whose it is; the standard tree's are everybody's."""
    return f"{column.unit} · {column.name}" if column.unit_id else column.name


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class PublishForm(forms.Form):
    at = forms.DateTimeField(
        label=_("Publish at (leave empty to publish now)"), required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Beijing time."))
    confirm_personal_data = forms.BooleanField(required=False, widget=forms.HiddenInput)


class ValidityForm(forms.Form):
    validity = forms.ChoiceField(label=_("Validity"), choices=Validity.choices)
    superseded_by = forms.ModelChoiceField(
        label=_("Amended or repealed by"), required=False, queryset=Document.objects.none(), widget=PlainSelect,
        empty_label="—", help_text=_("Required for 已修改 and 已废止: a published 规章 or 规范性文件."))
    expires_on = forms.DateField(label=_("Valid until (有效期)"), required=False, widget=DATE_WIDGET)

    def __init__(self, *args, user, document, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["superseded_by"].queryset = (Document.objects.visible_to(user).published().normative()
                                                 .exclude(pk=document.pk).order_by("-published_at", "-id"))

    def clean(self):
        data = super().clean()
        if data.get("validity") in (Validity.AMENDED, Validity.REPEALED) and not data.get("superseded_by"):
            self.add_error("superseded_by", _("Name the document that amended or repealed it."))
        return data


class AttachmentForm(forms.Form):
    files = MultipleFileField(label=_("Attachments"),
                              help_text=_("PDF, Word, Excel or images; checked by content."))
