"""退伍/退役 says a member served only when it is said of somebody: "我是退伍的", "我老公是退役
军人". Said of the group a policy is for ("听说退役军人有帮扶", "退伍军人能申请低保吗") it is
nobody's fact. Before, the group's mention made the spouse a veteran. Written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from nlu.facts import read_facts

TODAY = dt.date(2026, 12, 5)


def veterans(text: str) -> set[str | None]:
    facts = read_facts(text, TODAY, opening=True).facts
    return {f.who for f in facts if f.name == "members.is_veteran"}


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("我是同心县的，退伍军人，九几年在西藏当过兵", {"self"}),
        ("我是退伍的，现在日子难过", {"self"}),
        ("我老公是退役军人，腿有伤", {"spouse"}),
        ("就我们两口子，我当过兵，听说退役军人有帮扶，在哪申请", {"self"}),
    ],
)
def test_a_member_who_served(text: str, who: set[str]) -> None:
    assert veterans(text) == who


@pytest.mark.parametrize(
    "text",
    ["就我们两口子，听说退役军人有帮扶，在哪申请", "退伍军人能申请低保吗", "退役军人的政策有哪些"],
)
def test_the_group_a_policy_is_for_is_nobodys_fact(text: str) -> None:
    assert veterans(text) == set()
