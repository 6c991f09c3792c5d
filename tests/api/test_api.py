import pytest
from django.core.management import call_command

from gongkai.api.models import ApiToken
from gongkai.api.services import create_token, revoke_token


@pytest.fixture
def token(shenhe):
    return create_token(actor=None, user=shenhe, name="test")[1]


def auth(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_no_token_no_data(client, sample_plan):
    response = client.get("/api/v1/plans/")
    assert response.status_code in (401, 403)
    assert "application/json" in response["Content-Type"]


def test_units_with_token(client, token, directory):
    response = client.get("/api/v1/units/?limit=100", **auth(token))
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 28
    fgw = next(u for u in data["results"] if u["name"] == "沈阳市发展和改革委员会")
    assert "市发展改革委" in fgw["aliases"] and fgw["kind"] == "municipal_department"


def test_plan_detail_with_items_tasks_units(client, token, sample_plan):
    plans = client.get("/api/v1/plans/", **auth(token)).json()
    assert [p["title"] for p in plans["results"]] == ["沈阳市2021年政务公开工作要点任务分解表"]
    plan = client.get(f"/api/v1/plans/{sample_plan.pk}/", **auth(token)).json()
    assert len(plan["items"]) == 28 and len(plan["sections"]) == 4
    item7 = next(i for i in plan["items"] if i["number"] == "7")
    assert [t["deadline_date"] for t in item7["tasks"]] == ["2021-09-30", "2021-11-30", "2021-11-30"]
    leads = [u["name"] for u in item7["tasks"][1]["units"] if u["role"] == "lead"]
    assert leads == ["市政府办公室", "沈河区政府"]


def test_revoked_token_is_refused(client, shenhe, directory):
    token, key = create_token(actor=None, user=shenhe, name="old")
    revoke_token(actor=None, token=token)
    assert client.get("/api/v1/units/", **auth(key)).status_code == 401


def test_only_hash_is_stored(shenhe, directory):
    token, key = create_token(actor=None, user=shenhe, name="x")
    assert key not in (token.key_hash, token.prefix) and key[3:9] == token.prefix
    assert ApiToken.objects.get().key_hash != key


def test_openapi_document_lists_the_endpoints(client, token):
    response = client.get("/api/v1/schema/?format=json", **auth(token))
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {"/api/v1/units/", "/api/v1/plans/", "/api/v1/plans/{id}/"} <= set(paths)


def test_api_token_command_prints_a_working_key(client, shenhe, capsys):
    call_command("api_token", "shenhe", "cli")
    key = capsys.readouterr().out.strip()
    assert client.get("/api/v1/units/", **auth(key)).status_code == 200
