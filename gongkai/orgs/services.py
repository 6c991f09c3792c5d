"""Every write to units, aliases, groups and people goes through here (DESIGN.md, house rule 1)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from gongkai.events.services import record

from .access import require_office
from .models import GroupRule, Membership, Unit, UnitAlias, UnitGroup, UnitKind, User
from .naming import normalize_name

# The collective terms of Shenyang's plans (rules.md §8). Groups are rules, not lists: a new district
# department joins 区政府各部门 by its kind alone. Descriptions are stored as msgids and translated when shown.
STANDARD_GROUPS = [
    {
        "name": "区县（市）政府",
        "aliases": ["区、县（市）政府", "各区县（市）政府", "各区、县（市）人民政府", "区县（市）人民政府"],
        "rule": GroupRule.KINDS,
        "kinds": [UnitKind.DISTRICT_GOVERNMENT],
        "description": gettext_noop("The district, county and county-level-city governments"),
    },
    {
        "name": "市政府各部门",
        "aliases": ["市直各部门", "市政府各部门、各直属机构"],
        "rule": GroupRule.KINDS,
        "kinds": [UnitKind.MUNICIPAL_DEPARTMENT],
        "description": gettext_noop("Every municipal department"),
    },
    {
        "name": "区政府各部门",
        "aliases": ["区县（市）政府各部门", "各区政府部门"],
        "rule": GroupRule.KINDS,
        "kinds": [UnitKind.DISTRICT_DEPARTMENT, UnitKind.DISTRICT_OFFICE],
        "description": gettext_noop("Every department of the district governments"),
    },
    {
        "name": "区政府办公室",
        "aliases": ["区县（市）政府办公室"],
        "rule": GroupRule.KINDS,
        "kinds": [UnitKind.DISTRICT_OFFICE],
        "description": gettext_noop("The general offices of the district governments"),
    },
    {
        "name": "市政府有关部门",
        "aliases": ["有关部门", "市直有关部门"],
        "rule": GroupRule.DESIGNATED,
        "kinds": [],
        "description": gettext_noop("The departments the lead unit designates for each task"),
    },
]


@transaction.atomic
def ensure_standard_groups(*, actor=None):
    """Create the standard groups that are missing; existing ones are left as administrators set them."""
    require_office(actor, _("Only the disclosure office keeps the unit directory."))
    created = []
    for spec in STANDARD_GROUPS:
        group, was_created = UnitGroup.objects.get_or_create(name=spec["name"], defaults=spec)
        if was_created:
            record(actor=actor, verb="group.created", subject=group, data={"rule": group.rule})
            created.append(group)
    return created


def _check_alias_free(name, unit=None):
    key = normalize_name(name)
    clash = Unit.objects.filter(name=key).exclude(pk=getattr(unit, "pk", None)).first()
    if clash:
        raise ValidationError(_("“%(name)s” is already the official name of %(unit)s.") % {"name": name, "unit": clash})
    alias = UnitAlias.objects.filter(name=key).select_related("unit").first()
    if alias and alias.unit != unit:
        raise ValidationError(_("“%(name)s” already stands for %(unit)s.") % {"name": name, "unit": alias.unit})
    if UnitGroup.objects.filter(name=key).exists():
        raise ValidationError(_("“%(name)s” is the name of a unit group.") % {"name": name})
    return key


@transaction.atomic
def add_alias(*, actor, unit, name):
    """Remember that `name` means `unit` (how a person's decision on an unresolved name is kept)."""
    require_office(actor, _("Only the disclosure office keeps the unit directory."))
    key = _check_alias_free(name, unit)
    alias, created = UnitAlias.objects.get_or_create(name=key, defaults={"unit": unit})
    if created:
        record(actor=actor, verb="unit.alias_added", subject=unit, data={"alias": key})
    return alias


@transaction.atomic
def create_unit(*, actor, name, kind, code="", parent=None, aliases=()):
    require_office(actor, _("Only the disclosure office keeps the unit directory."))
    name = normalize_name(name)
    if not name:
        raise ValidationError(_("A unit needs a name."))
    if kind not in UnitKind.values:
        raise ValidationError(_("Unknown unit kind “%(kind)s”.") % {"kind": kind})
    _check_alias_free(name)
    if code and Unit.objects.filter(code=code).exists():
        raise ValidationError(_("The code %(code)s is already used.") % {"code": code})
    unit = Unit.objects.create(name=name, kind=kind, code=code, parent=parent)
    for alias in aliases:
        if normalize_name(alias) and normalize_name(alias) != name:
            add_alias(actor=actor, unit=unit, name=alias)
    record(actor=actor, verb="unit.created", subject=unit, data={"kind": kind, "code": code})
    return unit


@transaction.atomic
def update_unit(*, actor, unit, **changes):
    require_office(actor, _("Only the disclosure office keeps the unit directory."))
    allowed = {"name", "kind", "code", "parent", "is_active"}
    if set(changes) - allowed:
        raise ValueError(f"cannot change {set(changes) - allowed}")
    before = {field: getattr(unit, field) for field in changes}
    for field, value in changes.items():
        setattr(unit, field, normalize_name(value) if field == "name" else value)
    unit.full_clean()
    unit.save()
    record(
        actor=actor, verb="unit.updated", subject=unit,
        data={f: {"from": str(before[f]), "to": str(getattr(unit, f))} for f in changes},
    )
    return unit


@transaction.atomic
def create_person(*, actor, username, password, display_name="", email="", memberships=()):
    """A staff account with its (unit, role) memberships."""
    require_office(actor, _("Only the disclosure office creates accounts."))
    user = User(username=username, display_name=display_name, email=email)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    for unit, role in memberships:
        Membership.objects.create(user=user, unit=unit, role=role)
    record(
        actor=actor, verb="person.created", subject=user,
        data={"memberships": [[unit.name, role] for unit, role in memberships]},
    )
    return user
