"""The session's compact encoding in Redis: fields that are None are left out (their default is
None, so they load back as they were), and sessions stored before, with every field written
out, still load the same."""

from __future__ import annotations

import asyncio
import datetime as dt
import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from dialogue.sealed import SessionSealer
from dialogue.state import AnswerRecord, Pending, Session
from dialogue.store import NOT_IN_SESSION, SessionStore, StoreConfig
from guides.household import House, Member, Vehicle
from guides.ids import ItemId, RegionId


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def _admits_none(annotation: Any) -> bool:
    if annotation is None or annotation is type(None) or annotation is Any:
        return True
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _admits_none(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return any(_admits_none(arg) for arg in typing.get_args(annotation))
    return False


def test_every_field_that_may_be_none_defaults_to_none() -> None:
    """What makes leaving None fields out safe: each loads back as None. A new field that may
    be None with another default must not be added without changing the encoding."""
    seen: set[type[BaseModel]] = set()
    todo: list[type[BaseModel]] = [Session]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, field in model.model_fields.items():
            if _admits_none(field.annotation):
                assert field.default_factory is None, f"{model.__name__}.{name}"
                assert field.default is None, f"{model.__name__}.{name}"
            elif field.default is not PydanticUndefined or field.default_factory is not None:
                assert field.default is not None, f"{model.__name__}.{name}"
            todo.extend(_models_in(field.annotation))
    assert {Member, House, Vehicle, Pending, AnswerRecord} <= seen


def a_session() -> Session:
    session = Session.new("encoded-1", "guest:encoding", RegionId.GANSU)
    household = session.household
    household.size = 3
    household.members = [
        Member(relation="self", age=66, id_number="620102195501011234", monthly_income=None),
        Member(relation="spouse", birth_date=dt.date(1958, 3, 1), has_disability=False),
        Member(relation="grandchild", age=9),
    ]
    household.assets.houses = [House(floor_area=60.0)]
    household.monthly_income_total = 900.0
    household.phone = "13912345678"
    household.situations = []
    session.items = [ItemId("dibao")]
    session.unknown = ["assets.deposits"]
    session.history = [
        AnswerRecord(question_id="household_size", keys=["size"], before={"size": None}),
    ]
    session.pending = Pending(question_id="member_age", member=1)
    session.persons = {"parent#母亲": 2}
    session.recent_messages = ["m-1"]
    session.log("citizen", "三口人")
    return session


def test_compact_and_old_full_encodings_load_the_same(redis_url: str) -> None:
    async def scenario() -> None:
        for sealer in (None, SessionSealer(["a-key"])):
            store = SessionStore.from_url(redis_url, StoreConfig(session_ttl_seconds=60))
            store.sealer = sealer
            session = a_session()
            async with store.locked(session.id):
                await store.save(session)
            raw = await store.read_raw(session.id)
            assert raw is not None and b"null" not in raw.replace(b'"size":null', b"")
            compact = await store.load(session.id)
            # stored as before: every field written out, the transcript inside (old layout)
            full = sealer.dump(session) if sealer is not None else session.model_dump_json()
            await store.redis.delete(f"transcript:{session.id}")
            await store.redis.set(f"session:{session.id}", full)
            old = await store.load(session.id)
            assert compact.model_dump() == session.model_dump()
            assert old.model_dump() == session.model_dump()
            assert old.household.members[1].age == compact.household.members[1].age
            await store.delete(session.id)
            await store.close()

    asyncio.run(scenario())


def test_without_the_transcript_nothing_else_is_left_out() -> None:
    session = a_session()
    compact = Session.model_validate_json(
        session.model_dump_json(exclude=NOT_IN_SESSION, exclude_none=True)
    )
    assert compact.model_dump(exclude=NOT_IN_SESSION) == session.model_dump(exclude=NOT_IN_SESSION)
