"""Sessions in Redis: ownership, the hand-off queue, TTL, per-session lock, schema version."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable

import pytest
import redis.asyncio as aioredis

from bot.assistant import Actor, Assistant
from bot.live import LiveDesk
from bot.office_hours import OfficeHours
from dialogue.engine import IntentParser
from dialogue.state import SCHEMA_VERSION
from dialogue.store import SessionStore, StoreConfig
from guides.errors import SessionForbidden, SessionNotFound, UnknownRegionError


def test_only_the_owner_and_the_handling_agent_reach_a_session(
    redis_url: str, nlu_backend: IntentParser
) -> None:
    """An agent reaches a citizen's session only between claiming it and handing it back; a
    waiting session shows other agents the queue entry only."""

    async def main() -> None:
        client = aioredis.Redis.from_url(redis_url)
        store = SessionStore(client, StoreConfig(session_ttl_seconds=600))
        always = OfficeHours.parse("00:00-24:00", workdays_only=False)
        assistant = Assistant(store, nlu_backend, live=LiveDesk(client, always))
        bob, eve = Actor("agent:bob", is_agent=True), Actor("agent:eve", is_agent=True)
        session_id, _ = await assistant.start("gansu", "wechat", "wx:alice")
        with pytest.raises(SessionForbidden):
            await assistant.handle(session_id, "wx:mallory", text="三口人")
        with pytest.raises(SessionForbidden):
            await assistant.get(session_id, bob)
        await assistant.handle(session_id, "wx:alice", text="转人工")
        assert session_id in await assistant.handoff_queue(bob)
        with pytest.raises(SessionForbidden):
            await assistant.handoff_queue("wx:alice")
        for agent in (bob, eve):  # waiting in the queue: nobody's yet
            with pytest.raises(SessionForbidden):
                await assistant.get(session_id, agent)
            with pytest.raises(SessionForbidden):
                await assistant.handle(session_id, agent, text="三口人")
        await assistant.claim(session_id, bob)
        taken = await assistant.handle(session_id, bob, text="三口人")
        assert "agent:bob" in taken.state.agents
        with pytest.raises(SessionForbidden):  # claimed by bob: not eve's
            await assistant.get(session_id, eve)
        await assistant.release_handoff(session_id, bob)
        assert session_id not in await assistant.handoff_queue(bob)
        with pytest.raises(SessionForbidden):  # handed back: no longer bob's either
            await assistant.get(session_id, bob)
        assert session_id in await assistant.sessions_of("wx:alice")
        # 帮办代办: the session an agent starts for a caller is theirs, and only theirs
        helped, _ = await assistant.start("gansu", "agent", eve)
        await assistant.get(helped, eve)
        with pytest.raises(SessionForbidden):
            await assistant.get(helped, bob)
        await client.aclose()

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
        # the timestamps (created_at 1796567889.08…) may hold any four digits by chance
        stored = re.sub(r'"\w+_at":\s*[\d.]+', "", stored)
        for digits in ("19491231", "1234 5678", "5678", "0212", "7890"):
            assert digits not in stored
        session = await assistant.get(session_id, "wx:pii")
        said = [line.text for line in session.transcript if line.speaker == "citizen"]
        assert said == ["我身份证 [身份证号]，电话[电话]", "卡号 [银行卡号]，我家3口人"]
        assert session.household.size == 3

    asyncio.run(main())
