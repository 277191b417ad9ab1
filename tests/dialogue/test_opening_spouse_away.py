"""A spouse working away is still one of the household: "家里就靠我和他爸在外面打工" keeps the
husband's work, where "儿子在外地打工" alone does not make the son one of those living here."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Session
from guides.ids import RegionId

TODAY = dt.date(2025, 6, 1)


def _work(nlu: IntentParser, text: str) -> dict[str | None, object]:
    engine = DialogueEngine(nlu, today=lambda: TODAY)
    session = Session.new("t", "t", RegionId.GANSU)
    engine.open(session, text)
    return {m.relation: m.employment for m in session.household.members if m.employment}


def test_the_spouse_working_away_is_kept(nlu_backend: IntentParser) -> None:
    work = _work(nlu_backend, "儿子上大学了 家里就靠我和他爸在外面打工 一个月加起来五千多")
    assert work == {"self": "migrant_worker", "spouse": "migrant_worker"}


def test_a_son_working_away_is_not_made_a_member(nlu_backend: IntentParser) -> None:
    assert "son" not in _work(nlu_backend, "我一个人在家种着三亩地 儿子在外地打工")
