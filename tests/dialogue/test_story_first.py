"""A story typed as the first message after the welcome is read as the opening (issue 12: the H5
page once the place is chosen asks 几口人 first; "俺七十二了…俺儿子三十八…" was taken as an
answer to it, not understood, and every fact in it was lost). A plain answer stays an answer."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.replies import reply_text
from dialogue.state import Pending, Session
from guides.ids import RegionId


def _first(nlu_backend: IntentParser, text: str) -> tuple[Session, str]:
    engine = DialogueEngine(nlu_backend, today=lambda: dt.date(2026, 12, 7))
    session = Session.new("s", "wx:first", RegionId.NINGXIA, "h5")
    engine.open(session)
    session.pending = Pending(question_id="household_size")  # the first question asked here
    said = " / ".join(reply_text(r) for r in engine.turn(session, text=text))
    return session, said


def test_a_story_after_the_welcome_is_the_opening(nlu_backend: IntentParser) -> None:
    session, said = _first(
        nlu_backend, "俺七十二了 老头子走了好几年了 俺儿子三十八 有残疾证 一直没结婚也上不了班"
    )
    assert [(m.relation, m.age) for m in session.household.members] == [("self", 72), ("son", 38)]
    assert session.household.members[1].has_disability is True
    assert "我听到的是" in said and "没听明白" not in said


def test_an_answer_that_tells_more_stays_an_answer(nlu_backend: IntentParser) -> None:
    session, said = _first(nlu_backend, "四口 就是我老两口带两个孙子 娃他爸娃他妈在新疆打工呢")
    assert session.household.size == 4
    assert session.history and session.history[0].question_id == "household_size"
    assert "我听到的是" not in said


def test_a_story_whose_number_is_no_size_is_still_the_opening(nlu_backend: IntentParser) -> None:
    # "三岁的娃" was read as a doubt about the size ("您说的三岁是年龄吧？") and the story lost
    session, said = _first(
        nlu_backend, "我家出车祸了，老公撞伤了腿，现在干不了活，家里还有个三岁的娃"
    )
    assert "traffic_accident" in (session.household.situations or [])
    assert "我听到的是" in said and "这里问的是人数" not in said


def test_a_short_age_to_the_size_question_is_still_asked_back(nlu_backend: IntentParser) -> None:
    session, said = _first(nlu_backend, "今年我29岁")
    assert session.household.size is None
    assert "这里问的是人数" in said
