"""The deployment speaks Chinese whatever the browser asks; English only where the deployment enables it
(GONGKAI_ALLOW_ENGLISH), and then the page header offers a switch."""

from django.urls import reverse

SWITCH = 'action="/i18n/setlang/"'


def test_a_browser_asking_for_english_gets_chinese(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    page = response.content.decode()
    assert "工作人员登录" in page and "Staff login" not in page
    assert response["Content-Language"] == "zh-hans"
    assert '<html lang="zh-CN">' in page
    assert SWITCH not in page  # one language: nothing to switch


def test_an_english_cookie_is_ignored_where_english_is_not_offered(client, shenhe):
    client.force_login(shenhe)
    client.post(reverse("set_language"), {"language": "en", "next": "/ledger/mine/"})
    page = client.get("/ledger/mine/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "我的工作" in page and "My work" not in page


def test_where_english_is_enabled_the_browser_gets_it_and_the_header_switches(client, shenhe, english):
    client.force_login(shenhe)
    page = client.get("/ledger/mine/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "My work" in page and '<html lang="en">' in page
    assert SWITCH in page and ">简体中文</button>" in page

    switched = client.post(reverse("set_language"), {"language": "zh-hans", "next": "/ledger/mine/"})
    assert switched.status_code == 302 and switched["Location"] == "/ledger/mine/"
    page = client.get("/ledger/mine/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "我的工作" in page and ">English</button>" in page


def test_without_a_preference_an_english_enabled_deployment_is_still_chinese(client, db, english):
    page = client.get("/").content.decode()
    assert "工作人员登录" in page and ">English</button>" in page
