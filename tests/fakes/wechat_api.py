"""A local stand-in for api.weixin.qq.com that answers in WeChat's wire format.

Responses are the real fixtures from ../shared/reference/wechat/wechatpy_api_fixtures; every
request is recorded so tests can assert what the service sent.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

FIXTURES = (
    Path(__file__).resolve().parents[2].parent / "shared/reference/wechat/wechatpy_api_fixtures"
)
VALID_CODE = "valid-js-code"


def fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return data


class FakeWeChat:
    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.delay_seconds = 0.0
        self.failing_sends = 0  # the next N customer-service sends answer 系统繁忙 (errcode -1)
        self.refusing = False  # every send answers 45015 (the user is out of the 48 h window)
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _reply(self, payload: dict[str, Any]) -> None:
                body = json.dumps(payload, ensure_ascii=False).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json; encoding=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _handle(self, method: str) -> None:
                url = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                body = json.loads(raw) if raw else None
                owner.requests.append(
                    {"method": method, "path": url.path, "query": query, "body": body}
                )
                self._reply(owner.route(url.path, query, body))

            def do_GET(self) -> None:
                self._handle("GET")

            def do_POST(self) -> None:
                self._handle("POST")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def route(self, path: str, query: dict[str, str], body: Any) -> dict[str, Any]:
        if path == "/cgi-bin/token":
            return fixture("token.json")
        if path == "/sns/jscode2session":
            if query.get("js_code") != VALID_CODE:
                return {"errcode": 40029, "errmsg": "invalid code"}
            return fixture("sns_jscode2session.json")
        if path == "/cgi-bin/message/custom/send":
            if self.refusing:
                return {"errcode": 45015, "errmsg": "response out of time limit"}
            if self.failing_sends > 0:
                self.failing_sends -= 1
                return {"errcode": -1, "errmsg": "system error"}
            return fixture("message_custom_send.json")
        if path == "/cgi-bin/message/subscribe/send":
            return {"errcode": 0, "errmsg": "ok"}
        return {"errcode": 40001, "errmsg": f"unknown path {path}"}

    def send_attempts(self, openid: str) -> int:
        return sum(
            1
            for r in self.requests
            if r["path"] == "/cgi-bin/message/custom/send"
            and (r["body"] or {}).get("touser") == openid
        )

    def sent_texts(self) -> list[tuple[str, str]]:
        return [
            (r["body"]["touser"], r["body"]["text"]["content"])
            for r in self.requests
            if r["path"] == "/cgi-bin/message/custom/send" and r["body"]
        ]

    def start(self) -> FakeWeChat:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
