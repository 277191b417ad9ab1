"""Which clauses of an answer are about the question's money or property fact, and which
facts belong to the same topic ("没有房" answers both 几套房 and 有自己的房子住吗)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from dialogue.questions import CONSENT_ID, MEMBER_MORE_ID, Question, question_bank
from dialogue.state import Session
from nlu.clauses import SPENT_ALL
from nlu.facts import Fact, Reading
from nlu.mentions import CHILD, SELF, UNNAMED, Mention, possessive, sentence_at, who_at
from nlu.numerals import NUMERAL_RE

_SENTENCE_CLAUSES = re.compile(r"[，,；;。！!？?]+")
_LEFT_OVER = re.compile(r"(?:就|只|还)剩")
# money put by for a need ("有个两三千防着看病", "留着给老伴看病"): savings, whatever the need
_PUT_BY = re.compile(r"防着|留着|攒着|攒的|备着|存着|预备着")
_PARTS_OF_HOME = re.compile(rf"(?:{NUMERAL_RE.pattern})(?:间|层)")
# "房产证上写的七十二平": a number with an area unit is the area, whatever else the clause names
_WITH_AREA_UNIT = re.compile(rf"(?:{NUMERAL_RE.pattern})\s*(?:多|来)?\s*个?\s*(?:平|㎡|m2)", re.I)
_MONEY_OR_PROPERTY = ("assets.", "monthly_income_total", "members.monthly_income", "expenses_12m.",
                      "housing.total_floor_area")  # fmt: skip


# Facts that answer one another's questions: "没有房" to 有自己的房子住吗 is about that house.
_TOPIC_FAMILIES = (
    frozenset({"assets.houses", "housing.has_own_housing", "housing.current_housing"}),
    frozenset({"monthly_income_total", "members.monthly_income"}),
    # "有残疾证，听力的，三级": the kind and grade are said with the yes
    frozenset({"members.has_disability", "members.disability_grade", "members.disability_kind"}),
)


def same_topic(question: Question, fact: str) -> bool:
    """The fact is the question's own, or of the same family (a house owned, lived in)."""
    if fact in question.fills:
        return True
    return any(fact in family and set(question.fills) & family for family in _TOPIC_FAMILIES)


def is_money_or_property(question: Question) -> bool:
    return any(fill.startswith(_MONEY_OR_PROPERTY) for fill in question.fills)


def _topic(question: Question) -> str:
    """Household and member income are one topic (养老金 is income whoever gets it)."""
    fill = question.fills[0]
    return "income" if "monthly_income" in fill else fill


def _other_topic_words(question: Question) -> frozenset[str]:
    return _other_topic_words_of(question.id)


@cache  # per question id: the bank is fixed data, and this runs on every amount answer
def _other_topic_words_of(question_id: str) -> frozenset[str]:
    """The keywords of the other money and property questions (存款, 养老金, 车, 房子…)."""
    question = question_bank().get(question_id)
    own = set(question.keywords)
    words = {
        word
        for other in question_bank().questions
        if _topic(other) != _topic(question) and is_money_or_property(other)
        for word in other.keywords
    }
    return frozenset(w for w in words - own if not any(w in o or o in w for o in own))


_BARE_AMOUNT = re.compile(rf"(?:就|也就|有|大概|差不多)?{NUMERAL_RE.pattern}\S{{0,4}}")


def own_clauses(question: Question, text: str) -> str | None:
    """The clauses about this question's fact: "存款没有，老伴每月养老金一千五" to 存款 is
    "存款没有". A clause naming another money or property topic belongs to that topic; an
    answer whose every clause does is not an answer to this question (None)."""
    clauses = [c for c in _SENTENCE_CLAUSES.split(text) if c.strip()]
    others = _other_topic_words(question)
    savings = question.fills == ["assets.deposits"]
    area = question.fills == ["housing.total_floor_area"]

    def left(clause: str) -> bool:  # "看病花得就剩三千了": the money left is savings
        return bool(_LEFT_OVER.search(clause) and NUMERAL_RE.search(clause))

    def spent(clause: str) -> bool:  # "全交医药费了": the savings went, none left
        return savings and SPENT_ALL.search(clause) is not None

    def mine(clause: str) -> bool:  # "房子有三层" to 面积: the floors of the house asked about
        return (
            any(word in clause for word in question.keywords)
            or (savings and (left(clause) or bool(_PUT_BY.search(clause))))
            or spent(clause)
            or (area and bool(_PARTS_OF_HOME.search(clause) or _WITH_AREA_UNIT.search(clause)))
        )

    # "买过一点基金，亏得就剩三千来块了": what is left of the thing asked about is that thing
    own_named = question.fills[0].startswith("assets.") and any(
        word in text for word in question.keywords
    )  # not an expense: "看病花得就剩三千了" tells the savings left

    def elsewhere(clause: str) -> bool:
        if not savings and left(clause) and not own_named:
            return True
        return not mine(clause) and any(word in clause for word in others)

    # "钱都存在信用社了，三万多" to 理财: a bare amount after a clause of another topic is its
    kept = []
    for index, clause in enumerate(clauses):
        gone = elsewhere(clause) or (
            index > 0 and _BARE_AMOUNT.fullmatch(clause.strip()) is not None
            and not mine(clause) and elsewhere(clauses[index - 1])
        )  # fmt: skip
        if not gone:
            kept.append(clause)
    if not kept:
        return None
    return "，".join(kept)


