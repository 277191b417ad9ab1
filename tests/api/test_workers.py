"""Workers: one per CPU core by default, all on the one embedded redis-server the parent starts."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
import redis

from api.settings import available_cores, load_settings
from tests.api.conftest import READY_TIMEOUT_SECONDS
from tests.conftest import PROJECT_ROOT, free_port


def test_workers_default_to_the_cores(tmp_path: Path) -> None:
    environ = {"SECRET_KEY": "x"}
    assert load_settings(tmp_path / "none.yml", environ).worker_count == available_cores()
    assert load_settings(environ={**environ, "WORKERS": "auto"}).worker_count == available_cores()
    assert load_settings(environ={**environ, "WORKERS": "3"}).worker_count == 3
    assert load_settings(environ=environ).workers == 0  # config.yml says auto


@pytest.mark.slow
def test_every_worker_shares_the_embedded_redis(tmp_path: Path) -> None:
    redis_port, port = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL", "WORKERS")}
    env |= {
        "SHEJIU_ENV": "test",
        "SECRET_KEY": "test-secret-key",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'service.db'}",
        "EMBEDDED_REDIS_DIR": str(tmp_path / "redis"),
        "EMBEDDED_REDIS_PORT": str(redis_port),
        "RATE_LIMIT_PER_IP": "100000",
    }
    log_path = tmp_path / "service.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "api", "--port", str(port)],
            cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            # Every worker subscribes to the KB change channel on the Redis it was handed, twice:
            # the KB service's own subscription and the refresh task's (api.wiring.keep_fresh).
            expected = 2 * available_cores()
            embedded = redis.Redis(port=redis_port)
            deadline = time.monotonic() + READY_TIMEOUT_SECONDS
            subscribed = 0
            while time.monotonic() < deadline and proc.poll() is None:
                try:
                    subscribed = int(embedded.pubsub_numsub("kb:index_version")[0][1])
                except redis.ConnectionError:
                    subscribed = 0
                if subscribed >= expected:
                    break
                time.sleep(0.2)
            assert subscribed == expected, log_path.read_text()[-3000:]
            url = f"http://127.0.0.1:{port}"
            _wait_ready(url)
            # A new connection per request: turns land on any worker and find the session.
            token = httpx.post(f"{url}/api/v1/auth/guest", trust_env=False).json()["token"]
            me = {"Authorization": f"Bearer {token}"}
            started = httpx.post(
                f"{url}/api/v1/sessions", json={"region": "ningxia"}, headers=me, trust_env=False
            )
            session_id = started.json()["session_id"]
            for text in ("我家2口人", "我70岁", "没有工作", "不知道"):
                turn = httpx.post(
                    f"{url}/api/v1/sessions/{session_id}/messages",
                    json={"text": text}, headers=me, timeout=10, trust_env=False,
                )  # fmt: skip
                assert turn.status_code == 200, turn.text
            state = httpx.get(f"{url}/api/v1/sessions/{session_id}", headers=me, trust_env=False)
            said = [t["text"] for t in state.json()["transcript"] if t["speaker"] == "citizen"]
            assert said[-4:] == ["我家2口人", "我70岁", "没有工作", "不知道"]
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)


def _wait_ready(url: str) -> None:
    """Ready on 10 new connections in a row: every worker has loaded (any may answer)."""
    deadline, in_a_row = time.monotonic() + READY_TIMEOUT_SECONDS, 0
    while time.monotonic() < deadline:
        try:
            ok = httpx.get(f"{url}/readyz", timeout=1, trust_env=False).status_code == 200
        except httpx.HTTPError:
            ok = False
        in_a_row = in_a_row + 1 if ok else 0
        if in_a_row == 10:
            return
        time.sleep(0.05 if ok else 0.2)
    pytest.fail("service did not become ready")
