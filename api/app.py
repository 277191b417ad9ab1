"""The FastAPI application: one factory, used by uvicorn workers and by the tests."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline

from api import errors
from api.deps import client_ip
from api.guard import Guard
from api.metrics import HTTP_REQUESTS
from api.ratelimit import allow
from api.runtime import Runtime, build_runtime
from api.settings import Settings, load_settings
from api.wiring import attach_services

log = logging.getLogger("api.app")
# Answered while start-up is still loading (probes and metrics).
ALWAYS_ANSWERED = frozenset({"/healthz", "/readyz", "/metrics"})


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
            loading.cancel()
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

    for module in (health, auth, screening, kb, sessions, live, wechat, agent_api, pages):
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
    @app.middleware("http")
    async def limits(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        runtime: Runtime | None = getattr(request.app.state, "runtime", None)
        path = request.url.path
        if (runtime is None or not runtime.ready) and path not in ALWAYS_ANSWERED:
            return JSONResponse(
                errors.error_body("starting", "服务正在启动，请过几秒钟再试。"),
                status_code=503,
                headers={"Retry-After": "5"},
            )
        # Per IP for the API only: WeChat pushes all come from a few WeChat servers, so they are
        # limited per openid once verified (api.routes.wechat), and per IP only when refused.
        if runtime is not None and path.startswith("/api/"):
            limit = settings.rate_limit.per_ip_per_minute
            if not await allow(runtime.redis, f"ip:{client_ip(request)}", limit):
                return JSONResponse(
                    errors.error_body("rate_limited", "操作太频繁了，请稍等一分钟再试。"), 429
                )
        started = time.perf_counter()
        response = await call_next(request)
        route = request.scope.get("route")
        HTTP_REQUESTS.labels(getattr(route, "path", "unmatched"), str(response.status_code)).inc()
        response.headers["X-Response-Time-Ms"] = f"{(time.perf_counter() - started) * 1000:.1f}"
        return response
