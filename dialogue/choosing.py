"""Which question next, over every item of the region: the one that can change the most
still-open outcomes, weighted by how much each matters; nothing worth asking -> the result.

Every need_info item of the screening counts: the items the citizen asked about weigh 3, the
classes other items follow from (低保, 特困) 2, the others 1; an item already decided or only
the office can still confirm (或许符合) has no open facts and weighs nothing. A question serves
an open item when it fills a fact screening says would decide it; its worth for that item is
the item's weight shared among the questions still open for it. When a question is the last
one open for an item, or the item has facts nobody can tell us any more (不知道, skipped), its
possible values are tried against screening (dialogue.lookahead): if none moves the item out of
need_info, the question cannot change it and is not asked for it.

A question whose every item a household-wide question still open settles alone when the
answer is "没有" waits for it ("户口在本地吗" for 助学贷款 after "家里有孩子在上学吗": the condition
most households do not meet first; dialogue.lookahead tries that "没有").

The questions about the items asked about come first (not the deposits, which only refine a
result the 核对 settles anyway). Among the questions worth at least
NEAR_BEST of the best, one that settles a main item alone comes first, else the first in natural
order (the conversation moves topic by topic). Household-wide questions come before member
ones ("家里有人上学吗" before "您儿子上学吗"), and who a member is, then how old (everyone's
ages at once), before anything else about them (not "还能干活吗" of a child of fourteen).
A member's facts an item needs are asked one after another (whether they can work, then whom
they rely on) for the items asked about and for 特困, a class others follow from, once only
its members' facts are left: one answer alone need not decide it when the next is queued.

Budget: never more than QUESTION_BUDGET; past SOFT_BUDGET only the main items (those asked
about, else the central classes) are pursued, and only while their open questions fit in what
is left. Once the items asked about are settled, nothing is pursued past the soft budget, and
the central classes count as still to be asked only when at most CENTRAL_REACH questions stand
between them and a result, not counting what the office
verifies itself (deposits, houses, vehicles, businesses): the finished result leaves those to
the 家庭经济状况核对 (guides.screening.registry.OFFICE_VERIFIED); houses, cars, businesses and
securities are never asked (NOT_ASKED), only read when said; deposits are, but a question only
the 核对 would settle otherwise counts for OFFICE_VERIFIED_WORTH of its share (it refines a
result, it never leaves an item 还需了解) and is never pursued past the soft budget. A household
already on
低保/特困 takes the short path: its means were checked when it
was recognised, so income and asset questions are asked only for the items it named.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import cache

from dialogue import prompts
from dialogue.lookahead import ENDING_TRIES, Trial, values_of
from dialogue.policy import (
    AGE_FACT,
    RELATION_QUESTION,
    Next,
    Wanted,
    age_questions,
    gate,
    is_allowed,
    is_open,
    loop_open,
)
from dialogue.questions import CONSENT_ID, MEMBER_MORE_ID, QuestionBank
from dialogue.state import Session, member_key
from dialogue.supporters import supporter_step
from guides.catalog import guide_for
from guides.household import EMERGENCY_SITUATIONS, Household
from guides.ids import LIKELY, NEED_INFO, POSSIBLE, ItemId, RegionId
from guides.screening.engine import depends_on
from guides.screening.registry import NOT_ASKED, OFFICE_VERIFIED
from guides.screening.result import ScreeningResult

QUESTION_BUDGET = 15  # issue 12: none over 15 questions
SOFT_BUDGET = 10  # past it, only items that can still be settled (median at most 10)
TYPICAL_TOTAL = (
    12  # SOFT_BUDGET and the few the main items take after it (dev scripts: 95% end by 12)
)
ASKED_WEIGHT = 3.0  # an item the citizen asked about, against 1.0 for the others
CENTRAL_WEIGHT = 2.0  # an item others follow from (低保 decides 医疗救助, 临时救助 …)
# A household already on 低保/特困 (recognised): the office has checked its means already.
RECIPIENT_CLASSES = frozenset({ItemId("dibao"), ItemId("tekun")})
TEMPORARY_AID = ItemId("temporary_aid")
# 临时救助's last open question, asked this many past the soft budget rather than ending with
# the help for a sudden hardship 还需了解 (dev: left open in 54 of 272 conversations at 10)
SAFETY_NET_EXTRA = 1
NEAR_BEST = 0.4  # a question worth 40% of the best one, asked earlier in natural order
MIN_WORTH = 0.05  # below this no question is worth the citizen's time
OFFICE_VERIFIED_WORTH = 0.2  # a question only the 核对 would settle otherwise (deposits)
HOPEFUL = (LIKELY, POSSIBLE)
# once the items asked about are settled: a central class counts as still to be asked (the
# progress hint) only while this many questions or fewer are open for it
CENTRAL_REACH = 2


@dataclass
class Candidate:
    """One question (for one member, or the household) and the open items it serves."""

    step: Next
    needs_consent: bool
    items: set[ItemId] = field(default_factory=set)
    facts: set[str] = field(default_factory=set)  # fact names it fills ("members.age")
    targeted: bool = False  # about a member screening named (members.2.x), not any member
    # the question and member whose values the lookahead tries (None: not tried)
    tried: tuple[str, int | None] | None = None


@dataclass(frozen=True)
class Plan:
    """The next question (None: give the result) and an upper estimate of those left."""

    next: Next | None
    remaining: int
    # the question is 临时救助's last, asked past the soft budget (Session.safety_net_asked)
    safety_net: bool = False


def wanted_items(session: Session) -> set[ItemId]:
    """The items the citizen asked about, and 临时救助 when they told of an emergency (a fire,
    an accident, a sudden illness): their story asks for it even when no item was named."""
    wanted = set(session.items or ())
    situations = set(session.household.situations or ())
    if situations & EMERGENCY_SITUATIONS and TEMPORARY_AID in guide_for(session.region).item_ids:
        wanted.add(TEMPORARY_AID)
    return wanted


def _weights(session: Session, result: ScreeningResult, asked: set[ItemId]) -> dict[ItemId, float]:
    """Asked about (`asked`): 3; a class other items follow from (低保, 特困: 2 or more items
    look at its outcome): 2; any other open item: 1."""
    central = central_items(session.region)
    return {
        i.item: ASKED_WEIGHT if i.item in asked else CENTRAL_WEIGHT if i.item in central else 1.0
        for i in result.items
        if i.outcome == NEED_INFO
    }


@cache
def central_items(region: RegionId) -> frozenset[ItemId]:
    """Items whose outcome two or more other items of the region look at."""
    guide = guide_for(region)
    followers: dict[ItemId, int] = {}
    for item in guide.items:
        for depended in depends_on(item) - {item.id}:
            followers[depended] = followers.get(depended, 0) + 1
    return frozenset(i for i, n in followers.items() if n >= 2)


def _is_recipient(session: Session) -> bool:
    return bool(RECIPIENT_CLASSES & set(session.household.already_receives or ()))


def open_wants(result: ScreeningResult, bank: QuestionBank) -> dict[ItemId, Wanted]:
    """The facts each open (need_info) item wants, in screening's order."""
    return {
        i.item: Wanted.of_facts(i.missing_facts, bank)
        for i in result.items
        if i.outcome == NEED_INFO
    }


