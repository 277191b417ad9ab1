"""Could an answer change an item? Each possible value of a question is tried against screening.

Screening already decides under uncertainty (a clause that one known fact rules out is
unmet whatever the others are), so a value is tried with every other open fact left open: if
no value of the question moves the item out of need_info, asking it cannot change that item
(its other facts are ones the citizen could not tell, or only the office can check).

Only questions with a short list of values are tried (yes/no, choices, small counts, and
amounts at a few levels); the others are assumed to matter. Results are cached per household
digest, and a turn tries at most MAX_SCREENS values (screening costs ~0.3 ms), assuming the
rest matter.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from dialogue.apply import converted, keys_of
from dialogue.questions import CONSENT_ID, MEMBER_MORE_ID, Question, QuestionBank
from dialogue.state import Session, set_fact
from guides.household import Household
from guides.ids import ItemId, Outcome
from guides.screening.engine import screen

MAX_SCREENS = 8
CACHE_SIZE = 4096

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
    """Per engine: which answers could change which items, cached by household."""

    def __init__(self) -> None:
        self._cache: dict[tuple[bytes, str, int | None, str], dict[ItemId, Outcome]] = {}
        self._digest = b""
        self._household: Household | None = None
        self._on = dt.date.today()
        self._screens = 0

    def begin(self, session: Session, on: dt.date) -> None:
        """A new turn: the household as it stands, and a fresh allowance of screenings."""
        self._household = session.household
        self._digest = hashlib.blake2b(session.household.model_dump_json().encode()).digest()
        self._on = on
        self._screens = 0

    def can_change(self, bank: QuestionBank, asked: tuple[str, int | None], item: ItemId) -> bool:
        """Whether some value of the question moves `item` out of need_info."""
        question_id, member = asked
        if question_id in (CONSENT_ID, MEMBER_MORE_ID) or self._household is None:
            return True
        question = bank.get(question_id)
        values = values_of(question)
        if values is None:
            return True
        for value in values:
            outcomes = self._outcomes(question, member, value)
            if outcomes is None or outcomes.get(item, Outcome.NEED_INFO) != Outcome.NEED_INFO:
                return True
        return False

    def _outcomes(
        self, question: Question, member: int | None, value: Any
    ) -> dict[ItemId, Outcome] | None:
        """Every item's outcome with the answer given; None: not tried (assume it matters)."""
        assert self._household is not None
        key = (self._digest, question.id, member, repr(value))
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        if self._screens >= MAX_SCREENS:
            return None
        household = self._household.model_copy(deep=True)
        try:
            for name, fact in zip(question.fills, keys_of(question, member), strict=True):
                set_fact(household, fact, converted(name, value))
        except (ValidationError, ValueError, IndexError, AttributeError):
            return None
        self._screens += 1
        result = screen(household, on=self._on)
        outcomes = {i.item: i.outcome for i in result.items}
        if len(self._cache) >= CACHE_SIZE:
            self._cache.clear()
        self._cache[key] = outcomes
        return outcomes
