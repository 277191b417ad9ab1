"""Answers (yes/no, don't know, choices), ages and dates, entity extraction, personal data."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guides.enums import enumerations
from guides.ids import ItemId, RegionId
from nlu.answers import is_dont_know, parse_choice, parse_yes_no
from nlu.dates import parse_age, parse_date
from nlu.entities import extract_entities, strip_personal_data
from nlu.idcard import check_digit
from nlu.lexicon import relation_synonyms
from nlu.numbers import Amount

TODAY = date(2025, 6, 1)
YES = "是 是的 对 对的 嗯 嗯嗯 有 有的 好 好的 可以 同意 行 没错 中 有一个 我有 俺家有 没问题 嗯，有两个"
NO = "不是 不 没有 没 无 否 不同意 不行 不用 算了 没得 没有的 我没有 肯定不是 这个嘛，没有"
NEITHER = "不知道 不清楚 不太清楚 说不好 记不得了 是不是要带身份证 有没有 银行 高中 我想问问低保"
# Held-out false matches: a copula with a noun phrase, farewells and exits, skips, "I don't
# understand", a correction, an apology, a negated longer predicate.
NOT_ANSWERS = [
    "是我老伴",
    "他是我儿子",
    "我是本人",
    "我是甘肃的",
    "好的，再见了",
    "不用了，再见",
    "好了，挂了",
    "我要退出了",
    "你说的我听不明白",
    "你说的我听不明白，我要人工",
    "没上过学",
    "这个不想填",
    "这个不方便说",
    "先空着，下一个",
    "不好意思，刚才答错了",
    "记错了",
]
# Still answers: a short echo after a negator, parallel negations, "是" before another yes.
STILL_ANSWERS = [
    ("没车没房", False),
    ("没工作", False),
    ("不在", False),
    ("我没有收入", False),
    ("不是儿子是女儿", False),
    ("是有的", True),
    ("还有我老伴", True),
    ("有三个孩子", True),
    ("错了", False),
    ("好的，谢谢", True),
]


@pytest.mark.parametrize("text", YES.split())
def test_yes(text: str) -> None:
    assert parse_yes_no(text) is True


@pytest.mark.parametrize("text", NO.split())
def test_no(text: str) -> None:
    assert parse_yes_no(text) is False


@pytest.mark.parametrize("text", [*NEITHER.split(), "", "   "])
def test_neither_yes_nor_no(text: str) -> None:
    assert parse_yes_no(text) is None


@pytest.mark.parametrize("text", NOT_ANSWERS)
def test_statements_and_conversation_moves_are_not_yes_or_no(text: str) -> None:
    assert parse_yes_no(text) is None
    assert "yes_no" not in [e.type for e in extract_entities(text, TODAY)]


@pytest.mark.parametrize(("text", "expected"), STILL_ANSWERS)
def test_echoes_and_parallel_negations_still_answer(text: str, expected: bool) -> None:
    assert parse_yes_no(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "不知道",
        "不清楚",
        "不太清楚",
        "说不好",
        "记不得",
        "忘了",
        "我忘了",
        "早忘了，",
        "多少钱忘了",
        "忘了是几号",
        "具体的忘了",
        "不确定",
        "搞不清",
        "我也说不清",
    ],
)
def test_dont_know(text: str) -> None:
    assert is_dont_know(text)
    assert parse_yes_no(text) is None


@pytest.mark.parametrize(
    "text", ["没有", "是的", "一千二", "我知道", "社保卡密码忘了怎么办", "忘了带身份证"]
)
def test_not_dont_know(text: str) -> None:
    assert not is_dont_know(text)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("今年65", 65),
        ("65岁", 65),
        ("六十五了", 65),
        ("65", 65),
        ("1958年出生", 67),
        ("58年的", 67),
        ("五八年生的", 67),
        ("1958年3月", 67),
        ("1958年7月", 66),
        ("一九五八年三月五号", 67),
        ("05年的", 20),
        ("七十多岁", 75),
        ("我老伴今年七十二岁了", 72),
        ("干了十年了", None),
        ("不知道", None),
        ("刚满周岁", 1),  # a baby's age said without a number of years
        ("孙子才八个月大", 0),
        ("还不到一岁", 0),
        ("刚出生", 0),
        ("干了三个月了", None),
        ("过了年就五十七了", 56),  # the age to come: a year less now
        ("明年就满六十", 59),
        ("下个月就七十了", 69),
    ],
)
def test_parse_age(text: str, age: int | None) -> None:
    assert parse_age(text, TODAY) == age


def test_age_from_an_id_number() -> None:
    number = "62010219580605123"
    number += check_digit(number)
    assert parse_age(f"身份证{number}", TODAY) == 66


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1958年3月5日", date(1958, 3, 5)),
        ("1958-03-05", date(1958, 3, 5)),
        ("1958/3/5", date(1958, 3, 5)),
        ("58年3月", date(1958, 3, 1)),
        ("二〇〇五年十二月三十一日", date(2005, 12, 31)),
        ("1958年2月30日", None),
        ("没有", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text, TODAY) == expected


HEALTH = enumerations().health.values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("重病", "serious_illness"),
        ("健康", "good"),
        ("2", "fair"),
        ("第二个", "fair"),
        ("第三", "serious_illness"),
        ("身体还行，一般吧", "fair"),
        ("得了重病", "serious_illness"),
        ("7", None),
        ("不知道", None),
    ],
)
def test_parse_choice(text: str, expected: str | None) -> None:
    assert parse_choice(text, HEALTH) == expected


def test_parse_choice_with_synonyms() -> None:
    relations = enumerations().relation.values
    assert parse_choice("儿子", relations) is None  # "子/婿": a single character is no evidence
    assert parse_choice("儿子", relations, relation_synonyms()) == "son"
    assert parse_choice("孙子", relations) == "grandchild"
    assert parse_choice("配偶", relations) == "spouse"
    assert parse_choice("老伴", relations, relation_synonyms()) == "spouse"


def test_extract_entities_from_a_long_message() -> None:
    text = "我是甘肃庆阳的，老伴今年七十二岁，我们家三口人，一个月收入大概一千多块，想申请低保"
    entities = extract_entities(text, TODAY)
    by_type = {e.type: e for e in entities}
    assert set(by_type) == {"region", "relation", "age", "count", "amount", "item"}
    assert by_type["region"].value == RegionId.GANSU
    assert by_type["relation"].value == "spouse"
    assert by_type["age"].value == 72
    assert by_type["count"].value == 3
    assert by_type["amount"].value == Amount(1500.0, 1000.0, 2000.0, True, "month")
    assert by_type["amount"].is_estimate
    assert by_type["item"].value == ItemId.DIBAO
    for entity in entities:
        assert text[entity.start : entity.end] == entity.text
    assert [e.start for e in entities] == sorted(e.start for e in entities)


def test_extract_identifiers_and_dates() -> None:
    number = "62010219580305123"
    number += check_digit(number)
    text = f"身份证{number}，电话13812345678，我1958年3月出生，2020年3月失业了"
    entities = extract_entities(text, TODAY)
    assert [(e.type, e.value) for e in entities] == [
        ("id_number", number),
        ("phone", "13812345678"),
        ("birth_date", date(1958, 3, 1)),
        ("date", date(2020, 3, 1)),
    ]


def test_extract_short_answers() -> None:
    assert [(e.type, e.value) for e in extract_entities("不知道")] == [("dont_know", True)]
    assert [(e.type, e.value) for e in extract_entities("是的，我家有")] == [("yes_no", True)]
    assert [e.type for e in extract_entities("我是甘肃的")] == ["region"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("先空着，下一个", []),
        ("社保卡密码忘了", []),
        ("邻居", []),
        ("我要举报邻居骗保", []),
        ("有三个孩子", [("count", 3)]),
        ("记错了，不是儿子是女儿", [("relation", "daughter")]),
        ("低宝要啥条件", [("item", ItemId.DIBAO)]),
        ("俺要申请底保", [("item", ItemId.DIBAO)]),
        ("临时就助", [("item", ItemId.TEMPORARY_AID)]),
    ],
)
def test_held_out_false_and_missed_entities(text: str, expected: list[tuple[str, object]]) -> None:
    assert [(e.type, e.value) for e in extract_entities(text, TODAY)] == expected


def test_strip_personal_data() -> None:
    number = "62010219580305123"
    number += check_digit(number)
    text = (
        f"我身份证{number}，电话13812345678，月收入1200，存款有5万，"
        "卡号6222 0202 0000 1234 567，想问12345热线，家里3口人"
    )
    stripped = strip_personal_data(text)
    assert stripped == (
        "我身份证[身份证号]，电话[电话]，月收入[金额]，存款有[金额]，"
        "卡号[银行卡号]，想问12345热线，家里3口人"
    )
    for secret in (number, "13812345678", "1200", "5万", "1234 567"):
        assert secret not in stripped


@given(st.text(max_size=80))
def test_never_raise(text: str) -> None:
    extract_entities(text, TODAY)
    strip_personal_data(text)
    parse_yes_no(text)
    is_dont_know(text)
    parse_age(text, TODAY)
    parse_date(text, TODAY)
    parse_choice(text, HEALTH)


@given(
    st.text(
        alphabet="0123456789一二三四五六七八九十百千万亿零两几多块元年月日岁口人到-.,", max_size=30
    )
)
def test_never_raise_on_number_soup(text: str) -> None:
    extract_entities(text, TODAY)
    strip_personal_data(text)
    parse_age(text, TODAY)


def test_long_digit_runs_do_not_backtrack() -> None:
    # used to backtrack exponentially inside the numeral pattern; now linear
    text = "1" * 3000 + "x岁吗"
    assert parse_age(text, TODAY) is None
    assert strip_personal_data(text) == "[号码]岁吗"