def candidates(
    session: Session, wanted: dict[ItemId, Wanted], bank: QuestionBank
) -> list[Candidate]:
    """Every open question that fills a fact some open item (`wanted`) needs, in natural
    order."""
    household = session.household
    size_wanted = household.size is None
    # the open items wanting each fact name, in screening's order (as `wanted` lists them);
    # an item wanting members wants the size too while it is not known
    items_named: defaultdict[str, list[ItemId]] = defaultdict(list)
    for item, w in wanted.items():
        for name in w.names:
            items_named[name].append(item)
        if size_wanted and w.needs_members and "size" not in w.names:
            items_named["size"].append(item)
    found: dict[tuple[str, int | None], Candidate] = {}
    serving = bank.filling_any(set(items_named))  # only these can serve an open item
    # "家里有人上学吗" before "您儿子上学吗": a household-wide question still open comes first
    wide_open = [
        q
        for q in serving
        if q.all_members is not None
        and is_allowed(session, q) and q.applies(household) and is_open(session, q, None)
    ]  # fmt: skip
    wide_open_ids = {id(q) for q in wide_open}
    household_wide = {f for q in wide_open for f in q.fills}
    # a member question is not "targeted" while a household-wide one still serves its item
    wide_items = {i for q in wide_open for f in q.fills for i in items_named.get(f, ())}

    def add(
        question_id: str,
        member: int | None,
        needs_consent: bool,
        items: list[ItemId],
        fills: list[str],
        tried: bool,
    ) -> Candidate | None:
        if not items:
            return None
        key = (question_id, member)
        candidate = found.get(key)
        if candidate is None:
            candidate = found[key] = Candidate(Next(question_id, member), needs_consent)
        candidate.items.update(items)
        candidate.facts.update(fills)
        if tried:
            candidate.tried = key
        return candidate

    # which open items want a fact, for any member ("members.age") or one ("members.2.age",
    # kept under "members.age" by member index: a question finds the members screening names
    # for its facts without trying every member)
    generic_wanted: defaultdict[str, set[ItemId]] = defaultdict(set)
    indexed_wanted: defaultdict[str, defaultdict[int, set[ItemId]]] = defaultdict(
        lambda: defaultdict(set)
    )
    for item, w in wanted.items():
        for fact in w.generic:
            generic_wanted[fact].add(item)
        for name, index in w.by_member:
            indexed_wanted[name][index].add(item)
    member_first: set[tuple[int, ItemId]] = set()
    relation = bank.get(RELATION_QUESTION)
    relation_open = [i > 0 and is_open(session, relation, i) for i in range(len(household.members))]
    # who they are, then how old, before anything else about them (not "还能干活吗" of a child)
    age_first = age_questions(session, bank, wide_open)
    for question in serving:
        if not is_allowed(session, question):
            continue
        if question.is_member:
            if set(question.fills) <= household_wide:
                continue
            if question.id == RELATION_QUESTION:
                continue
            generic = items_wanting(generic_wanted, question.fills)
            # the items in screening's order: the order they are added in stays the same
            generic_serves = [i for i in wanted if i in generic]
            named_of = _named_by_member(indexed_wanted, question.fills)
            for index, member in enumerate(household.members):
                named = named_of.get(index, NOBODY_NAMED)
                if named:
                    serves = [
                        i for i in wanted
                        if (i in generic or i in named) and (index, i) not in member_first
                    ]  # fmt: skip
                else:
                    serves = [i for i in generic_serves if (index, i) not in member_first]
                if not serves:
                    continue
                if question.when and not question.applies(household, member):
                    continue
                if not is_open(session, question, index):
                    continue
                targeted = bool(named) and any(i in named and i not in wide_items for i in serves)
                # a member's own condition (age, work ability, illness) before whom they have
                # to rely on: one question per member and item at a time, in natural order
                member_first.update((index, i) for i in serves)
                relation_first = relation_open[index]
                age = None if relation_first or question.fills == [AGE_FACT] else age_first[index]
                if age is not None:
                    candidate = add(*age, question.needs_consent, serves, [AGE_FACT], False)
                    continue
                asked = RELATION_QUESTION if relation_first else question.id
                candidate = add(
                    asked, index, question.needs_consent, serves, question.fills, not relation_first
                )
                # screening names this member: ask about them first (their circumstances; means
                # are the household's, asked as such)
                if targeted and candidate is not None and not question.needs_consent:
                    candidate.targeted = True
            continue
        if len(question.fills) == 1:
            serves = items_named.get(question.fills[0], [])
        else:
            hit = {i for f in question.fills for i in items_named.get(f, ())}
            serves = [i for i in wanted if i in hit]
        if not serves or (question.when and not question.applies(household)):
            continue
        if question.all_members is not None:  # allowed and applying: open when in wide_open
            if id(question) not in wide_open_ids:
                continue
        elif not is_open(session, question, None):
            continue
        # a household question is asked once (the bank's ids are unique); everyone's age may
        # have been taken already for a member question asked after it
        key = (question.id, None)
        fills = [*question.fills, *(["members"] if "size" in question.fills else [])]
        before = found.get(key)
        found[key] = Candidate(
            Next(question.id), question.needs_consent, set(serves), set(fills), tried=key
        )
        if before is not None:
            found[key].items.update(before.items)
    if loop_open(session):
        serves = [i for i, w in wanted.items() if w.needs_members]
        add(MEMBER_MORE_ID, None, False, serves, ["members"], False)
    return list(found.values())


