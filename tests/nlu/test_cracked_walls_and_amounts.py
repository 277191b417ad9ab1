"""Cracked walls said the everyday way ("墙上裂了好几道大缝") are a dangerous house, and "一年能给
补多少钱" asks a policy question (how much), as "能给多少" already did. Written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from nlu.facts import read_facts

TODAY = dt.date(2026, 12, 5)


@pytest.mark.parametrize(
    "text",
    [
        "去年下大雨后墙上裂了好几道大缝，想申请危房改造",
        "我家土坯房墙体裂了，住着害怕",
        "后墙裂开一道大缝",
    ],
)
def test_cracked_walls_are_a_dangerous_house(text: str) -> None:
    facts = read_facts(text, TODAY, opening=True).facts
    assert ("housing.is_dangerous_house", True) in [(f.name, f.value) for f in facts]


def test_a_crack_in_something_else_is_no_dangerous_house() -> None:
    facts = read_facts("我的手机屏幕摔裂了", TODAY, opening=True).facts
    assert "housing.is_dangerous_house" not in [f.name for f in facts]


@pytest.mark.parametrize("text", ["危房改造一年能给补多少钱", "这个补贴每个月可以给发多少"])
def test_how_much_is_a_policy_question(text: str) -> None:
    assert read_facts(text, TODAY, opening=True).policy_question
