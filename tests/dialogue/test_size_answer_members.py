"""An answer to 几口人 that names more people than it counts ("就额们老两口 儿子在兰州自己过":
two) does not make the ones living elsewhere members (before, the son was added: three)."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Pending, Session
from guides.ids import RegionId


def test_a_son_living_on_his_own_is_not_counted(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: dt.date(2026, 12, 6))
    session = Session.new("s", "wx:test", RegionId.GANSU)
    engine.open(session, "家里着火了，粮食全烧了")
    session.pending = Pending(question_id="household_size")
    engine.turn(session, text="就额们老两口 儿子在兰州自己过")
    assert session.household.size == 2
    assert len(session.household.members) == 2
    assert "son" not in [m.relation for m in session.household.members]
