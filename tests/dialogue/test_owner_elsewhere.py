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


def at_question(
    engine: DialogueEngine, size_answer: str, question_id: str, member: int | None = None
) -> Session:
    session = Session.new("s", "guest:t", "gansu", "h5")
    engine.open(session, "我想问问低保")
    session.pending = Pending(question_id="household_size")
    engine.turn(session, size_answer)
    session.consent = True
    session.pending = Pending(question_id=question_id, member=member)
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


def test_a_relatives_property_told_to_another_question_is_not_stored(
    nlu_backend: IntentParser,
) -> None:
    """Whatever the question, a car or house said of somebody who does not live here is left
    out ("有房有车" of a son in the city, said while asked whether somebody can support them)."""
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    for question, member, text in (
        ("member_supporter", 0, "儿子在太原开出租，有房有车过得还行，就是不咋回来"),
        ("household_income", None, "闺女嫁到兰州了，人家有车有房，俺俩没收入"),
        ("any_job_seeker", None, "没有。儿子在城里有车有房的，用不着俺们操心"),
    ):
        session = at_question(engine, "两口人，我和老伴", question, member)
        engine.turn(session, text)
        assets = session.household.assets
        assert assets.vehicles is None and assets.houses is None, text


def test_a_members_own_car_told_to_another_question_is_kept(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = at_question(engine, "三口人，我、老伴和儿子", "any_job_seeker")
    engine.turn(session, "儿子有辆车跑运输，不用找工作")
    assert session.household.assets.vehicles
