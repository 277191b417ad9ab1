"""Amounts of money and household counts in answers ("一个月八百左右", "我们家四个人").

Rules for estimates (is_estimate=True), with `place` = the place value of X's lowest non-zero
digit (1000 -> 1000, 1500 -> 100, 20 -> 10):
- "X多" / "X以上" / "超过X" / "至少X": low = X, high = X + place, value = midpoint
  (一千多 -> 1000..2000, value 1500; 一千二多 -> 1200..1300, value 1250).
- "X出头" / "X多点": just over X: high = X + place / 5 (三千出头 -> 3000..3200).
- "不到X" / "不足X" / "快X": just under X: low = X - place / 5 (不到一千 -> 800..1000).
- "X以下" / "X以内" / "最多X": low = X - place (not below 0), high = X, midpoint.
- "A到B" / "A-B" / "八九百" / "一两千" / "十几" / "几千": low = A, high = B, midpoint;
  a trailing unit carries over ("1到2万" = 10000..20000).
- "大概/大约/差不多/估计/左右/上下/来/将近/可能/也就": value = low = high = X.
Periods: "一年三万" / "年收入3万" -> period "year"; `monthly_amount` converts to a month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from guides.yamlio import load_model
from nlu.lexicon import match_relations
from nlu.numerals import (
    NUMERAL,
    NUMERAL_RE,
    find_negative,
    has_unit,
    last_unit,
    latin_units,
    lowest_place,
    negative_at,
    normalize_digits,
    parse_number,
    parse_range,
    to_number,
)

Period = Literal["day", "week", "month", "quarter", "semester", "year"]
_PER_MONTH: dict[Period, Decimal] = {
    "semester": Decimal(1) / Decimal(6),
    "day": Decimal(30),
    "week": Decimal(52) / Decimal(12),
    "month": Decimal(1),
    "quarter": Decimal(1) / Decimal(3),
    "year": Decimal(1) / Decimal(12),
}


AMOUNT_WORDS = Path(__file__).parent / "data" / "amounts.yml"


class _AmountWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    sold_yearly: list[str] = Field(min_length=1)


@dataclass(frozen=True)
class Amount:
    """An amount of money (yuan). Exact answers have value == low == high."""

    value: float
    low: float
    high: float
    is_estimate: bool = False
    period: Period | None = None
    converted_from: Period | None = None  # set by monthly_amount when it converted


@dataclass(frozen=True)
class Found:
    """A value found in a text, with its span."""

    value: object
    start: int
    end: int
    is_estimate: bool = False


_CURRENCY = r"(?:块钱|元钱|块|元|圆|rmb|RMB|人民币)"
_MORE = r"(?:多点|多|出头|挂零|冒头|冒尖|来|把)"
_JUST_OVER = {"出头", "挂零", "冒头", "冒尖", "多点"}  # "两千挂零", "一万多点": just over
# "五十多万", "十来万", "三千多块": the unit after 多/来 scales the whole amount
_MORE_UNIT = r"(?P<scale>[万千百](?![万千百]))?"
_CN_NUMERAL_CHARS = "零一二两三四五六七八九十百千万亿"
_AROUND = r"(?:左右|上下|以上|以下|以内|之内|之间)"
_RANGE_SEP = r"\s*(?:到|至|~|～|-|—|－)\s*"
_AMOUNT_RE = re.compile(
    rf"(?P<minus>(?<![\d{_CN_NUMERAL_CHARS}])[-－—−负])?"
    rf"(?P<a>{NUMERAL})(?:(?P<amore>{_MORE}){_MORE_UNIT})?(?P<acur>{_CURRENCY})?"
    rf"(?:{_RANGE_SEP}(?P<b>{NUMERAL})(?P<bmore>{_MORE})?(?P<bcur>{_CURRENCY})?)?"
    rf"(?P<more>{_MORE})?(?P<around>{_AROUND})?"
)
# A numeral followed by one of these counts something other than money.
_NOT_MONEY_AFTER = re.compile(
    r"(?:多)?(?:个|口|人|岁|周岁|年|月|日|号|次|天|周|星期|套|间|亩|平|层|级|项|种|位|点|分|斤|"
    r"小时|楼|室|栋|单元|公里|里|米|户|名|代|胎|孩|本|张|辆|头|只|条|届|批|组|倍|成|%|％|克)"
)
_JUST_BELOW_BEFORE = re.compile(r"(?:不到|不足|快|差点|小)$")  # 小一万: nearly ten thousand
_JUST_BELOW_AFTER = re.compile(r"(?:块钱?|元|钱)?(?:都|也|还)?(?:不到|不足)")  # 一万不到
_UPPER_BEFORE = re.compile(r"大$")  # 大几千: the upper part of the range, 5000..9000
_BELOW_BEFORE = re.compile(r"(?:不到|不足|不超过|少于|低于|最多|顶多|至多)$")
_ABOVE_BEFORE = re.compile(r"(?:超过|多于|高于|至少|起码|最少)$")
_ESTIMATE = re.compile(
    r"大概|大约|大致|约莫|约|差不多|估计|可能|也就|将近|接近|左右|上下|好像|的样子|光景|差不离"
)
_CLAUSE_BREAK = re.compile(r"[，。；！？,;!?\n]")
_ZERO_RE = re.compile(
    r"(?:没有?|无|零)(?:任何|啥|什么)?(?:收入|工资|进项|钱|存款|积蓄)|一分(?:钱)?(?:都|也)?没|分文(?:没有|全无)?"
    # lost it all ("亏没了"), nothing left or spent ("没剩下啥", "没花啥钱"); "花光了" is not
    # here: to 看病花了多少 it says a lot was spent (dialogue.answers reads it for assets only)
    r"|(?:亏|赔)(?:光|完|没)了|没剩(?:下)?(?:啥|什么|钱)|没花(?:啥|什么)钱?|没怎么(?:看病|花)"
    r"|哪(?:有|来)的?(?:啥|什么)?钱"  # "俺们哪有钱去做": none
    r"|不(?:花|要|收)(?:啥|什么)?钱|全免了?|都免了"
    r"|(?:自己|自个儿?|俺们|我们|咱们?)(?:一分)?(?:都|也)?没花(?:钱)?(?=$|[，,。；;！!])"  # "自己没花"
    r"|(?:没|不)到(?:领|拿)(?:钱)?的?(?:时候|年龄|年纪|岁数)"  # "她还没到领的时候": none yet
)
_ZERO_ANSWERS = {
    "没有",
    "没",
    "无",
    "没有的",
    "没得",
    "莫得",
    "木得",
    "木有",
    "莫有",
    "么有",
    "美有",
}
_PERIODS: tuple[tuple[Period, re.Pattern[str]], ...] = (
    (
        "year",
        re.compile(
            r"每年|一年|1年|年收入|年均|全年|年薪|年入|年工资|年纯收入|一整年|去年|今年|前年"
            # "闺女过年给个五六百", "过年闺女给个五六百": once a year
            r"|过年(?:时|的时候)?[^，。；！？\s\d]{0,3}?(?:给|拿|寄|塞|发)"
        ),
    ),
    ("month", re.compile(r"每月|每个月|一个月|1个月|月收入|月均|月薪|月工资|月入|一月|按月|月月")),
    # "每季度领一千八": 600 a month; not a crop's season ("樱桃一季能卖个七八千": one harvest)
    ("quarter", re.compile(r"季度|一季(?![^，。；！？\s]{0,4}(?:卖|收|打|产|玉米|麦|稻|庄稼|粮))")),
    ("semester", re.compile(r"学期")),
    ("week", re.compile(r"每周|一周|每星期|每个星期|一个星期|一礼拜")),
    ("day", re.compile(r"每天|一天|日薪|一日|天天")),
)
_LONG_DIGITS = re.compile(r"\d{11,}")
# "加一块", "一块儿": together, not one yuan; blanked (same length, spans stay put)
_TOGETHER = re.compile(r"(?<=[加合凑算放])一块(?!钱)|一块儿")
_TRAILING_PUNCT = " 。，,.!！?？~～啊呀吧呢哦噢了的"


def _clause_start(text: str, index: int) -> int:
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, index)]
    return breaks[-1] if breaks else 0


def _clause_end(text: str, index: int) -> int:
    m = _CLAUSE_BREAK.search(text, index)
    return m.start() if m else len(text)


def period_at(text: str, start: int, end: int) -> Period | None:
    """The period nearest before the amount in its clause, else the first one after it."""
    lo, hi = _clause_start(text, start), _clause_end(text, end)
    before: tuple[int, Period] | None = None
    after: tuple[int, Period] | None = None
    for period, pattern in _PERIODS:
        for m in pattern.finditer(text, lo, hi):
            if m.end() <= start and (before is None or m.start() > before[0]):
                before = (m.start(), period)
            elif m.start() >= end and (after is None or m.start() < after[0]):
                after = (m.start(), period)
    chosen = before or after
    if chosen is None:
        return _year_said_before(text, lo)
    return chosen[1] if chosen else None


# a year said for the whole answer before the clause of the amount ("一年到头养几只羊，卖了也就三四
# 千"), or a harvest's sale, once a year ("秋后卖粮能卖一万"); not 今年/去年 (when, not per)
# ("就种麦子，一年一季，卖个两千来块": one harvest a year)
_YEAR_FOR_ALL = re.compile(
    r"一年到头|一年下来|一年里|一整年|全年|每年|一年(?:就|只|才)?(?:一|1)(?:季|茬|料)"
)
# what is sold once or twice a year (nlu/data/amounts.yml sold_yearly)
_PRODUCE = "(?:" + "|".join(load_model(AMOUNT_WORDS, _AmountWords).sold_yearly) + ")"
_HARVEST = re.compile(
    rf"秋后|秋收|卖粮|粮食卖|卖了粮|卖(?:了|个|些|点)?{_PRODUCE}"
    rf"|{_PRODUCE}[^，。；！？\s\d]{{0,4}}?卖"
)


def _year_said_before(text: str, lo: int) -> Period | None:
    """ "year" when a clause before the amount's says the period for the whole answer (with no
    number between it and the amount), or the amount's clause or one before tells a harvest."""
    if _HARVEST.search(text, 0, _clause_end(text, lo)):
        return "year"
    said = [m for m in _YEAR_FOR_ALL.finditer(text, 0, lo)]
    between = _COUNTED_THINGS.sub("", text[said[-1].end() : lo]) if said else ""
    if said and not NUMERAL_RE.search(between):
        return "year"
    return None


