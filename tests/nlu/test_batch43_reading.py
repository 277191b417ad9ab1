"""Session 43: "没了" before what was lost (工作, 收入, 活) is a loss, not a death."""

from __future__ import annotations

import pytest

from nlu.facts import read_facts
from tests.nlu.reading import READ_ON as TODAY


def _spouse_departed(text: str) -> list[bool]:
    mentions = read_facts(text, TODAY, opening=True).mentions
    return [m.departed for m in mentions if m.relation == "spouse"]


@pytest.mark.parametrize(
    "text", ["我老公没了工作，家里两个孩子上学", "老伴没了收入，就靠我", "我男人没了活干，在家待着"]
)
def test_a_spouse_who_lost_something_is_still_here(text: str) -> None:
    assert _spouse_departed(text) == [False]


@pytest.mark.parametrize("text", ["我老公没了，家里两个孩子上学", "老伴没了三年了，我一个人过"])
def test_a_spouse_who_is_gone_is_departed(text: str) -> None:
    assert _spouse_departed(text) == [True]


def _ages(text: str) -> list[tuple[str | None, object]]:
    facts = read_facts(text, TODAY, opening=True).facts
    return [(f.who, f.value) for f in facts if f.name == "members.age"]


def test_the_age_of_a_child_said_to_be_at_home_is_the_childs() -> None:
    assert _ages("我家出车祸了，老公撞伤了腿，家里还有个三岁的娃") == [("child", 3)]
    assert _ages("俺家有个十二岁的孩子在上学") == [("child", 12)]


def test_the_age_of_a_child_not_ours_is_nobodys() -> None:
    assert _ages("村里有个三岁的孩子没人管") == []
    assert _ages("邻居家有个五岁的孩子") == []


def _receives(text: str) -> list[object]:
    facts = read_facts(text, TODAY, opening=True).facts
    return [f.value for f in facts if f.name == "already_receives"]


def test_a_status_given_last_year_is_received() -> None:
    assert _receives("我们家在会宁农村 去年村上给评了低保边缘") == [["dibao_edge"]]
    assert _receives("去年村里给评了低保") == [["dibao"]]


def test_a_status_wished_for_or_a_neighbours_is_not() -> None:
    assert _receives("想评低保边缘") == []
    assert _receives("邻居家去年给评了低保") == []
