"""api.limits against a real redis-server: per-IP limits everywhere under /api (WeChat pushes count per openid);
on the account routes the account is counted in the same round trip, once per request."""

from __future__ import annotations

import asyncio
import secrets
from types import SimpleNamespace

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from api.auth import Account, Tokens
from api.limits import LimitsMiddleware
from api.settings import RateLimit, Settings
from dialogue.redis_client import async_client
from tests.api.api_helpers import one_rate_window


async def _echo(request: Request) -> JSONResponse:
    return JSONResponse({"counted_for": getattr(request.state, "rate_counted_for", None)})


def _app(redis_url: str, tokens: Tokens) -> Starlette:
    app = Starlette(routes=[Route("/api/v1/sessions", _echo), Route("/api/v1/screening", _echo)])
    app.state.runtime = SimpleNamespace(ready=True, redis=async_client(redis_url), tokens=tokens)
    settings = Settings(secret_key="x", rate_limit=RateLimit(per_ip_per_minute=8,
                                                             per_account_per_minute=3))  # fmt: skip
    app.add_middleware(LimitsMiddleware, settings=settings)
    return app


def test_ip_and_account_limits(redis_url: str) -> None:
    tokens = Tokens("secret", 3600)
    me = Account(id=f"guest:{secrets.token_hex(4)}", kind="citizen")
    bearer = {"Authorization": f"Bearer {tokens.issue(me)}"}
    address = f"10.9.{secrets.randbelow(250)}.{secrets.randbelow(250)}"

    async def run() -> tuple[list[int], list[int], list[int], dict[str, str | None]]:
        transport = httpx.ASGITransport(app=_app(redis_url, tokens), client=(address, 1234))
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            mine = [(await client.get("/api/v1/sessions", headers=bearer)).status_code
                    for _ in range(4)]  # fmt: skip
            seen = (await client.get("/api/v1/screening", headers=bearer)).json()
            other = [(await client.get("/api/v1/screening")).status_code for _ in range(3)]
            more = [(await client.get("/api/v1/screening")).status_code for _ in range(2)]
        return mine, other, more, seen

    with one_rate_window(needs_seconds=10):
        mine, other, more, seen = asyncio.run(run())
    assert mine == [200, 200, 200, 429]  # the account's 4th request in the minute
    assert seen == {"counted_for": None}  # outside the account routes: the IP only
    assert other == [200, 200, 200]  # requests 6-8 from this address
    assert more == [429, 429]  # the 9th and 10th
