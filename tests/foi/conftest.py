"""Fixtures of the FOI tests: the cast around one application of 沈河区政府 (see test_permissions.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from gongkai.orgs.models import Role
from gongkai.orgs.services import create_person
from tests.conftest import PASSWORD


@pytest.fixture
def cast(directory, office, shenhe, shenhe_reviewer, shenhe_viewer, outsider):
    """Everyone who might try a step on an application handled by 沈河区政府, by the name tests use."""
    liaison = create_person(actor=None, username="shenhe-liaison", password=PASSWORD,
                            memberships=[(directory["沈河区人民政府"], Role.LIAISON)])
    intake = create_person(actor=None, username="desk", password=PASSWORD,
                           memberships=[(directory["沈阳市人民政府办公室"], Role.INTAKE)])
    return {"office": office, "liaison": liaison, "handler": shenhe, "reviewer": shenhe_reviewer,
            "viewer": shenhe_viewer, "intake": intake, "outsider": outsider, "anonymous": AnonymousUser(),
            "unit": directory["沈河区人民政府"]}
