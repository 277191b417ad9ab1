""" "儿子有个车，他不跟我们住" to 家里有小汽车吗: only what 共同生活的家庭成员 own is counted. A car,
house or savings of somebody who does not live in the household is not stored as the
household's (a car stored wrongly can make 低保 look excluded); the question is asked again,
saying why. A member who lives here keeps the answer."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.replies import reply_text
from dialogue.state import Pending, Session

TODAY = dt.date(2026, 12, 6)


def at_question(engine: DialogueEngine, size_answer: str, question_id: str) -> Session:
    session = Session.new("s", "guest:t", "gansu", "h5")
    engine.open(session, "我想问问低保")
    session.pending = Pending(question_id="household_size")
    engine.turn(session, size_answer)
    session.consent = True
    session.pending = Pending(question_id=question_id)
    return session


def test_a_son_away_with_a_car_is_not_a_household_car(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    for text in ("儿子有个车，他不跟我们住", "儿子有车，他在外地成家了"):
        session = at_question(engine, "两口人，我和老伴", "vehicles")
        replies = engine.turn(session, text)
        assert session.household.assets.vehicles is None, text
        assert session.pending == Pending(question_id="vehicles")
        assert "一起生活" in reply_text(replies[0])


def test_a_daughter_married_out_owns_her_own_house(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = at_question(engine, "两口人，我和老伴", "houses")
    engine.turn(session, "闺女名下有套房，她嫁出去了")
    assert session.household.assets.houses is None


def test_a_member_who_lives_here_keeps_the_answer(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = at_question(engine, "三口人，我、老伴和儿子", "vehicles")
    engine.turn(session, "儿子有个车")
    assert session.household.assets.vehicles
    spouse = at_question(engine, "两口人，我和老伴", "houses")
    engine.turn(spouse, "老伴名下有一套")
    assert spouse.household.assets.houses is not None


def test_said_again_it_is_left_unknown_and_the_talk_goes_on(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = at_question(engine, "两口人，我和老伴", "vehicles")
    engine.turn(session, "儿子有个车，他不跟我们住")
    engine.turn(session, "儿子有个车，他不跟我们住")
    assert session.household.assets.vehicles is None
    assert session.pending != Pending(question_id="vehicles")


def test_a_home_left_by_parents_is_the_households(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = at_question(engine, "就我一个", "houses")
    engine.turn(session, "爹娘留下的老宅子")
    assert len(session.household.assets.houses or []) == 1
