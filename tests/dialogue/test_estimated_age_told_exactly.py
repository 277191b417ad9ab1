"""An age told as an estimate ("快七十") is replaced by the exact one told later ("俺今年六十八"):
before, the estimate stayed, and 特困 and the elderly items were screened on it. An exact age
is not replaced by another one said in passing. Written for these tests from a played
conversation (session 48), not evaluation data."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Pending, Session
from guides.ids import RegionId

TODAY = dt.date(2026, 12, 7)


def _told(nlu: IntentParser, opening: str, later: str) -> Session:
    engine = DialogueEngine(nlu, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.SHANXI)
    engine.open(session, opening)
    session.consent = True
    session.pending = Pending(question_id="household_income")
    engine.turn(session, text=later)
    return session


def test_an_exact_age_replaces_an_estimate(nlu_backend: IntentParser) -> None:
    session = _told(
        nlu_backend, "俺快七十了 一个人住 老伴走了好几年了", "俺今年六十八 一个月就一百多养老金"
    )
    assert session.household.members[0].age == 68


def test_an_exact_age_stays(nlu_backend: IntentParser) -> None:
    session = _told(
        nlu_backend,
        "俺今年六十九了 一个人住 老伴走了好几年了",
        "俺六十八那年老伴走的 一个月就一百多养老金",
    )
    assert session.household.members[0].age == 69


def test_an_estimate_answered_to_the_age_question_is_replaced_too(
    nlu_backend: IntentParser,
) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.SHANXI)
    engine.open(session, "俺一个人住 老伴走了好几年了")
    session.pending = Pending(question_id="member_age", member=0)
    engine.turn(session, text="快七十了")
    assert session.household.members[0].age is not None
    session.consent = True
    session.pending = Pending(question_id="household_income")
    engine.turn(session, text="俺今年六十八 一个月就一百多养老金")
    assert session.household.members[0].age == 68
