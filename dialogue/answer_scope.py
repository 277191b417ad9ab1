"""The part of an answer that states the pending question's fact: without the clauses about
another money or property topic, a debt, money paid out, a rented house, an age compared, or a
supposition ("要是儿子寄钱能有两千"). A `Doubt` when the number said is one of those and nothing
else answers; None when nothing is left to read."""

from __future__ import annotations

import re

from dialogue.answer_topics import is_money_or_property, own_clauses
from dialogue.doubts import Doubt, without_age_reached, without_relative_age
from dialogue.questions import Question
from nlu.amount_clauses import savings_now, without_costs, without_debts
from nlu.answers import find_yes_no
from nlu.clauses import (
    clauses,
    owned_clauses,
    supposed_clauses,
    without_other_members,
    without_other_subjects,
    without_speaker,
)
from nlu.lexicon import match_relations
from nlu.numbers import parse_amount
from nlu.numerals import NUMERAL_RE

_NUMBERS = ("amount", "count", "number", "age")


def stated_part(
    question: Question, text: str, of_another: bool = False, asked: str | None = None
) -> str | Doubt | None:
    """`of_another`: the member asked about is not the speaker, so a clause the speaker says of
    themself ("她没有，我有退休金两千") is not about them. `asked`: the relation of the member
    asked about: an amount in a clause about another member ("她没收入，儿子一个月四千") is not
    theirs."""
    if of_another and question.is_member:
        text = without_speaker(text)
    if asked is not None and question.is_member and question.answer == "amount":
        text = without_other_members(text, asked)
    if asked is not None and question.is_member and question.answer == "choice":
        text = without_other_subjects(text, asked)  # "我还行，老伴不行": the speaker's own
    stated, supposed = supposed_clauses(text, keep_consequence=question.answer == "yes_no")
    if supposed and question.answer in _NUMBERS and NUMERAL_RE.search(supposed):
        return Doubt("supposed", field=question.summary_label)  # what would be, not what is
    if supposed:
        text = stated  # else as said: "高血压算不算？" keeps its question mark
    if not text.strip():
        return None
    if not question.is_member and question.all_members is None:
        text = households_own(text)  # "俺哥一个月挣好几千，俺们家就靠低保四百多": ours
    if question.fills[0].startswith("assets.") or question.fills == ["already_receives"]:
        ours = not_of_kins_homes(text)  # "俺闺女家吃低保，俺们家没有": hers, not ours
        if ours is None:
            return None  # "俺闺女家有车": and the household's own?
        text = ours
    if is_money_or_property(question):
        own = own_clauses(question, text)
        if own is None:
            return None  # "没有车子" to 几套房: about something else (read as that fact)
        text = own
    if question.answer == "amount":
        text = without_age_reached(text)  # "她还没到六十，没领": no pension, not 60
    if question.answer == "amount" and not question.fills[0].startswith("expenses_12m."):
        kept = without_debts(text)  # "欠了五万外债" to 存款: a debt, not savings or income
        if kept is None:
            return Doubt("debt_not_amount", field=question.summary_label)
        paid = without_costs(kept)  # "电费一百多都交不起" to 收入: paid out, not earned
        if paid is None:
            return Doubt("cost_not_amount", field=question.summary_label)
        text = paid
    if question.fills == ["assets.deposits"]:
        now = savings_now(text)  # "有两万来块，花了点，还剩一万七八": what is left
        if now is None:
            return Doubt("cost_not_amount", field=question.summary_label)
        text = now
    if question.fills == ["assets.houses"]:
        owned = owned_clauses(text)  # "租的两间房": not owned, so not counted
        if owned is None:
            return Doubt("rented_not_owned")
        text = owned
    if question.answer == "age":
        text = without_relative_age(text)  # "六十三，比我小五岁": the age said, not the gap
    return text


# the household as the subject ("俺们家", "我们", "咱家"), not the couple ("我们老两口", "俺俩")
_HOUSEHOLD = re.compile(
    r"^(?:就|那|可|但|但是|可是|反正)?(?:俺|我|咱|额)(?:们家?|家)(?!老两口|俩|两个|两口)"
)


def households_own(text: str) -> str:
    """ "俺哥一个月挣好几千，俺们家就靠低保四百多", "俺娘吃的五保，俺们啥也么有": a clause
    with the household as its subject that says an amount or a yes/no is the answer; the clauses
    about a relative set against it are theirs (whether or not they live here), and left out."""
    parts = clauses(text)
    ours = [
        _HOUSEHOLD.match(c.strip()) is not None
        and (
            NUMERAL_RE.search(c) is not None
            or find_yes_no(c) is not None
            or parse_amount(c) is not None  # "俺们没花啥": none
        )
        for c in parts
    ]
    if not any(ours):
        return text
    theirs = [
        not own and any(m.id != "self" for m in match_relations(c))
        for c, own in zip(parts, ours, strict=True)
    ]
    if not any(theirs):
        return text
    return "，".join(c for c, other in zip(parts, theirs, strict=True) if not other)


# a relative's own household: "俺闺女家", "我哥家", "亲戚家"
_KINS_HOME = re.compile(
    r"(?:闺女|女儿|姑娘|儿子|亲戚|哥|姐|弟|妹|兄弟|娘家|婆家|丈人|叔|舅|姨|侄子?|邻居|隔壁)家"
)


def not_of_kins_homes(text: str) -> str | None:
    """The clauses not about a relative's household; None when all are ("俺闺女家有车": what
    the household itself has is not said)."""
    kept = [c for c in clauses(text) if not _KINS_HOME.search(c)]
    return "，".join(kept) if kept else None


_NOT_THEM = re.compile(r"^(?:不是|不对[，,]?不是)")
_JUST_ME = re.compile(r"(?:我|俺|额|咱)(?:自己|本人)?")


def not_them(text: str, asked: str) -> bool:
    """ "不是我老伴，我说的是我儿子…": the answer first says it is not about the member asked
    (relation `asked`), then names another: it tells that one's fact, not theirs."""
    parts = clauses(text)
    denied = _NOT_THEM.match(parts[0].strip()) if len(parts) > 1 else None
    if denied is None:
        return False
    who = parts[0].strip()[denied.end() :]  # match_relations leaves out a relation denied
    named = {m.id for m in match_relations(who)}
    if asked not in named and not (asked == "self" and _JUST_ME.fullmatch(who)):
        return False
    return any(m.id not in ("self", asked) for c in parts[1:] for m in match_relations(c))
