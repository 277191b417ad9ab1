"""A real service for the web tests (uvicorn subprocess, real Redis, SQLite in a tmp dir),
staff users created directly in its database, and an httpx client that signs in."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from bot.accounts import Accounts
from bot.kb.db import make_engine
from tests.api.conftest import run_service, run_services
from tests.conftest import PROJECT_ROOT

PASSWORD = "correct-horse-9"
USERS = {
    "agent1": ["agent"],
    "agent2": ["agent"],
    "editor1": ["editor"],
    "editor2": ["editor"],
    "reviewer1": ["reviewer"],
    "both1": ["editor", "reviewer"],
    "admin1": ["admin"],
}
ARTIFACTS = PROJECT_ROOT / "artifacts" / "web"


@dataclass
class WebService:
    url: str
    database_url: str
    log: Path

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30, trust_env=False)

    def login(self, username: str, password: str = PASSWORD) -> tuple[httpx.Client, str]:
        """A client signed in as `username`, and its CSRF token (read from a page's form)."""
        client = self.client()
        token = csrf_of(client.get("/staff/login").text)
        response = client.post(
            "/staff/login",
            data={"username": username, "password": password, "csrf_token": token},
        )
        assert response.status_code == 303, response.text
        page = client.get(response.headers["location"])
        return client, csrf_of(page.text)


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]*)"', html)
    assert match, "the page has no CSRF field"
    return match.group(1)


@pytest.fixture(scope="session")
def web(redis_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebService]:
    tmp = tmp_path_factory.mktemp("web")
    database_url = f"sqlite:///{tmp / 'web.db'}"
    accounts = Accounts(make_engine(database_url))
    for username, roles in USERS.items():
        accounts.create(username, PASSWORD, roles)
    env = {
        **os.environ,
        "SHEJIU_ENV": "test",
        "REDIS_URL": redis_url.replace("/0", "/4"),
        "DATABASE_URL": database_url,
        "SECRET_KEY": "web-test-secret",
        "NO_PROXY": "127.0.0.1,localhost",
        # every browser in these tests comes from 127.0.0.1: limits out of the way
        "RATE_LIMIT_PER_IP": "100000",
        "RATE_LIMIT_PER_ACCOUNT": "100000",
        # a person answers 转人工 whenever the tests run
        "HANDOFF_HOURS": "00:00-24:00",
        "HANDOFF_WORKDAYS_ONLY": "false",
    }
    with run_service(env, tmp / "service.log", None) as running:
        yield WebService(url=running.url, database_url=database_url, log=running.log)


@pytest.fixture(scope="session")
def params_workers(
    redis_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[list[WebService]]:
    """Two workers of one service, apart from the shared web fixture (these tests change the
    numbers every Gansu screening uses)."""
    tmp = tmp_path_factory.mktemp("params-web")
    database_url = f"sqlite:///{tmp / 'params.db'}"
    accounts = Accounts(make_engine(database_url))
    for username, roles in {"editor1": ["editor"], "reviewer1": ["reviewer"]}.items():
        accounts.create(username, PASSWORD, roles)
    env = {
        **os.environ, "SHEJIU_ENV": "test", "REDIS_URL": redis_url.replace("/0", "/6"),
        "DATABASE_URL": database_url, "SECRET_KEY": "params-test-secret",
        "NO_PROXY": "127.0.0.1,localhost", "RATE_LIMIT_PER_IP": "100000",
        "RATE_LIMIT_PER_ACCOUNT": "100000",
        # the periodic check is far away: only the Redis hint can make it fast
        "KB_REFRESH_CHECK_SECONDS": "600",
    }  # fmt: skip
    specs = [(env, tmp / "a.log"), (env, tmp / "b.log")]
    with run_services(specs, None) as running:
        yield [WebService(url=s.url, database_url=database_url, log=s.log) for s in running]
