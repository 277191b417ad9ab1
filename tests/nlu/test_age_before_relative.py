"""An age said before a relative the speaker names as theirs, joined by 的 ("我八十二岁的老娘"),
is that relative's; before somebody nobody can place ("村里七十多岁的老人", "家里八岁的孩子")
it is nobody's. Before, "我八十二岁的老娘" stored 82 as the speaker's age and "我家八岁的孩子"
stored 8 as the speaker's: a wrong fact, worse than a missing one."""

from __future__ import annotations

import datetime as dt

import pytest

from nlu.facts import read_facts

TODAY = dt.date(2026, 12, 5)


def ages(text: str) -> dict[str | None, object]:
    reading = read_facts(text, TODAY, opening=True)
    return {f.who: f.value for f in reading.facts if f.name == "members.age"}


@pytest.mark.parametrize(
    ("text", "who", "age"),
    [
        ("我八十二岁的老娘一个人在村里住，想给她办个低保", "parent#母亲", 82),
        ("我八十二的老娘一个人在村里住", "parent#母亲", 82),  # no 岁
        ("俺家有个七十九的老爹，身体不好", "parent#父亲", 79),
        ("我那三十的儿子没工作", "son", 30),
    ],
)
def test_the_age_goes_to_the_relative_it_is_said_of(text: str, who: str, age: int) -> None:
    said = ages(text)
    assert said.get(who) == age
    assert "self" not in said and None not in said


@pytest.mark.parametrize(
    "text",
    ["我们村七十多岁的老人都有补贴", "我家八岁的孩子上小学", "家里还有八十多岁的奶奶"],
)
def test_an_age_before_somebody_unplaced_is_nobodys(text: str) -> None:
    assert ages(text) == {}


def test_the_speakers_own_age_is_still_theirs() -> None:
    assert ages("我今年五十八，我八十岁的老父亲瘫在床上") == {"self": 58, "parent#父亲": 80}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我儿子八岁的时候得过病", {}),  # an age then, not now
        ("孩子三岁时，查出了脑瘫", {}),
        ("我二十岁那年出去打工，现在五十六了", {"self": 56}),
    ],
)
def test_an_age_then_is_not_the_age_now(text: str, expected: dict[str, int]) -> None:
    assert ages(text) == expected