def names_another_member(session: Session, text: str, reading: Reading) -> bool:
    """ "我男人是二级残疾" to 您本人有残疾证吗: the pending member question's fact is said of
    another member named by relation (not by 我, said in many ways), so it is that member's
    fact, not this member's answer."""
    pending = session.pending
    asked = _asked_member(session)
    if pending is None or pending.member is None or asked is None:
        return False
    said = _said_to_the_question(session, reading)
    if any(f.who in (None, asked) for f in said):
        return False
    others = [
        f
        for f in said
        if f.who not in (UNNAMED, SELF) and not (f.who == CHILD and pending.member > 0)
    ]
    # every clause is about them: "他四十五，我儿媳四十三" still answers for him
    return bool(others) and all(
        any(f.start in range(lo, hi) for f in others) for lo, hi in _clause_spans(text)
    )


def said_of_the_member(session: Session, reading: Reading) -> Fact | None:
    """ "儿子三十，孙子八岁" to 儿子多大: the one fact of the pending member question that the
    reading places on the member asked about, when the answer names more than one member."""
    asked = _asked_member(session)
    if asked is None:
        return None
    said = _said_to_the_question(session, reading)
    theirs = [f for f in said if f.who is not None and f.who.partition("#")[0] == asked]
    others = [f for f in said if f not in theirs and f.who not in (None, UNNAMED)]
    return theirs[0] if len(theirs) == 1 and others else None


def _asked_member(session: Session) -> str | None:
    """The relation of the member the pending question asks about (SELF for the applicant)."""
    pending, members = session.pending, session.household.members
    if pending is None or pending.member is None or pending.member >= len(members):
        return None
    return SELF if pending.member == 0 else members[pending.member].relation


def _said_to_the_question(session: Session, reading: Reading) -> list[Fact]:
    """The facts read that fill the pending question's facts."""
    pending = session.pending
    question_id = pending.question_id if pending is not None else None
    fills = next((q.fills for q in question_bank().questions if q.id == question_id), [])
    return [f for f in reading.facts if f.name in fills]


def _clause_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _CLAUSE.finditer(text)]


_CLAUSE = re.compile(r"[^，,；;。！!？?]+")


HOUSEHOLD_INCOME_QUESTION = "household_income"
MEMBER_INCOME_QUESTION = "member_income"
# "我自己没收入" to 全家每个月收入多少: the speaker's own none, said of nobody else
_OWN_NONE = re.compile(
    r"(?:我|俺|额)(?:自己|自个儿?|本人)?(?:是|也|一直|现在|目前)?(?:没有?|没啥|莫有|没得)(?:啥|什么)?"
    r"(?:收入|工资|进项)(?:的|啊|呀|哦|了)?"
)
_SAID_OF_MORE = re.compile(r"全家|家里|一家|我们|俺们|咱们|咱家|两口|老两口|俩|都")


def own_income_only(session: Session, text: str) -> bool:
    """The household-income question answered with the speaker's own none while others live
    in the household: the speaker's income, not the household's (a partner may earn)."""
    pending = session.pending
    if pending is None or pending.question_id != HOUSEHOLD_INCOME_QUESTION:
        return False
    household = session.household
    if len(household.members) < 2 and (household.size or 0) < 2:
        return False
    if household.members and household.members[0].monthly_income is not None:
        return False  # said already: the answer now is about the others
    return _own_none_first(text)


def alone_and_own_none(session: Session, text: str) -> bool:
    """ "我没收入，我叔家挣多少不知道" from somebody who lives alone: the household's none; the
    relative's income, not known, is not the household's."""
    pending = session.pending
    if pending is None or pending.question_id != HOUSEHOLD_INCOME_QUESTION:
        return False
    return session.household.household_size == 1 and _own_none_first(text)


def _own_none_first(text: str) -> bool:
    first, *rest = [c for c in _SENTENCE_CLAUSES.split(text.strip()) if c]
    return (
        _OWN_NONE.fullmatch(first) is not None
        and not _SAID_OF_MORE.search(text)
        and not any(NUMERAL_RE.search(c) for c in rest)
    )


