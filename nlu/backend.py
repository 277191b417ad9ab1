"""The NLU backend interface and its factory: the local classifier or a Rasa server."""

from __future__ import annotations

from typing import Literal, Protocol, runtime_checkable

from nlu.types import Parse

BackendKind = Literal["local", "rasa"]


@runtime_checkable
class NluBackend(Protocol):
    """Text in, a typed Parse out (intent, confidence, top-3 ranking, entities)."""

    def parse(self, text: str) -> Parse: ...

    async def aparse(self, text: str) -> Parse: ...


class LocalBackend:
    """The in-process classifier (nlu.intents); CPU-only and sub-millisecond."""

    def __init__(self) -> None:
        from nlu.intents import get_classifier

        self._classifier = get_classifier()

    def parse(self, text: str) -> Parse:
        return self._classifier.predict(text)

    async def aparse(self, text: str) -> Parse:
        return self._classifier.predict(text)


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
