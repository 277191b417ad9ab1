"""Facts read from free text (nlu.facts) put into the household, and said back.

Used for the opening (everything it states: members, illness, fire, what is already received…)
and for every answer (a fact about another topic goes to that topic). A fact only fills a
value nobody has given yet: changing an earlier answer is a correction (dialogue.engine), never
a side effect. A member fact goes to the member it names; "who" unsaid means the member being
asked about, or in the opening the applicant. Children of unsaid sex become members without a
relation (the relation question asks it later).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from dialogue import apply, prompts
from dialogue.children import A_CHILD, CHILD_RELATIONS, opening_child
from dialogue.naming import member_called, member_of
from dialogue.questions import Question, QuestionBank, one_of_them, told_apart
from dialogue.state import (
    Session,
    get_fact,
    member_key,
    member_of_key,
    members_named,
    relatives_of,
    resize_members,
    set_fact,
)
from dialogue.writer import applicant_relation, join_speaker, speakers_relative
from guides.catalog import guide_for
from guides.household import ADULT_AGE, Member
from nlu.clauses import without_people_elsewhere
from nlu.facts import CHILD, SELF, Fact, Reading
from nlu.lexicon import IN_LAW_PERSONS, match_relations
from nlu.mentions import UNNAMED, Mention, clause_at
from nlu.voice_input import spaces_as_commas

_OPTION_QUESTIONS = {
    "members.serious_illness_kind": "member_serious_illness_kind",
    "members.school_stage": "member_school_stage",
    "members.disability_kind": "member_disability_kind",
    "members.employment": "member_employment",
    "hukou_type": "hukou_type",
    "situations": "situations",
    "housing.current_housing": "current_housing",
}
_LISTS = {"situations", "already_receives"}
# facts that may name the member they are about (questions.told_apart)
_TELLING_APART = frozenset({"members.school_stage", "members.age"})
# a yes said with its detail is said once, by the detail ("您老伴得了肾病类重病")
_SAID_WITH = (
    ("has_serious_illness", "serious_illness_kind"),
    ("has_disability", "disability_grade"),
)


def _away(fact: Fact) -> bool:
    """Working away ("儿子在外地打工"), which alone does not make one of those living together;
    a spouse working away still is (a married couple is one household)."""
    return (
        fact.name == "members.employment"
        and fact.value == "migrant_worker"
        and fact.who != "spouse"
    )


def away_keys(reading: Reading) -> set[str | None]:
    """Who the reading says works away (their person keys)."""
    return {f.who for f in reading.facts if _away(f)}


@dataclass(frozen=True)
class Stored:
    key: str  # fact key with the member index ("members.1.age")
    fact: Fact
    before: Any = None  # JSON-safe value it replaced (lists grow; other values were unset)


def add_members(session: Session, reading: Reading, *, all_named: bool) -> list[Stored]:
    """Members the text names. `all_named`: every member named (an answer to 几口人);
    otherwise only those a fact is about (an opening story names many people). Returns the
    household size when the text gave it (said back with the other facts)."""
    household = session.household
    # "儿子在外地打工" alone does not make him one of those living together (ask the others)
    about = {f.who for f in reading.facts if f.name.startswith("members.") and not _away(f)}
    if not (about or reading.size or (all_named and reading.members())):
        return []
    if not household.members:
        resize_members(household, 1)
    if all_named and session.speaking_for:
        join_speaker(session, reading, reading.size.value if reading.size else household.size)
    for mention in reading.members():
        if not all_named and mention.key not in about:
            continue
        if mention.key in session.speaking_for:
            continue  # the one asked for, their partner, the speaker's own (dialogue.writer)
        relation = None if mention.relation == CHILD else mention.relation
        kinds = (None, "child") if relation is None else (relation,)  # 孩子: kept as "child"
        have = [m for m in household.members[1:] if m.relation in kinds]
        # "两个女儿": as many as counted; a relation said once is one member
        missing = mention.count - len(have)
        # one person named ("我妈" after "我爸"); "两个孙子" said again counts those already kept
        if relation is not None and mention.person and mention.count == 1:
            if member_of(session, mention.key, relation) is not None:
                continue
            missing = mention.count  # "我妈" after "我爸": another parent
            same = relatives_of(household, relation)
            if not _partner_here(session, mention.person, reading) and not all_named:
                continue  # "我女婿得了癌": a daughter's husband living elsewhere, not a member
            if len(same) == 1 and not _is_named(session, same[0]):
                session.persons[mention.key] = same[0]  # the parent said before, now named
                continue
        if relation is None or missing <= 0:
            if relation is None and missing > 0 and not all_named:
                household.members = [*household.members, *(Member() for _ in range(missing))]
                if mention.count == 1 and missing == 1:  # read back as 您孩子, not 第3位家人
                    session.persons[A_CHILD] = len(household.members) - 1
            continue
        for _ in range(missing):  # as many as counted ("两个女儿")
            index = _new_member(session, relation, all_named)
        if mention.person and mention.count == 1:  # of two counted, which one is unsaid
            session.persons[mention.key] = index
            if mention.person in IN_LAW_PERSONS:
                household.members[index].in_law = True
    if reading.size is not None and household.size is None:
        household.size = reading.size.value
        resize_members(household, household.size)
        return [Stored("size", reading.size)]
    return []


def listed_first(reading: Reading, text: str, size: int) -> Reading | None:
    """An answer to 几口人 that names more people than it counts, whose first clauses list
    exactly `size` ("四口 就是我老两口带两个孙子 娃他爸娃他妈在新疆打工呢"): the reading with
    only those listed; None when no such list ends before the others are named, or one listed
    is said to work away."""
    away = {f.who for f in reading.facts if _away(f)}
    named = sorted(reading.members(), key=lambda m: m.start)
    total, listed = 1, []
    for mention in named:
        if total >= size:
            break
        total += mention.count
        listed.append(mention)
    rest = named[len(listed) :]
    if total != size or not listed or not rest or any(m.key in away for m in listed):
        return None
    if any(_may_be_the_same(m, r) for m in listed for r in rest):
        return None  # "两个孩子，儿子上初二": the son is one of the two
    _, listed_end = clause_at(spaces_as_commas(text), listed[-1].start)
    if rest[0].start < listed_end:
        return None
    kept = [m for m in reading.mentions if m.relation in (SELF, UNNAMED) or m.start < listed_end]
    return dataclasses.replace(reading, mentions=kept)


def _may_be_the_same(one: Mention, other: Mention) -> bool:
    children = (CHILD, *CHILD_RELATIONS)
    if one.relation in children and other.relation in children:
        return CHILD in (one.relation, other.relation) or one.relation == other.relation
    return one.relation == other.relation


def named_members(
    session: Session, question: Question, reading: Reading, extra: dict[str, Any] | None = None
) -> list[tuple[str, Any]]:
    """ "有，老伴" to 家里有人有残疾证吗: the member named has it (a yes/no fact only); with
    one member named, the member facts said with the yes are theirs ("孙子有，是二级": the
    grade). Returns the keys set, with their values before."""
    if len(question.fills) != 1 or question.all_members is None:
        return []
    if question.all_members.get("no") is not False:
        return []
    if any(f.name in question.fills for f in reading.facts):
        return []  # "儿子在外地，他媳妇得了癌": the facts say whose; the others named are not
    # relatives mentioned: "别人" after "孙子有，" is everyone else, not whose relative
    starts = {m.start for m in reading.mentions if m.key != UNNAMED}
    mentions = [  # not the owner of another relative: "老伴的爹当过兵" is not about 老伴
        m for m in reading.members() if not ({m.end + 1, m.end + 2} & starts or m.end in starts)
    ]
    # "有，我自己": the speaker, when no relative is named (not "我爹当过兵，早去世了": a
    # relative who is no member, or has died)
    if not mentions and all(m.key in (SELF, UNNAMED) for m in reading.mentions):
        mentions = [m for m in reading.mentions if m.key == SELF][:1]
    changed: list[tuple[str, Any]] = []
    for mention in mentions:
        fact = Fact(question.fills[0], True, mention.start, mention.end, mention.key)
        index = _member_index(session, fact, None)
        if index is None:
            continue
        said = {fact.name: True}
        if len(mentions) == 1:
            said |= {f"members.{name}": value for name, value in (extra or {}).items()}
        for name, value in said.items():
            key = member_key(name, index)
            if get_fact(session.household, key) is None:
                set_fact(session.household, key, value)
                changed.append((key, None))
    return changed


def said_of_nobody_here(session: Session, fact: Fact) -> bool:
    """A fact the speaker asking for a parent says of herself or her own family ("俺在超市理货",
    "对象退休了"): of no member of the household asked about."""
    return (
        fact.who is not None
        and applicant_relation(session) is not None
        and fact.who not in session.speaking_for
        and _member_index(session, fact, None) is None
    )


def _member_index(session: Session, fact: Fact, asked: int | None) -> int | None:
    members = session.household.members
    if fact.who is None:
        return asked
    if fact.who in session.speaking_for:  # "我爸…" when the questions are about him
        return session.speaking_for[fact.who]
    relation, _, person = fact.who.partition("#")
    if applicant_relation(session) is not None:  # asking for someone she does not live with
        # "俺在超市上班", "对象退休了" are the speaker's and her husband's, not the parent's
        mapped = speakers_relative(session, relation, person)
        matching = [] if mapped is None else relatives_of(session.household, mapped)
        return matching[0] if len(matching) == 1 else None
    if fact.who == SELF:
        return 0 if members else None
    if person:
        named = member_of(session, fact.who, relation)
        if named is not None:
            return named
    if relation == CHILD and not person and _a_child(members, asked):
        return asked  # "娃才七岁，上一年级" about the grandchild asked: that child
    if relation == CHILD and not person:  # the one child the opening named, among others
        child = opening_child(session)  # the size said adds members whose relation is unsaid
        if child is not None:
            return child
    matching = members_named(session.household, relation)
    if person:  # not one named apart as somebody else ("我妈" is not the 父亲 noted)
        matching = [i for i in matching if not _is_named(session, i)]
        if not _partner_here(session, person):
            return None
    return matching[0] if len(matching) == 1 else None  # two children: which one is unsaid


# An in-law is a son or daughter on the form (女/婿, 子/媳), but the household's son is no
# 女婿: one lives here only with their partner, the applicant's daughter (or son).
_IN_LAW_PARTNER = {"女婿": "daughter", "儿媳": "son"}


def _partner_here(session: Session, person: str, reading: Reading | None = None) -> bool:
    """Whether an in-law named by the person word may be a member: their partner is one, or
    the same story names the partner as living here ("跟着闺女女婿过"; one who married out is
    named as gone, and the in-law with them)."""
    partner = _IN_LAW_PARTNER.get(person)
    if partner is None or relatives_of(session.household, partner):
        return True
    return reading is not None and any(
        m.relation == partner and not m.departed for m in reading.members()
    )


def _a_child(members: list[Member], index: int | None) -> bool:
    """The member asked about is someone's child (son, daughter, grandchild)."""
    if index is None or index >= len(members):
        return False
    return members[index].relation in ("son", "daughter", "child", "grandchild")


