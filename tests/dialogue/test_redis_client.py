"""REDIS_URL: single-server and Sentinel URLs, and the session store over a real sentinel."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

import pytest

from dialogue.redis_client import (
    RedisUrlError,
    async_client,
    is_sentinel_url,
    parse_sentinel_url,
)
from dialogue.state import Session
from dialogue.store import SessionStore, StoreConfig
from guides.ids import RegionId
from tests.conftest import RedisServer
from tests.redis_sentinel import SentinelSet


def test_sentinel_url_names_sentinels_service_and_db() -> None:
    target = parse_sentinel_url(
        "redis+sentinel://:s%40cret@10.0.0.1:26379,10.0.0.2:26380/mymaster/2"
        "?sentinel_password=sp&socket_timeout=0.5"
    )
    assert target.sentinels == (("10.0.0.1", 26379), ("10.0.0.2", 26380))
    assert (target.service_name, target.db) == ("mymaster", 2)
    assert (target.password, target.sentinel_password) == ("s@cret", "sp")
    assert target.socket_timeout == 0.5
    assert parse_sentinel_url("redis+sentinel://h1/m").sentinels == (("h1", 26379),)
    assert is_sentinel_url("redis+sentinel://h:1/m") and not is_sentinel_url("redis://h:6379/0")


@pytest.mark.parametrize(
    "url",
    ["redis+sentinel:///mymaster", "redis+sentinel://h:1/", "redis+sentinel://h:x/m",
     "redis+sentinel://h:1/m/zero", "redis://h:1/0"],
)  # fmt: skip
def test_bad_sentinel_urls_are_refused(url: str) -> None:
    with pytest.raises(RedisUrlError):
        parse_sentinel_url(url)


@pytest.mark.slow
def test_session_store_follows_the_new_master() -> None:
    with tempfile.TemporaryDirectory(prefix="sentinel-store-") as tmp:
        sentinels = SentinelSet(Path(tmp)).start()
        try:
            asyncio.run(_store_across_failover(sentinels))
        finally:
            sentinels.stop()


async def _store_across_failover(sentinels: SentinelSet) -> None:
    store = SessionStore.from_url(sentinels.url, StoreConfig(session_ttl_seconds=600))
    session = Session.new(store.new_id(), "guest:t", RegionId("shanxi"), "web")
    async with store.locked(session.id):
        await store.save(session)
    assert sentinels.replicated() == 1
    sentinels.master.kill()
    async with store.locked(session.id):  # waits out the election, then writes to the new master
        loaded = await store.load(session.id)
        await store.save(loaded)
    assert sentinels.master_port() == sentinels.replica.port
    assert (await store.load(session.id)).version == 2
    await store.close()


def test_pooled_connections_survive_a_redis_restart(tmp_path: Path) -> None:
    """D3: every connection the pool opened before a restart is stale; the next command on
    each is retried on a fresh connection instead of failing (5 of 5 failed before)."""

    async def main(server: RedisServer) -> list[object]:
        client = async_client(server.url)
        # five commands at once hold five pooled connections open
        await asyncio.gather(*(client.blpop(["d3:none"], timeout=0.2) for _ in range(5)))
        server.restart()
        pings = await asyncio.gather(*(client.ping() for _ in range(5)), return_exceptions=True)
        await client.aclose()
        return pings

    server = RedisServer(tmp_path)
    server.start()
    try:
        assert asyncio.run(main(server)) == [True] * 5
    finally:
        server.stop()
