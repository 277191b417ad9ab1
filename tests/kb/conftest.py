"""KB store fixtures: every KB test runs on a SQLite file, on the throwaway PostgreSQL cluster
(tests/conftest.py `postgres_url`), and on TEST_DATABASE_URL when it is set."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.kb.db import make_engine, make_sessions
from bot.kb.models import Base
from bot.kb.schema import EntryContent
from bot.kb.workflow import KnowledgeBase

BACKENDS = ["sqlite", "postgresql"] + (["external"] if os.environ.get("TEST_DATABASE_URL") else [])


@pytest.fixture(params=BACKENDS)
def kb_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'kb.sqlite3'}"
        return
    if request.param == "postgresql":
        url = str(request.getfixturevalue("postgres_url"))
    else:
        url = os.environ["TEST_DATABASE_URL"]
    engine = make_engine(url)
    Base.metadata.drop_all(engine)
    engine.dispose()
    yield url
    engine = make_engine(url)
    Base.metadata.drop_all(engine)
    engine.dispose()


@pytest.fixture
def sessions(kb_url: str) -> sessionmaker[Session]:
    return make_sessions(kb_url)


@pytest.fixture
def kb(sessions: sessionmaker[Session]) -> KnowledgeBase:
    return KnowledgeBase(sessions)


def make_entry(entry_id: str = "test-dibao-materials", **changes: object) -> EntryContent:
    data: dict[str, object] = {
        "id": entry_id,
        "question": "申请低保要带什么材料？",
        "similar": ["低保需要哪些资料"],
        "answer": "带上身份证和户口簿。",
        "regions": ["gansu"],
        "items": ["dibao"],
        "tags": ["材料"],
        "source": {"seed": "000_5325beb6545d4553.txt", "section": "附件2 四"},
        "effective_from": dt.date(2025, 1, 1),
    }
    data.update(changes)
    return EntryContent.model_validate(data)


@pytest.fixture
def new_entry() -> object:
    """`new_entry(id, **field_changes) -> EntryContent`."""
    return make_entry
