"""The long-lived heap (index, guides, classifier) is frozen out of the collector's full
collections, and a rebuild releases the old one: full collections under load walk only what
the turns leave behind."""

from __future__ import annotations

import asyncio
import gc
import threading
import weakref
from collections.abc import Iterator

import pytest

from api import heap
from bot.kb.notify import CHANNEL as KB_CHANNEL
from tests.api.test_keep_fresh import KeepFresh, run_keep_fresh


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
        self.threads: list[int] = []  # one per refresh (the parameters' count wake-ups)

    def refresh(self, *, force: bool = False) -> bool:
        self.threads.append(threading.get_ident())
        if force:
            self.index = [Node() for _ in range(200)]
        return force


def test_keep_fresh_freezes_a_rebuilt_index(
    monkeypatch: pytest.MonkeyPatch, redis_url: str
) -> None:
    kb, params = Rebuilds(), Rebuilds()
    # the wake-up the notice causes has rebuilt the KB, settled the heap, checked the parameters
    asyncio.run(
        run_keep_fresh(KeepFresh(monkeypatch, kb, params), redis_url, KB_CHANNEL, 0.5, wakeups=1)
    )
    assert len(kb.index) == 200
    assert not _in_collected_generations(kb.index)
