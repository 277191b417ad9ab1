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
