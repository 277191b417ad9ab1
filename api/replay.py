"""A fixed replay of `api.bench`'s chat turns, in-process, to compare two versions of the code:
`python -m api.replay [--turns 300] [--concurrency 1] [--profile OUT.prof]`.

The service's app is called directly over ASGI (no uvicorn, no HTTP client), against a throwaway
redis-server and SQLite file; the sessions are the bench's citizens (api.citizens), same seeds.
With one session at a time (the default) the same code sees the same turns in the same order,
so counts compare across versions, unlike wall or CPU time on a shared machine:

    PYTHONHASHSEED=0 CALLGRIND=1 valgrind --tool=callgrind --instr-atstart=no python -m api.replay

counts instructions over the measured turns only (CALLGRIND=1 switches callgrind's
instrumentation on after start-up and warm-up, and off after the turns, with callgrind_control);
`--profile` writes a cProfile of the same turns (CPU time; call counts are exact, times are not);
`--stages` prints the real CPU time per turn of the turn's main stages instead (api.stages).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from api.bench import REGIONS, free_port
from api.citizens import Citizen, session_seeds
from api.stages import watch_turn_stages

Message = MutableMapping[str, Any]
App = Callable[
    [Message, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]],
    Awaitable[None],
]


def instrumentation(state: str) -> None:
    """Switch callgrind's instrumentation of this process `on` or `off` (CALLGRIND=1 only)."""
    if os.environ.get("CALLGRIND"):
        subprocess.run(
            ["callgrind_control", "-i", state, str(os.getpid())], capture_output=True, check=False
        )


async def call(app: App, method: str, path: str, body: Any, token: str | None) -> tuple[int, bytes]:
    """One request straight to the ASGI app; its status and body."""
    raw = b"" if body is None else json.dumps(body, ensure_ascii=False).encode()
    headers = [(b"host", b"replay"), (b"content-type", b"application/json"),
               (b"content-length", str(len(raw)).encode())]  # fmt: skip
    if token:
        headers.append((b"authorization", f"Bearer {token}".encode()))
    scope: Message = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
        "root_path": "", "headers": headers, "client": ("127.0.0.1", 40000),
        "server": ("127.0.0.1", 8000),
    }  # fmt: skip
    sent, status, chunks = False, 0, []

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": raw, "more_body": False}
        await asyncio.Event().wait()  # the client never hangs up
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = int(message["status"])
        elif message["type"] == "http.response.body":
            chunks.append(bytes(message.get("body", b"")))

    await app(scope, receive, send)
    return status, b"".join(chunks)


class Replay:
    """Sessions of every region, each one the bench's citizens one after another."""

    def __init__(self, app: App, concurrency: int) -> None:
        self.app = app
        self.concurrency = concurrency
        self.citizens: dict[str, Citizen] = {}
        self.sessions: list[tuple[str, str, str]] = []
        self.next_text: dict[str, str] = {}
        self.errors = 0

    async def start(self, count: int) -> None:
        for _ in range(600):  # the app is ready once start-up has loaded everything
            if (await call(self.app, "GET", "/readyz", None, None))[0] == 200:
                break
            await asyncio.sleep(0.1)
        else:
            raise SystemExit("the service did not get ready")
        for n, seed in enumerate(session_seeds(count)):
            _, body = await call(self.app, "POST", "/api/v1/auth/guest", {}, None)
            token = json.loads(body)["token"]
            region = REGIONS[n % len(REGIONS)]
            _, body = await call(self.app, "POST", "/api/v1/sessions", {"region": region}, token)
            started = json.loads(body)
            session_id = started["session_id"]
            self.sessions.append((session_id, token, region))
            self.citizens[session_id] = Citizen(region, seed)
            self.next_text[session_id] = self.citizens[session_id].says(started["state"])

    async def turns(self, count: int) -> None:
        left = [count]

        async def worker(own: list[tuple[str, str, str]]) -> None:
            turn = 0
            while own and left[0] > 0:
                left[0] -= 1
                session_id, token, _ = own[turn % len(own)]
                turn += 1
                path = f"/api/v1/sessions/{session_id}/messages"
                status, body = await call(
                    self.app, "POST", path, {"text": self.next_text[session_id]}, token
                )
                if status != 200:
                    self.errors += 1
                    continue
                state = json.loads(body)["state"]
                self.next_text[session_id] = self.citizens[session_id].says(state)

        n = self.concurrency
        await asyncio.gather(*(worker(self.sessions[k::n]) for k in range(n)))


async def replay(args: argparse.Namespace) -> None:
    from api.app import create_app

    app = create_app()
    stages = watch_turn_stages() if args.stages else None
    async with app.router.lifespan_context(app):
        run = Replay(app, args.concurrency)
        await run.start(args.sessions)
        await run.turns(args.warm)
        if stages is not None:
            stages.reset()
        # CPU time, not wall time: a shared machine's waits would count as the code's own
        profile = cProfile.Profile(time.process_time) if args.profile else None
        instrumentation("on")
        cpu = time.process_time()
        if profile is not None:
            profile.enable()
        await run.turns(args.turns)
        if profile is not None:
            profile.disable()
        cpu = time.process_time() - cpu
        instrumentation("off")
        if profile is not None:
            profile.dump_stats(args.profile)
    print(f"{args.turns} turns, {run.errors} not 200; CPU {cpu * 1000 / args.turns:.2f} ms a turn")
    if stages is not None:
        stages.restore()
        print(stages.report(args.turns, cpu))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--turns", type=int, default=300)
    parser.add_argument("--warm", type=int, default=200, help="turns before the measured ones")
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--profile", help="write a cProfile of the measured turns here")
    parser.add_argument("--stages", action="store_true", help="CPU ms per turn of each stage")
    args = parser.parse_args()
    redis_bin = shutil.which("redis-server")
    if redis_bin is None:
        raise SystemExit("needs redis-server: ./run setup")
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        redis = subprocess.Popen([redis_bin, "--port", str(port), "--save", "", "--dir", tmp],
                                 stdout=subprocess.DEVNULL)  # fmt: skip
        os.environ.update({
            "REDIS_URL": f"redis://127.0.0.1:{port}/0", "DATABASE_URL": f"sqlite:///{tmp}/r.db",
            "SECRET_KEY": "replay", "NO_PROXY": "127.0.0.1,localhost",
            "RATE_LIMIT_PER_IP": "100000000", "RATE_LIMIT_PER_ACCOUNT": "100000000",
        })  # fmt: skip
        try:
            time.sleep(0.3)
            asyncio.run(replay(args))
        finally:
            redis.terminate()
            redis.wait(timeout=20)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
