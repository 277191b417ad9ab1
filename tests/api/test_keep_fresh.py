"""The worker's refresh task waits on the loop for a change notice or the periodic check, and
goes to a thread only then (no thread hop per tick under load)."""

from __future__ import annotations

import asyncio
import threading

from redis.asyncio import Redis

from api.wiring import keep_fresh
from bot.kb.notify import CHANNEL as KB_CHANNEL
from bot.params.service import CHANNEL as PARAMS_CHANNEL


class Refreshes:
    """Stands in for the KB or parameter service: counts its refreshes and where they ran."""

    def __init__(self, refresh_seconds: float) -> None:
        self.refresh_seconds = refresh_seconds
        self.threads: list[int] = []
        self.forced = 0

    def refresh(self, *, force: bool = False) -> bool:
        self.threads.append(threading.get_ident())
        self.forced += force
        return force


async def _run(redis_url: str, publish_to: str | None, every: float, wait: float) -> Refreshes:
    kb, params = Refreshes(every), Refreshes(every)
    client = Redis.from_url(redis_url)
    task = asyncio.create_task(keep_fresh(kb, params, client))  # type: ignore[arg-type]
    await asyncio.sleep(0.3)  # subscribed
    if publish_to is not None:
        await client.publish(publish_to, "7")
    await asyncio.sleep(wait)
    task.cancel()
    await client.aclose()
    assert len(kb.threads) == len(params.threads)  # both checked on every wake-up
    assert threading.get_ident() not in kb.threads  # never on the event loop
    # the service the notice was about rebuilds (its own subscription may not have it yet)
    assert (kb.forced, params.forced) == (
        (publish_to == KB_CHANNEL) * 1,
        (publish_to == PARAMS_CHANNEL) * 1,
    )
    return kb


def test_nothing_runs_between_checks(redis_url: str) -> None:
    assert asyncio.run(_run(redis_url, None, every=30, wait=1.0)).threads == []


def test_a_change_notice_refreshes_at_once(redis_url: str) -> None:
    for channel in (KB_CHANNEL, PARAMS_CHANNEL):
        assert len(asyncio.run(_run(redis_url, channel, every=30, wait=0.5)).threads) == 1


def test_the_periodic_check_runs_without_notices(redis_url: str) -> None:
    assert len(asyncio.run(_run(redis_url, None, every=0.4, wait=1.0)).threads) >= 2
