"""The result's first screen on a phone in 大字, as a citizen reads it: a household already on
低保 is told so and what else it may apply for (not "去申请 低保"), the item the citizen asked
about is answered there whatever its outcome, with why, and each line names the item before
its outcome. A long message the citizen typed reads left to right in its bubble (issue 12)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from dialogue.ending import result_reply
from dialogue.replies import ResultReply
from dialogue.state import Session
from guides.household import Household
from guides.ids import Outcome
from guides.screening.engine import screen
from tests.web.browser import PHONE, chromium, shot
from tests.web.conftest import WebService

pytestmark = pytest.mark.browser

HOPEFUL = (Outcome.LIKELY, Outcome.POSSIBLE)

# A Gansu grandmother raising two grandsons, the family already on 低保.
GRANDMOTHER = {
    "region": "gansu",
    "hukou_type": "rural",
    "has_local_hukou": True,
    "size": 3,
    "members": [
        {"relation": "self", "age": 68, "marital_status": "widowed"},
        {"relation": "grandchild", "age": 12, "school_stage": "primary"},
        {"relation": "grandchild", "age": 9, "school_stage": "primary"},
    ],
    "already_receives": ["dibao"],
}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as b:
        yield b


def _result() -> tuple[ResultReply, str, str]:
    """The result the chat shows this family, the name of the item it receives and of an item
    it asked about that is not hopeful (so not in the 去申请 list)."""
    household = Household.model_validate(GRANDMOTHER)
    result = screen(household, on=dt.date(2026, 12, 7))
    receiving = next(i for i in result.items if str(i.item) == "dibao")
    assert receiving.outcome in HOPEFUL  # what the page must not list as 去申请
    asked = next(i for i in result.items if i.outcome not in HOPEFUL and i.reasons)
    session = Session(
        id="t", owner="guest:t", region="gansu", household=household, items=[asked.item]
    )
    return result_reply(session, result), receiving.name, asked.name


def _phone(browser: Browser, web: WebService) -> Page:
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{web.url}/h5")
    page.click("#big")
    return page


def test_first_screen_says_what_is_received_and_answers_the_asked_item(
    web: WebService, browser: Browser
) -> None:
    reply, receiving, asked = _result()
    page = _phone(browser, web)
    page.evaluate(
        "r => window.Replies.render(document.getElementById('log'), [r], () => {})",
        reply.model_dump(mode="json"),
    )
    first = page.locator(".t-result .first")
    page.evaluate(
        """() => { const f = document.querySelector('.t-result .first');
                   const log = document.getElementById('log');
                   log.scrollTop = f.offsetTop - log.offsetTop - 8; }"""
    )
    shot(page, "phone-result-first-screen-receiving", full_page=False)
    text = first.inner_text()
    assert "已经在领" in text and receiving in text
    to_apply = page.locator(".t-result .first .apply:not(.asked) li").all_inner_texts()
    assert not any(receiving in line for line in to_apply), to_apply
    # The asked item is on the first screen, with its outcome words and why.
    item = next(i for i in reply.items if i.name == asked)
    line = first.locator("li", has_text=asked).first
    assert item.outcome_label in line.inner_text()
    assert item.reasons[0] in line.inner_text()
    # Each line: the name, then its outcome (the badge never leads the line).
    leads = page.evaluate(
        """() => Array.from(document.querySelectorAll('.t-result .first .apply li'))
             .map(li => li.firstElementChild.className)"""
    )
    assert leads and all("badge" not in c for c in leads), leads
    page.context.close()


def test_a_long_message_typed_reads_from_the_left(web: WebService, browser: Browser) -> None:
    page = _phone(browser, web)
    story = (
        "俺们是晋中榆次乡下的，老汉今年62，去年冬天脑梗了，现在半边身子不利索，走路得人扶，"
        "地也种不了了。俺59，在家伺候他，出不去打工。儿子在太原上班，自己也有娃要养。"
    )
    page.evaluate("t => window.Replies.said(document.getElementById('log'), t)", story)
    # Every line of the bubble starts at the same left edge (not ragged, right-aligned).
    lefts = page.evaluate(
        """() => {
          const p = document.querySelector('#log .msg.me:last-child > p');
          const range = document.createRange(); range.selectNodeContents(p);
          return Array.from(range.getClientRects()).map(r => Math.round(r.left));
        }"""
    )
    shot(page, "phone-long-message-typed", full_page=False)
    assert len(set(lefts)) == 1 and len(lefts) > 2, lefts
    page.context.close()
