"""Load benchmark on loopback: chat turns/s and p99 at 50 and 200 concurrent sessions, beside a
hello-world FastAPI endpoint measured in the same run, both driven by wrk (a Python client
cannot generate enough load on 2 cores). Bounded in count and time.

It measures `--workers` uvicorn workers for both servers (default one), closed loop: each of the N connections sends its next turn
when the last one is answered, so p99 at N connections is about N ÷ turns/s times the tail
factor. The load generator is its own process (wrk, in C): its CPU share is printed beside
each row (wrk CPU, % of one core), as is the server's CPU per turn under that load.

    python -m api.bench [--seconds 20] [--workers 1]        (needs wrk: apt-get install wrk)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from api.settings import EVENT_LOOP

ROOT = Path(__file__).resolve().parent.parent
HELLO_APP = """
from fastapi import FastAPI
app = FastAPI()
@app.get("/hello")
async def hello() -> dict[str, str]:
    return {"hello": "world"}
"""
READY_IN_A_ROW = 30
REGIONS = ("gansu", "ningxia", "shanxi", "jinan-licheng")
# A session made for the load: its id, the guest token, its region and the first question asked
BenchSession = tuple[str, str, str, str]
# Each session is one citizen of its region after another (api.citizens: development personas,
# stories and wordings, some stray lines and restarts, drawn from the session's own seeded
# stream); `say` is the Lua twin of api.citizens.Citizen.says, drawing the same numbers. Every
# wrk thread walks its own slice of the sessions; every request is one turn.
# Like a person, a session sends its next message only after the reply to the last one: a
# session still waiting is passed over (wrk's request() cannot name its connection, so the
# reply's session id frees it). Without that, a turn slower than the slice's round trip had the
# session's next message wait for its lock, and that wait made the next one slower in turn.
# Texts are JSON strings already (api.citizens.json_text), pasted into the body as they are.
CHAT_LUA = """
local sessions = __SESSIONS__
local personas = __PERSONAS__
local by_region = __BY_REGION__
local stories = __STORIES__
local wordings = __WORDINGS__
local nothing = __NOTHING_LINES__
local threads_n = __THREADS__
local restart = __RESTART__
local dont_know = __DONT_KNOW__
local NO_STORY, OTHER_STORY = __NO_STORY__, __OTHER_STORY__
local START_OVER, NOTHING, OTHER_WORDING = __START_OVER__, __NOTHING__, __OTHER_WORDING__
local MAX_TURNS = __MAX_TURNS__
local next_text = {}
local waiting = {}
local plays = {}
local counter = 0
-- each thread's own number, a global set by setup() (a local here would be 0 in every thread,
-- and two threads would walk the same slice, two messages of one session at a time)
local threads_set = 0
function setup(thread) thread:set("id", threads_set); threads_set = threads_set + 1 end
function init(args)
  counter = 0
  for _, s in ipairs(sessions) do plays[s[1]] = {rng = s[5], region = s[3], turns = 0} end
