"""Two service processes (two hosts) on one PostgreSQL database and one Redis.

A conversation started on one process continues on the other, and a KB answer published
through the workflow is served by both without a restart (within the refresh interval).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from contextlib import ExitStack

import httpx
import pytest

from bot.kb.db import make_sessions
from bot.kb.schema import EntryContent
from bot.kb.workflow import KnowledgeBase
from tests.api.conftest import Service, run_services, service_env
from tests.conftest import PostgresCluster
from tests.fakes.wechat_api import FakeWeChat

NEW_QUESTION = "救助金被别人冒领了应该去哪里举报？"
NEW_ID = "test-pg-report-fraud"
REFRESH_WAIT_SECONDS = 10


@pytest.fixture(scope="module")
def two_services(
    postgres_cluster: PostgresCluster,
    redis_url: str,
    fake_wechat: FakeWeChat,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Service, Service, str]]:
    tmp = tmp_path_factory.mktemp("pg-service")
    database_url = postgres_cluster.create_database("shejiu_two_hosts")
    env = service_env(redis_url.replace("/0", "/5"), database_url, fake_wechat)
    with ExitStack() as stack:
        # One after the other, like a rolling start: the first creates the tables and seeds.
        # Both hosts start together on a new database (the start-up race must not bite).
        first, second = stack.enter_context(
            run_services([(env, tmp / "a.log"), (env, tmp / "b.log")], fake_wechat)
        )
        yield first, second, database_url


def _search(service: Service, q: str) -> dict[str, object]:
    with service.client() as client:
        response = client.get("/api/v1/kb/search", params={"q": q, "region": "gansu"})
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


def _serves(service: Service, entry_id: str) -> bool:
    body = _search(service, NEW_QUESTION)
    hits = body["hits"]
    assert isinstance(hits, list)
    return bool(body["answered"]) and bool(hits) and hits[0]["id"] == entry_id


def test_both_processes_are_ready_on_postgresql(
    two_services: tuple[Service, Service, str],
) -> None:
    for service in two_services[:2]:
        ready = httpx.get(f"{service.url}/readyz", timeout=5, trust_env=False).json()
        assert ready["checks"] == {"redis": "ok", "database": "ok"}


def test_a_conversation_started_on_one_host_continues_on_the_other(
    two_services: tuple[Service, Service, str],
) -> None:
    a, b, _ = two_services
    with a.client() as on_a, b.client() as on_b:
        token = on_a.post("/api/v1/auth/guest").json()["token"]
        me = {"Authorization": f"Bearer {token}"}
        started = on_a.post("/api/v1/sessions", json={"region": "gansu"}, headers=me)
        assert started.status_code == 200, started.text
        session_id = started.json()["session_id"]

        turn = on_b.post(
            f"/api/v1/sessions/{session_id}/messages", json={"text": "两口人"}, headers=me
        )
        assert turn.status_code == 200, turn.text
        assert turn.json()["state"]["region"] == "gansu"

        state_a = on_a.get(f"/api/v1/sessions/{session_id}", headers=me).json()
        state_b = on_b.get(f"/api/v1/sessions/{session_id}", headers=me).json()
    assert state_a == state_b
    assert any(line["text"] == "两口人" for line in state_a["transcript"])


def test_a_published_answer_reaches_both_hosts_without_restart(
    two_services: tuple[Service, Service, str],
) -> None:
    a, b, database_url = two_services
    assert not _serves(a, NEW_ID) and not _serves(b, NEW_ID)

    kb = KnowledgeBase(make_sessions(database_url))
    entry = EntryContent.model_validate(
        {
            "id": NEW_ID,
            "question": NEW_QUESTION,
            "similar": ["发现有人冒领救助金去哪举报"],
            "answer": "可以拨打12345，或向当地民政部门举报。",
            "regions": ["all"],
            "items": [],
            "tags": [],
            "source": {"editor": "ann"},
            "effective_from": dt.date(2025, 1, 1),
        }
    )
    kb.create_draft(entry, "ann")
    kb.submit(NEW_ID, "ann")
    kb.approve(NEW_ID, "bob")

    deadline = time.monotonic() + REFRESH_WAIT_SECONDS
    waiting = {"a": a, "b": b}
    while waiting and time.monotonic() < deadline:
        waiting = {name: s for name, s in waiting.items() if not _serves(s, NEW_ID)}
        if waiting:
            time.sleep(0.3)
    assert not waiting, f"not served after {REFRESH_WAIT_SECONDS}s by: {sorted(waiting)}"

    kb.retire(NEW_ID, "bob")
    deadline = time.monotonic() + REFRESH_WAIT_SECONDS
    while time.monotonic() < deadline and (_serves(a, NEW_ID) or _serves(b, NEW_ID)):
        time.sleep(0.3)
    assert not _serves(a, NEW_ID) and not _serves(b, NEW_ID)
