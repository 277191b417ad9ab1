"""Staff sign-in, CSRF and role checks over real HTTP against the running service."""

from __future__ import annotations

import re
import time

from itsdangerous import TimestampSigner, URLSafeTimedSerializer

from tests.web.conftest import PASSWORD, WebService, csrf_of

ENTRY_FORM = {
    "question": "网页测试：低保金每月几号发？",
    "similar": "低保钱什么时候到账\n低保几号发钱",
    "answer": "一般在每月中旬前发到您的社保卡或一卡通账户，具体以当地为准。",
    "regions": "gansu",
    "items": "dibao",
    "source_kind": "editor",
    "effective_from": "2024-01-01",
}


def _create(web: WebService, entry_id: str, author: str = "editor1") -> None:
    client, csrf = web.login(author)
    r = client.post("/kb/new", data={**ENTRY_FORM, "id": entry_id, "csrf_token": csrf})
    assert r.status_code == 303, r.text
    r = client.post(f"/kb/entry/{entry_id}/submit", data={"csrf_token": csrf})
    assert r.status_code == 303, r.text


def test_login_and_logout(web: WebService) -> None:
    client, csrf = web.login("editor1")
    page = client.get("/kb")
    assert page.status_code == 200 and "知识库条目" in page.text
    cookie = client.cookies.get("shejiu_staff")
    assert cookie
    set_cookie = client.post("/staff/logout", data={"csrf_token": csrf})
    assert set_cookie.status_code == 303
    assert client.get("/kb").status_code == 303  # back to the sign-in page
    assert client.get("/kb").headers["location"].startswith("/staff/login")


def test_session_cookie_flags(web: WebService) -> None:
    client = web.client()
    token = csrf_of(client.get("/staff/login").text)
    r = client.post(
        "/staff/login", data={"username": "agent1", "password": PASSWORD, "csrf_token": token}
    )
    header = r.headers["set-cookie"].lower()
    assert "shejiu_staff=" in header and "httponly" in header and "samesite=lax" in header
    assert r.headers["location"] == "/console"


def test_wrong_password_is_refused(web: WebService) -> None:
    client = web.client()
    token = csrf_of(client.get("/staff/login").text)
    r = client.post(
        "/staff/login", data={"username": "editor1", "password": "wrong-pass", "csrf_token": token}
    )
    assert r.status_code == 400
    assert "用户名或密码不对" in r.text
    assert "shejiu_staff" not in client.cookies
    r = client.post(
        "/staff/login", data={"username": "nobody", "password": PASSWORD, "csrf_token": token}
    )
    assert r.status_code == 400


def test_login_without_csrf_is_refused(web: WebService) -> None:
    client = web.client()
    client.get("/staff/login")
    r = client.post("/staff/login", data={"username": "editor1", "password": PASSWORD})
    assert r.status_code == 403
    fresh = web.client()  # no login cookie at all
    r = fresh.post(
        "/staff/login", data={"username": "editor1", "password": PASSWORD, "csrf_token": "x"}
    )
    assert r.status_code == 403


def test_csrf_missing_or_invalid_is_403(web: WebService) -> None:
    client, csrf = web.login("editor1")
    data = {**ENTRY_FORM, "id": "web-csrf-check"}
    assert client.post("/kb/new", data=data).status_code == 403
    assert client.post("/kb/new", data={**data, "csrf_token": csrf + "x"}).status_code == 403
    _other, other_csrf = web.login("editor2")  # another session's token does not fit
    assert client.post("/kb/new", data={**data, "csrf_token": other_csrf}).status_code == 403
    assert client.get("/kb/entry/web-csrf-check").status_code == 404  # nothing was created


def test_agent_cannot_use_the_editor_or_publish(web: WebService) -> None:
    _create(web, "web-agent-publish")
    agent, csrf = web.login("agent1")
    assert agent.get("/kb").status_code == 403
    r = agent.post("/kb/entry/web-agent-publish/approve", data={"csrf_token": csrf})
    assert r.status_code == 403
    assert "权限" in r.text
    reviewer, _rcsrf = web.login("reviewer1")
    assert "待审核" in reviewer.get("/kb/entry/web-agent-publish").text


def test_editor_cannot_approve(web: WebService) -> None:
    _create(web, "web-editor-approve")
    editor, csrf = web.login("editor1")
    r = editor.post("/kb/entry/web-editor-approve/approve", data={"csrf_token": csrf})
    assert r.status_code == 403


