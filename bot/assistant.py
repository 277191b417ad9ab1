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

from bot.kb.service import KnowledgeService
from dialogue.engine import DialogueEngine, IntentParser, PolicyAnswer, PolicyAnswerer
from dialogue.replies import Reply
from dialogue.state import Session
from dialogue.store import SessionStore
from guides.catalog import guide_for
from guides.errors import SessionForbidden
from guides.ids import RegionId
from nlu.types import Parse


@dataclass(frozen=True)
class Actor:
    """Who is asking: an account id ("wx:<openid>", "agent:<id>") and whether the API has
    authenticated it as an authorised agent."""

    account: str
    is_agent: bool = False


Owner = Actor | str  # a bare string is a citizen account
CHOICE_WORDS = {"yes": "是", "no": "不是", "dont_know": "不知道", "none": "没有", "skip": "跳过",
                "handoff": "找人工", "form:yes": "要申请表", "form:no": "不要申请表"}  # fmt: skip


def _actor(owner: Owner) -> Actor:
    return owner if isinstance(owner, Actor) else Actor(owner)


def may_access(session: Session, actor: Actor) -> bool:
    if actor.account == session.owner:
        return True
    return actor.is_agent and (session.handoff or actor.account in session.agents)


def kb_answerer(service: KnowledgeService) -> PolicyAnswerer:
    """The knowledge base as the questionnaire's policy answerer: confident answers only.
    It runs inside a turn, on the event loop: no database work here (see ask_each)."""

    def answer(question: str, region: RegionId | None) -> PolicyAnswer | None:
        where = region.value if region else None
        reply = service.ask_each(question, where, on_event_loop=True)[0]
        if reply.status != "answered":
            return None
        text = reply.text if reply.in_region else f"（这是其他地区的规定，仅供参考）{reply.text}"
        return PolicyAnswer(text=text, citation=reply.citation)

    return answer


@dataclass(frozen=True)
class TurnResult:
    replies: list[Reply]
    state: Session
    form_requested_now: bool = False  # this turn asked for the form (tapped or typed)


class Assistant:
    def __init__(
        self,
        store: SessionStore,
        nlu_backend: IntentParser,
        policy_answerer: PolicyAnswerer | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.store = store
        self.nlu = nlu_backend
        self.engine = DialogueEngine(nlu_backend, policy_answerer, today=today)

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
            replies = self.engine.open(session, text)
            self._record(session, actor, text, None, replies)
            await self.store.save(session)
        return session.id, replies

    async def handle(
        self, session_id: str, owner: Owner, text: str | None = None, choice: str | None = None
    ) -> TurnResult:
        """One message (free text, or a tapped `choice`); with neither, resume where it was."""
        actor = _actor(owner)
        parse = await self._parse(text, choice)
        # Locked and loaded in one round trip; saved and unlocked in one (nothing on an error).
        async with self.store.checked_out(session_id) as session:
            self._check(session, actor)
            if actor.is_agent and actor.account not in session.agents:
                session.agents.append(actor.account)
            asked_before = session.form_requested
            # CPU only: the intent is read already; the KB answers from memory (kb_answerer).
            replies = self.engine.turn(session, text, choice, parse)
            self._record(session, actor, text, choice, replies)
        now = session.form_requested and (not asked_before or choice == "form:yes")
        return TurnResult(replies=replies, state=session, form_requested_now=now)

    def _record(
        self,
        session: Session,
        actor: Actor,
        text: str | None,
        choice: str | None,
        replies: list[Reply],
    ) -> None:
        """The transcript the agent console shows when it picks the session up."""
        speaker: Literal["citizen", "agent"] = "agent" if actor.is_agent else "citizen"
        said = text.strip() if text else CHOICE_WORDS.get(choice or "", choice or "")
        session.log(speaker, said)
        for reply in replies:
            session.log("assistant", str(getattr(reply, "text", "")))

    async def resume(self, session_id: str, owner: Owner) -> TurnResult:
        return await self.handle(session_id, owner)

    async def get(self, session_id: str, owner: Owner) -> Session:
        session = await self.store.load(session_id)
        self._check(session, _actor(owner))
        return session

    async def release_handoff(self, session_id: str, owner: Owner) -> Session:
        """An agent finished with a handed-off session: it leaves the console queue."""
        async with self.store.locked(session_id):
            session = await self.store.load(session_id)
            self._check(session, _actor(owner))
            session.handoff = False
            await self.store.save(session)
        return session

    async def handoff_queue(self, owner: Owner) -> list[str]:
        """Sessions waiting for a person (agents only)."""
        actor = _actor(owner)
        if not actor.is_agent:
            raise SessionForbidden("only agents see the hand-off queue")
        return await self.store.handoff_sessions()

    async def sessions_of(self, owner: Owner) -> list[str]:
        return await self.store.sessions_of(_actor(owner).account)

    @staticmethod
    def _check(session: Session, actor: Actor) -> None:
        if not may_access(session, actor):
            raise SessionForbidden(f"{actor.account} may not use session {session.id}")
