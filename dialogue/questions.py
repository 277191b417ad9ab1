"""The question bank (dialogue/data/questions.yml), loaded once and strictly."""

from __future__ import annotations

import re
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from guides.enums import enumerations
from guides.household import ADULT_AGE, Household, Member
from guides.sources import SourceRef
from guides.yamlio import load_model

DATA = Path(__file__).parent / "data" / "questions.yml"

Group = Literal[
    "household",
    "member",
    "member_detail",
    "income",
    "assets",
    "housing",
    "expenses",
    "situations",
    "other",
]
GROUP_TITLES: dict[str, str] = {
    "household": "家庭情况",
    "member": "家庭成员",
    "member_detail": "家庭成员",
    "income": "收入",
    "assets": "财产",
    "housing": "住房",
    "expenses": "支出",
    "situations": "特殊困难",
    "other": "其他",
}
AnswerType = Literal[
    "count",
    "number",
    "amount",
    "yes_no",
    "choice",
    "multi_choice",
    "age",
    "ages",  # several members' ages in one answer ("我45，老伴43，儿子15")
    "relation",
    "items",
    "place",
]
CONSENT_ID = "consent"
MEMBER_MORE_ID = "member_more"
FILLING_KEPT = 2048  # sets of missing facts remembered by filling_any

