"""Sizes said as a list after a couple: "俺们老两口，儿子，孙子" is four, never the couple's two
(a wrong size stored silently); one said to live elsewhere is not counted."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.answers import Value, parse_answer
from dialogue.questions import question_bank

TODAY = dt.date(2025, 6, 1)


def size(text: str) -> object:
    return parse_answer(question_bank().get("household_size"), text, TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我们老两口，闺女，外孙女", 4),
        ("老两口加孙子孙女", 4),
        ("俺们老两口，再加个小孙女", 3),
        ("就老两口，儿子不跟我们住", 2),
        ("老两口，闺女早嫁出去了", 2),
        ("两口子，我跟老伴", 2),
    ],
)
def test_a_couple_and_more_listed(text: str, expected: int) -> None:
    assert size(text) == Value(expected)
