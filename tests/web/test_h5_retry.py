"""D2/D11 in the H5 page (headless Chromium): a message answered 503 is sent again by the page
with the same message id and the question it answers; a session that is gone is said to be gone
and a new one starts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import redis
from playwright.sync_api import Browser, Route

from tests.web.browser import PHONE, chromium, pending_of, wait_idle
from tests.web.conftest import WebService

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as b:
        yield b


def test_the_page_resends_a_message_after_503_with_the_same_id(
    web: WebService, browser: Browser, redis_url: str
) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{web.url}/h5")
    page.get_by_role("button", name="甘肃省").click()
    wait_idle(page)
    session_id = page.evaluate("() => localStorage.getItem('shejiu_session')")
    sent: list[dict[str, Any]] = []

    def flaky(route: Route) -> None:
        sent.append(json.loads(route.request.post_data or "{}"))
        if len(sent) == 1:  # Redis is down for this one
            body = {"error": {"code": "unavailable", "message": "系统暂时出了点问题"}}
            route.fulfill(status=503, headers={"Retry-After": "1"}, json=body)
        else:
            route.continue_()

    page.route("**/api/v1/sessions/*/messages", flaky)
    page.fill("#text", "3口人")
    page.press("#text", "Enter")
    page.wait_for_function(
        "() => document.getElementById('status').textContent.includes('重新发送')", timeout=5000
    )
    wait_idle(page)
    assert len(sent) == 2
    assert sent[0]["message_id"] and sent[0] == sent[1]  # the same message, the same id
    assert sent[0]["question_id"] == "household_size"
    pending = pending_of(redis_url, session_id)
    assert pending is not None and pending.question_id != "household_size"  # applied once
    context.close()


def test_a_lost_session_is_said_and_started_again(
    web: WebService, browser: Browser, redis_url: str
) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{web.url}/h5")
    page.get_by_role("button", name="宁夏回族自治区").click()
    wait_idle(page)
    lost = page.evaluate("() => localStorage.getItem('shejiu_session')")
    client = redis.Redis.from_url(redis_url.replace("/0", "/4"))
    client.delete(f"session:{lost}")  # as after a Redis restart without persistence
    client.close()
    page.fill("#text", "3口人")
    page.press("#text", "Enter")
    page.wait_for_function(
        f"() => localStorage.getItem('shejiu_session') && "
        f"localStorage.getItem('shejiu_session') !== '{lost}'",
        timeout=10_000,
    )
    wait_idle(page)
    assert "上次的对话已经找不到了" in page.locator("#log").inner_text()
    context.close()
