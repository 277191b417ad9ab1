"""WeChat push endpoints: /wechat/mp (official account) and /wechat/wxa (mini-program 客服消息).

Forged or replayed pushes get 403 and nothing is processed; a retried push (WeChat retries up
to 3 times) is processed once; the reply goes back within 5 s, passively when the turn is done
in time (official account XML), else through the customer-service message API.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Literal

from fastapi import APIRouter, Request, Response
from wechatpy.exceptions import WeChatClientException

from api.deps import RuntimeDep, client_ip
from api.metrics import TURNS
from api.ratelimit import allow
from api.runtime import Runtime
from bot.channels.wechat import (
    Credentials,
    Incoming,
    PushRejected,
    check_fresh,
    decrypt_echostr,
    passive_text_reply,
    read_push,
    verify_url_signature,
)
from bot.channels.wechat_api import ConfigurableClient, is_retryable, send_text

router = APIRouter(tags=["wechat"])
log = logging.getLogger("api.wechat")
Kind = Literal["mp", "wxa"]
WELCOME = (
    "您好！我是社会救助小助手。想看看家里能申请哪些救助，回复“开始”；有政策问题，直接问我就行。"
)
NOT_TEXT = "我现在只能看懂文字消息。您可以直接打字告诉我，比如：我想申请低保。"
SORRY = "抱歉，刚才没能处理好您的消息，请您再发一次试试。"
SLOW_DOWN = "您发得太快了，请稍等一分钟再发。"


def _credentials(runtime: Runtime, kind: Kind) -> Credentials | None:
    wechat = runtime.settings.wechat
    app_id = wechat.app_id if kind == "mp" else wechat.wxa_app_id
    if not wechat.token or not app_id:
        return None
    return Credentials(token=wechat.token, app_id=app_id, aes_key=wechat.aes_key)


def _client(runtime: Runtime, kind: Kind) -> ConfigurableClient | None:
    return runtime.mp_client if kind == "mp" else runtime.wxa_client


async def _verify(request: Request, runtime: RuntimeDep, kind: Kind) -> Response:
    credentials = _credentials(runtime, kind)
    q = request.query_params
    timestamp, nonce = q.get("timestamp", ""), q.get("nonce", "")
    echostr = q.get("echostr", "")
    if credentials is None:
        return Response("not configured", status_code=503)
    if q.get("msg_signature"):
        from bot.channels.wechat import sha1_signature

        expected = sha1_signature(credentials.token, timestamp, nonce, echostr)
        if expected != q["msg_signature"]:
            return Response("forbidden", status_code=403)
        try:
            return Response(decrypt_echostr(credentials, echostr), media_type="text/plain")
        except PushRejected:
            return Response("bad request", status_code=400)
    if not verify_url_signature(credentials.token, q.get("signature", ""), timestamp, nonce):
        return Response("forbidden", status_code=403)
    return Response(echostr, media_type="text/plain")


async def _push(request: Request, runtime: Runtime, kind: Kind) -> Response:
    arrived = time.monotonic()
    credentials = _credentials(runtime, kind)
    if credentials is None:
        return Response("not configured", status_code=503)
    q = request.query_params
    timestamp, nonce = q.get("timestamp", ""), q.get("nonce", "")
    settings = runtime.settings.wechat
    # WeChat signs the URL of every push (plain or encrypted): a push without a valid URL
    # signature is refused before its body is read, let alone parsed.
    if not verify_url_signature(credentials.token, q.get("signature", ""), timestamp, nonce):
        log.warning("wechat push rejected", extra={"fields": {"reason": "bad url signature"}})
        return await _refused(request, runtime, 403)
    try:
        check_fresh(timestamp, settings.max_timestamp_skew_seconds)
        incoming = read_push(
            await request.body(),
            credentials,
            signature=q.get("signature"),
            timestamp=timestamp,
            nonce=nonce,
            msg_signature=q.get("msg_signature"),
        )
    except PushRejected as exc:
        log.warning("wechat push rejected", extra={"fields": {"reason": exc.reason}})
        return await _refused(request, runtime, exc.status)
    redis = runtime.redis
    # A (timestamp, nonce) pair signs one message only: the same pair on another body is a replay.
    nonce_key = f"wxnonce:{timestamp}:{nonce}"
    ttl = settings.max_timestamp_skew_seconds * 2
    if not await redis.set(nonce_key, incoming.dedupe_key, nx=True, ex=ttl):
        seen = await redis.get(nonce_key)
        if seen is not None and _text(seen) != incoming.dedupe_key:
            return Response("forbidden", status_code=403)
    if not await redis.set(incoming.dedupe_key, b"", nx=True, ex=settings.dedupe_ttl_seconds):
        cached = await redis.get(f"{incoming.dedupe_key}:reply")
        return _xml(_text(cached)) if cached else Response("success")
    limit = runtime.settings.rate_limit.per_openid_per_minute
    if not await allow(redis, f"wxopenid:{incoming.openid}", limit):
        if kind == "mp" and incoming.body_format == "xml":
            return _xml(
                passive_text_reply(
                    incoming, SLOW_DOWN, credentials, timestamp=timestamp, nonce=nonce
                )
            )
        return Response("success")  # nothing processed, nothing sent: no flood of messages
    try:
        reply = await _answer(runtime, kind, incoming, arrived + settings.reply_deadline_seconds)
    except Exception:
        # Not seen after all: WeChat's retry of this push must be processed, not told "success".
        await redis.delete(incoming.dedupe_key)
        raise
    if reply is None:
        return Response("success")
    if kind == "mp" and incoming.body_format == "xml":
        xml = passive_text_reply(incoming, reply, credentials, timestamp=timestamp, nonce=nonce)
        await redis.set(f"{incoming.dedupe_key}:reply", xml, ex=settings.dedupe_ttl_seconds)
        return _xml(xml)
    _send_later(runtime, kind, incoming.openid, reply)
    return Response("success")


async def _refused(request: Request, runtime: Runtime, status: int) -> Response:
    """A push that is not from WeChat: refused, and limited per IP (WeChat's are not)."""
    limit = runtime.settings.rate_limit.per_ip_per_minute
    if not await allow(runtime.redis, f"wxbad:{client_ip(request)}", limit):
        return Response("too many requests", status_code=429)
    return Response("forbidden" if status == 403 else "bad request", status_code=status)


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _xml(body: str) -> Response:
    return Response(body, media_type="application/xml")


async def _answer(runtime: Runtime, kind: Kind, incoming: Incoming, deadline: float) -> str | None:
    if incoming.msg_type == "event":
        if incoming.event in ("subscribe", "user_enter_tempsession"):
            return WELCOME
        return None
    if not incoming.text:
        return NOT_TEXT
    chat = runtime.services[f"wechat_{kind}"]
    TURNS.labels(f"wechat_{kind}").inc()
    turn = asyncio.ensure_future(chat(f"wx:{incoming.openid}", incoming.text))
    runtime.background.add(turn)  # a late turn must not be garbage-collected mid-way
    turn.add_done_callback(runtime.background.discard)
    try:
        replies: list[str] = await asyncio.wait_for(
            asyncio.shield(turn), max(0.0, deadline - time.monotonic())
        )
    except TimeoutError:
        # Too slow for a passive reply: answer through the customer-service API when done.
        turn.add_done_callback(lambda t: _deliver_late(runtime, kind, incoming.openid, t))
        return None
    return "\n\n".join(replies) or None  # nothing to say (a person is on the line): "success"


def _deliver_late(
    runtime: Runtime, kind: Kind, openid: str, turn: asyncio.Future[list[str]]
) -> None:
    if turn.cancelled():
        return
    if turn.exception() is not None:  # the citizen was told nothing yet: say so, kindly
        log.error("late wechat turn failed", exc_info=turn.exception())
        _send_later(runtime, kind, openid, SORRY)
        return
    _send_later(runtime, kind, openid, "\n\n".join(turn.result()))


def _send_later(runtime: Runtime, kind: Kind, openid: str, text: str) -> None:
    client = _client(runtime, kind)
    if client is None:
        log.warning("no WeChat client configured to send a customer-service message")
        return
    task = asyncio.ensure_future(_deliver(runtime, client, openid, text))
    runtime.background.add(task)
    task.add_done_callback(runtime.background.discard)


async def _deliver(runtime: Runtime, client: ConfigurableClient, openid: str, text: str) -> bool:
    """A customer-service message, retried with growing waits while WeChat is busy or away."""
    settings = runtime.settings.wechat
    wait = settings.send_retry_seconds
    for attempt in range(1, settings.send_attempts + 1):
        try:
            await asyncio.to_thread(send_text, client, openid, text)
            return True
        except WeChatClientException as exc:
            fields = {"attempt": attempt, "errcode": exc.errcode}
            if not is_retryable(exc) or attempt == settings.send_attempts:
                log.error("wechat message not delivered", extra={"fields": fields})
                return False
            log.warning("wechat send failed; retrying", extra={"fields": fields})
        await asyncio.sleep(wait)
        wait *= 2
    return False


@router.get("/wechat/mp", include_in_schema=False)
async def verify_mp(request: Request, runtime: RuntimeDep) -> Response:
    return await _verify(request, runtime, "mp")


@router.get("/wechat/wxa", include_in_schema=False)
async def verify_wxa(request: Request, runtime: RuntimeDep) -> Response:
    return await _verify(request, runtime, "wxa")


@router.post("/wechat/mp", include_in_schema=False)
async def push_mp(request: Request, runtime: RuntimeDep) -> Response:
    return await _push(request, runtime, "mp")


@router.post("/wechat/wxa", include_in_schema=False)
async def push_wxa(request: Request, runtime: RuntimeDep) -> Response:
    return await _push(request, runtime, "wxa")
