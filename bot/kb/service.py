"""The KB as the assistant uses it: answer a question from the published entries.

Each worker process owns one `KnowledgeService`, holding an in-memory `KnowledgeIndex` built
from the published, in-effect entries. Freshness without a restart: before answering, the
service reads `kb_meta.index_version` (one primary-key SELECT) at most every
`refresh_seconds` (0 = on every question), or at once when the optional Redis notifier says a
change was published; when the counter (or the date, for effective_from/effective_to) moved,
it rebuilds the index and swaps it in. Uncertain questions go to the unanswered queue with
personal data stripped.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Literal, Protocol

from sqlalchemy.orm import Session, sessionmaker

from bot.kb.db import make_sessions, read_meta
from bot.kb.decline import DeclinePhone, decline_phone
from bot.kb.loader import seed_if_empty
from bot.kb.notices import Notices
from bot.kb.schema import EntryContent
from bot.kb.unanswered import UnansweredQueue
from bot.kb.workflow import KnowledgeBase
from nlu.retrieval import Answer, Hit, KbDocument, KnowledgeIndex, RetrievalConfig

log = logging.getLogger(__name__)


class ChangeNotifier(Protocol):
    def publish(self, version: int) -> None: ...
    def changed(self) -> bool: ...


@dataclass(frozen=True)
class KbReply:
    status: Literal["answered", "uncertain"]
    text: str  # the answer, or the "not sure" message
    entry_id: str | None
    citation: str | None
    confidence: float
    suggestions: tuple[str, ...]  # standard questions the user may have meant
    region: str | None
    in_region: bool  # False: the answer is another region's policy (say so)
    # On a decline: the phone to call and whether to offer 转人工 (a person takes over).
    phone: DeclinePhone | None = None
    handoff: bool = False


DirectAnswerer = Callable[[str, str | None, str | None], "KbReply | None"]


def document_of(content: EntryContent) -> KbDocument:
    return KbDocument(
        entry_id=content.id,
        question=content.question,
        similar=tuple(content.similar),
        answer=content.answer,
        regions=tuple(content.regions),
        items=tuple(i.value for i in content.items),
        tags=tuple(content.tags),
    )


class KnowledgeService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        threshold: float | None = None,
        refresh_seconds: float = 2.0,
        config: RetrievalConfig | None = None,
        notifier: ChangeNotifier | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        base = config or RetrievalConfig()
        self._config = base if threshold is None else _with_threshold(base, threshold)
        self.threshold = self._config.threshold
        self._sessions = sessions
        self._notifier = notifier
        self._clock = clock
        self.refresh_seconds = refresh_seconds
        self.kb = KnowledgeBase(sessions, notifier.publish if notifier else None)
        self.unanswered = UnansweredQueue(sessions)
        self.notices = Notices(sessions)
        self._lock = threading.Lock()
        self._index = KnowledgeIndex.build([], self._config)
        self._contents: dict[str, EntryContent] = {}
        self._built: tuple[int, dt.date] | None = None
        self._checked_at = float("-inf")
        self._record_thread: ThreadPoolExecutor | None = None
        # answers from live data before the entries (bot/params/answer.py), set by the wiring
        self.direct: DirectAnswerer | None = None

    @classmethod
    def open(
        cls, url: str | None = None, *, seed: bool = True, **kwargs: object
    ) -> KnowledgeService:
        """Connect (URL, else env DATABASE_URL, else local SQLite), create tables, seed if empty."""
        sessions = make_sessions(url)
        service = cls(sessions, **kwargs)  # type: ignore[arg-type]
        if seed:
            seed_if_empty(service.kb)
        return service

    @property
    def index(self) -> KnowledgeIndex:
        self.refresh()
        return self._index

    @property
    def built_version(self) -> int | None:
        return self._built[0] if self._built else None

    def index_version(self) -> int:
        with self._sessions() as s:
            return read_meta(s)

    def refresh(self, *, force: bool = False) -> bool:
        """Rebuild when the DB counter or the date changed; returns True when it rebuilt."""
        now = self._clock()
        hinted = self._notifier.changed() if self._notifier else False
        due = now - self._checked_at >= self.refresh_seconds
        if not (force or hinted or due or self._built is None):
            return False
        with self._lock:
            self._checked_at = now
            key = (self.index_version(), dt.date.today())
            if key == self._built and not force:
                return False
            contents = self.kb.published()
            index = KnowledgeIndex.build([document_of(c) for c in contents], self._config)
            self._index, self._contents, self._built = index, {c.id: c for c in contents}, key
            return True

    def search(self, question: str, region: str | None = None, k: int = 5) -> list[EntryContent]:
        return [content for _, content in self.ranked(question, region, k)]

    def ranked(
        self, question: str, region: str | None = None, k: int = 5
    ) -> list[tuple[Hit, EntryContent]]:
        """The k best entries with their scores, from one ranking of the (first) request."""
        text, where = self.index.focused(question, region)[0]
        hits = self.index.search(text, where, k)
        contents = self._contents
        return [(h, contents[h.entry_id]) for h in hits if h.entry_id in contents]

    def ask(
        self,
        question: str,
        region: str | None = None,
        *,
        record: bool = True,
        place: str | None = None,
    ) -> KbReply:
        """The reply to the (first) request in the message."""
        return self.ask_each(question, region, record=record, place=place)[0]

    def ask_each(
        self,
        question: str,
        region: str | None = None,
        *,
        record: bool = True,
        on_event_loop: bool = False,
        place: str | None = None,
    ) -> list[KbReply]:
        """One reply per distinct request in the message (at most two); a message with any
        declined request is queued once for the editors. A question a live number answers
        (“我们这低保一个月多少钱”) is answered from the parameters for the asker's place.

        `on_event_loop`: touch no database here. The index is used as last built (a
        background task keeps it fresh: `refresh`), and the question is queued by a
        background thread."""
        if self.direct is not None:
            direct = self.direct(question, region, place)
            if direct is not None:
                return [direct]
        fresh = not on_event_loop or self._built is None
        index = self.index if fresh else self._index
        contents = self._contents  # one snapshot across a content swap
        answers = index.answers(question, region)
        if record and question.strip() and any(a.status != "answered" for a in answers):
            if on_event_loop:
                self._recorder().submit(self._record_quietly, question, answers[0].region)
            else:
                self.unanswered.record(question, answers[0].region)
        return [_reply(a, contents) for a in answers]

    def _recorder(self) -> ThreadPoolExecutor:
        if self._record_thread is None:
            self._record_thread = ThreadPoolExecutor(1, thread_name_prefix="kb-unanswered")
        return self._record_thread

    def _record_quietly(self, question: str, region: str | None) -> None:
        try:
            self.unanswered.record(question, region)
        except Exception:  # the text may hold personal data: never log it
            log.exception("unanswered question not recorded")


def _reply(answer: Answer, contents: dict[str, EntryContent]) -> KbReply:
    if answer.status == "answered" and answer.entry is not None:
        content = contents[answer.entry.entry_id]
        # another place's question answered with the national rule: whose rule, whom to ask
        note = answer.message or ""
        return KbReply(
            status="answered",
            text=f"{note}{content.answer}",
            entry_id=content.id,
            citation=content.source.cite(),
            confidence=answer.confidence,
            suggestions=(),
            region=answer.region,
            in_region=content.covers(answer.region),
        )
    return KbReply(
        status="uncertain",
        text=answer.message or "这个问题我还不太确定。",
        entry_id=None,
        citation=None,
        confidence=answer.confidence,
        suggestions=tuple(h.question for h in answer.suggestions),
        region=answer.region,
        in_region=True,
        phone=decline_phone(answer.region),
        handoff=True,
    )


def _with_threshold(config: RetrievalConfig, threshold: float) -> RetrievalConfig:
    from dataclasses import replace

    return replace(config, threshold=threshold)
