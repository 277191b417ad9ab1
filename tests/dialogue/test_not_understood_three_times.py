"""An answer not understood three times in a row to the same question is not asked a
fourth time: the fact is kept as 不清楚 (the office checks it), the citizen is told so, and
the questionnaire goes on. Nothing is guessed from the unparsed words."""

from __future__ import annotations

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.prompts import MOVED_ON
from dialogue.questions import CONSENT_ID
from dialogue.replies import ChoicesReply, reply_text
from dialogue.state import Session
from guides.ids import RegionId

UNCLEAR = "嗯……那个嘛"


def _at(engine: DialogueEngine, question_id: str) -> Session:
    session = Session.new("t", "wx:test", RegionId.GANSU)
    engine.open(session, None)
    answers = {"household_size": "就我一个人", "member_age": "58", "hukou_type": "农村户口"}
    for _ in range(12):
        assert session.pending is not None
        if session.pending.question_id == question_id:
            return session
        if session.pending.question_id == CONSENT_ID:
            engine.turn(session, text="同意")
            continue
        engine.turn(session, text=answers.get(session.pending.question_id, "没有"))
    raise AssertionError(f"{question_id} not reached: {session.pending}")


def test_the_third_unclear_answer_moves_on_and_keeps_the_fact_unknown(
    nlu_backend: IntentParser,
) -> None:
    engine = DialogueEngine(nlu_backend)
    session = _at(engine, "hukou_type")
    engine.turn(session, text=UNCLEAR)
    second = engine.turn(session, text=UNCLEAR)
    assert session.pending is not None and session.pending.question_id == "hukou_type"
    assert isinstance(second[-1], ChoicesReply)  # the buttons and 转人工 come first

    third = engine.turn(session, text=UNCLEAR)
    said = "\n".join(reply_text(r) for r in third)
    assert MOVED_ON in said
    assert session.pending is None or session.pending.question_id != "hukou_type"
    assert session.is_unknown("hukou_type")
    assert session.household.hukou_type is None
    assert session.failures == 0  # the next question starts with a clean slate


def test_going_back_after_moving_on_asks_that_question_again(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend)
    session = _at(engine, "hukou_type")
    for _ in range(3):
        engine.turn(session, text=UNCLEAR)
    engine.turn(session, text="回到上一个问题")
    assert session.pending is not None and session.pending.question_id == "hukou_type"
    engine.turn(session, text="城镇户口")
    assert session.household.hukou_type == "urban"
    assert not session.is_unknown("hukou_type")


def test_an_understood_answer_in_between_resets_the_count(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend)
    session = _at(engine, "hukou_type")
    engine.turn(session, text=UNCLEAR)
    engine.turn(session, text=UNCLEAR)
    engine.turn(session, text="农村的")
    assert session.household.hukou_type == "rural"
    assert session.pending is not None
    said = "\n".join(reply_text(r) for r in engine.turn(session, text=UNCLEAR))
    # one unclear answer to the next question: asked again (or put to the one member it is
    # about), not left as 不清楚 after the two before the understood answer
    assert MOVED_ON not in said and session.pending is not None and not session.unknown


def test_a_number_doubted_three_times_is_left_unknown_not_stored(
    nlu_backend: IntentParser,
) -> None:
    engine = DialogueEngine(nlu_backend)
    session = Session.new("t", "wx:test", RegionId.GANSU)
    engine.open(session, None)
    assert session.pending is not None and session.pending.question_id == "household_size"
    for _ in range(2):
        engine.turn(session, text="-3")
        assert session.pending is not None and session.pending.question_id == "household_size"
    replies = engine.turn(session, text="-3")
    assert MOVED_ON in "\n".join(reply_text(r) for r in replies)
    assert session.household.size is None
    assert session.is_unknown("size")
