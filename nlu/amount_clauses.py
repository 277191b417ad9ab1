"""Amounts read clause by clause: what each person gets added up ("我一个月一千八，老伴一千二"),
a debt or money paid out that is not the amount asked ("欠了三万", "电费一百多都交不起"), amounts
that vary ("有时候五百有时候一千") and what was paid after reimbursement ("花了三万，报销了一万五").
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise
from typing import Literal

from nlu.clauses import SPENT_ALL, clauses, person_of
from nlu.numbers import Amount, Period, find_amounts, to_monthly, to_yearly
from nlu.voice_input import spaces_as_commas

# two people said as such: 老两口, 俺俩, 额们两个
TWO_PEOPLE = re.compile(
    r"老两口|老俩口|两口子|俩人|两个人|两人|(?:我|俺|咱|额|他|她)们?(?:俩|两个)"
)
# "各", "每人": each of them. In an answer "一个人" is rather "alone" ("我一个人一个月三百");
# said of a couple it is each one ("两口子…一个人一个月两千五"): EACH.
EACH_PERSON = re.compile(r"各|每人|每个人|一人")
EACH = re.compile(rf"{EACH_PERSON.pattern}|一个人")
# "额们老两口一人一百七十几": the amount is each of the two's
EACH_OF_TWO = re.compile(
    rf"(?:{TWO_PEOPLE.pattern})"
    rf"[^，,。；！？\d一二两三四五六七八九十百千万几]{{0,4}}?(?:{EACH.pattern})"
)


def _doubled(amount: Amount) -> Amount:
    return replace(amount, value=amount.value * 2, low=amount.low * 2, high=amount.high * 2)


def amounts_per_person(text: str, *, monthly: bool = False) -> Amount | None:
    """ "我一个月一千八，老伴一千二": clauses that each name a different person and one amount
    add up (3000); a couple's "一人…" counts twice ("儿子一个月三千，老两口一人一百七"). None
    unless there are two such clauses and every amount is in one. With `monthly`, each is a
    month's unless its own period is said, and is counted per month ("老伴养老金一百多，我打零工
    一个月六七百")."""
    said = _said_per_person(clauses(text), monthly)
    paused = spaces_as_commas(text)  # "儿子一个月三千 老两口一人一百七": a pause parts them too
    if said is None and paused != text:
        said = _said_per_person(clauses(paused), monthly)
    return said


def _said_per_person(parts: list[str], monthly: bool) -> Amount | None:
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
        amounts.append(_doubled(found[0]) if EACH_OF_TWO.search(clause) else found[0])
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


# Where money comes from, or what it is spent on: "养老金一千，低保三百" adds up (1300)
_INCOME_SOURCES = re.compile(
    r"养老金|退休金|退休工资|工资|低保|补贴|补助|救助金|抚恤金|打零?工|种地|种了|卖|租金|房租"
    r"|给的|给我们|寄|加班费|奖金|分红|零活|零工|抚养费|赡养费|扶养费"
)
COST_ITEMS = re.compile(
    r"学费|住宿|书本|书费|资料|生活费|伙食|路费|车费|住院|门诊|药|手术|检查|透析|化疗|放疗"
    r"|康复|治疗|训练|辅具|挂号"
)
_SAVINGS_PLACES = re.compile(
    r"卡里|卡上|存折|银行|信用社|农信|邮政|农商|支付宝|微信|现金|手头|手里|定期|活期|理财"
)
_PARTS = {"income": _INCOME_SOURCES, "costs": COST_ITEMS, "savings": _SAVINGS_PLACES}
Part = Literal["income", "costs", "savings"]
_PER: dict[str, Period] = {"income": "month", "costs": "year"}  # savings: no period
_ADDING = re.compile(r"还有|另外|加上|外加|再加|又有")
_TOTAL = re.compile(r"一共|总共|加起来|合起来|加一块|合计|总的")  # "…，一共两千": that is all
_PART_OF = re.compile(r"其中|包括|里头|里面")  # "一千五，其中养老金一千": the first is all


