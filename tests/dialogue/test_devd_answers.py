"""Answers from the outside-written dev conversations batch D (the wording here is mine): the
couple said again is not two more people; living on loans is a basic living hard to keep up; a
husband named after the opening's child does not take the child's place (nor its age)."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.answers import Value, parse_answer
from dialogue.engine import DialogueEngine
from dialogue.questions import question_bank
from dialogue.state import Session
from guides.ids import RegionId
from nlu.backend import LocalBackend

TODAY = dt.date(2025, 6, 1)


def answer(question: str, text: str) -> object:
    return parse_answer(question_bank().get(question), text, TODAY)


@pytest.mark.parametrize(
    ("text", "size"),
    [("老两口，我和老头子", 2), ("两口子，俺跟俺男人", 2), ("两口子，我跟老伴，还有个孙女", 3)],
)
def test_the_couple_said_again_counts_once(text: str, size: int) -> None:
    assert answer("household_size", text) == Value(size)


def test_borrowing_to_get_by_is_hard_to_keep_up() -> None:
    assert answer("basic_living", "手头紧得很，买药都得借钱") == Value(True)


def test_the_husband_listed_does_not_take_the_openings_child() -> None:
    engine = DialogueEngine(LocalBackend(), today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.NINGXIA)
    engine.open(session, "我男人干活摔断了腿，我带着四岁的娃出不去上班，有啥救助不")
    while session.pending is not None and session.pending.question_id != "household_size":
        engine.turn(session, "不清楚")
    engine.turn(session, "三口人，我、我男人、孩子")
    members = session.household.members
    spouse = [m for m in members if m.relation == "spouse"]
    assert len(spouse) == 1 and spouse[0].age is None
    assert [m.age for m in members if m.age is not None] == [4]
