"""Everyday forms of an answer: a hedged yes (算是吧), a dialect no (木得), "I don't get those
things" said before a plain no, savings gone (现在没了), a stopped activity beside the current
one (不种地了，出去打工了), and a grade said with the member named to a household question."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.answers import DONT_KNOW, Value, parse_answer
from dialogue.engine import DialogueEngine, IntentParser
from dialogue.questions import question_bank
from dialogue.state import Pending
from nlu.answers import parse_yes_no
from tests.dialogue.sessions import family

TODAY = dt.date(2025, 6, 1)


def answer(question: str, text: str) -> object:
    return parse_answer(question_bank().get(question), text, TODAY)


@pytest.mark.parametrize(
    ("text", "value"),
    [("算是吧", True), ("也算是", True), ("木得", False), ("木得车", False), ("车木得", False)],
)
def test_hedged_yes_and_dialect_no(text: str, value: bool) -> None:
    assert parse_yes_no(text) is value


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("securities", "基金啥的俺不懂，从来没买过", Value(0.0)),
        ("registered_business", "那些手续我不懂，没办过执照", Value(False)),
        ("securities", "俺不懂", DONT_KNOW),  # said alone, it is not knowing
    ],
)
def test_not_understanding_the_thing_before_a_plain_no_is_a_no(
    question: str, text: str, expected: object
) -> None:
    assert answer(question, text) == expected


@pytest.mark.parametrize("text", ["原来攒了一万多，盖房子用了，现在没了", "早都没了", "木得存款"])
def test_savings_gone_are_none(text: str) -> None:
    assert answer("deposits", text) == Value(0.0)


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("member_employment", "不在厂里上班了，现在回家种地", Value("farming")),
        ("member_employment", "不打零工了，去外地打工了", Value("migrant_worker")),
        ("member_employment", "不上班了", None),  # what then? asked again, never 在职
    ],
)
def test_a_stopped_activity_gives_way_to_the_current_one(
    question: str, text: str, expected: object
) -> None:
    assert answer(question, text) == expected


def test_a_grade_said_with_the_member_named_is_that_members(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = family(["self", "spouse", "son"], Pending(question_id="any_disability"))
    household = session.household
    engine.turn(session, text="儿子有，三级的，前年办的")
    assert household.members[2].has_disability is True
    assert household.members[2].disability_grade == 3
    assert household.members[1].disability_grade is None
