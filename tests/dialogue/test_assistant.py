"""Sessions in Redis: ownership, the hand-off queue, TTL, per-session lock, schema version."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable

import pytest

from bot.assistant import Actor, Assistant
from dialogue.state import SCHEMA_VERSION
from guides.errors import SessionForbidden, SessionNotFound, UnknownRegionError


def test_only_owner_and_authorised_agents_reach_a_session(
    make_assistant: Callable[[], Assistant],
) -> None:
    async def main() -> None:
        assistant = make_assistant()
        session_id, _ = await assistant.start("gansu", "wechat", "wx:alice")
        with pytest.raises(SessionForbidden):
            await assistant.handle(session_id, "wx:mallory", text="三口人")
        with pytest.raises(SessionForbidden):
            await assistant.get(session_id, Actor("agent:bob", is_agent=True))
        await assistant.handle(session_id, "wx:alice", text="转人工")
        assert session_id in await assistant.handoff_queue(Actor("agent:bob", is_agent=True))
        with pytest.raises(SessionForbidden):
            await assistant.handoff_queue("wx:alice")
        taken = await assistant.handle(session_id, Actor("agent:bob", is_agent=True), text="三口人")
        assert taken.state.household.size == 3
        assert "agent:bob" in taken.state.agents
        await assistant.release_handoff(session_id, Actor("agent:bob", is_agent=True))
        assert session_id not in await assistant.handoff_queue(Actor("agent:bob", is_agent=True))
        # the agent who worked on it keeps access; other citizens still do not
        await assistant.get(session_id, Actor("agent:bob", is_agent=True))
        assert session_id in await assistant.sessions_of("wx:alice")

    asyncio.run(main())


def test_session_is_versioned_json_with_a_ttl(make_assistant: Callable[[], Assistant]) -> None:
    async def main() -> None:
        assistant = make_assistant()
        session_id, _ = await assistant.start("ningxia", "h5", "wx:carol")
        raw = await assistant.store.redis.get(f"session:{session_id}")
        assert json.loads(raw)["schema_version"] == SCHEMA_VERSION
        ttl = await assistant.store.redis.ttl(f"session:{session_id}")
        assert 0 < ttl <= assistant.store.config.session_ttl_seconds
        assert session_id in await assistant.store.all_session_ids()
        await assistant.store.delete(session_id)
        with pytest.raises(SessionNotFound):
            await assistant.get(session_id, "wx:carol")

    asyncio.run(main())


def test_unknown_region_is_refused(make_assistant: Callable[[], Assistant]) -> None:
    async def main() -> None:
        with pytest.raises(UnknownRegionError):
            await make_assistant().start("beijing", "h5", "wx:dave")

    asyncio.run(main())


def test_many_concurrent_messages_lose_no_answer(make_assistant: Callable[[], Assistant]) -> None:
    """Ten corrections at once: each applied under the lock, every one recorded."""

    async def main() -> None:
        assistant = make_assistant()
        session_id, _ = await assistant.start("gansu", "h5", "wx:erin")
        await assistant.handle(session_id, "wx:erin", text="三口人")
        texts = [f"刚才说错了，我家是{n}口人" for n in (2, 3, 4, 5, 6) * 2]
        await asyncio.gather(*(assistant.handle(session_id, "wx:erin", text=t) for t in texts))
        session = await assistant.get(session_id, "wx:erin")
        sizes = [r for r in session.history if r.question_id == "household_size"]
        assert len(sizes) == 1 + len(texts)
        assert session.version == 2 + len(texts)

    asyncio.run(main())


def test_personal_numbers_never_reach_the_stored_session(
    make_assistant: Callable[[], Assistant],
) -> None:
    """D15: ID, phone and bank numbers, however typed, are masked in the transcript in Redis."""

    async def main() -> None:
        assistant = make_assistant()
        opening = "我身份证 110105 19491231 002X，电话138 1234 5678"
        session_id, _ = await assistant.start("gansu", "h5", "wx:pii", opening)
        await assistant.handle(
            session_id,
            "wx:pii",
            text="卡号 6222 0212 3456 7890 123，我家3口人",
            message_id="pii-0001",
        )
        redis = assistant.store.redis
        replies = await redis.hgetall(f"replies:{session_id}")
        stored = b"".join([await redis.get(f"session:{session_id}"), *replies.values()]).decode()
        for digits in ("19491231", "1234 5678", "5678", "0212", "7890"):
            assert digits not in stored
        session = await assistant.get(session_id, "wx:pii")
        said = [line.text for line in session.transcript if line.speaker == "citizen"]
        assert said == ["我身份证 [身份证号]，电话[电话]", "卡号 [银行卡号]，我家3口人"]
        assert session.household.size == 3

    asyncio.run(main())