# "养几只羊", "种了十几亩地": a count of things between, no sum of money
_COUNTED_THINGS = re.compile(rf"{NUMERAL}(?:只|头|亩|个|间|口|人|岁|天|棵|袋|斤|回|次)")


def _bounds(m: re.Match[str]) -> tuple[Decimal, Decimal, bool] | None:
    a_text = m.group("a")
    if a_text[0] in "百千万" and m.group("amore") == "把":
        a_text = "一" + a_text  # "千把块" is about a thousand
    a = parse_range(a_text)
    if a is None:
        return None
    low, high = a
    ranged = low != high
    b_text = m.group("b")
    if b_text:
        b = parse_range(b_text)
        if b is None:
            return None
        if not has_unit(m.group("a")) and has_unit(b_text) and low < b[0]:
            low = low * last_unit(b_text)
        if b[1] < low:
            return None
        return low, b[1], True
    return low, high, ranged


def _amount_from(text: str, m: re.Match[str]) -> Amount | None:
    bounds = _bounds(m)
    if bounds is None:
        return None
    low, high, estimate = bounds
    more = m.group("amore") or m.group("more") or m.group("bmore") or ""
    scale = Decimal(last_unit(m.group("scale") or ""))
    around = m.group("around") or ""
    before = text[max(0, m.start() - 3) : m.start()]
    if low != high and "几" in m.group("a") and _UPPER_BEFORE.search(before):
        low = max(low, (low + high) / 2)
    if low == high and more in _JUST_OVER:
        high = low + lowest_place(low) / 5
        estimate = True
    elif low == high and (
        more in {"多", "多点"} or around == "以上" or _ABOVE_BEFORE.search(before)
    ):
        high = low + lowest_place(low)
        estimate = True
    elif low == high and (
        _JUST_BELOW_BEFORE.search(before) or _JUST_BELOW_AFTER.match(text, m.end())
    ):
        low = max(Decimal(0), high - lowest_place(high) / 5)
        estimate = True
    elif low == high and (around in {"以下", "以内", "之内"} or _BELOW_BEFORE.search(before)):
        low = max(Decimal(0), high - lowest_place(high))
        estimate = True
    clause = text[_clause_start(text, m.start()) : _clause_end(text, m.end())]
    if more in {"来", "把"} or _ESTIMATE.search(clause):
        estimate = True
    low, high = low * scale, high * scale
    value = (low + high) / 2
    return Amount(
        value=float(to_number(value)),
        low=float(to_number(low)),
        high=float(to_number(high)),
        is_estimate=estimate,
        period=period_at(text, m.start(), m.end()),
    )


