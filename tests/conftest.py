"""Shared fixtures: the Shenyang directory, the 2021 plan, and a small named cast of users.

The cast makes permission tests read naturally:
  office      — the city disclosure office's administrator (市政府办公室)
  fgw_liaison — liaison of 市发展改革委, lead unit of plan item 1
  shenhe      — handler of 沈河区政府, a responsible unit of many tasks
  shenhe_reviewer — reviewer (审核人) of 沈河区政府
  shenhe_viewer — a read-only viewer of 沈河区政府
  zrzy_liaison — liaison of 市自然资源局, another lead unit of item 1
  outsider    — handler of a unit no plan task names (沈阳市档案馆)
  anonymous   — a member of the public (the Django test client without login)
"""

import os

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import hashers

from gongkai.demo.loader import PLAN_FILE, UNITS_FILE
from gongkai.orgs.directory import import_directory
from gongkai.orgs.models import Role, Unit, UnitKind
from gongkai.orgs.services import create_person, create_unit

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API beside live_server

# The deployment hashes passwords with PBKDF2 at Django's full iteration count (0.3–0.6 s a password
# here), and most tests create several people: tests hash with MD5 first, PBKDF2 still verifying what
# module imports hashed before this line. tests/portal/test_platform.py checks the deployment's hasher.
DEPLOYMENT_HASHERS = list(django_settings.PASSWORD_HASHERS)
django_settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *DEPLOYMENT_HASHERS]
hashers.get_hashers.cache_clear()
hashers.get_hashers_by_algorithm.cache_clear()

SAMPLE_TEXT = PLAN_FILE.read_text(encoding="utf-8")
PASSWORD = "correct horse battery staple"


@pytest.fixture
def directory(db):
    import_directory(actor=None, data=UNITS_FILE.read_bytes(), filename=UNITS_FILE.name)
    return {unit.name: unit for unit in Unit.objects.all()}


def _person(username, unit, role):
    return create_person(actor=None, username=username, password=PASSWORD, memberships=[(unit, role)])


@pytest.fixture
def office(directory):
    return _person("office", directory["沈阳市人民政府办公室"], Role.OFFICE_ADMIN)


@pytest.fixture
def fgw_liaison(directory):
    return _person("fgw", directory["沈阳市发展和改革委员会"], Role.LIAISON)


@pytest.fixture
def shenhe(directory):
    return _person("shenhe", directory["沈河区人民政府"], Role.HANDLER)


@pytest.fixture
def shenhe_reviewer(directory):
    return _person("shenhe-review", directory["沈河区人民政府"], Role.REVIEWER)


@pytest.fixture
def zrzy_liaison(directory):
    """Liaison of 市自然资源局, a lead unit of item 1 (with 市发展改革委 and 市政府办公室)."""
    return _person("zrzy", directory["沈阳市自然资源局"], Role.LIAISON)


@pytest.fixture
def shenhe_viewer(directory):
    """A read-only viewer (查看) of 沈河区政府: reads what the unit reads, acts on nothing."""
    return _person("shenhe-viewer", directory["沈河区人民政府"], Role.VIEWER)


@pytest.fixture
def outsider(directory):
    archive = create_unit(actor=None, name="沈阳市档案馆", kind=UnitKind.INSTITUTION)
    return _person("outsider", archive, Role.HANDLER)


@pytest.fixture
def sample_plan(directory, office):
    from gongkai.plans import services
    from gongkai.plans.importing.draft import PlanDraft

    data = PLAN_FILE.read_bytes()
    plan_json = services.parse_plan_file(data=data, filename=PLAN_FILE.name)
    return services.create_plan(
        actor=office, draft=PlanDraft.from_json(plan_json), source_name=PLAN_FILE.name,
        sha256=services.sha256_of(data),
    )


@pytest.fixture
def client_for(client):
    """client_for(user) logs the test client in as `user` (None stays anonymous)."""

    def login(user):
        if user is not None:
            client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return login


@pytest.fixture(autouse=True)
def deployment_language():
    """Each test starts in the deployment's language. A request with another Accept-Language leaves its
    language active in the thread (LocaleMiddleware does not reset it), which would leak into later tests."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def english(settings):
    """A deployment that offers English beside Chinese (GONGKAI_ALLOW_ENGLISH=1): only then does a browser's
    Accept-Language: en, or the header's language switch, get English pages."""
    settings.GONGKAI_ALLOW_ENGLISH = True
    settings.LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
