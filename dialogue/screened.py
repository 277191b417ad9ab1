"""Screening once per set of facts: a turn that changed no fact (不知道, a skipped question, an
answer meant for an earlier question, a resume) reuses the last result for those facts instead
of screening the household again, and so does another session whose household is the same
(every conversation starts from a region and a size; many go on alike for a few answers).

Per worker, the most recent results, each keyed by everything screening reads: a digest of the
household it was computed from (not the household itself; the region is in it), the screening
date, the parameters then in force, the region's guide and whether the questionnaire is over.
A change to any of them screens again. A result without detail (outcomes and missing facts,
what choosing the next question reads) serves only a request without detail; a full one serves
both. Results are immutable (guides.screening.result.verdict): sharing one is safe.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass

from dialogue.state import Session
from guides.catalog import guide_for
from guides.household import Household
from guides.params import Parameters, current_parameters
from guides.screening.engine import screen
from guides.screening.result import ScreeningResult

RESULTS_KEPT = 512  # about two per session of the 256 most recent ones

# (digest of the household's JSON, ages taken on the screening date; the date; the parameters;
# the region's guide, by identity; the questionnaire's result (screen's `final`))
_Key = tuple[bytes, dt.date, Parameters, int, bool]


@dataclass(frozen=True)
class _Screened:
    guide: object  # the guide whose id is in the key (kept: the id is never another's)
    detail: bool  # reasons, materials and benefits included
    result: ScreeningResult


def facts_digest(household: Household) -> bytes:
    """A digest of the household's JSON: equal digests, equal facts."""
    return hashlib.blake2b(household.model_dump_json().encode()).digest()


def is_finished(session: Session) -> bool:
    """The questionnaire is over: its result leaves to the office what it verifies itself."""
    return session.status == "done"


class Screenings:
    """`of(session, on, detail)`: what `screen(session.household, on=on, detail=detail)`
    returns, screened again only when the facts, the date, the parameters or the guide changed
    (or detail is wanted and the kept result has none). Turns run in worker threads: a lock
    keeps the bookkeeping whole."""

    def __init__(self, size: int = RESULTS_KEPT) -> None:
        self._size = size
        self._kept: OrderedDict[_Key, _Screened] = OrderedDict()
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
        guide = guide_for(household.region)
        key = (facts, on, params, id(guide), is_finished(session))
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None:
                self._kept.move_to_end(key)
        if kept is not None and kept.guide is guide and (kept.detail or not detail):
            return kept.result, as_stored
        result = screen(household, on=on, params=params, detail=detail, final=key[-1])
        with self._lock:
            self._kept[key] = _Screened(guide, detail, result)
            self._kept.move_to_end(key)
            while len(self._kept) > self._size:
                self._kept.popitem(last=False)
        return result, as_stored
