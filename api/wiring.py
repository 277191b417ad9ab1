"""Builds the long-lived services of a worker: knowledge base, NLU backend, assistant."""

from __future__ import annotations

import asyncio
import logging

from api.runtime import Runtime
from bot.accounts import Accounts
from bot.assistant import Assistant, kb_answerer
from bot.kb.db import create_schema, make_sessions
from bot.kb.loader import seed_if_empty
from bot.kb.notify import RedisIndexNotifier
from bot.kb.service import KnowledgeService
from bot.wechat_chat import WeChatChat
from dialogue.store import SessionStore, StoreConfig
from guides.datadir import resolve_database_url
from nlu.backend import make_backend

log = logging.getLogger(__name__)


def build_kb(runtime: Runtime) -> KnowledgeService:
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
    settings = runtime.settings
    # Workers and hosts start together on a new database: one at a time creates the tables,
    # the staff accounts table and the seeded KB (CREATE TABLE races fail on PostgreSQL).
    async with runtime.redis.lock("shejiu:init", timeout=120, blocking_timeout=180):
        await asyncio.to_thread(create_schema, runtime.db_engine)
        accounts = await asyncio.to_thread(Accounts, runtime.db_engine)
        runtime.waiting_for.remove("database")
        kb = await asyncio.to_thread(build_kb, runtime)
        runtime.waiting_for.remove("knowledge_base")
    # The classifier loads (or trains, first time) once per worker, off the event loop.
    nlu = await asyncio.to_thread(make_backend, settings.nlu_backend, settings.rasa_url)
    store = SessionStore(
        runtime.redis,
        StoreConfig(
            session_ttl_seconds=settings.session_ttl_seconds,
            lock_timeout_seconds=settings.lock_timeout_seconds,
        ),
    )
    assistant = Assistant(store, nlu, kb_answerer(kb))
    runtime.services.update(
        kb=kb, nlu=nlu, store=store, assistant=assistant, wechat_chat=WeChatChat(assistant)
    )
    # Staff accounts for the web pages (agent console, KB editor): the users table.
    runtime.services["accounts"] = accounts
    runtime.periodic.append(asyncio.create_task(keep_fresh(kb)))
    runtime.waiting_for.remove("intent_model")


REFRESH_TICK_SECONDS = 0.25


async def keep_fresh(kb: KnowledgeService) -> None:
    """Chat turns answer from the index as built; this rebuilds it off the event loop when a
    change notice arrives (within a tick) or the periodic check finds the DB counter moved."""
    while True:
        await asyncio.sleep(REFRESH_TICK_SECONDS)
        try:
            await asyncio.to_thread(kb.refresh)
        except Exception:
            log.warning("knowledge-base refresh failed; will try again", exc_info=True)
