"""Two who say they live together ("我跟孙子俩人过", "我们娘俩相依为命") are a household of two;
the one earner named after 就 ("家里一个月就我老婆打零工挣一千五") earns the household's income.
Written for these tests (dev conversation batch 9's wording, not the evaluation's)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.nlu.reading import opening_incomes, opening_size

TODAY = dt.date(2026, 12, 5)


def size(text: str) -> int | None:
    return opening_size(text, TODAY)


def incomes(text: str) -> list[int]:
    return opening_incomes(text, TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "儿媳妇改嫁了，现在就我跟孙子俩人过，孙子今年十岁",
        "他爸走得早，我们娘俩过日子",
        "我和孙子俩相依为命",
        "我跟老伴俩人过，都七十多了",
    ],
)
def test_two_said_to_live_together_are_the_household(text: str) -> None:
    assert size(text) == 2


def test_two_named_without_living_together_are_no_size() -> None:
    assert size("我跟孙子俩人去医院看病了") is None


@pytest.mark.parametrize(
    ("text", "monthly"),
    [
        ("我和老婆都下岗了，家里一个月就我老婆打零工挣一千五", [1500]),
        ("家里就我打零工，一个月一千来块", [1000]),
        ("现在就我一个挣钱的，打零工一个月也就千把块", [1000]),
    ],
)
def test_the_one_earner_named_earns_the_households_income(text: str, monthly: list[int]) -> None:
    assert incomes(text) == monthly


@pytest.mark.parametrize(
    "text",
    [
        "就我儿子在外地打工，一个月五千",  # away: his own
        "我老婆在超市上班，一个月两千二",  # not said to be the only one
        "家里就我不上班，老婆一个月挣三千",  # 就 about who does not work
    ],
)
def test_other_pay_stays_unsaid(text: str) -> None:
    assert incomes(text) == []