def items_wanting(wanted_by_fact: dict[str, set[ItemId]], facts: list[str]) -> set[ItemId]:
    found: set[ItemId] = set()
    for fact in facts:
        found.update(wanted_by_fact.get(fact, ()))
    return found


NOBODY_NAMED: frozenset[ItemId] = frozenset()


def _named_by_member(
    indexed_wanted: dict[str, defaultdict[int, set[ItemId]]], facts: list[str]
) -> dict[int, set[ItemId]]:
    """Per member index, the open items that want one of `facts` of that member in
    particular ("members.2.age"); members no item names are left out."""
    named: dict[int, set[ItemId]] = {}
    for fact in facts:
        for index, items in indexed_wanted.get(fact, {}).items():
            named.setdefault(index, set()).update(items)
    return named


def _stuck(wanted: dict[ItemId, Wanted], found: list[Candidate]) -> set[ItemId]:
    """Open items with a missing fact no open question fills (said 不知道, skipped, refused)."""
    askable_for: defaultdict[ItemId, set[str]] = defaultdict(set)
    for c in found:
        for served in c.items:
            askable_for[served].update(c.facts)
    # the missing facts' names (aliased), as candidates() read them
    return {item for item, w in wanted.items() if not w.names <= askable_for.get(item, set())}


def plan(session: Session, result: ScreeningResult, bank: QuestionBank, lookahead: Trial) -> Plan:
    """The question worth most now, and how many are left at most."""
    wanted = wanted_items(session)
    weights = _weights(session, result, wanted)
    open_items = open_wants(result, bank)
    found = candidates(session, open_items, bank)
    if _is_recipient(session):  # short path: means questions only for the items asked about
        for c in found:
            if c.needs_consent:
                c.items &= wanted
    open_for: dict[ItemId, int] = {}
    for c in found:
        for item in c.items:
            open_for[item] = open_for.get(item, 0) + 1
    # The last question for an item, or any question for an item some of whose facts nobody
    # can tell us any more: can one of its values still change the item? Tried lazily, only
    # for the question about to be chosen (screening each value has a cost).
    stuck = _stuck(open_items, found)
    asked_items = wanted & set(weights)
    left = QUESTION_BUDGET - session.questions_asked
    useful = [c for c in found if c.items and not c.facts <= NOT_ASKED]
    consent_open = session.consent is None and any(c.needs_consent for c in useful)
    # the items asked about while open; once they are settled, the classes others follow from,
    # but only those a few questions from their result (the median stays at most 10), not
    # counting what the office verifies itself (the result leaves that to it)
    settled_asked = bool(wanted) and not asked_items
    main = asked_items or central_items(session.region)
    reach = min(left, CENTRAL_REACH + 1) if settled_asked else left
    to_ask_for: dict[ItemId, int] = {}  # open questions per item the office cannot answer
    for c in found if settled_asked else ():
        if not c.facts <= OFFICE_VERIFIED:
            for item in c.items:
                to_ask_for[item] = to_ask_for.get(item, 0) + 1

    # an item's weight shared among the questions open for it (open_for does not change)
    share = {i: weights[i] / n for i, n in open_for.items()}
    worths: dict[int, float] = {}

    def worth(c: Candidate) -> float:
        if id(c) not in worths:
            # in a fixed order: a float sum over a set would follow the hash seed, and a near
            # tie could then pick another question in another worker
            found = sum(share[i] for i in sorted(c.items))
            # what the office verifies itself never leaves an item 还需了解 in the finished
            # result (the 核对 settles it): it refines a result, and yields to what decides one
            worths[id(c)] = found * OFFICE_VERIFIED_WORTH if c.facts <= OFFICE_VERIFIED else found
        return worths[id(c)]

    def finishable(c: Candidate, main: Collection[ItemId]) -> bool:
        """Serves a main item its open questions can still settle within the budget."""
        if settled_asked:  # the items asked about settled: nothing past the soft budget
            return (
                session.questions_asked < SOFT_BUDGET
                and not c.facts <= OFFICE_VERIFIED
                and any(to_ask_for.get(i, 0) < reach for i in c.items if i in main)
            )
        if c.facts <= OFFICE_VERIFIED:  # the finished result leaves it to the 核对
            return False
        for i in c.items:  # noqa: SIM110 (a loop, not any() over a generator: ~30 calls a turn)
            if i in main and open_for[i] < reach:
                return True
        return False

    # At most: anything until the soft budget, then the main items' questions; within budget.
    after_soft = [c for c in useful if c.items & asked_items or finishable(c, main)]
    before_soft = max(SOFT_BUDGET - session.questions_asked, 0)
    # the soft phase mostly asks the main items' questions too: they overlap, not add up
    later = len(after_soft)
    estimate = min(len(useful), max(before_soft, later) + min(before_soft, later) // 3) + (
        1 if consent_open else 0
    )
    remaining = max(min(left, estimate, TYPICAL_TOTAL - session.questions_asked), 1)
    if left <= 0:
        return Plan(None, 0)
    verified: set[int] = set()
    while True:
        best = _choose(session, useful, asked_items, main, worth, finishable, open_for)
        if best is None:
            best = _deciding(session, useful, bank, lookahead)
            if best is None:
                net = _safety_net(session, useful, open_for)
                if net is None:
                    return Plan(None, 0)
                return Plan(gate(session, bank, net.step), 1, safety_net=True)
            break
        if id(best) in verified:
            break
        verified.add(id(best))
        # an item a household-wide "没有" still to be asked settles alone waits for it
        unchangeable = _behind_a_gate(best, useful, open_for, bank, lookahead)
        if best.tried is not None:
            tested = [
                i
                for i in best.items - unchangeable
                if (open_for[i] == 1 or i in stuck)
                and not _queued_behind(best, i, asked_items, result, session, bank)
            ]
            if tested:
                unchangeable |= set(tested) - lookahead.changeable(bank, best.tried, tested)
        if not unchangeable:
            # nothing dropped: the choice runs on the same candidates and worths, and would
            # pick this one again (verified, so taken)
            break
        best.items -= unchangeable
        worths.pop(id(best), None)
        if not best.items:
            useful.remove(best)
    step = gate(session, bank, supporter_step(session, bank, best.step))
    return Plan(step, max(remaining, 1) if step is not None else 0)


