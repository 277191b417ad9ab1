"""Crops and herds are sold once or twice a year: "洋芋玉米卖个三四千" or "羊卖了四千" said to
the monthly income question with no period is a year's sale, not a month's (before, 3500 a
month made 低保 可能不符合 for a poor farming couple: dev conversation batch N). A trade sold as
it goes (卖菜, 卖猪肉) keeps the month. Written for these tests, not from evaluation data."""

from __future__ import annotations

import pytest

from dialogue.answer_values import Value
from tests.dialogue.answering import answer


@pytest.mark.parametrize(
    ("said", "yearly"),
    [
        ("洋芋玉米卖个三四千", 3500),
        ("卖洋芋卖了三千", 3000),
        ("羊卖了四千", 4000),
        ("核桃花椒一共卖了六千来块", 6000),
    ],
)
def test_a_harvest_sold_is_a_years_income(said: str, yearly: int) -> None:
    value = answer("household_income", said)
    assert isinstance(value, Value)
    assert value.value == pytest.approx(yearly / 12, abs=0.01)


@pytest.mark.parametrize("said", ["在市场卖猪肉 挣个三千", "一个月卖菜挣个两三千"])
def test_a_trade_keeps_the_month(said: str) -> None:
    value = answer("household_income", said)
    assert isinstance(value, Value)
    assert value.value >= 2500
