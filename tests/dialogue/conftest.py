"""A real redis-server, the local NLU backend and the knowledge base, for the dialogue tests."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.assistant import Assistant, kb_answerer
from bot.kb.service import KnowledgeService
from dialogue.engine import IntentParser, PolicyAnswerer
from dialogue.store import SessionStore, StoreConfig
from nlu.backend import make_backend


@pytest.fixture(scope="session")
def nlu_backend() -> IntentParser:
    return make_backend("local")


@pytest.fixture(scope="session")
def policy_answerer(tmp_path_factory: pytest.TempPathFactory) -> PolicyAnswerer:
    db = Path(tmp_path_factory.mktemp("kb")) / "kb.db"
    return kb_answerer(KnowledgeService.open(f"sqlite:///{db}"))


@pytest.fixture
def make_assistant(
    redis_url: str, nlu_backend: IntentParser, policy_answerer: PolicyAnswerer
) -> Callable[[], Assistant]:
    """A fresh Assistant with a fresh Redis connection: a restart of the service."""

    def make() -> Assistant:
        store = SessionStore.from_url(redis_url, StoreConfig(session_ttl_seconds=3600))
        return Assistant(store, nlu_backend, policy_answerer)

    return make


@pytest.fixture
def run() -> Callable[..., object]:
    return asyncio.run
