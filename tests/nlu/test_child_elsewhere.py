"""A son or daughter living apart, named in the opening, is the speaker's 法定赡养义务人
(民法典 第一千零六十七条): has_legal_supporter, so only whether they can support is asked.
Nothing when the child is said to have died, is denied, or left as a child with a parent."""

from __future__ import annotations

import datetime as dt

import pytest

from nlu.facts import read_facts

TODAY = dt.date(2026, 12, 7)


def _bound(text: str) -> list[tuple[object, str | None]]:
    reading = read_facts(text, TODAY, opening=True)
    return [(f.value, f.who) for f in reading.facts if f.name == "members.has_legal_supporter"]


@pytest.mark.parametrize(
    "text",
    [
        "老伴走了三年了 现在就我一个人过 儿子在银川打工 他自己一家子 我一个月就一百七十几的养老钱",
        "七十九了 一个人住在窑里 闺女嫁到外村了 各顾各的家 我就一个月一百三十几的养老钱",
    ],
)
def test_a_child_living_apart_is_a_supporter_by_law(text: str) -> None:
    assert _bound(text) == [(True, "self")]


@pytest.mark.parametrize(
    "text",
    [
        "老伴走了 就一个儿子 前年也出车祸走了 我一个人过",  # died
        "我七十了 没有儿子 闺女也没了 一个人过",  # denied, died
        "我离婚了 儿子跟他妈走了 我一个人在家",  # a child gone with his mother
        "我妈七十多了 一个人在老家 我在外地打工 她一个月就一百多养老金",  # asked for another
    ],
)
def test_no_supporter_is_read_where_none_is_said_alive_and_apart(text: str) -> None:
    assert (True, "self") not in _bound(text)
