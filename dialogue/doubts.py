"""Answers too doubtful to store: a number whose unit does not fit the question (29岁 to
几口人, 三间 to 几套房 or to the area, 一套 to the area), a negative, an impossible age, an ID
number with a bad checksum, an income named without its amount (就靠那点养老金). Each is a
`Doubt` whose `kind` names the question back (prompts.yml doubts); nothing is stored from it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dialogue.questions import Question
from nlu.amount_clauses import mentions_reimbursement, out_of_pocket, varying_amount
from nlu.answers import parse_yes_no
from nlu.clauses import clauses, differs_by_person
from nlu.facts import read_facts
from nlu.idcard import ID_RE, parse_id_number
from nlu.lexicon import IN_LAW_WORDS, Match, match_relations, relative_of_pronoun
from nlu.numbers import Amount, days_unsaid, find_amounts, parse_count
from nlu.numerals import NUMERAL_RE, Negative, find_negative, parse_number

# 近亲属 on the form (004 表格说明 8): 配偶、父母、子女、兄弟姐妹、祖父母、外祖父母、孙子女、
# 外孙子女; a nephew, a cousin or an uncle ("other") is none of them
_NOT_CLOSE_KIN = frozenset({"other"})
_KIN_AT_ALL = frozenset({"亲戚", "亲属", "近亲", "亲人"})  # "亲戚里没当干部的": everybody
_DENIED = re.compile(r"[没不无莫]")
_GRADE_SAID = re.compile(rf"(?P<n>{NUMERAL_RE.pattern})级")
# said per month; "一年领一千八" to 基础养老金 is 150 a month
MONTHLY_FACTS = {
    "monthly_income_total",
    "members.monthly_income",
    "members.monthly_basic_pension",
    "members.monthly_allowance",  # "残疾人补贴，一季度三百": 100 a month
}
_WIDE = 3  # an income that varies more than threefold has no "usual month": ask the year


# farming named in the clause of an amount: its income comes by the harvest, not the month
_FARMED = re.compile(r"种地|种田|种庄稼|庄稼|地里|务农")
_CLAUSE_BREAK = re.compile(r"[，,。；;！!？?\s]")


def _farm_income_unperioded(text: str) -> bool:
    """Every amount is said of farming ("种地收入五千") and none with a period: a year's sum
    or a month's, the speaker did not say."""
    found = [f for f in find_amounts(text, answer=True) if isinstance(f.value, Amount)]
    if not found or any(isinstance(f.value, Amount) and f.value.period for f in found):
        return False
    for said in found:
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, said.start)]
        end = _CLAUSE_BREAK.search(text, said.end)
        if not _FARMED.search(text, breaks[-1] if breaks else 0, end.start() if end else len(text)):
            return False
    return True


def _the_persons_named(text: str) -> list[Match]:
    """The person each clause names: the last relation word of a chain ("俺闺女女婿": her
    husband, not the daughter)."""
    named = []
    for clause in clauses(text):
        said = [m for m in match_relations(clause) if m.id != "self" and m.text not in _KIN_AT_ALL]
        if said:
            named.append(said[-1])
    return named


def _not_close_kin(said: Match) -> bool:
    """A nephew, a cousin ("other"), or a relative by marriage (女婿, 儿媳, 公婆, 岳父母)."""
    return said.id in _NOT_CLOSE_KIN or IN_LAW_WORDS.fullmatch(said.text) is not None


@dataclass(frozen=True)
class Doubt:
    """An answer too doubtful to store: `kind` names the question back (prompts.yml doubts)."""

    kind: str
    number: str = ""
    field: str = ""  # what the number was about ("年龄", "全家月收入"), for the message


