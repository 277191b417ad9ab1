"""Engine and sessions. URL from the argument, else env DATABASE_URL, else a local SQLite file."""

from __future__ import annotations

import os
from typing import Any

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from bot.kb.models import Base, MetaRow
from bot.params import models as _param_models  # noqa: F401  (registers the parameter tables)
from guides.datadir import resolve_database_url

INDEX_VERSION_KEY = "index_version"
DEFAULT_URL = "sqlite:///shejiu.db"  # under the data directory, like the service's default


def database_url(url: str | None = None) -> str:
    return resolve_database_url(url or os.environ.get("DATABASE_URL") or DEFAULT_URL)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers (other workers) never block the writer
    cursor.close()


def make_engine(url: str | None = None) -> Engine:
    resolved = database_url(url)
    if resolved.startswith("sqlite"):
        engine = create_engine(resolved, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(resolved, pool_pre_ping=True)


def create_schema(engine: Engine) -> None:
    """Create missing tables and the meta counters (idempotent)."""
    Base.metadata.create_all(engine)
    with Session(engine) as session, session.begin():
        if session.get(MetaRow, INDEX_VERSION_KEY) is None:
            session.add(MetaRow(key=INDEX_VERSION_KEY, value=0))


def make_sessions(url: str | None = None, *, create: bool = True) -> sessionmaker[Session]:
    engine = make_engine(url)
    if create:
        create_schema(engine)
    return sessionmaker(engine, expire_on_commit=False)


def read_meta(session: Session, key: str = INDEX_VERSION_KEY) -> int:
    value = session.execute(select(MetaRow.value).where(MetaRow.key == key)).scalar_one_or_none()
    return int(value or 0)
