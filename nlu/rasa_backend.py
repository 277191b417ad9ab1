"""An NLU backend that asks a running Rasa 3.x server: POST {url}/model/parse {"text": ...}."""

from __future__ import annotations

from typing import Any

import httpx

from guides.errors import NluBackendError
from nlu.types import Entity, Parse

DEFAULT_TIMEOUT = 5.0
TOP_K = 3


def parse_rasa_response(text: str, payload: Any) -> Parse:
    """Map Rasa's /model/parse JSON into a Parse; raise NluBackendError on a bad shape."""
    if not isinstance(payload, dict):
        raise NluBackendError("rasa: response is not a JSON object")
    intent = payload.get("intent") or {}
    name = intent.get("name") if isinstance(intent, dict) else None
    if not isinstance(name, str) or not name:
        raise NluBackendError("rasa: response has no intent (is a model loaded?)")
    confidence = float(intent.get("confidence") or 0.0)
    ranking: list[tuple[str, float]] = []
    for row in payload.get("intent_ranking") or []:
        if isinstance(row, dict) and isinstance(row.get("name"), str):
            ranking.append((row["name"], float(row.get("confidence") or 0.0)))
    if not ranking:
        ranking = [(name, confidence)]
    ranking.sort(key=lambda r: -r[1])
    entities: list[Entity] = []
    for raw in payload.get("entities") or []:
        if not isinstance(raw, dict) or not isinstance(raw.get("entity"), str):
            continue
        start, end = raw.get("start"), raw.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            start = end = 0
        surface = text[start:end]
        value = raw.get("value", surface)
        entities.append(Entity(type=raw["entity"], value=value, text=surface, start=start, end=end))
    return Parse(name, confidence, tuple(entities), tuple(ranking[:TOP_K]))


class RasaBackend:
    """Calls a Rasa server; one pooled client per backend (sync and async)."""

    def __init__(self, url: str, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"rasa url must be http(s): {url!r}")
        self.url = url.rstrip("/")
        self._client = httpx.Client(timeout=timeout)
        self._async_client = httpx.AsyncClient(timeout=timeout)

    @property
    def endpoint(self) -> str:
        return f"{self.url}/model/parse"

    def parse(self, text: str) -> Parse:
        try:
            response = self._client.post(self.endpoint, json={"text": text})
            response.raise_for_status()
            payload = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            # The text may hold personal data: never put it in the error.
            raise NluBackendError(f"rasa: {type(exc).__name__} from {self.endpoint}") from exc
        return parse_rasa_response(text, payload)

    async def aparse(self, text: str) -> Parse:
        try:
            response = await self._async_client.post(self.endpoint, json={"text": text})
            response.raise_for_status()
            payload = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise NluBackendError(f"rasa: {type(exc).__name__} from {self.endpoint}") from exc
        return parse_rasa_response(text, payload)

    def close(self) -> None:
        self._client.close()

    async def aclose(self) -> None:
        self._client.close()
        await self._async_client.aclose()