def _is_named(session: Session, index: int) -> bool:
    return any(
        i == index and member_of(session, key, key.partition("#")[0]) == i
        for key, i in session.persons.items()
    )


def store_facts(
    session: Session,
    reading: Reading,
    asked: int | None,
    skip: set[str] | frozenset[str] = frozenset(),
    asked_only: set[str] | frozenset[str] = frozenset(),
) -> list[Stored]:
    """Put every fact not yet known into the household; returns what was stored.
    `skip`: fact names the pending question itself fills (its parser decides those);
    `asked_only`: the same, for the member asked about only: another member's, named by a
    relation word, is kept ("我没事，是老伴得了脑梗" to 您有没有重病: the spouse's illness)."""
    stored: list[Stored] = []
    household = session.household
    in_turn = _in_turn(session, reading)
    for fact in reading.facts:
        if fact.name in skip:
            continue
        key = in_turn.get(id(fact)) or _key_of(session, fact, asked)
        if fact.name in asked_only and (
            fact.who in (None, "self") or key is None or member_of_key(key) in (None, asked)
        ):
            continue  # "比我小两岁": the speaker's own, compared, is not read as said
        if key is None and (placed := _place_spouse(session, fact)) is not None:
            stored.append(placed)  # undone with the answer, like the fact itself
            key = _key_of(session, fact, asked)
        if key is None:
            continue
        current = get_fact(household, key)
        replaced = None
        if fact.name in _LISTS:
            merged = list(dict.fromkeys([*(current or []), *fact.value]))
            if merged == list(current or []):
                continue
            value: Any = merged
            replaced = list(current) if current else None
        elif _exact_after_estimate(session, key, fact, current):
            value, replaced = fact.value, current  # "快七十", then "俺今年六十八"
        elif current is not None or session.is_unknown(key):
            continue
        else:
            value = apply.converted(fact.name, fact.value)
        try:
            set_fact(household, key, value)
        except (ValidationError, ValueError):
            continue
        if fact.name == "monthly_income_total" and fact.estimate:
            household.income_is_estimate = True
        if fact.name == apply.AGE_FACT:
            session.note_age_estimate(key, fact.estimate)
        stored.append(Stored(key, fact, replaced))
    return stored


