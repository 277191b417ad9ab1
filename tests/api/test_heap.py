"""The long-lived heap (index, guides, classifier) is frozen out of the collector's full
collections, and a rebuild releases the old one: full collections under load walk only what
the turns leave behind."""

from __future__ import annotations

import asyncio
import gc
import weakref
from collections.abc import Iterator

import pytest
from redis.asyncio import Redis

from api import heap
from api.wiring import keep_fresh
from bot.kb.notify import CHANNEL as KB_CHANNEL


@pytest.fixture(autouse=True)
def unfrozen() -> Iterator[None]:
    yield
    gc.unfreeze()


class Node:
    """A cyclic structure, like an index's entries pointing at each other."""

    def __init__(self) -> None:
        self.me = self


def _in_collected_generations(thing: object) -> bool:
    return any(o is thing for o in gc.get_objects())


def test_settle_freezes_what_is_built() -> None:
    index = [Node() for _ in range(500)]
    heap.settle()
    assert gc.get_freeze_count() >= len(index)
    assert not _in_collected_generations(index)


def test_a_dropped_frozen_index_is_still_collected_at_the_next_settle() -> None:
    index = Node()
    alive = weakref.ref(index)
    heap.settle()
    del index  # replaced by a rebuild; kept alive only by its own cycle
    heap.settle()
    assert alive() is None


class Rebuilds:
    """Stands in for the KB service: builds a new index when told to."""

    refresh_seconds = 30.0

    def __init__(self) -> None:
        self.index: list[Node] = []

    def refresh(self, *, force: bool = False) -> bool:
        if force:
            self.index = [Node() for _ in range(200)]
        return force


def test_keep_fresh_freezes_a_rebuilt_index(redis_url: str) -> None:
    async def run() -> Rebuilds:
        kb, params = Rebuilds(), Rebuilds()
        client = Redis.from_url(redis_url)
        task = asyncio.create_task(keep_fresh(kb, params, client))  # type: ignore[arg-type]
        await asyncio.sleep(0.3)  # subscribed
        await client.publish(KB_CHANNEL, "8")
        await asyncio.sleep(0.5)
        task.cancel()
        await client.aclose()
        return kb

    kb = asyncio.run(run())
    assert len(kb.index) == 200
    assert not _in_collected_generations(kb.index)
