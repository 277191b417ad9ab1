"""`python -m api.remask`: mask the personal data stored before masking existed (bot.remask),
in the service's own Redis and database (the same settings as the service: REDIS_URL or the
embedded redis-server, DATABASE_URL, SESSION_KEYS or SECRET_KEY). Safe to run while the
service runs and to run again; prints counts only, never the data.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence

from api.embedded import ensure_redis
from api.settings import load_settings
from bot.kb.db import make_sessions
from bot.remask import RemaskReport, remask_questions, remask_sessions
from dialogue.redis_client import async_client
from dialogue.sealed import SessionSealer
from dialogue.store import SessionStore, StoreConfig
from guides.datadir import resolve_database_url


async def _sessions(redis_url: str, keys: list[str], report: RemaskReport) -> None:
    store = SessionStore(async_client(redis_url), StoreConfig(), SessionSealer(keys))
    try:
        await remask_sessions(store, report)
    finally:
        await store.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api.remask", description=__doc__)
    parser.parse_args(argv)
    settings = load_settings()
    embedded = ensure_redis(settings)
    report = RemaskReport()
    try:
        assert settings.redis_url is not None
        keys = settings.session_keys or [settings.secret_key]
        asyncio.run(_sessions(settings.redis_url, keys, report))
        remask_questions(make_sessions(resolve_database_url(settings.database_url)), report)
    finally:
        if embedded is not None:
            embedded.stop()
    print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
