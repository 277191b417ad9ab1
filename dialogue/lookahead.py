"""Could an answer change an item? Each possible value of a question is tried against screening.

Screening already decides under uncertainty (a clause that one known fact rules out is
unmet whatever the others are), so a value is tried with every other open fact left open: if
no value of the question moves the item out of need_info, asking it cannot change that item
(its other facts are ones the citizen could not tell, or only the office can check).

Only questions with a short list of values are tried (yes/no, choices, small counts, and
amounts at a few levels); the others are assumed to matter. A turn tries at most MAX_TRIES
values, assuming the rest matter; the allowance counts every value tried, cached or not, so
the choice depends only on the session's facts (two identical conversations ask the same
questions, whatever else the worker has seen). Outcomes are cached per household digest,
screening date and parameters (an age taken from a birth date, or a newly published standard,
may change them). Only the items in question (and the items they look at) are decided:
screening.engine.outcomes.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Collection, Sequence
from typing import Any

from pydantic import ValidationError

from dialogue.apply import converted, keys_of
from dialogue.questions import CONSENT_ID, MEMBER_MORE_ID, Question, QuestionBank
from dialogue.screened import facts_digest
from dialogue.state import Session
from guides.household import Household
from guides.ids import LIKELY, NEED_INFO, POSSIBLE, UNLIKELY, ItemId, Outcome
from guides.params import Parameters, current_parameters
from guides.screening.engine import outcomes

MAX_TRIES = 6  # an item's outcome alone costs ~0.05 ms (0.2 ms with many it looks at)
# Before ending with items open: the values tried in all, to find one question that settles one
ENDING_TRIES = 16
# Household-wide "没有" tried in a turn, to find what asks first (choosing: gates)
GATE_TRIES = 2
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
        return _extremes_first(COUNT_LEVELS.get(name))
    if question.answer == "amount":
        if name.startswith("expenses_12m."):
            return _extremes_first(EXPENSE_LEVELS)
        return _extremes_first(AMOUNT_LEVELS.get(name))
    return None


def _extremes_first(levels: Sequence[Any] | None) -> Sequence[Any] | None:
    """The lowest and the highest level: the clauses on amounts and counts are thresholds (more
    income or assets never makes a household more eligible, more expense never less), so if
    neither end moves an item out of need_info, no level between does."""
    if not levels or len(levels) < 3:
        return levels
    return (levels[0], levels[-1])


# (household digest, date, parameters, question, member, value tried, item)
_Key = tuple[bytes, dt.date, Parameters, str, int | None, str, ItemId]


class Lookahead:
    """Per engine: the outcomes tried, cached by household. Turns run in worker threads: each
    turn works on its own `Trial`; the shared cache is behind a lock."""

    def __init__(self) -> None:
        self._outcomes: OrderedDict[_Key, Outcome] = OrderedDict()
        self._lock = threading.Lock()

    def begin(self, session: Session, on: dt.date, digest: bytes | None = None) -> Trial:
        """A turn's trials over the household as it stands; `digest` is its
        `screened.facts_digest` when the caller has it already."""
        return Trial(self, session.household, on, digest)

    def cached(self, key: _Key) -> Outcome | None:
        with self._lock:
            return self._outcomes.get(key)

    def keep(self, key: _Key, outcome: Outcome) -> None:
        with self._lock:
            self._outcomes[key] = outcome
            while len(self._outcomes) > CACHE_SIZE:
                self._outcomes.popitem(last=False)


class Trial:
    """One turn's lookahead over one household."""

    def __init__(
        self, lookahead: Lookahead, household: Household, on: dt.date, digest: bytes | None = None
    ) -> None:
        self._lookahead = lookahead
        self._household = household
        self._digest = digest or b""  # of the household, else made on the first value tried
        self._on = on
        self._params = current_parameters()  # one set for the whole turn, and in the keys
        self._tries = 0
        self._gate_tries = 0  # household-wide "没有" tried (settled_if_nobody)

    def changeable(
        self, bank: QuestionBank, asked: tuple[str, int | None], items: Collection[ItemId]
    ) -> set[ItemId]:
        """Those of `items` that some value of the question moves out of need_info; all of them
        when the values cannot be tried (assume they matter)."""
        found = self.decides(bank, asked, items)
        return set(items) if found is None else found

    def decides(
        self,
        bank: QuestionBank,
        asked: tuple[str, int | None],
        items: Collection[ItemId],
        allowance: int = MAX_TRIES,
        toward: Collection[Outcome] = (LIKELY, POSSIBLE, UNLIKELY),
    ) -> set[ItemId] | None:
        """Those of `items` that some value of the question moves out of need_info (to one of
        `toward`), the other open facts left open; None when that was not tried (values too
        many, or the turn's allowance spent)."""
        question_id, member = asked
        if question_id in (CONSENT_ID, MEMBER_MORE_ID):
            return None
        values = values_of(bank.get(question_id))
        if values is None:
            return None
        question = bank.get(question_id)
        found: set[ItemId] = set()
        for value in values:
            left = [i for i in items if i not in found]
            if not left:
                break
            tried = self._outcomes(question, member, value, left, allowance)
            if tried is None:
                return None
            found |= {i for i, o in tried.items() if o in toward}
        return found

    def settled_if_nobody(
        self, bank: QuestionBank, question_id: str, items: Collection[ItemId]
    ) -> set[ItemId] | None:
        """Those of `items` a household-wide "没有" to the question ("家里有孩子在上学吗")
        takes out of need_info on its own, every other open fact left open; None when that
        was not tried (not a household-wide question with a "no", the members not all known,
        or the turn's GATE_TRIES spent)."""
        question = bank.get(question_id)
        everyone = question.all_members
        household = self._household
        if everyone is None or "no" not in everyone:
            return None
        if household.size is None or len(household.members) != household.size:
            return None  # somebody not yet known could be the one
        if self._gate_tries >= GATE_TRIES:
            return None
        self._gate_tries += 1
        if not self._digest:
            self._digest = facts_digest(household)
        keys = {
            i: (self._digest, self._on, self._params, question.id, None, "nobody", i) for i in items
        }
        kept = {i: self._lookahead.cached(k) for i, k in keys.items()}
        if all(o is not None for o in kept.values()):
            return {i for i, o in kept.items() if o != NEED_INFO}
        try:
            for name in question.fills:
                _, _, field = name.partition(".")
                for index, member in enumerate(household.members):
                    if getattr(member, field) is None:
                        household = with_fact(household, f"members.{index}.{field}", everyone["no"])
        except (ValidationError, ValueError, IndexError, AttributeError):
            return None
        found = outcomes(household, list(items), on=self._on, params=self._params)
        for item, outcome in found.items():
            self._lookahead.keep(keys[item], outcome)
        return {i for i, o in found.items() if o != NEED_INFO}

    def _outcomes(
        self,
        question: Question,
        member: int | None,
        value: Any,
        items: list[ItemId],
        allowance: int = MAX_TRIES,
    ) -> dict[ItemId, Outcome] | None:
        """The items' outcomes with the answer given; None: not tried (assume they matter).
        One screening of just these items (and those they look at) per value."""
        if self._tries >= allowance:
            return None
        self._tries += 1
        if not self._digest:
            self._digest = facts_digest(self._household)
        keys = {
            i: (self._digest, self._on, self._params, question.id, member, repr(value), i)
            for i in items
        }
        kept = {i: self._lookahead.cached(k) for i, k in keys.items()}
        if all(o is not None for o in kept.values()):
            return {i: o for i, o in kept.items() if o is not None}
        household = self._household
        try:
            for name, fact in zip(question.fills, keys_of(question, member), strict=True):
                household = with_fact(household, fact, converted(name, value))
        except (ValidationError, ValueError, IndexError, AttributeError):
            return None
        found = outcomes(household, items, on=self._on, params=self._params)
        for item, outcome in found.items():
            self._lookahead.keep(keys[item], outcome)
        return found


def with_fact(model: Any, key: str, value: Any) -> Any:
    """A copy of `model` with the fact at `key` ("assets.deposits", "members.1.age") set,
    validated as an assignment would be; only the models on the path are copied (a deep copy
    of the household per value tried would cost more than screening it)."""
    head, _, rest = key.partition(".")
    if isinstance(model, list):
        index = int(head)
        items = list(model)
        items[index] = with_fact(items[index], rest, value)
        return items
    if not rest:
        changed = model.model_copy()
        setattr(changed, head, value)  # validate_assignment: a value the model refuses raises
        return changed
    return model.model_copy(update={head: with_fact(getattr(model, head), rest, value)})
