"""Chinese and Arabic numerals: "一千二" -> 1200, "1.2万" -> 12000, "一千零五" -> 1005.

Colloquial abbreviation: a single digit right after 百/千/万/亿 (no 零 between) counts in the
next lower place, so 一千二 = 1200, 三万五 = 35000, 一百五 = 150; a 零 cancels it
(一千零二 = 1002). A run of digits without units is read digit by digit (一九五八 = 1958).
Adjacent-digit ranges ("八九百", "一两千", "十七八"), the idiom 三五 ("三五千") and 几 ("十几",
"几千") are ranges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "幺": 1, "二": 2, "两": 2, "贰": 2, "俩": 2,
    "三": 3, "叁": 3, "仨": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6,
    "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
UNITS: dict[str, int] = {
    "十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000,
    "万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000,
}  # fmt: skip
_CN_DIGITS = "".join(DIGITS)
_CN_UNITS = "".join(UNITS)
ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# atomic: a failed match after a numeral must not backtrack into it (exponential on digit runs)
NUMERAL = rf"(?>(?:{ARABIC}|[{_CN_DIGITS}{_CN_UNITS}几])+)"
NUMERAL_RE = re.compile(NUMERAL)

_TOKEN_RE = re.compile(rf"(?P<arabic>{ARABIC})|(?P<digits>[{_CN_DIGITS}]+)|(?P<unit>[{_CN_UNITS}])")
_ADJACENT_RE = re.compile(
    r"^(?P<prefix>[一二两三四五六七八九]?十)?(?P<a>[一二两三四五六七八九])(?P<b>[二两三四五六七八九])"
    r"(?P<units>[十百千万亿]*)$"
)
# "一千五六", "两万三四", "一千五六百": a unit, then two adjacent digits one place below it
_ADJACENT_AFTER_UNIT_RE = re.compile(
    r"^(?P<head>[一二两三四五六七八九十百千万]*[百千万])(?P<a>[一二两三四五六七八九])"
    r"(?P<b>[二两三四五六七八九])(?P<units>[十百千]?)$"
)
_ROUND_ABOUT_RE = re.compile(r"^(?P<u>[百千万])(?:八(?P<below>[十百千])|十)$")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_FULLWIDTH_CHAR = re.compile("[０-９．]")

CN_OUT = "零一二三四五六七八九"


_TENS_AND = re.compile(r"(?<=[一二三四五六七八九]十)有(?=[一二三四五六七八九](?![十百千万]))")


# "七十二点五平", "一点五万": a spoken decimal (not a time: "三点五十", "三点半", "三点钟")
_SPOKEN_DECIMAL = re.compile(
    r"(?P<whole>[零一二两三四五六七八九十百千]+)点(?P<part>[零一二三四五六七八九]+)(?![十百千分钟刻半号])"
)


def spoken_numerals(text: str) -> str:
    """Numerals said the spoken way, as plain ones: the old way of saying ages, "八十有三"
    (eighty and three) as 八十三, and a spoken decimal, "七十二点五" as 72.5."""

    def decimal(m: re.Match[str]) -> str:
        whole = parse_number(m.group("whole"))
        if not isinstance(whole, int):
            return m.group(0)
        return f"{whole}.{''.join(str(DIGITS[c]) for c in m.group('part'))}"

    return _SPOKEN_DECIMAL.sub(decimal, _TENS_AND.sub("", text))


# An age: a numeral (Chinese or Arabic) before 岁 or 周岁 ("八十岁", "一百零一岁", "80周岁").
_AGE = re.compile(r"([0-9]+|[零一二两三四五六七八九十百]+)周?岁")


def ages_in_digits(text: str) -> str:
    """Every age written as Arabic digits and 岁: "八十岁以上" and "80周岁以上" both read
    "80岁以上", so a caller's spoken age meets the written one in a policy text. A numeral
    that does not parse ("十几岁" has none before 岁) is left as it is."""

    def digits(m: re.Match[str]) -> str:
        value = parse_number(m.group(1))
        return f"{value}岁" if isinstance(value, int) else m.group(0)

    return _AGE.sub(digits, text)


# a phone's shorthand after digits: "2k" is 2千, "3w" is 3万 (not "5kg", "3km", "2kw")
_LATIN_UNIT = re.compile(r"(?<=[0-9０-９])[kKwW](?![a-zA-Z])")
_LATIN_UNITS = {"k": "千", "K": "千", "w": "万", "W": "万"}


def latin_units(text: str) -> str:
    """A unit typed in Latin after digits as its Chinese one ("2k多点" -> "2千多点"), one
    character for one (spans stay valid)."""
    if _LATIN_UNIT.search(text) is None:
        return text
    return _LATIN_UNIT.sub(lambda m: _LATIN_UNITS[m.group()], text)


def normalize_digits(text: str) -> str:
    """Full-width digits to ASCII, one character for one (spans stay valid)."""
    # Looking for one first: translate() reads a Chinese text a character at a time through
    # the table (about eight times the cost), and most texts have none.
    if _FULLWIDTH_CHAR.search(text) is None:
        return text
    return text.translate(_FULLWIDTH)


@dataclass(frozen=True)
class _Token:
    unit: int  # 0 for a number
    value: Decimal
    zero: bool = False  # led by 零
    run: bool = False  # several Chinese digits without a unit between them


def _tokens(text: str) -> list[_Token] | None:
    tokens: list[_Token] = []
    pos = 0
    for m in _TOKEN_RE.finditer(text):
        if m.start() != pos:
            return None
        pos = m.end()
        if m.group("arabic"):
            tokens.append(_Token(0, Decimal(m.group("arabic").replace(",", ""))))
        elif m.group("digits"):
            run = m.group("digits")
            rest = run.lstrip("零〇○")
            value = int("".join(str(DIGITS[c]) for c in rest)) if rest else 0
            tokens.append(_Token(0, Decimal(value), zero=rest != run, run=len(rest) > 1))
        else:
            tokens.append(_Token(UNITS[m.group("unit")], Decimal(0)))
    return tokens if pos == len(text) else None


def _section(tokens: list[_Token]) -> Decimal | None:
    """A value below 10 000: digits and 十/百/千."""
    total = Decimal(0)
    pending: _Token | None = None
    last_unit = 0
    for token in tokens:
        if not token.unit:
            if pending is not None:
                return None
            pending = token
            continue
        if pending is None and last_unit:
            return None
        if pending is not None and pending.zero and pending.value == 0:
            return None
        part = (pending.value if pending is not None else Decimal(1)) * token.unit
        if last_unit and (token.unit >= last_unit or part >= last_unit):
            return None
        total += part
        pending, last_unit = None, token.unit
    if pending is not None:
        abbreviated = (
            last_unit >= 100 and not pending.zero and pending.value < 10 and not pending.run
        )
        total += pending.value * (last_unit // 10 if abbreviated else 1)
    return total


def _split(tokens: list[_Token], big: int) -> Decimal | None:
    if big == 1:
        return _section(tokens)
    lower = 10_000 if big == 100_000_000 else 1
    index = next((i for i, t in enumerate(tokens) if t.unit == big), None)
    if index is None:
        return _split(tokens, lower)
    high, low = tokens[:index], tokens[index + 1 :]
    if not high:
        return None
    high_value = _split(high, lower)
    if high_value is None:
        return None
    if not low:
        return high_value * big
    only = low[0]
    if len(low) == 1 and not only.unit and not only.zero and not only.run and only.value < 10:
        return high_value * big + only.value * (big // 10)
    low_value = _split(low, big)
    if low_value is None or low_value >= big:
        return None
    return high_value * big + low_value


def parse_decimal(text: str) -> Decimal | None:
    """The value of a string that is exactly one numeral, or None."""
    tokens = _tokens(normalize_digits(text))
    if not tokens or (all(t.unit for t in tokens) and tokens[0].unit != 10):
        return None  # "千万" (by all means) and "万一" (in case) are not numbers; "十万" is
    if any(t.unit for t in tokens) and any(t.run for t in tokens):
        return None  # "八九百" is a range, not 8900
    try:
        return _split(tokens, 100_000_000)
    except InvalidOperation:
        return None


def to_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def parse_number(text: str) -> int | float | None:
    """ "一千二" -> 1200, "1.2万" -> 12000, "1,200" -> 1200; None unless the text is a numeral."""
    value = parse_decimal(text.strip())
    return None if value is None else to_number(value)


def parse_range(text: str) -> tuple[Decimal, Decimal] | None:
    """Low and high of a numeral, which may be a range ("八九百", "一两千", "十几", "几千")."""
    text = normalize_digits(text.strip())
    if "几" in text:
        if text == "几" or text.count("几") > 1:
            return None
        index = text.index("几")
        low_digit = "一" if index and text[index - 1] == "十" else "二"
        low = parse_decimal(text.replace("几", low_digit))
        high = parse_decimal(text.replace("几", "九"))
        return None if low is None or high is None else (low, high)
    m = _ADJACENT_RE.match(text)
    if m:
        a, b = DIGITS[m.group("a")], DIGITS[m.group("b")]
        if b == a + 1 or (a, b) == (3, 5):  # "三五千": three to five thousand
            prefix = m.group("prefix") or ""
            units = m.group("units")
            low = parse_decimal(prefix + m.group("a") + units)
            high = parse_decimal(prefix + m.group("b") + units)
            if low is not None and high is not None:
                return low, high
    m = _ROUND_ABOUT_RE.match(text)
    if m:  # "百八十": eighty to a hundred; "千八百": eight hundred to a thousand; "百十": 100..110
        unit = Decimal(UNITS[m.group("u")])
        below = m.group("below")
        if below is None:
            return unit, unit + unit / 10
        return Decimal(8) * Decimal(UNITS[below]), unit
    m = _ADJACENT_AFTER_UNIT_RE.match(text)
    if m and DIGITS[m.group("b")] == DIGITS[m.group("a")] + 1:
        low = parse_decimal(m.group("head") + m.group("a") + m.group("units"))
        high = parse_decimal(m.group("head") + m.group("b") + m.group("units"))
        if low is not None and high is not None and low < high:
            return low, high
    value = parse_decimal(text)
    return None if value is None else (value, value)


def has_unit(text: str) -> bool:
    return any(c in UNITS for c in text)


def last_unit(text: str) -> int:
    """The place value of a trailing unit character ("2万" -> 10000), else 1."""
    return UNITS.get(text[-1], 1) if text else 1


def lowest_place(value: Decimal) -> Decimal:
    """Place value of the lowest non-zero digit: 1500 -> 100, 1000 -> 1000, 0 -> 1."""
    if value <= 0:
        return Decimal(1)
    if value != value.to_integral_value():
        exponent = value.normalize().as_tuple().exponent
        return Decimal(10) ** int(exponent)
    place = Decimal(1)
    number = int(value)
    while number % 10 == 0:
        number //= 10
        place *= 10
    return place


def _section_chinese(group: int) -> str:
    out = ""
    gap = False
    for place, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = group // place % 10
        if digit == 0:
            gap = gap or bool(out)
            continue
        if gap:
            out += "零"
            gap = False
        out += CN_OUT[digit] + unit
    return out


def to_chinese(number: int) -> str:
    """Standard Chinese numeral of a non-negative integer: 1005 -> 一千零五, 15 -> 十五."""
    if number < 0:
        raise ValueError("negative numbers are not written here")
    if number == 0:
        return "零"
    groups: list[int] = []
    while number:
        groups.append(number % 10_000)
        number //= 10_000
    big_units = ["", "万", "亿", "万亿"]
    out = ""
    gap = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            gap = gap or bool(out)
            continue
        if out and (gap or group < 1000):
            out += "零"
        out += _section_chinese(group) + big_units[index]
        gap = False
    return out[1:] if out.startswith("一十") else out


# --- signs -----------------------------------------------------------------------------------
_SIGNS = "-－−﹣—"
# A dash right after one of these joins two numbers ("1-2万", "一千—两千"): a range, no sign.
_BEFORE_RANGE_DASH = set("0123456789.几元块岁口人个%％") | set(_CN_DIGITS) | set(_CN_UNITS)
_NEGATIVE_SAID = re.compile(
    rf"(?:负|[{_SIGNS}])\s*(?P<n>{NUMERAL})"
    r"(?P<unit>\s*(?:周岁|岁|口人|口|个人|人|块钱|元钱|块|元|万|千))?(?!\s*(?:楼|层))"
)


def negative_at(text: str, start: int) -> bool:
    """Whether the numeral at `start` is written as a negative number ("-5岁", "负三口人",
    "－500"): a minus sign or 负 right before it that is not a dash between two numbers."""
    i = start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i == 0:
        return False
    sign = text[i - 1]
    if sign == "负":
        return True
    if sign not in _SIGNS:
        return False
    j = i - 1
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j == 0:
        return True
    before = text[j - 1]
    return before not in _BEFORE_RANGE_DASH and not (before.isascii() and before.isalnum())


@dataclass(frozen=True)
class Negative:
    said: str  # as written: "-5岁"
    unit: str  # "岁", "口人", "元", …, or "" when none followed
    before: str = ""  # the few characters before it ("每月收入"), to tell what it is about


def find_negative(text: str) -> Negative | None:
    """The first negative number in a text; no count, age or amount asked here is negative."""
    text = normalize_digits(text)
    for m in _NEGATIVE_SAID.finditer(text):
        if negative_at(text, m.start("n")):
            before = text[max(0, m.start() - 8) : m.start()]
            return Negative(m.group(0).strip(), (m.group("unit") or "").strip(), before)
    return None
