"""An accident told at an age long past ("三十岁那年出车祸", and he is fifty-two now) is no 急难
of today: no situation is read from it, as with "好几年前" (dev batch K)."""

from __future__ import annotations

import datetime as dt

import pytest

from nlu.facts import read_facts

TODAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize(
    "text",
    [
        "我是通渭县的 今年五十二 三十岁那年出车祸两条腿瘫了 办的一级残疾证",
        "二十多岁的时候出过车祸",
    ],
)
def test_an_accident_at_an_age_long_past_is_not_now(text: str) -> None:
    facts = read_facts(text, TODAY, opening=True).facts
    assert not [f for f in facts if f.name == "situations"]


def test_a_recent_accident_is_still_read() -> None:
    facts = read_facts("上个月出车祸腿断了", TODAY, opening=True).facts
    assert [f.value for f in facts if f.name == "situations"] == [["traffic_accident"]]
