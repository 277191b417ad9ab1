"""Could an answer change an item? Each possible value of a question is tried against screening.

Screening already decides under uncertainty (a clause that one known fact rules out is
unmet whatever the others are), so a value is tried with every other open fact left open: if
no value of the question moves the item out of need_info, asking it cannot change that item
(its other facts are ones the citizen could not tell, or only the office can check).

Only questions with a short list of values are tried (yes/no, choices, small counts, and
amounts at a few levels); the others are assumed to matter. Outcomes are cached per household
digest; "this question can change that item" is kept for the rest of the session (facts only
add up, and a question wrongly thought to matter is merely asked); a turn tries at most
MAX_SCREENS values, assuming the rest matter. Only the item in question (and the items it
looks at) is decided for a value: guides.screening.engine.outcomes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Collection, Sequence
from typing import Any

from pydantic import ValidationError

from dialogue.apply import converted, keys_of
from dialogue.questions import CONSENT_ID, MEMBER_MORE_ID, Question, QuestionBank
from dialogue.state import Session, set_fact
from guides.household import Household
from guides.ids import ItemId, Outcome
from guides.screening.engine import outcomes

MAX_SCREENS = 8  # an item's outcome alone costs ~0.05 ms (0.2 ms with many it looks at)
CACHE_SIZE = 4096
SESSIONS_KEPT = 256

# Amounts at the levels the published lines fall between (yuan; income per month).
AMOUNT_LEVELS: dict[str, Sequence[float]] = {
    "monthly_income_total": (0, 300, 800, 1500, 3000, 6000, 20000),
    "members.monthly_income": (0, 300, 800, 1500, 3000, 6000, 20000),
    "assets.deposits": (0, 5000, 20000, 60000, 200000, 1000000),
    "assets.securities": (0, 5000, 20000, 60000, 200000, 1000000),
}
EXPENSE_LEVELS: Sequence[float] = (0, 3000, 10000, 30000, 80000, 200000)
COUNT_LEVELS: dict[str, Sequence[int]] = {
    "assets.houses": (0, 1, 2, 3),
    "members.disability_grade": (1, 2, 3, 4),
}


def values_of(question: Question) -> Sequence[Any] | None:
    """The values worth trying; None when the question's values are too many to try."""
    if question.all_members is not None or question.fills == ["size"]:
        return None  # "yes" opens member follow-ups; a size adds members
    name = question.fills[0]
    if question.answer == "yes_no":
        return (True, False)
    if question.answer == "choice":
        return tuple(question.options())
    if question.answer == "count":
        return COUNT_LEVELS.get(name)
    if question.answer == "amount":
        if name.startswith("expenses_12m."):
            return EXPENSE_LEVELS
        return AMOUNT_LEVELS.get(name)
    return None


class Lookahead:
    """Per engine: which answers could change which items. Turns run in worker threads: each
    turn works on its own `Trial`; the shared caches are behind a lock."""

    def __init__(self) -> None:
        self._outcomes: OrderedDict[tuple[bytes, str, int | None, str, ItemId], Outcome] = (
            OrderedDict()
        )
        # per session: (question, member, item) found to change the item
        self._changes: OrderedDict[str, set[tuple[str, int | None, ItemId]]] = OrderedDict()
        self._lock = threading.Lock()

    def begin(self, session: Session, on: dt.date) -> Trial:
        """A turn's trials: the household as it stands, and a fresh allowance of screenings."""
        with self._lock:
            known = self._changes.setdefault(session.id, set())
            self._changes.move_to_end(session.id)
            while len(self._changes) > SESSIONS_KEPT:
                self._changes.popitem(last=False)
        return Trial(self, session.household, on, known)

    def cached(self, key: tuple[bytes, str, int | None, str, ItemId]) -> Outcome | None:
        with self._lock:
            return self._outcomes.get(key)

    def keep(self, key: tuple[bytes, str, int | None, str, ItemId], outcome: Outcome) -> None:
        with self._lock:
            self._outcomes[key] = outcome
            while len(self._outcomes) > CACHE_SIZE:
                self._outcomes.popitem(last=False)

    def found(
        self, known: set[tuple[str, int | None, ItemId]], fact: tuple[str, int | None, ItemId]
    ) -> None:
        with self._lock:
            known.add(fact)


class Trial:
    """One turn's lookahead over one household."""

    def __init__(
        self,
        lookahead: Lookahead,
        household: Household,
        on: dt.date,
        known: set[tuple[str, int | None, ItemId]],
    ) -> None:
        self._lookahead = lookahead
        self._household = household
        self._digest = hashlib.blake2b(household.model_dump_json().encode()).digest()
        self._on = on
        self._known = known
        self._screens = 0
        self._copies: dict[tuple[str, int | None], Household] = {}

    def changeable(
        self, bank: QuestionBank, asked: tuple[str, int | None], items: Collection[ItemId]
    ) -> set[ItemId]:
        """Those of `items` that some value of the question moves out of need_info."""
        question_id, member = asked
        if question_id in (CONSENT_ID, MEMBER_MORE_ID):
            return set(items)
        found = {i for i in items if (question_id, member, i) in self._known}
        question = bank.get(question_id)
        values = values_of(question)
        if values is None:
            return set(items)
        for value in values:
            left = [i for i in items if i not in found]
            if not left:
                break
            tried = self._outcomes(question, member, value, left)
            if tried is None:
                return set(items)  # not tried: assume they can change
            moved = {i for i, o in tried.items() if o != Outcome.NEED_INFO}
            for item in moved:
                self._lookahead.found(self._known, (question_id, member, item))
            found |= moved
        return found

    def _copy(self, question: Question, member: int | None) -> Household:
        """One copy per question: each value tried overwrites the same facts."""
        key = (question.id, member)
        if key not in self._copies:
            self._copies[key] = self._household.model_copy(deep=True)
        return self._copies[key]

    def _outcomes(
        self, question: Question, member: int | None, value: Any, items: list[ItemId]
    ) -> dict[ItemId, Outcome] | None:
        """The items' outcomes with the answer given; None: not tried (assume they matter).
        One screening of just these items (and those they look at) per value."""
        keys = {i: (self._digest, question.id, member, repr(value), i) for i in items}
        kept = {i: self._lookahead.cached(k) for i, k in keys.items()}
        if all(o is not None for o in kept.values()):
            return {i: o for i, o in kept.items() if o is not None}
        if self._screens >= MAX_SCREENS:
            return None
        household = self._copy(question, member)
        try:
            for name, fact in zip(question.fills, keys_of(question, member), strict=True):
                set_fact(household, fact, converted(name, value))
        except (ValidationError, ValueError, IndexError, AttributeError):
            return None
        self._screens += 1
        found = outcomes(household, items, on=self._on)
        for item, outcome in found.items():
            self._lookahead.keep(keys[item], outcome)
        return found
