"""Answers given about a member the household no longer counts (the size said again, smaller)
are left out of the summary; before, the summary indexed past the members and the citizen's
turn failed with a server error (found by the realistic benchmark, session 47)."""

from __future__ import annotations

import datetime as dt

from dialogue.ending import summary
from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Pending, Session
from guides.ids import RegionId

TODAY = dt.date(2026, 12, 7)


def test_the_summary_skips_members_no_longer_counted(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    engine.open(session, "家里四口人，我和老伴，还有孙子孙女")
    session.pending = Pending(question_id="member_age", member=3)
    engine.turn(session, text="九岁")
    assert session.household.members[3].age == 9
    session.household.members = session.household.members[:2]  # the size said again: two
    session.household.size = 2
    lines = summary(session, engine.bank)
    assert "9岁" not in str(lines)
