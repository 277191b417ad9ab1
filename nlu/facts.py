"""Household facts stated anywhere in a free text: an opening story or any answer.

`read_facts(text, today)` returns a Reading: the facts with their spans and confidence, the
household members named (by relation, with "走了/去世/离婚" marking those who do not live
there), the household size when it is said, the items asked about (not those already
received), whether the text complains, and a policy question asked inside it. Nothing about
sessions: the dialogue decides what to store (dialogue/noted.py).

A member fact is about the member named last before it in the same sentence ("我老伴得了尿毒症"
-> spouse); with no member named it is about "the speaker or the member being asked about"
(who=None). A clause that negates ("不是危房") or supposes ("有车的话", "能不能") states
nothing. The words are in nlu/data/facts.yml.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, model_validator

from guides.ids import ItemId
from nlu.amount_clauses import AT_BEST, COST_ITEMS, DEBT, EACH
from nlu.clauses import clauses, numbers_mended, told_before_now
from nlu.dates import UNDER_AN_AGE, find_ages
from nlu.dialect import father_as_die, plain_no, son_as_erzi
from nlu.floor_area import floor_area_said
from nlu.household_said import (
    SUMMED,
    about_self,
    clause_before,
    household_income,
    hukou_elsewhere,
    hukou_here,
    no_income_of_all,
    own_income_said,
    own_pay_of,
    said_size,
    speakers_own,
)
from nlu.lexicon import find_items, match_items
from nlu.marital import marital_said
from nlu.mentions import (
    CHILD,
    MANY_PEOPLE,
    SELF,
    UNNAMED,
    Mention,
    PersonWords,
    clause_at,
    clause_who,
    everyone_in,
    find_mentions,
    possessive,
    sentence_at,
    small_number,
    who_at,
)
from nlu.numbers import Amount, find_amounts, over_days_worked, to_monthly
from nlu.outsider import asks_for_outsider, outsider_size
from nlu.proxy import SpeaksFor, speaks_for
from nlu.repeats import without_repeats
from nlu.supporters import no_supporter_said
from nlu.synonyms import e_as_i, spoken
from nlu.tokenize import collapse_a_not_a
from nlu.voice_input import punctuate, spaces_as_commas

DATA = Path(__file__).parent / "data" / "facts.yml"
CONFIDENT = 0.9  # a fact said in so many words
LIKELY = 0.7  # inferred from context (a school stage without a verb of studying)
# "心脏不好要下支架": 不好/不行 says how someone is, it denies nothing after it
_NEGATED = re.compile(r"(?:不是|没有|没得|没|不算|不(?!好|行|太好|舒服))\S{0,2}$")
# a situation long past is not one of 最近 ("三年前出了车祸")
_YEAR = re.compile(r"(?P<y>(?:19|20)\d\d)年")


def _in_a_past_year(text: str, lo: int, start: int, today: dt.date) -> bool:
    """ "2008年地震后盖的房子": a year named before, earlier than last year, is long ago."""
    return any(int(m.group("y")) < today.year - 1 for m in _YEAR.finditer(text, lo, start))


_MONTH = re.compile(
    r"(?<![\d日号])(?P<m>1[0-2]|[1-9]|十[一二]|[一二三四五六七八九十])月份?(?![\d一二三四五六七八九十])"
)
_RECENT_MONTHS = 3  # a bill of a treatment begun more months ago than this is no sudden one


def _months_ago(text: str, lo: int, start: int, today: dt.date) -> bool:
    """ "8月份他查出来肺癌…自费部分已经十来万" said in June: a month named before that is
    after this one is last year's, more than a season back, not just now ("今年三月…自己掏了
    八万多" said in December may still be this year's 支出型 expense: kept)."""
    for m in _MONTH.finditer(text, lo, start):
        month = small_number(m.group("m"))
        if (
            month is not None
            and month > today.month
            and (today.month - month) % 12 > _RECENT_MONTHS
        ):
            return True
    return False


LONG_AGO = re.compile(
    r"(?:[两三四五六七八九十几\d]+|好几)年(?:前|以前)|前些年|前几年|早些年|早年|小时候|年轻(?:的)?时候?"
    r"|(?<![一今去])前年"  # the year before last: not 最近 (a 急难 is recent)
    r"|[一二三四五六七八九十两几\d]{1,3}多?岁(?:那年|那会儿?|的?时候)"  # "三十岁那年出车祸"
)
# "我五十四，", "老伴六十三。": a number right after a member, closing the clause, is the age
_BARE_AGE = re.compile(
    r"(?:今年|都|也)?(?P<n>[一二三四五六七八九十\d]{2,3})(?P<more>多|出头|好几)?(?=[，,。；;！!\s]|$|了|都|[我俺]|能|还能|可以|在|还)"
)  # "我爸八十三我妈七十八都跟我住": voice input has no commas; "公公婆婆七十多，"
# the middle of the years said over the tens: "七十多" 70..79, "五十出头" 51..54, "七十好几" 72..79
_ABOVE_TENS = {"多": 5, "出头": 2, "好几": 6}
# "我八十二岁的老娘", "有个七十九的老爹": an age said before a relative the speaker names as
# theirs, joined by 的, is that relative's; without the speaker's word ("家里还有八十多岁的
# 奶奶", whose 奶奶?) it is nobody's
_AGE_BEFORE = re.compile(
    r"(?P<own>(?:我|俺|咱)们?家?(?:那个?)?|有个|带(?:着)?(?:一)?个?)?"
    r"(?P<n>[一二三四五六七八九十\d]{1,3})(?:多?周?岁)?(?:的(?:那个|那)?老?|(?<=岁))$"
)  # 老娘, 老父亲: the relation word starts after 老; "带个5岁娃": 岁 right before the child
_DIALECT_HOME = re.compile(r"屋里(?!的|人)")  # "俺屋里四口人": 家里 (屋里的/屋里人 is the wife)
_DEPOSIT = re.compile(r"存款|存了|积蓄|(?:就|只|还)剩")  # "花得就剩三千了": what is left
# an item named inside these is a status or a description, not a request ("防返贫监测户",
# "低保户", "房子是危房")
_STATUS_FACTS = (
    "already_receives",
    "is_relapse_monitoring_object",
    "is_formerly_poor",
    "housing.is_dangerous_house",
)
_DONE_FACTS = ("members.is_unemployment_registered",)
_OUR_HOME = re.compile(r"我家|我们家|俺家|俺们家|咱家|自己家")
_IN_OUR_HOME = re.compile(
    r"(?:家里|家中|我家|我们家|俺家|俺们家|咱家)(?:还|也)?有(?:个|一个|位|一位)?$"
)
# "家里老人住院了": somebody of ours, said of the household
_OF_OUR_HOME = re.compile(r"(?:家里|家中|我家|我们家|俺家|俺们家|咱家)的?$")
_AND_MORE = re.compile(r"[^，。；！？]{0,6}?(?:和|还有|加上|以及)")
# "就靠种地和一个月一百多的养老金": the amount is the later part of a list of sources
_AFTER_AND = re.compile(r"(?:靠|有)[^，。；！？]{1,6}(?:和|还有|加上|以及)[^，。；！？]{0,8}$")
# a clause adding one more source to those said before it: a part of the income
_FURTHER = re.compile(r"\s*(?:还有|另外还有|另外|再加上|加上)")
# "靠我给她的八百块": money somebody gives, not an income the household earns
# payments not counted as the household's income (最低生活保障审核确认办法 第十三条: 优待抚恤金,
# 政府发放的各类社会救助款物; the disability and old-age allowances are paid as welfare)
_ASSISTANCE = re.compile(
    r"残疾人?(?:生活|护理)?补贴|两项补贴|护理补贴|高龄(?:补贴|津贴)|抚恤金|低保金|救助金|供养金"
    r"|老年人?(?:补贴|津贴)|老人(?:补贴|津贴)"
)
# the clause right after an amount saying all of it is spent: "…，早就花完了" (not "全交了还
# 不够": what it went to, the savings said are still read)
_SPENT_NEXT = re.compile(r"(?:早就?|早都|全|都|也|已经)?(?:花|用|折腾)(?:光|完|没)了")
_COST_NEAR = 6  # characters from a thing paid for ("学费一年") to its amount
# money kin living apart give: "兄弟姊妹每月凑个三四百", "亲戚们接济点"
_FROM_RELATIVES = re.compile(
    r"(?:兄弟|姊妹|姐妹|儿女|子女|亲戚|娃们|孩子们)[^，。；！？]{0,8}?(?:凑|接济|贴补|帮衬|寄|给)"
)
# money sent home by one working away: what they send, not what they earn (nor the speaker's)
_SENT_HOME = re.compile(
    r"(?:寄|打|捎|汇|转)回(?:来|家)?|往家里?(?:寄|打|汇|转)|给家里(?:寄|打|汇|转)"
)
# what is left of a year's takings once the costs are off: no savings ("去掉饲料钱也就剩一万多")
_NET_OF_COSTS = re.compile(
    r"(?:去掉|除去|刨去|刨掉|扣掉|扣除|减去)[^，。；！？]{0,8}(?:就|只|还)?剩"
)
# living on an assistance payment: "就靠低保过", "吃着低保"
_ON_AID = re.compile(
    r"(?:靠|吃|领|拿)(?:着|的)?(?:点|那点|一点)?(?:低保|五保|特困|救助)"
    r"|(?:再就是|再加上|加上)(?:个|点)?(?:低保|五保|特困)(?=$|[，,。；;！!])"  # "再就是低保，三口人…"
)
_GIVEN = re.compile(r"给[^，。；！？]{0,3}的[^，。；！？]{0,3}$")
# rent paid for where one lives ("租房住一个月800", "租的房 一个月六百", "房租一千二"), not rent
# received ("收房租", "房子租出去"): money paid out, nobody's income
_RENT_PAID = re.compile(
    r"(?<![出收])租(?:了|的|着)?(?:个|间|套|一间|一套)?(?:私人的?|别人的?)?(?:房|屋)子?(?:住)?"
    r"|住(?:的)?出租屋|(?<!收)(?:房租|租金)"
)
# a loan paid back ("老公开大车一个月还车贷六千", "车贷房贷一个月就得五千多", "一年光利息就一万多"):
# money paid out, nobody's pay
_REPAID = re.compile(r"(?:车|房)贷|月供|还(?:贷款?|账|债)|利息")
# "…一个月一千八，一家四口就靠我这点工资": the household lives on the amount said before
# (or in the next sentence: "一个月一千八，老婆没工作。家里就这一个收入"; "别的收入也没有")
_LIVES_ON_IT = re.compile(
    r"(?:全|就|只|都)靠(?:我|俺|他|她)?(?:的)?(?:这|那)(?:点|些|份|几个)(?:工资|钱|收入|退休金|养老金)"
    r"(?![和跟与及、]|加上|还有|再加)"  # "就靠我这点工资和丈夫打零工的钱": not all of it
    r"|(?:家里)?(?:就|只有)这(?:一)?(?:个|份|点)收入"
    r"|(?:全|就|只|都)靠(?:这|那)个(?:过日子|过|活|生活)?(?=$|[，,。！!？?；;\s])"  # "仨人就靠这个"
    r"|(?:别的|其他|其它)(?:啥|什么)?收入(?:也|都)?没(?:有)?|没(?:有)?(?:别的|其他|其它)(?:的)?收入"
)
_HEARSAY = re.compile(r"说是")
_MONTHLY_BY_NATURE = re.compile(r"退休金|养老金|工资")  # said without 一个月, still a month's
# "就靠额俩的养老金，一个人一百八": each one's share of the pension named in the clause before
_EACH_SHARE = re.compile(r"(?:一个人|每人|每个人|一人|各)(?:是|有|领|能领|拿)?$")


_LIVE_ON_ALONE = re.compile(r"(?:就|全|只)(?:靠|指着|指望)")


def _all_they_live_on(text: str, lo: int) -> bool:
    """ "家里就靠额俩的养老金，一个人一百八": the clause before says the two's pensions are all
    the household lives on."""
    before = clause_before(text, lo)
    return (
        before is not None
        and _LIVE_ON_ALONE.search(text, *before) is not None
        and _MONTHLY_BY_NATURE.search(text, *before) is not None
    )


def _monthly_by_nature(text: str, lo: int, start: int) -> bool:
    """The amount at `start` is of a pension or a wage, a month's when said without a period."""
    hi = clause_at(text, start)[1]
    if _MONTHLY_BY_NATURE.search(text, lo, hi):
        return True
    before = clause_before(text, lo)
    return (
        before is not None
        and _EACH_SHARE.fullmatch(text, lo, start) is not None
        and _MONTHLY_BY_NATURE.search(text, *before) is not None
    )