def _is_money(text: str, m: re.Match[str], answer: bool) -> bool:
    if m.group("minus"):
        return False  # "-500": no amount of money is negative; the caller asks again
    if m.group("acur") or m.group("bcur"):
        return True
    numeral = m.group("a")
    if m.start() > 0 and text[m.start() - 1] == "第":
        return False
    if _NOT_MONEY_AFTER.match(text, m.end()) or _LONG_DIGITS.fullmatch(numeral):
        return False
    if m.end() < len(text) and re.match(r"[A-Za-z0-9]", text[m.end()]):
        return False
    if _list_mark(text, m, numeral):
        return False  # "4. 他俩现在就靠…", "2、妻子五十五岁": a numbered list's mark
    if len(numeral) == 1 and not numeral.isdigit():
        # a lone Chinese digit ("一下", "三天") is money only as the whole answer
        return text.strip(_TRAILING_PUNCT) == m.group(0) and answer
    return True


# a list item's number: at the start or after a break, then "." "、" ")" and words (not "3.5万")
_LIST_MARK = re.compile(r"[.．、)）](?=\s*[^\s\d.．])")
_BEFORE_LIST_MARK = frozenset("\n\r\t \u3000：:;；。！？!?，,")


def _list_mark(text: str, m: re.Match[str], numeral: str) -> bool:
    return (
        numeral.isdigit()
        and len(numeral) <= 2
        and (m.start() == 0 or text[m.start() - 1] in _BEFORE_LIST_MARK)
        and _LIST_MARK.match(text, m.end()) is not None
    )


