"""docs/DEPLOYMENT.md's configuration starts here: Redis from deploy/redis/redis.conf (master
and replica), three sentinels from deploy/redis/sentinel.conf, and the service as
deploy/systemd/shejiu.service starts it, with deploy/shejiu.env.example's settings. Only what
names another machine is replaced: addresses, ports, directories, and SQLite for PostgreSQL."""

from __future__ import annotations

import configparser
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api.settings import available_cores
from tests.api.conftest import READY_TIMEOUT_SECONDS
from tests.conftest import PROJECT_ROOT, free_port
from tests.redis_sentinel import SentinelSet

DEPLOY = PROJECT_ROOT / "deploy"


def documented_env() -> dict[str, str]:
    env = {}
    for line in (DEPLOY / "shejiu.env.example").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name] = value
    return env


def documented_command() -> list[str]:
    unit = configparser.ConfigParser(interpolation=None, strict=False)
    unit.read(DEPLOY / "systemd" / "shejiu.service", encoding="utf-8")
    command = shlex.split(unit["Service"]["ExecStart"])
    assert command[0] == "/opt/shejiu/.venv/bin/python"
    return [sys.executable, *command[1:]]


@pytest.fixture
def documented_redis() -> Iterator[SentinelSet]:
    env = documented_env()
    password = env["REDIS_URL"].split("://:", 1)[1].split("@", 1)[0]
    service_name = env["REDIS_URL"].rsplit("/", 2)[1]
    with tempfile.TemporaryDirectory(prefix="deploy-test-") as tmp:
        started = SentinelSet(
            Path(tmp),
            server_config=DEPLOY / "redis" / "redis.conf",
            sentinel_config=DEPLOY / "redis" / "sentinel.conf",
            service_name=service_name,
            password=password,
        ).start()
        try:
            yield started
        finally:
            started.stop()


def guest_login(url: str, proc: subprocess.Popen[bytes]) -> int:
    """The guest login's status once every worker has started. Workers share the port and load
    side by side: /readyz may answer from one already up while a sibling still answers
    "starting" (503, Retry-After), which is the honest answer from that sibling."""
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while True:
        answer = httpx.post(f"{url}/api/v1/auth/guest", trust_env=False)
        starting = answer.status_code == 503 and answer.json()["error"]["code"] == "starting"
        if not starting or time.monotonic() > deadline or proc.poll() is not None:
            return answer.status_code
        assert answer.headers["retry-after"]
        time.sleep(0.2)


@pytest.mark.slow
def test_the_documented_configuration_starts(documented_redis: SentinelSet, tmp_path: Path) -> None:
    port = free_port()
    env = documented_env() | {
        "PORT": str(port),
        "REDIS_URL": documented_redis.url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'shejiu.db'}",
        "SHEJIU_DATA_DIR": str(tmp_path / "data"),
        "SECRET_KEY": "a-secret-for-this-test-only-0123456789",
        "PATH": "/usr/bin:/bin",
        "NO_PROXY": "127.0.0.1,localhost",
    }
    url = f"http://127.0.0.1:{port}"
    with (tmp_path / "service.log").open("wb") as log:
        proc = subprocess.Popen(documented_command(), cwd=PROJECT_ROOT, env=env, stdout=log,
                                stderr=subprocess.STDOUT)  # fmt: skip
        try:
            in_a_row, deadline = 0, time.monotonic() + READY_TIMEOUT_SECONDS
            while in_a_row < 10 and time.monotonic() < deadline and proc.poll() is None:
                try:
                    ready = httpx.get(f"{url}/readyz", timeout=1, trust_env=False)
                    in_a_row = in_a_row + 1 if ready.status_code == 200 else 0
                except httpx.HTTPError:
                    in_a_row = 0
                time.sleep(0.05 if in_a_row else 0.3)
            assert in_a_row == 10, (tmp_path / "service.log").read_text()[-3000:]
            assert ready.json()["checks"] == {"redis": "ok", "database": "ok"}
            # Production: no guest login once the mini-program is configured; a WeChat
            # push is the way in. The URL verification answers with the signed echo.
            assert guest_login(url, proc) == 403
            workers = documented_redis_clients(documented_redis)
            assert workers == available_cores()  # WORKERS=auto
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def documented_redis_clients(redis_set: SentinelSet) -> int:
    """Workers subscribed to the KB change channel on the master the sentinels name: each
    holds two subscriptions (its KB service's and its refresh task's, api.wiring.keep_fresh)."""
    import redis

    master = redis.Redis(port=redis_set.master_port(), password=redis_set.password)
    # a worker answers /readyz before its refresh task has subscribed: wait for that one too
    deadline = time.monotonic() + 15
    subscriptions = int(master.pubsub_numsub("kb:index_version")[0][1])
    while subscriptions < 2 * available_cores() and time.monotonic() < deadline:
        time.sleep(0.2)
        subscriptions = int(master.pubsub_numsub("kb:index_version")[0][1])
    assert subscriptions % 2 == 0, subscriptions
    return subscriptions // 2
