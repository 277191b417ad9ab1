"""D10 and D6 on a service started the production way (`python -m api`), with low limits:
WeChat pushes are limited per openid (not per WeChat's server IP); staff sign-in counts every
attempt before the password check, locks an account after repeated failures, and believes
X-Forwarded-For only from configured proxies (none here)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from starlette.requests import Request

from api.deps import client_ip
from bot.accounts import Accounts
from bot.kb.db import make_engine
from tests.api.api_helpers import one_rate_window, wechat_query
from tests.api.conftest import WECHAT_TOKEN, Service, _wait_ready, service_env
from tests.conftest import PROJECT_ROOT, free_port
from tests.fakes.wechat_api import FakeWeChat
from tests.web.conftest import csrf_of

PER_IP = 20
PER_OPENID = 5
PASSWORD = "correct-horse-9"


@pytest.fixture(scope="module")
def strict(
    redis_url: str, fake_wechat: FakeWeChat, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Service]:
    tmp = tmp_path_factory.mktemp("strict")
    database_url = f"sqlite:///{tmp / 'strict.db'}"
    accounts = Accounts(make_engine(database_url))
    for name in ("agent_a", "agent_b"):
        accounts.create(name, PASSWORD, ["agent"])
    env = service_env(redis_url.replace("/0", "/7"), database_url, fake_wechat)
    env |= {"RATE_LIMIT_PER_IP": str(PER_IP), "RATE_LIMIT_PER_OPENID": str(PER_OPENID)}
    env.pop("TRUSTED_PROXIES", None)
    port = free_port()
    log = tmp / "service.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "api", "--port", str(port), "--workers", "1"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        running = Service(url=f"http://127.0.0.1:{port}", wechat=fake_wechat, env=env, log=log)
        try:
            _wait_ready(proc, running)
            yield running
        finally:
            proc.terminate()
            proc.wait(timeout=20)


def event_xml(openid: str, create_time: int) -> str:
    return (
        "<xml><ToUserName><![CDATA[gh_test]]></ToUserName>"
        f"<FromUserName><![CDATA[{openid}]]></FromUserName><CreateTime>{create_time}</CreateTime>"
        "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>"
    )


def test_wechat_pushes_are_limited_per_openid_not_per_ip(strict: Service) -> None:
    base = int(time.time())
    with strict.client() as client, one_rate_window(needs_seconds=20):
        many = [
            client.post(
                "/wechat/mp",
                params=wechat_query(WECHAT_TOKEN),
                content=event_xml(f"o_many_{i}", base + i),
            )
            for i in range(PER_IP + 10)
        ]
        assert [r.status_code for r in many] == [200] * (
            PER_IP + 10
        )  # WeChat's IP is not throttled
        one = [
            client.post(
                "/wechat/mp",
                params=wechat_query(WECHAT_TOKEN),
                content=event_xml("o_chatty", base + 100 + i),
            ).text
            for i in range(PER_OPENID + 3)
        ]
    assert all("社会救助小助手" in text for text in one[:PER_OPENID])
    assert all("发得太快" in text for text in one[PER_OPENID:])


def test_forged_pushes_are_still_limited_per_ip(strict: Service) -> None:
    with strict.client() as client, one_rate_window(needs_seconds=15):
        statuses = [
            client.post(
                "/wechat/mp",
                params={"signature": "0" * 40, "timestamp": "1", "nonce": "n"},
                content=b"<xml/>",
            ).status_code
            for _ in range(PER_IP + 3)
        ]
    assert statuses[:PER_IP] == [403] * PER_IP and statuses[-1] == 429


def test_x_forwarded_for_from_an_untrusted_peer_changes_nothing(strict: Service) -> None:
    with strict.client() as client, one_rate_window(needs_seconds=15):
        statuses = [
            client.get(
                "/api/v1/kb/search",
                params={"q": "低保"},
                headers={"X-Forwarded-For": f"198.51.100.{i}"},
            ).status_code
            for i in range(PER_IP + 3)
        ]
    assert 429 in statuses  # every request counted for 127.0.0.1, whatever the header said


def attempt(strict: Service, username: str, password: str, barrier: threading.Barrier | None,
            out: list[httpx.Response], headers: dict[str, str] | None = None) -> None:  # fmt: skip
    with strict.client() as client:
        token = csrf_of(client.get("/staff/login").text)
        if barrier is not None:
            barrier.wait(10)
        out.append(client.post("/staff/login", headers=headers,
                               data={"username": username, "password": password,
                                     "csrf_token": token}))  # fmt: skip


def test_login_attempts_are_counted_before_the_password_check(strict: Service) -> None:
    burst = 30
    barrier = threading.Barrier(burst)
    results: list[httpx.Response] = []
    with one_rate_window(needs_seconds=30):  # the address's attempts: counted per minute
        threads = [
            threading.Thread(
                target=attempt, args=(strict, "agent_a", f"wrong-{i}", barrier, results)
            )
            for i in range(burst)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        statuses = sorted(r.status_code for r in results)
        checked = statuses.count(400)
        assert len(statuses) == burst and checked <= 5, statuses  # at most the lockout's 5 checked
        assert statuses.count(429) == burst - checked
        # agent_a is locked, even with the right password
        late: list[httpx.Response] = []
        attempt(strict, "agent_a", PASSWORD, None, late)
        assert late[0].status_code == 429 and "锁定" in late[0].text
        # the address is over its limit too; a forged X-Forwarded-For does not get around it
        attempt(strict, "agent_b", PASSWORD, None, late, {"X-Forwarded-For": "203.0.113.9"})
        assert late[1].status_code == 429 and "一分钟" in late[1].text


class _State:
    def __init__(self, proxies: list[str]) -> None:
        from api.settings import Settings

        self.runtime = type("R", (), {"settings": Settings(trusted_proxies=proxies)})()


def _request(peer: str, forwarded: str, proxies: list[str]) -> Request:
    app = type("A", (), {"state": _State(proxies)})()
    scope = {"type": "http", "client": (peer, 1234), "app": app,
             "headers": [(b"x-forwarded-for", forwarded.encode())]}  # fmt: skip
    return Request(scope)


def test_client_ip_believes_only_configured_proxies() -> None:
    assert client_ip(_request("127.0.0.1", "1.2.3.4", [])) == "127.0.0.1"
    assert client_ip(_request("10.0.0.5", "1.2.3.4", ["10.0.0.0/24"])) == "1.2.3.4"
    # a client-sent hop before the real one is ignored: the nearest untrusted address counts
    assert client_ip(_request("10.0.0.5", "6.6.6.6, 1.2.3.4", ["10.0.0.5"])) == "1.2.3.4"
    assert client_ip(_request("10.0.0.5", "1.2.3.4, 10.0.0.7", ["10.0.0.0/24"])) == "1.2.3.4"
    assert client_ip(_request("192.0.2.1", "1.2.3.4", ["10.0.0.0/24"])) == "192.0.2.1"
