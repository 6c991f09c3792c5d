"""Browser tests: Debian's Chromium driven by Playwright, no browser download."""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("GONGKAI_CHROMIUM", "/usr/bin/chromium"))


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} not found: install Debian's chromium to run browser tests")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
        ],
    }


@pytest.fixture
def login(page, live_server):
    """login(user) signs in through the real login form."""
    from tests.conftest import PASSWORD

    def sign_in(user):
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        # Each person lands on their own queue (gongkai/portal/landing.py), not on one fixed page.
        page.wait_for_url(lambda url: "/accounts/login/" not in url)
        return page

    return sign_in


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Our users' browsers ask for Chinese. (The site is Chinese whatever a browser asks unless the deployment
    # offers English: tests/browser/test_language.py.)
    return {**browser_context_args, "locale": "zh-CN"}
