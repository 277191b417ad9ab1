"""An elderly citizen on a 390×844 phone in WeChat (zh-CN), normal and large text: after every
turn the newest question is fully visible above the input, closed questions have buttons (with
不清楚), controls are at least 44 px, 重新开始 asks first, the result's first screen names the
items to apply for with their outcome, and a typed 帮我填表 leads to the PDF. Screenshots go to
artifacts/web/."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import redis
from playwright.sync_api import Browser, Page

from dialogue.questions import CONSENT_ID, MEMBER_MORE_ID, question_bank
from dialogue.scripting import load_scripts, persona_answer
from dialogue.state import Pending
from tests.web.axe import serious_violations
from tests.web.browser import PHONE, chromium, pending_of, shot, wait_idle
from tests.web.conftest import WebService

pytestmark = pytest.mark.browser

WECHAT_UA = (
    "Mozilla/5.0 (Linux; Android 13; V2148A Build/TP1A.220624.014; wv) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 "
    "MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin "
    "NetType/WIFI Language/zh_CN ABI/arm64"
)
CLOSED = ("yes_no", "choice", "multi_choice")
MIN_TARGET = 44

# The newest bot message: fully inside the log's visible box (which ends above the input),
# or, when taller than the box, its top in view. Returns the visible fraction for the message.
VISIBLE_JS = """() => {
  const log = document.getElementById('log');
  const msgs = log.querySelectorAll('.msg.bot');
  const m = msgs[msgs.length - 1];
  const box = log.getBoundingClientRect(), r = m.getBoundingClientRect();
  const dock = document.querySelector('.dock').getBoundingClientRect();
  const bottom = Math.min(box.bottom, dock.top, window.visualViewport.height);
  if (r.height > bottom - box.top) return r.top >= box.top - 1 && r.top < bottom - 40 ? 1 : 0;
  const seen = Math.max(0, Math.min(r.bottom, bottom) - Math.max(r.top, box.top));
  return seen / r.height;
}"""

SMALL_TARGETS_JS = f"""() => Array.from(document.querySelectorAll(
    'button:not([disabled]), input, summary, a[href]'))
  .filter(e => e.offsetParent !== null)
  .map(e => [e.textContent.trim() || e.id, e.getBoundingClientRect()])
  .filter(([, r]) => r.height < {MIN_TARGET} || r.width < {MIN_TARGET})
  .map(([name, r]) => name + ' ' + Math.round(r.width) + 'x' + Math.round(r.height))"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as b:
        yield b


def _is_closed(pending: Pending) -> bool:
    if pending.question_id in (CONSENT_ID, MEMBER_MORE_ID):
        return True
    return question_bank().get(pending.question_id).answer in CLOSED


def _answer(page: Page, answer: str) -> str:
    """Tap the button whose label starts the persona's answer; otherwise type it."""
    buttons = page.locator(".msg:last-child .choices button:not([disabled])")
    labels = buttons.all_inner_texts()
    for label in sorted(labels, key=len, reverse=True):
        if answer.startswith(label):
            buttons.nth(labels.index(label)).click()
            return "tap"
    page.fill("#text", answer)
    page.press("#text", "Enter")
    return "type"


