"""Children counted after the word ("孩子两个，一个上五年级一个上幼儿园"), not an age, a time
or the speaker with one child ("我跟孩子两个过")."""

from __future__ import annotations

import pytest

from nlu.facts import read_facts
from tests.nlu.reading import READ_ON


def _children(text: str) -> list[int]:
    mentions = read_facts(text, READ_ON, opening=True).mentions
    return [m.count for m in mentions if m.relation == "child"]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("媳妇去年得了白血病 孩子两个 一个上五年级一个上幼儿园", [2]),
        ("娃三个 大的上初中", [3]),
        ("我跟孩子两个过", [1]),
        ("孩子两个月大", [1]),
        ("家里孩子两个人", [1]),
    ],
)
def test_a_count_after_the_child_word(text: str, counts: list[int]) -> None:
    assert _children(text) == counts