def _exact_after_estimate(session: Session, key: str, fact: Fact, current: Any) -> bool:
    return (
        fact.name == apply.AGE_FACT
        and not fact.estimate
        and current is not None
        and current != fact.value
        and key in session.estimated_ages
    )


def _place_spouse(session: Session, fact: Fact) -> Stored | None:
    """ "孩子他爸想找个活" when the size counted a member not yet named: with no spouse among the
    members and one member whose relation is unsaid, the spouse named is that member (a
    partner said to do something lives here; another relative may not)."""
    members = session.household.members
    if fact.who != "spouse" or not fact.name.startswith("members."):
        return None
    if any(m.relation == "spouse" for m in members):
        return None
    unnamed = [i for i, m in enumerate(members) if i > 0 and m.relation is None]
    if len(unnamed) != 1:
        return None
    key = member_key("members.relation", unnamed[0])
    set_fact(session.household, key, "spouse")
    return Stored(key, Fact("members.relation", "spouse", fact.start, fact.end, fact.who))


def _value_label(session: Session, bank: QuestionBank, name: str, value: Any) -> str:
    if name == "already_receives":
        guide = guide_for(session.region)
        return "、".join(guide.item(i).name for i in value if i in guide.item_ids)
    question_id = _OPTION_QUESTIONS.get(name)
    if question_id is not None:
        options = bank.get(question_id).options()
        values = value if isinstance(value, list) else [value]
        return "、".join(options.get(str(v), str(v)) for v in values)
    if isinstance(value, float):
        return str(round(value))  # 一万来块 a year is about 833 a month, not 833.33
    return str(value)