_NUMBER = r"(?:\d+(?:\.\d+)?|[零一二两三四五六七八九十百千]+)"
_SEASONAL = re.compile(
    r"(?:夏天|冬天|春天|秋天|农闲|农忙|旺季|淡季|过年)[^，。；！？]{0,8}"
    r"(?:没活|没有活|不干|没事干|歇着|闲着|没收入|没钱)"
)
# an average said after the ups and downs: "冬天没活干，平均下来一个月也就一千二"
_AVERAGED = re.compile(
    rf"(?:平均|摊|匀|算)下来[^，。；！？]{{0,6}}?{_NUMBER}|平均(?:每|一)个?月[^，。；！？]{{0,4}}?{_NUMBER}"
)
# "住院还另算", "儿子打工挣的另算": only a part of the whole is said
_ONLY_PART = re.compile(r"另算|还不算|不算在内|没算上|不包括")
_WORKERS_PENSION = re.compile(r"退休工人|退休职工|退休金|职工养老|企业养老|单位(?:上)?(?:退休|发)")
_AGE_SAID = re.compile(rf"(?P<n>{_NUMBER})(?:多)?(?:岁|周岁)")
_ROOMS = re.compile(rf"(?P<n>{_NUMBER})间")
_AREA = re.compile(r"平米|平方|平(?!房)|㎡|m2", re.I)  # 平房 is a kind of house
_AREA_SAID = re.compile(rf"{_NUMBER}\s*(?:多|来)?\s*个?\s*(?:平米|平方|平|㎡|m2)", re.I)
# "比我小五岁", and "小我三岁" / "大他两岁" (the one compared with right after 大/小): a gap
_RELATIVE_AGE = re.compile(
    r"比.{0,4}(?:大|小)|(?:大|小)(?:我|俺|咱|额|他|她|你)(?:[零一二两三四五六七八九十\d]|几|个)"
)
HOUSE_UNITS = re.compile(r"套|处|栋|所|座|个院|院子")  # a courtyard (院子) is one home
NONE_OF = re.compile(r"(?:一|1)(?:套|处|个|辆|间)?(?:也|都)没")  # "一间都没有": none at all
_CAVES = re.compile(r"窑洞|孔窑|眼窑|窑")
# "就那孔裂了的窑洞", "一孔土窑": one cave, the home they live in
ONE_CAVE = re.compile(r"(?:一|那|这|就那)(?:孔|眼)[^，。,；！？]{0,6}?窑")
# "就住的那三间老房子": the rooms of the one home they live in, not several homes
THE_HOME_WE_LIVE_IN = re.compile(r"(?:住的|住着的|就|只有)那?[^，。,；！？]{0,3}?间")
# a day's pay with the days worked said as few or unknown (not "一个月干二十来天")
_FEW_DAYS = re.compile(
    r"(?:一天|每天|日薪|一日)\S*[，,]?\S*(?:没|不了|不上|没有)几天|(?:干|做)几天算几天"
)
# odd jobs, paid by the day and taken when there are some: no month of thirty days
_ODD_JOBS = re.compile(r"零工|零活|打短工|短工|打杂|有活(?:就|才)?干")
# "康复一次两百，一个月去四次": paid each time, and how often
# "一次两百": an amount per visit; "住了一次院" counts the stays, it prices none
PER_VISIT = re.compile(r"(?<![了过])(?:一次|一回|一趟)(?![院])|每次|每回|每趟")
VISITS = re.compile(
    rf"(?P<per>一个月|每个月|每月|一年|每年|一周|每周|一个星期|每星期)[^，,。；;]{{0,6}}?"
    rf"(?P<n>{_NUMBER})(?:次|回|趟)"
)
# "就我种地那点", "只有他打零工那几个": the one income, its amount not said (whatever else is)
_ONLY_SOURCE_UNSAID = re.compile(
    r"(?:就|只)(?:靠|剩|有)?[^，,。；！？\d]{0,6}?"
    r"(?P<source>种地|种田|地里|打零工|零工|摆摊|卖菜|养老金|退休金|工资)的?(?:那点|那些|那几个)"
)
_INCOME_SOURCE = re.compile(r"养老金|退休金|退休工资|低保金?|工资|打零?工|种地|补贴|儿女给|孩子给")


def _some_amount(text: str) -> bool:
    """An amount above none is said ("一分没有" is none)."""
    said = (f.value for f in find_amounts(text, answer=True))
    return any(isinstance(a, Amount) and a.value > 0 for a in said)


def without_relative_age(text: str) -> str:
    """The clauses that do not compare ages ("比我小五岁"); all of them when every one does."""
    kept = [c for c in clauses(text) if not _RELATIVE_AGE.search(c)]
    return "，".join(kept) if kept else text


# "她还没到六十，没领": an age reached or not, said beside an amount, is no amount
_AGE_REACHED = re.compile(
    r"(?:没到|不到|还没到|不够|没满|不满|刚到|刚满|满了?|过了|快到|到了|够了?)"
    r"(?:[五六七八九]十[一二三四五六七八九]?|[5-9]\d)(?:岁|周岁)?(?![\d十百千万块元])"
)


