"""What every HTML page shares: templates, staff cookie sessions, CSRF and the role check.

Staff sign in with a username and password (bot/accounts.py). The session is a cookie signed
with settings.secret_key (itsdangerous), HttpOnly, SameSite=Lax, expiring after
STAFF_SESSION_SECONDS; it carries the username and a per-session CSRF token. The user's roles
are read from the database on every request, so a disabled user or a changed role applies at
once. `Role(...)` is the one dependency that checks sign-in, role and (on POST) CSRF.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hmac
import os
import secrets
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.routing import APIRoute
from itsdangerous import BadSignature, URLSafeTimedSerializer
from jinja2 import Environment, FileSystemLoader, select_autoescape

from api.deps import runtime_of
from api.runtime import Runtime
from bot.accounts import ROLE_LABELS, Accounts, User
from bot.kb.messages import audit_detail_zh
from guides.catalog import all_guides
from guides.ids import REGION_LABELS, ItemId, RegionId

HERE = Path(__file__).resolve().parent
COOKIE = "shejiu_staff"
LOGIN_COOKIE = "shejiu_login"
SALT = "shejiu-staff-session"
LOGIN_SALT = "shejiu-login-csrf"
SESSION_SECONDS = int(os.environ.get("STAFF_SESSION_SECONDS", str(8 * 3600)))
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"

STATUS_LABELS = {"draft": "草稿", "in_review": "待审核", "published": "已发布", "retired": "已下线"}
ACTION_LABELS = {
    "create": "新建",
    "edit": "修改",
    "submit": "提交审核",
    "approve": "审核通过并发布",
    "reject": "退回修改",
    "retire": "下线",
    "rollback": "回滚",
    "seed": "初始导入",
    "resolve_unanswered": "处理未答问题",
}


@cache
def item_labels() -> dict[str, str]:
    """Chinese item names, taken from the region guides (first guide naming the item)."""
    labels: dict[str, str] = {}
    for guide in all_guides().values():
        for item in guide.items:
            labels.setdefault(item.id.value, item.name)
    return {i.value: labels.get(i.value, i.value) for i in ItemId}


REGIONS = {r.value: REGION_LABELS[r] for r in RegionId}


@cache
def templates() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        regions=REGIONS,
        role_labels=ROLE_LABELS,
        status_labels=STATUS_LABELS,
        action_labels=ACTION_LABELS,
    )
    env.globals["item_labels"] = item_labels()
    env.filters["bj"] = beijing_time
    env.filters["detail_zh"] = audit_detail_zh
    return env


BEIJING = dt.timezone(dt.timedelta(hours=8))


def beijing_time(value: dt.datetime, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """Stored times are UTC (SQLite may drop the zone); staff read Beijing time."""
    aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return aware.astimezone(BEIJING).strftime(fmt)


def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = templates().get_template(name).render(**context)
    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})


class PageError(Exception):
    """Shown as an HTML page; 401 on a GET becomes a redirect to the sign-in page."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


class PageRoute(APIRoute):
    """Routes of the HTML pages: PageError (from a dependency or a handler) -> HTML."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                return await handler(request)
            except PageError as exc:
                if exc.status == 401 and request.method == "GET":
                    target = quote(
                        request.url.path + (f"?{request.url.query}" if request.url.query else "")
                    )
                    return RedirectResponse(f"/staff/login?next={target}", status_code=303)
                return render("error.html", status=exc.status, message=exc.message, user=None)

        return route


# -- sessions -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Staff:
    """A signed-in staff member, with the CSRF token of this session."""

    user: User
    csrf: str

    @property
    def username(self) -> str:
        return self.user.username


def accounts_of(runtime: Runtime) -> Accounts:
    """The staff accounts on the service's database (built on first use by a worker)."""
    accounts = runtime.services.get("accounts")
    if not isinstance(accounts, Accounts):
        accounts = runtime.services["accounts"] = Accounts(runtime.db_engine)
    return accounts


def _serializer(runtime: Runtime, salt: str = SALT) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(runtime.settings.secret_key, salt=salt)


