"""Units (government bodies), their aliases, rule-defined unit groups, and the people in them."""

from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    DISTRICT_GOVERNMENT = "district_government", _("District or county government")
    MUNICIPAL_DEPARTMENT = "municipal_department", _("Municipal department")
    DISTRICT_OFFICE = "district_office", _("District government office")
    DISTRICT_DEPARTMENT = "district_department", _("District department")
    INSTITUTION = "institution", _("Public institution")
    PARTY_OFFICE = "party_office", _("Party or joint office")
    ZONE = "zone", _("Development zone")
    OTHER = "other", _("Other")


class UnitQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def short_names(self):
        """{pk: short name} of these units in two queries: the first alias (what documents write), else the name."""
        names = dict(self.values_list("pk", "name"))
        return short_names(names)

    def of_kinds(self, kinds):
        return self.filter(kind__in=kinds)


class Unit(models.Model):
    name = models.CharField(_("official name"), max_length=120, unique=True)
    code = models.CharField(_("code"), max_length=32, blank=True, help_text=_("Administrative or credit code"))
    kind = models.CharField(_("kind"), max_length=32, choices=UnitKind.choices, default=UnitKind.OTHER)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent unit"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["kind", "code", "name"]
        constraints = [
            models.UniqueConstraint(fields=["code"], condition=~models.Q(code=""), name="unit_code_unique"),
        ]

    def __str__(self):
        return self.name

    @cached_property
    def short_name(self):
        """The first alias is what documents usually write (市发展改革委 for 沈阳市发展和改革委员会)."""
        alias = self.aliases.order_by("id").first()
        return alias.name if alias else self.name


class UnitAlias(models.Model):
    """Another name a document may use for a unit; confirmed mappings of unresolved names land here."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("alias"), max_length=120, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("unit alias")
        verbose_name_plural = _("unit aliases")

    def __str__(self):
        return f"{self.name} → {self.unit.name}"


def short_names(names):
    """{pk: short name} for {pk: official name}: the first alias of each (one query), else the name."""
    short = {}
    aliases = UnitAlias.objects.filter(unit_id__in=list(names)).order_by("id").values_list("unit_id", "name")
    for unit_id, alias in aliases:
        short.setdefault(unit_id, alias)
    return {pk: short.get(pk, name) for pk, name in names.items()}


class GroupRule(models.TextChoices):
    KINDS = "kinds", _("All units of the listed kinds")
    DESIGNATED = "designated", _("Units designated by the lead unit, per task")


class UnitGroupQuerySet(models.QuerySet):
    def containing(self, unit):
        """Rule groups whose members include `unit`; DESIGNATED groups are matched per task instead."""
        return [g for g in self.filter(rule=GroupRule.KINDS) if unit.kind in g.kinds]


class UnitGroup(models.Model):
    """A collective term plans use ("区县（市）政府"). Not a unit: it expands to units by rule."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    aliases = models.JSONField(_("other spellings"), default=list, blank=True)
    rule = models.CharField(_("rule"), max_length=16, choices=GroupRule.choices)
    kinds = models.JSONField(_("unit kinds"), default=list, blank=True)
    description = models.CharField(_("description"), max_length=200, blank=True)

    objects = UnitGroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit group")
        verbose_name_plural = _("unit groups")
        ordering = ["id"]

    def __str__(self):
        return self.name

    @property
    def description_text(self):
        """The description in the reader's language: the standard groups' descriptions are msgids
        (orgs/services.py STANDARD_GROUPS); one the office typed in Chinese is shown as typed."""
        return gettext(self.description) if self.description else ""

    def members(self):
        """Units the rule selects. A DESIGNATED group has no members of its own: tasks designate them."""
        if self.rule == GroupRule.KINDS:
            return Unit.objects.active().of_kinds(self.kinds)
        return Unit.objects.none()


class Role(models.TextChoices):
    OFFICE_ADMIN = "office_admin", _("Disclosure office administrator")
    LIAISON = "liaison", _("Unit liaison")
    HANDLER = "handler", _("Handler")
    REVIEWER = "reviewer", _("Reviewer")
    VIEWER = "viewer", _("Viewer")
    # The city-wide intake desk (全市依申请统一受理, e.g. the 12345 platform's account): registers
    # disclosure applications for every unit and follows those it registered; no power in its host unit.
    INTAKE = "intake", _("City-wide intake desk")


# Roles that act for their unit; a viewer reads, the intake desk only registers (foi.permissions).
ACTING_ROLES = frozenset({Role.LIAISON, Role.HANDLER, Role.REVIEWER})


class User(AbstractUser):
    """A person working in Gongkai. Their units and roles come from memberships."""

    display_name = models.CharField(_("name"), max_length=60, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self):
        return self.display_name or self.username

    @cached_property
    def role_pairs(self):
        """(unit_id, role) of every membership, loaded once per request."""
        return frozenset(self.memberships.values_list("unit_id", "role"))

    @property
    def is_office_admin(self):
        return self.is_superuser or any(role == Role.OFFICE_ADMIN for _unit, role in self.role_pairs)

    @property
    def is_intake(self):
        return any(role == Role.INTAKE for _unit, role in self.role_pairs)

    @property
    def unit_ids(self):
        """The units this person works in. An intake desk is only hosted by its unit, so it does not count."""
        return frozenset(unit_id for unit_id, role in self.role_pairs if role != Role.INTAKE)

    @property
    def acting_unit_ids(self):
        """The units this person acts for (liaison, handler, reviewer): a viewer only reads its unit."""
        return frozenset(unit_id for unit_id, role in self.role_pairs if role in ACTING_ROLES)

    def has_role(self, role, unit_id=None):
        return any(r == role and (unit_id is None or u == unit_id) for u, r in self.role_pairs)


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "unit", "role"], name="membership_unique")]

    def __str__(self):
        return f"{self.user} · {self.unit} · {self.get_role_display()}"
