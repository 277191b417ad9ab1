"""The NLU backend interface and its factory: the local classifier or a Rasa server."""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict
from typing import Literal, Protocol, runtime_checkable

from nlu.privacy import mask_numbers
from nlu.types import Parse

BackendKind = Literal["local", "rasa"]


@runtime_checkable
class NluBackend(Protocol):
    """Text in, a typed Parse out (intent, confidence, top-3 ranking, entities)."""

    def parse(self, text: str) -> Parse: ...

    async def aparse(self, text: str) -> Parse: ...


class LocalBackend:
    """The in-process classifier (nlu.intents); CPU-only and sub-millisecond.

    Many citizens send the same short answers ("不知道", "没有", "3口人"): their parses are
    kept (per worker, per day: dates in a text are read against today) under a digest of the
    text, never the text itself; a text with an ID, phone or bank number is never kept."""

    KEPT = 4096
    KEPT_MAX_CHARS = 16

    def __init__(self) -> None:
        from nlu.intents import get_classifier

        self._classifier = get_classifier()
        self._kept: OrderedDict[tuple[bytes, dt.date], Parse] = OrderedDict()
        self._lock = threading.Lock()  # turns parse on the event loop and in worker threads

    def parse(self, text: str) -> Parse:
        if len(text) > self.KEPT_MAX_CHARS or mask_numbers(text) != text:
            return self._classifier.predict(text)
        key = (hashlib.blake2b(text.encode()).digest(), dt.date.today())
        with self._lock:
            parsed = self._kept.get(key)
            if parsed is not None:
                self._kept.move_to_end(key)
                return parsed
        parsed = self._classifier.predict(text)
        with self._lock:
            self._kept[key] = parsed
            if len(self._kept) > self.KEPT:
                self._kept.popitem(last=False)
        return parsed

    async def aparse(self, text: str) -> Parse:
        return self.parse(text)


def make_backend(kind: BackendKind | str = "local", rasa_url: str | None = None) -> NluBackend:
    """Build the backend named in config.yml (`nlu.backend`, `nlu.rasa_url`)."""
    if kind == "local":
        return LocalBackend()
    if kind == "rasa":
        if not rasa_url:
            raise ValueError("nlu backend 'rasa' needs rasa_url")
        from nlu.rasa_backend import RasaBackend

        return RasaBackend(rasa_url)
    raise ValueError(f"unknown nlu backend {kind!r}: use 'local' or 'rasa'")
