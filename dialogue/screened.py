"""Screening once per set of facts: a turn that changed no fact (不知道, a skipped question, an
answer meant for an earlier question, a resume) reuses the session's last result instead of
screening the household again.

Per worker, the latest result of each of the most recent sessions, kept with a digest of the
household it was computed from (not the household itself), the screening date and the
parameters then in force: a change to any of them screens again. A result without detail
(outcomes and missing facts, what choosing the next question reads) serves only a request
without detail; a full one serves both.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass

from dialogue.state import Session
from guides.household import Household
from guides.params import Parameters, current_parameters
from guides.screening.engine import screen
from guides.screening.result import ScreeningResult

SESSIONS_KEPT = 256


@dataclass(frozen=True)
class _Screened:
    facts: bytes  # digest of the household's JSON, ages taken on the screening date
    on: dt.date
    params: Parameters
    detail: bool  # reasons, materials and benefits included
    final: bool  # the questionnaire's result (screen's `final`)
    result: ScreeningResult

    def serves(
        self, facts: bytes, on: dt.date, params: Parameters, detail: bool, final: bool
    ) -> bool:
        same = self.facts == facts and self.on == on and self.params is params
        return same and self.final == final and (self.detail or not detail)


def facts_digest(household: Household) -> bytes:
    """A digest of the household's JSON: equal digests, equal facts."""
    return hashlib.blake2b(household.model_dump_json().encode()).digest()


def is_finished(session: Session) -> bool:
    """The questionnaire is over: its result leaves to the office what it verifies itself."""
    return session.status == "done"


class Screenings:
    """`of(session, on, detail)`: what `screen(session.household, on=on, detail=detail)`
    returns, screened again only when the facts, the date or the parameters changed (or detail
    is wanted and the kept result has none). Turns run in worker threads: a lock keeps the
    bookkeeping whole."""

    def __init__(self, size: int = SESSIONS_KEPT) -> None:
        self._size = size
        self._latest: OrderedDict[str, _Screened] = OrderedDict()
        self._lock = threading.Lock()

    def of(self, session: Session, on: dt.date, detail: bool = True) -> ScreeningResult:
        return self.with_digest(session, on, detail)[0]

    def with_digest(
        self, session: Session, on: dt.date, detail: bool = True
    ) -> tuple[ScreeningResult, bytes | None]:
        """`of`, with `facts_digest(session.household)` as made on the way (the lookahead keys
        its trials by it: one JSON dump of the household per turn fewer), or None when ages
        taken on `on` made the household screened another one."""
        household = session.household.as_of(on)  # what screening reads
        facts = facts_digest(household)
        as_stored = facts if household is session.household else None
        params = current_parameters()
        final = is_finished(session)
        with self._lock:
            kept = self._latest.get(session.id)
        if kept is not None and kept.serves(facts, on, params, detail, final):
            return kept.result, as_stored
        result = screen(household, on=on, params=params, detail=detail, final=final)
        with self._lock:
            self._latest[session.id] = _Screened(facts, on, params, detail, final, result)
            self._latest.move_to_end(session.id)
            while len(self._latest) > self._size:
                self._latest.popitem(last=False)
        return result, as_stored