end
-- MINSTD: exact in doubles (48271 * 2^31 < 2^53)
local function draw(p) p.rng = (p.rng * 48271) % 2147483647; return p.rng end
local function pick(p, pool) return pool[draw(p) % #pool + 1] end
local function say(p, done, pending, member)
  if p.persona == nil then
    local pool = by_region[p.region]
    p.persona = personas[pool[draw(p) % #pool + 1] + 1]
    p.turns = 0
    local story = draw(p) % 1000
    if story >= NO_STORY then
      if story < NO_STORY + OTHER_STORY or not p.persona.story then
        return pick(p, stories[p.region])
      end
      return p.persona.story
    end
  end
  p.turns = p.turns + 1
  if done or pending == nil or p.turns > MAX_TURNS then
    p.persona = nil
    return restart
  end
  local what = draw(p) % 1000
  if what < START_OVER then
    p.persona = nil
    return restart
  end
  if what < START_OVER + NOTHING then return pick(p, nothing) end
  if what < START_OVER + NOTHING + OTHER_WORDING and wordings[pending] then
    return pick(p, wordings[pending])
  end
  local answer = p.persona.answers[pending] or dont_know
  if type(answer) == "table" then
    return answer[(member or 0) + 1] or dont_know
  end
  return answer
end
function request()
  local per = math.floor(#sessions / threads_n)
  local s
  for _ = 1, per do
    counter = counter + 1
    s = sessions[id * per + (counter % per) + 1]
    if not waiting[s[1]] then break end
  end
  waiting[s[1]] = true
  local text = next_text[s[1]] or say(plays[s[1]], false, s[4], nil)
  local body = '{"text": ' .. text .. '}'
  return wrk.format("POST", "/api/v1/sessions/" .. s[1] .. "/messages",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. s[2]}, body)
end
function response(status, headers, body)
  local sid = body:match('"session_id":"([^"]+)"')
  if sid == nil then return end
  waiting[sid] = nil
  local pending = body:match('"pending_question":"([^"]+)"')
  local member = body:match('"pending_member":(%d+)')
  next_text[sid] = say(plays[sid], body:match('"status":"done"') ~= nil, pending,
                       member and tonumber(member))
end
function done(summary, latency, requests)
  io.write(string.format("P99_US %d\\nERRORS %d\\n", latency:percentile(99),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
"""


def lua_table(value: object) -> str:
    if isinstance(value, dict):
        return "{" + ",".join(f"[{lua_table(k)}]={lua_table(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "{" + ",".join(lua_table(v) for v in value) + "}"
    if value is None:
        return "false"
    return json.dumps(value, ensure_ascii=False)


def chat_script(sessions: list[BenchSession], threads: int) -> str:
    """wrk's script: the sessions (id, token, region, first question, seed) and every text as a
    JSON string."""
    from api import citizens

    said = citizens.mix()
    enc = citizens.json_text

    def texts(values: list[str]) -> list[str]:
        return [enc(v) for v in values]

    personas = [
        {
            "story": enc(p.story) if p.story is not None else None,
            "answers": {
                q: texts(a) if isinstance(a, list) else enc(a) for q, a in p.answers.items()
            },
        }
        for p in said.personas
    ]
    seeds = citizens.session_seeds(len(sessions))
    fills = {
        "SESSIONS": lua_table([(*s, seed) for s, seed in zip(sessions, seeds, strict=True)]),
        "PERSONAS": lua_table(personas),
        "BY_REGION": lua_table(said.by_region),
        "STORIES": lua_table({r: texts(v) for r, v in said.stories.items()}),
        "WORDINGS": lua_table({q: texts(v) for q, v in said.wordings.items()}),
        "NOTHING_LINES": lua_table(texts(said.nothing)),
        "THREADS": str(threads),
        "RESTART": lua_table(enc(citizens.RESTART)),
        "DONT_KNOW": lua_table(enc(citizens.DONT_KNOW)),
        "NO_STORY": str(citizens.NO_STORY),
        "OTHER_STORY": str(citizens.OTHER_STORY),
        "START_OVER": str(citizens.START_OVER),
        "NOTHING": str(citizens.NOTHING),
        "OTHER_WORDING": str(citizens.OTHER_WORDING),
        "MAX_TURNS": str(citizens.MAX_TURNS),
    }
    script = CHAT_LUA
    for name in sorted(fills, key=len, reverse=True):  # the longer names first
        script = script.replace(f"__{name}__", fills[name])
    return script


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(pid: int) -> float:
    """cpu_seconds of a process and its live descendants (uvicorn's workers)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    kids = [int(c) for c in children.read_text().split()] if children.exists() else []
    return cpu_seconds(pid) + sum(tree_cpu_seconds(kid) for kid in kids)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(url: str, proc: subprocess.Popen[bytes], seconds: float = 600) -> None:
    """Ready when `url` answers 200 on READY_IN_A_ROW fresh connections in a row: with several
    workers one may answer while another still starts (and answers 503 to the load). On a
    machine busy with other work, start-up (the KB's index) took over two minutes."""
    deadline, in_a_row = time.monotonic() + seconds, 0
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            ok = httpx.get(url, timeout=1, trust_env=False).status_code == 200
        except httpx.HTTPError:
            ok = False
        in_a_row = in_a_row + 1 if ok else 0
        if in_a_row >= READY_IN_A_ROW:
            return
        time.sleep(0.05 if ok else 0.2)
    raise SystemExit(f"{url} not ready")


async def make_sessions(url: str, count: int) -> list[BenchSession]:
    # no deadline for a pooled connection: on a busy machine hundreds of sessions wait for one
    timeout = httpx.Timeout(30, pool=None)
    async with httpx.AsyncClient(base_url=url, timeout=timeout, trust_env=False) as client:

        async def post(path: str, **kwargs: Any) -> dict[str, Any]:
            response = await client.post(path, **kwargs)  # every worker is ready (wait_ready)
            response.raise_for_status()
            return dict(response.json())

        # a few at a time: hundreds of connections at once overran the connect timeout on a
        # busy machine
        gate = asyncio.Semaphore(16)

        async def one(n: int) -> BenchSession:
            async with gate:
                token = str((await post("/api/v1/auth/guest"))["token"])
                region = REGIONS[n % len(REGIONS)]
                headers = {"Authorization": f"Bearer {token}"}
                started = await post("/api/v1/sessions", json={"region": region}, headers=headers)
            first = str(started["state"]["pending_question"])
            return str(started["session_id"]), token, region, first

        return list(await asyncio.gather(*(one(n) for n in range(count))))


def run_wrk(url: str, connections: int, seconds: float, script: Path | None) -> dict[str, float]:
    threads = 2
    # wrk leaves a request out of its latencies once it times out (2 s by default): a long
    # timeout keeps the slowest turns in the p99
    args = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{int(seconds)}s", "--timeout", "30s",
            "--latency", url]  # fmt: skip
    if script is not None:
        args[1:1] = ["-s", str(script)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(args, capture_output=True, text=True, timeout=seconds + 60).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # wrk is the only child reaped here
    wrk_cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / seconds
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"50%\s+([\d.]+)(us|ms|s)", out))
    p99 = _ms(re.search(r"99%\s+([\d.]+)(us|ms|s)", out))
    found = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    non2xx = float(found.group(1)) if found else 0.0
    total = float(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    # Only answered turns count: an error (a worker still starting, a busy lock) is fast.
    rps *= (total - non2xx) / total if total else 1.0
    return {"rps": rps, "p50": p50, "p99": p99, "non2xx": non2xx, "wrk_cpu": wrk_cpu * 100}


def _ms(match: re.Match[str] | None) -> float:
    if match is None:
        return float("nan")
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=1,
                        help="uvicorn workers for both servers (the service's default: one per core)")  # fmt: skip
    args = parser.parse_args()
    redis_bin, wrk = shutil.which("redis-server"), shutil.which("wrk")
    if redis_bin is None or wrk is None:
        raise SystemExit("needs redis-server and wrk: ./run setup && apt-get install wrk")
    with tempfile.TemporaryDirectory() as tmp:
        redis_port, app_port, hello_port = free_port(), free_port(), free_port()
        redis = subprocess.Popen([redis_bin, "--port", str(redis_port), "--save", "", "--dir", tmp],
                                 stdout=subprocess.DEVNULL)  # fmt: skip
        Path(tmp, "hello_app.py").write_text(HELLO_APP)
        env = {**os.environ, "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
               "DATABASE_URL": f"sqlite:///{tmp}/bench.db", "SECRET_KEY": "bench",
               "NO_PROXY": "127.0.0.1,localhost",
               # one client IP drives every session here: lift the limits for the run
               "RATE_LIMIT_PER_IP": "100000000", "RATE_LIMIT_PER_ACCOUNT": "100000000"}  # fmt: skip
        # both servers as `python -m api` runs the service: its event loop, the workers asked
        workers = ["--workers", str(args.workers), "--loop", EVENT_LOOP]
        service = subprocess.Popen([sys.executable, "-m", "uvicorn", "api.asgi:app", "--port",
                                    str(app_port), "--log-level", "warning", "--no-access-log",
                                    *workers],
                                   cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)  # fmt: skip
        hello = subprocess.Popen([sys.executable, "-m", "uvicorn", "hello_app:app", "--port",
                                  str(hello_port), "--log-level", "warning", "--no-access-log",
                                  *workers],
                                 cwd=tmp, env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            service_url, hello_url = (
                f"http://127.0.0.1:{app_port}",
                f"http://127.0.0.1:{hello_port}",
            )
            wait_ready(f"{service_url}/readyz", service)
            wait_ready(f"{hello_url}/hello", hello)
            print(
                f"{args.workers} uvicorn worker(s) each; wrk with 2 threads on the same "
                f"{os.cpu_count()} cores"
            )
            print(
                "sessions | chat turns/s | chat p50 ms | chat p99 ms | hello req/s | hello p99 ms | turns/s ÷ hello req/s | server CPU ms/turn | wrk CPU % (chat, hello)"
            )
            for concurrency in (50, 200):
                sessions = asyncio.run(make_sessions(service_url, concurrency * 2))
                lua = Path(tmp, f"chat{concurrency}.lua")
                lua.write_text(chat_script(sessions, threads=2))
                spent = tree_cpu_seconds(service.pid)
                chat = run_wrk(service_url, concurrency, args.seconds, lua)
                spent = tree_cpu_seconds(service.pid) - spent
                base = run_wrk(f"{hello_url}/hello", concurrency, args.seconds, None)
                per_turn = spent * 1000 / max(chat["rps"] * args.seconds, 1)
                print(f"{concurrency:>8} | {chat['rps']:12.1f} | {chat['p50']:11.1f} | "
                      f"{chat['p99']:11.1f} | {base['rps']:11.1f} | {base['p99']:12.1f} | "
                      f"{chat['rps'] / base['rps']:21.3f} | {per_turn:18.2f} | "
                      f"{chat['wrk_cpu']:.0f}, {base['wrk_cpu']:.0f}"
                      + (f"   (non-2xx chat: {chat['non2xx']:.0f}, not counted)" if chat["non2xx"] else ""))  # fmt: skip
        finally:
            for proc in (service, hello, redis):
                proc.terminate()
                proc.wait(timeout=20)


if __name__ == "__main__":
    main()
