"""What the question choice (dialogue.choosing) stands on: the facts screening wants, whether
a question is still open, and the gates (consent first; a refused consent asks no means).

Screening reports, per undecided (need_info) item, the facts that would decide it. A question
is open when it fills one of those facts and the citizen has not already said "不知道" to it
(or skipped it, or refused consent for it). A member's relation comes before the rest, then
their age.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cached_property

from dialogue.questions import CONSENT_ID, MEMBER_MORE_ID, Question, QuestionBank
from dialogue.state import Pending, Session, fact_name, get_fact, member_key
from guides.ids import NEED_INFO
from guides.screening.result import ScreeningResult

RELATION_QUESTION = "member_relation"
AGE_QUESTION = "member_age"
AGE_FACT = "members.age"


@dataclass(frozen=True)
class Next:
    question_id: str
    member: int | None = None

    def pending(self) -> Pending:
        return Pending(question_id=self.question_id, member=self.member)


@dataclass(frozen=True)
class Wanted:
    """Facts that would decide an open item: for any member ("members.age"), or for one
    member only ("members.2.age", when screening can tell which member it needs)."""

    generic: frozenset[str]
    indexed: frozenset[str]

    @classmethod
    def of(cls, result: ScreeningResult, bank: QuestionBank) -> Wanted:
        return cls.of_facts(wanted_facts(result), bank)

    @classmethod
    def of_facts(cls, facts: Iterable[str], bank: QuestionBank) -> Wanted:
        return _wanted(tuple(facts), bank)

    @classmethod
    def build(cls, facts: tuple[str, ...], bank: QuestionBank) -> Wanted:
        generic, indexed = set(), set()
        for fact in facts:
            name = fact_name(fact)
            alias = bank.aliases.get(name, name)
            if name == fact:
                generic.add(alias)
            else:
                indexed.add(member_key(alias, _member_index(fact)))
        return cls(frozenset(generic), frozenset(indexed))

    def __bool__(self) -> bool:
        return bool(self.generic or self.indexed)

    @cached_property
    def by_member(self) -> frozenset[tuple[str, int]]:
        """The indexed facts as (fact name, member index): ("members.age", 2)."""
        return frozenset((fact_name(f), _member_index(f)) for f in self.indexed)

    @cached_property
    def names(self) -> frozenset[str]:
        """Every fact name, member indexes dropped (for household-wide questions)."""
        return frozenset(self.generic) | {fact_name(f) for f in self.indexed}

    @cached_property
    def needs_members(self) -> bool:
        """Some of the facts are the members' (who they are, or one of their own facts)."""
        return members_needed(self.names)


def _member_index(key: str) -> int:
    """ "members.2.age" -> 2."""
    return int(next(p for p in key.split(".") if p.isdigit()))


_WANTED: dict[tuple[int, tuple[str, ...]], tuple[QuestionBank, Wanted]] = {}


def _wanted(facts: tuple[str, ...], bank: QuestionBank) -> Wanted:
    """Screening repeats the same missing facts turn after turn: each set is read once."""
    kept = _WANTED.get((id(bank), facts))
    if kept is not None and kept[0] is bank:
        return kept[1]
    if len(_WANTED) > 4096:
        _WANTED.clear()
    wanted = Wanted.build(facts, bank)
    _WANTED[(id(bank), facts)] = (bank, wanted)
    return wanted


def wanted_facts(result: ScreeningResult) -> list[str]:
    """Missing facts of the undecided items, in screening's order, each once."""
    facts: dict[str, None] = {}
    for item in result.items:
        if item.outcome == NEED_INFO:
            for fact in item.missing_facts:
                facts.setdefault(fact, None)
    return list(facts)


def is_open(session: Session, question: Question, member: int | None) -> bool:
    """The question still has a fact nobody has answered or declined."""
    # Plain loops, not any() over a generator: this runs for every question and member the
    # choice looks at, some 25 times a turn.
    if question.all_members is not None:
        if session.answered(question.id):
            return False
        indexes = range(len(session.household.members))
        open_members = 0
        for index in indexes:
            for name in question.fills:
                if _open(session, name, index):
                    open_members += 1
                    if open_members >= question.min_open_members:
                        return True
                    break
        return False
    for name in question.fills:  # noqa: SIM110 (a loop, as above)
        if _open(session, name, member):
            return True
    return False


def _open(session: Session, name: str, member: int | None) -> bool:
    """Nobody has answered or declined this fact (of `member`, or of the household). The key
    is split once: a member's own field is read directly, other facts through get_fact."""
    if member is None:
        if name in session.unknown:
            return False
        if "." not in name:  # a household field ("monthly_income"): read as get_fact would
            return getattr(session.household, name) is None
        return get_fact(session.household, name) is None
    head, _, rest = name.partition(".")
    key = f"{head}.{member}.{rest}" if rest else f"{head}.{member}"  # member_key(name, member)
    if key in session.unknown:
        return False
    if head == "members" and rest and "." not in rest:
        return getattr(session.household.members[member], rest) is None
    return get_fact(session.household, key) is None


def members_needed(names: Collection[str]) -> bool:
    return "members" in names or any(f.startswith("members.") for f in names)


def loop_open(session: Session) -> bool:
    """Ask "还有其他一起生活的家人吗？" when the size was not given and members matter."""
    return (
        session.household.size is None and session.is_unknown("size") and not session.members_closed
    )


def is_allowed(session: Session, question: Question) -> bool:
    """Consent refused: income, assets and bank questions are not asked."""
    return not (question.needs_consent and session.consent is False)


def gate(session: Session, bank: QuestionBank, found: Next) -> Next | None:
    """Income, assets and bank questions wait for the 核对授权; refused -> not asked."""
    if found.question_id in (MEMBER_MORE_ID, CONSENT_ID):
        return found
    question = bank.get(found.question_id)
    if not question.needs_consent or session.consent is True:
        return found
    if session.consent is None:
        return Next(CONSENT_ID)
    return None  # not reached: is_allowed filters refused questions out


def age_questions(
    session: Session, bank: QuestionBank, wide_open: list[Question]
) -> list[tuple[str, int | None] | None]:
    """Per member, the question that asks their age while it is still to be asked (everyone's
    at once while that is open among `wide_open`, the household-wide questions still open,
    else theirs alone); None once it is known or declined."""
    everyone = next((q.id for q in wide_open if q.fills == [AGE_FACT]), None)
    own = bank.get(AGE_QUESTION)
    # not insisted on once everyone's ages were asked: whoever that answer left out is asked
    # alone when their age decides something, not before every other question about them
    allowed = is_allowed(session, own) and not any(
        session.answered(q.id) for q in bank.filling_any({AGE_FACT}) if q.all_members is not None
    )
    found: list[tuple[str, int | None] | None] = []
    for index, member in enumerate(session.household.members):
        if member.age is not None:
            found.append(None)
        elif everyone is not None:  # wide_open: allowed, and open for two members or more
            found.append((everyone, None))
        elif allowed and is_open(session, own, index):
            found.append((AGE_QUESTION, index))
        else:
            found.append(None)
    return found
