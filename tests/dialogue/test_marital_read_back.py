"""Marital status read from the opening is said back with the rest, in plain words (the form's
丧偶 would be blunt), and goes to the member it is about; a neighbour's late wife is nobody's
fact here."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.replies import reply_text
from dialogue.state import Session
from guides.ids import RegionId


def _opened(nlu_backend: IntentParser, text: str) -> tuple[Session, str]:
    engine = DialogueEngine(nlu_backend, today=lambda: dt.date(2026, 12, 7))
    session = Session.new("s", "wx:marital", RegionId.JINAN_LICHENG)
    replies = engine.open(session, text)
    return session, "".join(reply_text(r) for r in replies)


def test_a_widowed_mother_and_her_unmarried_son(nlu_backend: IntentParser) -> None:
    session, said = _opened(
        nlu_backend, "俺七十二了 老头子走了好几年了 俺儿子三十八 有残疾证 一直没结婚也上不了班"
    )
    statuses = [(m.relation, m.marital_status) for m in session.household.members]
    assert statuses == [("self", "widowed"), ("son", "single")]
    assert "您的老伴已经去世" in said and "您儿子没有结过婚" in said


def test_a_neighbours_late_wife_is_not_the_writers(nlu_backend: IntentParser) -> None:
    session, _ = _opened(nlu_backend, "我是替我们楼下的王大爷问的 他八十三了 老伴前年去世了")
    assert all(m.marital_status is None for m in session.household.members)
