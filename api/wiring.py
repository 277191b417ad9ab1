"""Builds the long-lived services of a worker: knowledge base, NLU backend, assistant."""

from __future__ import annotations

import asyncio

from api.runtime import Runtime
from bot.kb.db import make_sessions
from bot.kb.loader import seed_if_empty
from bot.kb.notify import RedisIndexNotifier
from bot.kb.service import KnowledgeService


def build_kb(runtime: Runtime) -> KnowledgeService:
    from api.runtime import resolve_database_url

    settings = runtime.settings
    sessions = make_sessions(resolve_database_url(settings.database_url))
    assert settings.redis_url is not None
    service = KnowledgeService(
        sessions,
        threshold=settings.kb_confidence_threshold,
        refresh_seconds=settings.kb_refresh_check_seconds,
        notifier=RedisIndexNotifier(settings.redis_url),
    )
    seed_if_empty(service.kb)
    service.refresh(force=True)
    return service


async def attach_services(runtime: Runtime) -> None:
    runtime.services["kb"] = await asyncio.to_thread(build_kb, runtime)
