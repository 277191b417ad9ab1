"""An elderly citizen on a 390×844 phone with 大字 on who cannot make an answer understood: the
second try offers buttons (不清楚 / 先跳过 / 转人工), the third leaves the question as 不清楚
with a plain sentence, and the next question is fully in view. Screenshots go to
artifacts/web/phone-big-unclear-*.png."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from dialogue.prompts import MOVED_ON
from tests.web.browser import PHONE, chromium, pending_of, shot, wait_idle
from tests.web.conftest import WebService
from tests.web.test_citizen_phone import VISIBLE_JS, WECHAT_UA

pytestmark = pytest.mark.browser

UNCLEAR = "嗯……那个嘛"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


def test_a_question_not_understood_three_times_is_left_and_the_next_one_shown(
    web: WebService, browser: Browser, redis_url: str
) -> None:
    context = browser.new_context(
        viewport=PHONE, user_agent=WECHAT_UA, locale="zh-CN", is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto(f"{web.url}/h5")
    page.click("#big")
    page.get_by_role("button", name="宁夏回族自治区").click()
    wait_idle(page)
    session_id = page.evaluate("() => localStorage.getItem('shejiu_session')")
    first = pending_of(redis_url, session_id)
    assert first is not None

    for attempt in range(1, 4):
        page.fill("#text", UNCLEAR)
        page.press("#text", "Enter")
        wait_idle(page)
        if attempt == 2:
            labels = page.locator(".msg:last-child .choices button").all_inner_texts()
            assert {"不清楚", "先跳过", "转人工"} <= set(labels), labels
            said = page.locator(".msg.bot").last.inner_text()
            assert "3口人要不" not in said  # the example and the way out are two sentences
            shot(page, "phone-big-unclear-second", full_page=False)

    shot(page, "phone-big-unclear-moved-on", full_page=False)
    assert MOVED_ON in page.locator("#log").inner_text()
    now = pending_of(redis_url, session_id)
    assert now is not None and now != first
    assert page.evaluate(VISIBLE_JS) >= 0.99  # the next question is in view
    context.close()


def test_a_son_asking_for_his_parents_is_told_whose_household_is_asked(
    web: WebService, browser: Browser, redis_url: str
) -> None:
    """Typed first, then the place: the read-back names the parents, one sentence says the
    questions are about their household, and the next question is in view."""
    context = browser.new_context(
        viewport=PHONE, user_agent=WECHAT_UA, locale="zh-CN", is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto(f"{web.url}/h5")
    page.click("#big")
    page.fill("#text", "我替我爸问问，他八十了，跟我妈两个人在村里住，我妈七十八，他们能办什么")
    page.press("#text", "Enter")
    page.get_by_role("button", name="山西省").click()
    wait_idle(page)
    shot(page, "phone-big-speaking-for", full_page=False)
    log = page.locator("#log").inner_text()
    assert "您父亲80岁" in log and "您是替您父母问的" in log
    assert page.evaluate(VISIBLE_JS) >= 0.99
    context.close()
