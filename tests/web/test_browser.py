"""Browser scenarios in headless Chromium: a citizen in the H5 chat, an agent in the console,
an editor and a reviewer in the KB editor. Screenshots go to artifacts/web/."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, Page

from dialogue.scripting import load_scripts, persona_answer
from tests.web.browser import DESKTOP, PHONE, chromium, pending_of, shot, sign_in, wait_idle
from tests.web.conftest import WebService

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as b:
        yield b


def test_citizen_completes_questionnaire_and_downloads_pdf(
    web: WebService, browser: Browser, redis_url: str
) -> None:
    script = next(s for s in load_scripts() if s.name == "control_form_offer")
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{web.url}/h5")
    page.get_by_role("button", name="甘肃省").click()
    wait_idle(page)
    session_id = page.evaluate("() => localStorage.getItem('shejiu_session')")
    assert session_id
    shot(page, "h5-chat-questions", full_page=False)
    # Leaving and coming back: a reload resumes the same session at the same question.
    asked = pending_of(redis_url, session_id)
    page.reload()
    wait_idle(page)
    assert page.evaluate("() => localStorage.getItem('shejiu_session')") == session_id
    assert pending_of(redis_url, session_id) == asked
    assert page.locator("#regions").is_hidden()
    for _ in range(60):
        if page.locator(".t-result").count():
            break
        pending = pending_of(redis_url, session_id)
        assert pending is not None, "the questionnaire stopped without a result"
        answer = persona_answer(script, pending)
        buttons = page.locator(".choices button:not([disabled])")
        labels = buttons.all_inner_texts()
        if answer in labels:
            buttons.nth(labels.index(answer)).click()
        else:
            page.fill("#text", answer)
            page.press("#text", "Enter")
        wait_idle(page)
    assert page.locator(".t-result").count() == 1
    assert page.locator(".t-summary .edit").count() > 0  # an edit link per part
    assert page.locator(".t-result .materials li").count() > 0
    assert "可能" in page.locator(".t-result").inner_text()
    page.click("#big")
    assert page.evaluate("() => document.documentElement.classList.contains('big')")
    page.locator(".t-result").scroll_into_view_if_needed()
    shot(page, "h5-chat-result-large-text", full_page=False)
    with page.expect_download() as download_info:
        page.click("#pdf")
    path = download_info.value.path()
    assert path is not None
    with open(path, "rb") as f:
        assert f.read(5) == b"%PDF-"
    before = page.locator("#log .msg").count()
    page.locator(".t-summary .edit").first.click()  # 改: the question is asked again
    wait_idle(page)
    assert page.locator("#log .msg").count() > before + 1
    assert page.locator("#log .msg.bot").last.get_attribute("data-question")
    context.close()


def _handed_off_session(web: WebService) -> str:
    with web.client() as client:
        token = client.post("/api/v1/auth/guest").json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        r = client.post(
            "/api/v1/sessions",
            json={"region": "jinan-licheng", "text": "我想申请低保"},
            headers=headers,
        )
        session_id = str(r.json()["session_id"])
        client.post(
            f"/api/v1/sessions/{session_id}/messages", json={"text": "三口人"}, headers=headers
        )
        r = client.post(
            f"/api/v1/sessions/{session_id}/messages", json={"text": "转人工"}, headers=headers
        )
        assert r.json()["state"]["handoff"] is True
    return session_id


def test_agent_finds_answer_and_continues_handed_off_session(
    web: WebService, browser: Browser
) -> None:
    session_id = _handed_off_session(web)
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    sign_in(page, web.url, "agent1")
    assert page.url.endswith("/console")
    page.locator("#q").press_sequentially("低保怎么申请", delay=30)
    page.wait_for_selector("#hits .hit")
    first = page.locator("#hits .hit").first
    assert "来源" in first.inner_text()
    first.locator("button.copy").click()
    page.wait_for_function("() => document.querySelector('#hits .copy').textContent === '已复制'")
    page.click("#a-start")  # a fresh 帮办: nothing to release yet
    page.wait_for_selector("#a-log .msg.bot")
    assert not page.locator("#a-release").is_visible()
    # the queue arrives pushed, without 刷新
    page.click(f"button[data-session='{session_id}']")
    page.wait_for_selector("#a-facts .t-summary")
    assert "3" in page.locator("#a-facts .t-summary").inner_text()  # what the citizen said
    page.wait_for_function(
        "() => document.getElementById('l-log').innerText.includes('群众：转人工')"
    )
    transcript = page.locator("#l-log").inner_text()
    assert "群众：三口人" in transcript
    assert "助手：您家一共几口人一起生活" in transcript
    # 帮办 on the citizen's behalf: a summary 改 reopens the answer in the questionnaire log
    page.locator("#a-facts .t-summary button.edit").first.click()
    page.wait_for_selector("#a-log .msg.bot")
    before = page.locator("#a-log .msg").count()
    choices = page.locator("#a-log .choices button:not([disabled])")
    if choices.count():
        page.focus("#a-text")
        page.keyboard.press("1")  # number keys pick a choice
    else:
        page.fill("#a-text", "三口人")
        page.press("#a-text", "Enter")
    page.wait_for_function(f"() => document.querySelectorAll('#a-log .msg').length > {before}")
    shot(page, "agent-console")
    page.click("#a-release")
    page.wait_for_function("() => document.getElementById('a-session').hidden")
    context.close()


def _kb_answer(web: WebService, question: str, wanted: str, timeout: float = 15) -> str:
    deadline = time.monotonic() + timeout
    answer = ""
    with web.client() as client:
        while time.monotonic() < deadline:
            data = client.get("/api/v1/kb/search", params={"q": question, "region": "gansu"}).json()
            answer = data["answer"] if data["answered"] else ""
            if answer == wanted:
                return answer
            time.sleep(0.3)
    return answer


def _review(page: Page, base: str, entry_id: str) -> None:
    page.goto(f"{base}/kb/entry/{entry_id}")
    page.get_by_role("button", name="审核通过并发布").click()
    page.wait_for_selector("#entry-status.s-published")


def test_editor_creates_reviewer_publishes_and_rolls_back(
    web: WebService, browser: Browser
) -> None:
    entry_id = f"web-demo-{uuid.uuid4().hex[:6]}"
    question = "社会救助热线网页演示问题：申请材料可以网上提交吗"
    first_text = "可以。登录“一件事”网上办理入口，按提示上传材料即可。"
    second_text = "可以。现在也能在微信小程序里直接上传材料，不用跑腿。"
    editor = browser.new_context(viewport=DESKTOP).new_page()
    reviewer = browser.new_context(viewport=DESKTOP).new_page()
    sign_in(editor, web.url, "editor1")
    sign_in(reviewer, web.url, "reviewer1")

    editor.goto(f"{web.url}/kb/new")
    editor.fill("input[name=id]", entry_id)
    editor.fill("input[name=question]", question)
    editor.fill("textarea[name=similar]", "材料能不能网上交\n可以在网上提交材料吗")
    editor.fill("textarea[name=answer]", first_text)
    editor.check("input[name=regions][value=all]")
    editor.check("input[name=items][value=dibao]")
    editor.click("form.entry-form button[type=submit]")
    editor.get_by_role("button", name="提交审核").click()
    editor.wait_for_selector("#entry-status.s-in_review")
    _review(reviewer, web.url, entry_id)
    assert _kb_answer(web, question, first_text) == first_text

    editor.goto(f"{web.url}/kb/entry/{entry_id}/edit")
    editor.fill("textarea[name=answer]", second_text)
    editor.click("form.entry-form button[type=submit]")
    editor.get_by_role("button", name="提交审核").click()
    _review(reviewer, web.url, entry_id)
    assert _kb_answer(web, question, second_text) == second_text  # no restart

    reviewer.goto(f"{web.url}/kb/entry/{entry_id}?diff=1-2")
    assert second_text in reviewer.locator("table.diff").inner_text()
    shot(reviewer, "kb-editor-diff")
    reviewer.get_by_role("link", name="回滚到这一版…").first.click()
    reviewer.wait_for_selector("#rollback-confirm")  # nothing is published before this
    reviewer.get_by_role("button", name="确认回滚并发布").click()
    reviewer.wait_for_selector("#entry-status.s-published")
    assert first_text in reviewer.locator("#entry-answer").inner_text()
    assert _kb_answer(web, question, first_text) == first_text

    with httpx.Client(base_url=web.url, trust_env=False, timeout=30) as client:
        token = client.post("/api/v1/auth/guest").json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        start = client.post("/api/v1/sessions", json={"region": "gansu"}, headers=headers).json()
        r = client.post(
            f"/api/v1/sessions/{start['session_id']}/messages",
            json={"text": question},
            headers=headers,
        )
        said = "\n".join(str(reply.get("text", "")) for reply in r.json()["replies"])
    assert first_text in said

    reviewer.goto(f"{web.url}/kb?q=网页演示")
    assert entry_id in reviewer.content()
    shot(reviewer, "kb-editor-list")
