"""Rooms (or caves) said to 几套房子 are asked back once; said again, they are taken as the rooms
of one home (一个院子算一处), and a rented home said again as none owned: not asked a third time
and left 不清楚."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.replies import reply_text
from dialogue.state import Pending, Session

TODAY = dt.date(2026, 12, 6)


def asked_houses(engine: DialogueEngine) -> Session:
    session = Session.new("s", "guest:t", "gansu", "h5")
    engine.open(session, "我想申请低保")
    session.consent = True
    session.pending = Pending(question_id="houses")
    return session


@pytest.mark.parametrize(
    ("said", "asked_back", "noted", "houses"),
    [
        ("老家有两间旧房子", "间数", "一处房子", 1),  # rooms of one home
        ("租的两间房", "租的", "没有自己的房子", 0),  # a rented home: none owned
    ],
)
def test_an_answer_said_again_after_the_question_back_is_taken_as_it_says(
    nlu_backend: IntentParser, said: str, asked_back: str, noted: str, houses: int
) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = asked_houses(engine)
    first = "\n".join(reply_text(r) for r in engine.turn(session, said))
    assert asked_back in first and session.household.assets.houses is None
    second = "\n".join(reply_text(r) for r in engine.turn(session, said))
    assert noted in second
    assert len(session.household.assets.houses or []) == houses
    assert session.household.assets.houses is not None


def test_a_clear_count_after_the_question_back_is_kept(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = asked_houses(engine)
    engine.turn(session, "老家有两间旧房子")
    engine.turn(session, "两处")
    assert len(session.household.assets.houses or []) == 2
