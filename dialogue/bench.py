"""Benchmark: turn latency (in-process, real Redis) and questions to a complete result.

    python -m dialogue.bench [--rounds N]

Uses REDIS_URL when set; otherwise starts a throwaway redis-server, like the tests. Runs the
persona of every conversation script in dialogue/scripts that names a household size from
the start to the result, timing each turn (load + lock + NLU + screening + save), and counts
the questions asked until the result.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.replies import Reply
from dialogue.scripting import Runner, Script, load_scripts
from dialogue.state import Session
from dialogue.store import SessionStore, StoreConfig


@contextmanager
def redis_url() -> Iterator[str]:
    url = os.environ.get("REDIS_URL")
    if url:
        yield url
        return
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server not found: set REDIS_URL or run ./run setup")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    with tempfile.TemporaryDirectory(prefix="bench-redis-") as tmp:
        args = [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", tmp, "--save", ""]
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                        break
                except OSError:
                    time.sleep(0.05)
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            proc.terminate()
            proc.wait(timeout=10)


class TimedAssistant:
    """The bot.assistant turn (lock, load, engine turn, save) with each turn timed."""

    def __init__(self, store: SessionStore, engine: DialogueEngine, timings: list[float]):
        self.store, self.engine, self.timings = store, engine, timings

    async def start(
        self, region: Any, channel: str, owner: Any, text: str | None = None
    ) -> tuple[str, list[Reply]]:
        session = Session.new(self.store.new_id(), str(owner), region, channel)
        async with self.store.locked(session.id):
            replies = self.engine.open(session, text)
            await self.store.save(session)
        return session.id, replies

    async def handle(
        self, session_id: str, owner: Any, text: str | None = None, choice: str | None = None
    ) -> Any:
        began = time.perf_counter()
        async with self.store.locked(session_id):
            session = await self.store.load(session_id)
            replies = self.engine.turn(session, text=text, choice=choice)
            await self.store.save(session)
        self.timings.append(time.perf_counter() - began)
        return _Result(replies)

    async def get(self, session_id: str, owner: Any) -> Session:
        return await self.store.load(session_id)


class _Result:
    def __init__(self, replies: list[Reply]) -> None:
        self.replies = replies


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


async def _run(url: str, nlu: IntentParser, scripts: list[Script], rounds: int) -> None:
    store = SessionStore.from_url(url, StoreConfig(session_ttl_seconds=600))
    engine = DialogueEngine(nlu)
    timings: list[float] = []
    questions: dict[str, int] = {}
    sizes: dict[str, int] = {}
    for round_number in range(rounds):
        for script in scripts:
            runner = Runner(lambda: TimedAssistant(store, engine, timings))
            session = await runner.run(script)
            if round_number == 0 and script.household_size is not None:
                questions[script.name] = session.questions_asked
                sizes[script.name] = script.household_size
    await store.close()
    ms = [t * 1000 for t in timings]
    print(f"turns timed: {len(ms)} ({rounds} rounds over {len(scripts)} scripts)")
    print(f"turn latency p50: {_percentile(ms, 0.50):.2f} ms")
    print(f"turn latency p99: {_percentile(ms, 0.99):.2f} ms")
    print(f"turn latency max: {max(ms):.2f} ms")
    print("questions to a complete result:")
    for name, count in sorted(questions.items(), key=lambda kv: (sizes[kv[0]], kv[0])):
        print(f"  {name:40s} size {sizes[name]}  {count:3d} questions")
    three = [questions[n] for n in questions if sizes[n] == 3]
    if three:
        print(f"median questions, three-person households ({len(three)}): "
              f"{statistics.median(three):g}")  # fmt: skip
    print(f"median questions, all households ({len(questions)}): "
          f"{statistics.median(questions.values()):g}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from nlu.backend import make_backend

    nlu = make_backend("local")
    scripts = [s for s in load_scripts() if s.household_size is not None]
    with redis_url() as url:
        asyncio.run(_run(url, nlu, scripts, args.rounds))


if __name__ == "__main__":
    main()