def amounts_by_source(text: str, part: Part = "income") -> Amount | None:
    """ "养老金一千，低保三百" -> 1300, "一年学费五千，住宿一千" -> 6000, "卡里几百，存折上一万":
    clauses that each name a different `part` (a source of income, a thing paid for, a place
    savings are kept) and one amount add up; one said without a name counts only beside an
    adding word (还有, 另外). A clause without a period has the one said before it; income is
    counted per month, costs per year. The total when one is said (一共两千); None unless two
    amounts add up, and when a part is said of a whole (其中)."""
    if _PART_OF.search(text):
        return None
    totals = [c for c in clauses(text) if _TOTAL.search(c)]
    if totals:
        said = [f.value for f in find_amounts(totals[-1], answer=True)]
        return said[0] if len(said) == 1 and isinstance(said[0], Amount) else None
    words = _PARTS[part]
    adding = bool(_ADDING.search(text))
    # "就她那一千二，加上我零工，一千五不到": a part added without its amount, then the total
    added_unsaid = any(
        _ADDING.search(c) and not find_amounts(c, answer=True) for c in clauses(text)
    )
    named: list[str] = []
    amounts: list[Amount] = []
    period: Period | None = None
    with_amounts = [c for c in clauses(text) if find_amounts(c, answer=True)]
    for n, clause in enumerate(with_amounts):
        found = [f.value for f in find_amounts(clause, answer=True)]
        if len(found) != 1 or not isinstance(found[0], Amount):
            return None
        source = words.search(clause)
        name = source.group() if source else ""
        last = n == len(with_amounts) - 1
        if not name and last and added_unsaid and _covers(found[0], amounts):
            return found[0]  # the parts said, and one added without its amount: the total
        if not name and not adding and last and _sums_up(found[0], amounts, part):
            return found[0]  # "零工七八百，他妈给五百，一千二三吧": the total, said last
        if name in named or (not name and not adding):
            return None  # the same source twice, or an amount that may restate another
        named.append(name or f"more {len(named)}")
        period = found[0].period or period
        amounts.append(replace(found[0], period=period))
    if len(amounts) < 2:
        return None
    per = _PER.get(part)
    counted = amounts if per is None else [_to(a, per) for a in amounts]
    return Amount(
        value=sum(a.value for a in counted),
        low=sum(a.low for a in counted),
        high=sum(a.high for a in counted),
        is_estimate=any(a.is_estimate for a in counted),
        period=per if period and per else None,
    )


def _sums_up(total: Amount, parts: list[Amount], part: Part) -> bool:
    """Whether `total` is what two or more `parts` add up to (their ranges overlap)."""
    if len(parts) < 2 or (
        total.period and any(p.period not in (None, total.period) for p in parts)
    ):
        return False
    per = _PER.get(part)
    counted = parts if per is None or total.period is None else [_to(a, per) for a in parts]
    return total.low <= sum(a.high for a in counted) and sum(a.low for a in counted) <= total.high


def _covers(total: Amount, parts: list[Amount]) -> bool:
    """Whether `total` is at least the `parts` said, in the same period."""
    same = all(p.period in (None, total.period) for p in parts)
    return bool(parts) and same and total.high >= sum(p.low for p in parts)


def _to(amount: Amount, per: Period) -> Amount:
    return to_yearly(amount) if per == "year" else to_monthly(amount)


DEBT = re.compile(r"欠|外债|借了(?!给)|借的|借钱|借别人|借人家|借亲戚|贷款|贷了|债|还账|拉饥荒")


def without_debts(text: str) -> str | None:
    """The text without its clauses that give a debt ("存款一万，看病还欠了三万" -> "存款一万");
    None when nothing else is said ("欠了五万外债")."""
    parts = clauses(text)
    debts = [c for c in parts if DEBT.search(c) and find_amounts(c, answer=True)]
    for before, clause in pairwise(parts):  # "有三万，不过是借别人的"
        if DEBT.search(clause) and not find_amounts(clause, answer=True):
            # "没存款了，还欠着外债": none is nobody's loan, so the none stands
            some = any(f.value.value > 0 for f in find_amounts(before, answer=True)
                       if isinstance(f.value, Amount))  # fmt: skip
            debts += [before, clause] if some else []
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


_LEFT_NOW = re.compile(r"剩")
_NEARLY = re.compile(r"(?:快|快要|差不多|眼看|眼瞅着)$")  # "快花完了": some is left
# some of it spent, how much is left not said
_SPENT_SOME = re.compile(
    r"(?:花|用)(?:了|掉了?|去了?)(?:一半|一大半|大半|点|些|一些|不少|好多|很多)"
)


