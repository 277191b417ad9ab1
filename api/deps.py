"""Dependencies as Annotated aliases: RuntimeDep, CurrentAccount, AgentAccount."""

from __future__ import annotations

import asyncio
import ipaddress
from functools import lru_cache
from typing import Annotated

from fastapi import Depends, Request

from api.auth import Account, TokenError
from api.errors import ApiError
from api.ratelimit import allow
from api.runtime import Runtime


def runtime_of(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


async def get_runtime(request: Request) -> Runtime:
    """async: FastAPI runs a plain-def dependency in a worker thread, on every request."""
    return runtime_of(request)


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


def client_ip(request: Request) -> str:
    """The caller's address: the TCP peer, or, when the peer is a configured trusted proxy, the
    nearest address in X-Forwarded-For that is not one of those proxies."""
    peer = request.client.host if request.client else "unknown"
    runtime: Runtime | None = getattr(request.app.state, "runtime", None)
    proxies = runtime.settings.trusted_proxies if runtime is not None else []
    return forwarded_client(peer, request.headers.get("x-forwarded-for", ""), proxies)


def forwarded_client(peer: str, forwarded_for: str, proxies: list[str]) -> str:
    """`client_ip` from its parts (the limits middleware has a scope, not a request)."""
    if not proxies or not _trusted(peer, tuple(proxies)):
        return peer
    hops = [h.strip() for h in forwarded_for.split(",") if h.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, tuple(proxies)):
            return hop
    return peer


@lru_cache(maxsize=1024)
def _trusted(address: str, proxies: tuple[str, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    for proxy in proxies:
        try:
            if ip in ipaddress.ip_network(proxy.strip(), strict=False):
                return True
        except ValueError:
            continue
    return False


async def current_account(request: Request) -> Account:
    # The runtime straight from the app, not as a sub-dependency: one dependency fewer to
    # solve on every signed-in request (the chat turn among them).
    runtime = runtime_of(request)
    header = request.headers.get("authorization", "")
    token = header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else ""
    if not token:
        raise ApiError(401, "unauthenticated", "请先登录。")
    try:
        account = runtime.tokens.verify(token)
    except TokenError as exc:
        raise ApiError(401, "unauthenticated", "登录已过期，请重新进入。") from exc
    limit = runtime.settings.rate_limit.per_account_per_minute
    counted = getattr(request.state, "rate_counted_for", None) == account.id  # by api.limits
    if not counted and not await allow(runtime.redis, f"acct:{account.id}", limit):
        raise ApiError(429, "rate_limited", "操作太频繁了，请稍等一分钟再试。")
    if account.is_agent:
        await _still_an_agent(runtime, account)
    return account


async def _still_an_agent(runtime: Runtime, account: Account) -> None:
    """A staff token outlives a change of account: a disabled agent, or one now only an editor
    or reviewer (who may see no citizen's session), stops at once, on every route."""
    accounts = runtime.services.get("accounts")
    username = account.id.removeprefix("agent:")
    user = await asyncio.to_thread(accounts.get, username) if accounts is not None else None
    if user is None or not user.active or not user.may_any(("agent",)):
        raise ApiError(403, "forbidden", "这个坐席账号已停用或没有坐席权限，请联系管理员。")


CurrentAccount = Annotated[Account, Depends(current_account)]


async def agent_account(account: CurrentAccount) -> Account:
    if not account.is_agent:
        raise ApiError(403, "forbidden", "只有热线坐席可以这样做。")
    return account


AgentAccount = Annotated[Account, Depends(agent_account)]
