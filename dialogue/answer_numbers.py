"""Numbers answered: counts (people, houses, a grade), amounts of money, the floor area and
ages, each with the checks its question needs (the unit said, the period, reimbursement)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from decimal import Decimal

from dialogue.answer_values import Value
from dialogue.doubts import (
    HOUSE_UNITS,
    MONTHLY_FACTS,
    NONE_OF,
    ONE_CAVE,
    PER_VISIT,
    THE_HOME_WE_LIVE_IN,
    VISITS,
    first_number,
)
from dialogue.questions import Question
from nlu.amount_clauses import (
    EACH_PERSON,
    TWO_PEOPLE,
    Part,
    amounts_by_source,
    amounts_per_person,
    out_of_pocket,
    usual_amount,
    varying_amount,
)
from nlu.answers import parse_yes_no
from nlu.clauses import (
    SPENT_ALL,
    added_count,
    clauses,
    lives_elsewhere,
    people_listed,
    without_people_elsewhere,
)
from nlu.dates import GUESS_MENDED, UNDER_AN_AGE, find_ages, parse_age
from nlu.floor_area import area_of
from nlu.idcard import parse_id_number
from nlu.mentions import clause_at
from nlu.numbers import (
    Amount,
    Period,
    find_amounts,
    monthly_amount,
    parse_amount,
    parse_count,
    to_monthly,
    to_yearly,
)
from nlu.numerals import NUMERAL, NUMERAL_RE, parse_number, parse_range

_HOUSES_SAID = re.compile(rf"(?P<n>{NUMERAL})(?:{HOUSE_UNITS.pattern})")
# the household counted again after someone forgotten was added ("…还有孙子，那就四个")
_RECOUNTED = re.compile(
    rf"(?<=[，,。；\s])(?:那就是?|那|那么|一共是?|总共是?|这样就?是?|(?:就|还|只)?剩(?:下的?)?(?:就|是)?"
    rf"|(?:现在|如今|目前)(?:家里)?(?:就|只|还)?(?:是|有|剩)?)"
    rf"(?P<n>{NUMERAL})(?=个|口|人)"
)  # "五口，大儿子分出去了，剩下三口": the count left; "五口 现在四口了": the count now
# "两口子加仨娃": two counts added
_PEOPLE_ADDED = re.compile(
    rf"(?P<a>{NUMERAL})(?:口子|口人|口|个人|个)(?:再)?(?:加上?|带着?)(?P<b>{NUMERAL})(?:个|口)?"
    r"(?P<who>娃|孩子|小孩|孙子|孙女|儿子|闺女|女儿|老人|人)"
)
# "两个人过日子能申请低保不": a question with a number in it, not a count given
_ASKED_BACK = re.compile(
    r"(?:能|可以|可|会|给|让|够)[^，,。；]{1,12}不[？?。]?$|吗[？?。]?$|[？?]$"
)
# a count said on its own before the houses are told one by one
_COUNT_FIRST = re.compile(rf"(?P<n>{NUMERAL})(?:个|套|处)?(?=[，,。；\s])")
# "我一个人带闺女": alone with one child, two people, not the 一个人 said; "一个人带孩子" may be
# one child or more (asked again), and somebody else named after it makes more
_RAISES_ALONE = re.compile(
    r"(?:一个人|自己|独自)[，,\s]?(?:带|拉扯|养活?|领|照顾)着?(?:一个|个)?"
    r"(?:(?P<one>闺女|女儿|儿子|孙子|孙女|外孙女?)|孩子|娃娃?|小孩)"
)
_SOMEBODY_MORE = re.compile(r"还有|加上|和|跟|再")
# "我妈一个人打零工供我们上学": alone at work, not a household of one
_ALONE_DOING = re.compile(r"一个人(?!住|过|生活|在家|待|呆|了|吧|啊|呢|[，。,；;！!？?\s]|$)")
_LIVES_ALONE = re.compile(
    r"(?:一个人|自己)(?:住|过|生活|在家)|独居|孤身一人|单身一人|孤寡一人"
    r"|(?:就|只有|只剩)(?:我|俺|额)(?:一个人?|自己|一人)(?=$|[，。,；;！!？?\s了啊吧呢])"
)
_EITHER = re.compile(rf"{NUMERAL}\S{{0,2}}(?:还是|或者|或是)\S{{0,1}}{NUMERAL}")
# "老家有个院子", "有套房子", "村里有个老院子": one
_ONE_SAID = re.compile(
    r"有(?:一|个|一个)?(?:老|新|旧|小|大|破)?(?:套|处|栋|所|座|院)"
    # "村里有我家的老房子，没人住了": a home said to be there (what follows may be a no)
    r"|(?<![没无哪])(?<!哪里)(?<!哪儿)有(?:我|俺|咱|额)?们?家?的?(?:老|旧|破|土)?(?:房子|院子|宅子)(?![吗么])"
)
# "村里的老房子", "村里的老屋": one home, named without a number (and without a no: "名下没有，住的是…")
_ONE_NAMED = re.compile(
    r"^[^没无不租借]*?(?:^|的)(?:老|旧|破|土)?(?:房子|院子|宅子|屋子?)[。！!]?$"
)


def _added_lives_elsewhere(text: str, plus: re.Match[str]) -> bool:
    """The people added to a count ("加一个闺女") are said, in a later clause, to live
    elsewhere ("闺女出嫁了不在家住")."""
    who = plus.group("who")
    return who != "人" and any(
        who in clause and lives_elsewhere(clause) for clause in clauses(text[plus.end() :])
    )


def asked_back(clause: str) -> bool:
    """The clause asks ("两个人过日子能申请低保不"): a number in it is no count given."""
    return _ASKED_BACK.search(clause) is not None


def count_answer(question: Question, text: str) -> Value | None:
    """A count (people, houses, a grade); "三级还是四级" (not sure which) is none."""
    if _EITHER.search(text):
        return None
    if question.fills == ["size"]:
        text = "，".join(c for c in clauses(text) if not asked_back(c))
        if not text:
            return None
        said = text
        text = without_people_elsewhere(text)  # "俺两口子，儿子…不跟俺们一块过": the two
        recount = list(_RECOUNTED.finditer(text))
        plus = _PEOPLE_ADDED.search(text)
        # "就三个，哦，还有孙子，那就四个": the total said again after someone was added
        count = parse_count(recount[-1].group("n") + "个") if recount else parse_count(text)
        if not recount and plus:
            a, b = parse_number(plus.group("a")), parse_number(plus.group("b"))
            count = int(a + b) if a is not None and b is not None else count
            if a is not None and _added_lives_elsewhere(said, plus):
                count = int(a)  # "两口子加一个闺女，闺女出嫁了不在家住": the two
        listed = count is None
        if count is None:
            count = people_listed(text)  # "我跟老伴，还有俩孙子": 4
        alone_with = _RAISES_ALONE.search(text)
        if alone_with is not None and (count == 1 or listed):
            one_child = alone_with["one"] and not _SOMEBODY_MORE.search(text, alone_with.end())
            count = 2 if one_child else None
        elif count == 1 and _ALONE_DOING.search(text) and not _LIVES_ALONE.search(text):
            count = None
    elif NONE_OF.search(text):
        count = 0  # "一套也没有"
    elif (added := added_count(text, HOUSE_UNITS)) is not None:
        count = added  # "城里一套，老家还有一套"
    else:  # the number said with a house unit: "两间瓦房一个院子" is one
        houses = question.fills == ["assets.houses"]
        with_unit = _HOUSES_SAID.search(text) if houses else None
        summed_up = _COUNT_FIRST.match(text) if houses else None
        if summed_up:  # "两个，一个老院子，儿子在县城还按揭了一套": the count said first
            number = parse_number(summed_up.group("n"))
        elif with_unit:
            number = parse_number(with_unit.group("n"))
        elif houses and (
            _ONE_SAID.search(text)
            or _ONE_NAMED.match(text)
            or THE_HOME_WE_LIVE_IN.search(text)
            or ONE_CAVE.search(text)
        ):
            number = 1  # "村里有个老院子，四间土房", "就住的那三间老房子": one home of its rooms
        else:
            number = first_number(text)
        count = int(number) if number is not None and number == int(number) else None
    if count is None and parse_yes_no(text) is False and (question.min or 0) == 0:
        count = 0
    return None if count is None else Value(count)


_VISIT_PERIODS: dict[str, Period] = {"年": "year", "周": "week", "星": "week"}  # 一年, 一周, 一星期
VAGUE_SPREAD = 2.0  # "好几万" (30,000..90,000) is vague; "一千多" (1,000..2,000) is not


# "三千的工资，扣了五险一金到手两千六": the pay received is the amount
_TAKE_HOME = re.compile(r"(?:到手|实发|实际(?:拿|发)|拿到手)(?:的)?(?:有|是|就)?")


def said_per_month(text: str) -> Amount | None:
    """The one amount said per month beside amounts said without a period ("今年就卖了三千来块，
    一个月也就二三百"): asked per month, that is the answer; None otherwise."""
    found = [f.value for f in find_amounts(text, answer=True) if isinstance(f.value, Amount)]
    monthly = [a for a in found if a.period == "month"]
    if len(monthly) == 1 and len(found) > 1 and all(a.period in (None, "month") for a in found):
        return monthly[0]
    return None


def amount_answer(question: Question, text: str) -> Value | None:
    take_home = _TAKE_HOME.search(text)
    if take_home and NUMERAL_RE.search(text, take_home.end()):
        text = text[take_home.start() :]
    monthly = any(f in MONTHLY_FACTS for f in question.fills)
    amount = monthly_amount(text) if monthly else parse_amount(text)
    expense = question.fills[0].startswith("expenses_12m.")
    paid = out_of_pocket(text) if question.fills == ["expenses_12m.medical"] else None
    if paid is not None:  # "花了三万，报销了一万五": 15000
        amount = paid
    elif expense or monthly or question.fills == ["assets.deposits"]:  # the parts' sum
        part: Part = "costs" if expense else "income" if monthly else "savings"
        added = amounts_by_source(text, part)  # "养老金一千，低保三百"
        amount = added or amount
        if monthly and amount is not None:  # a total said per year ("一年下来也就两万多点")
            amount = to_monthly(amount)
        if monthly and added is None and amount is not None and amount.period is None:
            amount = said_per_month(text) or amount
    visits = VISITS.search(text) if expense and PER_VISIT.search(text) else None
    times = parse_number(visits.group("n")) if visits else None
    if amount is not None and visits and times and amount.period is None:
        per = _VISIT_PERIODS.get(visits.group("per")[1], "month")
        amount = replace(amount, value=amount.value * float(times), low=amount.low * float(times),
                         high=amount.high * float(times), period=per)  # fmt: skip
    if amount is not None and expense:
        amount = to_yearly(amount)  # "每个月康复得五百": over the 12 months asked about
    if question.fills == ["monthly_income_total"]:  # "我一个月一千八，老伴一千二": the sum
        summed = amounts_per_person(text, monthly=True)  # a couple's "一人…" doubled there
        amount = to_monthly(summed) if summed is not None else amount
        if summed is None and amount is not None and EACH_PERSON.search(text):  # "老两口每月各一千"
            if not TWO_PEOPLE.search(text):
                return None  # "每人三百多": how many people get it is not said
            amount = Amount(amount.value * 2, amount.low * 2, amount.high * 2,
                            amount.is_estimate, amount.period)  # fmt: skip
    varying = usual_amount(text) or varying_amount(text)  # "有时候五百有时候一千": 500..1000
    if varying is not None:
        amount = to_monthly(varying) if monthly else varying
    if amount is None and question.fills[0].startswith("assets.") and SPENT_ALL.search(text):
        return Value(0.0)  # "存款？早花光了": none left
    if amount is None and question.fills == ["members.monthly_income"] and _WORK_ENDED.search(text):
        return Value(0.0)  # "原先一个月三千，上个月刚辞了": his pay before, none now
    if amount is None:
        return Value(0.0) if parse_yes_no(text) is False else None
    vague = amount.is_estimate and amount.high > VAGUE_SPREAD * max(amount.low, 1.0)
    # "退休金两千，还有点房租": at least what was said, and more not said: an estimate
    estimate = amount.is_estimate or (monthly and _MORE_UNSAID.search(text) is not None)
    return Value(float(amount.value), is_estimate=estimate, vague=vague)


# the others' part not known: "别的不清楚", "其他的不知道"; one member's: "儿子的不知道"
_OTHERS_UNKNOWN = re.compile(
    r"(?:(?:别的|其他的?|其余的?|剩下的)(?:人的?)?"
    r"|(?:儿子|闺女|女儿|姑娘|老伴|孙子|孙女|媳妇|儿媳|男人|他|她)(?:的|挣的|挣多少|挣的钱))"
    r"(?:就|都|俺|我)?(?:不清楚|不知道|不晓得|说不准)"
)


def only_a_part(question: Question, text: str) -> bool:
    """ "俺儿子一个月挣五千，别的不清楚" to 全家每月收入: an amount, and the rest not known."""
    return (
        question.fills == ["monthly_income_total"]
        and _OTHERS_UNKNOWN.search(text) is not None
        and NUMERAL_RE.search(text) is not None
    )


# the work that paid has ended, and no amount is said of now
_WORK_ENDED = re.compile(r"(?:没|不)(?:干|上班|做)了|辞了|辞职了?|下岗了|厂子?倒了|倒闭了")


# another income named without its amount, to the clause's end ("还有点房租"; not "低保": no income)
_MORE_UNSAID = re.compile(
    r"(?:还有|另外还?有|再加上|加上)(?:点|些|一点|一些)?"
    r"(?:房租|租金|打零工|零工|打工|种地|地里|卖菜|摆摊|收入|进项|工资)(?:的)?(?:钱|收入)?"
    r"(?=$|[，,。；;！!])"
)


_AREA_NUMBER = re.compile(
    rf"(?P<n>{NUMERAL})\s*(?P<more>多|来)?(?P<unit>\s*个?\s*(?:平米|平方|平|㎡|m2))?", re.I
)


# "平房四间，每间十五平", "三层，一层八十平": rooms or floors of the same size
_PER_ROOM = re.compile(
    rf"(?P<unit>每间|每层|一间|一层)(?:房|屋)?子?(?:有|大概|差不多|约)?(?P<n>{NUMERAL})"
)
_ROOMS_SAID = re.compile(rf"(?P<n>{NUMERAL})(?P<unit>间|层)")


def area_answer(text: str) -> Value | None:
    """The number said with the area unit ("两间房，四十来平" -> 40), else the first one;
    "七八十" is 70..80 and "八十多" 80..90, kept as an estimate at the midpoint."""
    per_room, rooms = _PER_ROOM.search(text), _ROOMS_SAID.search(text)
    same_unit = per_room and rooms and per_room.group("unit")[-1] == rooms.group("unit")
    if per_room and rooms and same_unit:  # "平房四间，每间十五平": 60
        each, count = parse_range(per_room.group("n")), parse_number(rooms.group("n"))
        if each is not None and count is not None:
            low, high = each[0] * Decimal(count), each[1] * Decimal(count)
            about = text[per_room.end() : per_room.end() + 1] in ("来", "多")  # "一间十来平"
            return Value(float((low + high) / 2), is_estimate=low != high or about)
    # "住了二十年了", "两口人": a number of another unit is no area
    found = [
        m
        for m in _AREA_NUMBER.finditer(text)
        if m.group("unit") or not _OTHER_UNIT.match(text, m.end("n"))
    ]
    # "院子一百二十平，房子也就五十平": a yard's or a plot's area is not the dwelling's
    housed = [
        m
        for m in found
        if not _NOT_THE_HOUSE.search(text, clause_at(text, m.start())[0], m.start())
    ]
    found = housed if any(m.group("unit") for m in housed) else found
    said = next((m for m in found if m.group("unit")), found[0] if found else None)
    area = None if said is None else area_of(said.group("n"), said.group("more"))
    return None if area is None else Value(area[0], is_estimate=area[1])


_OTHER_UNIT = re.compile(r"(?:多|来)?(?:年|岁|口|块|元|天|个月|月|亩|层|辈|代|次|回)")
_NOT_THE_HOUSE = re.compile(r"院子|院落|院坝|宅基地|地基|场院|菜地|耕地|(?<!房)地(?!方)")


def age_answer(text: str, today: dt.date) -> Value | None:
    card = parse_id_number(text, today)
    if card is not None:
        return Value(card.age(today), extra={"birth_date": card.birth_date, "sex": card.sex})
    text = _BEFORE_THE_AGE.sub("", text)
    if _UNDER_THE_AGE.search(text):
        return None  # "不满18岁": younger than that, the age itself not said
    age = parse_age(text, today)
    parts = re.split(r"[，,；;。]", text)
    bare = [c for c in parts[1:] if _BARE_NUMBER.fullmatch(c.strip())]
    exact = parse_age(bare[0].strip(), today) if len(bare) == 1 else None
    if age is None:
        age = exact  # "孙子上初二了，十四": a clause that is only a number, after the story
    elif exact is not None and _GUESSED.search(parts[0]) and abs(exact - age) <= GUESS_MENDED:
        age = exact  # "七十好几了，七十七": the exact age after the guess
    if age is None:
        return None
    # "快七十了": an exact age told later replaces it (dialogue.noted)
    guessed = any(f.is_estimate and f.value == age for f in find_ages(text, today))
    return Value(age, is_estimate=guessed)


_UNDER_THE_AGE = re.compile(rf"(?:{UNDER_AN_AGE})(?![一1]岁)(?=[零一二两三四五六七八九十\d])")
_GUESSED = re.compile(r"多|出头|好几|大几|左右|来岁")
# "不知道具体的，六十五六吧": a guess offered after not knowing is a bare number too
_BARE_NUMBER = re.compile(r"[零一二两三四五六七八九十\d]{1,4}(?:多|出头)?(?:岁|了)?(?:吧|啊|呀)?")
# "她六十八", "也是六十六": the number is the age
_BEFORE_THE_AGE = re.compile(
    r"(?:^|(?<=[，,]))(?:他|她|我|俺|也是|就是|都是|也)(?=[零一二两三四五六七八九十\d])"
)