def savings_now(text: str) -> str | None:
    """What an answer about savings says is there now: the clause of what is left ("…这几个月
    花了点，还剩一万七八": "还剩一万七八"); the words saying that the money named was spent
    ("原来攒的一万多全花在医院了": "全花在"), read as none; None when some was spent and what
    is left is not said ("有个一万来块，这一着火花了一半了"); else the text."""
    parts = clauses(text)
    with_amount = [i for i, part in enumerate(parts) if find_amounts(part, answer=True)]
    if not with_amount:
        return text
    left = [parts[i] for i in with_amount if _LEFT_NOW.search(parts[i])]
    if left:
        return left[-1]
    if len(with_amount) > 1:
        return text  # "存款一万，原来的三万都花光了": which was spent is for the others to tell
    after = "，".join(parts[with_amount[0] :])
    spent = SPENT_ALL.search(after)
    if spent and not _NEARLY.search(after, 0, spent.start()):
        return spent.group()
    return None if _SPENT_SOME.search(after) else text


def without_costs(text: str) -> str | None:
    """The text without its clauses that give money paid out ("电费一个月一百多都交不起",
    "看病花了两万"); None when nothing else is said."""
    parts = clauses(text)
    costs = [c for c in parts if _COST.search(c) and find_amounts(c, answer=True)]
    if not costs:
        return text
    kept = [c for c in parts if c not in costs]
    return "，".join(kept) if kept else None


_GOOD_TIMES = r"(?:好|多|忙)的时候"
# the best months only: "好的时候一个月能挣个一千来块" is not what the household lives on
AT_BEST = re.compile(rf"{_GOOD_TIMES}|旺季|行情好")
_SOMETIMES = re.compile(
    rf"有时候?|有的时候|{_GOOD_TIMES}|少的时候|差的时候|闲的时候"
    # a good year and a bad one: "收成好了能卖一万，不好就几千"
    r"|(?<!不)好(?:了|的话|的年份?)|不好(?:的话|的年份?|就|了)?|差(?:的话|的年份?|点儿?就)"
)


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


_USUALLY = re.compile(r"^(?:平常|平时|一般|通常|正常)")


def usual_amount(text: str) -> Amount | None:
    """ "一个月六千来块，好的时候七千，平常六千五左右": the amount said to be the usual one; with
    no such word, the one amount said without a time beside amounts for good and bad times
    ("一个月六千来块，好的时候七千，不好的时候四五千": 六千来块)."""
    plain: list[Amount] = []
    timed = 0
    for clause in clauses(text):
        found = [f.value for f in find_amounts(clause, answer=True)]
        if len(found) != 1 or not isinstance(found[0], Amount):
            continue
        if _USUALLY.search(clause):
            return found[0]
        if _SOMETIMES.search(clause):
            timed += 1
        else:
            plain.append(found[0])
    return plain[0] if len(plain) == 1 and timed >= 2 else None


_REIMBURSED = re.compile(r"报销|报了|能报|给报|报回|医保报|新农合报")
_OWN_SHARE = re.compile(
    r"自己(?:还|又|也)?(?:掏|出|花|付|拿|承担)|自付|自费|报(?:销)?(?:完|了)?(?:以后|之后|后)|报完"
)
_HALF = re.compile(r"一半")


# the reimbursement is not settled yet: what the household pays in the end is not known
_NOT_YET_REIMBURSED = re.compile(
    r"(?:能|可以|会|给)报(?:销)?(?:多少|几成)(?:钱)?(?:还|也)?(?:不知道|不清楚|没定|说不准|不好说)"
    r"|还没(?:有)?(?:给)?报(?:销)?|(?:等着|还在|正在)报(?:销)?|报销(?:的钱)?还没(?:下来|到|批)"
)


def reimbursement_pending(text: str) -> bool:
    """ "十来万，医保能报多少还不知道", "还没报销呢": the share paid in the end is not known yet."""
    return bool(_NOT_YET_REIMBURSED.search(text))


def mentions_reimbursement(text: str) -> bool:
    return bool(_REIMBURSED.search(text)) and not _OWN_SHARE.search(text)


def out_of_pocket(text: str) -> Amount | None:
    """What was paid after reimbursement: "花了三万，报销了一万五" -> 15000, "一万多，报了一半"
    -> half of it, "自己掏了两千多" -> that. None when no reimbursement is said or it cannot be
    worked out ("报了一部分")."""
    parts = clauses(spaces_as_commas(text))  # "报完 自己掏了 嗯 一万七八": pauses part clauses
    for index, clause in enumerate(parts):
        if not _OWN_SHARE.search(clause):
            continue
        # "报完，自己掏了，嗯，一万七八": the amount may come in the next clause that has one
        said = (found for c in parts[index:] if (found := find_amounts(c, answer=True)))
        own = [f.value for f in next(said, [])]
        if len(own) == 1 and isinstance(own[0], Amount):
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
