"""The request limits as a plain ASGI middleware (no per-request task or body stream, which
Starlette's BaseHTTPMiddleware adds): body size, "starting" while start-up loads, the rate
limits (per IP; per account too on the routes that need one), and the request metrics with an
X-Response-Time-Ms header."""

from __future__ import annotations

import time
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api import errors
from api.auth import Account, TokenError, Tokens
from api.deps import forwarded_client
from api.metrics import HTTP_REQUESTS
from api.ratelimit import count_windows, over, quota, remember, window_keys
from api.settings import Settings
from dialogue.store import Quota

# Answered while start-up is still loading (probes and metrics).
ALWAYS_ANSWERED = frozenset({"/healthz", "/readyz", "/metrics"})
# Per IP for the API only: WeChat pushes all come from a few WeChat servers, so they are
# limited per openid once verified (api.routes.wechat).
RATE_LIMITED_PREFIXES = ("/api/",)
# Every route under these needs a signed-in account (api.deps.current_account): the IP and the
# account limits are counted here in one round trip, and current_account does not count again.
ACCOUNT_PREFIXES = ("/api/v1/sessions", "/api/v1/agent/")
# A chat turn: its windows are counted by the session's take (api.routes.sessions reads the
# quota from the request state), so the turn makes one round trip fewer. A turn that does
# not reach the take (a malformed body, a session not theirs) is counted here afterwards.
TURN_PREFIX, TURN_SUFFIX = "/api/v1/sessions/", "/messages"
RATE_LIMITED = errors.error_body("rate_limited", "操作太频繁了，请稍等一分钟再试。")


class LimitsMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = await self._refusal(scope)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        state = scope.get("state", {})
        if "rate_quota" not in state:
            await self._timed(scope, receive, send)
            return
        try:
            await self._timed(scope, receive, send)
        finally:
            await self._counted(scope, state["rate_names"], state["rate_quota"])

    @staticmethod
    async def _counted(scope: Scope, names: list[str], turn_quota: Quota) -> None:
        """After a chat turn: its windows counted (here, if the take did not), and the keys
        over their limit remembered."""
        if turn_quota.counts is None:
            redis = scope["app"].state.runtime.redis
            turn_quota.counts = await count_windows(redis, turn_quota.keys)
        if turn_quota.over:
            remember(names, turn_quota.keys, turn_quota.counts, turn_quota.limits)

    async def _timed(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        status = 500

        async def timed_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                elapsed_ms = (time.perf_counter() - started) * 1000
                MutableHeaders(scope=message)["X-Response-Time-Ms"] = f"{elapsed_ms:.1f}"
            await send(message)

        try:
            await self.app(scope, receive, timed_send)
        finally:
            route = scope.get("route")
            HTTP_REQUESTS.labels(getattr(route, "path", "unmatched"), str(status)).inc()

    async def _refusal(self, scope: Scope) -> JSONResponse | None:
        length = _header(scope, b"content-length")
        if length and length.isdigit() and int(length) > self.settings.max_body_bytes:
            return JSONResponse(
                errors.error_body("too_large", "内容太长了，请简短一些。"), status_code=413
            )
        runtime: Any = getattr(scope["app"].state, "runtime", None)
        path: str = scope["path"]
        if (runtime is None or not runtime.ready) and path not in ALWAYS_ANSWERED:
            return JSONResponse(
                errors.error_body("starting", "服务正在启动，请过几秒钟再试。"),
                status_code=503,
                headers={"Retry-After": "5"},
            )
        if runtime is not None and path.startswith(RATE_LIMITED_PREFIXES):
            # the peer, or the X-Forwarded-For hop when the peer is a configured trusted proxy
            client = scope.get("client")
            peer = client[0] if client else "unknown"
            forwarded = _header(scope, b"x-forwarded-for") or ""
            ip = forwarded_client(peer, forwarded, self.settings.trusted_proxies)
            keys, limits = [f"ip:{ip}"], [self.settings.rate_limit.per_ip_per_minute]
            account = _account(scope, runtime.tokens) if path.startswith(ACCOUNT_PREFIXES) else None
            state = scope.setdefault("state", {})
            if account is not None:
                keys.append(f"acct:{account.id}")
                limits.append(self.settings.rate_limit.per_account_per_minute)
                state["rate_counted_for"] = account.id
            windows = window_keys(keys)
            if over(keys, windows):
                return JSONResponse(RATE_LIMITED, 429)
            if account is not None and _is_turn(scope):
                state["rate_names"], state["rate_quota"] = keys, quota(windows, limits)
                return None
            found = await count_windows(runtime.redis, windows)
            if any(c > limit for c, limit in zip(found, limits, strict=True)):
                remember(keys, windows, found, limits)
                return JSONResponse(RATE_LIMITED, 429)
        return None


def _is_turn(scope: Scope) -> bool:
    path: str = scope["path"]
    return scope["method"] == "POST" and path.startswith(TURN_PREFIX) and path.endswith(TURN_SUFFIX)


def _account(scope: Scope, tokens: Tokens) -> Account | None:
    header = _header(scope, b"authorization") or ""
    if not header.startswith("Bearer "):
        return None
    try:
        return tokens.verify(header.removeprefix("Bearer ").strip())
    except TokenError:
        return None  # current_account answers 401


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return None
