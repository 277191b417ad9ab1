""" "没什么存款" / "没有积蓄" to the savings question is none, like "没什么钱" always was (helper
J's dev conversation of a disabled neighbour re-asked it three times); said beside an income
to the income question it does not take the income's place."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.answers import Value, parse_answer
from dialogue.questions import question_bank

TODAY = dt.date(2026, 12, 5)


@pytest.mark.parametrize("text", ["没什么存款", "没啥存款", "没有积蓄"])
def test_no_savings_said_with_its_word_is_none(text: str) -> None:
    assert parse_answer(question_bank().get("deposits"), text, TODAY) == Value(0.0)


def test_no_savings_beside_an_income_leaves_the_income() -> None:
    said = parse_answer(
        question_bank().get("household_income"), "没啥存款，就老伴养老金一千二", TODAY
    )
    assert said == Value(1200.0)


@pytest.mark.parametrize("text", ["存款都给老伴看病花了", "全给孩子看病用了", "钱都给儿子交学费了"])
def test_savings_spent_on_somebodys_needs_are_none(text: str) -> None:
    assert parse_answer(question_bank().get("deposits"), text, TODAY) == Value(0.0)


@pytest.mark.parametrize("text", ["退休金两千，还有点房租", "一个月两千，加上打零工的钱"])
def test_an_income_with_more_not_said_is_an_estimate(text: str) -> None:
    said = parse_answer(question_bank().get("household_income"), text, TODAY)
    assert said == Value(2000.0, is_estimate=True)


def test_assistance_beside_an_income_is_no_more_income() -> None:
    said = parse_answer(
        question_bank().get("household_income"), "俩人养老金三百，还有点低保", TODAY
    )
    assert said == Value(300.0)
