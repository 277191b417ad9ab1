"""The worker's refresh task waits on the loop for a change notice or the periodic check, and
goes to a thread only then (no thread hop per tick under load)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from redis.asyncio import Redis

from api import wiring
from bot.kb.notify import CHANNEL as KB_CHANNEL
from bot.params.service import CHANNEL as PARAMS_CHANNEL

WITHIN_SECONDS = 10.0  # what a loaded machine may take to subscribe or to run a wake-up


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


async def until(done: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WITHIN_SECONDS
    while not done():
        assert time.monotonic() < deadline, f"{what}: not within {WITHIN_SECONDS} s"
        await asyncio.sleep(0.01)


class KeepFresh:
    """keep_fresh(kb, params) running as in a worker, watched from the test. It has started once
    it is subscribed to both change channels and waits for a notice; it is stopped only while
    it waits (between wake-ups), never between the two refreshes of one wake-up: a loaded
    machine stretches a wake-up, and a stop there would leave one service unchecked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, kb: Any, params: Any) -> None:
        self.kb, self.params = kb, params
        self.waiting = False
        next_notice = wiring._next_notice

        async def watched(*args: Any) -> str | None:
            self.waiting = True
            try:
                return await next_notice(*args)
            finally:
                self.waiting = False

        monkeypatch.setattr(wiring, "_next_notice", watched)

    async def start(self, client: Redis) -> None:
        async def subscribers() -> list[int]:
            return [int(n) for _, n in await client.pubsub_numsub(KB_CHANNEL, PARAMS_CHANNEL)]

        before = await subscribers()  # other processes on this Redis may listen too
        self.task = asyncio.create_task(wiring.keep_fresh(self.kb, self.params, client))
        deadline = time.monotonic() + WITHIN_SECONDS
        while True:
            now = await subscribers()
            if self.waiting and all(n > b for n, b in zip(now, before, strict=True)):
                return
            assert time.monotonic() < deadline and not self.task.done(), (
                f"not subscribed within {WITHIN_SECONDS} s: {before} -> {now}, {self.task}"
            )
            await asyncio.sleep(0.01)

    async def stop(self) -> None:
        await until(lambda: self.waiting, "back to waiting for a notice")
        self.task.cancel()
        await asyncio.gather(self.task, return_exceptions=True)


async def run_keep_fresh(
    keeping: KeepFresh, redis_url: str, publish_to: str | None, wait: float, wakeups: int
) -> None:
    """Runs keep_fresh for at least `wait` seconds after the notice (if any), and until the
    parameters (refreshed second) were refreshed `wakeups` times."""
    client = Redis.from_url(redis_url)
    await keeping.start(client)
    if publish_to is not None:
        await client.publish(publish_to, "7")
    began = time.monotonic()
    await until(lambda: len(keeping.params.threads) >= wakeups, f"{wakeups} wake-ups")
    await asyncio.sleep(max(0.0, wait - (time.monotonic() - began)))
    await keeping.stop()
    await client.aclose()


def _refreshes(
    monkeypatch: pytest.MonkeyPatch,
    redis_url: str,
    publish_to: str | None,
    every: float,
    wait: float,
    wakeups: int,
) -> Refreshes:
    kb, params = Refreshes(every), Refreshes(every)
    asyncio.run(
        run_keep_fresh(KeepFresh(monkeypatch, kb, params), redis_url, publish_to, wait, wakeups)
    )
    assert len(kb.threads) == len(params.threads)  # both checked on every wake-up
    assert threading.get_ident() not in kb.threads  # never on the event loop
    # the service the notice was about rebuilds (its own subscription may not have it yet)
    assert (kb.forced, params.forced) == (
        (publish_to == KB_CHANNEL) * 1,
        (publish_to == PARAMS_CHANNEL) * 1,
    )
    return kb


def test_nothing_runs_between_checks(monkeypatch: pytest.MonkeyPatch, redis_url: str) -> None:
    kb = _refreshes(monkeypatch, redis_url, None, every=30, wait=1.0, wakeups=0)
    assert kb.threads == []


def test_a_change_notice_refreshes_at_once(monkeypatch: pytest.MonkeyPatch, redis_url: str) -> None:
    for channel in (KB_CHANNEL, PARAMS_CHANNEL):
        kb = _refreshes(monkeypatch, redis_url, channel, every=30, wait=0.5, wakeups=1)
        assert len(kb.threads) == 1


def test_the_periodic_check_runs_without_notices(
    monkeypatch: pytest.MonkeyPatch, redis_url: str
) -> None:
    kb = _refreshes(monkeypatch, redis_url, None, every=0.4, wait=1.0, wakeups=2)
    assert len(kb.threads) >= 2
