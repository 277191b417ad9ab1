"""A real service: uvicorn in a subprocess, with a real Redis, SQLite and a fake WeChat API."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from api.settings import EVENT_LOOP
from tests.conftest import PROJECT_ROOT, free_port
from tests.fakes.wechat_api import FakeWeChat

WECHAT_TOKEN = "test-token"
# Same key and app id as the shared 安全模式 vectors, so their payloads decrypt here.
WECHAT_AES_KEY = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR"
MP_APP_ID = "wx49f0ab532d5d035a"
WXA_APP_ID = "wxa-test-app"
ACCOUNT_LIMIT = 40
FORM_TEMPLATE_ID = "form-ready-template"


@dataclass
class Service:
    url: str
    wechat: FakeWeChat | None
    env: dict[str, str]
    log: Path

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=10, trust_env=False)


@pytest.fixture(scope="session")
def fake_wechat() -> Iterator[FakeWeChat]:
    server = FakeWeChat().start()
    yield server
    server.stop()


def service_env(redis_url: str, database_url: str, wechat: FakeWeChat) -> dict[str, str]:
    """The environment of a test service process; processes sharing it act as one service."""
    return {
        **os.environ,
        "SHEJIU_ENV": "test",
        "REDIS_URL": redis_url,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "test-secret-key",
        "WECHAT_TOKEN": WECHAT_TOKEN,
        "WECHAT_AES_KEY": WECHAT_AES_KEY,
        "WECHAT_APP_ID": MP_APP_ID,
        "WECHAT_APP_SECRET": "mp-secret",
        "WXA_APP_ID": WXA_APP_ID,
        "WXA_APP_SECRET": "wxa-secret",
        "WXA_FORM_TEMPLATE_ID": FORM_TEMPLATE_ID,
        "WECHAT_API_BASE": wechat.base,
        "NO_PROXY": "127.0.0.1,localhost",
        # Every test request comes from 127.0.0.1: keep the per-IP limit out of the way and
        # a per-account limit low enough for a test to reach.
        "RATE_LIMIT_PER_IP": "100000",
        "RATE_LIMIT_PER_ACCOUNT": str(ACCOUNT_LIMIT),
        "HANDOFF_HOURS": "00:00-24:00",
        "HANDOFF_WORKDAYS_ONLY": "false",
    }


@contextmanager
def run_services(
    specs: list[tuple[dict[str, str], Path]], wechat: FakeWeChat | None
) -> Iterator[list[Service]]:
    """Start every uvicorn process at once (as hosts do on a deploy), then wait for /readyz."""
    procs, outs, services = [], [], []
    try:
        for env, log in specs:
            port = free_port()
            out = log.open("wb")
            outs.append(out)
            proc = subprocess.Popen(
                [sys.executable, "-m", "uvicorn", "api.asgi:app", "--host", "127.0.0.1",
                 "--port", str(port), "--timeout-graceful-shutdown", "2", "--no-proxy-headers",
                 "--loop", EVENT_LOOP],
                cwd=PROJECT_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
            )  # fmt: skip
            procs.append(proc)
            services.append(
                Service(url=f"http://127.0.0.1:{port}", wechat=wechat, env=env, log=log)
            )
        for proc, running in zip(procs, services, strict=True):
            _wait_ready(proc, running)
        yield services
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=20)
        for out in outs:
            out.close()


# Generous: a loaded 2-core machine may take a while to load the models. Overridable.
READY_TIMEOUT_SECONDS = float(os.environ.get("TEST_SERVICE_TIMEOUT", "180"))


def _wait_ready(proc: subprocess.Popen[bytes], running: Service) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"service exited: {running.log.read_text()[-3000:]}")
        try:
            if httpx.get(f"{running.url}/readyz", timeout=1, trust_env=False).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    pytest.fail(f"service did not become ready: {running.log.read_text()[-3000:]}")


@contextmanager
def run_service(env: dict[str, str], log: Path, wechat: FakeWeChat | None) -> Iterator[Service]:
    """uvicorn api.asgi:app in a subprocess on a free port; yields once /readyz answers 200."""
    with run_services([(env, log)], wechat) as (running,):
        yield running


@pytest.fixture(scope="session")
def service(
    redis_url: str, fake_wechat: FakeWeChat, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Service]:
    tmp = tmp_path_factory.mktemp("service")
    env = service_env(redis_url.replace("/0", "/3"), f"sqlite:///{tmp / 'service.db'}", fake_wechat)
    with run_service(env, tmp / "service.log", fake_wechat) as running:
        yield running
