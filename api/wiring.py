"""Builds the long-lived services of a worker: knowledge base, NLU backend, assistant."""

from __future__ import annotations

import asyncio
import logging

import redis.asyncio as aredis
from redis.asyncio.client import PubSub
from redis.exceptions import RedisError

from api import heap
from api.live_hub import LiveHub
from api.runtime import Runtime
from bot.accounts import Accounts
from bot.assistant import Assistant, kb_answerer
from bot.channels.wechat_api import send_text
from bot.kb.db import create_schema, make_sessions
from bot.kb.loader import seed_if_empty
from bot.kb.notify import CHANNEL as KB_CHANNEL
from bot.kb.notify import RedisIndexNotifier
from bot.kb.service import KnowledgeService
from bot.live import LiveDesk, Outbound
from bot.office_hours import OfficeHours
from bot.params.answer import as_kb_reply
from bot.params.service import CHANNEL as PARAMS_CHANNEL
from bot.params.service import ParameterService
from bot.wechat_chat import WeChatChat
from dialogue.sealed import SessionSealer
from dialogue.state import Session
from dialogue.store import SessionStore, StoreConfig
from guides.datadir import resolve_database_url
from guides.screening.engine import warm_up
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
    service.direct = as_kb_reply  # 低保 amounts come from the live parameters, with the place
    service.refresh(force=True)
    return service


def build_params(runtime: Runtime) -> ParameterService:
    """The dated parameters from the database (seeded from parameters.yml on first start),
    installed as screening's parameter source in this worker."""
    settings = runtime.settings
    sessions = make_sessions(resolve_database_url(settings.database_url))
    assert settings.redis_url is not None
    service = ParameterService(
        sessions,
        refresh_seconds=settings.kb_refresh_check_seconds,
        notifier=RedisIndexNotifier(settings.redis_url, channel=PARAMS_CHANNEL),
    )
    service.store.seed_if_empty()
    service.refresh(force=True)
    service.install()
    return service


def wechat_outbound(runtime: Runtime) -> Outbound:
    """An agent's words to a citizen chatting in WeChat: a 客服消息 from the app they wrote to,
    retried twice. H5 and console sessions get nothing here: their pages stream the line."""
    clients = {"wechat": runtime.mp_client, "wechat_mp": runtime.mp_client,
               "wechat_wxa": runtime.wxa_client}  # fmt: skip

    async def send(session: Session, text: str) -> None:
        client = clients.get(session.channel)
        if client is None or not session.owner.startswith("wx:"):
            return
        openid = session.owner.removeprefix("wx:")
        for attempt in range(3):
            try:
                await asyncio.to_thread(send_text, client, openid, text)
                return
            except Exception:
                if attempt == 2:
                    raise
                await asyncio.sleep(0.5 * (attempt + 1))

    return send


async def attach_services(runtime: Runtime) -> None:
    settings = runtime.settings
    # Workers and hosts start together on a new database: one at a time creates the tables,
    # the staff accounts table and the seeded KB (CREATE TABLE races fail on PostgreSQL).
    async with runtime.redis.lock("shejiu:init", timeout=120, blocking_timeout=180):
        await asyncio.to_thread(create_schema, runtime.db_engine)
        accounts = await asyncio.to_thread(Accounts, runtime.db_engine)
        runtime.waiting_for.remove("database")
        kb = await asyncio.to_thread(build_kb, runtime)
        params = await asyncio.to_thread(build_params, runtime)
        runtime.waiting_for.remove("knowledge_base")
    # The classifier loads (or trains, first time) once per worker, off the event loop; so do
    # the guides' data files a first result reads.
    # The chat turn reads a message's intent and confidence only (dialogue.engine): no entities.
    nlu = await asyncio.to_thread(make_backend, settings.nlu_backend, settings.rasa_url, False)
    await asyncio.to_thread(warm_up)
    store = SessionStore(
        runtime.redis,
        StoreConfig(
            session_ttl_seconds=settings.session_ttl_seconds,
            lock_timeout_seconds=settings.lock_timeout_seconds,
        ),
        SessionSealer(settings.session_keys or [settings.secret_key]),
    )
    hours = OfficeHours.parse(settings.handoff_hours, settings.handoff_workdays_only)
    live = LiveDesk(runtime.redis, hours, outbound=wechat_outbound(runtime))
    assistant = Assistant(store, nlu, kb_answerer(kb), live=live)
    assert settings.redis_url is not None
    hub = LiveHub(settings.redis_url)
    hub.start()
    runtime.services.update(
        live_hub=hub,
        kb=kb,
        params=params,
        nlu=nlu,
        store=store,
        assistant=assistant,
        # one per WeChat app: a session remembers which app (and so which API) reaches its owner
        wechat_mp=WeChatChat(assistant, channel="wechat_mp"),
        wechat_wxa=WeChatChat(assistant, channel="wechat_wxa"),
    )
    # Staff accounts for the web pages (agent console, KB editor): the users table.
    runtime.services["accounts"] = accounts
    runtime.periodic.append(asyncio.create_task(keep_fresh(kb, params, runtime.redis)))
    heap.settle()
    runtime.waiting_for.remove("intent_model")


RETRY_SECONDS = 1.0  # the change channel unreachable: subscribe again after this


async def keep_fresh(
    kb: KnowledgeService, params: ParameterService, notices: aredis.Redis | None = None
) -> None:
    """Chat turns run on the event loop and answer from the KB index and the parameters as
    built; this rebuilds them off the loop when a change notice arrives or the periodic check
    of the DB counters is due. It waits for either on the loop (an async subscription to both
    change channels) and goes to a thread only then: polling the services' own subscriptions
    from a thread every tick cost a thread hop four times a second under any load."""
    every = min(kb.refresh_seconds, params.refresh_seconds) or RETRY_SECONDS
    services: dict[str, tuple[str, KnowledgeService | ParameterService]] = {
        KB_CHANNEL: ("knowledge-base", kb),
        PARAMS_CHANNEL: ("parameters", params),
    }
    channel: PubSub | None = None
    while True:
        noticed: str | None = None
        try:
            if notices is None:
                await asyncio.sleep(every)
            else:
                if channel is None:
                    channel = notices.pubsub(ignore_subscribe_messages=True)
                    await channel.subscribe(*services)
                noticed = await _next_notice(channel, every)
        except (RedisError, OSError):
            log.warning("change channel unavailable; checking every %s s", RETRY_SECONDS)
            if channel is not None:
                await channel.aclose()
            channel = None
            await asyncio.sleep(RETRY_SECONDS)
        for name, service in services.values():
            # The notice came here, not (yet) to the service's own subscription: rebuild it now.
            force = noticed is not None and services[noticed][1] is service
            try:
                rebuilt = await asyncio.to_thread(service.refresh, force=force)
            except Exception:
                log.warning("%s refresh failed; will try again", name, exc_info=True)
                continue
            if rebuilt:
                heap.settle()


async def _next_notice(channel: PubSub, seconds: float) -> str | None:
    """The channel of the first change notice within `seconds`, else None."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while (left := deadline - loop.time()) > 0:
        message = await channel.get_message(timeout=left)
        if message is not None:
            name = message["channel"]
            return name.decode() if isinstance(name, bytes) else str(name)
    return None