def phrase_of(
    session: Session,
    bank: QuestionBank,
    name: str,
    key: str,
    value: Any,
    called: dict[int, str] | None = None,
) -> str | None:
    """How a fact reads back: "老伴得了重病", "家里没有车", "存款约2000元"; `called` names
    members otherwise than the questions do (those the speaker asks for: "您姐姐")."""
    by_value = prompts.FACT_PHRASES_BY_VALUE.get(name, {}).get(str(value))
    template = by_value or prompts.FACT_PHRASES.get(name)
    if template is None or value is None:
        return None
    if value == 0 and not isinstance(value, bool) and name in prompts.FACT_PHRASES_NONE:
        return prompts.FACT_PHRASES_NONE[name]
    if isinstance(template, tuple):  # (said when true, said when false), "{who}" filled in
        template = (
            template[0] if (len(value) > 0 if isinstance(value, list) else value) else template[1]
        )
    parts = key.split(".")
    person = ""
    if parts[0] == "members":
        index = int(parts[1])
        person = (called or {}).get(index) or member_called(session, index)
        if name in _TELLING_APART and person == told_apart(session.household, index):
            person = one_of_them(session.household, index)  # not "上初中的孩子在上初中"
    if name == "assets.houses" and isinstance(value, list):
        value = len(value)
    return template.format(who=person, value=_value_label(session, bank, name, value))


def phrases(
    session: Session,
    bank: QuestionBank,
    stored: list[Stored],
    called: dict[int, str] | None = None,
) -> list[str]:
    """One short phrase per stored fact, in the order they were said ("您老伴得了肾病类重病"
    says the illness once, with its kind); `called` as in phrase_of."""
    out: list[str] = []
    keys = {item.key for item in stored}
    for item in sorted(stored, key=lambda s: s.fact.start):
        if any(item.key.replace(yes, said) in keys - {item.key} for yes, said in _SAID_WITH):
            continue
        shown = (
            item.fact.value if item.fact.name in _LISTS else get_fact(session.household, item.key)
        )
        phrase = phrase_of(session, bank, item.fact.name, item.key, shown, called)
        if phrase is not None and item.fact.name == "members.age" and item.fact.estimate:
            phrase += prompts.ESTIMATE_MARK
        if phrase is not None and phrase not in out:
            out.append(phrase)
    return out


