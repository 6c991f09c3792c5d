"""The Shenyang demo: the unit directory, the 2021 plan imported from its real text, demo staff, a year of
work on the ledger, disclosure applications, the units' disclosure guides and ~200 published documents."""

import secrets
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from gongkai.documents.standard import ensure_standard_catalogue
from gongkai.orgs.directory import import_directory
from gongkai.orgs.models import Membership, Role, Unit, UnitKind, User
from gongkai.orgs.services import create_person, create_unit
from gongkai.plans import services as plan_services
from gongkai.plans.importing.draft import PlanDraft
from gongkai.plans.models import Plan
from gongkai.workdays.services import ensure_package_years

from .documents import load_demo_documents
from .foi import load_demo_applications
from .guides import load_guides
from .ledger import load_demo_ledger

DATA = Path(__file__).resolve().parent / "data"
UNITS_FILE = DATA / "shenyang-units.csv"
PLAN_FILE = DATA / "shenyang-2021-task-breakdown.txt"

# username, display name, unit (official name), role
DEMO_PEOPLE = [
    ("office", "王主任（市政务公开办）", "沈阳市人民政府办公室", Role.OFFICE_ADMIN),
    ("fgw", "李联络员（市发展改革委）", "沈阳市发展和改革委员会", Role.LIAISON),
    ("shenhe", "张经办（沈河区政府）", "沈河区人民政府", Role.HANDLER),
    ("shenhe-review", "赵审核（沈河区政府）", "沈河区人民政府", Role.REVIEWER),
    ("viewer", "陈查看（市财政局）", "沈阳市财政局", Role.VIEWER),
    ("intake", "刘受理（12345热线）", "沈阳市人民政府办公室", Role.INTAKE),
]


@transaction.atomic
def load_demo():
    """Idempotent: running it again resets the demo passwords and adds nothing twice."""
    import_directory(actor=None, data=UNITS_FILE.read_bytes(), filename=UNITS_FILE.name)
    _add_district_offices()
    logins = [_demo_person(*spec) for spec in DEMO_PEOPLE]
    office = User.objects.get(username="office")
    data = PLAN_FILE.read_bytes()
    if not Plan.objects.filter(source_sha256=plan_services.sha256_of(data)).exists():
        plan_json = plan_services.parse_plan_file(data=data, filename=PLAN_FILE.name)
        plan_services.create_plan(
            actor=office, draft=PlanDraft.from_json(plan_json), source_name=PLAN_FILE.name,
            sha256=plan_services.sha256_of(data),
        )
    ensure_package_years(actor=None)
    ensure_standard_catalogue()
    load_demo_ledger(plan_file=PLAN_FILE, office=office, today=timezone.localdate())
    load_demo_applications(office=office, today=timezone.localdate())
    load_guides(Unit.objects.active())
    load_demo_documents(office=office, today=timezone.localdate())
    return logins


def _add_district_offices():
    """Each district government's general office, so that 区政府办公室 and 区政府各部门 have members."""
    for district in Unit.objects.filter(kind=UnitKind.DISTRICT_GOVERNMENT):
        name = district.name.replace("人民政府", "人民政府办公室")
        if not Unit.objects.filter(name=name).exists():
            short = district.name.replace("人民政府", "政府办")
            create_unit(actor=None, name=name, kind=UnitKind.DISTRICT_OFFICE, parent=district, aliases=[short])


def _demo_person(username, display_name, unit_name, role):
    password = secrets.token_urlsafe(9)
    user = User.objects.filter(username=username).first()
    unit = Unit.objects.get(name=unit_name)
    if user is None:
        user = create_person(
            actor=None, username=username, password=password, display_name=display_name,
            memberships=[(unit, role)],
        )
    else:
        user.set_password(password)
        user.save(update_fields=["password"])
        Membership.objects.get_or_create(user=user, unit=unit, role=role)
    return username, password, display_name
