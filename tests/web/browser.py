"""Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright's Python API, and the
small helpers the browser tests share. Never downloads a browser."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import redis
from playwright.sync_api import Browser, Page, sync_playwright

from dialogue.state import Pending
from tests.web.conftest import ARTIFACTS, PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def shot(page: Page, name: str, full_page: bool = True) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/staff/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("domcontentloaded")


def wait_idle(page: Page) -> None:
    """The H5 chat has shown the reply (its status line is hidden again)."""
    page.wait_for_function("() => document.getElementById('status').hidden", timeout=20_000)


def pending_of(redis_url: str, session_id: str) -> Pending | None:
    """The question a web-test session waits on, read from the service's Redis database."""
    client = redis.Redis.from_url(redis_url.replace("/0", "/4"))
    try:
        raw = client.get(f"session:{session_id}")
    finally:
        client.close()
    data = json.loads(raw) if raw else {}
    return Pending.model_validate(data["pending"]) if data.get("pending") else None
