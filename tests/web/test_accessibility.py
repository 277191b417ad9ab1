"""axe-core on every page (citizen H5, agent console, KB editor, staff pages): no serious or
critical violations. Pages are checked as a user first sees them, at the size they are used."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.web.axe import serious_violations
from tests.web.browser import DESKTOP, PHONE, chromium, shot, sign_in, wait_idle
from tests.web.conftest import WebService
from tests.web.test_kb_review_http import _approve, _submit

pytestmark = pytest.mark.browser

STAFF_PAGES = {
    "agent1": ["/console"],
    "editor1": [
        "/kb",
        "/kb/review",
        "/kb/new",
        "/kb/try",
        "/kb/unanswered",
        "/kb/import",
        "/kb/audit",
        "/params",
        "/params/review",
        "/params/new",
        "/params/audit",
        "/params/import",
        "/params/timeline?name=dibao_standard&region=gansu&variant=urban",
    ],
    "admin1": ["/staff/users"],
}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as b:
        yield b


def _assert_clean(page: Page, name: str) -> None:
    shot(page, f"axe-{name}")
    found = serious_violations(page)
    assert found == [], name


def test_citizen_pages_pass_axe(web: WebService, browser: Browser) -> None:
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{web.url}/h5")
    _assert_clean(page, "h5-start")
    page.get_by_role("button", name="甘肃省").click()
    wait_idle(page)
    _assert_clean(page, "h5-question")
    page.click("#big")
    _assert_clean(page, "h5-question-big")
    context.close()


def test_staff_pages_pass_axe(web: WebService, browser: Browser) -> None:
    found: dict[str, list[str]] = {}  # every page checked, then one assertion naming them all
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{web.url}/staff/login")
    shot(page, "axe-staff-login")
    found["/staff/login"] = serious_violations(page)
    context.close()
    for username, paths in STAFF_PAGES.items():
        context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
        page = context.new_page()
        sign_in(page, web.url, username)
        for path in paths:
            page.goto(f"{web.url}{path}")
            shot(page, "axe-" + path.strip("/").replace("/", "-"))
            found[path] = serious_violations(page)
        if username == "editor1":  # an entry, its history and its edit form
            page.goto(f"{web.url}/kb")
            entry = page.locator("a[href^='/kb/entry/']").first.get_attribute("href")
            assert entry
            for path in (entry, f"{entry}/edit"):
                page.goto(f"{web.url}{path}")
                shot(page, "axe-kb-entry" + ("-edit" if path.endswith("edit") else ""))
                found[path] = serious_violations(page)
        context.close()
    failing = {path: lines for path, lines in found.items() if lines}
    assert failing == {}, "\n".join(
        f"{p}: {line}" for p, lines in failing.items() for line in lines
    )


def test_the_chat_announces_each_new_message_once(web: WebService, browser: Browser) -> None:
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{web.url}/h5?region=shanxi")
    wait_idle(page)
    live = page.evaluate(
        """() => Array.from(document.querySelectorAll(
            '[aria-live]:not([aria-live=off]), [role=status], [role=alert], [role=log]'))
            .map(e => e.id)"""
    )
    assert live == ["announce"], live  # one live region: the chat log and status are not read out
    page.fill("#text", "三口人")
    page.press("#text", "Enter")
    wait_idle(page)
    newest = page.locator("#log .msg.bot").last.inner_text().split()
    assert page.locator("#announce").inner_text().split() == newest
    context.close()


def test_review_pages_pass_axe(web: WebService, browser: Browser) -> None:
    """The queue with an entry in it, a word diff, the rollback confirmation, and an editor's
    page with a sent-back notice."""
    editor, csrf = web.login("editor1")
    reviewer, rcsrf = web.login("reviewer1")
    question = "无障碍检查：低保多久复核一次？"
    _submit(editor, csrf, "axe-review", question, "一般每年复核一次。")
    _approve(reviewer, rcsrf, "axe-review")
    _submit(editor, csrf, "axe-review", question, "一般每半年复核一次，特殊家庭每年一次。")
    _submit(editor, csrf, "axe-sent-back", "无障碍检查：退回的条目？", "退回的条目答案。")
    reviewer.post(
        "/kb/entry/axe-sent-back/reject", data={"csrf_token": rcsrf, "note": "请补充来源"}
    )
    found: dict[str, list[str]] = {}
    for username, paths in {
        "reviewer1": [
            "/kb/review", "/kb/entry/axe-review?diff=1-2", "/kb/entry/axe-review/rollback?version=1",
        ],
        "editor1": ["/kb", "/kb/entry/axe-sent-back"],
    }.items():  # fmt: skip
        context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
        page = context.new_page()
        sign_in(page, web.url, username)
        for path in paths:
            page.goto(f"{web.url}{path}")
            found[f"{username} {path}"] = serious_violations(page)
        context.close()
    failing = {path: lines for path, lines in found.items() if lines}
    assert failing == {}, "\n".join(
        f"{p}: {line}" for p, lines in failing.items() for line in lines
    )
