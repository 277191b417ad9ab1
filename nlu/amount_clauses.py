"""Amounts read clause by clause: what each person gets added up ("我一个月一千八，老伴一千二"),
a debt or money paid out that is not the amount asked ("欠了三万", "电费一百多都交不起"), amounts
that vary ("有时候五百有时候一千") and what was paid after reimbursement ("花了三万，报销了一万五").
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from nlu.clauses import clauses, person_of
from nlu.numbers import Amount, find_amounts, to_monthly


def amounts_per_person(text: str, *, monthly: bool = False) -> Amount | None:
    """ "我一个月一千八，老伴一千二": clauses that each name a different person and one amount
    add up (3000). None unless there are two such clauses and every amount is in one. With
    `monthly`, each is a month's unless its own period is said, and is counted per month
    ("老伴养老金一百多，我打零工一个月六七百")."""
    parts = clauses(text)
    if len(parts) < 2:
        return None
    people: list[str] = []
    amounts: list[Amount] = []
    for clause in parts:
        found = [f.value for f in find_amounts(clause, answer=True)]
        if not found:
            continue
        person = person_of(clause)
        if len(found) != 1 or person is None or person in people:
            return None
        assert isinstance(found[0], Amount)
        people.append(person)
        amounts.append(found[0])
    if monthly:
        amounts = [to_monthly(a) if a.period else replace(a, period="month") for a in amounts]
    if len(amounts) < 2 or any(a.period not in (None, amounts[0].period) for a in amounts):
        return None
    return Amount(
        value=sum(a.value for a in amounts),
        low=sum(a.low for a in amounts),
        high=sum(a.high for a in amounts),
        is_estimate=any(a.is_estimate for a in amounts),
        period=amounts[0].period,
    )


_DEBT = re.compile(r"欠|外债|借了(?!给)|借的|借钱|借别人|借人家|借亲戚|贷款|贷了|债|还账|拉饥荒")


def without_debts(text: str) -> str | None:
    """The text without its clauses that give a debt ("存款一万，看病还欠了三万" -> "存款一万");
    None when nothing else is said ("欠了五万外债")."""
    parts = clauses(text)
    debts = [c for c in parts if _DEBT.search(c) and find_amounts(c, answer=True)]
    for before, clause in pairwise(parts):  # "有三万，不过是借别人的"
        if _DEBT.search(clause) and not find_amounts(clause, answer=True):
            debts += [before, clause] if find_amounts(before, answer=True) else []
    if not debts:
        return text
    kept = [c for c in parts if c not in debts]
    return "，".join(kept) if kept else None


# "电费一个月一百多都交不起", "看病花了两万": money paid out, not earned or saved
_COST = re.compile(
    r"(?:电|水|电话|话|暖气|取暖|燃气|煤气|物业|药|医药|住院|手术|学|学杂|书本|伙食|车)费"
    r"|(?:交|缴|付)(?:了|的)?\S{0,3}(?:房租|租金|生活费)|房贷|月供"
    r"|花(?:了|掉|去|销|费)|开销|开支|交不起|付不起|掏了"
)


def without_costs(text: str) -> str | None:
    """The text without its clauses that give money paid out ("电费一个月一百多都交不起",
    "看病花了两万"); None when nothing else is said."""
    parts = clauses(text)
    costs = [c for c in parts if _COST.search(c) and find_amounts(c, answer=True)]
    if not costs:
        return text
    kept = [c for c in parts if c not in costs]
    return "，".join(kept) if kept else None


_SOMETIMES = re.compile(r"有时候?|有的时候|多的时候|少的时候|好的时候|差的时候|忙的时候|闲的时候")


def varying_amount(text: str) -> Amount | None:
    """ "有时候五百有时候一千": the amounts said for different times, as one estimate from the
    lowest to the highest. None unless two such times are said, each with an amount."""
    times = list(_SOMETIMES.finditer(text))
    if len(times) < 2:
        return None
    found = [f.value for f in find_amounts(text, answer=True) if isinstance(f.value, Amount)]
    if len(found) < 2 or any(a.period not in (None, found[0].period) for a in found):
        return None
    low, high = min(a.low for a in found), max(a.high for a in found)
    return Amount((low + high) / 2, low, high, is_estimate=True, period=found[0].period)


_REIMBURSED = re.compile(r"报销|报了|能报|给报|报回|医保报|新农合报")
_OWN_SHARE = re.compile(
    r"自己(?:还|又|也)?(?:掏|出|花|付|拿|承担)|自付|自费|报(?:销)?(?:完|了)?(?:以后|之后|后)|报完"
)
_HALF = re.compile(r"一半")


def mentions_reimbursement(text: str) -> bool:
    return bool(_REIMBURSED.search(text)) and not _OWN_SHARE.search(text)


def out_of_pocket(text: str) -> Amount | None:
    """What was paid after reimbursement: "花了三万，报销了一万五" -> 15000, "一万多，报了一半"
    -> half of it, "自己掏了两千多" -> that. None when no reimbursement is said or it cannot be
    worked out ("报了一部分")."""
    parts = clauses(text)
    for clause in parts:
        own = [f.value for f in find_amounts(clause, answer=True)]
        if _OWN_SHARE.search(clause) and len(own) == 1 and isinstance(own[0], Amount):
            return own[0]
    if not _REIMBURSED.search(text):
        return None
    totals = [f.value for c in parts if not _REIMBURSED.search(c) for f in find_amounts(c)]
    paid_back = [f.value for c in parts if _REIMBURSED.search(c) for f in find_amounts(c)]
    if len(totals) != 1 or not isinstance(totals[0], Amount):
        return None
    total = totals[0]
    if len(paid_back) == 1 and isinstance(paid_back[0], Amount):
        back = paid_back[0]
        low, high = max(0.0, total.low - back.high), max(0.0, total.high - back.low)
    elif not paid_back and any(_HALF.search(c) for c in parts if _REIMBURSED.search(c)):
        low, high = total.low / 2, total.high / 2
    else:
        return None
    estimate = total.is_estimate or low != high
    return Amount((low + high) / 2, low, high, is_estimate=estimate, period=total.period)
