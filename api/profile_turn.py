"""Where a chat turn's server CPU goes: `python -m api.profile_turn [--turns 2000]`.

Starts the service (one uvicorn worker, a throwaway redis-server and SQLite file) and drives
chat turns over HTTP like `api.bench`, then:
1. CPU per turn: the server process's user+system CPU time (from /proc) over the turns,
   without a profiler attached;
2. a cProfile of the same load on a second server, saved as artifacts/profile/turn.prof with a
   text summary (turn.txt: top functions by own time and by cumulative time). The profile
   starts after start-up and warm-up, and covers the worker threads (dialogue turns run there)
   as well as the event loop: `--serve` runs the server under that profiler.
Figures are noisy on a shared machine; compare runs made back to back.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import os
import pstats
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import FrameType

import httpx

from api.bench import BenchSession, cpu_seconds, free_port, make_sessions, wait_ready
from api.citizens import Citizen, session_seeds
from api.settings import EVENT_LOOP

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "artifacts" / "profile"


class Citizens:
    """The bench's citizens of the sessions (same seeds), and what each says next."""

    def __init__(self, sessions: list[BenchSession]) -> None:
        seeds = session_seeds(len(sessions))
        pairs = zip(sessions, seeds, strict=True)
        self.of = {sid: Citizen(region, seed) for (sid, _, region, _), seed in pairs}
        self.next_text = {
            sid: self.of[sid].says({"status": "active", "pending_question": first})
            for sid, _, _, first in sessions
        }


async def drive(
    url: str, sessions: list[BenchSession], turns: int, concurrency: int, said: Citizens
) -> int:
    """`turns` chat turns over the sessions, `concurrency` at a time, each session one of
    `api.bench`'s citizens after another; returns how many were 200."""
    ok = 0
    citizens, next_text = said.of, said.next_text
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(turns):
        queue.put_nowait(n)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=30, trust_env=False, limits=limits) as c:

        async def worker(own: list[BenchSession]) -> None:
            nonlocal ok
            turn = 0
            while own and not queue.empty():
                queue.get_nowait()
                session_id, token, _, _ = own[turn % len(own)]
                turn += 1
                response = await c.post(
                    f"/api/v1/sessions/{session_id}/messages",
                    json={"text": next_text[session_id]},
                    headers={"Authorization": f"Bearer {token}"},
                )
                ok += response.status_code == 200
                if response.status_code == 200:
                    next_text[session_id] = citizens[session_id].says(response.json()["state"])

        # each session belongs to one worker: its turns come one after another, like a person's
        await asyncio.gather(*(worker(sessions[k::concurrency]) for k in range(concurrency)))
    return ok


def start_service(env: dict[str, str], port: int, profile: Path | None) -> subprocess.Popen[bytes]:
    if profile is not None:
        args = ["-m", "api.profile_turn", "--serve", str(port), "--out", str(profile)]
    else:
        args = ["-m", "uvicorn", "api.asgi:app", "--port", str(port), "--loop", EVENT_LOOP,
                "--log-level", "warning", "--no-access-log"]  # fmt: skip
    return subprocess.Popen(
        [sys.executable, *args], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


class ThreadProfiler:
    """cProfile on every thread, switched on by SIGUSR1 (after start-up and warm-up)."""

    def __init__(self) -> None:
        self.profiles: list[cProfile.Profile] = []
        self.on = threading.Event()
        self.lock = threading.Lock()

    def _start_here(self) -> None:
        profile = cProfile.Profile(time.thread_time)  # CPU time: idle waits cost nothing
        with self.lock:
            self.profiles.append(profile)
        profile.enable()

    def _thread_hook(self, frame: FrameType, event: str, arg: object) -> None:
        if self.on.is_set():
            sys.setprofile(None)
            self._start_here()

    def install(self) -> None:
        threading.setprofile(self._thread_hook)  # before any thread starts
        signal.signal(signal.SIGUSR1, lambda signum, frame: self.switch_on())

    def switch_on(self) -> None:
        if not self.on.is_set():
            self.on.set()
            self._start_here()  # the main thread: the event loop

    def dump(self, out: Path) -> None:
        with self.lock:
            profiles = list(self.profiles)
        for profile in profiles:
            profile.disable()
        if profiles:
            stats = pstats.Stats(profiles[0])
            for profile in profiles[1:]:
                stats.add(profile)
            stats.dump_stats(str(out))


def serve(port: int, out: Path) -> None:
    profiler = ThreadProfiler()
    profiler.install()
    import uvicorn

    try:
        uvicorn.run(
            "api.asgi:app", port=port, log_level="warning", access_log=False, loop=EVENT_LOOP
        )
    finally:
        profiler.dump(out)


def measure(env: dict[str, str], args: argparse.Namespace, profile: Path | None) -> float:
    """Server CPU milliseconds per turn (with the profiler attached when `profile`)."""
    port = free_port()
    service = start_service(env, port, profile)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(f"{url}/readyz", service)
        sessions = asyncio.run(make_sessions(url, args.sessions))
        said = Citizens(sessions)
        asyncio.run(drive(url, sessions, args.sessions * 2, args.concurrency, said))  # warm-up
        if profile is not None:
            service.send_signal(signal.SIGUSR1)
            time.sleep(0.2)
        before = cpu_seconds(service.pid)
        ok = asyncio.run(drive(url, sessions, args.turns, args.concurrency, said))
        spent = cpu_seconds(service.pid) - before
        if ok != args.turns:
            print(f"warning: {args.turns - ok} turns did not answer 200")
        return spent * 1000 / args.turns
    finally:
        service.send_signal(signal.SIGINT)  # a clean exit: cProfile writes its file
        service.wait(timeout=60)


def summary(profile: Path, limit: int = 30) -> str:
    out = io.StringIO()
    stats = pstats.Stats(str(profile), stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(limit)
    stats.sort_stats("cumulative").print_stats(limit)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--turns", type=int, default=2000)
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--no-profile", action="store_true", help="only the CPU per turn")
    parser.add_argument("--serve", type=int, metavar="PORT", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.out)
        return
    redis_bin = shutil.which("redis-server")
    if redis_bin is None:
        raise SystemExit("needs redis-server: ./run setup")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        redis_port = free_port()
        redis = subprocess.Popen([redis_bin, "--port", str(redis_port), "--save", "",
                                  "--dir", tmp], stdout=subprocess.DEVNULL)  # fmt: skip
        env = {**os.environ, "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
               "DATABASE_URL": f"sqlite:///{tmp}/profile.db", "SECRET_KEY": "profile",
               "NO_PROXY": "127.0.0.1,localhost",
               "RATE_LIMIT_PER_IP": "100000000", "RATE_LIMIT_PER_ACCOUNT": "100000000"}  # fmt: skip
        try:
            time.sleep(0.2)
            plain = measure(env, args, None)
            print(f"server CPU per turn: {plain:.2f} ms ({args.turns} turns, "
                  f"{args.concurrency} at a time, one worker)")  # fmt: skip
            if not args.no_profile:
                profile = OUT / "turn.prof"
                profiled = measure(env, args, profile)
                text = summary(profile)
                (OUT / "turn.txt").write_text(
                    f"server CPU per turn without profiler: {plain:.2f} ms"
                    f" (with it: {profiled:.2f} ms)\n\n{text}"
                )
                print(f"profile: {profile} (summary in {OUT / 'turn.txt'})")
        finally:
            redis.terminate()
            redis.wait(timeout=20)


if __name__ == "__main__":
    main()