def _behind_a_gate(
    best: Candidate,
    useful: list[Candidate],
    open_for: dict[ItemId, int],
    bank: QuestionBank,
    lookahead: Trial,
) -> set[ItemId]:
    """The items of `best` that a household-wide question still open settles on its own when
    the answer is "没有" ("家里有孩子在上学吗" for 助学贷款, "家里有退役军人吗"): the condition
    most households do not meet is asked first, and the item's other facts (户口在不在本地,
    whether life is hard) only once it is met. Only when every item of `best` waits so (a
    question still needed for another item keeps its place); `best` itself being such a
    question waits for nothing."""
    if _household_wide(bank, best.step.question_id):
        return set()
    waiting: set[ItemId] = set()
    for item in sorted(best.items):
        if open_for[item] < 2:
            return set()  # the last question for this item: nothing else is asked for it
        for asker in useful:
            if asker is best or asker.step.member is not None or item not in asker.items:
                continue
            if not _household_wide(bank, asker.step.question_id):
                continue
            if lookahead.settled_if_nobody(bank, asker.step.question_id, [item]):
                waiting.add(item)
                break
        if item not in waiting:
            return set()  # still needed now for this item: its place in the order stays
    return waiting


def _household_wide(bank: QuestionBank, question_id: str) -> bool:
    """A question to the whole household with a "没有" for everyone ("家里有人…吗")."""
    if question_id in (CONSENT_ID, MEMBER_MORE_ID):
        return False
    everyone = bank.get(question_id).all_members
    return everyone is not None and "no" in everyone


