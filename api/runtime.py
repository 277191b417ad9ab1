"""Everything a worker holds: connections and long-lived services, built once at start-up.

Nothing important lives only here: sessions are in Redis, the KB in the database; every worker
builds the same runtime from the same settings.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from redis.asyncio import Redis
from sqlalchemy import Engine

from api.auth import Tokens
from api.settings import Settings
from bot.channels.wechat_api import ConfigurableClient
from bot.kb.db import make_engine
from dialogue.redis_client import async_client
from guides.catalog import all_guides
from guides.datadir import resolve_database_url
from guides.params import parameters, use_source


@dataclass
class Runtime:
    settings: Settings
    redis: Redis
    db_engine: Engine
    tokens: Tokens
    wxa_client: ConfigurableClient | None = None
    mp_client: ConfigurableClient | None = None
    services: dict[str, Any] = field(default_factory=dict)
    background: set[asyncio.Future[Any]] = field(default_factory=set)
    periodic: list[asyncio.Task[None]] = field(default_factory=list)  # cancelled on close
    # What start-up is still loading (api.wiring.attach_services removes each part when done);
    # /readyz answers "starting" until it is empty.
    waiting_for: list[str] = field(
        default_factory=lambda: ["database", "knowledge_base", "intent_model"]
    )
    startup_error: str | None = None

    @property
    def ready(self) -> bool:
        return not self.waiting_for and self.startup_error is None

    async def close(self) -> None:
        for task in self.periodic:
            task.cancel()
        hub = self.services.get("live_hub")
        if hub is not None:
            await hub.close()
        if self.services.get("params") is not None:
            use_source(None)  # screening in this process falls back to parameters.yml
        await self.redis.aclose()
        self.db_engine.dispose()


def build_runtime(settings: Settings) -> Runtime:
    # Guides and parameters load strictly: a malformed file stops start-up here.
    all_guides()
    parameters()
    assert settings.redis_url, "ensure_redis() sets it before the app starts"
    # Tables are created in api.wiring.attach_services, under a lock shared by every process.
    engine = make_engine(resolve_database_url(settings.database_url))
    wechat = settings.wechat
    wxa = (
        ConfigurableClient(wechat.wxa_app_id, wechat.wxa_app_secret, base=wechat.api_base)
        if wechat.wxa_app_id and wechat.wxa_app_secret
        else None
    )
    mp = (
        ConfigurableClient(wechat.app_id, wechat.app_secret, base=wechat.api_base)
        if wechat.app_id and wechat.app_secret
        else None
    )
    return Runtime(
        settings=settings,
        # Under a burst, requests wait briefly for a connection instead of failing.
        # Under a burst, requests wait briefly for a connection instead of failing; a single
        # server or a Sentinel-managed master, by URL (dialogue.redis_client).
        redis=async_client(settings.redis_url, max_connections=settings.redis_max_connections),
        db_engine=engine,
        tokens=Tokens(settings.secret_key, settings.token_ttl_seconds),
        wxa_client=wxa,
        mp_client=mp,
    )