def find_amounts(text: str, *, answer: bool = False) -> list[Found]:
    """Amounts in a text with spans. `answer=True` reads the text as a reply to "how much"."""
    text = _TOGETHER.sub(lambda m: "\u3000" * len(m.group()), latin_units(normalize_digits(text)))
    found: list[Found] = [
        Found(Amount(0.0, 0.0, 0.0), m.start(), m.end()) for m in _ZERO_RE.finditer(text)
    ]
    for m in _AMOUNT_RE.finditer(text):
        if not _is_money(text, m, answer):
            continue
        amount = _amount_from(text, m)
        if amount is not None:
            found.append(Found(amount, m.start(), m.end(), amount.is_estimate))
    return sorted(found, key=lambda f: f.start)


def parse_amount(text: str) -> Amount | None:
    """The first amount in an answer: "一千二" -> 1200, "没收入" -> 0, "大概一千多" -> 1000..2000."""
    if text.strip(_TRAILING_PUNCT) in _ZERO_ANSWERS:
        return Amount(0.0, 0.0, 0.0)
    found = find_amounts(text, answer=True)
    if not found:
        return None
    value = found[0].value
    if isinstance(value, Amount) and value.high == 0:  # "没什么收入，就老伴一百多块养老金"
        only = next((f for f in found[1:] if _ONLY_BEFORE.search(text, 0, f.start)), None)
        if only is not None and isinstance(only.value, Amount) and only.value.high > 0:
            return only.value
    return value if isinstance(value, Amount) else None


