"""Two browsers talk: a citizen on a phone (390×844, 大字) asks for a person, an agent at a
desktop console sees them pushed into the queue, claims, and they exchange messages live; after
the hand-back the citizen's page asks the same question again, with its buttons."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.web.browser import DESKTOP, PHONE, chromium, shot, sign_in, wait_idle
from tests.web.conftest import WebService

pytestmark = pytest.mark.browser
PUSHED_WITHIN_MS = 5_000


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as b:
        yield b


def test_citizen_and_agent_talk_in_two_browsers(web: WebService, browser: Browser) -> None:
    phone = browser.new_context(viewport=PHONE, locale="zh-CN", is_mobile=True, has_touch=True)
    citizen = phone.new_page()
    citizen.goto(f"{web.url}/h5?region=gansu")
    citizen.click("#big")
    citizen.wait_for_selector("#log .msg.bot .choices, #log .msg.bot p")
    wait_idle(citizen)
    citizen.fill("#text", "我们家两口人")
    citizen.press("#text", "Enter")
    wait_idle(citizen)
    pending_text = citizen.locator("#log .msg.bot").last.inner_text()
    citizen.fill("#text", "我想找人工问问")
    citizen.press("#text", "Enter")
    wait_idle(citizen)
    assert "工作人员" in citizen.locator("#log .msg.bot").last.inner_text()

    desk = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    agent = desk.new_page()
    sign_in(agent, web.url, "agent2")
    agent.select_option("#q-region", "shanxi")  # from the call before
    entry = agent.locator("#queue li.waiting", has_text="甘肃省").last
    entry.wait_for(timeout=PUSHED_WITHIN_MS)
    assert "2" in entry.inner_text() or "两" in entry.inner_text()  # the facts' one-line summary
    entry.locator("button.open").click()
    agent.wait_for_selector("#live:not([hidden])")
    assert agent.input_value("#q-region") == "gansu"  # the search follows the citizen's region
    citizen.wait_for_function(
        "() => document.getElementById('log').innerText.includes('工作人员来了')",
        timeout=PUSHED_WITHIN_MS,
    )

    agent.fill("#l-text", "您好，我是工作人员。您家里有人生病吗？")
    sent = time.monotonic()
    agent.press("#l-text", "Enter")
    citizen.wait_for_function(
        "() => document.getElementById('log').innerText.includes('您家里有人生病吗')",
        timeout=PUSHED_WITHIN_MS,
    )
    seconds = time.monotonic() - sent
    assert seconds < PUSHED_WITHIN_MS / 1000
    shot(citizen, "live-citizen-phone", full_page=False)

    citizen.fill("#text", "老伴有高血压")
    citizen.press("#text", "Enter")
    agent.wait_for_function(
        "() => document.getElementById('l-log').innerText.includes('群众：老伴有高血压')",
        timeout=PUSHED_WITHIN_MS,
    )
    shot(agent, "live-agent-console")

    agent.click("#a-release")
    citizen.wait_for_function(
        "() => document.getElementById('log').innerText.includes('交还给我')",
        timeout=PUSHED_WITHIN_MS,
    )
    wait_idle(citizen)
    citizen.wait_for_function(
        "(q) => document.querySelector('#log .msg.bot:last-of-type').innerText.includes(q)",
        arg=pending_text.strip().splitlines()[0][-12:],
        timeout=PUSHED_WITHIN_MS,
    )
    shot(citizen, "live-citizen-back-to-bot", full_page=False)
    phone.close()
    desk.close()


def test_console_search_keeps_other_regions_apart_and_marks_weak_hits(
    web: WebService, browser: Browser
) -> None:
    page = browser.new_context(viewport=DESKTOP, locale="zh-CN").new_page()
    sign_in(page, web.url, "agent1")
    page.select_option("#q-region", "gansu")
    page.fill("#q", "低保审批要多少个工作日")
    page.wait_for_selector("#hits .hit")
    page.wait_for_timeout(400)  # the debounced search has settled
    cards = page.evaluate(
        """() => Array.from(document.querySelectorAll('#hits > *')).map(e =>
            [e.tagName, e.className, e.innerText])"""
    )
    heading = next((i for i, (tag, _, _) in enumerate(cards) if tag == "H3"), len(cards))
    for tag, _, text in cards[:heading]:
        if tag == "DIV":
            assert "甘肃省" in text or "全部地区" in text, text
    for _tag, _, text in cards[heading + 1 :]:
        assert "甘肃省" not in text.split("地区：")[-1], text
    # The first search's cards stay on screen until the second one's answer replaces them: mark
    # them, then wait for the box to hold the new answer (hits, "没有找到" or an error).
    page.evaluate("() => document.querySelectorAll('#hits > *').forEach(e => e.dataset.old = '1')")
    page.fill("#q", "公积金贷款利率是多少")
    page.wait_for_function(
        "() => { const box = document.getElementById('hits');"
        " return box.textContent !== '' && !box.querySelector('[data-old]'); }",
        timeout=20_000,
    )
    weak = page.locator("#hits .hit.weak")
    if page.locator("#hits .hit").count():
        assert weak.count() >= 1
        assert "把握不大" in weak.first.inner_text()
    shot(page, "console-search-weak")


def test_starting_a_callers_questionnaire_searches_that_region(
    web: WebService, browser: Browser
) -> None:
    page = browser.new_context(viewport=DESKTOP, locale="zh-CN").new_page()
    sign_in(page, web.url, "agent1")
    page.select_option("#q-region", "")
    page.fill("#q", "低保审批要多少个工作日")
    page.wait_for_selector("#hits .hit")
    page.select_option("#a-region", "ningxia")
    page.click("#a-start")
    page.wait_for_selector("#a-session:not([hidden])")
    assert page.input_value("#q-region") == "ningxia"
    # searched again for the caller's region: its hits first, other regions under a heading
    page.wait_for_function(
        "() => { const first = document.querySelector('#hits .hit');"
        " return first && first.innerText.includes('宁夏'); }",
        timeout=20_000,
    )


def test_two_agents_press_take_at_once_and_one_gets_the_citizen(
    web: WebService, browser: Browser
) -> None:
    from tests.web.test_live_handoff import citizen_in_queue

    with web.client() as client:
        _, session_id, _ = citizen_in_queue(web, client)
    pages = []
    for name in ("agent1", "agent2"):
        page = browser.new_context(viewport=DESKTOP, locale="zh-CN").new_page()
        sign_in(page, web.url, name)
        page.locator(f"button.open[data-session='{session_id}']").wait_for(timeout=PUSHED_WITHIN_MS)
        pages.append(page)
    alerts: list[str] = []
    for page in pages:
        page.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
    # Both agents see the button; each holds it before either clicks, so the second
    # click lands even if the first claim's queue push has already redrawn that page.
    grab = (
        f"window.takeButton = document.querySelector(\"button.open[data-session='{session_id}']\")"
    )
    for page in pages:
        page.evaluate(grab)
    for page in pages:
        page.evaluate("window.takeButton.click()")
    deadline = time.monotonic() + 10
    opened: list[bool] = []
    while time.monotonic() < deadline:
        opened = [p.locator("#live:not([hidden])").count() == 1 for p in pages]
        if sum(opened) == 1 and alerts:
            break
        time.sleep(0.1)
    assert sum(opened) == 1, opened  # exactly one console opened the conversation
    assert alerts and "其他坐席" in alerts[0]  # the other was told it is taken
    loser = pages[opened.index(False)]
    loser.wait_for_function(
        f"() => !document.querySelector(\"button.open[data-session='{session_id}']\")"
        " && document.getElementById('queue').innerText.includes('已被其他坐席接起')",
        timeout=PUSHED_WITHIN_MS,
    )
    shot(loser, "live-claim-race-loser")
    for page in pages:
        page.context.close()