def correct_facts(
    session: Session, bank: QuestionBank, reading: Reading, asked: int | None
) -> list[tuple[str, str]]:
    """A free-text correction ("刚才说错了，我们家没有车"): every fact it states that differs
    from the stored value replaces it, with a record so "go back" undoes it. Returns
    (new, old) phrases."""
    changes: list[tuple[str, str]] = []
    household = session.household
    for fact in reading.facts:
        key = _key_of(session, fact, asked)
        if key is None or fact.name in _LISTS:
            continue
        current = get_fact(household, key)
        new = apply.converted(fact.name, fact.value)
        if current is None or current == new:
            continue
        question = next((q for q in bank.questions if fact.name in q.fills), None)
        member = int(key.split(".")[1]) if key.startswith("members.") else None
        if question is None:
            continue
        old = phrase_of(session, bank, fact.name, key, current)
        record = apply.record_for(session, question.id, member, [key])
        try:
            set_fact(household, key, new)
        except (ValidationError, ValueError):
            continue
        session.history.append(record)
        now = phrase_of(session, bank, fact.name, key, get_fact(household, key))
        if old and now:
            changes.append((now, old))
    return changes


# relations no minor can have: a slot of a known age under 18 is somebody else
_ADULTS_ONLY = frozenset({"spouse", "parent", "grandparent"})


def _a_minor(member: Member) -> bool:
    return member.age is not None and member.age < ADULT_AGE


def _new_member(session: Session, relation: str, all_named: bool) -> int:
    """A member of `relation`: an open slot of a listed household, else one more member. The
    opening's child (dialogue.children) is the slot of a relation a child can have, and of
    no other ("我老公…带着三岁的娃", then "我、我老公、孩子": the husband is not the child)."""
    household = session.household
    slots: list[int] = []
    if all_named:
        slots = [i for i, m in enumerate(household.members) if i > 0 and m.relation is None]
        child = opening_child(session)
        if child is not None:
            slots = [child] if relation in CHILD_RELATIONS else [i for i in slots if i != child]
        if relation in _ADULTS_ONLY:  # "大的十岁" is not the husband listed after them
            slots = [i for i in slots if not _a_minor(household.members[i])]
    if slots:
        household.members[slots[0]].relation = relation  # type: ignore[assignment]
        return slots[0]
    household.members = [*household.members, Member(relation=relation)]
    return len(household.members) - 1


def _in_turn(session: Session, reading: Reading) -> dict[int, str]:
    """ "两个女儿一个上高三一个上初二": as many facts of one kind about a relation as there are
    members of it, said in turn, go to them in turn (otherwise which one is unsaid)."""
    said: dict[tuple[str, str], list[Fact]] = {}
    for fact in reading.facts:
        if fact.name.startswith("members.") and fact.who and fact.who not in session.persons:
            said.setdefault((fact.name, fact.who), []).append(fact)
    keys: dict[int, str] = {}
    counted = {m.count for m in reading.members() if m.relation == CHILD}
    for (name, said_of), facts in said.items():
        relation = said_of.partition("#")[0]
        if len(facts) < 2 or relation == SELF:
            continue
        # "俩孩子，大的上初中小的上小学": the children, of unsaid sex, as many as counted
        if relation == CHILD and len(facts) not in counted:
            continue
        members = members_named(session.household, relation)
        if len(members) == len(facts):
            ordered = sorted(facts, key=lambda f: f.start)
            keys.update((id(f), member_key(name, i)) for f, i in zip(ordered, members, strict=True))
    return keys


def _key_of(session: Session, fact: Fact, asked: int | None) -> str | None:
    if not fact.name.startswith("members."):
        return fact.name
    index = _member_index(session, fact, asked)
    if index is None or index >= len(session.household.members):
        return None
    return member_key(fact.name, index)


def keep_those_listed(session: Session, text: str, size: int) -> None:
    """A size answer that lists who lives together ("就我跟老汉两个，儿子结婚另过了") when the
    opening named more people: those listed come first, so the size keeps them and drops the
    ones who live elsewhere (not the last named). Unchanged unless the list accounts for exactly
    `size` members."""
    members = session.household.members
    if size >= len(members):
        return
    listed = without_people_elsewhere(spaces_as_commas(text))
    named = {m.id for m in match_relations(listed)}
    if not named:
        return
    kept = [m for i, m in enumerate(members) if i == 0 or m.relation in named]
    if len(kept) != size:
        return
    session.household.members = kept + [m for m in members if all(m is not k for k in kept)]