# How a question names the member it is about (the applicant is "您").
RELATION_WORDS: dict[str, str] = {
    "self": "您",
    "spouse": "您老伴",
    "son": "您儿子",
    "daughter": "您女儿",
    "child": "您孩子",
    "grandchild": "您孙辈的孩子",
    "parent": "您家老人",
    "grandparent": "您家老人",
    "sibling": "您的兄弟姐妹",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class When(_Strict):
    """A condition on a fact: "member.x" is a fact of the member being asked about."""

    fact: str
    equals: Any = None
    at_least: float | None = None
    at_most: float | None = None
    not_in: list[Any] = Field(default_factory=list)  # the question does not fit these values
    known: bool = False  # a follow-up: asked only once the fact is known

    def holds(self, household: Household, member: Member | None) -> bool:
        """Unknown facts do not exclude a question (it may still be needed), unless it is a
        follow-up of that fact (`known`)."""
        if self.fact.startswith("member."):
            value = getattr(member, self.fact.removeprefix("member.")) if member else None
        else:
            value = household
            for part in self.fact.split("."):
                value = getattr(value, part, None)
        if value is None:
            return not self.known
        if self.equals is not None and value != self.equals:
            return False
        if value in self.not_in:
            return False
        if self.at_least is not None and value < self.at_least:
            return False
        return not (self.at_most is not None and value > self.at_most)


class Question(_Strict):
    id: str
    group: Group
    text: str
    reask: str
    fills: list[str] = Field(min_length=1)
    answer: AnswerType
    choices_from: str | None = None
    choices: dict[str, str] = Field(default_factory=dict)
    synonyms: dict[str, list[str]] = Field(default_factory=dict)
    min: float | None = None
    max: float | None = None
    when: list[When] = Field(default_factory=list)
    needs_consent: bool = False
    # Asked once for the whole household: {"no": value} sets every member's fact on a "no".
    all_members: dict[str, Any] | None = None
    # A household-wide question is asked while at least this many members' facts are open
    # ("家里每个人多大岁数" for two ages or more; one age left is asked of that member).
    min_open_members: int = 1
    keywords: list[str] = Field(default_factory=list)
    # For a question of two facts: the words that name each. A "no" naming only some of them
    # settles only those ("都不找工作" says nothing of training).
    fill_words: dict[str, list[str]] = Field(default_factory=dict)
    summary_label: str
    # The question as put about a child (under ADULT_AGE): a child's supporters are parents.
    minor_text: str | None = None
    minor_reask: str | None = None  # the re-ask of minor_text ("爸爸妈妈还在吗" is no 有/没有)
    # The question as put about the applicant's spouse, whose 配偶 is the applicant (screening
    # has weighed them already): only the others are asked about, never "有没有配偶".
    spouse_text: str | None = None
    # Filled only for the application form (申请表 fields), never read by screening: the policy
    # never asks it for screening (tests/dialogue/test_questions.py checks both ways).
    form_field: bool = False
    # A yes that also says, in the next question's own words, the "no" of that question
    # ("有个儿，他自己还吃低保，管不了" to 有没有赡养人: there is a son, and he cannot support):
    # that question's id; it is then answered too, not asked.
    also_answers: str | None = None
    # A yes/no question of whether there is someone or something (家里有小汽车吗, 有没有赡养人):
    # "有"/"没有" answer it; to any other question "有个三轮车" owns a thing, "别的没有" lists
    # nothing else, and "不能" answers whether someone can, not whether there is.
    asks_whether_there_is: bool = False

    @property
    def is_member(self) -> bool:
        return self.group in ("member", "member_detail") and self.all_members is None

    def options(self) -> dict[str, str]:
        """choice id -> Chinese label (from the shared enumerations where named)."""
        if self.choices_from:
            return dict(enumerations().get(self.choices_from).values)
        if self.answer == "yes_no":
            return {"yes": "是", "no": "不是"}
        return dict(self.choices)

    def applies(self, household: Household, member: Member | None = None) -> bool:
        return all(w.holds(household, member) for w in self.when)

    @model_validator(mode="after")
    def _consistent(self) -> Question:
        if self.answer in ("choice", "multi_choice") and not self.options():
            raise ValueError(f"question {self.id}: a choice needs choices or choices_from")
        member_fills = [f.startswith("members.") for f in self.fills]
        member_like = self.is_member or self.all_members is not None
        if member_like != all(member_fills) or any(member_fills) != all(member_fills):
            raise ValueError(f"question {self.id}: member questions fill members.* only")
        if self.asks_whether_there_is and self.answer != "yes_no":
            raise ValueError(f"question {self.id}: asks_whether_there_is needs a yes_no answer")
        unknown = set(self.synonyms) - set(self.options())
        if unknown:
            raise ValueError(f"question {self.id}: synonyms for unknown choices {unknown}")
        return self


class Consent(_Strict):
    text: str
    refused: str
    unsure: str  # to "不知道"/"说不好": what consenting means now, once; then on without it
    source: SourceRef
    also: SourceRef | None = None


class MemberMore(_Strict):
    id: str
    text: str
    reask: str


class QuestionBank(_Strict):
    consent: Consent
    member_more: MemberMore
    department_facts: list[str] = Field(default_factory=list)
    aliases: dict[str, str] = Field(default_factory=dict)
    questions: list[Question]

    @model_validator(mode="after")
    def _unique(self) -> QuestionBank:
        ids = [q.id for q in self.questions]
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes or {CONSENT_ID, MEMBER_MORE_ID} & set(ids):
            raise ValueError(f"duplicate or reserved question ids: {dupes}")
        for question in self.questions:
            for fact in question.fills:
                _check_path(question.id, fact)
        for lookup in (
            "by_id",
            "by_fill",
            "filling",
            "consent_gated",
        ):  # of the questions as they are now
            self.__dict__.pop(lookup, None)
        return self

    # Looked up many times a turn (question choice): cached properties, read as plain
    # attributes (a PrivateAttr is read through BaseModel.__getattr__, 2 us a time).
    @cached_property
    def by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    @cached_property
    def by_fill(self) -> dict[str, tuple[int, ...]]:
        """The bank positions of the questions filling each fact."""
        positions: dict[str, list[int]] = {}
        for position, question in enumerate(self.questions):
            for fact in question.fills:
                positions.setdefault(fact, []).append(position)
        return {fact: tuple(found) for fact, found in positions.items()}

    @cached_property
    def consent_gated(self) -> frozenset[str]:
        """The facts only asked once the consent is given (money and property)."""
        return frozenset(f for q in self.questions if q.needs_consent for f in q.fills)

    @cached_property
    def filling(self) -> dict[frozenset[str], tuple[Question, ...]]:
        """What filling_any worked out, by set of facts."""
        return {}

    def get(self, question_id: str) -> Question:
        try:
            return self.by_id[question_id]
        except KeyError:
            raise KeyError(question_id) from None

    def filling_any(self, names: set[str]) -> list[Question]:
        """The questions that fill any of these facts, in the bank's (natural) order. Turn
        after turn the same sets of missing facts come back: each is worked out once."""
        key = frozenset(names)
        filling = self.filling
        found = filling.get(key)
        if found is None:
            positions = {p for name in key for p in self.by_fill.get(name, ())}
            found = tuple(self.questions[p] for p in sorted(positions))
            if len(filling) > FILLING_KEPT:
                filling.clear()
            filling[key] = found
        return list(found)

    def for_fact(self, name: str) -> list[Question]:
        """Questions that fill a fact name (screening's "members.age", "assets.deposits"), in
        the bank's order: looked up in `by_fill`, not by reading every question's fills (a
        result names the open facts of every item left open)."""
        return [self.questions[p] for p in dict.fromkeys(self.by_fill.get(name, ()))]

    @property
    def askable_facts(self) -> set[str]:
        filled = {f for q in self.questions for f in q.fills}
        return filled | {alias for alias, fact in self.aliases.items() if fact in filled}


def _check_path(question_id: str, path: str) -> None:
    model: type[BaseModel] | None = Household
    for part in path.split("."):
        if model is None or part not in model.model_fields:
            raise ValueError(f"question {question_id}: {path} is not a household fact")
        if part == "members":
            model = Member
            continue
        annotation = model.model_fields[part].annotation
        # Narrowed inline: newer pydantic types `annotation` as a TypeForm, not a type.
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            model = annotation
        else:
            model = None


# at school before 高中, or not yet at school: a child, whose age may not have been said
_CHILD_STAGES = frozenset({"preschool", "primary", "junior_high"})


def who(household: Household, index: int) -> str:
    """How a question names a member: 您 / 您老伴 / 第3位家人."""
    member = household.members[index] if index < len(household.members) else None
    relation = member.relation if member else None
    if index == 0 and relation in (None, "self"):
        return "您"
    same = [m for m in household.members if m.relation == relation]
    if relation in RELATION_WORDS and len(same) == 1:
        return RELATION_WORDS[relation]
    return told_apart(household, index) or f"第{index + 1}位家人"


# what a member is called beside others of the same kind ("您家上初中的孩子")
_NOUNS = {
    "son": "儿子", "daughter": "女儿", "child": "孩子", "grandchild": "孙辈孩子",
    "parent": "老人", "grandparent": "老人", "sibling": "兄弟姐妹",
}  # fmt: skip


# a member's relation as the citizen says it (the form's 子/婿, 女/媳 are the office's words)
_RELATION_NAMES = {
    "self": "本人", "spouse": "老伴", "son": "儿子", "daughter": "女儿", "child": "孩子",
    "grandchild": "孙辈孩子", "parent": "父母", "grandparent": "祖父母", "sibling": "兄弟姐妹",
    "other": "其他亲属",
}  # fmt: skip
_IN_LAW_NAMES = {"son": "女婿", "daughter": "儿媳", "parent": "公婆或岳父母"}


def relation_name(member: Member) -> str | None:
    """ "儿子", "儿媳": the member's relation in the citizen's words (None: not said)."""
    if member.relation is None:
        return None
    if member.in_law and member.relation in _IN_LAW_NAMES:
        return _IN_LAW_NAMES[member.relation]
    return _RELATION_NAMES[member.relation]


def _noun(member: Member) -> str | None:
    """The member's kind; a child whose relation is still to be asked is one at school."""
    if member.relation is None and member.school_stage not in (None, "none"):
        return "孩子"
    return _NOUNS.get(member.relation or "")


def one_of_them(household: Household, index: int) -> str:
    """ "一个孙辈孩子": a member read back by the very fact that tells them apart; "您孩子"
    when no other member is of their kind."""
    noun = _noun(household.members[index]) or "家人"
    alike = [i for i, m in enumerate(household.members) if i != index and _noun(m) == noun]
    return f"一个{noun}" if alike else f"您{noun}"


def told_apart(household: Household, index: int) -> str | None:
    """A member among others called alike, named by the school stage or the age no other of
    them has ("大的上初中小的上小学": 您家上初中的孩子, 您家上小学的孩子); None when nothing
    said tells them apart (then 第N位家人)."""
    member = household.members[index]
    noun = _noun(member)
    alike = [m for i, m in enumerate(household.members) if i != index and _noun(m) == noun]
    if noun is None or (not alike and member.relation is not None):
        return None  # alone of its kind: the relation's own word names it
    stage = member.school_stage
    if stage not in (None, "none", "preschool") and all(m.school_stage != stage for m in alike):
        label = question_bank().get("member_school_stage").options()[stage]
        return f"您家上{re.split('[（/]', label)[0]}的{noun}"  # 大学（专科或本科） -> 大学
    if member.age is not None and all(m.age != member.age for m in alike):
        return f"您家{member.age}岁的{noun}"
    return None


def wording(
    question: Question, household: Household, member: int | None, called: str | None = None
) -> str:
    """The question as put; `called` names the member (dialogue.naming), else who()."""
    if member is None:
        return question.text
    person = household.members[member] if member < len(household.members) else None
    minor = _asked_of_a_minor(household, member)
    text = question.minor_text if minor and question.minor_text else question.text
    if not minor and person is not None and person.relation == "spouse" and question.spouse_text:
        text = question.spouse_text
    return text.format(who=called or who(household, member), n=member + 1)


def reask_wording(question: Question, household: Household, member: int | None) -> str:
    """The re-ask that fits the question as it was put (to a child's, of the parents)."""
    if question.minor_reask and _asked_of_a_minor(household, member):
        return question.minor_reask
    return question.reask


def _asked_of_a_minor(household: Household, member: int | None) -> bool:
    person = (
        household.members[member]
        if member is not None and member < len(household.members)
        else None
    )
    if person is None:
        return False
    if person.age is not None:
        return person.age < ADULT_AGE
    return person.school_stage in _CHILD_STAGES


@cache
def question_bank(path: Path = DATA) -> QuestionBank:
    return load_model(path, QuestionBank)
