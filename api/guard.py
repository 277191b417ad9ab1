"""The outermost ASGI middleware: the body limit, counted as the body streams, and one JSON
answer for every error nothing else handled, sent without closing the connection.

- A body over `max_body_bytes` is refused with 413 as soon as it is known: from Content-Length
  before anything is read, or while a chunked body streams, when the count passes the limit.
  The rest is never kept in memory.
- Redis unreachable (down, restarting, loading its data): 503 with an honest message and
  Retry-After. Whether the message was saved is not known, so it does not say it was; clients
  send it again with the same message id, which is never applied twice.
- Anything else: 500 in Chinese, no traceback in the answer. Starlette's own error middleware
  re-raises after answering, which makes uvicorn close a keep-alive connection; here the error
  is answered and logged, and the connection stays open.
"""

from __future__ import annotations

import json
import logging

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("api.errors")
TOO_LARGE = "内容太长了，请简短一些。"
STORE_DOWN = (
    "系统暂时出了点问题，刚才这一步可能没有记下来。请过几秒钟再试一次，同一句话不会重复记。"
)
INTERNAL = "系统开小差了，请稍后再试。"
RETRY_AFTER_SECONDS = 3


def _body(code: str, message: str) -> bytes:
    return json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False).encode()


async def send_json(
    send: Send, status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> None:
    body = _body(code, message)
    raw = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        *((k.lower().encode(), v.encode()) for k, v in (headers or {}).items()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


class Guard:
    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.limit = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.limit:
            await send_json(send, 413, "too_large", TOO_LARGE, {"Connection": "close"})
            return
        received = 0
        started = too_large = False

        async def limited() -> Message:
            # Past the limit the app is told the client left: whatever layers sit between
            # (and however they wrap errors), it stops reading, and its answer is replaced.
            nonlocal received, too_large
            if too_large:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit and not started:
                    too_large = True
                    return {"type": "http.disconnect"}
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            if too_large:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited, tracked)
        except Exception as exc:
            if started:
                raise  # half an answer is out: only closing the connection tells the client
            if not too_large:
                await self._answer(scope, send, exc)
                return
        if too_large:
            await send_json(send, 413, "too_large", TOO_LARGE, {"Connection": "close"})

    @staticmethod
    async def _answer(scope: Scope, send: Send, exc: Exception) -> None:
        path = str(scope.get("path", ""))
        if isinstance(exc, RedisConnectionError | RedisTimeoutError):
            log.warning("redis unavailable", extra={"fields": {"path": path}})
            retry = {"Retry-After": str(RETRY_AFTER_SECONDS)}
            await send_json(send, 503, "unavailable", STORE_DOWN, retry)
        else:
            log.error("unhandled error", exc_info=exc, extra={"fields": {"path": path}})
            await send_json(send, 500, "internal", INTERNAL)