_ONLY_BEFORE = re.compile(r"[，,；;]\s*(?:就|只|只有|就是|除了|光)[^，,；;。]*$")


def to_monthly(amount: Amount) -> Amount:
    """The same amount per month (a yearly amount / 12, a daily one × 30); unchanged if monthly."""
    return _to_period(amount, "month")


def to_yearly(amount: Amount) -> Amount:
    """The same amount over a year (a monthly one × 12, a semester's × 2): a 12-month expense."""
    return _to_period(amount, "year")


def _to_period(amount: Amount, period: Period) -> Amount:
    if amount.period is None or amount.period == period:
        return amount
    factor = _PER_MONTH[amount.period] / _PER_MONTH[period]
    # days worked vary; a semester's costs differ
    estimate = amount.is_estimate or amount.period in ("day", "week", "semester")
    return _times(amount, factor, period, estimate)


def _times(amount: Amount, factor: Decimal, period: Period, estimate: bool) -> Amount:
    """`amount` over `period`, `factor` times as much (exact decimals, to the fen)."""

    def scaled(x: float) -> float:
        return round(float(Decimal(str(x)) * factor), 2)

    return replace(
        amount,
        is_estimate=estimate,
        value=scaled(amount.value),
        low=scaled(amount.low),
        high=scaled(amount.high),
        period=period,
        converted_from=amount.period,
    )


# "一天一百五，一个月干二十来天": the days worked in a month, said with a day's pay
_DAYS_WORKED = re.compile(
    r"(?:一个月|每个月|每月|一月)[^，,。；;]{0,5}?(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3})"
    r"(?:来|多|几)?天"
)


# "一周干五天，一天一百二": the days worked in a week
_DAYS_A_WEEK = re.compile(
    r"(?:一周|每周|一个星期|每星期|一个礼拜|一礼拜|每个礼拜)[^，,。；;]{0,3}?"
    r"(?P<n>[1-7]|[一二两三四五六七])天"
)
WEEKS_A_MONTH = Decimal(52) / Decimal(12)


def over_days_worked(amount: Amount, said: str) -> Amount | None:
    """A day's pay over the days worked in a month that `said` gives ("一天一百五，一个月能干
    二十来天" -> about 3000 a month); None when it is no day's pay or no days are said."""
    days = _DAYS_WORKED.search(said) if amount.period == "day" else None
    worked = parse_number(days.group("n")) if days else None
    if worked is None or not 0 < worked <= 31:
        return None
    return _times(amount, Decimal(str(worked)), "month", estimate=True)


def days_unsaid(said: str) -> bool:
    """A day's pay with no days worked said, by the month or the week ("打零工，一天一百")."""
    amount = parse_amount(said)
    if amount is None or amount.period != "day":
        return False
    return over_days_worked(amount, said) is None and _DAYS_A_WEEK.search(said) is None


# "一年两季庄稼，一季卖三千": a crop's sale per harvest, harvests a year said
_HARVESTS_A_YEAR = re.compile(r"一年(?:能)?(?:种|收|打)?(?P<n>[两俩二三仨23])(?:季|茬|料)")
_PER_HARVEST = re.compile(r"一季|每季|一茬|每茬")


