"""D2: a message is applied once, to the question it answers, even when Redis fails mid-turn.

Redis is reached through a proxy that cuts connections on chosen commands (tests/faults.py).
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Iterator

import pytest
from redis.asyncio.lock import Lock
from redis.exceptions import ConnectionError as RedisConnectionError

from bot.assistant import Assistant
from dialogue import prompts
from dialogue.engine import IntentParser, PolicyAnswerer
from dialogue.replies import reply_text
from dialogue.store import RELEASE, SAVE_AND_RELEASE, SessionStore, StoreConfig
from tests.conftest import RedisServer
from tests.faults import FaultProxy

OWNER = "wx:retry"


@pytest.fixture
def proxy(redis_server: RedisServer) -> Iterator[FaultProxy]:
    running = FaultProxy(redis_server.port).start()
    yield running
    running.stop()


@pytest.fixture
def assistant(
    proxy: FaultProxy, nlu_backend: IntentParser, policy_answerer: PolicyAnswerer
) -> Assistant:
    config = StoreConfig(session_ttl_seconds=3600, lock_timeout_seconds=0.5, lock_wait_seconds=5)
    return Assistant(SessionStore.from_url(proxy.url, config), nlu_backend, policy_answerer)


def script_sha(script: str) -> bytes:
    """What EVALSHA sends for `script`: the marker that cuts that one script's calls."""
    return hashlib.sha1(script.encode()).hexdigest().encode()


def sizes(session: object) -> int:
    return sum(r.question_id == "household_size" for r in session.history)  # type: ignore[attr-defined]


def test_a_failed_lock_release_does_not_fail_a_saved_turn(
    assistant: Assistant, proxy: FaultProxy
) -> None:
    async def main() -> None:
        # the lock release (redis-py's script) never reaches Redis
        with proxy.cut(script_sha(Lock.LUA_RELEASE_SCRIPT)):
            session_id, _ = await assistant.start("gansu", "h5", OWNER)
        assert proxy.cuts >= 1
        # the lock expires by itself: the next message goes through
        result = await assistant.handle(
            session_id, OWNER, text="3口人", message_id="msg-0001", question_id="household_size"
        )
        assert result.state.household.size == 3 and not result.repeated
        # A repeated message saves nothing and only unlocks: that failing does not fail it.
        cuts = proxy.cuts
        with proxy.cut(script_sha(RELEASE)):
            again = await assistant.handle(session_id, OWNER, text="3口人", message_id="msg-0001")
        assert proxy.cuts > cuts
        assert again.repeated and again.replies == result.replies
        session = await assistant.get(session_id, OWNER)
        assert session.household.size == 3 and sizes(session) == 1

    asyncio.run(main())


def test_a_retry_after_a_lost_reply_is_not_applied_to_the_next_question(
    assistant: Assistant, proxy: FaultProxy
) -> None:
    async def main() -> None:
        session_id, _ = await assistant.start("gansu", "h5", OWNER)
        first = await assistant.get(session_id, OWNER)
        assert first.question_ref == "household_size"
        # Redis applies the save, but its answer never comes back: the turn fails.
        with (
            proxy.cut(script_sha(SAVE_AND_RELEASE), after=True),
            pytest.raises(RedisConnectionError),
        ):
            await assistant.handle(
                session_id, OWNER, text="3口人", message_id="msg-0002", question_id="household_size"
            )
        saved = await assistant.get(session_id, OWNER)
        assert saved.household.size == 3 and saved.question_ref != "household_size"
        version = saved.version
        # The citizen retries as told: the same message id gets the first reply back.
        retry = await assistant.handle(
            session_id, OWNER, text="3口人", message_id="msg-0002", question_id="household_size"
        )
        assert retry.repeated
        assert saved.pending is not None
        asked = [getattr(r, "question_id", None) for r in retry.replies]
        assert saved.pending.question_id in asked  # the replies the citizen missed
        after = await assistant.get(session_id, OWNER)
        assert after.version == version and sizes(after) == 1
        # A client without the stored id (a new message id) but naming the old question: the
        # answer is not applied to the current question, which is asked again, kindly.
        stale = await assistant.handle(
            session_id, OWNER, text="农村", message_id="msg-0003", question_id="household_size"
        )
        assert not stale.repeated
        assert reply_text(stale.replies[0]) == prompts.STALE_ANSWER
        assert stale.state.question_ref == saved.question_ref
        assert stale.state.history == saved.history
        assert stale.state.household == saved.household
        # the same answer for the current question is applied
        now = await assistant.handle(
            session_id, OWNER, text="农村", message_id="msg-0004", question_id=saved.question_ref
        )
        assert len(now.state.history) == len(saved.history) + 1

    asyncio.run(main())


def test_remembered_message_ids_are_bounded_and_expire_with_the_session(
    assistant: Assistant,
) -> None:
    async def main() -> None:
        session_id, _ = await assistant.start("gansu", "h5", OWNER)
        for n in range(25):
            await assistant.handle(session_id, OWNER, text="不知道", message_id=f"bulk-{n:04d}")
        session = await assistant.get(session_id, OWNER)
        assert session.recent_messages == [f"bulk-{n:04d}" for n in range(5, 25)]
        key = f"replies:{session_id}"
        redis = assistant.store.redis
        assert await redis.hlen(key) == 20
        assert 0 < await redis.ttl(key) <= 3600
        await assistant.store.delete(session_id)
        assert not await redis.exists(key)

    asyncio.run(main())
