"""Everyone's age in one answer, to 家里每个人多大岁数 ("我45，老伴43，儿子15"; "45、43、15").

Ages said with who they are go to those members (dialogue.noted); a member counted but not yet
named takes the relation said with an age, when the relations said account for the members
not yet named. Bare numbers go to the members in order only when there is one for each member
whose age is open: otherwise whose age is which is unsaid, and nothing is stored.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from dialogue.answer_values import Value
from dialogue.state import Session, member_key, relatives_of, set_fact
from nlu.dates import parse_age
from nlu.facts import CHILD, ELDER_SAID, SELF, YOUNGER_SAID, Reading, read_facts

_LIST_SEPARATORS = re.compile(r"[，,、；;。\s]+")
_BARE_AGE = re.compile(r"[零一二两三四五六七八九十百\d]{1,4}(?:岁|周岁)?")
AGE = "members.age"


# "大的十四，小的十岁": the elder and the younger of two children, whose age is whose
_NUMBER = r"[一二两三四五六七八九十\d]{1,3}"
_ELDER_AGE = re.compile(rf"(?:{ELDER_SAID})(?:今年|才|都)?(?P<n>{_NUMBER})")
_YOUNGER_AGE = re.compile(rf"(?:{YOUNGER_SAID})(?:今年|才|都)?(?P<n>{_NUMBER})")
AGES_BY_BIRTH_ORDER = "birth_order"  # Value.extra: (the elder's age, the younger's)
# "俺三十九 他四十一": an age said of 他/她 (a pronoun, no relation word before it)
_PRONOUN_AGE = re.compile(
    rf"(?:^|(?<=[，,、；;。\s]))[他她](?:今年|才|都|也)?(?P<n>{_NUMBER})(?:岁|周岁)?(?=[，,、；;。\s]|$)"
)
PRONOUN_AGE = "pronoun_age"  # Value.extra: the one age said of 他/她
# school stages from the youngest pupils up (高中 and 中职 are one level)
_STAGE_LEVEL = {"preschool": 0, "primary": 1, "junior_high": 2, "senior_high": 3,
                "secondary_vocational": 3, "college": 4, "postgraduate": 5}  # fmt: skip


def ages_answer(text: str, today: dt.date) -> Value | None:
    """True when an age is said of somebody (with the two ages said by birth order in
    `extra`); the ages in order when only numbers are said."""
    said = [_ELDER_AGE.search(text), _YOUNGER_AGE.search(text)]
    pair = [parse_age(f"{m.group('n')}岁", today) for m in said if m is not None]
    extra: dict[str, Any] = (
        {AGES_BY_BIRTH_ORDER: tuple(pair)} if len(pair) == 2 and None not in pair else {}
    )
    of_pronoun = [parse_age(f"{m.group('n')}岁", today) for m in _PRONOUN_AGE.finditer(text)]
    if len(of_pronoun) == 1 and of_pronoun[0] is not None:
        extra[PRONOUN_AGE] = of_pronoun[0]
    if extra or any(f.name == AGE for f in read_facts(text, today).facts):
        return Value(True, extra=extra)
    parts = [p for p in _LIST_SEPARATORS.split(text.strip()) if p]
    if len(parts) < 2 or not all(_BARE_AGE.fullmatch(p) for p in parts):
        return None
    ages = [parse_age(p if p.endswith("岁") else f"{p}岁", today) for p in parts]
    if any(a is None for a in ages):
        return None
    return Value(tuple(ages))


def place_ages(session: Session, reading: Reading, answer: Value) -> list[tuple[str, Any]]:
    """Relations for the unnamed members and the ages said in order (what dialogue.noted's
    store_facts cannot place by who was named). Returns the keys set, with their values before
    (None: all were unset), for "go back"."""
    if isinstance(answer.value, tuple):
        return _in_order(session, list(answer.value))
    elder_younger = answer.extra.get(AGES_BY_BIRTH_ORDER)
    by_birth = _by_birth_order(session, elder_younger) if elder_younger else []
    _tell_apart_by_word(session, reading)
    named = _name_the_unnamed(session, reading)
    of_pronoun = answer.extra.get(PRONOUN_AGE)
    return named + by_birth + (_the_one_left(session, of_pronoun) if of_pronoun else [])


def _the_one_left(session: Session, age: int) -> list[tuple[str, Any]]:
    """ "俺三十九 他四十一 大的十七 小的十一": the age said of 他 is the one member's whose age
    is still open once the others are placed, when that member is named (the spouse); with
    two or more open, or one nobody named, whose it is stays unsaid."""
    members = session.household.members
    open_ages = [i for i, m in enumerate(members) if i > 0 and m.age is None]
    if len(open_ages) != 1 or members[open_ages[0]].relation is None:
        return []
    key = member_key(AGE, open_ages[0])
    set_fact(session.household, key, age)
    return [(key, None)]


def fits_in_order(session: Session, answer: object) -> bool:
    """Ages said in order are one for each member, none known yet (else whose is which is
    unsaid); any other answer fits."""
    if not (isinstance(answer, Value) and isinstance(answer.value, tuple)):
        return True
    return _one_each(session, len(answer.value))


def _one_each(session: Session, ages: int) -> bool:
    members = session.household.members
    return ages == len(members) and all(m.age is None for m in members)


def _in_order(session: Session, ages: list[int]) -> list[tuple[str, Any]]:
    if not _one_each(session, len(ages)):
        return []
    changed: list[tuple[str, Any]] = []
    for index, age in enumerate(ages):
        key = member_key(AGE, index)
        set_fact(session.household, key, age)
        changed.append((key, None))
    return changed


def _name_the_unnamed(session: Session, reading: Reading) -> list[tuple[str, Any]]:
    """ "我27，老公29，儿子3岁" for a household of three whose other two are not named yet: the
    husband and the son are those two (each relation said once, none of them a member yet)."""
    members = session.household.members
    unnamed = [i for i, m in enumerate(members) if i > 0 and m.relation is None and m.age is None]
    known = {m.relation for m in members}
    said: list[str] = []
    for fact in reading.facts:
        relation = (fact.who or "").partition("#")[0]
        if fact.name != AGE or relation in ("", SELF, CHILD) or relation in known:
            continue
        if relation not in said:
            said.append(relation)
    if not said or len(said) != len(unnamed):
        return []
    changed: list[tuple[str, Any]] = []
    for index, relation in zip(unnamed, said, strict=True):
        key = member_key("members.relation", index)
        set_fact(session.household, key, relation)
        changed.append((key, None))
    return changed


def _tell_apart_by_word(session: Session, reading: Reading) -> None:
    """ "孙子十二，孙女九岁" for two grandchildren nothing tells apart yet: each word said with
    an age names one of them, in order, so the ages find their members (and the read-back
    says 您孙子, 您孙女)."""
    household = session.household
    said: dict[str, list[str]] = {}
    for fact in reading.facts:
        relation, _, person = (fact.who or "").partition("#")
        if fact.name == AGE and person and fact.who not in said.get(relation, []):
            said.setdefault(relation, []).append(fact.who or "")
    for relation, keys in said.items():
        members = relatives_of(household, relation)
        blank = all(
            household.members[i].model_dump(exclude_none=True).keys() <= {"relation"}
            for i in members
        )
        named = set(session.persons.values()) & set(members)
        if len(keys) == len(members) >= 2 and blank and not named:
            session.persons.update(zip(keys, members, strict=True))


# "大的…小的…" are children or grandchildren; the partner's age is said alongside
_NOT_A_CHILD = frozenset({"spouse", "parent", "grandparent", "sibling"})


def _alike(session: Session, first: int, second: int) -> bool:
    """Two members nothing known tells apart (the same facts, or none), nor a name said."""
    members = session.household.members
    named = set(session.persons.values())
    return (
        first not in named
        and second not in named
        and members[first].model_dump(exclude_none=True)
        == members[second].model_dump(exclude_none=True)
    )


def _by_birth_order(session: Session, ages: tuple[int, int]) -> list[tuple[str, Any]]:
    """The elder's and the younger's age go to the two members whose ages are open, when their
    school stages say which is the elder (read from the opening: "一个上初中一个上小学") or
    nothing tells them apart ("两个孙子" then "大的十二 小的九岁")."""
    open_ages = [
        i
        for i, m in enumerate(session.household.members)
        if i > 0 and m.age is None and m.relation not in _NOT_A_CHILD
    ]
    children = [
        (_STAGE_LEVEL[m.school_stage], i)
        for i in open_ages
        if (m := session.household.members[i]).school_stage in _STAGE_LEVEL
    ]
    if len(children) == 2 and children[0][0] != children[1][0]:
        (_, elder), (_, younger) = sorted(children, reverse=True)
    elif len(open_ages) == 2 and _alike(session, *open_ages):
        elder, younger = open_ages  # nothing tells them apart: either is the elder
    else:
        return []
    changed: list[tuple[str, Any]] = []
    for index, age in ((elder, ages[0]), (younger, ages[1])):
        key = member_key(AGE, index)
        set_fact(session.household, key, age)
        changed.append((key, None))
    return changed