def per_harvest_over_year(amount: Amount, text: str) -> Amount:
    """`amount` said per harvest, times the harvests a year ("一年两季，一季卖三千": 6000 a
    year); `amount` as it is when no harvests or no per-harvest amount are said."""
    harvests = _HARVESTS_A_YEAR.search(text)
    times = parse_number(harvests.group("n")) if harvests else None
    if amount.period is not None or times is None or harvests is None:
        return amount
    if not _PER_HARVEST.search(text, harvests.end()):
        return amount
    return _times(amount, Decimal(str(times)), "year", estimate=amount.is_estimate)


def monthly_amount(text: str) -> Amount | None:
    """parse_amount, converted to a month when the text names another period ("一年三万");
    a day's pay is counted over the days worked when they are said (a month's, or a week's
    times the weeks of a month), else over 30."""
    amount = parse_amount(text)
    if amount is None:
        return None
    amount = per_harvest_over_year(amount, text)
    worked = over_days_worked(amount, text)
    if worked is not None:
        return worked
    weekly = _DAYS_A_WEEK.search(text) if amount.period == "day" else None
    per_week = parse_number(weekly.group("n")) if weekly else None
    if per_week is not None:
        days_a_month = Decimal(str(per_week)) * WEEKS_A_MONTH
        return _times(amount, days_a_month.quantize(Decimal("0.1")), "month", estimate=True)
    return to_monthly(amount)


_COUNT_NUM = r"(?:\d{1,3}|[一二两俩三仨四五六七八九十]{1,3})"
_COUNT_PATTERNS: tuple[tuple[re.Pattern[str], int | None], ...] = (
    (re.compile(rf"一家(?P<n>{_COUNT_NUM})口"), None),
    (
        re.compile(
            r"两口子|老两口|老俩口|小两口|(?:我|俺|咱|额)们?(?:俩|两个)|俩人|夫妻俩|娘俩|爷俩"
        ),
        2,
    ),
    (
        re.compile(
            r"就我一个人?|就我自己|就我一人|只有我(?:一个人?|自己)?|我一个人|一个人(?:住|过|生活)"
            r"|独居|孤身一人|单身一人|孤寡一人"
        ),
        1,
    ),
    (
        # "下一个", "这一个", "每一个" point at a thing, they do not count people
        re.compile(
            rf"(?<![第\d上下这那哪每])(?P<n>{_COUNT_NUM})(?:口人|口子|口|张嘴|个人|人|位"
            rf"|个(?=$|[，。,.！!？?\s]|吧|啊|呀|了|人))"
        ),
        None,
    ),
)
# People of one kind ("三个孩子", "两个老人"): a count of people, not the household size.
_MEMBER_COUNT = re.compile(
    rf"(?<![第\d上下这那哪每])(?P<n>{_COUNT_NUM})(?:个|位|名)"
    r"(?=孩子|小孩|娃|儿子|女儿|闺女|儿女|子女|孙子|孙女|老人|学生|大人|病人|残疾人)"
)


_COUNTED_IN = re.compile(r"(?:加上|算上|连上|连我|再加|一共|总共)[^，。,；;]*$")
_TOTAL = re.compile(
    r"(?<![两俩])口(?!子)|张嘴|一家"
)  # 五口, 三口人, 一家四口: the whole; not 老两口
_GROUP = re.compile(r"两口子|老两口|老俩口|小两口|俩|两个")  # a couple or pair, maybe not all
_ADDING_PEOPLE = re.compile(r"还有|加上|外加|再加|以及|带着?|领着|养着")
_MORE_PEOPLE = re.compile(rf"{_ADDING_PEOPLE.pattern}|和|跟")  # 和/跟 may join the couple itself
_COUPLE = re.compile(r"两口子|老两口|老俩口|小两口")
THE_COUPLE = frozenset({"self", "spouse"})  # the speaker and the spouse, as relation ids