def test_reviewer_must_not_be_the_author(web: WebService) -> None:
    _create(web, "web-own-entry", author="both1")
    both, csrf = web.login("both1")
    r = both.post("/kb/entry/web-own-entry/approve", data={"csrf_token": csrf})
    assert r.status_code == 409
    assert "审核人不能是这条知识的作者" in r.text
    reviewer, rcsrf = web.login("reviewer1")
    r = reviewer.post("/kb/entry/web-own-entry/approve", data={"csrf_token": rcsrf})
    assert r.status_code == 303
    assert "已发布" in reviewer.get("/kb/entry/web-own-entry").text


def test_reviewer_cannot_create(web: WebService) -> None:
    reviewer, csrf = web.login("reviewer1")
    r = reviewer.post("/kb/new", data={**ENTRY_FORM, "id": "web-reviewer-new", "csrf_token": csrf})
    assert r.status_code == 403


def test_only_admin_manages_users(web: WebService) -> None:
    editor, _csrf = web.login("editor1")
    assert editor.get("/staff/users").status_code == 403
    admin, acsrf = web.login("admin1")
    r = admin.post(
        "/staff/users",
        data={
            "username": "agent9",
            "password": "long-enough-1",
            "roles": "agent",
            "csrf_token": acsrf,
        },
    )
    assert r.status_code == 303
    assert "agent9" in admin.get("/staff/users").text
    web.login("agent9", "long-enough-1")
    # disabled: the running session stops working at once, and sign-in fails
    r = admin.post("/staff/users/agent9", data={"roles": "agent", "csrf_token": acsrf})
    assert r.status_code == 303
    client = web.client()
    token = csrf_of(client.get("/staff/login").text)
    r = client.post(
        "/staff/login",
        data={"username": "agent9", "password": "long-enough-1", "csrf_token": token},
    )
    assert r.status_code == 400


class _OldSigner(TimestampSigner):
    def get_timestamp(self) -> int:
        return int(time.time()) - 9 * 3600  # past the 8-hour session


def test_expired_cookie_means_sign_in_again(web: WebService) -> None:
    old = URLSafeTimedSerializer(
        "web-test-secret", salt="shejiu-staff-session", signer=_OldSigner
    ).dumps({"u": "editor1", "c": "tok"})
    fresh = URLSafeTimedSerializer("web-test-secret", salt="shejiu-staff-session").dumps(
        {"u": "editor1", "c": "tok"}
    )
    client = web.client()
    client.cookies.set("shejiu_staff", fresh)
    assert client.get("/kb").status_code == 200  # the same cookie, signed now, works
    client.cookies.set("shejiu_staff", old)
    r = client.get("/kb")
    assert r.status_code == 303 and r.headers["location"].startswith("/staff/login")
    assert (
        client.post("/kb/new", data={**ENTRY_FORM, "id": "x1", "csrf_token": "tok"}).status_code
        == 401
    )
    forged = URLSafeTimedSerializer("wrong-secret", salt="shejiu-staff-session").dumps(
        {"u": "admin1", "c": "tok"}
    )
    client.cookies.set("shejiu_staff", forged)
    assert client.get("/staff/users").status_code == 303


def test_a_cookie_copied_before_logout_no_longer_works(web: WebService) -> None:
    # Issue 17 D12: sign-out revokes the session on the server, not only in this browser.
    client, csrf = web.login("editor2")
    copied = client.cookies.get("shejiu_staff")
    assert copied
    assert client.post("/staff/logout", data={"csrf_token": csrf}).status_code == 303
    thief = web.client()
    thief.cookies.set("shejiu_staff", copied)
    response = thief.get("/kb")
    assert response.status_code == 303
    assert response.headers["location"].startswith("/staff/login")


def test_a_disabled_agents_console_token_stops_working(web: WebService) -> None:
    # Issue 17 D4: the bearer token in /console (7-day TTL) must follow the account.
    admin, admin_csrf = web.login("admin1")
    created = admin.post(
        "/staff/users",
        data={
            "username": "agent7",
            "password": PASSWORD,
            "roles": "agent",
            "csrf_token": admin_csrf,
        },
    )
    assert created.status_code == 303, created.text
    agent, _ = web.login("agent7")
    token = re.search(r'name="api-token" content="([^"]+)"', agent.get("/console").text)
    assert token
    headers = {"Authorization": f"Bearer {token.group(1)}"}
    queue = web.client().get("/api/v1/agent/handoffs", headers=headers)
    assert queue.status_code == 200, queue.text
    disabled = admin.post(
        "/staff/users/agent7", data={"roles": "agent", "active": "", "csrf_token": admin_csrf}
    )
    assert disabled.status_code == 303, disabled.text
    refused = web.client().get("/api/v1/agent/handoffs", headers=headers)
    assert refused.status_code == 403
    assert "停用" in refused.json()["error"]["message"]