_AFTER_GRADUATION = re.compile(
    r"^(?:都|已经|早就?|刚|也)?毕业"
)  # not "大学，今年毕业": still there
# "念到初二就不念了", "高中没读完": the stage the member left school at
_LEFT_SCHOOL = re.compile(r"(?:就|便|也|都)?(?:(?:不|没)(?:念|读|上)了|没(?:念|读|上)完|辍学|退学)")
# "她男人得脑溢血没了", "得癌症走的": the illness of somebody who died of it, not a member's
_DIED_OF = re.compile(
    r"[^，。；！？]{0,2}?(?<![花用])(?:走了|走的|去世|过世|没了|死了|病死|不在了)"
)
# "困难退役军人的帮扶", "残疾人的政策": a kind of people named as those an aid is for
_KIND_OF_PEOPLE = re.compile(r"的?(?:帮扶|政策|优待|待遇|救助|补贴|援助)")
# "听说重度残疾人能单独办低保": what a kind of people may get, a rule (not "我是残疾人，能…")
_KIND_MAY_GET = re.compile(r"(?:都|就|才)?(?:能|可以)(?:单独)?(?:办|申请|领|享受|吃|拿)")
_FOR_KIND = re.compile(r"(?:困难|对|给)$")
_DENIED = re.compile(r"不是$|不是大概$")
_RESTATED = re.compile(r"^\s*(?:其实|应该|实际上?)?是")


