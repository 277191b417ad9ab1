"""When the household is the speaker and one other ("家里就我们老两口", "就我们两口子"), a year's
takings said without naming anybody ("一年也就收个三四千块钱") are the two's income; so is an
income said after "我和他妈在家种地". The speaker's own pay ("我在小区做保洁，一个月一千六") stays
the speaker's. Written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from nlu.facts import read_facts

TODAY = dt.date(2026, 12, 5)


def incomes(text: str) -> list[float]:
    reading = read_facts(text, TODAY, opening=True)
    return [round(f.value) for f in reading.facts if f.name == "monthly_income_total"]


@pytest.mark.parametrize(
    ("text", "monthly"),
    [
        ("家里就我们老两口，种了几亩旱地，靠天吃饭，一年也就收个三四千块钱", [292]),
        ("儿子都成家出去了，就我们两口子，一年种地加打零工也就挣个一万来块", [833]),
        ("我和他妈在家种地养了几只羊，一年到头收入也就一万块钱", [833]),
    ],
)
def test_what_the_two_take_in_is_the_household_income(text: str, monthly: list[int]) -> None:
    assert incomes(text) == monthly


def test_the_speakers_own_pay_is_not_the_twos() -> None:
    assert incomes("我和老伴两个人过，我在小区做保洁，一个月一千六，老伴有病") == []


def test_a_parent_and_a_child_are_no_couple() -> None:
    """ "家里就我们娘俩": the parent's pay is one earner's, not said as the household's."""
    text = "家里就我们娘俩，一个人在县城给人做饭，一个月挣一千五百块"
    assert incomes(text) == []
