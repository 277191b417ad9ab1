"""Chatting over WeChat text: region by number or name, numbered choices, one session per account."""

from __future__ import annotations

import asyncio

from bot.assistant import Assistant
from bot.wechat_chat import ASK_REGION, WeChatChat
from dialogue.scripting import load_scripts, persona_answer
from dialogue.store import SessionStore
from nlu.backend import make_backend
from tests.conftest import ARTIFACTS


def test_numbered_replies_pick_region_and_choices(redis_url: str) -> None:
    async def run() -> None:
        store = SessionStore.from_url(redis_url.replace("/0", "/6"))
        assistant = Assistant(store, make_backend("local"))
        chat = WeChatChat(assistant)
        account = "wx:numbers-user"
        assert await chat(account, "你好") == [ASK_REGION]
        opening = await chat(account, "3")  # 3. 山西省
        assert any("几口人" in text for text in opening)
        hukou_question = await chat(account, "两口人")
        assert any("1. 城镇户口" in text and "2. 农村户口" in text for text in hukou_question)
        await chat(account, "2")
        sessions = await assistant.sessions_of(account)
        assert len(sessions) == 1
        session = await assistant.get(sessions[0], account)
        assert session.region.value == "shanxi"
        assert session.household.size == 2
        assert session.household.hukou_type == "rural"
        await store.close()

    asyncio.run(run())


def test_a_region_named_in_the_first_message_starts_there(redis_url: str) -> None:
    async def run() -> None:
        store = SessionStore.from_url(redis_url.replace("/0", "/6"))
        assistant = Assistant(store, make_backend("local"))
        chat = WeChatChat(assistant)
        replies = await chat("wx:named-region", "我是宁夏的，想问问低保")
        assert replies and replies != [ASK_REGION]
        (session_id,) = await assistant.sessions_of("wx:named-region")
        session = await assistant.get(session_id, "wx:named-region")
        assert session.region.value == "ningxia"
        await store.close()

    asyncio.run(run())


def test_wechat_result_is_short_and_the_form_can_be_asked_for(redis_url: str) -> None:
    """A widow living alone answers in text: the result names the items to apply for with their
    mark and outcome, stays short, and "帮我填表" afterwards reaches the same session."""

    async def run() -> None:
        store = SessionStore.from_url(redis_url.replace("/0", "/6"))
        assistant = Assistant(store, make_backend("local"))
        chat = WeChatChat(assistant)
        account = "wx:widow-alone"
        script = next(s for s in load_scripts() if s.name == "gansu_single_elder_urban")
        replies = await chat(account, "甘肃，" + script.start)
        (session_id,) = await assistant.sessions_of(account)
        for _ in range(60):
            session = await assistant.get(session_id, account)
            if session.pending is None:
                break
            replies = await chat(account, persona_answer(script, session.pending))
        result = next(r for r in replies if r.startswith("您家可以去申请："))
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "wechat-result-widow.txt").write_text("\n\n".join(replies), encoding="utf-8")
        assert "✔" in result and "可能符合" in result
        assert "不是审批结果" in result
        assert len(result.splitlines()) <= 16, result
        form = await chat(account, "帮我填表")
        assert await assistant.sessions_of(account) == [session_id]
        assert (await assistant.get(session_id, account)).form_requested
        assert any("申请表" in text for text in form)
        await store.close()

    asyncio.run(run())


def test_a_10_kb_message_is_refused_saying_why(redis_url: str) -> None:
    async def run() -> None:
        from bot.wechat_chat import TOO_LONG

        store = SessionStore.from_url(redis_url.replace("/0", "/6"))
        assistant = Assistant(store, make_backend("local"))
        chat = WeChatChat(assistant)
        assert await chat("wx:long-user", "甘肃" + "我" * 10240) == [TOO_LONG]
        assert await assistant.sessions_of("wx:long-user") == []
        assert "500" in TOO_LONG and "太长" in TOO_LONG
        await store.close()

    asyncio.run(run())


def test_wechat_result_of_a_family_on_dibao_says_so_and_what_else() -> None:
    """A household already on 低保 is not told to go and apply for 低保 (issue 12)."""
    import datetime as dt

    from bot.wechat_chat import short_result
    from dialogue.ending import result_reply
    from dialogue.state import Session
    from guides.household import Household
    from guides.screening.engine import screen

    household = Household.model_validate(
        {"region": "gansu", "hukou_type": "rural", "has_local_hukou": True, "size": 1,
         "members": [{"relation": "self", "age": 68, "marital_status": "widowed"}],
         "already_receives": ["dibao"]}
    )  # fmt: skip
    result = screen(household, on=dt.date(2026, 12, 7))
    dibao = next(i for i in result.items if str(i.item) == "dibao")
    assert dibao.outcome in ("likely", "possible")
    session = Session(id="t", owner="wx:t", region="gansu", household=household)
    text = short_result(result_reply(session, result))
    assert f"已经在领：{dibao.name}" in text
    assert not any(dibao.name in line for line in text.splitlines() if line.startswith(("✔", "？")))
