"""Personal numbers a session keeps for the form are sealed in Redis, open with any configured
key (rotation loses no session), and never with a wrong one."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
import redis.asyncio as aioredis

from dialogue.sealed import SessionSealer
from dialogue.state import Session
from dialogue.store import SessionStore, StoreConfig
from guides.household import Member
from guides.ids import RegionId

ID_NUMBER = "620102195501011234"
PHONE = "13912345678"
ACCOUNT = "6222021234567890123"


def a_session(session_id: str) -> Session:
    session = Session.new(session_id, "guest:sealed", RegionId.GANSU)
    session.household.members = [Member(relation="self", id_number=ID_NUMBER)]
    session.household.phone = PHONE
    session.household.bank_account = ACCOUNT
    session.callback_phone = PHONE
    return session


def test_sealed_in_redis_open_after_rotation_refused_with_a_wrong_key(redis_url: str) -> None:
    async def scenario() -> None:
        client = aioredis.Redis.from_url(redis_url)
        config = StoreConfig(session_ttl_seconds=600)
        old = SessionStore(client, config, SessionSealer(["old-key"]))
        session = a_session("sealed-1")
        async with old.locked(session.id):
            await old.save(session)
        raw = (await client.get("session:sealed-1")).decode()
        for number in (ID_NUMBER, PHONE, ACCOUNT):
            assert number not in raw
        assert '"region":"gansu"' in raw  # the rest stays readable JSON

        rotated = SessionStore(client, config, SessionSealer(["new-key", "old-key"]))
        loaded = await rotated.load("sealed-1")
        assert loaded.household.members[0].id_number == ID_NUMBER
        assert loaded.household.phone == PHONE and loaded.callback_phone == PHONE
        async with rotated.locked(loaded.id):
            await rotated.save(loaded)  # sealed again, with the new key
        only_new = SessionStore(client, config, SessionSealer(["new-key"]))
        assert (await only_new.load("sealed-1")).household.bank_account == ACCOUNT
        with pytest.raises(ValueError):
            await SessionStore(client, config, SessionSealer(["wrong"])).load("sealed-1")
        await client.aclose()

    asyncio.run(scenario())


def test_sessions_saved_before_sealing_still_open(redis_url: str) -> None:
    async def scenario() -> None:
        client = aioredis.Redis.from_url(redis_url)
        config = StoreConfig(session_ttl_seconds=600)
        plain = SessionStore(client, config)
        async with plain.locked("sealed-2"):
            await plain.save(a_session("sealed-2"))
        sealed = SessionStore(client, config, SessionSealer(["k"]))
        assert (await sealed.load("sealed-2")).household.phone == PHONE
        await client.aclose()

    asyncio.run(scenario())


def test_sealing_changes_only_the_personal_numbers_and_not_the_session_in_memory() -> None:
    sealer = SessionSealer(["k"])
    session = a_session("sealed-3")
    session.household.members.append(Member(relation="spouse"))
    session.log("citizen", "我家3口人")
    plain = session.model_dump(mode="json")
    stored = json.loads(sealer.dump(session))
    assert session.model_dump(mode="json") == plain  # the turn goes on with the real numbers
    sealed_paths = [("callback_phone",), ("household", "phone"), ("household", "bank_account"),
                    ("household", "members", 0, "id_number")]  # fmt: skip
    for path in sealed_paths:
        stored_value, plain_value = _at(stored, path), _at(plain, path)
        assert stored_value.startswith("sealed:") and plain_value not in stored_value
        assert sealer.open(stored_value) == plain_value
        _put(stored, path, plain_value)
    assert stored == plain  # nothing else changed
    assert sealer.load(sealer.dump(session)) == session


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def _put(data: Any, path: tuple[str | int, ...], value: Any) -> None:
    _at(data, path[:-1])[path[-1]] = value