def _queued_behind(
    best: Candidate,
    item: ItemId,
    asked_items: set[ItemId],
    result: ScreeningResult,
    session: Session,
    bank: QuestionBank,
) -> bool:
    """An item the citizen asked for, or a class others follow from (特困) once only its
    members' facts are left to ask, about a member whose other facts it needs are asked after
    this question (whom they rely on, after whether they can work): one answer alone cannot
    decide it, the next ones can, so the question is not dropped for that."""
    member = best.step.member
    if member is None or member >= len(session.household.members):
        return False
    missing = result.item(item).missing_facts
    if item not in asked_items and (
        item not in central_items(session.region)
        # the household's own facts (its size, its hukou) are asked first in natural order
        or any(not f.startswith("members.") and f not in OFFICE_VERIFIED for f in missing)
    ):
        return False
    asked_now = {member_key(name, member) for name in best.facts}
    for fact in missing:
        if fact.startswith(f"members.{member}.") and fact not in asked_now:
            return True
        # "members.is_unemployment_registered": some member's; this one's, if still to be asked
        generic = fact.startswith("members.") and fact.count(".") == 1
        if generic and fact not in best.facts and _still_asked_of(session, bank, fact, member):
            return True
    return False


def _still_asked_of(session: Session, bank: QuestionBank, fact: str, member: int) -> bool:
    person = session.household.members[member]
    return any(
        q.is_member and is_allowed(session, q) and q.applies(session.household, person)
        and is_open(session, q, member)
        for q in bank.filling_any({fact})
    )  # fmt: skip