# "娃才十二", "他都七十了", "孙子今年十五岁": a clause that tells only somebody's age (not "一个月才
# 八百": a period or money before the number is an amount)
_AGE_TOLD = re.compile(
    r"^(?P<who>[^，,\d]{0,4}?)"
    r"(?:(?:才|都|今年|已经|刚)(?P<a>[一二两三四五六七八九十\d]{1,3})(?:岁|周岁)?"
    r"|(?P<b>[一二两三四五六七八九十\d]{1,3})(?:岁|周岁))(?:了|呢|啊|呀|多)?$"
)


_NOT_AN_AGE = re.compile(r"月|年|天|周|礼拜|星期|钱|块|工资|收入|养老金|退休金")


def without_age_reached(text: str) -> str:
    """The clauses that do not tell an age reached ("她还没到六十") or said ("娃才十二"); all
    of them when every one does."""
    kept = [c for c in clauses(text) if not _AGE_REACHED.search(c) and not _age_told(c)]
    return "，".join(kept) if kept else text


def _age_told(clause: str) -> bool:
    said = _AGE_TOLD.match(clause.strip())
    if said is None or _NOT_AN_AGE.search(said.group("who")):
        return False
    age = parse_number(said.group("a") or said.group("b"))
    return age is not None and 0 < age <= 120


def said_grade(text: str) -> int | float | None:
    """The disability grade said ("二级" -> 2), whatever its value; None when none is."""
    said = _GRADE_SAID.search(text)
    return None if said is None else parse_number(said.group("n"))


def first_number(text: str) -> float | None:
    match = NUMERAL_RE.search(text)
    if match is None:
        return None
    number = parse_number(match.group())
    return None if number is None else float(number)


def _only_ages(text: str, today: dt.date) -> bool:
    facts = read_facts(text, today).facts
    return bool(facts) and all(f.name == "members.age" for f in facts)


