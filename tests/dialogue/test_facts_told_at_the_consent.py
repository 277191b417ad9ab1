"""Facts told instead of answering the consent question ("我四十六 闺女十八") are kept and the
consent is asked again (before, they were dropped and asked for later); money waits for the
consent. Written for these tests from a played conversation (session 47), not evaluation data."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.questions import CONSENT_ID
from dialogue.state import Pending, Session
from guides.ids import RegionId

TODAY = dt.date(2026, 12, 7)


def _at_consent(nlu: IntentParser, text: str) -> Session:
    engine = DialogueEngine(nlu, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.NINGXIA)
    engine.open(session, "离婚好几年了，一个人带着闺女，闺女今年考上大学了")
    session.pending = Pending(question_id=CONSENT_ID)
    engine.turn(session, text=text)
    return session


def test_ages_told_at_the_consent_are_kept(nlu_backend: IntentParser) -> None:
    session = _at_consent(nlu_backend, "我四十六 闺女十八")
    assert [m.age for m in session.household.members] == [46, 18]
    assert session.consent is None  # neither given nor refused: asked again when it is due


def test_money_told_at_the_consent_waits_for_it(nlu_backend: IntentParser) -> None:
    session = _at_consent(nlu_backend, "我在饭馆打工一个月两千")
    assert session.household.monthly_income_total is None
    assert session.household.members[0].monthly_income is None