def _deciding(
    session: Session, useful: list[Candidate], bank: QuestionBank, lookahead: Trial
) -> Candidate | None:
    """At the typical end (11 or 12 questions asked), the main items done: a question not yet
    asked one of whose answers makes an open item likely or possible on its own, its other
    open facts left open (化疗花了七八万 decides 刚性支出 whatever the school costs). One
    more question that can open an item beats ending with it 还需了解; one that cannot decide
    it alone is not asked. Cheap questions are tried first (yes/no, amounts at two levels),
    and only values the lookahead tries count (its allowance spent: none). Two at most, so
    the progress hint (which counts to TYPICAL_TOTAL) stays close."""
    if not TYPICAL_TOTAL - 1 <= session.questions_asked <= TYPICAL_TOTAL:
        return None
    if session.safety_net_asked:  # past the soft budget for 临时救助 only: no more after it
        return None
    asked = {r.question_id for r in session.history}

    def cost(c: Candidate) -> int:  # values to try; the cheap ones first, natural order kept
        values = values_of(bank.get(c.tried[0])) if c.tried is not None else None
        return len(values) if values is not None else 0

    fresh = (c for c in useful if cost(c) and c.step.question_id not in asked)
    for c in sorted(fresh, key=cost):
        assert c.tried is not None  # cost() is 0 otherwise
        settled = lookahead.decides(bank, c.tried, c.items, ENDING_TRIES, HOPEFUL)
        if settled:
            c.items = settled
            return c
    return None


