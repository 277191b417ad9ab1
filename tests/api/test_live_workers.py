"""转人工 across processes: the citizen's stream on one worker hears an agent on another, and
after its worker stops, a reconnect to the other worker replays what it missed (by seq)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from api.auth import Account, Tokens
from bot.accounts import Accounts
from bot.kb.db import make_engine
from tests.api.conftest import run_service, service_env
from tests.fakes.wechat_api import FakeWeChat
from tests.web.sse import EventReader


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_live_lines_cross_workers_and_survive_a_worker_stopping(
    redis_url: str, fake_wechat: FakeWeChat, tmp_path: Path
) -> None:
    database_url = f"sqlite:///{tmp_path / 'live.db'}"
    env = service_env(redis_url.replace("/0", "/6"), database_url, fake_wechat)
    Accounts(make_engine(database_url)).create("live_agent", "pw-123456789", ["agent"])
    agent = Tokens(env["SECRET_KEY"], 600).issue(Account(id="agent:live_agent", kind="agent"))
    with (
        run_service(env, tmp_path / "b.log", fake_wechat) as steady,
        httpx.Client(base_url=steady.url, timeout=30, trust_env=False) as client,
    ):
        citizen = client.post("/api/v1/auth/guest").json()["token"]
        started = client.post(
            "/api/v1/sessions", json={"region": "ningxia"}, headers=bearer(citizen)
        ).json()
        session_id = started["session_id"]
        client.post(
            f"/api/v1/sessions/{session_id}/messages",
            json={"text": "转人工"},
            headers=bearer(citizen),
        )
        claimed = client.post(f"/api/v1/agent/handoffs/{session_id}/claim", headers=bearer(agent))
        assert claimed.status_code == 200, claimed.text

        def say(text: str) -> None:
            said = client.post(
                f"/api/v1/agent/sessions/{session_id}/say",
                json={"text": text},
                headers=bearer(agent),
            )
            assert said.status_code == 200, said.text

        with run_service(env, tmp_path / "a.log", fake_wechat) as other:
            stream = EventReader(other.url, f"/api/v1/sessions/{session_id}/live", citizen)
            stream.wait_for("state")
            say("第一句：您好")
            first = stream.wait_for("line", lambda d: d["text"] == "第一句：您好")
        # that worker is gone (its stream with it); the agent keeps talking meanwhile
        stream.close()
        say("第二句：在吗？")
        again = EventReader(
            steady.url, f"/api/v1/sessions/{session_id}/live?after={first['seq']}", citizen
        )
        try:
            missed = again.wait_for("line")
            assert missed["text"] == "第二句：在吗？"
            assert missed["seq"] > first["seq"]
        finally:
            again.close()


@pytest.mark.parametrize("path", ["/api/v1/agent/handoffs/live", "/api/v1/sessions/x/live"])
def test_streams_need_a_token(
    path: str, redis_url: str, fake_wechat: FakeWeChat, tmp_path: Path
) -> None:
    env = service_env(redis_url.replace("/0", "/6"), f"sqlite:///{tmp_path / 'x.db'}", fake_wechat)
    with run_service(env, tmp_path / "s.log", fake_wechat) as running:
        response = httpx.get(running.url + path, timeout=10, trust_env=False)
        assert response.status_code == 401