@pytest.mark.parametrize("big", [False, True], ids=["normal", "big"])
def test_elderly_citizen_on_a_phone(
    web: WebService, browser: Browser, redis_url: str, big: bool
) -> None:
    script = next(s for s in load_scripts() if s.name == "gansu_single_elder_urban")
    context = browser.new_context(
        viewport=PHONE, user_agent=WECHAT_UA, locale="zh-CN", is_mobile=True, has_touch=True
    )
    page = context.new_page()
    size = "big" if big else "normal"
    page.goto(f"{web.url}/h5")
    if big:
        page.click("#big")
    page.get_by_role("button", name="甘肃省").click()
    wait_idle(page)
    session_id = page.evaluate("() => localStorage.getItem('shejiu_session')")
    assert session_id

    # 重新开始 asks first; 不重来 keeps the session.
    page.click("#restart")
    assert page.locator("#confirm-restart").is_visible()
    shot(page, f"phone-{size}-restart-confirm", full_page=False)
    page.click("#restart-no")
    assert page.locator("#confirm-restart").is_hidden()
    assert page.evaluate("() => localStorage.getItem('shejiu_session')") == session_id

    hidden_turns, closed_without_buttons, small = [], [], []
    taps = 0
    for turn in range(60):
        if page.locator(".t-result").count():
            break
        pending = pending_of(redis_url, session_id)
        if pending is None:
            shot(page, f"phone-{size}-stopped-{turn}")
        assert pending is not None, "the questionnaire stopped without a result"
        if turn == 3:  # tapping 大字 mid-way (on, then off again) keeps the question in view
            for _ in range(2):
                page.click("#big")
                if page.evaluate(VISIBLE_JS) < 0.99:
                    hidden_turns.append((turn, "after 大字"))
        if page.evaluate(VISIBLE_JS) < 0.99:
            hidden_turns.append((turn, pending.question_id))
            shot(page, f"phone-{size}-hidden-{turn}", full_page=False)
        if _is_closed(pending):
            labels = page.locator(".msg:last-child .choices button:not([disabled])")
            texts = labels.all_inner_texts()
            needs_unsure = pending.question_id not in (CONSENT_ID, MEMBER_MORE_ID)
            if not texts or (needs_unsure and "不清楚" not in texts):
                closed_without_buttons.append(pending.question_id)
        small += page.evaluate(SMALL_TARGETS_JS)
        if turn in (0, 5):
            shot(page, f"phone-{size}-turn-{turn}", full_page=False)
        taps += _answer(page, persona_answer(script, pending)) == "tap"
        wait_idle(page)
    assert page.locator(".t-result").count() == 1
    assert hidden_turns == [], hidden_turns
    assert closed_without_buttons == [], closed_without_buttons
    assert small == [], small
    # the persona's closed answers were taps on the buttons (10 questions since issue 12, 4
    # of them closed with a matching label: 户口, 同意, 车, 营业执照)
    assert taps >= 4

    # The result's first screen: the items to apply for, each with its outcome words.
    shot(page, f"phone-{size}-result", full_page=False)
    first = page.locator(".t-result .first")
    box = first.bounding_box()
    assert box is not None and 0 <= box["y"] < 844 * 0.3
    applied = page.locator(".t-result .first .apply li")
    assert applied.count() >= 1
    for text in applied.all_inner_texts():
        assert "符合" in text or "了解" in text, text
    assert "不是审批结果" in first.inner_text() or "审核" in first.inner_text()
    assert page.locator("[aria-live]").count() == 1  # only the newest is announced
    assert serious_violations(page) == []
    # Each item's why (with the clause) is one tap away, folded.
    first_item = page.locator(".t-result details.fold").first
    first_item.locator("summary").click()
    assert "依据" in first_item.inner_text()
    first_item.scroll_into_view_if_needed()
    shot(page, f"phone-{size}-result-why", full_page=False)
    # 怎么办理 also carries the guide's own notes (办理提示), one tap away.
    how = page.locator(".t-result details.fold", has_text="怎么办理").first
    how.locator("summary").click()
    assert "办理提示" in how.inner_text()
    how.locator("text=办理提示").scroll_into_view_if_needed()
    shot(page, f"phone-{size}-result-how", full_page=False)

    # A typed 帮我填表 after the result: the download is offered right there.
    page.fill("#text", "帮我填表")
    page.press("#text", "Enter")
    wait_idle(page)
    assert page.locator(".form-ready").count() == 1
    assert page.evaluate(VISIBLE_JS) >= 0.99
    shot(page, f"phone-{size}-form", full_page=False)

    # The phone keyboard opens (the visible viewport shrinks): the newest message stays in view.
    page.focus("#text")
    page.set_viewport_size({"width": 390, "height": 480})
    # the page has handled the resize (it fits itself to the visible viewport), however late
    page.wait_for_function("() => document.body.style.getPropertyValue('--vh') === '480px'")
    assert page.evaluate(VISIBLE_JS) >= 0.99
    shot(page, f"phone-{size}-keyboard", full_page=False)
    page.set_viewport_size(PHONE)

    # Tapping a summary's 改 disables every 改 until a new summary comes (no stale edits).
    page.locator(".summary .edit:not([disabled])").first.click()
    wait_idle(page)
    assert page.locator(".summary .edit:not([disabled])").count() == 0
    context.close()


def test_typed_first_message_is_sent_as_the_opening(
    web: WebService, browser: Browser, redis_url: str
) -> None:
    """Typed before the place is chosen: kept, shown, and sent as the session's opening story."""
    context = browser.new_context(viewport=PHONE, user_agent=WECHAT_UA, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{web.url}/h5")
    page.fill("#text", "我想问问低保")
    page.press("#text", "Enter")
    assert "选您申请的地方" in page.locator("#status").inner_text()
    page.get_by_role("button", name="甘肃省").click()
    wait_idle(page)
    session_id = page.evaluate("() => localStorage.getItem('shejiu_session')")
    client = redis.Redis.from_url(redis_url.replace("/0", "/4"))
    try:
        session = json.loads(client.get(f"session:{session_id}") or "{}")
        transcript = [json.loads(line) for line in client.lrange(f"transcript:{session_id}", 0, -1)]
    finally:
        client.close()
    assert "dibao" in (session.get("items") or [])
    assert any("低保" in (line.get("text") or "") for line in transcript)
    # 重新开始, confirmed: a fresh start (the old session is forgotten on this phone).
    page.click("#restart")
    with page.expect_navigation():  # the session is deleted, then the page reloads
        page.click("#restart-yes")
    page.locator("#regions").wait_for(state="visible")
    assert page.evaluate("() => localStorage.getItem('shejiu_session')") is None
    context.close()
