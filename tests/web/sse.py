"""Reading a Server-Sent Events stream in a background thread, as a page's EventSource would."""

from __future__ import annotations

import json
import queue
import threading
import time
from typing import Any

import httpx


class EventReader:
    """Collects `(event, data)` pairs from one SSE response until closed."""

    def __init__(self, base_url: str, path: str, token: str) -> None:
        self.events: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._stop = threading.Event()
        self._client = httpx.Client(base_url=base_url, timeout=None, trust_env=False)
        self._headers = {"Authorization": f"Bearer {token}"}
        self._path = path
        self.status: int | None = None
        self.ended = False
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._read()
        except (httpx.HTTPError, RuntimeError):  # the server went away or we closed: the end
            self.ended = True

    def _read(self) -> None:
        with self._client.stream("GET", self._path, headers=self._headers) as response:
            self.status = response.status_code
            kind, data = "message", ""
            for line in response.iter_lines():
                if self._stop.is_set():
                    return
                if line.startswith("event: "):
                    kind = line[7:]
                elif line.startswith("data: "):
                    data += line[6:]
                elif line == "" and data:
                    self.events.put((kind, json.loads(data)))
                    kind, data = "message", ""

    def wait_for(self, kind: str, match: Any = None, timeout: float = 10) -> Any:
        """The next `kind` event whose data satisfies `match` (a callable); earlier ones drop."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                got, data = self.events.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                break
            if got == kind and (match is None or match(data)):
                return data
        raise AssertionError(f"no {kind} event matching within {timeout} s")

    def close(self) -> None:
        self._stop.set()
        self._client.close()
