"""转人工 outside working hours and the office-hours arithmetic (Beijing time, 调休 included)."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
import redis.asyncio as aioredis

from bot.assistant import Actor, Assistant
from bot.live import CALLBACK, CANCEL, LiveDesk, QueueEntry
from bot.office_hours import BEIJING, OfficeHours
from dialogue.store import SessionStore, StoreConfig
from nlu.backend import make_backend

HOURS = OfficeHours.parse("08:30-17:30")


def beijing(year: int, month: int, day: int, hour: int, minute: int) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=BEIJING)


def test_open_on_working_days_within_hours_only() -> None:
    assert HOURS.is_open(beijing(2026, 12, 4, 9, 0))  # a Friday
    assert not HOURS.is_open(beijing(2026, 12, 4, 8, 29))
    assert not HOURS.is_open(beijing(2026, 12, 4, 17, 30))
    assert not HOURS.is_open(beijing(2026, 12, 5, 10, 0))  # Saturday
    assert not HOURS.is_open(beijing(2026, 10, 1, 10, 0))  # 国庆节, a Thursday
    # UTC 01:00 is 09:00 in Beijing
    assert HOURS.is_open(dt.datetime(2026, 12, 4, 1, 0, tzinfo=dt.UTC))


def test_next_opening_skips_weekends_and_holidays() -> None:
    assert HOURS.next_opening(beijing(2026, 12, 4, 18, 0)) == beijing(2026, 12, 7, 8, 30)
    assert HOURS.next_opening(beijing(2026, 12, 7, 7, 0)) == beijing(2026, 12, 7, 8, 30)
    assert HOURS.next_opening(beijing(2026, 9, 30, 18, 0)).date() > dt.date(2026, 10, 1)
    assert HOURS.opening_words(beijing(2026, 12, 3, 20, 0)) == "明天（周五）上午8:30"
    assert HOURS.opening_words(beijing(2026, 12, 4, 6, 0)) == "今天（周五）上午8:30"


def test_all_day_and_bad_hours() -> None:
    always = OfficeHours.parse("00:00-24:00", workdays_only=False)
    assert always.is_open(beijing(2026, 12, 5, 23, 59))
    assert always.describe() == "每天 00:00–24:00"
    for bad in ("8点到5点", "17:30-08:30", "08:30"):
        with pytest.raises(ValueError):
            OfficeHours.parse(bad)


def test_after_hours_the_citizen_leaves_a_number_and_the_questions_go_on(redis_url: str) -> None:
    friday_night = beijing(2026, 12, 4, 21, 0)

    async def scenario() -> None:
        client = aioredis.Redis.from_url(redis_url)
        store = SessionStore(client, StoreConfig(session_ttl_seconds=600))
        desk = LiveDesk(client, HOURS, now=lambda: friday_night)
        assistant = Assistant(store, make_backend("local"), live=desk)
        citizen = Actor("guest:night")
        session_id, _ = await assistant.start("shanxi", "h5", citizen)
        await assistant.handle(session_id, citizen, text="三口人")
        asked = await assistant.handle(session_id, citizen, text="我要找人工")
        text = asked.replies[0].text
        assert "下班时间" in text and "12月7日（周一）上午8:30" in text
        assert asked.state.handoff
        wrong = await assistant.handle(session_id, citizen, choice=CALLBACK)
        assert "手机号码" in wrong.replies[0].text
        unclear = await assistant.handle(session_id, citizen, text="就这个号")
        assert "没看清" in unclear.replies[0].text
        left = await assistant.handle(session_id, citizen, text="我的电话是 138 1234 5678")
        assert "138****5678" in left.replies[0].text
        assert left.state.callback_phone == "13812345678"
        pending = left.state.pending
        # the questions go on while they wait; the number stays in the queue for the agent
        going_on = await assistant.handle(session_id, citizen, choice=CANCEL)
        assert going_on.state.handoff and going_on.state.pending == pending
        agent = Actor("agent:a1", is_agent=True)

        def mine(
            entries: list[QueueEntry],
        ) -> QueueEntry:  # other tests' sessions may share this Redis
            return next(e for e in entries if e.session_id == session_id)

        entry = mine(await assistant.queue_entries(agent))
        assert entry.callback_phone == "138****5678"  # masked until claimed
        await assistant.claim(session_id, agent)
        entry = mine(await assistant.queue_entries(agent))
        assert entry.callback_phone == "13812345678"
        done = await assistant.release_handoff(session_id, agent)
        assert not done.handoff and done.callback_phone is None  # not kept once handled
        await client.aclose()

    asyncio.run(scenario())


def test_typed_choices_work_where_there_are_no_buttons(redis_url: str) -> None:
    """WeChat text shows the hand-off choices numbered: "1", their words, or a phone number."""

    async def scenario(now: dt.datetime, messages: list[str]) -> list[object]:
        client = aioredis.Redis.from_url(redis_url)
        store = SessionStore(client, StoreConfig(session_ttl_seconds=600))
        assistant = Assistant(
            store, make_backend("local"), live=LiveDesk(client, HOURS, now=lambda: now)
        )
        citizen = Actor("wx:typed")
        session_id, _ = await assistant.start("gansu", "wechat_mp", citizen)
        await assistant.handle(session_id, citizen, text="找人工")
        states = []
        for text in messages:
            states.append((await assistant.handle(session_id, citizen, text=text)).state)
        await client.aclose()
        return states

    night = beijing(2026, 12, 4, 22, 0)
    picked, left = asyncio.run(scenario(night, ["1", "13812345678"]))
    assert picked.awaiting_callback_phone and left.callback_phone == "13812345678"
    (direct,) = asyncio.run(scenario(night, ["你们打我电话吧 13912345678"]))
    assert direct.callback_phone == "13912345678"
    day = beijing(2026, 12, 4, 10, 0)
    (stopped,) = asyncio.run(scenario(day, ["1"]))  # in hours the only choice is 不等了
    assert not stopped.handoff
    (words,) = asyncio.run(scenario(day, ["算了不等了，接着答吧"]))
    assert not words.handoff
