"""The public status lookup's brake: too many wrong code/password pairs from one address pause the lookup.

The count must hold across server workers. It used to live in each process's local memory, so with two
workers the pause began only at the 40th failure, and a correct lookup still passed on the worker that
had not paused yet. Here two real server processes share one database, as two gunicorn workers do.
"""

import datetime
import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.urls import reverse

from gongkai.foi import services, throttle
from gongkai.foi.models import LookupThrottle
from tests.foi.test_intake import APPLICANT

PROJECT = Path(__file__).resolve().parents[2]
SHANGHAI = ZoneInfo("Asia/Shanghai")
WRONG = "WRONG234"

# Run in a server's database: one unit and one application; prints its code and query password.
MAKE_APPLICATION = """
import json, django
django.setup()
from gongkai.foi import services
from gongkai.orgs.models import UnitKind
from gongkai.orgs.services import create_unit
unit = create_unit(actor=None, name="沈河区人民政府", kind=UnitKind.DISTRICT_GOVERNMENT)
application, password = services.submit_online(target_unit=unit, fields=json.loads(%r))
print(json.dumps([application.tracking_code, password]))
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def shared_database(request, tmp_path):
    """The environment for server processes sharing one database: on PostgreSQL the test database itself
    (committed, so the servers see it), on SQLite a database file of its own, migrated for them."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "gongkai.settings", "GONGKAI_DATA_DIR": str(tmp_path)}
    if connection.vendor == "postgresql":
        request.getfixturevalue("transactional_db")
        parts = urllib.parse.urlsplit(os.environ["GONGKAI_DATABASE_URL"])
        environment["GONGKAI_DATABASE_URL"] = parts._replace(path="/" + connection.settings_dict["NAME"]).geturl()
    else:
        environment.pop("GONGKAI_DATABASE_URL", None)
        subprocess.run([sys.executable, "-m", "gongkai", "migrate", "--noinput"], env=environment, cwd=PROJECT,
                       check=True, capture_output=True)
    return environment


@pytest.fixture
def two_workers(shared_database):
    """Two gunicorn server processes on two ports, each with one worker, over the same database."""
    ports = [free_port(), free_port()]
    servers = [subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "gongkai.wsgi:application", "--workers", "1", "--bind", f"127.0.0.1:{port}"],
        env=shared_database, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for port in ports]
    try:
        clients = [Browser(f"http://127.0.0.1:{port}") for port in ports]
        for client in clients:
            client.wait_until_up()
        yield clients
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)


class Browser:
    """A citizen's browser on one server: keeps cookies, sends the CSRF token like the form does."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def wait_until_up(self, seconds=90):
        deadline = time.monotonic() + seconds
        while True:
            try:
                return self.get("/foi/status/")
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)

    def get(self, path):
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.read().decode()

    def look_up(self, code, password):
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.get("/foi/status/")).group(1)
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "tracking_code": code, "password": password})
        request = urllib.request.Request(self.base + "/foi/status/", data=body.encode(),
                                         headers={"Referer": self.base + "/foi/status/"})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.read().decode()
        except urllib.error.HTTPError as refused:  # 429 while paused: the page still explains
            with refused:
                return refused.read().decode()


def shown(page):
    """Whether the lookup showed the application (its status block), not the form again."""
    return 'id="status"' in page


def test_a_pause_begun_on_one_worker_holds_on_the_other_even_for_the_right_password(shared_database, two_workers):
    made = subprocess.run([sys.executable, "-c", MAKE_APPLICATION % json.dumps(APPLICANT)], env=shared_database,
                          cwd=PROJECT, check=True, capture_output=True, text=True)
    code, password = json.loads(made.stdout.strip().splitlines()[-1])
    first, second = two_workers
    assert shown(second.look_up(code, password))  # the right pair works on either worker …
    # … until 20 wrong lookups from this address, alternating between the workers, 10 each.
    for attempt in range(throttle.LIMIT):
        page = (first, second)[attempt % 2].look_up(code, WRONG)
        assert not shown(page)
    for worker in (first, second):
        page = worker.look_up(code, password)
        assert not shown(page) and 'id="lookup-paused"' in page


# --- one process, time pinned: when the pause starts and when it ends -------------------------------------

START = datetime.datetime(2026, 12, 2, 9, 0, tzinfo=SHANGHAI)


@pytest.fixture
def application(directory):
    return services.submit_online(target_unit=directory["沈河区人民政府"], fields=APPLICANT)


def look_up(client, code, password, at, address="203.0.113.7"):
    with mock.patch("django.utils.timezone.now", return_value=at):
        return client.post(reverse("foi:status"), {"tracking_code": code, "password": password},
                           REMOTE_ADDR=address)


def earlier_failures(count, address="203.0.113.7"):
    """Wrong lookups already counted (each real one costs a password hash: about a second here)."""
    for minute in range(count):
        throttle.record_failure(address, now=START + datetime.timedelta(minutes=minute))


def test_the_pause_starts_at_the_limit_and_refuses_even_the_right_password_until_it_ends(client, application):
    (application, password), code = application, application[0].tracking_code
    earlier_failures(throttle.LIMIT - 2)
    page = look_up(client, code, WRONG, START + datetime.timedelta(minutes=18))
    assert page.context["not_found"] and page.context["paused_until"] is None
    assert look_up(client, code, password, START + datetime.timedelta(minutes=19)).context["application"] == application
    # The 20th failure (at 9:20) starts a pause of an hour: the page says until when.
    page = look_up(client, code, WRONG, START + datetime.timedelta(minutes=20))
    assert page.context["paused_until"] == START + datetime.timedelta(minutes=80)
    assert "2026-12-02 10:20" in page.content.decode()
    almost = look_up(client, code, password, START + datetime.timedelta(minutes=79, seconds=59))
    assert almost.status_code == 429 and almost.context["application"] is None
    assert 'id="lookup-paused"' in almost.content.decode() and not almost.context["not_found"]
    # Another address is not affected; and once the pause is over, the right pair works again.
    assert look_up(client, code, password, START + datetime.timedelta(minutes=30),
                   address="203.0.113.8").context["application"] == application
    after = look_up(client, code, password, START + datetime.timedelta(minutes=80))
    assert after.status_code == 200 and after.context["application"] == application


def test_failures_spread_over_more_than_the_window_never_pause(db):
    for n in range(3 * throttle.LIMIT):  # one wrong lookup every 4 minutes: at most 15 in any hour
        at = START + datetime.timedelta(minutes=4 * n)
        assert throttle.record_failure("203.0.113.7", now=at) is None, n
        assert throttle.paused_until("203.0.113.7", now=at) is None


def test_the_address_is_kept_only_as_a_keyed_hash(client, application):
    look_up(client, application[0].tracking_code, WRONG, START)
    (row,) = LookupThrottle.objects.all()
    assert "203.0.113.7" not in row.address_key and row.failures == 1


def test_the_api_and_the_form_count_together(client, application):
    code = application[0].tracking_code
    earlier_failures(throttle.LIMIT - 1)
    look_up(client, code, WRONG, START + datetime.timedelta(minutes=20))  # the form's failure starts the pause
    with mock.patch("django.utils.timezone.now", return_value=START + datetime.timedelta(minutes=30)):
        response = client.post("/api/v1/foi/status/", {"tracking_code": code, "password": application[1]},
                               content_type="application/json", REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 429 and response.headers["Retry-After"] == str(50 * 60)
