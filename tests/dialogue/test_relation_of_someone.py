"""A relative said after 他/她 with nobody named before it ("她爸", "他妈") is somebody's
relative, not the speaker's: the answer to 这位是您的什么人 is asked back by name instead of
stored as the speaker's parent (a mother answering "她爸" for her daughter's father was stored
as 父亲, and the daughter's college stage then went to that member)."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.answers import Doubt, Value, parse_answer
from dialogue.prompts import prompts
from dialogue.questions import question_bank

TODAY = dt.date(2026, 12, 5)


def answer(text: str) -> object:
    return parse_answer(question_bank().get("member_relation"), text, TODAY)


@pytest.mark.parametrize("text", ["她爸", "是他妈", "他爸爸", "她奶奶"])
def test_a_relative_of_he_or_she_is_asked_back_by_name(text: str) -> None:
    said = answer(text)
    assert isinstance(said, Doubt) and said.kind == "whose_relative"
    assert said.number in text  # the words are named back
    assert "{" not in prompts().doubts[said.kind].format(n=said.number, field="")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("孩子他爸", "spouse"),  # the child's father: the speaker's spouse
        ("娃她妈", "spouse"),
        ("他是我爸", "parent"),  # 他 is the member; the relative is the speaker's
        ("我爸", "parent"),
        ("儿子", "son"),
    ],
)
def test_relatives_the_speaker_owns_are_still_read(text: str, expected: str) -> None:
    assert answer(text) == Value(expected)