def find_doubt(question: Question, text: str, today: dt.date) -> Doubt | None:
    """The number said does not fit the question: ask back instead of storing it."""
    negative = find_negative(text)
    if negative is not None:
        return negative_doubt(negative, question)
    fills = question.fills
    if (
        question.group == "household"
        and question.answer != "count"
        and differs_by_person(text)
        and not _only_ages(text, today)  # "俺六十八 老头子七十": ages told, noted elsewhere
    ):
        return Doubt("differs_by_member")  # "我的在这，老伴的还在她娘家": whose, then?
    source = _INCOME_SOURCE.search(text)
    if (  # "就靠那点养老金": there is an income; how much?
        source
        and any(f in MONTHLY_FACTS for f in fills)
        and not NUMERAL_RE.search(text)
        and parse_yes_no(text) is not False
    ):
        return Doubt("how_much", source.group())
    unsaid = _ONLY_SOURCE_UNSAID.search(text)
    if unsaid and any(f in MONTHLY_FACTS for f in fills) and not _some_amount(text):
        return Doubt("how_much", unsaid.group("source"))  # "现在一分没有，就我种地那点"
    if any(f in MONTHLY_FACTS for f in fills) and _FEW_DAYS.search(text):
        return Doubt("days_unsure")  # "一天八十，一个月干不了几天": how many days, then?
    if any(f in MONTHLY_FACTS for f in fills) and _ODD_JOBS.search(text) and days_unsaid(text):
        return Doubt("days_unsure")  # "打零工，一天一百": paid by the day, days not said
    if any(f in MONTHLY_FACTS for f in fills) and _farm_income_unperioded(text):
        return Doubt("farm_period")  # "种地收入五千": a year's, most likely; asked, not guessed
    averaged = _AVERAGED.search(text) is not None  # "平均下来也就一千二": the month said
    if any(f in MONTHLY_FACTS for f in fills) and _SEASONAL.search(text) and not averaged:
        return Doubt("seasonal")  # "夏天一个月四千，冬天就没活了": a year's total, then
    if question.answer == "amount" and NUMERAL_RE.search(text) and _ONLY_PART.search(text):
        return Doubt("only_part", field=question.summary_label)  # "吃药五六千，住院还另算"
    varying = varying_amount(text) if any(f in MONTHLY_FACTS for f in fills) else None
    if varying is not None and varying.high > _WIDE * max(varying.low, 1) and not averaged:
        return Doubt("varying_wide")  # "好的时候三千，差的时候几百": a year's total, then
    if fills == ["size"] and parse_count(text) is None:
        age = _AGE_SAID.search(text)
        if age:
            return Doubt("age_not_size", age.group("n"))
        bare = first_number(text) if NUMERAL_RE.fullmatch(text.strip("。. 个人口")) else None
        if bare is not None and not 1 <= bare <= 30:
            return Doubt("size_zero" if bare == 0 else "size_impossible", f"{bare:g}")
    if fills == ["assets.houses"] and not HOUSE_UNITS.search(text) and not NONE_OF.search(text):
        if _CAVES.search(text) and not ONE_CAVE.search(text):
            return Doubt("caves_not_houses")  # "就俩窑洞": rooms of one home, as a rule
        rooms = _ROOMS.search(text)
        one_home = rooms is not None and (
            rooms.group("n") in ("一", "1") or THE_HOME_WE_LIVE_IN.search(text) is not None
        )  # "一间老土房": one room, one home
        if rooms and not one_home:
            return Doubt("rooms_not_houses", rooms.group("n"))
        if _AREA.search(text):
            return Doubt("area_not_houses")
    if fills == ["housing.total_floor_area"] and not _AREA_SAID.search(text):
        rooms = _ROOMS.search(text)
        if rooms:
            return Doubt("rooms_not_area", rooms.group("n"))
        if HOUSE_UNITS.search(text):
            return Doubt("houses_not_area")  # "一套房": how many flats, not how big
    if (  # "花了三万，报了一部分": what was paid after it, asked back
        fills == ["expenses_12m.medical"]
        and mentions_reimbursement(text)
        and NUMERAL_RE.search(text)
        and out_of_pocket(text) is None
    ):
        return Doubt("before_reimbursement")
    if fills[0].startswith("expenses_12m.") and PER_VISIT.search(text) and not VISITS.search(text):
        return Doubt("per_visit")  # "一次两百": how often, then?
    # "两千多，我是退休工人": the amount may not be the 城乡居民 basic pension, asked back;
    # "不是，是单位的退休金" says there is none of it
    if fills == ["members.monthly_basic_pension"] and _WORKERS_PENSION.search(text):
        denied = parse_yes_no(text) is False and not NUMERAL_RE.search(text)
        if not denied:
            return Doubt("workers_pension")
    grade = said_grade(text)
    if fills == ["members.has_disability"] and grade is not None and grade not in (1, 2, 3, 4):
        return Doubt("grade_impossible")  # "有，五级": the card has grades 1 to 4
    if fills == ["relative_is_aid_official"] and not _DENIED.search(text):
        named = _the_persons_named(text)
        if named and all(_not_close_kin(m) for m in named):
            return Doubt("not_close_kin", named[0].text)  # "俺侄子在村里当会计"
    if question.answer == "relation":
        someones = relative_of_pronoun(text)
        if someones is not None:
            return Doubt("whose_relative", someones)  # "她爸": her father, whose is she?
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


_UNIT_FIELDS = (("岁", "年龄"), ("口", "家里人数"), ("人", "家里人数"), ("块", "钱数"),
                ("元", "钱数"), ("万", "钱数"), ("千", "钱数"))  # fmt: skip


_TOPIC_FIELDS = {"收入": "收入", "工资": "收入", "养老金": "收入", "退休金": "收入", "存款": "存款",
                 "年龄": "年龄", "岁数": "年龄", "人数": "家里人数"}  # fmt: skip
_TOPIC_BEFORE = re.compile("|".join(_TOPIC_FIELDS))


def negative_doubt(negative: Negative, question: Question | None) -> Doubt:
    """ "-5岁", "负三口人", "-500": never stored as a positive; the field is named back."""
    field = next((name for unit, name in _UNIT_FIELDS if unit in negative.unit), "")
    if not field:
        topic = _TOPIC_BEFORE.search(negative.before)
        field = _TOPIC_FIELDS.get(topic.group(), "") if topic else ""
    if not field:
        field = question.summary_label if question is not None else "这个数"
    return Doubt("negative", negative.said, field)
