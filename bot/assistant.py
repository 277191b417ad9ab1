"""The turn orchestration the API calls: load the session under its lock, check who is asking,
run one dialogue turn, save. A session belongs to one account; only that account and
authorised agents (12345 坐席 acting for a caller, or taking a handed-off session) may use it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, TypeAdapter

from bot.kb.service import KnowledgeService
from bot.live import CANCEL, LiveDesk, QueueEntry
from dialogue.engine import DialogueEngine, IntentParser, PolicyAnswer, PolicyAnswerer
from dialogue.questions import question_bank
from dialogue.replies import Reply
from dialogue.state import Session
from dialogue.store import Quota, SessionStore
from guides.catalog import guide_for
from guides.errors import HandoffNotWaiting, HandoffTaken, SessionForbidden, SessionNotFound
from guides.ids import RegionId
from nlu.commands import is_command
from nlu.privacy import mask_numbers
from nlu.types import Parse


@dataclass(frozen=True)
class Actor:
    """Who is asking: an account id ("wx:<openid>", "agent:<id>") and whether the API has
    authenticated it as an authorised agent."""

    account: str
    is_agent: bool = False


Owner = Actor | str  # a bare string is a citizen account
CHOICE_WORDS = {"yes": "是", "no": "不是", "dont_know": "不知道", "none": "没有", "skip": "跳过",
                "handoff": "找人工", "form:yes": "要申请表", "form:no": "不要申请表",
                "live:cancel": "接着回答问题", "live:callback": "留个电话"}  # fmt: skip


def _actor(owner: Owner) -> Actor:
    return owner if isinstance(owner, Actor) else Actor(owner)


def may_access(session: Session, actor: Actor) -> bool:
    """The owner; an agent only while handling it: one they started for a caller (the owner
    then), or a 转人工 they claimed. Waiting in the queue shows an agent only the queue entry
    (bot.staff_views); a session handed back is no longer theirs."""
    if actor.account == session.owner:
        return True
    return actor.is_agent and session.live_agent == actor.account


def kb_answerer(service: KnowledgeService) -> PolicyAnswerer:
    """The knowledge base as the questionnaire's policy answerer: confident answers only.
    It runs inside a turn, on the event loop: no database work here (see ask_each)."""

    def answer(question: str, region: RegionId | None, place: str | None) -> PolicyAnswer | None:
        where = region.value if region else None
        reply = service.ask_each(question, where, on_event_loop=True, place=place)[0]
        if reply.status != "answered":
            phone = reply.phone.spoken() if reply.phone else None
            return PolicyAnswer("", declined=True, suggestions=reply.suggestions, phone=phone)
        text = reply.text if reply.in_region else f"（这是其他地区的规定，仅供参考）{reply.text}"
        return PolicyAnswer(text=text, citation=reply.citation)

    return answer


@dataclass(frozen=True)
class TurnResult:
    replies: list[Reply]
    state: Session
    form_requested_now: bool = False  # this turn asked for the form (tapped or typed)
    repeated: bool = False  # a message already handled: its first replies, nothing applied


class StoredReply(BaseModel):
    """The reply to one client message id, kept beside the session."""

    replies: list[Reply]
    form_requested_now: bool = False


STORED_REPLY = TypeAdapter(StoredReply)


class Assistant:
    def __init__(
        self,
        store: SessionStore,
        nlu_backend: IntentParser,
        policy_answerer: PolicyAnswerer | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        live: LiveDesk | None = None,
    ) -> None:
        self.store = store
        self.nlu = nlu_backend
        self.engine = DialogueEngine(nlu_backend, policy_answerer, today=today)
        self.live = live

    async def _parse(self, text: str | None, choice: str | None) -> Parse | None:
        """The message's intent, read before the session lock is taken and without blocking
        the event loop: a backend's own async call (Rasa over HTTP), else a thread."""
        if text is None or not self.engine.wants_parse(text, choice):
            return None
        aparse = getattr(self.nlu, "aparse", None)
        if aparse is not None:
            parsed: Parse = await aparse(text)
            return parsed
        return await asyncio.to_thread(self.nlu.parse, text)

    async def start(
        self, region: RegionId | str, channel: str, owner: Owner, text: str | None = None
    ) -> tuple[str, list[Reply]]:
        """A new session for `owner` in `region`; returns its id and the opening replies."""
        guide = guide_for(region)  # raises UnknownRegionError
        actor = _actor(owner)
        session = Session.new(self.store.new_id(), actor.account, guide.region, channel)
        if actor.is_agent:
            session.agents.append(actor.account)
        async with self.store.locked(session.id):
            # The engine may read and write the KB database (policy answers, the unanswered
            # queue, an index rebuild): in a worker thread, never on the event loop.
            replies = await asyncio.to_thread(self.engine.open, session, text)
            self._record(session, actor, self._said(session, text, None), replies)
            await self.store.save(session)
        return session.id, replies

    async def handle(
        self,
        session_id: str,
        owner: Owner,
        text: str | None = None,
        choice: str | None = None,
        message_id: str | None = None,
        question_id: str | None = None,
        quota: Quota | None = None,
    ) -> TurnResult:
        """One message (free text, or a tapped `choice`); with neither, resume where it was.

        `message_id` (the client's id for this message) makes a retry harmless: a message
        already handled gets its first replies back and is not applied again. `question_id`
        (the question the citizen saw, `Session.question_ref`) keeps an answer meant for an
        earlier question from being applied to the current one: that one is asked again.
        `quota` (the API's rate-limit counters) is counted with the session's take."""
        actor = _actor(owner)
        parse = await self._parse(text, choice)
        async with self.store.checked_out(session_id, message_id, quota) as checkout:
            session = checkout.session
            self._check(session, actor)
            if checkout.stored_reply is not None:
                done = STORED_REPLY.validate_json(checkout.stored_reply)
                return TurnResult(done.replies, session, done.form_requested_now, True)
            if actor.is_agent and actor.account not in session.agents:
                session.agents.append(actor.account)
            asked_before, seq_before, was_handoff = (
                session.form_requested, session.transcript_seq, session.handoff
            )  # fmt: skip
            said = self._said(session, text, choice)  # before the turn moves to the next question
            if (
                question_id is not None
                and (text or choice)
                and not session.handoff  # talking with a person: words go to them, not answers
                and not self._asks_for_a_person(text, choice, parse)  # answers nothing
                and not self._current(session, question_id)
            ):
                replies = self.engine.reask_current(session)
            else:
                # On the event loop (no thread hop): the turn is CPU only. Its intent is parsed
                # above; the KB answers from its index as built and queues what it declines
                # in a background thread (kb_answerer); the parameters are the values as last
                # built (bot.params.service.for_caller), refreshed by a background task.
                replies = self._turn(session, actor, text, choice, parse)
            self._record(session, actor, said, replies)
            now = session.form_requested and (not asked_before or choice == "form:yes")
            kept = None
            if message_id:
                kept = (
                    message_id,
                    STORED_REPLY.dump_json(StoredReply(replies=replies, form_requested_now=now)),
                )
            await checkout.save(kept)
        if self.live is not None and (session.handoff or was_handoff):
            await self.live.publish(session, seq_before)
        return TurnResult(replies=replies, state=session, form_requested_now=now)

    @staticmethod
    def _asks_for_a_person(text: str | None, choice: str | None, parse: Parse | None) -> bool:
        if choice == "handoff":
            return True
        return bool(text and parse and parse.intent == "handoff" and is_command("handoff", text))

    @staticmethod
    def _current(session: Session, question_id: str) -> bool:
        """Whether `question_id` names the pending question ("" for none pending)."""
        return question_id == (session.question_ref or "")

    def _turn(
        self,
        session: Session,
        actor: Actor,
        text: str | None,
        choice: str | None,
        parse: Parse | None = None,
    ) -> list[Reply]:
        """The bot's turn, unless the citizen is talking with (or waiting for) a person."""
        if self.live is None:
            return self.engine.turn(session, text, choice, parse)
        if not actor.is_agent:
            replies = self.live.citizen_turn(session, text, choice)
            if replies is not None:
                if choice == CANCEL:
                    replies = [*replies, *self.engine.resume(session)]
                return replies
        was_handoff = session.handoff
        replies = self.engine.turn(session, text, choice, parse)
        if session.handoff and not was_handoff:
            return self.live.asked(session)
        return replies

    @staticmethod
    def _said(session: Session, text: str | None, choice: str | None) -> str:
        """What was said, in words: a tapped choice as its Chinese label, never its id."""
        if text:
            return text.strip()
        if not choice:
            return ""
        if choice in CHOICE_WORDS:
            return CHOICE_WORDS[choice]
        if choice.startswith("edit:"):
            return "改一下前面的回答"
        if session.pending is not None:
            try:
                options = question_bank().get(session.pending.question_id).options()
            except KeyError:  # consent and "anyone else?" are not in the bank: yes/no above
                options = {}
            labels = [options.get(part, "") for part in choice.split(",")]
            if all(labels):
                return "、".join(labels)
        return "（点了一个选项）"

    def _record(self, session: Session, actor: Actor, said: str, replies: list[Reply]) -> None:
        """The transcript the agent console shows when it picks the session up. ID, phone and
        bank numbers are masked before it is stored: the session lives in Redis (and its
        append-only file) for weeks, and nobody reading a transcript needs them."""
        speaker: Literal["citizen", "agent"] = "agent" if actor.is_agent else "citizen"
        session.log(speaker, mask_numbers(said))
        for reply in replies:
            session.log("assistant", mask_numbers(str(getattr(reply, "text", ""))))

    async def resume(self, session_id: str, owner: Owner) -> TurnResult:
        return await self.handle(session_id, owner)

    async def get(self, session_id: str, owner: Owner) -> Session:
        session = await self.store.load(session_id)
        self._check(session, _actor(owner))
        return session

    async def delete(self, session_id: str, owner: Owner) -> None:
        """A citizen deletes their own conversation and everything it holds (个人信息保护法:
        deletion on request). Only the owner may: an agent who helped does not."""
        session = await self.store.load(session_id)
        if _actor(owner).account != session.owner:
            raise SessionForbidden(f"only the owner may delete session {session_id}")
        await self.store.delete(session_id)

    async def release_handoff(self, session_id: str, owner: Owner) -> Session:
        """An agent hands the citizen back to the bot: it asks the pending question again."""
        actor = self._agent(owner)
        async with self.store.locked(session_id):
            session = await self.store.load(session_id)
            if session.live_agent not in (None, actor.account):  # the queue shows that anyway
                raise HandoffTaken(f"{actor.account} did not claim {session_id}")
            self._check(session, actor)
            seq_before = session.transcript_seq
            if self.live is not None:
                self.live.hand_back(session)
            else:
                session.handoff = False
            await self.store.save(session)
        if self.live is not None:
            await self.live.publish(session, seq_before)
        return session

    async def claim(self, session_id: str, owner: Owner) -> Session:
        """One agent takes a waiting citizen; a second agent is told it is taken."""
        actor = self._agent(owner)
        assert self.live is not None
        async with self.store.locked(session_id):  # the lock makes the claim atomic
            session = await self.store.load(session_id)
            if not session.handoff:
                raise HandoffNotWaiting(f"session {session_id} is not waiting")
            if session.live_agent not in (None, actor.account):
                raise HandoffTaken(f"session {session_id} is taken")
            seq_before = session.transcript_seq
            if session.live_agent is None:
                self.live.claim(session, actor.account)
                await self.store.save(session)
        await self.live.publish(session, seq_before)
        return session

    async def agent_says(self, session_id: str, owner: Owner, text: str) -> Session:
        """A line from the agent who claimed the citizen, pushed to the citizen's page."""
        actor = self._agent(owner)
        assert self.live is not None
        async with self.store.locked(session_id):
            session = await self.store.load(session_id)
            if session.live_agent != actor.account:
                raise HandoffTaken(f"{actor.account} has not claimed {session_id}")
            seq_before = session.transcript_seq
            self.live.say(session, text)
            await self.store.save(session)
        await self.live.publish(session, seq_before)
        return session

    async def handoff_queue(self, owner: Owner) -> list[str]:
        """Sessions waiting for a person (agents only)."""
        self._agent(owner)
        return await self.store.handoff_sessions()

    async def queue_entries(self, owner: Owner) -> list[QueueEntry]:
        """The queue as the console shows it: who waits, how long, for what; longest first."""
        actor = self._agent(owner)
        assert self.live is not None
        entries = []
        for session_id in await self.store.handoff_sessions():
            try:
                session = await self.store.load(session_id)
            except SessionNotFound:
                continue  # expired between the listing and the read
            if session.handoff:
                entries.append(self.live.queue_entry(session, actor.account))
        return sorted(entries, key=lambda e: -e.waiting_seconds)

    @staticmethod
    def _agent(owner: Owner) -> Actor:
        actor = _actor(owner)
        if not actor.is_agent:
            raise SessionForbidden("only agents work the hand-off queue")
        return actor

    async def sessions_of(self, owner: Owner) -> list[str]:
        return await self.store.sessions_of(_actor(owner).account)

    @staticmethod
    def _check(session: Session, actor: Actor) -> None:
        if not may_access(session, actor):
            raise SessionForbidden(f"{actor.account} may not use session {session.id}")
