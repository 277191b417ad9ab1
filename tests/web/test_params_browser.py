"""The 参数 section in headless Chromium: an editor enters 永登县's new urban 低保标准 with its
document on worker A, a reviewer approves it there, and a citizen on the H5 page of worker B
gets a result that uses and cites it; the timeline shows who entered and who approved."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import redis
from playwright.sync_api import Browser, Page

from tests.web.axe import serious_violations
from tests.web.browser import DESKTOP, PHONE, chromium, shot, sign_in, wait_idle
from tests.web.conftest import WebService

pytestmark = pytest.mark.browser

YONGDENG = "620121"
DOC = "永民发〔2026〕5号"
PERSONA = {
    "household_size": "就我一个人", "hukou_type": "城镇户口", "place": "永登县",
    "household_income": "一个月900块", "consent": "同意", "deposits": "没有", "vehicles": "没有",
    "houses": "1套", "registered_business": "没有",
}  # fmt: skip


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as b:
        yield b


def _staff(browser: Browser, web: WebService, username: str) -> Page:
    page = browser.new_context(viewport=DESKTOP, locale="zh-CN").new_page()
    sign_in(page, web.url, username)
    return page


def _pending(redis_url: str, session_id: str) -> str | None:
    client = redis.Redis.from_url(redis_url.replace("/0", "/6"))  # the params workers' db
    try:
        raw = client.get(f"session:{session_id}")
    finally:
        client.close()
    pending = (json.loads(raw) if raw else {}).get("pending")
    return str(pending["question_id"]) if pending else None


def test_editor_enters_reviewer_approves_citizen_sees_it(
    params_workers: list[WebService], browser: Browser, redis_url: str
) -> None:
    a, b = params_workers
    editor = _staff(browser, a, "editor1")
    editor.goto(f"{a.url}/params?region=gansu")
    editor.get_by_role("link", name="录入新的取值").click()
    editor.select_option("select[name=place]", YONGDENG)
    editor.select_option("select[name=variant]", "urban")
    editor.fill("input[name=value]", "960")
    editor.fill("input[name=effective_from]", "2026-07-01")
    editor.fill("input[name=document]", DOC)
    editor.fill("input[name=issuer]", "永登县民政局")
    editor.fill("input[name=issued_on]", "2026-06-15")
    assert serious_violations(editor) == []
    shot(editor, "params-new-value")
    editor.get_by_role("button", name="保存为草稿").click()
    assert "已保存为草稿" in editor.inner_text(".flash")
    editor.get_by_role("button", name="提交审核").click()
    assert "已提交审核" in editor.inner_text(".flash")

    reviewer = _staff(browser, a, "reviewer1")
    reviewer.goto(f"{a.url}/params/review")
    row = reviewer.locator("#param-queue tr", has_text="兰州市永登县")
    assert "editor1" in row.inner_text() and DOC in row.inner_text()
    row.get_by_role("link").click()
    reviewer.get_by_role("button", name="审核通过并发布").click()
    assert "审核通过" in reviewer.inner_text(".flash")
    published = reviewer.locator("#timeline tr[data-status=published]").first
    assert "960" in published.inner_text() and "editor1 / reviewer1" in published.inner_text()
    assert "reviewer1" in reviewer.inner_text("#value-audit")
    assert serious_violations(reviewer) == []
    shot(reviewer, "params-timeline")

    citizen = browser.new_context(viewport=PHONE, locale="zh-CN").new_page()
    citizen.goto(f"{b.url}/h5")
    citizen.get_by_role("button", name="甘肃省").click()
    wait_idle(citizen)
    session_id = citizen.evaluate("() => localStorage.getItem('shejiu_session')")
    citizen.fill("#text", "我想申请低保")
    citizen.press("#text", "Enter")
    wait_idle(citizen)
    asked = []
    for _ in range(40):
        if citizen.locator(".t-result").count():
            break
        question = _pending(redis_url, session_id)
        assert question is not None, asked
        asked.append(question)
        citizen.fill("#text", PERSONA.get(question, "没有"))
        citizen.press("#text", "Enter")
        wait_idle(citizen)
    assert "place" in asked
    dibao = citizen.locator(".t-result details.fold", has_text="最低生活保障").first
    dibao.locator("summary").click()
    basis = dibao.locator(".basis").inner_text()
    assert f"按兰州市永登县城市低保标准 960 元/月（{DOC}，2026年7月1日起执行）" in basis
    shot(citizen, "params-citizen-result")