class _MedicalBill(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    treatment: str
    spent: str
    regular: str
    other_debt: str
    last_year: str
    now_again: str


class _Words(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    illness_kinds: dict[str, list[str]]
    sudden: str
    recent_onset: str
    situations: dict[str, list[str]]
    medical_bill: _MedicalBill
    school_stages: dict[str, list[str]]
    studying: str
    hukou_types: dict[str, list[str]]
    flags: list[tuple[str, Any, list[str]]]
    member_flags: list[tuple[str, Any, list[str]]]
    no_certificate: list[str]
    total_care: list[str]
    disability_grade: str
    disability_kinds: dict[str, list[str]]
    receiving: dict[str, list[str]]
    departed: str
    supposed: str
    supposed_ahead: str
    asked_behind: str
    request_between: str
    children: str
    persons: dict[str, list[str]]
    ordinal: str
    ordered: tuple[str, ...]
    complaint: str
    policy_question: str
    voice_slips: dict[str, str]

    @model_validator(mode="after")
    def _slips_keep_length(self) -> _Words:
        for slip, meant in self.voice_slips.items():
            if len(slip) != len(meant):
                raise ValueError(f"voice slip {slip!r} -> {meant!r}: not the same length")
        return self


@dataclass(frozen=True)
class Fact:
    """A stated fact. `name` is a household fact name ("size", "members.age", ...); a member
    fact names its member by `who` (a relation id; None: the speaker or the one asked about)."""

    name: str
    value: Any
    start: int
    end: int
    who: str | None = None
    estimate: bool = False
    confidence: float = CONFIDENT


@dataclass(frozen=True)
class Reading:
    facts: list[Fact] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    size: Fact | None = None
    items: list[ItemId] = field(default_factory=list)
    complaint: bool = False
    policy_question: str | None = None
    speaks_for: SpeaksFor | None = None  # an opening asking for somebody else's household

    def members(self) -> list[Mention]:
        """The members who live in the household, each person once (children by count). A
        word naming only the relation ("儿子") is one of the persons of that relation named
        apart ("大儿子", "小儿子") when there are such."""
        seen: dict[str, Mention] = {}
        for mention in self.mentions:
            if mention.relation in (SELF, UNNAMED) or mention.departed:
                continue
            if mention.key not in seen or mention.count > seen[mention.key].count:
                seen[mention.key] = mention
        apart = {m.relation for m in seen.values() if m.person}
        return [m for m in seen.values() if m.person or m.relation not in apart]


@cache
def _words() -> _Words:
    return _Words(**yaml.safe_load(DATA.read_text(encoding="utf-8")))


def unslipped(text: str) -> str:
    """Speech-recognition slips (nlu/data/facts.yml voice_slips) as the words meant."""
    slips = _words().voice_slips
    return _any_of(tuple(slips)).sub(lambda m: slips[m.group()], text) if slips else text


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _any(patterns: list[str]) -> re.Pattern[str]:
    return _any_of(tuple(patterns))


@cache
def _any_of(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return _compiled("|".join(f"(?:{p})" for p in patterns))


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def received_spans(text: str) -> list[tuple[int, int]]:
    """Where the text says an item is (or is not) already received: "低保户", "吃着低保",
    "不是低保户". The household's standing, said as background to another question."""
    return [
        span for patterns in _words().receiving.values() for span in _spans(_any(patterns), text)
    ]


def clause_span(text: str, index: int) -> tuple[int, int]:
    """Start and end of the clause (between commas or stops) around `index`."""
    return clause_at(text, index)


def _states(text: str, start: int, negatable: bool = True, supposable: bool = True) -> bool:
    """The clause around `start` states the fact: not supposed (if it can be: a request
    asked as 能不能 is still said), and (if asked) not negated (能不能 is no negation)."""
    lo, hi = clause_at(text, start)
    if supposable and (_supposed(text, start, lo, hi) or text[hi : hi + 1] in ("？", "?")):
        return False  # supposed, or asked ("啥叫监测户？")
    before = text[lo:start] if supposable else collapse_a_not_a(text[lo:start])
    return not (negatable and _NEGATED.search(before))


def _supposed(text: str, start: int, lo: int, hi: int) -> bool:
    """ "能不能算低保户", "有车的话": the fact at `start` is supposed or asked about. Only what
    能不能/吗 govern: "我们家是脱贫户能不能办贷款" says the status and asks about the loan."""
    words = _words()
    if _compiled(words.supposed).search(text, lo, hi):
        return True
    if _in_a_supposed_case(text, start):
        return True
    if _compiled(words.supposed_ahead).search(text, lo, start):
        return True
    behind = _compiled(words.asked_behind).search(text, start, hi)
    return behind is not None and not _compiled(words.request_between).search(
        text, start + 1, behind.start()
    )


# "要是 就是 俺儿子去外地打工了 户口还在村里 俺们家的低保还算他一个人不": a case opened by
# 要是 (no 的话 or 就 closing it) and asked about at the sentence's end is supposed throughout
_CASE_OPENED = re.compile(
    r"(?:(?:那个|就是|嗯|额|呃|你看|我想问|问一下|请问)[，,\s]*)*(?:要是|如果|假如|万一|假设)"
    r"[^，,的就那]*(?:[，,]|$)"
)
_CASE_ASKED = re.compile(r"(?:吗|么|不|没|没有|呢|不了|不行|算不算|行不行)\s*[？?]?\s*$")


def _in_a_supposed_case(text: str, start: int) -> bool:
    lo, hi = sentence_at(text, start)
    opened = _CASE_OPENED.match(text, lo)
    return (
        opened is not None
        and opened.end() <= start
        and "的话" not in text[lo:start]
        and _CASE_ASKED.search(text[lo:hi]) is not None
        and clause_at(text, start)[1] < hi  # the question itself is not part of the case
    )


def _member_fact(
    out: list[Fact], mentions: list[Mention], text: str, name: str, value: Any,
    start: int, end: int, confidence: float = CONFIDENT,
) -> None:  # fmt: skip
    who, gone = who_at(mentions, text, start)
    if not gone:
        for _ in range(_each_of(mentions, text, who, start)):
            out.append(Fact(f"members.{name}", value, start, end, who, confidence=confidence))


def _each_of(mentions: list[Mention], text: str, who: str | None, start: int) -> int:
    """ "两个儿子都在上小学": a fact said with 都 after a counted relation is each one's."""
    named = [m for m in mentions if m.key == who and m.end <= start]
    last = max(named, key=lambda m: m.start) if named else None
    if last is None or last.count < 2 or "都" not in text[last.end : start]:
        return 1
    return last.count


def illness_kind_named(text: str) -> str | None:
    """The kind of the first illness named and not negated ("大夫说是类风湿" -> immune)."""
    words = _words()
    named = [
        (start, kind)
        for kind, patterns in words.illness_kinds.items()
        for start, _ in _spans(_any(patterns), text)
        if _states(text, start)
    ]
    return min(named)[1] if named else None


def _began_just_now(text: str, lo: int, hi: int, start: int) -> bool:
    """The illness's clause, or the one after it ("脑出血住院了 三个星期了"), says it began just
    now, and nothing in its clause before it says long ago."""
    _, next_hi = clause_at(text, hi + 1) if hi + 1 < len(text) else (hi, hi)
    if _ONSET_DATED.search(text, lo, start):
        next_hi = hi  # "今年查出肝癌 上个月做完手术": the onset has its own date; the next clause's is later
    recent = _compiled(_words().recent_onset).search(text, lo, max(hi, next_hi))
    return recent is not None and not (
        LONG_AGO.search(text, lo, start) or _LONG_ILL.search(text, lo, hi)
    )


# the onset dated in its own clause by the year or a month ("今年查出", "8月份确诊")
_ONSET_DATED = re.compile(r"今年|去年|前年|年初|年前|(?:[\d一二三四五六七八九十]+)月份?(?!前)")


# "脑梗好几年了", "常年吃药": ill for long, whatever happened this month
_LONG_ILL = re.compile(r"(?:好几|几|[两三四五六七八九十\d]+|多)年了|多年|常年|长年|好些年")


# cured: "治好了", "现在好了" (not "好了一点", "好多了": better, still ill)
_RECOVERED = re.compile(
    r"(?:治好了|(?:已经|现在|早就?|病|以后|之后|后来)好了|痊愈了?|康复了|(?:已经|现在)没事了"
    # "做过手术，现在恢复得挺好，复查都没事": the check-ups find nothing
    r"|恢复得(?:挺|很|还|蛮|都)?(?:好|行|不错)|(?:复查|检查)(?:都|也|一直)?(?:没事|没问题|正常))"
    r"(?!一点|些|点|很多)"
)


def _recovered(text: str, mentions: list[Mention], end: int) -> bool:
    """Said cured after the illness, in its sentence, before anybody else is named."""
    stop = min([sentence_at(text, end - 1)[1], *(m.start for m in mentions if m.start >= end)])
    return _RECOVERED.search(text, end, stop) is not None


def _illness(text: str, mentions: list[Mention], out: list[Fact]) -> None:
    """Illness by name; a member's kind is the first one said ("淋巴瘤…化疗": blood, the
    treatment word names no second illness)."""
    words = _words()
    sudden = _compiled(words.sudden)
    found: list[Fact] = []
    cured: set[str] = set()  # the words of illnesses said cured ("甲状腺癌…现在好了")
    for kind, patterns in words.illness_kinds.items():
        said = False  # this kind of illness already said of somebody
        for start, end in sorted(_spans(_any(patterns), text)):
            if not _states(text, start) or _DIED_OF.match(text, end):
                continue
            if _recovered(text, mentions, end):
                cured.add(text[max(0, start - 2) : end])  # "癌" alone names no illness
                continue  # "得过白血病，现在好了": an illness of the past
            if text[max(0, start - 2) : end] in cured:
                continue  # "俺那个甲状腺癌还算不算": the cured one named again
            lo, hi = clause_at(text, start)
            if said and not any(lo <= m.start < start for m in mentions):
                # "…透析的自付费用还能报吗", "透析的钱…还得自己掏": the same illness again,
                # nobody new named before it in its clause
                continue
            said = True
            _member_fact(found, mentions, text, "has_serious_illness", True, start, end)
            _member_fact(found, mentions, text, "serious_illness_kind", kind, start, end)
            if sudden.search(text, lo, start) or _began_just_now(text, lo, hi, start):
                out.append(Fact("situations", ["sudden_serious_illness"], start, end))
    kinds: set[str | None] = set()
    for fact in sorted(found, key=lambda f: f.start):
        if fact.name.endswith("serious_illness_kind"):
            if fact.who in kinds:
                continue
            kinds.add(fact.who)
        out.append(fact)


# asking to be given work is the wish itself: "帮我介绍个工作", "有没有适合我的岗位"
_ASKS_FOR_WORK = re.compile(r"(?:给|帮)(?:我|俺)|适合")


_ELDER_AGE = 60  # 老年人能力评估 is of people aged 60 and more (MZ/T 039-2013)


def _total_care(text: str, mentions: list[Mention], out: list[Fact]) -> None:
    """ "婆婆八十一了…大小便都不知道了，全靠我伺候": the elder named before needs total care
    (重度失能, grade 3), unless a grade assessed is said, or the one cared for is no elder
    (a son of forty-three who cannot move is not asked the elder-ability question)."""
    if any(f.name == "members.elder_ability_grade" for f in out):
        return
    ages = {f.who: f.value for f in out if f.name == "members.age"}
    for start, end in _spans(_any(_words().total_care), text):
        who, gone = who_at(mentions, text, start)
        if who is None or gone or not _states(text, start, negatable=False):
            continue
        age = ages.get(who)
        relation = who.partition("#")[0]
        if (isinstance(age, int) and age >= _ELDER_AGE) or (age is None and relation in _ELDERS):
            out.append(Fact("members.elder_ability_grade", 3, start, end, who))
            return


def _no_certificate(text: str, mentions: list[Mention], out: list[Fact]) -> None:
    """ "我爸瘫了，证还没办" to 家里有人有残疾证吗: the one named has none (yet); the others
    are not said of."""
    for start, end in _spans(_any(_words().no_certificate), text):
        if _states(text, start, negatable=False):
            _member_fact(out, mentions, text, "has_disability", False, start, end)


_WORK = r"(?:种地|种田|务农|上班|打工|打零工|零工|打短工|开车|跑车|放羊|养羊|养牛)"
_TWO_JOBS = re.compile(rf"{_WORK}(?:兼|带|又|还|也|加上?|和|同时)(?:着)?{_WORK}")


# the one looked after, right after the verb, is no doer of the work said after it
# ("带个闺女", "带着俩娃": a count or measure word between)
_CARED_FOR = re.compile(r"(?:看|带|照顾|照看|伺候|陪|接送|哄)着?(?:一个|个|俩|两个|仨|三个)?$")


def _one_job_now(text: str, start: int, today: dt.date) -> bool:
    """The work said at `start` is one job held now: not a past one ("原来在厂里上班", "2019年我在
    工地干活…摔下来", "前些年在工地上干活"), not two kinds of work for one person ("种地兼打零工": neither is all)."""
    lo, hi = clause_at(text, start)
    return not (
        _FORMERLY.search(text, lo, start)
        or LONG_AGO.search(text, lo, start)  # "前些年在工地上干活"
        or _TWO_JOBS.search(text, lo, hi)
        or _in_a_past_year(text, _since_now_said(text, start), start, today)
        or _WISHED_JOB.search(text, lo, start)
        or (_ANY_OF_THESE.search(text, start, hi) and _WISHED_JOB.search(text, 0, lo))
    )


_NOW_SAID = re.compile(r"现在|如今|目前|眼下")


def _since_now_said(text: str, start: int) -> int:
    """Where the clause of `start` says it is the present ("2014年公公走了 我男人现在在兰州打工":
    a year said before is no matter), else where the sentence starts."""
    said = _NOW_SAID.search(text, clause_at(text, start)[0], start)
    return said.end() if said is not None else sentence_at(text, start)[0]


# a job wished for, not held: "想找点活干，看大门啥的都行", "想去超市上班"
_WISHED_JOB = re.compile(r"想|要找|盼着|巴不得|打算")
_ANY_OF_THESE = re.compile(r"(?:啥的|之类的?|什么的)?(?:都行|也行|都可以|就行|都成)")


def _not_cared_for(text: str, mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if not _CARED_FOR.search(text, 0, m.start)]


def _member_flags(text: str, mentions: list[Mention], out: list[Fact], today: dt.date) -> None:
    words = _words()
    grade = _compiled(words.disability_grade)
    for name, value, patterns in words.member_flags:
        for start, end in _spans(_any(patterns), text):
            asked_for = name in _WISHES and _ASKS_FOR_WORK.match(text, start) is not None
            if not _states(text, start, supposable=not asked_for) or re.match(
                r"两项补贴|补贴|康复", text[end : end + 4]
            ):
                continue
            if _KIND_OF_PEOPLE.match(text, end) or _FOR_KIND.search(text, max(0, start - 2), start):
                continue  # "对困难退役军人的帮扶": a kind of people an aid is for, nobody's fact
            if _KIND_MAY_GET.match(text, end) and text[start - 1 : start] != "是":
                continue
            if name == "employment" and not _one_job_now(text, start, today):
                continue
            if name == "employment" and _speaker_caring(text, mentions, start):
                out.append(Fact(f"members.{name}", value, start, end, SELF))
                continue  # "我为了接送孩子只能做家政钟点工": the speaker's job, not the child's
            if name == "employment" and _unplaced_pronoun(mentions, text, start):
                continue  # "儿媳妇跟我一起过，她打零工": 她 is nobody placed, not the speaker
            if name in _WISHES and _speakers_wish(text, mentions, start):
                out.append(Fact(f"members.{name}", value, start, end, SELF))
                continue
            # "她在家看孙子，地也种着几亩": she farms, not the grandson she looks after
            doers = _not_cared_for(text, mentions) if name == "employment" else mentions
            everyone = _everyone(doers, text, start)
            if everyone:  # "我和老伴都有残疾证"
                out += [Fact(f"members.{name}", value, start, end, who) for who in everyone]
                continue
            inside = {
                m.key
                for m in mentions
                if start <= m.start < end and m.relation not in (SELF, UNNAMED)
            }
            if len(inside) == 1:  # "今年8月女儿拿到录取通知书": the one named inside it
                out.append(Fact(f"members.{name}", value, start, end, inside.pop()))
                continue
            _member_fact(out, doers, text, name, value, start, end)
            if name == "has_disability":
                lo, hi = clause_at(text, start)
                _, next_hi = clause_at(text, hi + 1) if hi < len(text) else (hi, hi)
                said = grade.search(text, lo, max(hi, next_hi))
                unsure = said is not None and _grade_unsure(text, said)
                level = small_number(said.group("g")) if said and not unsure else None
                if level is not None:
                    _member_fact(out, mentions, text, "disability_grade", level, start, end)
                kind = _disability_kind(text, lo, hi)
                if kind is None and not any(hi <= m.start < next_hi for m in mentions):
                    kind = _disability_kind(text, hi, next_hi)  # "办了残疾证，肢体二级"
                if kind is None and lo > 0:
                    kind = _kind_said_before(text, mentions, lo)  # "老伴腿残，有二级残疾证"
                if kind is not None:
                    _member_fact(out, mentions, text, "disability_kind", kind, start, end)
    _grades_by_member(text, mentions, grade, out)
    out[:] = [f for f in out if not _work_named_after(text, f, out)]


_WORKS_AWAY = re.compile(r"[^，。；！？]*(?:打工|务工)")


def _work_named_after(text: str, fact: Fact, out: list[Fact]) -> bool:
    """ "在银川打工，在一个小区做保洁": 打工 said first, then the work itself, in the same
    sentence, of the same member: the work says what the job is (employed, not migrant_worker)."""
    if fact.name != "members.employment" or fact.value != "migrant_worker":
        return False
    said = text[fact.start : fact.end]
    if "工地" in said or not _WORKS_AWAY.fullmatch(said):
        return False
    _, hi = sentence_at(text, fact.start)
    return any(
        f.name == fact.name and f.who == fact.who and f.value in ("employed", "flexible")
        and fact.end <= f.start < hi
        for f in out
    )  # fmt: skip


def _kind_said_before(text: str, mentions: list[Mention], lo: int) -> str | None:
    """The kind said in the clause before the certificate's (at `lo`), in the same sentence,
    when the two clauses name no two different members ("老伴腿残，有二级残疾证")."""
    first, _ = sentence_at(text, lo)
    before_lo, before_hi = clause_at(text, max(first, lo - 2))
    if before_lo >= lo or before_lo < first:
        return None
    _, hi = clause_at(text, lo)
    named = {m.key for m in mentions if before_lo <= m.start < hi and m.relation != UNNAMED}
    return _disability_kind(text, before_lo, before_hi) if len(named) <= 1 else None


def disability_kind_said(text: str) -> str | None:
    """The kind in an answer about one member's disability ("有证，是精神的，二级")."""
    return _disability_kind(text, 0, len(text))


def _disability_kind(text: str, lo: int, hi: int) -> str | None:
    """The first kind named in text[lo:hi] ("智力残疾一级，小儿子肢体…": 智力)."""
    found = []
    for kind, patterns in _words().disability_kinds.items():
        if said := _any(patterns).search(text, lo, hi):
            found.append((said.start(), kind))
    return min(found)[1] if found else None


_JOINED = re.compile(r"[和跟与]")
_JOINED_MAX = 8  # "我和俺家老伴" and no more: a longer clause may say something else between


def _everyone(mentions: list[Mention], text: str, start: int) -> list[str]:
    """The members a "都" before `start` in its clause covers (two or more), else []; a
    short clause joining them ("我和老伴六十多了") covers them as 都 does."""
    lo, _ = clause_at(text, start)
    before = text[lo:start]
    joined = _JOINED.search(before) and len(before) <= _JOINED_MAX
    couple = any(m.couple for m in mentions if lo <= m.start < start)  # "俺老两口七十多了"
    if "都" not in before and not joined and not couple:
        return []
    everyone = everyone_in(mentions, text, start)
    if len(everyone) == 1:  # "他爷爷奶奶都七十多了", "两个儿子都…": each of those counted
        first, _ = sentence_at(text, start)
        counted = [m for m in mentions if first <= m.start < start and m.key == everyone[0]]
        everyone = everyone * max((m.count for m in counted), default=1)
    return everyone if len(everyone) > 1 else []


# "三级还是四级记不清了": a grade not known, not the first one said (the other grade said after
# it, or before it)
_OR = r"(?:还是|或者|或是|或)"
_OR_GRADE_AFTER = re.compile(rf"{_OR}[一二三四1-4]级?")
_GRADE_OR_BEFORE = re.compile(rf"[一二三四1-4]级?{_OR}$")
_NOT_SURE = re.compile(r"记不清|不记得|忘了|说不准|不确定|不太清楚")


def _grade_unsure(text: str, said: re.Match[str]) -> bool:
    lo, hi = clause_at(text, said.start())
    before = text[max(lo, said.start() - 4) : said.start()]
    return bool(
        _OR_GRADE_AFTER.match(text, said.end())
        or _GRADE_OR_BEFORE.search(before)
        or _NOT_SURE.search(text, lo, hi)
    )


def _grades_by_member(
    text: str, mentions: list[Mention], grade: re.Pattern[str], out: list[Fact]
) -> None:
    """ "都有残疾证，我是二级，他是一级": a grade in a clause of its own, after a disability
    in the same sentence, is the grade of the member that clause names."""
    disabled = [f for f in out if f.name == "members.has_disability"]
    graded = {f.who for f in out if f.name == "members.disability_grade"}
    for m in grade.finditer(text):
        lo, _ = clause_at(text, m.start())
        sentence = sentence_at(text, m.start())
        if not any(f.start < lo and sentence_at(text, f.start) == sentence for f in disabled):
            continue
        who, gone = clause_who(mentions, text, m.start())
        if who is None and not gone and (said := _kind_of_one_before(text, mentions, lo)):
            # "都是残疾人，他是肢体的，三级，俺是听力的，二级": the one the clause before names
            who, kind, kind_lo, kind_hi = said
            if not any(f.name == "members.disability_kind" and f.who == who for f in out):
                out.append(Fact("members.disability_kind", kind, kind_lo, kind_hi, who))
        if who is None and not gone:  # "我媳妇是智力残疾，也有证，四级": the one just said
            who = _last_disabled(disabled, mentions, lo)
        level = small_number(m.group("g"))
        if who is None or gone or who in graded or level is None or _grade_unsure(text, m):
            continue
        graded.add(who)
        out.append(Fact("members.disability_grade", level, m.start(), m.end(), who))


def _kind_of_one_before(
    text: str, mentions: list[Mention], lo: int
) -> tuple[str, str, int, int] | None:
    """ "他是肢体的，三级": the clause before a bare grade names one member and a kind: who,
    the kind and where it is said."""
    before = clause_before(text, lo)
    if before is None:
        return None
    named = {x.key for x in mentions if before[0] <= x.start < before[1] and not x.departed}
    kind = _disability_kind(text, *before)
    if len(named) != 1 or kind is None:
        return None
    return named.pop(), kind, before[0], before[1]


_WISHES = ("wants_training", "wants_job")
# the speaker asking: "想问问有没有免费的技能培训", "想问问…，也想参加个培训"
_SPEAKER_ASKS = re.compile(r"想(?:问问|问一下|问下|咨询|了解|打听)")
_ALSO = re.compile(
    r"(?:我|俺)?(?:也|还)想|(?:再|还|也)(?:给|帮)"
)  # "想问问能不能吃低保，再给介绍个活"
# "现在一个人带孩子，想找个工作": the member named is whom the speaker looks after, not who wishes
_LOOKS_AFTER = re.compile(r"(?:带|带着|照顾|照顾着|伺候|伺候着|照看|看着|养着|供着|陪着|接送)$")


def _speakers_wish(text: str, mentions: list[Mention], start: int) -> bool:
    """A wish said in the speaker's own asking clause, or in a 也想 clause right after it,
    with nobody else named since the asking verb, is the speaker's (not the member named
    last before it: "爸妈都是种地的，想问问有没有技能培训")."""
    lo, _ = clause_at(text, start)
    asks = list(_SPEAKER_ASKS.finditer(text, lo, start))
    if not asks and _ALSO.match(text, lo) and lo >= 2:
        prev_lo, _ = clause_at(text, lo - 2)
        if sentence_at(text, prev_lo) == sentence_at(text, lo):
            asks = list(_SPEAKER_ASKS.finditer(text, prev_lo, lo))
    if not asks:
        return _after_looking_after(text, mentions, lo, start)
    since = asks[-1].end()
    return not any(since <= m.start < start and m.relation != SELF for m in mentions)


def _speaker_caring(text: str, mentions: list[Mention], start: int) -> bool:
    """The clause starts with the speaker, and the member named last before `start` is one
    they look after ("我为了接送孩子只能做…"): what follows is the speaker's."""
    lo, _ = clause_at(text, start)
    inside = [m for m in mentions if lo <= m.start < start]
    if len(inside) < 2 or inside[0].relation != SELF or inside[0].start != lo:
        return False
    last = max(inside, key=lambda m: m.start)
    cared = _LOOKS_AFTER.search(text, max(lo, last.start - 3), last.start)
    return last.relation not in (SELF, UNNAMED) and cared is not None


def _after_looking_after(text: str, mentions: list[Mention], lo: int, start: int) -> bool:
    """The wish's clause names nobody, and the member named last before it in the sentence
    is the one the speaker looks after (带孩子, 照顾老伴): the wish is the speaker's."""
    if any(lo <= m.start < start for m in mentions) or lo < 2:
        return False
    if sentence_at(text, lo - 2) != sentence_at(text, lo):
        return False
    sentence_lo, _ = sentence_at(text, lo)
    before = [m for m in mentions if sentence_lo <= m.start < lo]
    if not before:
        return False
    last = max(before, key=lambda m: m.start)
    cared = _LOOKS_AFTER.search(text, max(sentence_lo, last.start - 3), last.start)
    return last.relation not in (SELF, UNNAMED) and cared is not None


_GRADE_NEAR = 12  # characters from the disability to a grade said on its own


def _last_disabled(disabled: list[Fact], mentions: list[Mention], index: int) -> str | None:
    """The member of the last disability said shortly before `index`, with nobody else named
    in between."""
    before = [f for f in disabled if f.end <= index and index - f.end <= _GRADE_NEAR]
    if not before:
        return None
    last = max(before, key=lambda f: f.start)
    if any(last.end <= m.start < index for m in mentions):
        return None
    return last.who


# "没考上大学", "不上高中了": the stage is not where the member is
_NOT_STUDYING = re.compile(r"(?:没|没有|没能|未|不)(?:考上|考进|考取|上|读|念)\S{0,6}$")


_SAVED_FOR = re.compile(r"(?:攒|存|准备|预备)|用的|的钱")
# "孙子明年才上幼儿园", "秋天就该上小学了": a stage to come, not where the child is now
_STAGE_TO_COME = re.compile(
    r"(?:明年|后年|下半年|秋天|开学|将来|以后|过两年|(?:今年)?(?:九|9)月份?)(?:就|才)?(?:要|该|能)?"
    r"(?:上|读|念)\S{0,2}$"
)


_WORKS_THERE = re.compile(
    r"(?:里|的)?(?:上班|工作|干活|打工|当|做饭|看门|扫地|食堂)|[\d一二两三四五六七八九十]+[千百万块元]"
)


def _schools(text: str, mentions: list[Mention], out: list[Fact]) -> None:
    words = _words()
    studying = _compiled(rf"(?:{words.studying})\S{{0,6}}$")  # "考上了太原理工大学"
    for stage, patterns in words.school_stages.items():
        for start, end in _spans(_any(patterns), text):
            if _AFTER_GRADUATION.match(text[end:]) or _LEFT_SCHOOL.match(text, end):
                continue
            if not _states(text, start, negatable=False):
                continue
            if _SAVED_FOR.match(text, end):
                continue  # "给孙子上大学攒的": money for later, nobody at college now
            if _WORKS_THERE.match(text, end):
                continue  # "媳妇在幼儿园三千五", "在大学当保安": a workplace, not a school stage
            lo, _ = clause_at(text, start)
            before = text[lo:start]
            said = bool(studying.search(before) or _CHILD_IN_ORDER.search(before)) or any(
                m.end == start and m.relation in _YOUNG for m in mentions
            )  # "孙子幼儿园大班", "闺女初二": right after the child
            if not said or _NOT_STUDYING.search(before) or _STAGE_TO_COME.search(before):
                continue
            # "一个上初中的儿子": the member named right after 的
            named = [m for m in mentions if m.start == end + 1 and text[end] == "的"]
            if named and not named[0].departed and named[0].relation not in (SELF, UNNAMED):
                out.append(Fact("members.school_stage", stage, start, end, named[0].key))
            elif _OF_SOMEBODY_UNNAMED.match(text, end):
                continue  # "上初中的丫头": somebody the reader cannot place, not the speaker
            else:
                # "大闺女在老家跟着姥姥上初中": the one who goes with 姥姥, not 姥姥
                pupils = [m for m in mentions if not _GOES_WITH.search(text, lo, m.start)]
                one = _ONE_OF_THE_YOUNG.match(before)
                if one:
                    # "两个孙子跟着俺过，一个上初二", "大的在上高三": one of the children or
                    # grandchildren named before, never the speaker named last; none named: no
                    # fact (whose child is not said)
                    pupils = [m for m in pupils if m.relation in _YOUNG]
                    placed = who_at(pupils, text, start)[0]
                    if placed is None or _the_other_one(one.group(), placed):
                        continue
                who, _ = who_at(pupils, text, start)
                if who is not None and who.partition("#")[0] in _ELDERS:
                    continue  # "小的跟着我们在太原上小学" after 姥姥: not 姥姥 at school
                _member_fact(out, pupils, text, "school_stage", stage, start, end)


_YOUNG = ("son", "daughter", "grandchild", CHILD)  # who is at school when a stage follows them


def _the_other_one(said: str, named: str) -> bool:
    """ "大闺女…，小的…": the younger said after the elder named is another child."""
    person = named.partition("#")[2]
    younger = re.fullmatch(YOUNGER_SAID, said) is not None or said == "最小的"
    elder = re.fullmatch(ELDER_SAID, said) is not None or said == "最大的"
    return (younger and person.startswith("大")) or (elder and person.startswith("小"))


_GOES_WITH = re.compile(r"(?:跟着|随着|跟)$")
# a stage said of a noun no member word names ("上初中的丫头"), not "是上初中的" nor "的时候"
_OF_SOMEBODY_UNNAMED = re.compile(r"的(?!时候|那|这|，|。|,|\s|$)[\u4e00-\u9fff]")
# a child named by birth order: the elder, the younger (of two), or the third
ELDER_SAID = "大的|老大|大点的"
YOUNGER_SAID = "小的|老二|小点的"
BIRTH_ORDER = f"{ELDER_SAID}|{YOUNGER_SAID}|老三"
# "两个娃上学，大的高三小的初二": the stage said right after a child in birth order
_CHILD_IN_ORDER = re.compile(rf"(?:{BIRTH_ORDER})(?:今年|现在|如今)?$")
# a clause opening on one of several ("一个上初二，一个上小学", "大的在上高三", "另一个还在上幼儿园")
_ONE_OF_THE_YOUNG = re.compile(rf"(?:{BIRTH_ORDER}|(?:另|还有)?一个(?![人月年])|最小的|最大的)")
_ELDERS = ("parent", "grandparent")  # nobody's school stage; the elder ability asked of them
# An age a rule sets ("要满八十岁才有", "八十岁以上的老人"), said of nobody in the household
_RULE_AGE_BEFORE = re.compile(r"(?:要|得|须|需要?|必须)满$")
_AGE_UNDER = re.compile(rf"(?:{UNDER_AN_AGE})$")
_RULE_AGE_AFTER = re.compile(r"(?:及|或)?(?:以上|以下)|才(?:有|能|给|可以)")


def _ages(
    text: str, today: dt.date, mentions: list[Mention], out: list[Fact], opening: bool
) -> None:
    before_relative = _ages_before_relatives(text, mentions)
    for found in find_ages(text, today):
        if _RULE_AGE_BEFORE.search(text, max(0, found.start - 3), found.start) or (
            _RULE_AGE_AFTER.match(text, found.end)
        ):
            continue  # "高龄津贴要满八十岁才有": a rule's age, nobody's
        if _AGE_UNDER.search(text, max(0, found.start - 3), found.start):
            continue  # "孩子不满18岁": younger than that, not that age
        before = next(
            (b for b in before_relative if b[0].start() <= found.start < b[0].end()), None
        )
        if before is not None:  # "我八十二岁的老娘": the mother's, not the speaker's
            owner = before[1]
            if owner is not None:
                out.append(Fact("members.age", found.value, found.start, found.end, owner,
                                found.is_estimate))  # fmt: skip
            continue
        bracketed = _bracketed_for(mentions, text, found.start)
        if bracketed is not None:  # "与老伴、孙子（12岁，读六年级）": the grandson's alone
            if not bracketed.departed:
                out.append(Fact("members.age", found.value, found.start, found.end,
                                bracketed.key, found.is_estimate))  # fmt: skip
            continue
        everyone = _everyone(mentions, text, found.start)
        if everyone:  # "我和老伴都六十多了": each of them
            out += [Fact("members.age", found.value, found.start, found.end, who,
                         found.is_estimate) for who in everyone]  # fmt: skip
            continue
        if _BIRTH_ORDER_BEFORE.search(text, max(0, found.start - 6), found.start):
            continue  # "…俺男的四十三，小的十岁": a child's (placed by birth order), not his
        who, gone = who_at(mentions, text, found.start)
        # an age with somebody named before but not placed is not guessed; with nobody named
        # yet ("女，四十九岁") it is the speaker's, or the one asked about
        nobody_yet = opening and not any(m.start < found.start for m in mentions)
        if (who is not None or nobody_yet) and not gone:
            out.append(Fact("members.age", found.value, found.start, found.end, who,
                            found.is_estimate))  # fmt: skip
    for said, owner in before_relative:  # "七十九的老爹": no 岁
        age = small_number(said.group("n"))
        taken = any(
            f.start < said.end() and said.start() < f.end for f in out if f.name == "members.age"
        )
        if owner is not None and age is not None and 10 <= age <= 110 and not taken:
            out.append(Fact("members.age", age, said.start("n"), said.end("n"), owner))
    for mention in mentions:
        m = _BARE_AGE.match(text, mention.end)
        age = small_number(m.group("n")) if m else None
        if m is None or age is None or not 10 <= age <= 110 or mention.departed:
            continue
        if mention.relation in (UNNAMED, CHILD) or any(
            f.start <= m.start("n") < f.end for f in out if f.name == "members.age"
        ):
            continue
        more = m.group("more") is not None and age % 10 == 0  # "七十多": in the seventies
        above = _ABOVE_TENS.get(m.group("more") or "", 0) if more else 0
        out.append(Fact("members.age", age + above, m.start("n"), m.end(),
                        mention.key, estimate=more))  # fmt: skip
    _ages_in_birth_order(text, mentions, out)
    # "爷爷奶奶都九十多了，爷爷九十三": the exact age said of a member wins over the estimate
    exact = {f.who for f in out if f.name == "members.age" and not f.estimate}
    out[:] = [f for f in out if not (f.name == "members.age" and f.estimate and f.who in exact)]


_BRACKET_NEAR = 8  # characters from "（" to what is said in it of the one named before it


def _bracketed_for(mentions: list[Mention], text: str, start: int) -> Mention | None:
    """The member named right before a bracket that `start` is in ("孙子（12岁）")."""
    opened = max(text.rfind("（", 0, start), text.rfind("(", 0, start))
    if opened < 0 or start - opened > _BRACKET_NEAR or any(c in text[opened:start] for c in "）)"):
        return None
    return next((m for m in mentions if m.end == opened), None)


# "两个闺女，大的十七小的十二": ages said in birth order, after relatives named by count
_IN_BIRTH_ORDER = re.compile(
    rf"(?:{BIRTH_ORDER})(?:今年|才|都)?(?P<n>[一二三四五六七八九十\d]{{1,3}})"
    r"(?![一二三四五六七八九十\d])(?!个?[万千百块元年月])"  # "大的十七岁": 十七, never 十
)
_BIRTH_ORDER_BEFORE = re.compile(r"(?:大的|小的|大点的|小点的)(?:今年|才|都)?$")


def _ages_in_birth_order(text: str, mentions: list[Mention], out: list[Fact]) -> None:
    for said in _IN_BIRTH_ORDER.finditer(text):
        counted = [m for m in mentions if m.end <= said.start() and m.count > 1 and not m.departed]
        age = small_number(said.group("n"))
        taken = any(f.start <= said.start("n") < f.end for f in out if f.name == "members.age")
        if counted and age is not None and age <= 110 and not taken:
            owner = max(counted, key=lambda m: m.start)
            out.append(Fact("members.age", age, said.start("n"), said.end("n"), owner.key))


def _ages_before_relatives(
    text: str, mentions: list[Mention]
) -> list[tuple[re.Match[str], str | None]]:
    """The ages said before a person word ("八十二岁的" in "我八十二岁的老娘"), each with that
    member's key, or None when it is nobody we can place ("村里七十多岁的老人", a child
    unnamed, somebody gone, a relative not said to be ours): such an age is nobody's."""
    found: list[tuple[re.Match[str], str | None]] = []
    for mention in mentions:
        if mention.relation == SELF:
            continue
        said = _AGE_BEFORE.search(text, max(0, mention.start - 12), mention.start)
        if said is not None:
            # a child the speaker is raising ("带个5岁娃") is ours; a child otherwise unnamed not
            # or one said to be at home ("家里还有个三岁的娃")
            own = said.group("own") or ""
            at_home = bool(
                _IN_OUR_HOME.search(text, clause_at(text, said.start())[0], said.start("n"))
            )
            ours_child = mention.relation == CHILD and (own.startswith("带") or at_home)
            nobody = mention.relation == UNNAMED or mention.departed
            nobody = nobody or (mention.relation == CHILD and not ours_child)
            nobody = nobody or not said.group("own")
            found.append((said, None if nobody else mention.key))
    return found


def _ours(mentions: list[Mention], text: str, start: int) -> bool:
    """The clause is not about somebody else ("有人开着小轿车", "我儿子有车…早就分家了"), nor
    goes on about somebody else named earlier in the sentence ("村里有个人，家里有两套房")."""
    _, other = clause_who(mentions, text, start)
    if other:
        lo, _ = clause_at(text, start)
        subject = max((m for m in mentions if lo <= m.start < start), key=lambda m: m.start)
        return subject.relation == UNNAMED and _asked_for(text, subject)
    lo, _ = sentence_at(text, start)
    before = [m for m in mentions if lo <= m.start < start]
    last = max(before, key=lambda m: m.start) if before else None
    if last is None or last.relation != UNNAMED:
        return True
    lo = clause_at(text, last.start)[0]
    if _IN_OUR_HOME.search(text, lo, last.start) or _OF_OUR_HOME.search(text, lo, last.start):
        return True  # "家里还有个老人，…，是脱贫户", "家里老人住院了": somebody of ours
    if _asked_for(text, last):
        return True  # "替我们村的老马叔问的…老马叔是五保户": the household asked about
    return bool(_OUR_HOME.search(text, last.end, start))


# Somebody outside the writer's family asked for ("替我们村的老马叔问的", "能不能给他申请",
# "他这种情况"): the household facts said of them are of the household the question is about
_ASKED_FOR = re.compile(
    r"(?:替|帮|给|为)(?:我们|咱们|俺们)?(?:村|小区|楼|班|单位)?(?:里|上)?的?"
    r"(?P<who>[^，。；！？\s]{1,4}?)(?:问|申请|办|咨询|打听)"
    r"|(?P<pronoun>[他她])(?:这种|这个|的)情况"
)
# no household of its own to speak for: the writer's neighbour or an official named as such
_NOT_ASKED_FOR = re.compile(
    r"邻居|村干部|干部|村主任|村长|支书|书记|工作人员|别人|人家|有(?:个|一个|户|家)?人"
)


def _asked_for(text: str, unnamed: Mention) -> bool:
    """`unnamed` is (or is 他/她 for) the person outside the family the writer asks for."""
    if _NOT_ASKED_FOR.fullmatch(text, unnamed.start, unnamed.end):
        return False
    word = text[unnamed.start : unnamed.end]
    for said in _ASKED_FOR.finditer(text):
        who = said.group("who") or said.group("pronoun")
        if who == word or who in ("他", "她") or word in ("他", "她"):
            return True
    return False


def _medical_bill(text: str, mentions: list[Mention], out: list[Fact], today: dt.date) -> None:
    """ "丈夫在医院做了两次手术，已经花了八万多": a sudden medical expense, said once."""
    bill = _words().medical_bill
    for start, end in _spans(_compiled(bill.spent), text):
        lo, _ = clause_at(text, start)
        sentence_lo, sentence_hi = sentence_at(text, start)
        if (
            _compiled(bill.treatment).search(text, sentence_lo, sentence_hi)
            and not _compiled(bill.regular).search(text, lo, end)  # "自费的就得一千多": a rate
            and not LONG_AGO.search(text, sentence_lo, start)
            and not _in_a_past_year(text, sentence_lo, start, today)
            and not _last_years_bill(text, sentence_lo, start)
            and not _compiled(bill.other_debt).search(text, start, min(end + 4, sentence_hi))
            and not _months_ago(text, sentence_lo, start, today)
            and _states(text, start)
            and _ours(mentions, text, start)
        ):
            out.append(Fact("situations", ["sudden_medical_expense"], start, end))
            return


def _last_years_bill(text: str, lo: int, start: int) -> bool:
    """ "去年查出来胃癌 做了手术 花了二十多万": the sum was spent last year (去年 before it in its
    sentence, and nothing after that brings the story to now)."""
    bill = _words().medical_bill
    said = [m.end() for m in _compiled(bill.last_year).finditer(text, lo, start)]
    if not said:
        return False
    now = (
        _compiled(p).search(text, said[-1], start) for p in (bill.now_again, _words().recent_onset)
    )
    return not any(now)


def _household(text: str, mentions: list[Mention], out: list[Fact], today: dt.date) -> None:
    words = _words()
    for situation, patterns in words.situations.items():
        for start, end in _spans(_any(patterns), text):
            lo, _ = clause_at(text, start)
            recent = not LONG_AGO.search(text, lo, start) and not _in_a_past_year(
                text, lo, start, today
            )
            if _of_another_household(text, mentions, start):
                continue  # "隔壁老李家着火了，房子烧光了": their fire, not ours
            if _states(text, start) and recent and _ours(mentions, text, start):
                out.append(Fact("situations", [situation], start, end))
    for hukou, patterns in words.hukou_types.items():
        for start, end in _spans(_any(patterns), text):
            lo, hi = clause_at(text, start)
            if _supposed(text, start, lo, hi) or _REQUIRED.search(text, lo, start):
                continue  # "是不是非得有城里户口才能申请": a condition asked about
            out.append(Fact("hukou_type", hukou, start, end))
    for name, value, patterns in words.flags:
        for start, end in _spans(_any(patterns), text):
            negatable = value is not False and value != 0
            if name == "monthly_income_total" and _only_some_of_us(text, mentions, start):
                continue
            if (
                name == "is_relapse_monitoring_object"
                and value is True
                and _monitoring_ended(text, start)
            ):
                continue  # "一直是监测户 前年消除风险了": the ending is read, not the status
            if name.startswith("assets.") and _claimed_by_officials(
                text, clause_at(text, start)[0], start
            ):
                continue  # "村上说是查出来我家有车": what they say they found
            if name.startswith("assets.") and _of_kin_apart(mentions, text, start):
                continue  # "其弟有一辆小轿车，常借给其使用": the brother's car
            if name == "housing.current_housing" and not _of_the_household(mentions, text, start):
                continue  # "儿子在银川打工，他自己还租房子住": the son's home, not theirs
            if name == "housing.current_housing" and _FORMERLY.search(
                text, clause_at(text, start)[0], start
            ):
                continue  # "以前借住在我姐家，现在…": where they lived before
            if _a_kind_asked_about(text, start, end):
                continue  # "外地户口在兰州打工的 能在兰州申请公租房吗": whoever is so, a rule
            if _states(text, start, negatable) and _ours(mentions, text, start):
                out.append(Fact(name, value, start, end))
    ended = _statuses_ended(text)
    for item, patterns in words.receiving.items():
        if item in ended:
            continue  # "我们家是低保户，去年把我们家低保给取消了": not any more
        for start, end in _spans(_any(patterns), text):
            lo, _ = clause_at(text, start)
            if _FORMERLY.search(text, lo, start):
                continue  # "原来是低保户，去年…给取消了": not now
            if _NAMES_IT.fullmatch(text, lo, start):
                continue  # "能办五保，就是特困供养": what the item is called, no standing
            if _ANOTHER_HOUSEHOLD.search(text, lo, start) or MANY_PEOPLE.search(text, lo, start):
                continue  # "隔壁那家有小车还有楼房都吃上低保了", "村里好几个都吃上低保了": theirs
            if _THEIR_HOME.match(text, lo) and _ANOTHER_HOUSEHOLD.search(
                text, *(clause_before(text, lo) or (lo, lo))
            ):
                continue  # "隔壁张家儿子在城里开饭馆，他家都吃着低保": the neighbour's
            if _of_kin_apart(mentions, text, start):
                continue  # "我哥是五保户": the brother's standing, in his own household
            if _THEIR_OWN_HOUSEHOLD.search(text, lo, start) and not _SPEAKER.search(
                text, lo, start
            ):
                continue  # "就一个儿子…他自己一家子还吃着低保": his household's, not ours
            if _states(text, start) and _ours(mentions, text, start):
                out.append(Fact("already_receives", [item], start, end))


# "外地户口在兰州打工的，能…", "没车的人可以…": people described by it, then what they may do
_KIND_DESCRIBED = re.compile(
    r"[^，。；！？,;!?是]{0,10}?的(?:人|家庭|家)?[，,\s]?(?:也|还|就)?(?:能|可以|可不可以|让|给|算)"
)
_SPEAKER_OR_HOME = re.compile(r"我|俺|额|咱|家|是")
_ASKED_AFTER = re.compile(r"[吗么？?]|能不能|可不可以|行不行")


def _a_kind_asked_about(text: str, start: int, end: int) -> bool:
    """The words at `start` describe a kind of people a rule is asked about ("外地户口在兰州打工的
    能在兰州申请公租房吗"), not the household: the speaker not yet said (nor 家 before them in the
    clause), 的 after them and what such people may do, asked."""
    lo = clause_at(text, start)[0]
    if _SPEAKER_OR_HOME.search(text, lo, start) or not _KIND_DESCRIBED.match(text, end):
        return False
    if _SPEAKER.search(text, 0, start):  # "俺们是从德州过来的…外地户口的能不能申请": theirs
        return False
    _, sentence_end = sentence_at(text, start)
    return _ASKED_AFTER.search(text, end, sentence_end + 1) is not None


# relatives who mostly keep their own household (a brother, an uncle, a nephew, an in-law)
_KIN_APART = frozenset({"sibling", "other"})


def _of_kin_apart(mentions: list[Mention], text: str, start: int) -> bool:
    """The clause is about a relative who mostly lives apart: what they own or get is theirs,
    doubtful as the household's (not stored; the questionnaire asks)."""
    who, _ = clause_who(mentions, text, start)
    return who is not None and who.partition("#")[0] in _KIN_APART


_SOMEONE_UNPLACED = re.compile(r"[他她]们?(?!家)|男人|女人")  # bare 男人: a husband or men at large


def _unplaced_pronoun(mentions: list[Mention], text: str, start: int) -> bool:
    """The clause is about 他/她, and nobody in the household is placed as that one."""
    lo, _ = clause_at(text, start)
    who, _ = who_at(mentions, text, start)
    return bool(_SOMEONE_UNPLACED.match(text, lo)) and who in (None, SELF)


def _of_another_household(text: str, mentions: list[Mention], start: int) -> bool:
    """The clause is about the neighbour's household ("隔壁老李家着火了"), or goes on about it
    with nobody of ours named ("…，房子烧光了")."""
    lo, _ = clause_at(text, start)
    if _ANOTHER_HOUSEHOLD.search(text, lo, start):
        return True
    before = clause_before(text, lo)
    return (
        before is not None
        and _ANOTHER_HOUSEHOLD.search(text, *before) is not None
        and not any(lo <= m.start < start for m in mentions)
        and _OUR_HOME.search(text, lo, start) is None
    )


_THEIR_HOME = re.compile(r"\s*(?:他|她|人)家")
# a relative's own household ("他自己一家子", "她们家"), told apart from the speaker's
_THEIR_OWN_HOUSEHOLD = re.compile(r"[他她]们?(?:自己)?(?:一家子?|家)|自己一家子?")
_SPEAKER = re.compile(r"[我俺额咱]")
_ANOTHER_HOUSEHOLD = re.compile(r"隔壁|邻居|别人家?|那家|那户|有的人|有些人|有人家")
# A hukou a rule is said to require ("必须有城镇户口才能办"), not the household's
_REQUIRED = re.compile(r"(?:非得|必须|需要|要求|只有|只限|限于?)(?:有|是|为)?(?:本地)?$")


def _of_the_household(mentions: list[Mention], text: str, start: int) -> bool:
    """Said of the speaker, the couple, or nobody named (the household itself), and not as a
    wish ("想自己租个房子住")."""
    if _WISHED.search(text, clause_at(text, start)[0], start):
        return False
    # 自己 is whoever the clause is about ("儿子…他自己还租房子住"), not the speaker
    # nor the child the speaker looks after ("带个闺女 租房住": the speaker's home)
    named = [m for m in _not_cared_for(text, mentions) if text[m.start : m.end] != "自己"]
    who, gone = who_at(named, text, start)
    return not gone and who in (None, SELF, "spouse")


_WISHED = re.compile(r"想|打算|准备|要是|如果")


# What the village or the office is said to claim ("村干部说…", "村上说是查出来…"): a claim the
# speaker reports, often to dispute it, not a fact they state about the household
_OFFICIALS_SAY = re.compile(
    r"(?:村干部|村上|村里|村委会?|乡上|乡里|镇上|街道|社区|工作人员|干部|民政)(?:的人|人)?(?:都|也)?"
    r"(?:说|讲|认为|以)"  # "村里人都说…，说俺儿子有车": their claim
    r"|(?:大数据)?比对(?:出|查出)|查出来?(?:名下|我家|俺家|家里|你家)"  # "说是大数据比对查出名下有车"
)


def _claimed_by_officials(text: str, lo: int, start: int) -> bool:
    """The clause up to `start`, or the clause before it in the sentence, reports what
    officials say."""
    if _OFFICIALS_SAY.search(text, lo, start):
        return True
    before = clause_before(text, lo)
    return before is not None and _OFFICIALS_SAY.search(text, *before) is not None


_US_SOME = re.compile(r"老两口|两口子|(?:我|俺|咱)们?俩|我们|俺们|咱们")
_EARNS = re.compile(r"挣|赚|工资|上班|打工|跑车|跑大车|开车|开出租")
_AWAY = re.compile(r"在外地|在外面|在外头")


def _only_some_of_us(text: str, mentions: list[Mention], start: int) -> bool:
    """ "我们老两口没收入" while a son who lives with them earns ("儿子跑大车一个月挣七八
    千"): the couple's, not the household's income. A son away (在外地) earns for his own."""
    if not _US_SOME.match(text, start):
        return False
    for m in mentions:
        if m.relation in (SELF, "spouse", UNNAMED, CHILD) or m.departed:
            continue
        lo, hi = clause_at(text, m.start)
        if _EARNS.search(text, m.end, hi) and not _AWAY.search(text, lo, hi):
            return True
    return False


# a clause that only names an item again, "that is": "…能办五保，就是特困供养"
_NAMES_IT = re.compile(r"(?:也|那)?就")
_FORMERLY = re.compile(r"原来|原先|以前|之前|过去|曾经|早先|早些年")
# the status itself ended or refused (a payment late or cut is still the status: a complaint);
# "低保咋给停了" is mostly the status stopped, not a late payment: not stored either way
_STATUS_ENDED = re.compile(r"取消|清退|被退|退出|没批|不批|没通过|被拒|停了|停发|停保|断了")


_MONITORING_ENDED = re.compile(
    r"消除(?:了)?(?:返贫)?风险|风险(?:已经)?消除|(?:解除|退出)(?:了)?监测"
)


def _monitoring_ended(text: str, start: int) -> bool:
    """The monitoring said to have ended in the status's clause or the two after it."""
    _, hi = clause_at(text, start)
    for _ in range(2):
        if hi + 1 < len(text):
            hi = clause_at(text, hi + 1)[1]
    return _MONITORING_ENDED.search(text, start, hi) is not None


def _statuses_ended(text: str) -> set[str]:
    """Items said to have ended; "这些年一直吃低保，今年七月份突然说…不符合了给停了": the
    clause that ends it names no item, the one of the two clauses before it does."""
    said = clauses(text)
    ended: set[str] = set()
    for index, clause in enumerate(said):
        if not _STATUS_ENDED.search(clause):
            continue
        items = find_items(clause)
        for before in reversed(said[max(0, index - 2) : index]):
            items = items or find_items(before)
        ended |= {str(i) for i in items}
    return ended


_MORE_NEXT = re.compile(
    r"[，,；;]\s*(?:还有|另外|再加上|加上)[^，。；！？]{0,16}(?:给|生活费|补贴|收入)"
)


_SUBJECT_REACH = 3  # clauses back to the one naming who a list item is about


def _another_ones_pay(text: str, mentions: list[Mention], lo: int) -> bool:
    """The clause before names somebody other than the couple: "儿子在银川送外卖，一个月四千
    左右" is the son's pay, not the two's; nor is the spouse's named alone ("俺老伴在村里当保洁
    一个月一千五": hers, while the speaker farms)."""
    before = clause_before(text, lo)
    named: list[Mention] = []
    # "儿子二十六岁，在太原打工，一个月三千来块": back over the clauses that name nobody
    for _ in range(_SUBJECT_REACH):
        if before is None:
            return False
        named = [
            m
            for m in mentions
            if before[0] <= m.start < before[1] and not possessive(m, mentions, text)
        ]
        if named or _US_SOME.search(text, *before):
            break
        before = clause_before(text, before[0])
    return any(m.relation not in (SELF, "spouse") for m in named) or (
        bool(named) and all(m.relation == "spouse" and not m.couple for m in named)
    )


# a range this wide says no size ("几千" is 2000..9000): "一两千" (2) and "大几千" (1.8) do
_NO_SIZE_SAID = 4
# money pointed back at ("就靠这点钱", "那些钱"), and the money named before it in the message
_THAT_MONEY = re.compile(r"(?:这|那)(?:点|些|个)钱")
_MONEY_NAMED = re.compile(
    rf"{_ASSISTANCE.pattern}|低保|五保|特[困捆]|退休金|养老金|工资|收入|挣|[赚攒]"
)


def _that_money_is_aid(text: str, lo: int, start: int) -> bool:
    """An amount in (or right after) a clause pointing back at money ("就靠这点钱过日子，一个月
    五百多"), when the money named last before it is an assistance payment (the 供养金, 低保):
    that payment, not an income."""
    before = clause_before(text, lo)
    said = _THAT_MONEY.search(text, before[0] if before else lo, start)
    if said is None:
        return False
    named = list(_MONEY_NAMED.finditer(text, 0, said.start()))
    return bool(named) and not re.fullmatch(r"退休金|养老金|工资|收入|挣|[赚攒]", named[-1].group())


def _on_aid_before(text: str, mentions: list[Mention], lo: int, hi: int) -> bool:
    """An amount clause naming nobody after a clause saying they live on an assistance
    payment: the amount is that payment ("就靠低保过，一个月两个人加起来七百多")."""
    before = clause_before(text, lo)
    if before is None or any(lo <= m.start < hi and m.relation != SELF for m in mentions):
        return False
    return _ON_AID.search(text, *before) is not None


def _past_job_pay(text: str, mentions: list[Mention], lo: int, hi: int) -> bool:
    """An amount clause naming nobody, after a clause about a past job, with the job ended
    after it: "老汉原来在工地上干活，一天挣个一百多，现在也干不成了"."""
    before = clause_before(text, lo)
    if before is None or any(lo <= m.start < hi for m in mentions):
        return False
    return told_before_now(text, before[0], hi)


def _money(
    text: str,
    mentions: list[Mention],
    out: list[Fact],
    alone: str | None,
    opening: bool,
    couple: bool = False,
    asked_for: str | None = None,
) -> None:
    """Deposits and the household's monthly income. `alone`: who makes up the household on
    their own (the speaker, or the relative asked for), whose income is the household's;
    `couple`: the household is the speaker and one other, so an income clause naming nobody
    ("一年也就收个三四千块钱") is the two's; `asked_for`: the relative the speaker asks for,
    whose own pay is kept whatever their relation ("我姐…她在饭店洗碗一个月两千")."""
    incomes: list[tuple[bool, Fact]] = []  # (said as a sum, fact)
    last_income: Fact | None = None  # the last monthly amount, for "就靠这点工资" after it
    pays: dict[str, list[tuple[bool, Fact]]] = {}  # a member's own pay: (said as more, fact)
    pupils = {  # children said to be at school or under 16: nobody's pay
        f.who
        for f in out
        if f.who is not None
        and (
            (f.name == "members.school_stage" and f.value != "none")
            or (f.name == "members.age" and isinstance(f.value, int) and f.value < 16)
        )
    }
    ages = [(f.start, f.end) for f in out if f.name == "members.age"]
    for found in find_amounts(text):
        amount = found.value
        if not isinstance(amount, Amount) or _DENIED.search(
            text[max(0, found.start - 3) : found.start]
        ):
            continue  # "不是两万": the amount is denied
        if any(start <= found.start < end for start, end in ages):
            continue  # "我今年六十五了就靠养老金": an age, not an amount
        lo, hi = clause_at(text, found.start)
        if text[hi : hi + 1] in ("？", "?") or not _states(text, found.start, negatable=False):
            continue  # "存款有五十多万？没有没有": asked, or supposed, not stated
        if _claimed_by_officials(text, lo, found.start):
            continue  # "村干部说我家有个儿子在外面挣钱，一个月好几千": their claim, disputed
        if told_before_now(text, lo, hi) or _past_job_pay(text, mentions, lo, hi):
            continue  # "以前一个月六七千，出事以后就没收入了": not the money now
        worked = over_days_worked(amount, text[found.end : sentence_at(text, found.start)[1]])
        if opening and amount.period == "day" and worked is None:
            continue  # "修鞋，一天挣个三四十块": the days worked a month unsaid, no month's pay
        amount = worked or amount  # "一天一百五，一个月能干二十来天": over the days worked
        if _RESTATED.match(text[lo : found.start]) and lo > 1:
            lo, _ = clause_at(text, lo - 2)  # "存款不是两万，是两千": the topic is before
        clause = text[lo:hi]
        savings_said = list(_DEPOSIT.finditer(text, lo, found.start))
        if savings_said and DEBT.search(text, savings_said[-1].end(), found.start):
            continue  # "存款花光了还跟亲戚借了五万": a debt after the savings, not savings
        if _NET_OF_COSTS.search(text, lo, found.start):
            continue  # "去掉饲料钱也就剩一万多": what a year's work leaves, not savings
        if _DEPOSIT.search(clause) and amount.period is None:
            if _owned_elsewhere(mentions, lo, found.start):
                continue  # "儿子存款八十万，他不跟我们住": not the household's
            if _SPENT_NEXT.match(text, hi + 1):
                continue  # "存款就2万多，早就花完了": none left (the 0 is read with the flags)
            out.append(Fact("assets.deposits", amount.value, found.start, found.end,
                            estimate=amount.is_estimate))  # fmt: skip
            continue
        if amount.low > 0 and amount.high >= _NO_SIZE_SAID * amount.low:
            continue  # "一年也就几千块": no size said (2000..9000), no income to keep
        if _ASSISTANCE.search(clause):
            continue  # "就靠三百多块钱的残疾人补贴": an assistance payment, not an income
        if COST_ITEMS.search(text, max(lo, found.start - _COST_NEAR), found.start):
            continue  # "学费一年四千六", "一回四百多" after 透析: money paid out, not earned
        if _FROM_RELATIVES.search(text, lo, found.start):
            continue  # "就靠俺们几个兄弟姊妹每月凑个三四百": given by kin apart, not income
        if _SENT_HOME.search(text, lo, found.start):
            continue  # "男人在新疆打工，一个月寄回来三千": what is sent, not the pay
        if _ON_AID.search(text, lo, found.start) or _on_aid_before(text, mentions, lo, hi):
            continue  # "娘俩就靠低保过，一个月两个人加起来七百多": the 低保 itself
        if _that_money_is_aid(text, lo, found.start):
            continue  # "特困供养金没打到卡上…俺就靠这点钱过日子，一个月五百多": the 供养金
        if _RENT_PAID.search(text, lo, found.start):
            continue  # "租房住一个月800": the rent paid, not the speaker's pay
        if _REPAID.search(text, lo, found.start):
            continue  # "一个月还车贷六千": a loan paid back, not the pay
        if _PER_HEAD.search(text, lo, found.start):
            continue  # "家庭人均收入一个月五百": a share per person, neither a total nor a pay
        if AT_BEST.search(text, lo, found.start):
            continue  # "好的时候一个月能挣个一千来块": the best months, not the income
        if _HEARSAY.search(text, lo, found.start):
            continue  # "我男人在新疆，说是一个月能挣三四千，可一分也没打回来": only claimed
        if opening and amount.period is None and _monthly_by_nature(text, lo, found.start):
            amount = dataclasses.replace(amount, period="month")
        each = amount.period is not None and asked_for is None
        if opening and each and _each_of_the_couple(text, mentions, lo, found.start):
            # "俺老两口一人一个月一百七十块养老金": each one's, twice the household's
            monthly = to_monthly(amount)
            for who in (SELF, "spouse"):
                pay = Fact("members.monthly_income", monthly.value, found.start, found.end,
                           who, estimate=monthly.is_estimate)  # fmt: skip
                pays.setdefault(who, []).append((False, pay))
            if couple or _all_they_live_on(text, lo):
                incomes.append((True, Fact("monthly_income_total", monthly.value * 2,
                    found.start, found.end, estimate=monthly.is_estimate)))  # fmt: skip
            continue
        if opening and each and (two := _each_of_two_named(text, mentions, lo, found.start)):
            # "我爸七十六 我妈七十四 就靠两个人的养老金过日子 一个人一百三": each one's pay,
            # the two's total twice it (not the one amount)
            monthly = to_monthly(amount)
            for who in two:
                pay = Fact("members.monthly_income", monthly.value, found.start, found.end,
                           who, estimate=monthly.is_estimate)  # fmt: skip
                pays.setdefault(who, []).append((False, pay))
            if _all_they_live_on(text, lo):
                incomes.append((True, Fact("monthly_income_total", monthly.value * 2,
                    found.start, found.end, estimate=monthly.is_estimate)))  # fmt: skip
            continue
        if amount.period is not None and _lives_on_it(text, found.start, found.end):
            monthly = to_monthly(amount)  # "一个月一千八，…，一家四口就靠我这点工资"
            last_income = Fact("monthly_income_total", monthly.value, found.start, found.end,
                               estimate=monthly.is_estimate)  # fmt: skip
        if amount.period is not None and (
            household_income(text, mentions, lo, hi)
            or (
                opening
                and alone is not None
                and own_income_said(text, lo, hi)
                and about_self(mentions, text, lo, hi, alone)
            )
            or (
                opening
                and couple
                and own_income_said(text, lo, hi)
                and not any(lo <= m.start < hi for m in mentions)
                and not speakers_own(text, mentions, lo)
                and not _another_ones_pay(text, mentions, lo)
            )
        ):
            before = text[lo : found.start]
            parts = (
                _AND_MORE.match(text, found.end, hi)
                or _AFTER_AND.search(before)
                or _FURTHER.match(before)  # "…三百来块，还有三亩地包出去了一年一千五"
                or _MORE_NEXT.match(text, hi)  # "…养老金，还有我们姐弟每月给她二百"
            )
            if (parts and not SUMMED.search(clause)) or _GIVEN.search(before):
                continue  # "就靠一百八十块养老金和闺女给的一点钱": a part of the income
            monthly = to_monthly(amount)
            # "就靠我洗碗一个月一千五，丈夫编筐卖一年两三千": not all of it, though hers
            if (
                SUMMED.search(clause) or not _another_earns_after(text, mentions, hi)
            ) and not _more_earned_next(text, hi):
                incomes.append((bool(SUMMED.search(clause)), Fact("monthly_income_total",
                    monthly.value, found.start, found.end, estimate=monthly.is_estimate)))  # fmt: skip
            earner = own_pay_of(text, mentions, lo, hi, pupils, asked_for) if opening else None
            # "替我妈问…她一个人住…就一个月一百三的养老金": hers, and all the household has
            theirs_alone = (
                earner is None
                and opening
                and alone is not None
                and alone == asked_for
                and own_income_said(text, lo, hi)
                and about_self(mentions, text, lo, hi, alone)
            )
            earner = alone if theirs_alone else earner
            if earner is not None and (
                theirs_alone or _sole_earner_said(text, mentions, lo, found.start)
            ):
                # "就靠媳妇在饭馆洗碗一个月一千五": the household's income, and hers
                pay = Fact("members.monthly_income", monthly.value, found.start, found.end,
                           earner, estimate=monthly.is_estimate)  # fmt: skip
                pays.setdefault(earner, []).append((False, pay))
        elif amount.period is not None and opening:
            earner = own_pay_of(text, mentions, lo, hi, pupils, asked_for)  # one earner's own pay
            if earner is not None and not _GIVEN.search(text[lo : found.start]):
                monthly = to_monthly(amount)
                pay = Fact("members.monthly_income", monthly.value, found.start, found.end,
                           earner, estimate=monthly.is_estimate)  # fmt: skip
                pays.setdefault(earner, []).append((_MORE_PAY.search(clause) is not None, pay))
    out += [kept for said in pays.values() if (kept := _one_pay(said)) is not None]
    if not incomes and last_income is not None:
        incomes.append((False, last_income))
    summed = any(is_sum for is_sum, _ in incomes)
    out += [fact for is_sum, fact in incomes if is_sum or not summed]


# the speaker and the spouse said as two ("老两口", "我两口子", "俺俩"), not 他们俩
_THE_TWO_OF_US = re.compile(
    r"老两口|老俩口|两口子|(?:我|俺|咱|额)们?(?:俩|两个)(?!孩子|娃)"
    r"|(?:和|跟)[^，。；！？\s]{1,3}?(?:俩|两个)"  # "额和老汉两个": the one named decides
    r"|^(?:二人|两人|俩人)"  # a call summary's "与老伴二人共同生活。二人每月各领…"
)


def _each_of_the_couple(text: str, mentions: list[Mention], lo: int, start: int) -> bool:
    """An amount said of each of the speaker and the spouse: "俺老两口一人一百七", or "我两口子在
    饭店打工，一个人一个月两千五" (the two in the clause before). Only with the spouse (named, or
    said as 老两口/两口子) and nobody else named since."""
    before = text[lo:start]
    each = EACH.search(before)
    if each is None:
        return False
    two = _THE_TWO_OF_US.search(before, 0, each.start())
    if two is None:
        previous = clause_before(text, lo)
        # "一个人…" opening the amount's clause; "各" anywhere ("还有养老金各两百出头")
        if previous is None or (each.start() > 2 and each.group() != "各"):
            return False
        said = list(_THE_TWO_OF_US.finditer(text, *previous))
        if not said:
            return False
        two = said[-1]
        said_from = two.start()
    else:
        said_from = lo + two.start()
    named = [m for m in mentions if said_from <= m.start < start]
    if any(m.relation not in (SELF, "spouse") or m.departed for m in named):
        return False
    spouse = any(m.relation == "spouse" and not m.departed for m in mentions)
    return spouse or any(w in two.group() for w in ("老两口", "老俩口", "两口子"))


# two people said as one ("两个人的养老金", "俩人", "他俩") in the clause before "一个人一百三"
_TWO_SAID = re.compile(r"两个人|俩人|(?:他|她)们?俩|二老|两位老人")


def _each_of_two_named(
    text: str, mentions: list[Mention], lo: int, start: int
) -> tuple[str, str] | None:
    """ "我爸七十六 我妈七十四 就靠两个人的养老金过日子 一个人一百三": an amount opening its clause
    with 一个人/每人 after a clause of the two, each of the last two people named before it
    (of one relation: the parents, the grandparents), who they are."""
    before = clause_before(text, lo)
    if (
        before is None
        or _EACH_SHARE.fullmatch(text, lo, start) is None
        or _TWO_SAID.search(text, *before) is None
    ):
        return None
    named: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.start, reverse=True):
        if (
            m.start >= before[0]
            or m.departed
            or m.relation in (SELF, UNNAMED)
            or any(n.key == m.key for n in named)
        ):
            continue
        named.append(m)
        if len(named) == 2:
            break
    if len(named) < 2 or named[0].relation != named[1].relation:
        return None
    if named[0].relation not in ("parent", "grandparent"):
        return None
    return named[1].key, named[0].key


def _owned_elsewhere(mentions: list[Mention], lo: int, start: int) -> bool:
    """The owner named before the amount in its clause lives elsewhere (成家单过, 嫁出去): only
    what 共同生活的家庭成员 own is counted."""
    owners = [m for m in mentions if lo <= m.start < start and m.relation != SELF]
    return bool(owners) and all(m.departed for m in owners)


# the one earner: "家里就靠媳妇在饭馆洗碗", "就我老婆打零工挣"
_SOLE_EARNER = re.compile(r"(?:就|全|只)靠|(?:就|只有|只)(?:我|俺)")
# "晚上再去饭店洗碗，一个月能多挣个七八百": a second pay added to the first
_MORE_PAY = re.compile(r"多挣|再挣|另外|还能挣|还挣")


def _sole_earner_said(text: str, mentions: list[Mention], lo: int, start: int) -> bool:
    """The amount's clause, or (naming nobody) the clause before, says one earner keeps the
    household ("家里就靠我打零工，一个月一千来块")."""
    if _SOLE_EARNER.search(text, lo, start):
        return True
    before = clause_before(text, lo)
    named = any(lo <= m.start < start for m in mentions)
    return not named and before is not None and bool(_SOLE_EARNER.search(text, *before))


def _one_pay(said: list[tuple[bool, Fact]]) -> Fact | None:
    """A member's own pay from what was said of it: one amount, or a first one and those said
    to come on top of it (summed); two amounts otherwise unrelated say nothing sure."""
    first = said[0][1]
    if len(said) == 1:
        return first
    if not all(more for more, _ in said[1:]):
        return None
    total = sum(f.value for _, f in said)
    return dataclasses.replace(first, value=total, end=said[-1][1].end, estimate=True)


_PER_HEAD = re.compile(r"人均")
# what another member is said to earn, after the household's income ("丈夫偶尔编点筐卖")
_OWN_FAMILY = re.compile(r"自己一家|自己家|成家|单过|另过|分家|嫁")
_EARNS_TOO = re.compile(r"挣|赚|卖|收入|工资|养老金|退休金|打工|零工|上班|干活")


def _another_earns_after(text: str, mentions: list[Mention], hi: int) -> bool:
    """After the clause ending at `hi`, in its sentence, another member still here is said to
    earn, with an amount of their own: the income said first is not all of it."""
    _, end = sentence_at(text, hi - 1) if hi > 0 else (0, 0)
    for m in mentions:
        if not (hi <= m.start < end) or m.relation in (SELF, UNNAMED) or m.departed:
            continue
        _, m_hi = clause_at(text, m.start)
        _, next_hi = clause_at(text, m_hi + 1) if m_hi + 1 < end else (m_hi, m_hi)
        if not _EARNS_TOO.search(text, m.end, m_hi) or _OWN_FAMILY.search(text, m.end, end):
            continue  # "儿子在新疆打工…他自己一家子还要养活": his pay keeps his own family
        for said in find_amounts(text[m.end : max(m_hi, next_hi)]):
            if isinstance(said.value, Amount) and said.value.period is not None:
                return True
    return False


# "…养老金加起来三百多，俩人还种着十来亩地，一年也就收个四五千": more earned after it
_ALSO_EARNS = re.compile(
    r"\s*(?:俩人|两人|两个人|我们|俺们|咱们|额们)?(?:还|另外|也)(?:种|养|打|挣|收|卖|干|开)"
    # "…，还有三亩地包出去了一年一千五": another source named with what it brings
    r"|\s*(?:还有|另外还有|再加上|加上)[^，。；！？]{0,10}"
    r"(?:包出去|租出去|流转|租金|收入|工资|养老金|退休金|挣|分红)"
)


def _more_earned_next(text: str, hi: int) -> bool:
    """The clause after the one ending at `hi` says more is earned, with an amount of its
    own in it or the clause after: the amount said first is not all the household has."""
    _, end = sentence_at(text, hi - 1) if hi > 0 else (0, 0)
    if hi + 1 >= end or not _ALSO_EARNS.match(text, hi + 1):
        return False
    _, next_hi = clause_at(text, hi + 1)
    _, after_hi = clause_at(text, next_hi + 1) if next_hi + 1 < end else (next_hi, next_hi)
    return any(
        isinstance(a.value, Amount) and a.value.period is not None
        for a in find_amounts(text[hi + 1 : after_hi])
    )


def _lives_on_it(text: str, start: int, index: int) -> bool:
    """After the amount at `start`..`index`, in its sentence or the next, the household is said
    to live on it, and it is the only amount said from its sentence's start to there."""
    first, end = sentence_at(text, start)
    if end < len(text) - 1:
        _, end = sentence_at(text, end + 1)
    said = _LIVES_ON_IT.search(text, index, end)
    return said is not None and not any(
        first <= a.start < said.start() and a.start != start
        for a in find_amounts(text)
        if isinstance(a.value, Amount)
    )


# "我们住的是公租房": where the household lives, not an item it asks for
_LIVED_IN = re.compile(
    r"(?:住的是|住在|住着|住进了?|租的是)(?:政府的)?(?P<home>公租房|廉租房|公共租赁住房)"
)


def _items(text: str, facts: list[Fact], complaint: bool = False) -> list[ItemId]:
    """Items asked about: named, and not those the text says are already received, unless
    a complaint names one again outside saying it is received ("我家是低保户…取消了低保…我要
    投诉": the complaint is about it)."""
    received = (
        set() if complaint else {i for f in facts if f.name == "already_receives" for i in f.value}
    )
    statuses = [(f.start, f.end) for f in facts if f.name in _STATUS_FACTS]
    # "去年做过失业登记": registered already, no registration asked for (not so "还没做失业登记")
    statuses += [(f.start, f.end) for f in facts if f.name in _DONE_FACTS and f.value is True]
    found = _named_items(text, received, statuses)
    if complaint and not found:  # "系…特困供养人员，供养金一直未到账": about the status itself
        found = _named_items(text, received, [])
    if ItemId.STUDENT_LOAN not in found and _LOAN_FOR_SCHOOL.search(text) and _COLLEGE.search(text):
        found.append(ItemId.STUDENT_LOAN)  # "娃考上大学了…能贷款不": the loan is for school
    events = {v for f in facts if f.name == "situations" for v in f.value} & _EMERGENCIES
    if not found and events and _ASKS_FOR_HELP.search(text):
        found.append(ItemId.TEMPORARY_AID)  # "暴雨把房子冲倒了…政府能给点救助不": 急难型临时救助
    return found


# events that are 急难 (临时救助: 因火灾、交通事故等意外事件, 自然灾害); not an illness, which
# has its own items
_EMERGENCIES = frozenset({"fire", "traffic_accident", "drowning", "personal_injury", "heroic_act",
                          "explosion", "lightning", "other_accident", "natural_disaster"})  # fmt: skip
# help asked for without naming an item
_ASKS_FOR_HELP = re.compile(
    r"(?:给|发|有|申请)(?:点|些|个)?(?:救助|救济|补助|补贴|帮助|帮扶)"
    r"|(?:救助|救济|补助|帮助)(?:不|吗|么|没有)|还能给(?:不|吗|么)|能申请(?:个|点)?(?:啥|什么)"
)


def _named_items(text: str, received: set[ItemId], statuses: list[tuple[int, int]]) -> list[ItemId]:
    """The items named outside `statuses` (spans saying a standing), not received, not denied
    or had before."""
    spans = statuses + [m.span("home") for m in _LIVED_IN.finditer(text)]
    asked = [
        m.id
        for m in match_items(text)
        if m.id not in received
        and not any(m.start < e and s < m.end for s, e in spans)
        and not _NOT_ONE.search(text, 0, m.start)
        and not _GIVEN_BEFORE.search(text, clause_at(text, m.start)[0], m.start)
        and not _THEIRS_GIVEN.search(text, clause_at(text, m.start)[0], m.start)
        and not _AS_A_CONDITION.match(text, m.end)
    ]
    # "村里好几户都吃上低保了…想申请特困", "以前吃过低保…想申请临时救助": what others get, or the
    # household had, named beside the item asked for (named alone, it is the one wanted)
    wanted = [
        m.id
        for m in match_items(text)
        if m.id in asked and not _had_or_theirs(text, clause_at(text, m.start)[0], m.start)
    ]
    return [i for i in find_items(text) if i in (wanted or asked)]


# "村里今天就给他家报了临时救助": what somebody else's household got
_THEIRS_GIVEN = re.compile(r"(?:给|帮)(?:他|她|人)们?家")
# "村里好几户都吃上低保了", "隔壁那家都领着": what other households get, not asked for
_RECEIVED_BY = re.compile(r"(?:吃|领|拿|享受|评)(?:上|着|过)?了?$")


_HAD_ONCE = re.compile(r"吃过$")


def _had_or_theirs(text: str, lo: int, start: int) -> bool:
    if _HAD_ONCE.search(text, lo, start):
        return True
    return _RECEIVED_BY.search(text, lo, start) is not None and (
        MANY_PEOPLE.search(text, lo, start) is not None
        or _ANOTHER_HOUSEHOLD.search(text, lo, start) is not None
    )


# "吃低保的家庭还能不能再办临时救助": the item as who a rule is about, not one asked for
_AS_A_CONDITION = re.compile(
    r"(?:户)?的(?:家庭|人家?|户|老人)?(?:还|也|就)?(?:能不能|可不可以|能|可以)"
)


# "不是低保户", "也不是低收入户": a standing the household does not have, not an item asked for
_NOT_ONE = re.compile(r"(?<!是)不是$")
# "当时村里给了临时救助": help had once, not asked for now
_GIVEN_BEFORE = re.compile(r"(?:给|发)(?:过|了)|领(?:过|了)|拿过|享受过")
_LOAN_FOR_SCHOOL = re.compile(r"(?<![房车])(?:贷款|贷个款|能贷|办个?贷)")
_COLLEGE = re.compile(r"大学|大专|学费|考上|录取")


# "你们这个救助一件事到底能办些啥": what the service covers
_WHAT_IT_COVERS = re.compile(r"(?:一件事|这个|你们)[^，。；！？]{0,6}能办(?:些|哪些)?(?:啥|什么)")


def _policy_question(text: str) -> str | None:
    plain = spoken(text)  # "是甚意思", "身份证就行不": the plain question (same length)
    m = _compiled(_words().policy_question).search(plain) or _WHAT_IT_COVERS.search(plain)
    if m is None:
        return None
    lo, hi = sentence_at(text, m.start())
    return text[lo : min(hi + 1, len(text))].strip()


# a husband's or wife's parents (公公婆婆, 岳父岳母): a household of their own when said to live on
# their own ("俺公公婆婆自己住在村里") or when the speaker's own parents are named too ("替俺爹
# 问的…俺婆婆是低保户"), unless said to live with the speaker
_PARENTS_IN_LAW = frozenset({"公公", "婆婆", "岳父", "岳母"})
_OWN_PARENTS = frozenset({"父亲", "母亲"})
_ON_THEIR_OWN = re.compile(r"自己(?:在[^，。；！？]{1,6})?(?:住|过)|单过|另过|自己一家")
_WITH_US = re.compile(r"(?:跟|和)(?:着)?(?:我们|俺们|咱们|我|俺)(?:一起|一块儿?)?(?:住|过|生活)")
_OUR_HOUSEHOLD = re.compile(r"我家|我们家|俺家|俺们家|咱家|额家|家里")
_HOUSEHOLD_LEVEL = ("already_receives", "monthly_income_total")


def _of_in_laws_apart(fact: Fact, text: str, mentions: list[Mention]) -> bool:
    """A benefit or an income said right after the speaker's parents-in-law who keep their own
    household: theirs, not the household's."""
    if fact.name not in _HOUSEHOLD_LEVEL:
        return False
    lo, _ = sentence_at(text, fact.start)
    before = [m for m in mentions if lo <= m.start < fact.start and m.relation != SELF]
    if not before or before[-1].person not in _PARENTS_IN_LAW:
        return False
    in_law = before[-1]
    if _OUR_HOUSEHOLD.search(text, in_law.end, fact.start):
        return False
    said = [m for m in mentions if m.person in _PARENTS_IN_LAW]
    spans = [clause_at(text, m.start) for m in said]
    if any(_WITH_US.search(text, a, b) for a, b in spans):
        return False
    if any(_ON_THEIR_OWN.search(text, a, b) for a, b in spans):
        return True
    return any(m.person in _OWN_PARENTS for m in mentions)


def _of_close_family(fact: Fact) -> bool:
    """A member fact of the speaker or of a member of the speaker's own family (a spouse, a
    parent, a child), not of a relative outside it."""
    return (
        fact.name.startswith("members.")
        and fact.who is not None
        and fact.who.partition("#")[0] not in ("other", UNNAMED)
    )


def _of_other_kin(fact: Fact, asked_for: str | None) -> bool:
    """A member fact of a relative outside the close family (a nephew, an uncle, an in-law of
    a sibling) who is not the one asked for."""
    return fact.who is not None and fact.who.partition("#")[0] == "other" and fact.who != asked_for


# property said as the household's whoever was named before ("他们说我家有车不行")
_OUR_PROPERTY = re.compile(r"我家|我们家|俺家|俺们家|咱家|家里|自己|(?:我|俺|额)(?:那|这|的)")
_EX_SPOUSE = re.compile(r"前夫|前妻|前老公|前媳妇|前头那个")
_A_CAR_OR_HOUSE = ("assets.vehicles", "assets.houses")


def _of_a_relative_elsewhere(
    fact: Fact, text: str, mentions: list[Mention], asked_for: str | None
) -> bool:
    """ "前夫再婚了 有车有房", "侄子在城里 有楼房有车", "她哥在外地成家了 有车有房": a car or a
    house said after an ex-spouse, a sibling or another relative (or one said to have left),
    not the one asked for. Only what 共同生活的家庭成员 own counts; such property is left for
    the office to check (a wrong car is believed, a missing one is not held against anyone)."""
    if fact.name not in _A_CAR_OR_HOUSE:
        return False
    lo, _ = sentence_at(text, fact.start)
    said = [m for m in mentions if lo <= m.start < fact.start and not possessive(m, mentions, text)]
    since = said[-1].end if said else lo
    if _OUR_PROPERTY.search(text, since, fact.start):
        return False
    ex = [m.end() for m in _EX_SPOUSE.finditer(text, lo, fact.start)]
    if ex and ex[-1] >= since:
        return True
    if not said:
        return False
    owner = said[-1]
    if owner.key == asked_for or owner.relation in (SELF, UNNAMED):
        return False
    # asked for a parent: the speaker's own spouse and children are of the speaker's household
    # ("想问俺爹俺娘…俺对象开货车…车是贷款买的")
    theirs = asked_for is not None and asked_for.partition("#")[0] in ("parent", "grandparent")
    return (
        owner.departed
        or owner.relation in _KIN_APART
        or (theirs and owner.relation in _THE_SPEAKERS_OWN)
    )


_THE_SPEAKERS_OWN = frozenset({"spouse", "son", "daughter", CHILD, "grandchild"})


def _without_contradictions(facts: list[Fact]) -> list[Fact]:
    """ "有辆车，早报废了": a yes and a no about the same person's fact are both dropped; a
    missing fact is asked, a wrong one would be believed."""
    said: dict[tuple[str, str | None], set[bool]] = {}
    for f in facts:
        if isinstance(f.value, bool):
            said.setdefault((f.name, f.who), set()).add(f.value)
    both = {key for key, values in said.items() if len(values) == 2}
    return [f for f in facts if not (isinstance(f.value, bool) and (f.name, f.who) in both)]


MAX_READ = 500  # characters read; the rest of a long message is not looked at
READINGS_KEPT = 2048


def read_facts(
    text: str, today: dt.date, *, opening: bool = False, region: str | None = None
) -> Reading:
    """Everything `text` states about the household (see the module docstring). `opening`:
    the first message, a story about the household, where what the context implies is read
    too (an age said before anybody is named is the speaker's, a pension said without
    一个月 is a month's, a speaker living alone earns the household income, a bare 没有收入
    after several members is the household's); an answer states only what it says.
    `region`: the region applied in (a hukou said to be elsewhere is not local).

    The same answers come back turn after turn ("没有", "3口人", "同意"), and a turn may read
    one text twice: a reading depends on nothing but these arguments and the words in
    nlu/data/facts.yml (read once), so it is kept (READINGS_KEPT of them); each caller gets
    its own lists."""
    kept = _reading(text[:MAX_READ], today, opening, region)
    return dataclasses.replace(
        kept, facts=list(kept.facts), mentions=list(kept.mentions), items=list(kept.items)
    )


@lru_cache(maxsize=READINGS_KEPT)
def _reading(text: str, today: dt.date, opening: bool, region: str | None) -> Reading:
    text = spaces_as_commas(text)  # "你好 我是固原人 户口…"
    text = plain_no(text)  # "俺家莫有车": 没有 (same length)
    text = father_as_die(text)  # "我大今年六十五": 我爹 (same length)
    text = son_as_erzi(text)  # "俺就一个儿": 一儿子 (same length)
    text = _DIALECT_HOME.sub("家里", text)  # same length: spans stay put
    text = unslipped(e_as_i(text))  # "额七十六了", "抵保", "残急证": same length
    if opening:
        text = punctuate(text)  # voice input: the answers keep their places (dialogue.engine)
    text = numbers_mended(text)  # "三个人，不对，四个人", "残疾证二级，不对，是三级"
    words = _words()
    persons = PersonWords(words.persons, words.ordinal, words.ordered)
    mentions = find_mentions(text, words.departed, words.children, persons)
    facts: list[Fact] = []
    _illness(text, mentions, facts)
    _member_flags(text, mentions, facts, today)
    facts += [Fact("members.marital_status", *said) for said in marital_said(text, mentions)]
    if not opening:
        _no_certificate(text, mentions, facts)
    _schools(text, mentions, facts)
    _ages(text, today, mentions, facts, opening)
    if opening:
        _total_care(text, mentions, facts)
    _household(text, mentions, facts, today)
    none_bound = no_supporter_said(text, mentions)
    if none_bound is not None:
        who, lo, hi = none_bound
        facts.append(Fact("members.has_legal_supporter", False, lo, hi, who))
    if opening:  # in an answer, a sum spent is the 12 months' expense asked about, not an event
        _medical_bill(text, mentions, facts, today)
        area = floor_area_said(text)  # in an answer, the area question's own parser reads it
        if area is not None:
            facts.append(Fact("housing.total_floor_area", area.value, area.start, area.end,
                              estimate=area.estimate))  # fmt: skip
    elsewhere = hukou_elsewhere(text, region) if region else None
    if elsewhere is not None and not any(f.name == "has_local_hukou" for f in facts):
        facts.append(Fact("has_local_hukou", False, *elsewhere))
    here = hukou_here(text, region) if region and elsewhere is None else None
    if here is not None and not any(f.name == "has_local_hukou" for f in facts):
        facts.append(Fact("has_local_hukou", True, *here))
    proxy = speaks_for(text, mentions) if opening else None
    outsider = asks_for_outsider(text, mentions) if opening else None
    if outsider is not None and proxy is not None and proxy.person.start < outsider:
        outsider = None  # "替我爸问问…村里有个…": the relative asked for first
    if outsider is not None:
        proxy = None  # "…有个老大爷…我自己的父亲也八十了 他们能申请吗": they are the villagers
    said = said_size(text, mentions, proxy.person.key if proxy else None, story=opening)
    size = Fact("size", said[0], said[1], said[2]) if said else None
    if proxy is not None and size is not None:
        # "替我大姨问…一直一个人过": the size of the household asked for, theirs to keep
        # when the questionnaire turns to them (dialogue.proxy), not the speaker's
        proxy = dataclasses.replace(proxy, size=proxy.size or size.value)
        size = None
    alone = SELF if size is not None and size.value == 1 else None
    if proxy is not None and proxy.size == 1 and proxy.partner is None:
        alone = proxy.person.key  # "替我妈问…她一个人住…每个月就一百多的养老金"
    if opening:
        facts += [
            Fact("monthly_income_total", 0, lo, hi)
            for lo, hi in no_income_of_all(text, mentions, alone)
        ]
    # "家里就我们老两口…一年也就收个三四千": the speaker and the spouse; not a parent and a
    # child ("家里就我们娘俩": one earner's pay is not the household's)
    couple = (
        size is not None
        and size.value == 2
        and proxy is None
        and any(m.relation == "spouse" and not m.departed for m in mentions)
    )
    asked_for = proxy.person.key if proxy else None
    _money(text, mentions, facts, alone=alone, opening=opening, couple=couple, asked_for=asked_for)
    if opening and any(_of_close_family(f) for f in facts):
        # the speaker's own household: "俺…七十六了…侄儿四十多了在忻州上班" (the nephew keeps
        # his own), "我婆婆今年七十九…我娘家妈也七十多了" (the mother keeps hers); when the story
        # is all about an uncle ("我大爷八十了…一个人住"), his facts stay
        facts = [f for f in facts if not _of_other_kin(f, asked_for)]
    if opening:
        facts = [f for f in facts if not _of_a_relative_elsewhere(f, text, mentions, asked_for)]
    if opening and any(m.person in _PARENTS_IN_LAW for m in mentions):
        facts = [f for f in facts if not _of_in_laws_apart(f, text, mentions)]
    if outsider is not None:
        # a villager asked for by a cadre or a neighbour: nobody named can be placed in that
        # household (nlu.outsider); what is said of the household as a whole stays
        # said before the story turns to them, a household fact is the writer's own ("俺在太原
        # 有套房子租出去了 租给一家…": the landlord's house)
        facts = [f for f in facts if not f.name.startswith("members.") and f.start >= outsider]
        if size is None and (theirs := outsider_size(text, outsider)) is not None:
            size = Fact("size", *theirs)
    complaint = bool(_compiled(words.complaint).search(text))
    facts.sort(key=lambda f: f.start)  # the first said wins ("白血病…化疗": blood, not tumor)
    named = Reading(mentions=mentions).members()
    facts = without_repeats(facts, named, size.value if size else None)
    return Reading(
        facts=_without_contradictions(facts),
        mentions=mentions,
        size=size,
        items=_items(text, facts, complaint),
        complaint=complaint,
        policy_question=_policy_question(text),
        speaks_for=proxy,
    )
