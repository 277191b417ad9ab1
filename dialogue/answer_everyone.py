"""A household-wide question answered for the members named and for everyone else at once
("孙子有，一级的，别人都没有"; "老伴尿毒症，别的都没啥病"): yes for those named, no for the rest."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dialogue.answer_values import Value
from dialogue.doubts import Doubt, said_grade
from dialogue.questions import Question
from nlu.answers import find_yes_no
from nlu.facts import disability_kind_said, read_facts
from nlu.lexicon import match_relations
from nlu.mentions import clause_at

# "别人都没有", "其他人都没得", "别的都没啥病": everyone else, not everyone
_OTHERS = r"(?:别人|别的人|旁人|其他人|其他的|其余的|剩下的|别的)(?:都|也|倒|就)*"
_OTHERS_NONE = re.compile(rf"{_OTHERS}(?:没|木|不|无)")
_OTHERS_SAID = re.compile(rf"{_OTHERS}(?P<said>[^，,。；;！!？?]+)")


def _others_none(question: Question, text: str) -> re.Match[str] | None:
    """Where "everyone else has not" is said: with a negation, or with the question's own no
    words ("别人都好着呢" to 有没有重病)."""
    found = _OTHERS_NONE.search(text)
    if found is not None:
        return found
    for said in _OTHERS_SAID.finditer(text):
        if any(word in said.group("said") for word in question.synonyms.get("no", [])):
            return said
    return None


Parse = Callable[[Question, str, dt.date], Value | Doubt | None]


def everyone_else_none(question: Question, text: str, today: dt.date, parse: Parse) -> Value | None:
    """What is said besides "everyone else has not" answers for the members named (`parse`
    reads it): a yes there is theirs (`Value.others_no`: the rest get the no), a no there is
    everyone's. None when no "everyone else" is said or nobody is named."""
    found = _others_none(question, text)
    if found is None:
        return None
    lo, hi = clause_at(text, found.start())
    rest = (text[:lo] + text[hi:]).strip("，,。；; ")
    if not rest or (not any(m.id != "self" for m in match_relations(rest)) and "我" not in rest):
        return None  # nobody named: "别人都没有" alone is not an answer about anyone
    said = parse(question, rest, today)
    if isinstance(said, Doubt):
        return None
    no = find_yes_no(rest)
    if (isinstance(said, Value) and said.value is False) or (said is None and no and not no.value):
        return Value(False)  # "孙子也没有，别人都没有": no one
    extra = disability_details(rest) if question.fills == ["members.has_disability"] else {}
    if said is None and not extra and not states_its_fact(question, rest, today):
        return None  # "我腰椎间盘突出，别的没啥": what is named is no yes to the question
    return Value(True, extra=extra, others_no=True)


def states_its_fact(question: Question, text: str, today: dt.date) -> bool:
    """Someone's yes to the question's own fact is read in the text ("老伴尿毒症")."""
    facts = read_facts(text, today).facts
    return any(f.name in question.fills and f.value not in (False, None, "none") for f in facts)


def disability_details(text: str) -> dict[str, object]:
    """The grade and kind said with a yes to 有残疾证吗 (a grade out of range is a Doubt)."""
    details: dict[str, object] = {}
    grade = said_grade(text)
    if grade is not None:
        details["disability_grade"] = int(grade)
    kind = disability_kind_said(text)
    if kind is not None:
        details["disability_kind"] = kind
    return details
