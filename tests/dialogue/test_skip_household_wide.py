"""Skipping a household-wide question ("家里有人在上学吗？") marks that fact unknown for every
member; it used to fail the turn (a 500 for every "跳过" there). Found by a sweep of the fuzz
phrases over every question."""

from __future__ import annotations

import pytest

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Pending, Session
from guides.ids import RegionId


@pytest.mark.parametrize("how", ["text", "choice"])
def test_skipping_a_household_wide_question(nlu_backend: IntentParser, how: str) -> None:
    engine = DialogueEngine(nlu_backend)
    session = Session.new("s", "wx:skip", RegionId("gansu"), "h5")
    engine.open(session)
    engine.turn(session, text="2口人")
    session.pending = Pending(question_id="any_student")
    if how == "text":
        engine.turn(session, text="跳过")
    else:
        engine.turn(session, choice="skip")
    assert session.is_unknown("members.0.school_stage")
    assert session.is_unknown("members.1.school_stage")
    assert session.question_ref != "any_student"
    engine.turn(session, text="上一个")  # and it can be taken back
    assert session.question_ref == "any_student"
    assert not session.is_unknown("members.0.school_stage")
