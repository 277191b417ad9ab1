"""NLU backends: the factory, the local classifier, and Rasa over real HTTP."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any, ClassVar

import pytest

from guides.errors import NluBackendError
from nlu.backend import LocalBackend, NluBackend, make_backend
from nlu.intents import get_classifier, load_examples
from nlu.rasa_backend import RasaBackend
from nlu.types import Parse


def _rasa_payload(text: str) -> dict[str, Any]:
    """The shape Rasa 3.x's /model/parse returns (DIETClassifier + EntitySynonymMapper)."""
    start = text.find("低保")
    return {
        "text": text,
        "intent": {"name": "start_application", "confidence": 0.9312},
        "entities": [
            {
                "entity": "item",
                "start": start,
                "end": start + 2,
                "confidence_entity": 0.998,
                "value": "dibao",
                "extractor": "DIETClassifier",
                "processors": ["EntitySynonymMapper"],
            }
        ],
        "text_tokens": [[0, 1], [1, 2], [2, 4], [4, 6]],
        "intent_ranking": [
            {"name": "start_application", "confidence": 0.9312},
            {"name": "ask_policy", "confidence": 0.0511},
            {"name": "answer", "confidence": 0.0102},
            {"name": "greet", "confidence": 0.0075},
        ],
        "response_selector": {
            "all_retrieval_intents": [],
            "default": {
                "response": {
                    "responses": None,
                    "confidence": 0.0,
                    "intent_response_key": None,
                    "utter_action": "utter_None",
                },
                "ranking": [],
            },
        },
    }


class _FakeRasa(BaseHTTPRequestHandler):
    requests: ClassVar[list[dict[str, Any]]] = []
    mode: ClassVar[str] = "ok"

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append({"path": self.path, "body": body})
        if self.path != "/model/parse" or type(self).mode == "error":
            self.send_response(500)
            self.end_headers()
            return
        payload = _rasa_payload(body["text"])
        if type(self).mode == "no_model":
            payload["intent"] = {"name": None, "confidence": 0.0}
        data = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def fake_rasa() -> Iterator[str]:
    _FakeRasa.requests.clear()
    _FakeRasa.mode = "ok"
    server = HTTPServer(("127.0.0.1", 0), _FakeRasa)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_rasa_backend_maps_the_response(fake_rasa: str) -> None:
    backend = make_backend("rasa", fake_rasa + "/")
    assert isinstance(backend, RasaBackend)
    parse = backend.parse("我想申请低保")
    assert _FakeRasa.requests == [{"path": "/model/parse", "body": {"text": "我想申请低保"}}]
    assert parse.intent == "start_application"
    assert parse.confidence == pytest.approx(0.9312)
    assert [name for name, _ in parse.ranking] == ["start_application", "ask_policy", "answer"]
    item = parse.first("item")
    assert item is not None
    assert (item.value, item.text, item.start, item.end) == ("dibao", "低保", 4, 6)


def test_rasa_backend_async(fake_rasa: str) -> None:
    backend = RasaBackend(fake_rasa)

    async def run() -> Parse:
        try:
            return await backend.aparse("低保怎么申请")
        finally:
            await backend.aclose()

    parse = asyncio.run(run())
    assert parse.intent == "start_application"
    assert parse.entities[0].text == "低保"


def test_rasa_backend_errors(fake_rasa: str) -> None:
    backend = RasaBackend(fake_rasa)
    _FakeRasa.mode = "error"
    with pytest.raises(NluBackendError) as excinfo:
        backend.parse("身份证号620102195501011234")
    assert "620102195501011234" not in str(excinfo.value)
    _FakeRasa.mode = "no_model"
    with pytest.raises(NluBackendError, match="no intent"):
        backend.parse("你好")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    with pytest.raises(NluBackendError):
        RasaBackend(f"http://127.0.0.1:{closed_port}", timeout=1.0).parse("你好")


def test_factory_rejects_bad_config() -> None:
    with pytest.raises(ValueError, match="rasa_url"):
        make_backend("rasa", None)
    with pytest.raises(ValueError, match="unknown"):
        make_backend("spacy")
    with pytest.raises(ValueError, match="http"):
        RasaBackend("localhost:5005")


def test_local_backend(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHEJIU_MODEL_DIR", str(tmp_path))
    monkeypatch.setattr("nlu.intents._classifier", None)
    backend = make_backend("local")
    assert isinstance(backend, LocalBackend)
    assert isinstance(backend, NluBackend)
    assert backend.parse("转人工").intent == "handoff"
    assert asyncio.run(backend.aparse("谢谢你啊")).intent == "thanks"
    assert list(tmp_path.glob("intents-*.joblib"))


@pytest.mark.skipif(
    not os.environ.get("RASA_URL"),
    reason="set RASA_URL to a running Rasa server trained on `python -m nlu.rasa_export`",
)
def test_real_rasa_server() -> None:
    intents = {e.intent for e in load_examples()}
    parse = RasaBackend(os.environ["RASA_URL"], timeout=30.0).parse("我想申请低保")
    assert parse.intent in intents
    assert 0.0 <= parse.confidence <= 1.0
    assert parse.ranking[0][0] == parse.intent


def test_the_local_backend_keeps_short_answers_but_never_personal_numbers() -> None:
    backend = LocalBackend()
    first = backend.parse("不知道")
    assert backend.parse("不知道") is first  # kept: the classifier is not asked again
    assert first == get_classifier().predict("不知道")
    with_phone = backend.parse("13912345678")
    assert with_phone.first("phone") is not None
    assert backend.parse("13912345678") is not with_phone  # read again, never kept
    long_text = "我想问一下我们家的情况能不能申请低保"
    assert backend.parse(long_text) is not backend.parse(long_text)


def test_an_intents_only_backend_gives_the_same_intent_without_entities() -> None:
    """The service's chat turn reads only the intent and its confidence: its backend skips the
    entity finders, and every intent, confidence and ranking stays as the full parse's."""
    full, intents_only = make_backend("local"), make_backend("local", entities=False)
    texts = [e.text for e in load_examples()[:300]]
    texts += ["我今年六十八了，电话13812345678", "存款大概两万块", "不知道"]
    found_any = False
    for text in texts:
        parsed, quick = full.parse(text), intents_only.parse(text)
        assert (quick.intent, quick.confidence, quick.ranking) == (
            parsed.intent, parsed.confidence, parsed.ranking
        ), text  # fmt: skip
        assert quick.entities == ()
        found_any = found_any or bool(parsed.entities)
    assert found_any  # the full parse does find entities in these texts
