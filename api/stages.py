"""CPU time per stage of a chat turn, without a profiler's distortion: `api.replay --stages`.

cProfile charges every Python call a fixed overhead, so code made of many small calls (the
question choice, screening's checks, redis-py, FastAPI's layers) looks several times dearer
than it is. Here a few named functions are wrapped with a process-time clock instead: the
figures are real CPU milliseconds per turn (noisy on a busy machine, like any CPU time), and
the rest of the request (FastAPI, middleware, redis-py, rendering) is the total minus the
engine's turn. Stages nest (the question choice includes the lookahead's trials); a stage
called again from inside itself is counted once. An async stage's clock runs across its awaits:
right only with one request at a time (the replay's default), as nothing else runs meanwhile.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import threading
import time
from collections.abc import Callable
from typing import Any

ASSISTANT = "assistant (lock, turn, save)"
INTENT = "  intent parse (before the lock)"
ENGINE = "  engine turn"
# (module, attribute path, label): each looked up where its callers find it (a function
# imported by name into dialogue.engine is wrapped there, not where it is defined).
STAGES: tuple[tuple[str, str, str], ...] = (
    ("bot.assistant", "Assistant.handle", ASSISTANT),
    ("nlu.backend", "LocalBackend.parse", INTENT),
    ("redis.asyncio.client", "Redis.execute_command", "  redis-py calls"),
    ("dialogue.store", "SessionStore._load", "  session load (JSON)"),
    ("dialogue.store", "SessionStore._dump", "  session dump (JSON)"),
    ("dialogue.engine", "DialogueEngine.turn", ENGINE),
    ("dialogue.engine", "read_facts", "    fact reader (nlu.facts)"),
    ("dialogue.engine", "parsed_answer", "    answer parser (pending question)"),
    ("dialogue.screened", "Screenings.with_digest", "    screening (facts changed)"),
    ("dialogue.engine", "plan", "    question choice (plan)"),
    ("dialogue.choosing", "candidates", "      candidates"),
    ("dialogue.lookahead", "Trial._outcomes", "      lookahead trials"),
    ("dialogue.engine", "ending", "    result (ending)"),
)


class Stages:
    """Process CPU seconds and calls per wrapped function, since the last `reset`."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self._inside = threading.local()
        self._undo: list[Callable[[], None]] = []

    def watch(self, module: str, path: str, label: str) -> bool:
        """Wrap `module.path` (a function or a class's method); False when it is not there."""
        owner: Any = importlib.import_module(module)
        *parents, name = path.split(".")
        for parent in parents:
            owner = getattr(owner, parent, None)
        original = getattr(owner, name, None) if owner is not None else None
        if not callable(original):
            return False
        self.seconds.setdefault(label, 0.0)
        self.calls.setdefault(label, 0)
        setattr(owner, name, self._timed(original, label))
        self._undo.append(lambda: setattr(owner, name, original))
        return True

    def _timed(self, fn: Callable[..., Any], label: str) -> Callable[..., Any]:
        inside = self._inside
        if inspect.iscoroutinefunction(fn):
            return self._timed_async(fn, label)

        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            running: set[str] = inside.__dict__.setdefault("running", set())
            if label in running:  # called again from inside itself: counted once
                return fn(*args, **kwargs)
            running.add(label)
            started = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[label] += time.process_time() - started
                self.calls[label] += 1
                running.discard(label)

        return timed

    def _timed_async(self, fn: Callable[..., Any], label: str) -> Callable[..., Any]:
        @functools.wraps(fn)
        async def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return await fn(*args, **kwargs)
            finally:
                self.seconds[label] += time.process_time() - started
                self.calls[label] += 1

        return timed

    def reset(self) -> None:
        for label in self.seconds:
            self.seconds[label], self.calls[label] = 0.0, 0

    def restore(self) -> None:
        """Unwrap every function watched."""
        while self._undo:
            self._undo.pop()()

    def report(self, turns: int, total_seconds: float) -> str:
        """ms per turn and calls per turn of each stage, then the request's rest."""
        lines = [f"{'stage':40} {'ms/turn':>8} {'calls/turn':>11}"]
        for label, seconds in self.seconds.items():
            calls = self.calls[label] / turns
            lines.append(f"{label:40} {seconds * 1000 / turns:8.3f} {calls:11.2f}")
        ms = {label: seconds * 1000 / turns for label, seconds in self.seconds.items()}
        total = total_seconds * 1000 / turns
        # the server's own share: FastAPI, middleware, redis-py, session JSON, rendering
        server = total - ms.get(ENGINE, 0.0) - ms.get(INTENT, 0.0)
        lines.append(f"{'server (all but engine turn and intent)':40} {server:8.3f}")
        if ASSISTANT in ms:  # it includes the intent parse
            outside = total - ms[ASSISTANT]
            inside = sum(v for k, v in ms.items() if k.startswith("  ") and not k.startswith("   "))
            lines.append(
                f"{'  assistant, the rest (lock, transcript)':40} {ms[ASSISTANT] - inside:8.3f}"
            )
            lines.append(f"{'  outside the assistant (ASGI, FastAPI)':40} {outside:8.3f}")
        lines.append(f"{'total':40} {total:8.3f}")
        return "\n".join(lines)


def watch_turn_stages() -> Stages:
    """The chat turn's stages (STAGES) wrapped; those not found are left out."""
    stages = Stages()
    for module, path, label in STAGES:
        stages.watch(module, path, label)
    return stages
