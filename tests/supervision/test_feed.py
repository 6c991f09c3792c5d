"""A unit's private iCalendar feed: who may hand it out, what it contains, and that revoking ends it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.ledger.models import Assignment
from gongkai.supervision.ical import CRLF
from gongkai.supervision.models import UnitFeedToken
from gongkai.supervision.services import create_feed_token, revoke_feed_token


@pytest.fixture
def shenhe_unit(directory):
    return directory["沈河区人民政府"]


def unfolded_lines(response):
    return response.content.decode("utf-8").replace(CRLF + " ", "").split(CRLF)


def test_feed_lists_the_units_open_deadlines_as_all_day_events(ledger, shenhe_liaison, shenhe_unit, client):
    token = create_feed_token(actor=shenhe_liaison, unit=shenhe_unit)
    done = Assignment.objects.filter(unit=shenhe_unit, due_date__isnull=False).exclude(task__item__number="1").first()
    Assignment.objects.filter(pk=done.pk).update(state="done", completed_on=datetime.date(2021, 9, 1))
    response = client.get(f"/supervision/ical/{token.token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    lines = unfolded_lines(response)
    expected = Assignment.objects.filter(unit=shenhe_unit, due_date__isnull=False).open()
    uids = [line for line in lines if line.startswith("UID:")]
    assert sorted(uids) == sorted(f"UID:assignment-{a.pk}@gongkai" for a in expected)
    assert f"UID:assignment-{done.pk}@gongkai" not in uids
    item1 = expected.get(task__item__number="1")
    assert "DTSTART;VALUE=DATE:20210930" in lines and "DTEND;VALUE=DATE:20211001" in lines
    assert any(line.startswith("SUMMARY:[1.1] 主动公开国民经济和社会发展第十四个五年规划纲要") for line in lines)
    assert f"URL:http://localhost:8000/ledger/assignments/{item1.pk}/" in lines
    # Raw lines are folded at 75 octets.
    assert max(len(raw.encode()) for raw in response.content.decode().split(CRLF)) <= 75
    # The same request again gives the same UIDs: calendar clients update, not duplicate.
    assert [line for line in unfolded_lines(client.get(f"/supervision/ical/{token.token}.ics"))
            if line.startswith("UID:")] == uids


def test_revoked_and_unknown_tokens_are_404(ledger, shenhe_liaison, shenhe_unit, client):
    token = create_feed_token(actor=shenhe_liaison, unit=shenhe_unit)
    replacement = create_feed_token(actor=shenhe_liaison, unit=shenhe_unit)
    assert client.get(f"/supervision/ical/{token.token}.ics").status_code == 404  # replaced: the old one is dead
    assert client.get(f"/supervision/ical/{replacement.token}.ics").status_code == 200
    revoke_feed_token(actor=shenhe_liaison, unit=shenhe_unit)
    assert client.get(f"/supervision/ical/{replacement.token}.ics").status_code == 404
    assert client.get("/supervision/ical/not-a-token.ics").status_code == 404
    with pytest.raises(ValidationError):
        revoke_feed_token(actor=shenhe_liaison, unit=shenhe_unit)  # nothing left to revoke


def test_only_the_liaison_or_the_office_manages_the_feed(ledger, shenhe, shenhe_liaison, office, fgw_liaison,
                                                          shenhe_unit, client_for):
    with pytest.raises(PermissionDenied):
        create_feed_token(actor=shenhe, unit=shenhe_unit)  # a handler
    with pytest.raises(PermissionDenied):
        create_feed_token(actor=fgw_liaison, unit=shenhe_unit)  # another unit's liaison
    assert create_feed_token(actor=office, unit=shenhe_unit).is_live
    url = f"/supervision/units/{shenhe_unit.pk}/calendar-feed/"
    assert client_for(shenhe).get(url).status_code == 403
    assert client_for(fgw_liaison).get(url).status_code == 404  # not even visible


def test_feed_page_creates_shows_and_revokes(ledger, shenhe_liaison, shenhe_unit, client_for):
    client = client_for(shenhe_liaison)
    url = f"/supervision/units/{shenhe_unit.pk}/calendar-feed/"
    assert client.post(url, {"action": "create"}).status_code == 302
    token = UnitFeedToken.objects.live().get(unit=shenhe_unit)
    page = client.get(url).content.decode()
    assert f"http://testserver/supervision/ical/{token.token}.ics" in page
    client.post(url, {"action": "revoke"})
    assert not UnitFeedToken.objects.live().filter(unit=shenhe_unit).exists()
    assert token.token not in client.get(url).content.decode()
