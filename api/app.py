"""The FastAPI application: one factory, used by uvicorn workers and by the tests."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from api import errors
from api.guard import Guard
from api.limits import LimitsMiddleware
from api.runtime import Runtime, build_runtime
from api.settings import Settings, load_settings
from api.wiring import attach_services

log = logging.getLogger("api.app")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or load_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runtime = build_runtime(settings)
        app.state.runtime = runtime
        # The port opens at once; /readyz says "starting" (503) with what it still waits for.
        loading = asyncio.create_task(_start_services(runtime))
        try:
            yield
        finally:
            # Let a start-up still loading unwind first: it may hold the shared "shejiu:init"
            # lock, which must be released before Redis closes (else the next start waits for
            # the lock to expire).
            loading.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await loading
            await runtime.close()

    # /docs without internet: Swagger UI's assets come from the fastapi-offline package.
    app = FastAPIOffline(
        title="社会救助“一件事” assistant",
        version="1.0.0",
        description="Pre-screening, guided questionnaire, unified form and 12345 knowledge base.",
        lifespan=lifespan,
    )
    errors.install(app)
    _install_limits(app, settings)
    from api import pages
    from api.routes import agent_api, auth, health, kb, live, screening, sessions, wechat

    for module in (sessions, health, auth, screening, kb, live, wechat, agent_api, pages):
        app.include_router(module.router)
    # Outermost (added last): the streamed body limit and the answer to any unhandled error.
    app.add_middleware(Guard, max_body_bytes=settings.max_body_bytes)
    return app


async def _start_services(runtime: Runtime) -> None:
    try:
        await attach_services(runtime)
    except Exception as exc:
        runtime.startup_error = type(exc).__name__
        log.exception("start-up failed")


def _install_limits(app: FastAPI, settings: Settings) -> None:
    app.add_middleware(LimitsMiddleware, settings=settings)
