"""Accounts: mini-program login (code2session via wechatpy) and a guest login for the H5 page."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter
from pydantic import BaseModel, Field
from wechatpy.exceptions import WeChatClientException

from api.auth import guest_account, wechat_account
from api.deps import RuntimeDep
from api.errors import ApiError
from bot.channels.wechat_api import code_to_session

router = APIRouter(prefix="/api/v1", tags=["auth"])


class LoginRequest(BaseModel):
    code: str = Field(min_length=1, max_length=128)


class TokenResponse(BaseModel):
    token: str
    account_id: str
    expires_in: int


@router.post("/wxa/login", response_model=TokenResponse)
async def wxa_login(body: LoginRequest, runtime: RuntimeDep) -> TokenResponse:
    client = runtime.wxa_client
    if client is None:
        raise ApiError(503, "wechat_not_configured", "小程序登录暂未开通，请稍后再试。")
    try:
        result = await asyncio.to_thread(code_to_session, client, body.code)
    except WeChatClientException as exc:
        raise ApiError(401, "wechat_login_failed", "微信登录失败，请重新打开小程序。") from exc
    openid = result.get("openid")
    if not openid:
        raise ApiError(401, "wechat_login_failed", "微信登录失败，请重新打开小程序。")
    account = wechat_account(str(openid))
    return TokenResponse(
        token=runtime.tokens.issue(account),
        account_id=account.id,
        expires_in=runtime.settings.token_ttl_seconds,
    )


@router.post("/auth/guest", response_model=TokenResponse)
async def guest_login(runtime: RuntimeDep) -> TokenResponse:
    if not runtime.settings.guest_login:
        raise ApiError(403, "guest_disabled", "请在微信小程序里打开。")
    account = guest_account()
    return TokenResponse(
        token=runtime.tokens.issue(account),
        account_id=account.id,
        expires_in=runtime.settings.token_ttl_seconds,
    )
