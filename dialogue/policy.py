"""Which question next: the first one, in natural order, that can still change an undecided
item of interest. Nothing left to ask means the result can be given.

Screening reports, per undecided (need_info) item, the facts that would decide it. A question
is worth asking when it fills one of those facts and the citizen has not already said
"不知道" to it (or skipped it, or refused consent for it). Member facts ("members.age") are
asked member by member, the applicant first; a member's relation comes before the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from dialogue.questions import CONSENT_ID, MEMBER_MORE_ID, Question, QuestionBank
from dialogue.state import Pending, Session, fact_name, get_fact, member_key
from guides.ids import Outcome
from guides.screening.result import ScreeningResult

RELATION_QUESTION = "member_relation"


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
        generic, indexed = set(), set()
        for fact in wanted_facts(result):
            name = fact_name(fact)
            alias = bank.aliases.get(name, name)
            if name == fact:
                generic.add(alias)
            else:
                index = int(next(p for p in fact.split(".") if p.isdigit()))
                indexed.add(member_key(alias, index))
        return cls(frozenset(generic), frozenset(indexed))

    def __bool__(self) -> bool:
        return bool(self.generic or self.indexed)

    def names(self) -> set[str]:
        """Every fact name, member indexes dropped (for household-wide questions)."""
        return set(self.generic) | {fact_name(f) for f in self.indexed}

    def for_member(self, name: str, index: int) -> bool:
        return name in self.generic or member_key(name, index) in self.indexed


def wanted_facts(result: ScreeningResult) -> list[str]:
    """Missing facts of the undecided items, in screening's order, each once."""
    facts: dict[str, None] = {}
    for item in result.items:
        if item.outcome == Outcome.NEED_INFO:
            for fact in item.missing_facts:
                facts.setdefault(fact, None)
    return list(facts)


def _open(session: Session, question: Question, member: int | None) -> bool:
    """The question still has a fact nobody has answered or declined."""
    if question.all_members is not None:
        if session.answered(question.id):
            return False
        indexes = range(len(session.household.members))
        return any(_open_key(session, member_key(n, i)) for n in question.fills for i in indexes)
    for name in question.fills:
        key = member_key(name, member) if member is not None else name
        if _open_key(session, key):
            return True
    return False


def _open_key(session: Session, key: str) -> bool:
    return not session.is_unknown(key) and get_fact(session.household, key) is None


def _member_next(session: Session, bank: QuestionBank, wanted: Wanted, group: str) -> Next | None:
    member_questions = [q for q in bank.questions if q.is_member and q.group == group]
    household = session.household
    for index, member in enumerate(household.members):
        candidates = [
            q
            for q in member_questions
            if q.id != RELATION_QUESTION
            and any(wanted.for_member(f, index) for f in q.fills)
            and q.applies(household, member)
            and _allowed(session, q)
            and _open(session, q, index)
        ]
        if not candidates:
            continue
        relation_open = _open(session, bank.get(RELATION_QUESTION), index)
        if index > 0 and relation_open:
            return Next(RELATION_QUESTION, index)
        return Next(candidates[0].id, index)
    return None


def _members_needed(names: set[str]) -> bool:
    return "members" in names or any(f.startswith("members.") for f in names)


def next_question(
    session: Session, result: ScreeningResult, bank: QuestionBank, wanted: Wanted | None = None
) -> Next | None:
    """`wanted`: Wanted.of(result, bank) when the caller has it already."""
    wanted = wanted if wanted is not None else Wanted.of(result, bank)
    if not wanted:
        return None
    names = wanted.names()
    household = session.household
    # "members" itself: no member known yet; the household size question creates them.
    if _members_needed(names) and household.size is None:
        names.add("size")
    blocks_done: set[str] = set()
    for question in bank.questions:
        if question.is_member:
            if question.group in blocks_done:
                continue
            blocks_done.add(question.group)
            found = _member_next(session, bank, wanted, question.group)
            if found is not None:
                return _gate(session, bank, found)
            if question.group == "member" and _loop_open(session):
                return Next(MEMBER_MORE_ID)
            continue
        if not any(f in names for f in question.fills):
            continue
        allowed = _allowed(session, question) and question.applies(household)
        if allowed and _open(session, question, None):
            return _gate(session, bank, Next(question.id))
    return None


def _loop_open(session: Session) -> bool:
    """Ask "还有其他一起生活的家人吗？" when the size was not given and members matter."""
    return (
        session.household.size is None and session.is_unknown("size") and not session.members_closed
    )


def _allowed(session: Session, question: Question) -> bool:
    """Consent refused: income, assets and bank questions are not asked."""
    return not (question.needs_consent and session.consent is False)


def _gate(session: Session, bank: QuestionBank, found: Next) -> Next | None:
    """Income, assets and bank questions wait for the 核对授权; refused -> not asked."""
    if found.question_id in (MEMBER_MORE_ID, CONSENT_ID):
        return found
    question = bank.get(found.question_id)
    if not question.needs_consent or session.consent is True:
        return found
    if session.consent is None:
        return Next(CONSENT_ID)
    return None  # not reached: _allowed filters refused questions out


def questions_remaining(
    session: Session, result: ScreeningResult, bank: QuestionBank, wanted: Wanted | None = None
) -> int:
    """About how many questions are left: every open question that fills a wanted fact.

    An upper estimate for the progress hint ("还有大约3个问题"): answers often settle
    several facts at once, so the count only goes down as the conversation moves on.
    """
    if session.status == "done":
        return 0
    wanted = wanted if wanted is not None else Wanted.of(result, bank)
    if not wanted:
        return 0
    names = wanted.names()
    household = session.household
    count = 0
    for question in bank.questions:
        if not any(f in names for f in question.fills) or not _allowed(session, question):
            continue
        if question.is_member:
            count += sum(
                1
                for index, member in enumerate(household.members)
                if any(wanted.for_member(f, index) for f in question.fills)
                and question.applies(household, member)
                and _open(session, question, index)
            )
        elif question.applies(household) and _open(session, question, None):
            count += 1
    if _members_needed(names) and household.size is None:
        count += 1
    if session.consent is None and any(q.needs_consent for q in bank.questions
                                       if any(f in names for f in q.fills)):  # fmt: skip
        count += 1
    return count
