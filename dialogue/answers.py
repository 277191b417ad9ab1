"""From an answer (text or a tapped choice) to the value of a question's fact.

The parsing itself is nlu's (numbers, dates, ID numbers, yes/no, choices, relations); this
module only picks the parser for the question's answer type and checks the range. It returns
`Value`, `DONT_KNOW` ("不知道/不清楚" is an answer), `Doubt` (a number that does not fit the
question — 29岁 to 几口人, 三间 to 几套房, a negative, 250岁 —: confirmed, never stored) or
None (not understood: re-ask).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Final

from dialogue.doubts import (
    HOUSE_UNITS,
    MONTHLY_FACTS,
    Doubt,
    find_doubt,
    first_number,
    negative_doubt,
    said_grade,
    without_relative_age,
)
from dialogue.questions import Question, question_bank
from guides.ids import RegionId
from guides.places import places
from nlu.answers import find_yes_no, is_dont_know, is_question, parse_choice, parse_yes_no
from nlu.clauses import (
    added_count,
    amounts_per_person,
    current_clauses,
    denied_choice,
    out_of_pocket,
    people_listed,
    still_received,
    varying_amount,
    without_debts,
)
from nlu.commands import corrected_part
from nlu.dates import parse_age
from nlu.idcard import parse_id_number
from nlu.lexicon import find_items, parse_relation
from nlu.numbers import monthly_amount, parse_amount, parse_count, to_monthly, to_yearly
from nlu.numerals import (
    NUMERAL,
    lowest_place,
    parse_number,
    parse_range,
)

# Doubt and negative_doubt live in dialogue.doubts; re-exported for the engine
__all__ = ["DONT_KNOW", "Answer", "Doubt", "Value", "negative_doubt", "parse_answer", "parse_tap"]

YES_NO = {"yes": "是", "no": "不是"}
_CLAUSES = re.compile(r"(?:[，,、；;。和及与]|还有)+")  # not 有 alone: "没有着火"


@dataclass(frozen=True)
class Value:
    value: Any
    is_estimate: bool = False
    extra: dict[str, Any] = field(default_factory=dict)  # more member facts (birth_date, sex)


class _DontKnow:
    def __repr__(self) -> str:
        return "DONT_KNOW"


DONT_KNOW: Final = _DontKnow()
Answer = Value | _DontKnow


_DENIES = re.compile(r"^(?:也|都|倒|可)?(?:没有|没|不是|不算|并没有)")
_HOUSES_SAID = re.compile(rf"(?P<n>{NUMERAL})(?:{HOUSE_UNITS.pattern})")
_LEFT_SCHOOL = re.compile(
    r"(?:毕业|毕了业|读完|念完|上完)\S{0,3}(?:不|没)(?:上|念|读)了?|辍学|退学了|毕业了"
)
_STILL_AT_SCHOOL = re.compile(r"(?:快|要|将|就|明年|今年)毕业了?")  # "大四，快毕业了"
_SPENT_ALL = re.compile(r"(?:花|用|折腾)(?:光|完|没)了")
_NONE_OF = re.compile(r"(?:一|1)(?:套|处|个|辆)?(?:也|都)没")


def parse_answer(
    question: Question, text: str, today: dt.date, *, region: RegionId | None = None
) -> Answer | Doubt | None:
    text = current_clauses(corrected_part(text.strip()))  # "不是两千，是一千二" -> 一千二
    if not text:
        return None
    if question.answer == "place":
        return _place(text, region)
    if _is_money_or_property(question):
        own = _own_clauses(question, text)
        if own is None:
            return None  # "没有车子" to 几套房: about something else (read as that fact)
        text = own
    if question.answer == "amount" and not question.fills[0].startswith("expenses_12m."):
        kept = without_debts(text)  # "欠了五万外债" to 存款: a debt, not savings or income
        if kept is None:
            return Doubt("debt_not_amount", field=question.summary_label)
        text = kept
    if question.answer == "age":
        text = without_relative_age(text)  # "六十三，比我小五岁": the age said, not the gap
    doubt = find_doubt(question, text, today)
    if doubt is not None:
        return doubt
    parsed = _parse(question, text, today)
    if isinstance(parsed, Value) and parsed.is_estimate and is_dont_know(text):
        return DONT_KNOW  # "好几万，具体记不清了": too vague to store as a number
    if question.answer == "yes_no" and parsed is not None and is_dont_know(text):
        return DONT_KNOW  # "不是危房吧，我也说不好": a guess, not an answer to store
    if parsed is not None:
        if _in_range(question, parsed):
            return parsed
        return _out_of_range(question, parsed)
    if is_dont_know(text):
        return DONT_KNOW
    return None


_SENTENCE_CLAUSES = re.compile(r"[，,；;。！!？?]+")
_MONEY_OR_PROPERTY = ("assets.", "monthly_income_total", "members.monthly_income", "expenses_12m.",
                      "housing.total_floor_area")  # fmt: skip


def _is_money_or_property(question: Question) -> bool:
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
        if _topic(other) != _topic(question) and _is_money_or_property(other)
        for word in other.keywords
    }
    return frozenset(w for w in words - own if not any(w in o or o in w for o in own))


def _own_clauses(question: Question, text: str) -> str | None:
    """The clauses about this question's fact: "存款没有，老伴每月养老金一千五" to 存款 is
    "存款没有". A clause naming another money or property topic belongs to that topic; an
    answer whose every clause does is not an answer to this question (None)."""
    clauses = [c for c in _SENTENCE_CLAUSES.split(text) if c.strip()]
    others = _other_topic_words(question)

    def mine(clause: str) -> bool:
        return any(word in clause for word in question.keywords)

    def elsewhere(clause: str) -> bool:
        return not mine(clause) and any(word in clause for word in others)

    kept = [c for c in clauses if not elsewhere(c)]
    if not kept:
        return None
    return "，".join(kept)


def parse_tap(question: Question, choice: str) -> Answer | None:
    """A tapped button: a choice id, "yes"/"no" or "dont_know"."""
    if choice == "dont_know":
        return DONT_KNOW
    if question.answer == "yes_no" and choice in ("yes", "no"):
        return Value(choice == "yes")
    options = question.options()
    if question.answer == "choice" and choice in options:
        return Value(_typed(choice))
    if question.answer == "multi_choice":
        picked = [c for c in choice.split(",") if c in options]
        if picked or choice == "none":
            return Value(picked)
    return None


_NEGATED = re.compile(r"(?:不|没|没有|不算|不是|并非|非)$")


def _synonym_yes_no(question: Question, text: str) -> tuple[bool | None, int, int] | None:
    """The question's own yes/no words ("在/不在", "危房/不是危房"); the longest wins, a yes
    word right after a negation ("不算危房") counts as no. None when there is none; a tie
    between yes and no ("有辆车，早报废了") is (None, -1, -1): asked again."""
    hits: list[tuple[int, bool, int]] = []  # (length, yes, start)
    for key, words in question.synonyms.items():
        for word in words:
            start = text.find(word)
            if start < 0:
                continue
            yes = key == "yes"
            if yes and _NEGATED.search(text[max(0, start - 2) : start]):
                yes = False
            hits.append((len(word), yes, start))
    if not hits:
        return None
    hits.sort(reverse=True)
    if len(hits) > 1 and hits[0][0] == hits[1][0] and hits[0][1] != hits[1][1]:
        return None, -1, -1
    length, yes, start = hits[0]
    return yes, start, start + length


_NEGATOR = re.compile(r"不|没|非|无")


def _states_the_subject(question: Question, text: str) -> bool | None:
    """ "村里说我们是监测户" to 是不是监测户: the question's own subject, said plainly, is a
    yes; with a negation before it in the same clause ("不是监测户", "没当过兵") a no."""
    for clause in _SENTENCE_CLAUSES.split(text):
        for word in question.keywords:
            at = clause.find(word)
            if len(word) >= 2 and at >= 0:
                return not _NEGATOR.search(clause[:at])
    return None


def _typed(choice_id: str) -> Any:
    return int(choice_id) if choice_id.isdigit() else choice_id


def _parse(question: Question, text: str, today: dt.date) -> Value | None:
    kind = question.answer
    if kind == "yes_no":
        if is_question(text):
            return None  # "有没有车都要说吗": asked back, not answered
        found, word = find_yes_no(text), _synonym_yes_no(question, text)
        if word is not None and word[0] is None:
            return None  # the question's own yes and no words both said
        generic = None if found is None else bool(found.value)
        specific = None if word is None else word[0]
        if generic is not None and specific is not None and generic != specific:
            assert found is not None and word is not None
            if not (word[1] <= found.start and found.end <= word[2]):
                return None  # "有个闺女…自己也困难": 有 says yes, the words say no; ask again
            generic = specific  # "好着呢" to 有没有重病: 好 is part of the question's own "好着"
        yes = specific if specific is not None else generic
        if yes is None and question.synonyms:  # "就是本县的": the 是 label inside the answer
            picked = parse_choice(text, YES_NO, question.synonyms)
            yes = None if picked is None else picked == "yes"
        if yes is None and question.all_members is None:
            yes = _states_the_subject(question, text)
        if yes and question.fills == ["members.has_disability"]:
            grade = said_grade(text)  # "有，二级": the grade with the yes (others: a Doubt)
            return Value(True, extra={} if grade is None else {"disability_grade": int(grade)})
        return None if yes is None else Value(yes)
    if kind == "count":
        return _count(question, text)
    if kind == "number":
        return _area(text)  # the only number question; "间", "套" were asked back by _doubt
    if kind == "amount":
        return _amount(question, text)
    if kind == "age":
        return _age(text, today)
    if kind == "relation":
        relation = parse_relation(text)
        return None if relation is None else Value(relation)
    if kind == "choice" and question.fills == ["members.school_stage"]:
        if _STILL_AT_SCHOOL.search(text):
            text = _STILL_AT_SCHOOL.sub("", text)  # about to finish: the stage is the answer
        elif _LEFT_SCHOOL.search(text):
            return Value("none")  # "初中毕业就不上了": the stage said is over
    if kind == "choice":
        picked = denied_choice(text, question.options(), question.synonyms) or parse_choice(
            text, question.options(), question.synonyms
        )
        return None if picked is None else Value(_typed(picked))
    if kind == "multi_choice":
        return _multi(question, text)
    if kind == "items":
        named = [str(i) for i in find_items(text)]
        if named:
            return Value(still_received(text, named))  # "吃过低保，后来取消了": none now
        return Value([]) if parse_yes_no(text) is False else None
    return None


def _place(text: str, region: RegionId | None) -> Answer | None:
    """A county/district (or a city without districts) of the region, by name: its code.
    A city with counties alone, or two places, is not enough: asked again."""
    if region is None:
        return None
    found = places().find(text, region)
    if len(found) == 1 and found[0].level == "county":
        return Value(found[0].code)
    if len(found) == 1 and not places().has_counties(found[0].code):
        return Value(found[0].code)
    return DONT_KNOW if is_dont_know(text) else None


def _out_of_range(question: Question, parsed: Value) -> Doubt | None:
    if question.fills == ["size"]:
        kind = "size_zero" if parsed.value == 0 else "size_impossible"
        return Doubt(kind, f"{parsed.value:g}")
    if question.fills == ["members.disability_grade"]:
        return Doubt("grade_impossible")
    return None


def _count(question: Question, text: str) -> Value | None:
    if question.fills == ["size"]:
        count = parse_count(text)  # a bare number counts; "29岁" does not
        if count is None:
            count = people_listed(text)  # "我跟老伴，还有俩孙子": 4
    elif _NONE_OF.search(text):
        count = 0  # "一套也没有"
    elif (added := added_count(text, HOUSE_UNITS)) is not None:
        count = added  # "城里一套，老家还有一套"
    else:  # the number said with a house unit: "两间瓦房一个院子" is one
        with_unit = _HOUSES_SAID.search(text) if question.fills == ["assets.houses"] else None
        number = parse_number(with_unit.group("n")) if with_unit else first_number(text)
        count = int(number) if number is not None and number == int(number) else None
    if count is None and parse_yes_no(text) is False and (question.min or 0) == 0:
        count = 0
    return None if count is None else Value(count)


def _amount(question: Question, text: str) -> Value | None:
    monthly = any(f in MONTHLY_FACTS for f in question.fills)
    amount = monthly_amount(text) if monthly else parse_amount(text)
    if question.fills == ["expenses_12m.medical"]:  # "花了三万，报销了一万五": 15000
        amount = out_of_pocket(text) or amount
    if amount is not None and question.fills[0].startswith("expenses_12m."):
        amount = to_yearly(amount)  # "每个月康复得五百": over the 12 months asked about
    if question.fills == ["monthly_income_total"]:  # "我一个月一千八，老伴一千二": the sum
        summed = amounts_per_person(text)
        amount = to_monthly(summed) if summed is not None else amount
    varying = varying_amount(text)  # "有时候五百有时候一千": 500..1000
    if varying is not None:
        amount = to_monthly(varying) if monthly else varying
    if amount is None and question.fills[0].startswith("assets.") and _SPENT_ALL.search(text):
        return Value(0.0)  # "存款？早花光了": none left
    if amount is None:
        return Value(0.0) if parse_yes_no(text) is False else None
    return Value(float(amount.value), is_estimate=amount.is_estimate)


_AREA_NUMBER = re.compile(
    rf"(?P<n>{NUMERAL})\s*(?P<more>多|来)?(?P<unit>\s*个?\s*(?:平米|平方|平|㎡|m2))?", re.I
)


def _area(text: str) -> Value | None:
    """The number said with the area unit ("两间房，四十来平" -> 40), else the first one;
    "七八十" is 70..80 and "八十多" 80..90, kept as an estimate at the midpoint."""
    found = list(_AREA_NUMBER.finditer(text))
    said = next((m for m in found if m.group("unit")), found[0] if found else None)
    bounds = None if said is None else parse_range(said.group("n"))
    if said is None or bounds is None:
        return None
    low, high = bounds
    if low == high and said.group("more") == "多":
        high = low + lowest_place(low)
    estimate = low != high or said.group("more") is not None
    return Value(float((low + high) / 2), is_estimate=estimate)


def _age(text: str, today: dt.date) -> Value | None:
    card = parse_id_number(text, today)
    if card is not None:
        return Value(card.age(today), extra={"birth_date": card.birth_date, "sex": card.sex})
    age = parse_age(text, today)
    return None if age is None else Value(age)


def _multi(question: Question, text: str) -> Value | None:
    options, synonyms = question.options(), question.synonyms
    picked: list[str] = []
    denied = False
    for clause in (c for c in _CLAUSES.split(text) if c):
        choice = parse_choice(clause, options, synonyms)
        if choice is not None and _DENIES.match(clause):
            denied = True  # "没有着火啥的，就是老伴病了": not a fire; what then? asked again
        elif choice is not None and choice not in picked:
            picked.append(choice)
    if picked:
        return Value(picked)
    return Value([]) if parse_yes_no(text) is False and not denied else None


def _in_range(question: Question, parsed: Value) -> bool:
    value = parsed.value
    if not isinstance(value, int | float) or isinstance(value, bool):
        return True
    if question.min is not None and value < question.min:
        return False
    return not (question.max is not None and value > question.max)
