"""A speaker who says they are alone now ("闺女嫁出去了，现在就我自己") makes a one-person
household, and the pay of the work they say they do ("给人当保姆，一个月一千五") is its income;
work said not done ("干不了活") makes no pay of an amount after it. Written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from nlu.facts import read_facts

TODAY = dt.date(2026, 12, 5)


def said(text: str) -> dict[str, object]:
    reading = read_facts(text, TODAY, opening=True)
    found = {f.name: f.value for f in reading.facts if f.name == "monthly_income_total"}
    return found | ({"size": reading.size.value} if reading.size else {})


@pytest.mark.parametrize(
    "text",
    [
        "老伴走了，闺女也嫁出去了，现在就我自己，想问问低保",
        "儿子在外地成家了，就剩我一个了，身体也不好",
        "俺男人前年没了，如今就俺自己，种不动地了",
    ],
)
def test_alone_now_is_a_household_of_one(text: str) -> None:
    assert said(text).get("size") == 1


@pytest.mark.parametrize(
    ("text", "income"),
    [
        ("我离婚好多年了，现在就我自己，在县城给人当保姆，一个月一千五，想申请公租房", 1500),
        ("我一个人过，在超市打零工，一个月一千二左右", 1200),
    ],
)
def test_the_pay_of_a_lone_speakers_work_is_the_household_income(text: str, income: int) -> None:
    assert said(text).get("monthly_income_total") == income


def test_work_not_done_makes_no_pay() -> None:
    assert "monthly_income_total" not in said("我一个人过，腰不好上不了班，一个月药钱三百")


@pytest.mark.parametrize(
    ("text", "income", "estimate"),
    [
        ("一家五口，家里就我一个人挣钱，一个月三千来块", 3000, True),  # 来: about, asked again
        ("老婆有病孩子上学，只有我一个劳力，一个月两千", 2000, False),
    ],
)
def test_the_only_earners_pay_is_the_household_income(
    text: str, income: int, estimate: bool
) -> None:
    reading = read_facts(text, TODAY, opening=True)
    found = [(f.value, f.estimate) for f in reading.facts if f.name == "monthly_income_total"]
    assert found == [(income, estimate)]
