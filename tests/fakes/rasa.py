"""A local Rasa 3.x server stand-in: POST /model/parse answers in Rasa's wire format, after an
optional delay (a slow or overloaded NLU server)."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class FakeRasa:
    def __init__(self, intent: str = "ask_policy") -> None:
        self.intent = intent
        self.delay_seconds = 0.0
        self.failing = False  # answer 500, as a Rasa server that is restarting would
        self.parsed: list[str] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                text = json.loads(self.rfile.read(length))["text"]
                owner.parsed.append(text)
                time.sleep(owner.delay_seconds)
                if owner.failing:
                    self.send_response(500)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = json.dumps(
                    {
                        "text": text,
                        "intent": {"name": owner.intent, "confidence": 0.93},
                        "entities": [],
                        "intent_ranking": [
                            {"name": owner.intent, "confidence": 0.93},
                            {"name": "answer", "confidence": 0.05},
                        ],
                    },
                    ensure_ascii=False,
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> FakeRasa:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
