"""Chatting over WeChat text: region by number or name, numbered choices, one session per account."""

from __future__ import annotations

import asyncio

from bot.assistant import Assistant
from bot.wechat_chat import ASK_REGION, WeChatChat
from dialogue.store import SessionStore
from nlu.backend import make_backend


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