def _set_cookie(response: Response, runtime: Runtime, name: str, value: str, max_age: int) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        httponly=True,
        samesite="lax",
        secure=runtime.settings.is_production,
        path="/",
    )


def start_session(response: Response, runtime: Runtime, user: User) -> None:
    token = _serializer(runtime).dumps({"u": user.username, "c": secrets.token_urlsafe(24)})
    _set_cookie(response, runtime, COOKIE, token, SESSION_SECONDS)
    response.delete_cookie(LOGIN_COOKIE, path="/")


def end_session(response: Response) -> None:
    response.delete_cookie(COOKIE, path="/")


def _revoked_key(staff: Staff) -> str:
    return f"staff-revoked:{staff.csrf}"


async def revoke_session(runtime: Runtime, staff: Staff) -> None:
    """Sign-out ends the session server-side too: a copied cookie stops working."""
    await runtime.redis.set(_revoked_key(staff), 1, ex=SESSION_SECONDS)


async def is_revoked(runtime: Runtime, staff: Staff) -> bool:
    return bool(await runtime.redis.exists(_revoked_key(staff)))


def read_session(request: Request, runtime: Runtime) -> Staff | None:
    raw = request.cookies.get(COOKIE)
    if not raw:
        return None
    try:
        data = _serializer(runtime).loads(raw, max_age=SESSION_SECONDS)
    except BadSignature:  # includes SignatureExpired
        return None
    user = accounts_of(runtime).get(str(data.get("u", "")))
    if user is None or not user.active:
        return None
    return Staff(user=user, csrf=str(data.get("c", "")))


def login_csrf(request: Request, runtime: Runtime) -> tuple[str, str | None]:
    """The pre-sign-in CSRF token (double submit: a signed cookie and a hidden field), and the
    cookie value to set when the browser has none yet."""
    raw = request.cookies.get(LOGIN_COOKIE)
    if raw:
        try:
            return str(_serializer(runtime, LOGIN_SALT).loads(raw, max_age=SESSION_SECONDS)), None
        except BadSignature:
            pass
    token = secrets.token_urlsafe(24)
    return token, _serializer(runtime, LOGIN_SALT).dumps(token)


def set_login_cookie(response: Response, runtime: Runtime, value: str | None) -> None:
    if value is not None:
        _set_cookie(response, runtime, LOGIN_COOKIE, value, SESSION_SECONDS)


def same_token(expected: str, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(expected, str(given))


async def submitted_csrf(request: Request) -> str | None:
    header = request.headers.get(CSRF_HEADER)
    if header:
        return header
    content_type = request.headers.get("content-type", "")
    if "form" not in content_type:
        return None
    form = await request.form()  # cached by Starlette: the handler's Form fields still work
    value = form.get(CSRF_FIELD)
    return value if isinstance(value, str) else None


class Role:
    """The one dependency for staff pages: signed in, holding one of `roles` (admin holds all),
    and, on anything but GET/HEAD, the session's CSRF token in the form or X-CSRF-Token."""

    def __init__(self, *roles: str) -> None:
        self.roles = roles

    async def __call__(self, request: Request) -> Staff:
        runtime = runtime_of(request)
        staff = await asyncio.to_thread(read_session, request, runtime)  # reads the users table
        if staff is not None and await is_revoked(runtime, staff):
            staff = None
        if staff is None:
            raise PageError(401, "请先登录。")
        if request.method not in ("GET", "HEAD") and not same_token(
            staff.csrf, await submitted_csrf(request)
        ):
            raise PageError(403, "页面已过期，请刷新后再试一次。")
        if self.roles and not staff.user.may_any(self.roles):
            wanted = "、".join(ROLE_LABELS[r] for r in self.roles)
            raise PageError(403, f"这个操作需要「{wanted}」权限。如需开通，请联系管理员。")
        return staff


def home_for(user: User) -> str:
    if user.has("agent") and not user.may_any(("editor", "reviewer")):
        return "/console"
    if user.may_any(("editor", "reviewer")):
        return "/kb"
    return "/console"
