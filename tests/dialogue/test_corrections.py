"""Free-text corrections change what they say, and say the old and new value."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.replies import reply_text
from dialogue.state import Pending, Session, get_fact
from guides.household import House, Vehicle
from guides.ids import RegionId

TODAY = dt.date(2025, 6, 1)


def _session(engine: DialogueEngine) -> Session:
    session = Session.new("s", "wx:test", RegionId.GANSU)
    engine.open(session)
    engine.turn(session, text="两口人")
    session.household.assets.vehicles = [Vehicle(kind="car")]
    session.household.assets.houses = []
    session.household.assets.deposits = 20000
    session.pending = Pending(question_id="household_income")
    return session


def test_indirect_correction_changes_the_facts_it_states(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = _session(engine)
    replies = engine.turn(session, text="刚才说错了，我们家没有车，有一套自己住的房子")
    said = reply_text(replies[0])
    assert "家里没有车" in said and "原来是“家里有车”" in said
    assert session.household.assets.vehicles == []
    assert session.household.assets.houses == [House()]


def test_a_denied_amount_is_not_the_income(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = _session(engine)
    engine.turn(session, text="存款不是两万，是两千，我看岔了")
    assert session.household.assets.deposits == 2000
    assert session.household.monthly_income_total is None
    assert session.pending is not None  # the questions go on


def test_nothing_to_correct_is_said(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = _session(engine)
    before = session.household.model_dump()
    replies = engine.turn(session, text="刚才那个说错了")
    assert "没找到能改的内容" in reply_text(replies[0])
    assert session.household.model_dump() == before
    assert get_fact(session.household, "assets.deposits") == 20000


def test_not_this_but_that_answers_the_question_asked(nlu_backend: IntentParser) -> None:
    """ "不是本地的，是外县的" to 户口在本地吗 names 外县 (the place question, never answered):
    it is this question's answer, taken without saying anything was changed."""
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = _session(engine)
    session.pending = Pending(question_id="has_local_hukou")
    replies = engine.turn(session, text="不是本地的，是外县的")
    assert session.household.has_local_hukou is False
    assert not any("改过来" in reply_text(r) for r in replies)


def test_a_readback_put_right_with_bu_dui(nlu_backend: IntentParser) -> None:
    """ "我听到的是…不对的地方直接告诉我": "不对，…两口人" corrects the size, says the old and new
    value, and its 不 is no answer to the question pending (户口在本地吗 stays unanswered)."""
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    engine.open(session, "我今年七十五了，一个人过")
    assert session.household.size == 1
    session.pending = Pending(question_id="has_local_hukou")
    replies = engine.turn(session, text="不对，我跟我闺女一块住，两口人")
    said = reply_text(replies[0])
    assert session.household.size == 2
    assert "家里2口人" in said and "原来是“家里1口人”" in said
    assert session.household.has_local_hukou is None


def test_a_proxy_households_size_is_said_back(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    said = "".join(reply_text(r) for r in engine.open(session, "替我舅舅问问，他七十了，一个人过"))
    assert "一个人生活" in said
