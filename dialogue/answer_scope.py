"""The part of an answer that states the pending question's fact: without the clauses about
another money or property topic, a debt, money paid out, a rented house, an age compared, or a
supposition ("要是儿子寄钱能有两千"). A `Doubt` when the number said is one of those and nothing
else answers; None when nothing is left to read."""

from __future__ import annotations

from dialogue.answer_topics import is_money_or_property, own_clauses
from dialogue.doubts import Doubt, without_age_reached, without_relative_age
from dialogue.questions import Question
from nlu.amount_clauses import savings_now, without_costs, without_debts
from nlu.clauses import owned_clauses, supposed_clauses, without_other_members, without_speaker
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
    stated, supposed = supposed_clauses(text, keep_consequence=question.answer == "yes_no")
    if supposed and question.answer in _NUMBERS and NUMERAL_RE.search(supposed):
        return Doubt("supposed", field=question.summary_label)  # what would be, not what is
    if supposed:
        text = stated  # else as said: "高血压算不算？" keeps its question mark
    if not text.strip():
        return None
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
