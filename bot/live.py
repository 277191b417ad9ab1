"""A person behind 转人工: the queue, an agent's claim, the two-way conversation, the hand-back
to the bot at the same question, and call-back requests outside working hours.

The state lives in the session (Redis, changed only under its lock), so any worker serves
either side. After each save the new transcript lines and the new state are published on
`live:{session_id}`; `live:queue` tells every console that the queue changed. Event streams
(api/routes/live.py) replay from the transcript by `seq`, so a reconnect loses nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import time
from collections.abc import Awaitable, Callable

import redis.asyncio as redis
from pydantic import BaseModel

from bot.office_hours import OfficeHours
from bot.staff_views import QUEUE_GROUPS
from dialogue.ending import summary
from dialogue.questions import question_bank
from dialogue.replies import Choice, ChoicesReply, Reply, TextReply
from dialogue.state import Session, TranscriptLine
from guides.catalog import guide_for
from guides.ids import REGION_LABELS
from nlu.idcard import find_phones, mask_phone
from nlu.privacy import mask_free_text

log = logging.getLogger(__name__)

QUEUE_CHANNEL = "live:queue"
CANCEL = "live:cancel"  # 不等了，接着回答问题
CALLBACK = "live:callback"  # 留个电话
LIVE_CHOICES = {CANCEL, CALLBACK}
_CANCEL_WORDS = re.compile(r"不等|不用了|算了|接着(?:回)?答|继续(?:回)?答|先答题")
_CALLBACK_WORDS = re.compile(r"留.{0,3}电话|回.{0,2}电话|打给我|给我打")
SUMMARY_FACTS = 4  # facts in the queue's one-line summary

# What a message to the citizen's WeChat (客服消息) needs: the session and the text.
Outbound = Callable[[Session, str], Awaitable[None]]


def channel(session_id: str) -> str:
    return f"live:{session_id}"


class LiveState(BaseModel):
    """What both pages need to know about the hand-off right now."""

    handoff: bool
    claimed: bool
    agent: str | None  # the claiming agent's account, for the consoles
    waiting_since: float | None
    callback: bool
    open_now: bool


class QueueEntry(BaseModel):
    session_id: str
    region: str
    region_name: str
    channel: str
    waiting_seconds: int
    items: list[str]
    facts: str  # one line: the first few facts the citizen gave
    claimed_by: str | None
    callback_phone: str | None  # masked: the full number shows once the agent has claimed


def _callback_number(text: str) -> str | None:
    """A mobile or landline to call back (spaces, +86 and full-width digits allowed)."""
    found = [p for p in find_phones(text) if p.kind != "service"]
    return found[0].number if found else None


def one_line_facts(session: Session) -> str:
    """What every agent sees before anyone claims: household and members, nothing else."""
    told = summary(session, question_bank(), QUEUE_GROUPS)
    lines = [f"{line.label}：{line.value}" for group in told.groups for line in group.lines]
    if not lines:
        return "还没有回答问题"
    more = "…" if len(lines) > SUMMARY_FACTS else ""
    return mask_free_text("；".join(lines[:SUMMARY_FACTS])) + more


class LiveDesk:
    def __init__(
        self,
        client: redis.Redis,
        hours: OfficeHours,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        outbound: Outbound | None = None,
    ) -> None:
        self.redis = client
        self.hours = hours
        self.now = now
        self.outbound = outbound

    # -- the citizen's side (called by Assistant under the session lock) ---------------------

    def asked(self, session: Session) -> list[Reply]:
        """转人工 was just asked: join the queue; say when someone will answer."""
        session.handoff = True
        session.handoff_at = session.handoff_at or time.time()
        now = self.now()
        if self.hours.is_open(now):
            text = (
                "好的，正在为您找工作人员，一般几分钟内就有人回复，就在这个页面。"
                "您刚才说的情况，工作人员都能看到。等的时候，您可以先把想问的写下来。"
            )
            return [
                ChoicesReply(
                    text=text, choices=[Choice(value=CANCEL, label="不等了，接着回答问题")]
                )
            ]
        text = (
            f"现在是下班时间（工作时间：{self.hours.describe()}）。"
            f"工作人员{self.hours.opening_words(now)}上班后会看到您的消息。"
            "您可以留个电话，工作人员上班后打给您。"
        )
        return [
            ChoicesReply(
                text=text,
                choices=[
                    Choice(value=CALLBACK, label="留个电话"),
                    Choice(value=CANCEL, label="不用了，接着回答问题"),
                ],
            )
        ]

    def citizen_turn(
        self, session: Session, text: str | None, choice: str | None
    ) -> list[Reply] | None:
        """A citizen's message while a person is asked for; None: the bot handles it."""
        if text is None and choice is None:  # the page came back (reload, another day)
            return self._where_we_are(session) if session.handoff else None
        if choice is None and text and session.handoff and not session.live_agent:
            choice = self._typed_choice(session, text)  # WeChat text: "1", "留个电话", "不等了"
        if choice == CANCEL:
            if session.callback_phone is None:  # a left number stays in the queue
                self._end(session)
            return [TextReply(text="好的，我们接着来。")]
        if choice == CALLBACK and session.handoff:
            session.awaiting_callback_phone = True
            return [TextReply(text="请写下您的手机号码，例如：13812345678")]
        if session.awaiting_callback_phone and text:
            found = _callback_number(text)
            if found is None:
                return [
                    ChoicesReply(
                        text="没看清电话号码，请再写一次，例如：13812345678",
                        choices=[Choice(value=CANCEL, label="不用了，接着回答问题")],
                    )
                ]
            session.callback_phone = found
            session.awaiting_callback_phone = False
            when = self.hours.opening_words(self.now())
            shown = mask_phone(session.callback_phone)
            return [
                TextReply(
                    text=f"记下了：{shown}。工作人员{when}上班后会打给您。您也可以接着回答问题。"
                ),
                ChoicesReply(
                    text="要接着回答吗？", choices=[Choice(value=CANCEL, label="接着回答问题")]
                ),
            ]
        if not session.handoff or choice is not None:
            return None
        if session.callback_phone and not session.live_agent:
            return None  # waiting for a call back: the questions go on meanwhile
        if session.live_agent:
            return []  # the agent reads it on the console; no bot reply in between
        return [TextReply(text="收到，工作人员接起后就能看到您的话，请稍等。")]

    def _typed_choice(self, session: Session, text: str) -> str | None:
        """The hand-off choice a typed message picks: its number in the list we showed, or
        its words. A phone number typed after hours is a call-back request."""
        said = text.strip().strip("。.!！")
        offered = [CANCEL] if self.hours.is_open(self.now()) else [CALLBACK, CANCEL]
        if session.awaiting_callback_phone or session.callback_phone:
            return CANCEL if _CANCEL_WORDS.search(said) else None
        if said.isdigit() and 1 <= int(said) <= len(offered):
            return offered[int(said) - 1]
        if _CANCEL_WORDS.search(said):
            return CANCEL
        if CALLBACK in offered and _callback_number(said):
            session.awaiting_callback_phone = True  # read as the number just below
            return None
        if CALLBACK in offered and _CALLBACK_WORDS.search(said):
            return CALLBACK
        return None

    def _where_we_are(self, session: Session) -> list[Reply] | None:
        if session.live_agent:
            return [TextReply(text="您正在和工作人员说话，有话直接写在下面就行。")]
        if session.callback_phone:
            return None  # the questions went on while they wait for the call
        return [
            ChoicesReply(
                text="正在为您找工作人员，请稍等。",
                choices=[Choice(value=CANCEL, label="不等了，接着回答问题")],
            )
        ]

    # -- the agent's side ---------------------------------------------------------------------

    def claim(self, session: Session, agent: str) -> None:
        session.live_agent = agent
        if agent not in session.agents:
            session.agents.append(agent)
        session.log("assistant", "工作人员来了，您可以直接在这里和工作人员说。", pushed=True)

    def say(self, session: Session, text: str) -> TranscriptLine | None:
        return session.log("agent", text.strip(), pushed=True)

    def hand_back(self, session: Session) -> None:
        """The bot takes over again; the citizen's page asks the pending question again."""
        self._end(session)
        session.log("assistant", "工作人员已经把对话交还给我了，我们接着刚才的问题。", pushed=True)

    @staticmethod
    def _end(session: Session) -> None:
        session.handoff = False
        session.handoff_at = None
        session.live_agent = None
        session.awaiting_callback_phone = False
        session.callback_phone = None  # handled: the number is not kept longer than needed

    # -- what pages see ---------------------------------------------------------------------

    def state(self, session: Session) -> LiveState:
        return LiveState(
            handoff=session.handoff,
            claimed=session.live_agent is not None,
            agent=session.live_agent,
            waiting_since=session.handoff_at,
            callback=session.callback_phone is not None,
            open_now=self.hours.is_open(self.now()),
        )

    def queue_entry(self, session: Session, agent: str) -> QueueEntry:
        guide = guide_for(session.region)
        names = {item.id: item.name for item in guide.items}
        since = session.handoff_at or session.updated_at
        phone = session.callback_phone
        if phone and session.live_agent != agent:
            phone = mask_phone(phone)
        return QueueEntry(
            session_id=session.id,
            region=session.region.value,
            region_name=REGION_LABELS[session.region],
            channel=session.channel,
            waiting_seconds=max(0, int(time.time() - since)),
            items=[names.get(item, item.value) for item in session.items or []],
            facts=one_line_facts(session),
            claimed_by=session.live_agent,
            callback_phone=phone,
        )

    async def publish(self, session: Session, after_seq: int) -> None:
        """Lines logged since `after_seq`, then the state; and a nudge to every console."""
        lines = [line for line in session.transcript if line.seq > after_seq]
        state = self.state(session).model_dump()
        async with self.redis.pipeline(transaction=False) as pipe:
            for line in lines:
                pipe.publish(channel(session.id), json.dumps({"line": line.model_dump()}))
            pipe.publish(channel(session.id), json.dumps({"state": state}))
            pipe.publish(QUEUE_CHANNEL, session.id)
            await pipe.execute()
        if self.outbound is not None:
            for line in lines:
                if line.pushed:
                    said = f"工作人员：{line.text}" if line.speaker == "agent" else line.text
                    await self._send_out(session, said)

    async def _send_out(self, session: Session, text: str) -> None:
        assert self.outbound is not None
        try:
            await self.outbound(session, text)
        except Exception as exc:  # the line stays in the transcript; the page shows it anyway
            log.warning("could not send a live message out (%s)", type(exc).__name__)
