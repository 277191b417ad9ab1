"""Numerals, amounts and household counts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlu.numbers import Amount, find_counts, monthly_amount, parse_amount, parse_count
from nlu.numerals import find_negative, parse_number, parse_range, to_chinese


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一千二", 1200),
        ("一千二百五", 1250),
        ("两千五百元", 2500),
        ("1.2万", 12000),
        ("1200块", 1200),
        ("三万五", 35000),
        ("八百", 800),
        ("十五", 15),
        ("二十", 20),
        ("一百零五", 105),
        ("1,200元", 1200),
        ("每月800", 800),
        ("没有收入", 0),
        ("没收入", 0),
        ("零", 0),
        ("0", 0),
        ("１２００元", 1200),
        ("一千零二", 1002),
        ("3万5", 35000),
        ("两口人，一个月八百", 800),
    ],
)
def test_exact_amounts(text: str, value: int) -> None:
    amount = parse_amount(text)
    assert amount is not None
    assert (amount.value, amount.low, amount.high) == (value, value, value)
    assert amount.is_estimate is False


@pytest.mark.parametrize(
    ("text", "low", "high", "value"),
    [
        ("大概一千多", 1000, 2000, 1500),
        ("一千二多", 1200, 1300, 1250),
        ("三千多块钱", 3000, 4000, 3500),
        ("一两千", 1000, 2000, 1500),
        ("八九百", 800, 900, 850),
        ("1000到1500", 1000, 1500, 1250),
        ("一千到一千五", 1000, 1500, 1250),
        ("1到2万", 10000, 20000, 15000),
        ("十几块", 11, 19, 15),
        ("不到一千", 800, 1000, 900),
        ("三千出头", 3000, 3200, 3100),
        ("一万出头", 10000, 12000, 11000),
        ("最多一千", 0, 1000, 500),
        ("一千左右", 1000, 1000, 1000),
        ("差不多八百块", 800, 800, 800),
    ],
)
def test_estimates(text: str, low: float, high: float, value: float) -> None:
    amount = parse_amount(text)
    assert amount is not None
    assert (amount.low, amount.high, amount.value) == (low, high, value)
    assert amount.is_estimate is True


@pytest.mark.parametrize(
    "text", ["我想问一下低保", "千万别忘了", "万一不行呢", "我家3口人", "第三个"]
)
def test_not_amounts(text: str) -> None:
    assert parse_amount(text) is None


def test_periods_and_monthly_conversion() -> None:
    yearly = parse_amount("一年三万")
    assert yearly is not None and yearly.period == "year" and yearly.value == 30000
    monthly = monthly_amount("年收入3万")
    assert monthly == Amount(2500.0, 2500.0, 2500.0, period="month", converted_from="year")
    assert monthly_amount("每月800") == Amount(800.0, 800.0, 800.0, period="month")
    daily = monthly_amount("一天50块")
    assert daily is not None and daily.value == 1500 and daily.converted_from == "day"
    assert monthly_amount("八百") == Amount(800.0, 800.0, 800.0)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("三口人", 3),
        ("我们家四个人", 4),
        ("就我一个", 1),
        ("就我自己", 1),
        ("俩人", 2),
        ("两口子", 2),
        ("5口", 5),
        ("一家三口", 3),
        ("4", 4),
        ("四", 4),
        ("三个孩子", None),
        ("有三个孩子", None),  # children, not the household size
        ("先空着，下一个", None),  # "下一个" points at the next question
        ("这一个", None),
        ("两三个人", None),
        ("不知道", None),
    ],
)
def test_counts(text: str, count: int | None) -> None:
    assert parse_count(text) == count


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("有三个孩子", [3]),
        ("家里两个老人一个学生", [2, 1]),
        ("我们家三口人，两个孩子", [3, 2]),
        ("先空着，下一个", []),
        ("第三个", []),
    ],
)
def test_counts_of_people_as_entities(text: str, counts: list[int]) -> None:
    assert [f.value for f in find_counts(text)] == counts


def test_ranges_of_numerals() -> None:
    assert parse_range("十七八") == (17, 18)
    assert parse_range("几千") == (2000, 9000)
    assert parse_number("八九百") is None


@settings(max_examples=2000)
@given(st.integers(min_value=0, max_value=99_999_999))
def test_chinese_numerals_round_trip(number: int) -> None:
    assert parse_number(to_chinese(number)) == number


@given(st.integers(min_value=0, max_value=99_999_999))
def test_liang_for_two_reads_the_same(number: int) -> None:
    assert parse_number(to_chinese(number).replace("二", "两")) == number


@given(st.integers(min_value=0, max_value=9_999_999), st.sampled_from(["块", "元", "块钱", ""]))
def test_arabic_amounts_round_trip(number: int, unit: str) -> None:
    amount = parse_amount(f"{number}{unit}")
    assert amount is not None and amount.value == number


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=0, max_value=9))
def test_wan_amounts_round_trip(wan: int, tenth: int) -> None:
    amount = parse_amount(f"{wan}.{tenth}万")
    assert amount is not None and amount.value == wan * 10000 + tenth * 1000


@given(st.text(max_size=60))
def test_parsers_never_raise(text: str) -> None:
    parse_amount(text)
    monthly_amount(text)
    parse_count(text)
    parse_number(text)
    parse_range(text)


def test_unit_after_more_scales_the_whole_amount() -> None:
    amount = parse_amount("五十多万")
    assert amount is not None
    assert (amount.low, amount.high, amount.is_estimate) == (500_000, 600_000, True)
    ten = parse_amount("十来万")
    assert ten is not None and ten.value == 100_000 and ten.is_estimate


def test_ba_and_sanwu_are_estimates() -> None:
    about = parse_amount("千把块钱")
    assert about is not None and about.value == 1000 and about.is_estimate
    span = parse_amount("三五千")
    assert span is not None and (span.low, span.high) == (3000, 5000)


def test_negative_amount_is_not_read() -> None:
    assert parse_amount("-500") is None
    assert parse_amount("负五百") is None
    ranged = parse_amount("500-600")
    assert ranged is not None and (ranged.low, ranged.high) == (500, 600)


@pytest.mark.parametrize("text", ["-3口人", "负三口人", "我们家 - 3 口人", "－3口人"])
def test_negative_counts_count_nobody(text: str) -> None:
    assert find_counts(text) == [] and parse_count(text) is None


@pytest.mark.parametrize(
    ("text", "said"),
    [("-5岁", "-5岁"), ("我今年-5岁", "-5岁"), ("收入负500元", "负500元"), ("每月-500", "-500")],
)
def test_negative_numbers_are_found(text: str, said: str) -> None:
    negative = find_negative(text)
    assert negative is not None and negative.said == said


@pytest.mark.parametrize("text", ["1-2万", "一千—两千", "1000 - 2000元", "住在负一楼", "3口人"])
def test_ranges_and_floors_are_not_negative(text: str) -> None:
    assert find_negative(text) is None


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("百八十块", 80, 100),  # about a hundred
        ("百十块钱", 100, 110),
        ("千八百块", 800, 1000),
        ("小一万", 8000, 10000),  # nearly ten thousand
        ("大几千", 5000, 9000),  # the upper thousands
        ("两千挂零", 2000, 2200),  # just over
        ("三千冒头", 3000, 3200),
        ("一千五六", 1500, 1600),
    ],
)
def test_colloquial_round_amounts(text: str, low: float, high: float) -> None:
    amount = parse_amount(text)
    assert amount is not None and amount.is_estimate
    assert low <= amount.low <= amount.value <= amount.high <= high


def test_a_days_pay_counts_the_days_worked_when_they_are_said() -> None:
    from nlu.numbers import monthly_amount

    worked = monthly_amount("一天一百五，一个月干二十来天")
    assert worked is not None and worked.value == 3000 and worked.is_estimate
    every_day = monthly_amount("一天一百五")
    assert every_day is not None and every_day.value == 4500  # no days said: a full month