def _more_people(rest: str) -> bool:
    """After a couple or a pair, more people: joined ("还有", "和") or only listed ("老两口，
    儿子，孙子"; "老两口加儿子孙子")."""
    return bool(_MORE_PEOPLE.search(rest)) or any(
        m.id not in THE_COUPLE for m in match_relations(rest)
    )


def _only_the_couple(rest: str) -> bool:
    """ "，我跟老伴" after "两口子": nobody but the speaker and the spouse is named."""
    named = {m.id for m in match_relations(rest)}
    return bool(named) and named <= THE_COUPLE and not _ADDING_PEOPLE.search(rest)


def find_counts(text: str, *, members: bool = True) -> list[Found]:
    """Counts of people with spans: "三口人" -> 3, "两口子" -> 2, "就我一个" -> 1, and with
    `members` also counts of one kind of member ("有三个孩子" -> 3)."""
    text = normalize_digits(text).replace("個", "个")  # the traditional form, same length
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    patterns = [*_COUNT_PATTERNS, *([(_MEMBER_COUNT, None)] if members else [])]
    for pattern, fixed in patterns:
        for m in pattern.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            if negative_at(text, m.start("n") if "n" in m.groupdict() else m.start()):
                continue  # "-3口人" counts nobody
            value: int | None = fixed
            if value is None:
                bounds = parse_range(m.group("n"))
                if bounds is None or bounds[0] != bounds[1]:
                    continue
                value = int(bounds[0])
            if 1 <= value <= 50:
                found.append(Found(value, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


_THEIR_HOME = re.compile(r"(?:他们|她们|他|她)?(?:一家子?|家)$")


def _relatives_family(text: str, at: int) -> bool:
    """ "儿子一家三口住隔壁", "闺女家四口人": the count at `at` is a relative's own family (not
    "我和我闺女两个")."""
    before = text[_clause_start(text, at) : at]
    if text.startswith("一家", at):
        before += "一家"
    home = _THEIR_HOME.search(before)
    if home is None:
        return False
    named = [m for m in match_relations(before[: home.start()]) if m.id != "self"]
    return bool(named) and named[-1].end == home.start()


def parse_count(text: str) -> int | None:
    """A household size from an answer; a bare number ("4", "四") counts as the answer.
    "三个孩子" is not a household size."""
    digits = normalize_digits(text).replace("個", "个")
    found = [
        (f.value, f.start, f.end)
        for f in find_counts(text, members=False)
        if isinstance(f.value, int)
    ]
    found = [(v, start, end) for v, start, end in found if not _relatives_family(digits, start)]
    totals = [(value, start) for value, start, end in found if _TOTAL.search(digits[start:end])]
    counted_in = [v for v, start in totals if _COUNTED_IN.search(digits[max(0, start - 8) : start])]
    if counted_in:  # "四口人，加上我妈五口": the total with the one added
        return counted_in[-1]
    if totals:  # "五口，老人两个，我们两口子": 五口 is the whole household
        return totals[0][0]
    if found:
        value, start, end = found[0]
        if _GROUP.search(digits[start:end]) and _more_people(digits[end:]):
            if _COUPLE.search(digits[start:end]) and _only_the_couple(digits[end:]):
                return value  # "两口子，我跟老伴": the couple said again
            return None  # "两口子带俩娃": a couple plus others; ask for the total
        return value
    bare = normalize_digits(text).strip(_TRAILING_PUNCT)
    if find_negative(bare) is not None:
        return None
    # "仨，我，我儿子，我儿媳妇": the number alone first, then who they are
    for said in (bare, _FIRST_CLAUSE.split(bare, maxsplit=1)[0].strip(_TRAILING_PUNCT)):
        bounds = parse_range(said) if said else None
        if bounds and bounds[0] == bounds[1] and 1 <= bounds[0] <= 50 and bounds[0] % 1 == 0:
            return int(bounds[0])
    return None


_FIRST_CLAUSE = re.compile(r"[，,。；;：:\s]")
