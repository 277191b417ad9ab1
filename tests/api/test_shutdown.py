"""Stopping the service with SIGTERM (kill, systemd, docker stop) also stops the embedded
redis-server it started on its embedded defaults (issue 10)."""

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

from tests.api.conftest import READY_TIMEOUT_SECONDS
from tests.conftest import PROJECT_ROOT, free_port, port_answers


@pytest.mark.slow
def test_sigterm_stops_the_embedded_redis(tmp_path: Path) -> None:
    redis_port, port = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL", "WORKERS")}
    env |= {
        "SHEJIU_ENV": "test",
        "SECRET_KEY": "test-secret-key",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'service.db'}",
        "EMBEDDED_REDIS_DIR": str(tmp_path / "redis"),
        "EMBEDDED_REDIS_PORT": str(redis_port),
    }
    log = (tmp_path / "service.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "api", "--port", str(port), "--workers", "1"],
        cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                url = f"http://127.0.0.1:{port}/readyz"
                if httpx.get(url, timeout=1, trust_env=False).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        else:
            pytest.fail(f"service did not start: {(tmp_path / 'service.log').read_text()[-3000:]}")
        assert port_answers(redis_port), "the embedded redis-server should be running"
        # sessions survive a restart: append-only file, synced every second (D11)
        with redis.Redis(port=redis_port, decode_responses=True) as client:
            config = client.config_get("append*")
        assert (config["appendonly"], config["appendfsync"]) == ("yes", "everysec")
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 10
        while port_answers(redis_port) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not port_answers(redis_port), "SIGTERM left the embedded redis-server running"
    finally:
        if proc.poll() is None:
            proc.kill()
        log.close()
        subprocess.run(["pkill", "-f", f"redis-server.*:{redis_port}"], check=False)


@pytest.mark.slow
def test_a_restart_right_after_start_is_not_held_up(tmp_path: Path) -> None:
    """Stopped while a second worker was still loading (inside the shared start-up lock), the
    service used to leave that lock in Redis's append-only file: the next start waited for it to
    expire (two minutes). Now a stopping worker releases it first."""
    from api.startup_time import seconds_to_ready

    env_before = {k: os.environ.get(k) for k in ("WORKERS",)}
    os.environ["WORKERS"] = "2"
    try:
        seconds_to_ready(tmp_path, timeout=READY_TIMEOUT_SECONDS)
        again = seconds_to_ready(tmp_path, timeout=READY_TIMEOUT_SECONDS)
    finally:
        for key, value in env_before.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    assert again < 60, f"the second start took {again:.0f} s"
