"""The published parameters as screening reads them: one in-memory `Parameters` per worker.

Freshness without a restart, as for the KB (bot/kb/service.py): before handing out the cached
values, the service reads `kb_meta.params_version` at most every `refresh_seconds`, or at once
when the Redis notifier says a value was published; when the counter moved it rebuilds from
the published rows and swaps the new `Parameters` in. A future-dated value needs no rebuild:
`Parameters.at` picks the value in force on the screening date.
Screening on the event loop (a chat turn) reads no database: it gets the values as last built,
and the worker's background task refreshes them (api.wiring.keep_fresh, within a tick of a
publish notice); screening in a worker thread refreshes first, as before.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from bot.kb.service import ChangeNotifier
from bot.params.store import ParameterStore
from guides.params import Parameters, use_source

CHANNEL = "params:version"


class ParameterService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        refresh_seconds: float = 2.0,
        notifier: ChangeNotifier | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = ParameterStore(sessions, notifier.publish if notifier else None)
        self.refresh_seconds = refresh_seconds
        self._notifier = notifier
        self._clock = clock
        self._lock = threading.Lock()
        self._params: Parameters | None = None
        self._built: int | None = None
        self._checked_at = float("-inf")

    @property
    def built_version(self) -> int | None:
        return self._built

    def current(self) -> Parameters:
        """The published values, rebuilt first when a publish happened (hinted or seen)."""
        self.refresh()
        assert self._params is not None
        return self._params

    def for_caller(self) -> Parameters:
        """What screening reads (`install`): on the event loop the values as last built (no
        database there); in a worker thread `current`, refreshed first when due."""
        if self._params is not None and _on_event_loop():
            return self._params
        return self.current()

    def refresh(self, *, force: bool = False) -> bool:
        now = self._clock()
        hinted = self._notifier.changed() if self._notifier else False
        due = now - self._checked_at >= self.refresh_seconds
        if not (force or hinted or due or self._params is None):
            return False
        with self._lock:
            self._checked_at = now
            version = self.store.version()
            if version == self._built and self._params is not None and not force:
                return False
            self._params = self.store.published_parameters()
            self._built = version
            return True

    def install(self) -> None:
        """Make this the parameter source of screening in this process."""
        use_source(self.for_caller)

    @staticmethod
    def uninstall() -> None:
        use_source(None)


def _on_event_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True
