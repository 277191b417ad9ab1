"""Redis Sentinel: the service on a sentinel URL keeps a conversation going while the master
dies and a replica takes over (real redis-server master, replica and three sentinels)."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.conftest import run_service, service_env
from tests.fakes.wechat_api import FakeWeChat
from tests.redis_sentinel import SentinelSet


@pytest.fixture
def sentinel_set() -> Iterator[SentinelSet]:
    with tempfile.TemporaryDirectory(prefix="sentinel-test-") as tmp:
        started = SentinelSet(Path(tmp)).start()
        try:
            yield started
        finally:
            started.stop()


def _say(client: httpx.Client, session_id: str, text: str, headers: dict[str, str]) -> Any:
    response = client.post(
        f"/api/v1/sessions/{session_id}/messages", json={"text": text}, headers=headers
    )
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.slow
def test_conversation_survives_a_master_failover(
    sentinel_set: SentinelSet, fake_wechat: FakeWeChat, tmp_path: Path
) -> None:
    env = service_env(sentinel_set.url, f"sqlite:///{tmp_path / 'service.db'}", fake_wechat)
    # Turns may wait out the election (seconds), as a citizen's phone would.
    with (
        run_service(env, tmp_path / "service.log", fake_wechat) as service,
        httpx.Client(base_url=service.url, timeout=30, trust_env=False) as client,
    ):
        token = client.post("/api/v1/auth/guest").json()["token"]
        me = {"Authorization": f"Bearer {token}"}
        started = client.post("/api/v1/sessions", json={"region": "gansu"}, headers=me)
        assert started.status_code == 200, started.text
        session_id = started.json()["session_id"]
        before = _say(client, session_id, "我家3口人", me)
        known = client.get(f"/api/v1/sessions/{session_id}", headers=me).json()
        assert sentinel_set.replicated() == 1  # the replica has every write so far

        sentinel_set.master.kill()
        died = time.monotonic()
        # The first turn after the crash is held until the sentinels promote the replica.
        during = _say(client, session_id, "我68岁", me)
        assert time.monotonic() - died < 25
        assert sentinel_set.wait_for_new_master() == sentinel_set.replica.port

        after = _say(client, session_id, "没有工作", me)
        state = client.get(f"/api/v1/sessions/{session_id}", headers=me).json()
        assert client.get("/readyz").json()["checks"]["redis"] == "ok"
    said = [line["text"] for line in state["transcript"] if line["speaker"] == "citizen"]
    assert said[-3:] == ["我家3口人", "我68岁", "没有工作"]  # nothing lost, in order
    assert state["transcript"][: len(known["transcript"])] == known["transcript"]
    members = state["facts"]["members"]
    assert len(members) == 3  # 我家3口人, said before the crash
    for was, now in zip(known["facts"]["members"], members, strict=True):
        assert was.items() <= now.items()  # what was known is still known
    assert members[0].get("age") == 68  # said while the master was down
    assert before["state"]["region"] == during["state"]["region"] == after["state"]["region"]