# the one named owns it: "儿子有个车", "闺女名下有套房", "儿子的车"
_OWNS = re.compile(
    r"(?:名下|手里|那儿|那里)?(?:还|也)?(?:有|开着|买了|的(?:车|房|存款|钱|店|公司))"
)
# ours said ("我家有一辆"), not "不跟我们住"
_OURS = re.compile(r"(?<![跟和与同])(?:我们|俺们|咱们)|咱家|我家|俺家|家里|自己")


def owner_elsewhere(session: Session, text: str, reading: Reading) -> Mention | None:
    """ "儿子有个车，他在外地成家了" to 家里有小汽车吗: the property of somebody who does not
    live in the household (said to have left, or not among its members when they are all
    known), not the household's. Only what 共同生活的家庭成员 own is counted."""
    pending = session.pending
    if pending is None or pending.question_id in (CONSENT_ID, MEMBER_MORE_ID):
        return None
    fills = question_bank().get(pending.question_id).fills
    if not all(f.startswith("assets.") for f in fills) or _OURS.search(text):
        return None
    household = session.household
    size = household.size
    known = size is not None and len(household.members) >= size
    known = known and all(m.relation for m in household.members)
    here = {m.relation for m in household.members}
    named = [
        m
        for m in reading.mentions
        if m.relation not in (UNNAMED, CHILD)
        and not (m.relation == SELF and possessive(m, reading.mentions, text))
    ]
    if not named or any(m.relation == SELF for m in named):
        return None
    away = [m for m in named if m.departed or (known and m.relation not in here)]
    if len(away) != len(named) or not any(_OWNS.match(text, m.end) for m in away):
        return None  # "爹娘留下的老宅子": left to the household, now its own
    return away[0]


def without_others_property(session: Session, text: str, reading: Reading) -> Reading:
    """The reading without property said of somebody who does not live in the household,
    whatever the question ("儿子在太原开出租，有房有车" to 有人能赡养您吗): only what
    共同生活的家庭成员 own is counted, so the son's car is not the household's."""
    if not any(f.name.startswith("assets.") for f in reading.facts):
        return reading
    here = {m.relation for m in session.household.members}

    def of_somebody_else(fact: Fact) -> bool:
        if not fact.name.startswith("assets."):
            return False
        who, away = who_at(reading.mentions, text, fact.start)
        relation = who.partition("#")[0] if who else None
        if relation in (None, SELF, CHILD):
            return False
        lo, _ = sentence_at(text, fact.start)
        said = [m for m in reading.mentions if lo <= m.start < fact.start]
        since = said[-1].end if said else lo
        if _OURS.search(text, since, fact.start):
            return False  # "儿子说咱家有辆三轮": the household's after all
        return away or relation not in here

    kept = [f for f in reading.facts if not of_somebody_else(f)]
    return reading if len(kept) == len(reading.facts) else replace(reading, facts=kept)


# the questions whose answers describe somebody who could support the member asked about
SUPPORTER_QUESTIONS = frozenset({"member_supporter", "member_legal_supporter"})


def without_the_supporters_facts(session: Session, reading: Reading) -> Reading:
    """An answer about who could support the member describes them: in "就一个儿 二级残疾
    自己吃低保 管不了" the disability and the 低保 are the son's, not the household's. The
    facts it says of nobody named are dropped; a member named keeps theirs. "就我们俩" there
    says nobody else is there to help, not how many live together."""
    pending = session.pending
    if pending is None or pending.question_id not in SUPPORTER_QUESTIONS:
        return reading
    kept = [f for f in reading.facts if f.who is not None]
    if len(kept) == len(reading.facts) and reading.size is None:
        return reading
    return replace(reading, facts=kept, size=None)


def without_misplaced_money(session: Session, text: str, reading: Reading) -> Reading:
    """The reading without another money or property topic's facts said in a clause that names
    no other topic: the amount there is the pending question's ("买过一点基金，亏得就剩三千来块了"
    to 股票基金 is not savings)."""
    pending = session.pending
    if pending is None or pending.question_id in (CONSENT_ID, MEMBER_MORE_ID):
        return reading
    question = question_bank().get(pending.question_id)
    if not is_money_or_property(question):
        return reading
    others = _other_topic_words(question)

    def misplaced(fact: Fact) -> bool:
        if not fact.name.startswith(_MONEY_OR_PROPERTY) or same_topic(question, fact.name):
            return False
        lo, hi = next(((a, b) for a, b in _clause_spans(text) if a <= fact.start < b), (0, 0))
        return not any(word in text[lo:hi] for word in others)

    kept = [f for f in reading.facts if not misplaced(f)]
    return reading if len(kept) == len(reading.facts) else replace(reading, facts=kept)
