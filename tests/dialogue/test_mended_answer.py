"""An answer mended as it is said ("三口 哎刚才说错了 四口" to 几口人) is the answer, not a
correction of earlier answers (it was taken as one, found nothing to change, and the same
question came back for ever); a correction that names another answer still corrects it."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Pending, Session
from guides.ids import RegionId

TODAY = dt.date(2026, 12, 7)


def _after_hukou(nlu: IntentParser, pending: str) -> tuple[DialogueEngine, Session]:
    engine = DialogueEngine(nlu, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.NINGXIA)
    engine.open(session)
    session.pending = Pending(question_id="hukou_type")
    engine.turn(session, text="农村户口")
    session.pending = Pending(question_id=pending)
    return engine, session


def test_a_size_mended_as_it_is_said_is_the_answer(nlu_backend: IntentParser) -> None:
    engine, session = _after_hukou(nlu_backend, "household_size")
    engine.turn(session, text="三口 哎刚才说错了 四口 女子上大学户口也在家里")
    assert session.household.size == 4
    assert session.pending is None or session.pending.question_id != "household_size"


def test_a_correction_of_an_earlier_answer_still_corrects_it(nlu_backend: IntentParser) -> None:
    engine, session = _after_hukou(nlu_backend, "household_size")
    engine.turn(session, text="刚才说错了，是城镇户口")
    assert session.household.hukou_type == "urban"
    assert session.household.size is None
