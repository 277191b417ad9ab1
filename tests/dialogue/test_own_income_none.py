""" "我自己没收入" to 您全家每个月一共收入多少钱: the speaker's own none. With a partner at home
the household's income is not 0 (the partner may earn): the speaker's 0 is kept and the same
question asks about the others, whose income is then the household's."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.replies import reply_text
from dialogue.state import Pending, Session

TODAY = dt.date(2026, 12, 6)


def at_income_question(engine: DialogueEngine, size_answer: str) -> Session:
    session = Session.new("s", "guest:t", "gansu", "h5")
    engine.open(session, "我想问问低保")
    session.pending = Pending(question_id="household_size")
    engine.turn(session, size_answer)
    session.consent = True
    session.pending = Pending(question_id="household_income")
    return session


def test_own_none_with_a_partner_asks_about_the_others(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = at_income_question(engine, "两口人，我和老伴")
    replies = engine.turn(session, "我自己没收入")
    assert session.household.monthly_income_total is None
    assert session.household.members[0].monthly_income == 0
    assert session.pending == Pending(question_id="household_income")
    assert "其他人" in reply_text(replies[-1])
    engine.turn(session, "老伴一个月养老金一百五")
    assert session.household.monthly_income == 150


def test_the_others_not_known_leaves_the_household_unknown(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = at_income_question(engine, "两口人，我和老伴")
    engine.turn(session, "我没收入，老伴的不知道")
    assert session.household.monthly_income is None
    assert session.household.members[0].monthly_income == 0
    assert session.pending != Pending(question_id="household_income")


def test_alone_or_said_of_all_it_is_the_households(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    alone = at_income_question(engine, "就我一个人")
    engine.turn(alone, "我自己没收入")
    assert alone.household.monthly_income_total == 0
    couple = at_income_question(engine, "两口人，我和老伴")
    engine.turn(couple, "我们俩都没收入")
    assert couple.household.monthly_income_total == 0


def test_alone_the_relatives_income_not_known_is_still_none(nlu_backend: IntentParser) -> None:
    """A boy of 16 alone on the hukou, living at his uncle's: the uncle's pay, not known, is not
    the household's; his own none is."""
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    alone = at_income_question(engine, "就我一个人")
    engine.turn(alone, "我没收入，我叔家挣多少不知道")
    assert alone.household.monthly_income_total == 0
    assert alone.pending != Pending(question_id="household_income")
