"""In-app notifications and digest delivery: each person sees their own; a digest goes out once a day."""

import datetime

import pytest
from django.core import mail

from gongkai.notifications.models import Channel, Delivery, Notification
from gongkai.notifications.services import Digest, deliver_digests, mark_read, notify_many
from gongkai.orgs.models import Role
from gongkai.orgs.services import create_person

DAY = datetime.date(2021, 10, 8)
PASSWORD = "correct horse battery staple"


@pytest.fixture
def alice(directory):
    return create_person(actor=None, username="alice", password=PASSWORD, email="alice@example.org",
                         memberships=[(directory["沈河区人民政府"], Role.HANDLER)])


@pytest.fixture
def bob(directory):
    return create_person(actor=None, username="bob", password=PASSWORD,
                         memberships=[(directory["和平区人民政府"], Role.LIAISON)])


def digest(user, body="3 overdue"):
    return Digest(user_id=user.pk, email=user.email, subject="Digest", body=body, summary=f"summary {body}",
                  url="/supervision/")


def test_a_digest_is_delivered_once_per_day_and_channel(alice, bob):
    first = deliver_digests(day=DAY, digests=[digest(alice), digest(bob)])
    assert (first.app, first.email, first.already) == (2, 1, 0)  # bob has no e-mail address
    assert [m.to for m in mail.outbox] == [["alice@example.org"]]
    again = deliver_digests(day=DAY, digests=[digest(alice, "4 overdue"), digest(bob)])
    assert (again.app, again.email, again.already) == (0, 0, 2)
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(user=alice).count() == 1
    delivery = Delivery.objects.get(user=alice, day=DAY, channel=Channel.EMAIL)
    assert delivery.sent_at is not None and len(delivery.content_hash) == 64
    deliver_digests(day=DAY + datetime.timedelta(days=1), digests=[digest(alice)])
    assert len(mail.outbox) == 2


def test_notify_many_skips_what_was_notified(alice):
    rows = [Notification(user=alice, kind="reminder", text="督办", url="/x/", key="notice:1")]
    assert notify_many(notifications=rows) == 1
    assert notify_many(notifications=[Notification(user=alice, kind="reminder", text="again", key="notice:1")]) == 0
    assert Notification.objects.get(user=alice).text == "督办"


def test_people_see_and_mark_only_their_own(alice, bob, client_for):
    mine = Notification.objects.create(user=alice, kind="digest", text="沈河区人民政府: 3 overdue",
                                       url="/supervision/", key="digest:1")
    theirs = Notification.objects.create(user=bob, kind="digest", text="和平区人民政府: 1 overdue", key="digest:1")
    client = client_for(alice)
    page = client.get("/notifications/").content.decode()
    assert "沈河区人民政府: 3 overdue" in page and "和平区人民政府" not in page
    assert mark_read(actor=alice, ids=[theirs.pk]) == 0  # someone else's: untouched
    theirs.refresh_from_db()
    assert theirs.read_at is None
    response = client.post(f"/notifications/{mine.pk}/read/", {"open": "1"})
    assert response.status_code == 302 and response["Location"] == "/supervision/"
    mine.refresh_from_db()
    assert mine.read_at is not None
    client.post(f"/notifications/{theirs.pk}/read/")
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_all_read(alice, client_for):
    for n in range(3):
        Notification.objects.create(user=alice, kind="reminder", text=f"n{n}", key=f"notice:{n}")
    client = client_for(alice)
    assert client.get("/notifications/").context["unread"] == 3
    client.post("/notifications/read-all/")
    assert client.get("/notifications/").context["unread"] == 0


def test_an_outside_link_is_not_followed(alice, client_for):
    note = Notification.objects.create(user=alice, kind="digest", text="x", url="https://evil.example/", key="k")
    response = client_for(alice).post(f"/notifications/{note.pk}/read/", {"open": "1"})
    assert response["Location"] == "/notifications/"


def test_notifications_need_a_login(client, db):
    assert client.get("/notifications/").status_code == 302
    assert client.get("/notifications/read-all/").status_code in (302, 405)
