"""Session 44: "我一个人带闺女" to 几口人 is the speaker and the daughter (two), not the 一个人
said; when how many children is not said ("一个人带孩子") or somebody more is named, it is
asked again rather than stored as one."""

from __future__ import annotations

import pytest

from dialogue.answers import Value
from tests.dialogue.answering import answer


@pytest.mark.parametrize(
    "text", ["我一个人带闺女", "一个人带着儿子过", "俺一个人拉扯孙女", "我自己带着个外孙"]
)
def test_alone_with_one_child_is_two(text: str) -> None:
    assert answer("household_size", text) == Value(2)


@pytest.mark.parametrize("text", ["就我自己带着孩子", "一个人，带个娃", "我一个人带闺女，还有我妈"])
def test_alone_with_children_not_counted_is_asked_again(text: str) -> None:
    assert answer("household_size", text) is None


@pytest.mark.parametrize("text", ["就我一个人", "一个人过", "我自己一个人住，儿子在外地"])
def test_alone_is_still_one(text: str) -> None:
    assert answer("household_size", text) == Value(1)


@pytest.mark.parametrize(
    "text",
    ["我妈一个人打零工供我和弟弟上学", "就我妈一个人做保洁一个月一千九", "家里就我一个人挣钱"],
)
def test_alone_at_work_is_no_household_of_one(text: str) -> None:
    assert answer("household_size", text) is None


@pytest.mark.parametrize("text", ["我一个人", "就我一个人，老伴走了", "我一个人在家", "一个人住"])
def test_living_alone_is_one(text: str) -> None:
    assert answer("household_size", text) == Value(1)
