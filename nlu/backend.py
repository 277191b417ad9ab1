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
    text, never the text itself; a text with an ID, phone or bank number is never kept.

    `entities=False`: parses without entities, for a caller that reads only the intent and its
    confidence (the chat turn: its answers are read by dialogue.answers and nlu.facts), which
    saves a pass of every entity finder over each message."""

    KEPT = 4096
    KEPT_MAX_CHARS = 16

    def __init__(self, entities: bool = True) -> None:
        from nlu.intents import get_classifier

        self._classifier = get_classifier()
        self._entities = entities
        self._kept: OrderedDict[tuple[bytes, dt.date], Parse] = OrderedDict()
        self._lock = threading.Lock()  # turns parse on the event loop and in worker threads

    def parse(self, text: str) -> Parse:
        if len(text) > self.KEPT_MAX_CHARS or mask_numbers(text) != text:
            return self._classifier.predict(text, self._entities)
        key = (hashlib.blake2b(text.encode()).digest(), dt.date.today())
        with self._lock:
            parsed = self._kept.get(key)
            if parsed is not None:
                self._kept.move_to_end(key)
                return parsed
        parsed = self._classifier.predict(text, self._entities)
        with self._lock:
            self._kept[key] = parsed
            if len(self._kept) > self.KEPT:
                self._kept.popitem(last=False)
        return parsed

    async def aparse(self, text: str) -> Parse:
        return self.parse(text)


def make_backend(
    kind: BackendKind | str = "local", rasa_url: str | None = None, entities: bool = True
) -> NluBackend:
    """Build the backend named in config.yml (`nlu.backend`, `nlu.rasa_url`); `entities=False`
    for a caller that reads only intents (LocalBackend; Rasa sends its entities anyway)."""
    if kind == "local":
        return LocalBackend(entities)
    if kind == "rasa":
        if not rasa_url:
            raise ValueError("nlu backend 'rasa' needs rasa_url")
        from nlu.rasa_backend import RasaBackend

        return RasaBackend(rasa_url)
    raise ValueError(f"unknown nlu backend {kind!r}: use 'local' or 'rasa'")