def _safety_net(
    session: Session, useful: list[Candidate], open_for: dict[ItemId, int]
) -> Candidate | None:
    """The conversation would end with 临时救助 still 还需了解 and one question away from a
    result ("最近家里有没有遇到突然的难事？"): that question, once, up to SAFETY_NET_EXTRA past the
    soft budget. The help for a sudden hardship (a fire, an accident, a sudden illness) is the
    one item nothing else the household said decides, and its question comes last in natural
    order, so a full conversation used to end before it (and a short one, a household already
    on 低保, never reached it)."""
    if open_for.get(TEMPORARY_AID) != 1 or not hardship_told(session.household):
        return None
    if session.questions_asked >= SOFT_BUDGET + SAFETY_NET_EXTRA:
        return None
    return next(
        (c for c in useful if TEMPORARY_AID in c.items and not c.facts <= OFFICE_VERIFIED), None
    )


WORKING_YEARS_END = 60  # under it, a member who cannot work may have had an accident


def hardship_told(household: Household) -> bool:
    """What the household said may be a sudden hardship 临时救助 is for (急难型: 突发重病,
    意外伤害; 支出型: 医疗、教育支出 beyond what it can bear): basic living said to be very hard,
    a serious illness, a member of working age who cannot work, a student just admitted to or
    at college."""
    if household.basic_living_in_severe_difficulty:
        return True
    for member in household.members:
        if member.has_serious_illness or member.is_new_admission:
            return True
        if member.school_stage in ("college", "postgraduate"):
            return True
        if (
            member.labour_ability in ("lost", "none", "partial")
            and member.age is not None
            and member.age < WORKING_YEARS_END
        ):
            return True
    return False


def _choose(
    session: Session,
    useful: list[Candidate],
    asked_items: set[ItemId],
    main: Collection[ItemId],
    worth: Callable[[Candidate], float],
    finishable: Callable[[Candidate, Collection[ItemId]], bool],
    open_for: dict[ItemId, int],
) -> Candidate | None:
    # the items asked about first, but not for what only refines their result (the 核对
    # settles the deposits anyway): that waits like any other such question
    for_asked = [c for c in useful if c.items & asked_items and not c.facts <= OFFICE_VERIFIED]
    pool = for_asked or useful
    if not pool:
        return None
    if session.questions_asked >= SOFT_BUDGET and not for_asked:
        # past the soft budget: only the main items (asked about, else the central ones),
        # and only while their open questions fit in what is left
        pool = [c for c in pool if finishable(c, main)]
    worths = [(c, worth(c)) for c in pool]  # each looked up once, not once per comparison
    top = max((w for _, w in worths), default=0.0)
    # natural order among the questions worth about as much as the best: a conversation that
    # moves topic by topic, not back and forth
    floor = max(MIN_WORTH, NEAR_BEST * top)
    near = [c for c, w in worths if w >= floor]
    # what only refines a result (the 核对 settles it anyway) yields to any question near the
    # best that can decide one, however early it comes in natural order
    near = [c for c in near if not c.facts <= OFFICE_VERIFIED] or near
    # one that settles a main item on its own first: certain progress for one question (a
    # minor item's last question does not jump ahead of one the main items share)
    best = next((c for c in near if any(open_for[i] == 1 and i in main for i in c.items)), None)
    # then one about the member screening names, before asking every member in turn
    return best or next((c for c in near if c.targeted), None) or next(iter(near), None)


def update_hint(session: Session, remaining: int) -> list[str]:
    """The remaining-questions hint never goes up, except when members were added, and then
    says why (the returned line)."""
    previous, members = session.questions_remaining, len(session.household.members)
    # one person alone is no "家里人多": only a second member can make the hint rise
    grew = members > max(session.hint_members, 1)
    session.hint_members = members
    if previous is None or remaining <= previous:
        session.questions_remaining = remaining
        return []
    if not grew:
        return []  # an estimate: keep the lower one rather than jump up
    session.questions_remaining = remaining
    return [prompts.HINT_GREW]
