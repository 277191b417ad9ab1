"""A home said to be there, whatever follows ("村里有我家的老房子，没人住了": one house, not the
"没" of nobody living in it), and never a no read as a house."""

from __future__ import annotations

import datetime as dt

from dialogue.answers import Value, parse_answer
from dialogue.questions import question_bank

TODAY = dt.date(2026, 12, 6)


def parsed(question_id: str, text: str) -> object:
    return parse_answer(question_bank().get(question_id), text, TODAY)


def test_a_home_said_to_be_there_is_one_house() -> None:
    assert parsed("houses", "村里有我家的老房子，没人住了") == Value(1)
    assert parsed("houses", "城里没有，村里有俺家的老宅子") == Value(1)


def test_no_house_stays_none() -> None:
    assert parsed("houses", "没有房子") == Value(0)
    assert parsed("houses", "家里没有房子，租的") == Value(0)
    assert parsed("houses", "哪里有房子，住的是租的") != Value(1)  # rhetorical: no house
    assert parsed("houses", "有房子吗？没有") != Value(1)
