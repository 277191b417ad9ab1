"""An opening written for somebody who is no relative ("我是替楼下的王大爷问的，他八十三了",
"我们村有个孤儿，今年十二岁") tells that person's age, never the speaker's. Before, both ages were
stored as the speaker's: a wrong fact, worse than a missing one. The texts are written for
these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from nlu.facts import read_facts

TODAY = dt.date(2026, 12, 5)


def ages(text: str) -> dict[str | None, object]:
    reading = read_facts(text, TODAY, opening=True)
    return {f.who: f.value for f in reading.facts if f.name == "members.age"}


@pytest.mark.parametrize(
    "text",
    [
        "我是替我们楼下的王大爷问的，他八十三了，老伴前年走了，想申请老年人补贴",
        "我帮隔壁的李大娘问一下，她今年七十九，一个人住",
        "我想问一下，我们村有个孤儿，今年十二岁，跟着他奶奶过",
        "你好，我替村里问问，有个孤儿今年九岁了，能办特困吗",
    ],
)
def test_the_age_of_somebody_asked_for_is_not_the_speakers(text: str) -> None:
    assert "self" not in ages(text)


@pytest.mark.parametrize(
    ("text", "who", "age"),
    [
        ("我孙子是孤儿，今年十二岁，跟着我过", "grandchild#孙子", 12),
        (
            "我今年六十八，我大爷今年九十了",
            "self",
            68,
        ),  # 我大爷: a relative, the speaker's age stays
    ],
)
def test_a_relative_and_the_speaker_keep_their_ages(text: str, who: str, age: int) -> None:
    assert ages(text).get(who) == age
