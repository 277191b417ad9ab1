"""SessionStore.checked_out: lock+load and save+unlock in one round trip each, against a real
redis-server; concurrent turns on one session are applied one after the other, each with its reply kept."""

from __future__ import annotations

import asyncio

import pytest

from dialogue.state import Session
from dialogue.store import Quota, SessionStore, StoreConfig
from guides.errors import RateLimited, SessionConflict, SessionNotFound
from guides.ids import RegionId


async def _new(store: SessionStore) -> Session:
    session = Session.new(store.new_id(), "guest:co", RegionId("gansu"), "web")
    async with store.locked(session.id):
        await store.save(session)
    return session


def test_concurrent_checkouts_lose_nothing(redis_url: str) -> None:
    async def run() -> None:
        store = SessionStore.from_url(redis_url, StoreConfig(session_ttl_seconds=60))
        session = await _new(store)

        async def turn(n: int) -> None:
            async with store.checked_out(session.id, f"msg-{n}") as current:
                await asyncio.sleep(0.001)  # a turn's work, with other turns waiting
                current.session.log("citizen", f"m{n}")
                await current.save((f"msg-{n}", f"reply {n}".encode()))

        await asyncio.gather(*(turn(n) for n in range(20)))
        saved = await store.load(session.id)
        assert sorted(line.text for line in saved.transcript) == sorted(f"m{n}" for n in range(20))
        assert saved.version == 21
        assert session.id in await store.sessions_of("guest:co")
        async with store.checked_out(session.id, "msg-7") as again:  # not saved: only unlocked
            assert again.stored_reply == b"reply 7"
        assert (await store.load(session.id)).version == 21
        await store.close()

    asyncio.run(run())


def test_a_failed_turn_unlocks_without_saving(redis_url: str) -> None:
    async def run() -> None:
        store = SessionStore.from_url(redis_url, StoreConfig(session_ttl_seconds=60))
        session = await _new(store)
        with pytest.raises(RuntimeError):
            async with store.checked_out(session.id) as current:
                current.session.log("citizen", "lost")
                raise RuntimeError("engine failed")
        assert (await store.load(session.id)).transcript == []
        async with store.checked_out(session.id):  # the lock was released: no wait
            pass
        with pytest.raises(SessionNotFound):
            async with store.checked_out("no-such-session"):
                pass
        async with store.locked("no-such-session"):  # and that lock is free again
            pass
        await store.close()

    asyncio.run(run())


def test_a_save_after_the_lock_passed_to_another_turn_writes_nothing(redis_url: str) -> None:
    async def run() -> None:
        store = SessionStore.from_url(redis_url, StoreConfig(session_ttl_seconds=60))
        session = await _new(store)
        async with store.checked_out(session.id, "late") as slow:
            # the slow turn's lock expired and another turn took it
            await store.redis.set(f"session:{session.id}:lock", "another-turn")
            slow.session.log("citizen", "late answer")
            with pytest.raises(SessionConflict):
                await slow.save(("late", b"reply"))
        saved = await store.load(session.id)
        assert [line.text for line in saved.transcript] == []
        assert await store.redis.get(f"session:{session.id}:lock") == b"another-turn"
        await store.close()

    asyncio.run(run())


def test_a_quota_is_counted_once_with_the_take_and_refuses_over_its_limit(redis_url: str) -> None:
    async def run() -> None:
        store = SessionStore.from_url(redis_url, StoreConfig(session_ttl_seconds=60))
        session = await _new(store)
        counters = [f"rl:test-ip:{session.id}", f"rl:test-acct:{session.id}"]
        for n in range(3):
            quota = Quota(counters, [5, 3], 120)
            async with store.checked_out(session.id, quota=quota) as current:
                current.session.log("citizen", f"m{n}")
                await current.save()
            assert quota.counts == [] and not quota.over
        assert [int(await store.redis.get(k)) for k in counters] == [3, 3]
        assert 60 < await store.redis.ttl(counters[0]) <= 120
        # Waiting for the lock polls the take again: the quota is counted by the first try only.
        await store.redis.set(f"session:{session.id}:lock", "another-turn", px=50)
        async with store.checked_out(session.id, quota=Quota(counters, [5, 4], 120)):
            pass
        assert [int(await store.redis.get(k)) for k in counters] == [4, 4]
        refused = Quota(counters, [5, 4], 120)
        with pytest.raises(RateLimited):
            async with store.checked_out(session.id, quota=refused):
                pytest.fail("over the limit: nothing is taken")
        assert refused.counts == [5, 5] and refused.over
        assert await store.redis.get(f"session:{session.id}:lock") is None  # nothing taken
        assert len((await store.load(session.id)).transcript) == 3
        await store.close()

    asyncio.run(run())


