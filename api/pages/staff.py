"""Sign-in, sign-out and user management (admin), plus the pages' static files."""

from __future__ import annotations

import asyncio
import mimetypes
import time
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, Response
from fastapi.responses import RedirectResponse

from api.deps import RuntimeDep, client_ip
from api.pages.web import (
    HERE,
    PageError,
    PageRoute,
    Role,
    Staff,
    accounts_of,
    end_session,
    home_for,
    is_revoked,
    login_csrf,
    read_session,
    render,
    revoke_session,
    same_token,
    set_login_cookie,
    start_session,
)
from bot.accounts import ROLES, AccountError

router = APIRouter(route_class=PageRoute, include_in_schema=False)
Admin = Annotated[Staff, Depends(Role("admin"))]
AnyStaff = Annotated[Staff, Depends(Role())]

STATIC = HERE / "static"
STATIC_FILES = {p.name: p for p in STATIC.iterdir() if p.is_file()} if STATIC.is_dir() else {}


@router.get("/static/web/{name}")
async def static_file(name: str) -> Response:
    path = STATIC_FILES.get(name)
    if path is None:
        raise PageError(404, "没有找到这个文件。")
    media = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if media.startswith("text/") or media.endswith("javascript"):
        media += "; charset=utf-8"
    return Response(path.read_bytes(), media_type=media, headers={"Cache-Control": "max-age=3600"})


def _safe_next(target: str | None) -> str | None:
    """Only local paths: never redirect off-site after sign-in."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return None


@router.get("/staff/login")
async def login_page(request: Request, runtime: RuntimeDep, next: str | None = None) -> Response:
    staff = await asyncio.to_thread(read_session, request, runtime)
    if staff is not None and not await is_revoked(runtime, staff):
        return RedirectResponse(_safe_next(next) or home_for(staff.user), status_code=303)
    token, cookie = login_csrf(request, runtime)
    response = render("login.html", next=_safe_next(next) or "", error=None, csrf=token)
    set_login_cookie(response, runtime, cookie)
    return response


@router.post("/staff/login")
async def login(
    request: Request,
    runtime: RuntimeDep,
    username: Annotated[str, Form(max_length=40)] = "",
    password: Annotated[str, Form(max_length=200)] = "",
    csrf_token: Annotated[str, Form(max_length=100)] = "",
    next: Annotated[str, Form(max_length=300)] = "",
) -> Response:
    expected, cookie = login_csrf(request, runtime)
    if cookie is not None or not same_token(expected, csrf_token):
        raise PageError(403, "页面已过期，请刷新后再登录。")
    limits = runtime.settings.login
    ip_key = f"login-ip:{client_ip(request)}:{int(time.time() // 60)}"
    account_key = f"login-account:{username.strip().lower()}"
    # Counted before the (slow) password check, atomically: of many attempts at once, only
    # those within the limits are checked at all.
    async with runtime.redis.pipeline(transaction=True) as pipe:
        pipe.incr(ip_key)
        pipe.expire(ip_key, 120)
        pipe.incr(account_key)
        pipe.expire(account_key, limits.lockout_seconds)
        ip_attempts, _, account_failures, _ = await pipe.execute()
    if int(account_failures) > limits.lockout_failures:
        minutes = max(1, limits.lockout_seconds // 60)
        raise PageError(
            429, f"这个账号密码错误次数太多，已暂时锁定，请{minutes}分钟后再试，或请管理员帮忙。"
        )
    if int(ip_attempts) > limits.attempts_per_ip_per_minute:
        raise PageError(429, "密码错误次数太多了，请一分钟后再试。")
    user = await asyncio.to_thread(accounts_of(runtime).authenticate, username, password)
    if user is None:
        return render(
            "login.html", 400, next=_safe_next(next) or "", csrf=expected,
            error="用户名或密码不对，请再试一次。",
        )  # fmt: skip
    async with runtime.redis.pipeline(transaction=True) as pipe:  # signed in: nothing counts
        pipe.decr(ip_key)
        pipe.delete(account_key)
        await pipe.execute()
    response = RedirectResponse(_safe_next(next) or home_for(user), status_code=303)
    start_session(response, runtime, user)
    return response


@router.post("/staff/logout")
async def logout(staff: AnyStaff, runtime: RuntimeDep) -> Response:
    await revoke_session(runtime, staff)
    response = RedirectResponse("/staff/login", status_code=303)
    end_session(response)
    return response


@router.get("/staff")
async def staff_home(staff: AnyStaff) -> Response:
    return RedirectResponse(home_for(staff.user), status_code=303)


@router.get("/staff/users")
async def users_page(staff: Admin, runtime: RuntimeDep, msg: str | None = None) -> Response:
    users = await asyncio.to_thread(accounts_of(runtime).list_users)
    return render("users.html", user=staff.user, csrf=staff.csrf, users=users, roles=ROLES, msg=msg)


@router.post("/staff/users")
async def create_user(
    staff: Admin,
    runtime: RuntimeDep,
    request: Request,
    username: Annotated[str, Form(max_length=40)],
    password: Annotated[str, Form(max_length=200)],
) -> Response:
    roles = [r for r in (await request.form()).getlist("roles") if isinstance(r, str)]
    try:
        await asyncio.to_thread(accounts_of(runtime).create, username, password, roles)
    except AccountError as exc:
        users = await asyncio.to_thread(accounts_of(runtime).list_users)
        return render(
            "users.html", 400, user=staff.user, csrf=staff.csrf, users=users, roles=ROLES,
            msg=None, error=str(exc),
        )  # fmt: skip
    return RedirectResponse("/staff/users?msg=已添加用户。", status_code=303)


@router.post("/staff/users/{username}")
async def update_user(
    username: str,
    staff: Admin,
    runtime: RuntimeDep,
    request: Request,
    active: Annotated[str, Form(max_length=5)] = "",
) -> Response:
    roles = [r for r in (await request.form()).getlist("roles") if isinstance(r, str)]
    if username == staff.username and ("admin" not in roles or not active):
        raise PageError(400, "不能取消自己的管理员权限或停用自己。")
    try:
        await asyncio.to_thread(
            accounts_of(runtime).update, username, roles=roles, active=bool(active)
        )
    except AccountError as exc:
        raise PageError(400, str(exc)) from exc
    return RedirectResponse("/staff/users?msg=已保存。", status_code=303)
