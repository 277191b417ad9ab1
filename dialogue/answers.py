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
from typing import Any, Final

from dialogue.questions import Question
from guides.ids import RegionId
from guides.places import places
from nlu.answers import is_dont_know, parse_choice, parse_yes_no
from nlu.dates import parse_age
from nlu.idcard import ID_RE, parse_id_number
from nlu.lexicon import find_items, parse_relation
from nlu.numbers import monthly_amount, parse_amount, parse_count
from nlu.numerals import NUMERAL_RE, parse_number

YES_NO = {"yes": "是", "no": "不是"}
MONTHLY_FACTS = {"monthly_income_total", "members.monthly_income"}
_CLAUSES = re.compile(r"[，,、；;。和及与还有]+")


@dataclass(frozen=True)
class Value:
    value: Any
    is_estimate: bool = False
    extra: dict[str, Any] = field(default_factory=dict)  # more member facts (birth_date, sex)


@dataclass(frozen=True)
class Doubt:
    """An answer too doubtful to store: `kind` names the question back (prompts.yml doubts)."""

    kind: str
    number: str = ""


class _DontKnow:
    def __repr__(self) -> str:
        return "DONT_KNOW"


DONT_KNOW: Final = _DontKnow()
Answer = Value | _DontKnow


_NUMBER = r"(?:\d+(?:\.\d+)?|[零一二两三四五六七八九十百千]+)"
_AGE_SAID = re.compile(rf"(?P<n>{_NUMBER})(?:多)?(?:岁|周岁)")
_ROOMS = re.compile(rf"(?P<n>{_NUMBER})间")
_AREA = re.compile(r"平米|平方|平|㎡|m2", re.I)
_AREA_SAID = re.compile(rf"{_NUMBER}\s*(?:多|来)?\s*(?:平米|平方|平|㎡|m2)", re.I)
_NEGATIVE = re.compile(r"(?:^|[^\d\w])[-－−负]\s*(?:\d|[一二两三四五六七八九十])")
_RELATIVE_AGE = re.compile(r"比.{0,4}(?:大|小)")
_HOUSE_UNITS = re.compile(r"套|处|栋|所|座|个院")
_INCOME_SOURCE = re.compile(r"养老金|退休金|退休工资|低保金?|工资|打零?工|种地|补贴|儿女给|孩子给")
_NONE_OF = re.compile(r"(?:一|1)(?:套|处|个|辆)?(?:也|都)没")


def parse_answer(
    question: Question, text: str, today: dt.date, *, region: RegionId | None = None
) -> Answer | Doubt | None:
    text = text.strip()
    if not text:
        return None
    if question.answer == "place":
        return _place(text, region)
    doubt = _doubt(question, text, today)
    if doubt is not None:
        return doubt
    parsed = _parse(question, text, today)
    if parsed is not None:
        if _in_range(question, parsed):
            return parsed
        return _out_of_range(question, parsed)
    if is_dont_know(text):
        return DONT_KNOW
    return None


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


def _typed(choice_id: str) -> Any:
    return int(choice_id) if choice_id.isdigit() else choice_id


def _first_number(text: str) -> float | None:
    match = NUMERAL_RE.search(text)
    if match is None:
        return None
    number = parse_number(match.group())
    return None if number is None else float(number)


def _parse(question: Question, text: str, today: dt.date) -> Value | None:
    kind = question.answer
    if kind == "yes_no":
        yes = parse_yes_no(text)
        if yes is None and question.synonyms:  # "在/不在", "办了/没办", "想/不想"
            picked = parse_choice(text, YES_NO, question.synonyms)
            yes = None if picked is None else picked == "yes"
        return None if yes is None else Value(yes)
    if kind == "count":
        return _count(question, text)
    if kind == "number":
        number = _first_number(text)  # the area: "间" was asked back by _doubt
        return None if number is None else Value(number)
    if kind == "amount":
        return _amount(question, text)
    if kind == "age":
        return _age(text, today)
    if kind == "relation":
        relation = parse_relation(text)
        return None if relation is None else Value(relation)
    if kind == "choice":
        picked = parse_choice(text, question.options(), question.synonyms)
        return None if picked is None else Value(_typed(picked))
    if kind == "multi_choice":
        return _multi(question, text)
    if kind == "items":
        items = find_items(text)
        if items:
            return Value([str(i) for i in items])
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


