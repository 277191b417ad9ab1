"""An unsure answer to the 核对授权 question ("不知道", "说不好") is explained once, then the
questionnaire goes on without the income questions, as 跳过 does: never a loop of
"请说同意或不同意"."""

from __future__ import annotations

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.questions import CONSENT_ID, question_bank
from dialogue.replies import ChoicesReply, reply_text
from dialogue.state import Session
from guides.ids import RegionId


def _at_consent(engine: DialogueEngine) -> Session:
    session = Session.new("t", "wx:test", RegionId.GANSU)
    engine.open(session, None)
    answers = {"household_size": "就我一个人", "member_age": "58", "hukou_type": "农村户口"}
    for _ in range(8):
        assert session.pending is not None
        if session.pending.question_id == CONSENT_ID:
            return session
        engine.turn(session, text=answers.get(session.pending.question_id, "没有"))
    raise AssertionError(f"consent not reached: {session.pending}")


def test_unsure_is_explained_once_with_the_two_buttons(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend)
    session = _at_consent(engine)
    (reply,) = engine.turn(session, text="不知道")
    assert isinstance(reply, ChoicesReply)
    assert reply.text == question_bank().consent.unsure
    assert [c.label for c in reply.choices] == ["同意", "不同意"]
    assert session.pending is not None and session.pending.question_id == CONSENT_ID
    assert session.consent is None  # nothing decided yet


def test_unsure_twice_goes_on_without_the_income_questions(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend)
    session = _at_consent(engine)
    engine.turn(session, text="不知道")
    replies = engine.turn(session, text="说不好")
    assert session.consent is False
    assert session.pending is not None and session.pending.question_id != CONSENT_ID
    assert question_bank().consent.refused in "\n".join(reply_text(r) for r in replies)


def test_a_clear_yes_after_the_explanation_is_taken(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend)
    session = _at_consent(engine)
    engine.turn(session, text="不清楚")
    engine.turn(session, text="同意")
    assert session.consent is True