def test_the_transcript_is_a_list_of_its_own_appended_by_each_save(redis_url: str) -> None:
    async def run() -> None:
        store = SessionStore.from_url(redis_url, StoreConfig(session_ttl_seconds=60))
        session = await _new(store)
        for n in range(3):
            async with store.checked_out(session.id) as current:
                assert current.session.transcript == []  # a turn does not read the lines
                current.session.log("citizen", f"m{n}")
                current.session.log("assistant", f"r{n}")
                await current.save()
        raw = await store.read_raw(session.id)
        # not rewritten inside every save ("m0" alone may be part of the random session id)
        assert raw is not None and b'"m0"' not in raw and b'"r2"' not in raw
        listed = await store.redis.lrange(f"transcript:{session.id}", 0, -1)
        assert len(listed) == 6 and 50 < await store.redis.ttl(f"transcript:{session.id}") <= 60
        loaded = await store.load(session.id)
        assert [(ln.seq, ln.text) for ln in loaded.transcript] == [
            (1, "m0"), (2, "r0"), (3, "m1"), (4, "r1"), (5, "m2"), (6, "r2"),
        ]  # fmt: skip
        async with store.locked(session.id):  # the other writers: load, log, save
            loaded.log("agent", "a7")
            await store.save(loaded)
        assert [ln.text for ln in (await store.load(session.id)).transcript][-2:] == ["r2", "a7"]
        await store.delete(session.id)
        assert not await store.redis.exists(f"transcript:{session.id}")
        await store.close()

    asyncio.run(run())


def test_a_session_stored_with_its_transcript_inside_is_moved_to_the_list(
    redis_url: str,
) -> None:
    async def run() -> None:
        store = SessionStore.from_url(redis_url, StoreConfig(session_ttl_seconds=60))
        session = Session.new(store.new_id(), "guest:old", RegionId("gansu"), "web")
        session.log("citizen", "old line")
        session.log("assistant", "old reply")
        await store.redis.set(f"session:{session.id}", session.model_dump_json(), ex=60)
        assert [ln.text for ln in (await store.load(session.id)).transcript] == [
            "old line", "old reply",
        ]  # fmt: skip
        async with store.checked_out(session.id) as current:
            current.session.log("citizen", "new line")
            await current.save()
        raw = await store.read_raw(session.id)
        assert raw is not None and b"old line" not in raw
        loaded = await store.load(session.id)
        assert [(ln.seq, ln.text) for ln in loaded.transcript] == [
            (1, "old line"), (2, "old reply"), (3, "new line"),
        ]  # fmt: skip
        await store.close()

    asyncio.run(run())


def test_a_save_applied_twice_adds_its_transcript_lines_once(redis_url: str) -> None:
    """Redis applied the save but its answer was lost, and the client library sent it again."""

    async def run() -> None:
        store = SessionStore.from_url(redis_url, StoreConfig(session_ttl_seconds=60))
        session = await _new(store)
        async with store.checked_out(session.id) as current:
            current.session.log("citizen", "once")
            current.session.log("assistant", "reply once")
            await current.save()
            current.session.mark_stored(0)  # as if the save's answer never came back
            await current.save()
        async with store.locked(session.id):
            loaded = await store.load(session.id)
            loaded.log("agent", "agent once")
            await store.save(loaded)
            loaded.mark_stored(0)
            await store.save(loaded)
        texts = [ln.text for ln in (await store.load(session.id)).transcript]
        assert texts == ["once", "reply once", "agent once"]
        await store.close()

    asyncio.run(run())


def test_a_stored_session_that_does_not_load_is_gone_not_a_server_error(redis_url: str) -> None:
    """A session stored with two applicants (a fault, since refused by set_fact) failed to
    load on every later message: now it is treated as gone (the citizen starts again), and
    its lock is released."""

    async def run() -> None:
        store = SessionStore.from_url(redis_url, StoreConfig(session_ttl_seconds=60))
        session = await _new(store)
        raw = session.model_dump_json().replace(
            '"members":[]', '"members":[{"relation":"self"},{"relation":"self"}]'
        )
        assert raw != session.model_dump_json()
        await store.redis.set(f"session:{session.id}", raw)
        with pytest.raises(SessionNotFound):
            async with store.checked_out(session.id):
                pass
        async with store.locked(session.id):  # released: no wait
            pass
        await store.close()

    asyncio.run(run())