def _doubt(question: Question, text: str, today: dt.date) -> Doubt | None:
    """The number said does not fit the question: ask back instead of storing it."""
    if question.answer in ("count", "number", "amount", "age") and _NEGATIVE.search(text):
        return Doubt("negative")
    fills = question.fills
    source = _INCOME_SOURCE.search(text)
    if (  # "就靠那点养老金": there is an income; how much?
        source
        and any(f in MONTHLY_FACTS for f in fills)
        and not NUMERAL_RE.search(text)
        and parse_yes_no(text) is not False
    ):
        return Doubt("how_much", source.group())
    if fills == ["size"] and parse_count(text) is None:
        age = _AGE_SAID.search(text)
        if age:
            return Doubt("age_not_size", age.group("n"))
        bare = _first_number(text) if NUMERAL_RE.fullmatch(text.strip("。. 个人口")) else None
        if bare is not None and not 1 <= bare <= 30:
            return Doubt("size_impossible", f"{bare:g}")
    if fills == ["assets.houses"] and not _HOUSE_UNITS.search(text):
        rooms = _ROOMS.search(text)
        if rooms:
            return Doubt("rooms_not_houses", rooms.group("n"))
        if _AREA.search(text):
            return Doubt("area_not_houses")
    if fills == ["housing.total_floor_area"] and not _AREA_SAID.search(text):
        rooms = _ROOMS.search(text)
        if rooms:
            return Doubt("rooms_not_area", rooms.group("n"))
    if question.answer == "age":
        if _RELATIVE_AGE.search(text):
            return Doubt("relative_age")
        card = ID_RE.search(text)
        if card and parse_id_number(card.group(), today) is None:
            return Doubt("id_checksum")
        said = _AGE_SAID.search(text)
        number = parse_number(said.group("n")) if said else None
        if number is not None and number > 120:
            return Doubt("age_impossible", f"{number:g}")
    return None


def _out_of_range(question: Question, parsed: Value) -> Doubt | None:
    if question.fills == ["size"]:
        return Doubt("size_impossible", f"{parsed.value:g}")
    if question.fills == ["members.disability_grade"]:
        return Doubt("grade_impossible")
    return None


def _count(question: Question, text: str) -> Value | None:
    if question.fills == ["size"]:
        count = parse_count(text)  # a bare number counts; "29岁" does not
    elif _NONE_OF.search(text):
        count = 0  # "一套也没有"
    else:
        number = _first_number(text)
        count = int(number) if number is not None and number == int(number) else None
    if count is None and parse_yes_no(text) is False and (question.min or 0) == 0:
        count = 0
    return None if count is None else Value(count)


def _amount(question: Question, text: str) -> Value | None:
    monthly = any(f in MONTHLY_FACTS for f in question.fills)
    amount = monthly_amount(text) if monthly else parse_amount(text)
    if amount is None:
        return Value(0.0) if parse_yes_no(text) is False else None
    return Value(float(amount.value), is_estimate=amount.is_estimate)


def _age(text: str, today: dt.date) -> Value | None:
    card = parse_id_number(text, today)
    if card is not None:
        return Value(card.age(today), extra={"birth_date": card.birth_date, "sex": card.sex})
    age = parse_age(text, today)
    return None if age is None else Value(age)


def _multi(question: Question, text: str) -> Value | None:
    options, synonyms = question.options(), question.synonyms
    picked: list[str] = []
    for clause in (c for c in _CLAUSES.split(text) if c):
        choice = parse_choice(clause, options, synonyms)
        if choice is not None and choice not in picked:
            picked.append(choice)
    if picked:
        return Value(picked)
    return Value([]) if parse_yes_no(text) is False else None


def _in_range(question: Question, parsed: Value) -> bool:
    value = parsed.value
    if not isinstance(value, int | float) or isinstance(value, bool):
        return True
    if question.min is not None and value < question.min:
        return False
    return not (question.max is not None and value > question.max)
