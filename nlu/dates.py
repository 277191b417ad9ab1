"""Birth dates and ages: "1958年3月5日", "58年的", "五八年生的", "今年65", "六十五了".

Two-digit years: 00 up to this year's two digits are 2000s, the rest 1900s (in 2025:
"25年" = 2025, "58年" = 1958). An age from a year alone is the age reached this year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from nlu.idcard import ID_RE, age_on, parse_id_number
from nlu.numbers import Found
from nlu.numerals import DIGITS, NUMERAL, negative_at, normalize_digits, parse_range

_CN = "零〇○一二三四五六七八九"
_YEAR = rf"(?P<y>\d{{4}}|\d{{2}}|[{_CN}]{{4}}|[{_CN}]{{2}})"
_MONTH = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?P<d>3[01]|[12]\d|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])"
_DATE_RES = (
    re.compile(rf"(?<!\d){_YEAR}\s*年\s*{_MONTH}\s*月(?:份)?(?:\s*{_DAY}\s*[日号])?"),
    re.compile(rf"(?<!\d)(?P<y>\d{{4}})([-/.])(?P<m>1[0-2]|0?[1-9])\2{_DAY}(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"),
)
_YEAR_ONLY = re.compile(
    rf"(?<![\d{_CN}十百千万])(?:(?P<y4>\d{{4}}|[{_CN}]{{4}})\s*年"
    rf"|(?P<y2>\d{{2}}|[{_CN}]{{2}})\s*年(?=出生|生|的|人|属|$|[，。,.\s]))"
)
_AGE_RES = (
    # "老二十岁": the second child is ten, not twenty
    # "俺六十八碎", "八睡": a voice slip for 岁, closing the clause
    re.compile(
        rf"(?<!老)(?P<n>{NUMERAL})(?P<more>多|出头|挂零|好几|大几|来)?"
        r"(?:周岁|岁|[碎睡](?=了?(?:$|[，,。；;！!？?\s])))"
    ),
    re.compile(
        rf"(?:今年|年龄|年纪|刚满|满了|满|虚岁)(?:是|有|已经|都)?整?(?P<n>{NUMERAL})"
        r"(?P<more>多|出头|挂零|好几|大几)?"
        r"(?![月号日年点个])"  # "今年九月上初中" is a month
    ),
    re.compile(rf"^(?P<n>{NUMERAL})(?P<more>多|出头|挂零|好几|大几)?了?(?:吧|啊|呀|了)?$"),
    # not a school year: "上初二了", "大三了"
    re.compile(rf"(?<![初高大研老挂])(?P<n>{NUMERAL})(?P<more>多|出头|挂零|好几|大几)?了"),
    # "我和老伴俩人都七十多", "俺和屋里人都四十出头": tens said of two or more people with 都,
    # ending the clause
    re.compile(
        # the people are before it (nlu.facts._everyone); not a time or money ("一个月都八十")
        r"(?<=[^，,。；;！!？?\s])(?<![月年天周块元钱])都(?:是)?"
        r"(?P<n>[二三四五六七八九]十[一二三四五六七八九]?)(?P<more>多|出头|好几|大几)?"
        r"(?=$|[，,。；;！!？?\s])"
    ),
    # "他七十，我六十八": the first clause, a bare number after at most the person
    re.compile(
        rf"^(?:他|她|我|俺)?(?:今年)?(?P<n>{NUMERAL})(?P<more>多|出头|挂零|好几|大几)?(?=[，,；;。])"
    ),
)
JUST_OVER_YEARS = 4  # 四十出头: 40..44
# A baby's age said without a number of years: "刚满周岁" (1), "才八个月大", "刚出生" (0)
_BABY_AGES = (
    (re.compile(r"(?:刚|才|已经)?(?:满|过)(?:了)?周岁"), 1),
    (
        re.compile(
            rf"(?<![岁年])(?:{NUMERAL})个(?:多)?月大|刚出生|还没满月|不(?:到|满)(?:一|1)(?:周)?岁"
        ),
        0,
    ),
)
_ALMOST = re.compile(r"(?:快|快要|将近|近)$")  # 快八十岁: a little under 80
# "过了年就五十七了", "明年就满六十": the age to come, a year more than now
_TURNING = re.compile(
    r"(?:明年|过年|年底|下个?月|下半年)(?:就|就要|就该|才|也)?(?:满|到)?$"
    r"|(?:过了年|过完年|年后)(?:就|就要|就该|才|也)(?:满|到)?$"
)
# "过了年七十一了": with no 就 the new year is behind, when said in the year's first half (the
# 春节 has passed); said in the second half it is the one to come
_NEW_YEAR_PASSED = re.compile(r"(?:过了年|过完年|年后)(?:满|到)?$")
LAST_MONTH_AFTER_NEW_YEAR = 6
# "再过两年就七十了": the age that many years from now; the years are taken off
_YEARS_TO_GO = re.compile(r"(?:再过|还有|还差)(?P<y>[一两二三四五1-5])年(?:就|才)?(?:满|到|整)?$")
# "老伴比我大两岁": a gap between two ages, not an age
_AGE_GAP = re.compile(r"比[^，,。；;！!？?\s\d]{0,4}(?:大|小)$")
# "八岁的时候得过病", "二十岁那年": an age then, not now
_AGE_THEN = re.compile(r"的?(?:时候|那年|那会|那阵)|时[，,。]")


@dataclass(frozen=True)
class DateParts:
    """A date as precise as the speaker gave it."""

    year: int
    month: int | None = None
    day: int | None = None

    def to_date(self) -> date:
        """The date, with a missing month or day taken as the first."""
        return date(self.year, self.month or 1, self.day or 1)


def _int(text: str) -> int | None:
    bounds = parse_range(text)
    if bounds is None or bounds[0] != bounds[1] or bounds[0] % 1:
        return None
    return int(bounds[0])


def full_year(text: str, today: date) -> int | None:
    """ "1958" -> 1958, "58" -> 1958, "05" -> 2005 (in 2025), "五八" -> 1958."""
    text = normalize_digits(text)
    digits = "".join(str(DIGITS[c]) if c in DIGITS else c for c in text)
    if not digits.isdigit():
        return None
    year = int(digits)
    if len(digits) == 2:
        year += 2000 if year <= today.year % 100 else 1900
    return year if 1900 <= year <= today.year else None


def find_dates(text: str, today: date | None = None) -> list[Found]:
    """Dates with year and month (day optional); values are DateParts."""
    today = today or date.today()
    text = normalize_digits(text)
    found: list[Found] = []
    for pattern in _DATE_RES:
        for m in pattern.finditer(text):
            if any(m.start() < f.end and f.start < m.end() for f in found):
                continue
            year = full_year(m.group("y"), today)
            month = _int(m.group("m"))
            day = _int(m.group("d")) if m.group("d") else None
            if year is None or month is None or not 1 <= month <= 12:
                continue
            try:
                date(year, month, day or 1)
            except ValueError:
                continue
            found.append(Found(DateParts(year, month, day), m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def parse_date(text: str, today: date | None = None) -> date | None:
    """The first date with at least a year and a month; a missing day is the first."""
    found = find_dates(text, today)
    if not found or not isinstance(found[0].value, DateParts):
        return None
    return found[0].value.to_date()


def find_birth_years(text: str, today: date) -> list[Found]:
    """Years given alone, as a birth year ("1958年", "58年的", "五八年生的")."""
    text = normalize_digits(text)
    found: list[Found] = []
    for m in _YEAR_ONLY.finditer(text):
        year = full_year(m.group("y4") or m.group("y2"), today)
        if year is not None:
            found.append(Found(DateParts(year), m.start(), m.end()))
    return found


def _age_from(parts: DateParts, today: date) -> int:
    if parts.month is None:
        return today.year - parts.year
    return age_on(date(parts.year, parts.month, parts.day or 1), today)


_BORN = re.compile(r"出?生")
# "我1960年的，老伴1962年的": a year said right after a person, closing the clause, is when
# they were born (not "房子是1990年的", "2012年的事")
_OF_YEAR_END = re.compile(r"的(?=$|[，,。；;！!？?、\s])")
_WHOSE_YEAR = re.compile(
    r"(?:我|俺|额|咱|他|她|老伴|老婆|老公|老头子?|老汉|儿子|闺女|女儿|孙子|孙女|外孙女?|媳妇|儿媳妇?"
    r"|男人|爸|妈|娘|爹|爷爷|奶奶|姥姥|姥爷)"
    r"(?:是)?(?:属[鼠牛虎兔龙蛇马羊猴鸡狗猪]的?)?$"  # "老伴属牛的四九年的"
)


def find_ages(text: str, today: date) -> list[Found]:
    """Stated ages ("65岁", "今年六十五", "七十多岁" -> 75, an estimate)."""
    text = normalize_digits(text)
    found: list[Found] = []
    for pattern, years in _BABY_AGES:  # first: "不到一岁" is no "一岁"
        found += [Found(years, m.start(), m.end(), False) for m in pattern.finditer(text)]
    for born in find_birth_years(text, today):  # "1962年出生的": this year's age, or one less
        said_of = _BORN.match(text, born.end) or (  # "老伴1962年的": her birth year
            _OF_YEAR_END.match(text, born.end) and _WHOSE_YEAR.search(text, 0, born.start)
        )
        if said_of and isinstance(born.value, DateParts):
            age = today.year - born.value.year
            if 0 <= age <= 120:
                found.append(Found(age, born.start, born.end, True))
    for pattern in _AGE_RES:
        for m in pattern.finditer(text):
            if any(m.start() < f.end and f.start < m.end() for f in found):
                continue
            if negative_at(text, m.start("n")):
                continue  # "-5岁" is no age: the dialogue asks again, saying why
            if _AGE_THEN.match(text, m.end()):
                continue
            bounds = parse_range(m.group("n"))
            if bounds is None:
                continue
            low, high = bounds
            more = bool(m.group("more"))
            if more and low == high and m.group("more") == "好几":
                low, high = low + 3, low + 9  # 七十好几: well past seventy
            elif more and low == high and m.group("more") == "大几":
                low, high = low + 5, low + 9  # 三十大几: the upper thirties
            elif more and low == high and m.group("more") == "来":
                pass  # 四十来岁: about forty
            elif more and low == high:
                just_over = m.group("more") in ("出头", "挂零")
                high = low + (JUST_OVER_YEARS if just_over else 10 if low >= 10 else 1)
            age = int((low + high) / 2) if (more or low != high) else int(low)
            almost = not more and low == high and bool(_ALMOST.search(text, 0, m.start()))
            if _AGE_GAP.search(text, 0, m.start("n")):
                continue
            almost = almost or bool(_TURNING.search(text, 0, m.start("n")))
            almost = almost or (
                today.month > LAST_MONTH_AFTER_NEW_YEAR
                and bool(_NEW_YEAR_PASSED.search(text, 0, m.start("n")))
            )
            if almost:
                age -= 1
            to_go = _YEARS_TO_GO.search(text, 0, m.start("n"))
            gone = parse_range(to_go.group("y")) if to_go is not None and not more else None
            if gone is not None:
                age -= int(gone[0])
            nominal = "虚岁" in text[max(0, m.start() - 3) : m.end() + 4]
            if nominal:  # "七十三，虚岁": counted from one at birth, a year more than the real age
                age -= 1
            if 0 <= age <= 120 and low % 1 == 0:
                estimate = more or low != high or almost or nominal
                found.append(Found(age, m.start(), m.end(), estimate))
    return sorted(found, key=lambda f: f.start)


def parse_age(text: str, today: date | None = None) -> int | None:
    """Age in whole years from an ID number, a birth date or year, or a stated age."""
    today = today or date.today()
    for m in ID_RE.finditer(normalize_digits(text)):
        card = parse_id_number(m.group(), today)
        if card is not None:
            return card.age(today)
    dates = find_dates(text, today) or find_birth_years(text, today)
    if dates and isinstance(dates[0].value, DateParts):
        born = dates[0].value
        if born.month is None:  # "五五年 腊月生的": the month said apart from the year
            month = _birth_month(normalize_digits(text), dates[0].end)
            born = born if month is None else DateParts(born.year, month)
        age = _age_from(born, today)
        return age if 0 <= age <= 120 else None
    ages = find_ages(text, today)
    now = [a for a in ages if not _AT_THE_TIME.match(text, a.end)]
    ages = now or ages  # "十九岁嫁过来，今年六十七了": the age then is not the age now
    if not ages or not isinstance(ages[0].value, int):
        return None
    first = ages[0].value
    if ages[0].is_estimate:  # "六十多，六十三了": the exact age said after the guess
        exact = [a.value for a in ages[1:] if not a.is_estimate and isinstance(a.value, int)]
        if exact and abs(exact[0] - first) <= GUESS_MENDED:
            return exact[0]
    return first


# an age at an event of the past: "十九岁嫁过来", "二十岁那年当的兵", "十八岁就出去打工"
_AT_THE_TIME = re.compile(
    r"(?:那年|那会儿?|的时候|时候|时|就|上)?(?:嫁|结婚|出嫁|当兵|参军|入伍|出去|出来|生了?|进厂|下地)"
)


# the birth month after a year said alone ("五五年 腊月生的", "58年，十月份出生"); a lunar month
# is taken as the same month number (腊月 12): the age is right but in the weeks between
_BIRTH_MONTH = re.compile(
    r"的?[，,\s]*(?:是|在)?(?:农历|阴历|阳历)?"
    r"(?P<m>正|冬|腊|十[一二]?|1[0-2]|[1-9]|[一二三四五六七八九])月(?:份)?(?:里|的)?出?生"
)
_MONTH_WORDS = {"正": 1, "冬": 11, "腊": 12}


def _birth_month(text: str, end: int) -> int | None:
    said = _BIRTH_MONTH.match(text, end)
    if said is None:
        return None
    word = said.group("m")
    if word in _MONTH_WORDS:
        return _MONTH_WORDS[word]
    bounds = parse_range(word)
    return int(bounds[0]) if bounds is not None and bounds[0] == bounds[1] else None


# "不满18岁", "还不到十六": a bound the age is under, not the age
UNDER_AN_AGE = r"不满|未满|没满|不到|不足|没到"
GUESS_MENDED = 5  # years between a guessed age and the exact one said after it, at most
