"""Load benchmark on loopback: chat turns/s and p99 at 50 and 200 concurrent sessions, beside a
hello-world FastAPI endpoint measured in the same run. Bounded in count and time.

    python -m api.bench [--turns-per-session 6] [--seconds 60]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
HELLO_APP = """
from fastapi import FastAPI
app = FastAPI()
@app.get("/hello")
async def hello() -> dict[str, str]:
    return {"hello": "world"}
"""
ANSWERS = ["3口人", "农村", "每月一共1500块", "没有", "不知道", "有", "65岁", "是的"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(url: str, proc: subprocess.Popen[bytes], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            if httpx.get(url, timeout=1, trust_env=False).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"{url} not ready")


def p99(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


async def chat_load(
    url: str, sessions: int, turns: int, limit_s: float
) -> tuple[int, list[float], float]:
    latencies: list[float] = []
    async with httpx.AsyncClient(base_url=url, timeout=30, trust_env=False,
                                 limits=httpx.Limits(max_connections=sessions)) as client:  # fmt: skip

        async def one(n: int) -> None:
            login = await client.post("/api/v1/auth/guest")
            login.raise_for_status()
            token = login.json()["token"]
            headers = {"Authorization": f"Bearer {token}"}
            region = ["gansu", "ningxia", "shanxi", "jinan-licheng"][n % 4]
            started = await client.post(
                "/api/v1/sessions", json={"region": region}, headers=headers
            )
            session_id = started.json()["session_id"]
            for t in range(turns):
                if time.perf_counter() > deadline:
                    return
                t0 = time.perf_counter()
                response = await client.post(
                    f"/api/v1/sessions/{session_id}/messages",
                    json={"text": ANSWERS[(n + t) % len(ANSWERS)]},
                    headers=headers,
                )
                latencies.append(time.perf_counter() - t0)
                response.raise_for_status()

        deadline = time.perf_counter() + limit_s
        t_start = time.perf_counter()
        await asyncio.gather(*(one(n) for n in range(sessions)))
        elapsed = time.perf_counter() - t_start
    return len(latencies), latencies, elapsed


async def hello_load(url: str, concurrency: int, requests: int) -> tuple[list[float], float]:
    latencies: list[float] = []
    async with httpx.AsyncClient(base_url=url, timeout=30, trust_env=False,
                                 limits=httpx.Limits(max_connections=concurrency)) as client:  # fmt: skip

        async def worker(count: int) -> None:
            for _ in range(count):
                t0 = time.perf_counter()
                (await client.get("/hello")).raise_for_status()
                latencies.append(time.perf_counter() - t0)

        t_start = time.perf_counter()
        await asyncio.gather(*(worker(requests // concurrency) for _ in range(concurrency)))
        elapsed = time.perf_counter() - t_start
    return latencies, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns-per-session", type=int, default=6)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    redis_bin = shutil.which("redis-server")
    if redis_bin is None:
        raise SystemExit("redis-server missing: run ./run setup")
    with tempfile.TemporaryDirectory() as tmp:
        redis_port, app_port, hello_port = free_port(), free_port(), free_port()
        redis = subprocess.Popen([redis_bin, "--port", str(redis_port), "--save", "", "--dir", tmp],
                                 stdout=subprocess.DEVNULL)  # fmt: skip
        Path(tmp, "hello_app.py").write_text(HELLO_APP)
        service_log = open(os.environ.get("BENCH_LOG", os.devnull), "wb")  # noqa: SIM115
        env = {**os.environ, "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
               "DATABASE_URL": f"sqlite:///{tmp}/bench.db", "SECRET_KEY": "bench",
               "NO_PROXY": "127.0.0.1,localhost",
               # one client IP drives every session here: lift the per-IP limit for the run
               "RATE_LIMIT_PER_IP": "1000000", "RATE_LIMIT_PER_ACCOUNT": "1000000"}  # fmt: skip
        service = subprocess.Popen([sys.executable, "-m", "uvicorn", "api.asgi:app", "--port",
                                    str(app_port), "--log-level", "warning"], cwd=ROOT, env=env,
                                   stdout=subprocess.DEVNULL, stderr=service_log)  # fmt: skip
        hello = subprocess.Popen([sys.executable, "-m", "uvicorn", "hello_app:app", "--port",
                                  str(hello_port), "--log-level", "warning"], cwd=tmp, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            service_url, hello_url = (
                f"http://127.0.0.1:{app_port}",
                f"http://127.0.0.1:{hello_port}",
            )
            wait_ready(f"{service_url}/readyz", service)
            wait_ready(f"{hello_url}/hello", hello)
            print(
                "concurrency | chat turns/s | chat p50 ms | chat p99 ms | hello req/s | hello p99 ms | turns/s ÷ hello req/s"
            )
            for concurrency in (50, 200):
                count, lat, elapsed = asyncio.run(
                    chat_load(service_url, concurrency, args.turns_per_session, args.seconds)
                )
                hlat, helapsed = asyncio.run(hello_load(hello_url, concurrency, concurrency * 20))
                turns_s, hello_s = count / elapsed, len(hlat) / helapsed
                print(f"{concurrency:>11} | {turns_s:12.1f} | {statistics.median(lat) * 1000:11.1f} | "
                      f"{p99(lat) * 1000:11.1f} | {hello_s:11.1f} | {p99(hlat) * 1000:12.1f} | "
                      f"{turns_s / hello_s:.3f}")  # fmt: skip
        finally:
            for proc in (service, hello, redis):
                proc.terminate()
                proc.wait(timeout=20)


if __name__ == "__main__":
    main()
