"""An orphan staying at an uncle's home: the uncle is the host, not a member of the household
the questionnaire is about (a household of one, as the size answer says)."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Session

TODAY = dt.date(2026, 12, 6)
OPENING = (
    "我16岁，在县里上高一。我爸四年前得病没了，我妈去年也走了，现在住我大伯家。"
    "大伯家也不宽裕，学费生活费现在都是他出的"
)


def test_the_uncle_whose_home_one_stays_in_is_not_a_member(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "guest:t", "gansu", "h5")
    engine.open(session, OPENING)
    engine.turn(session, "户口本上就剩我一个了，我住我大伯家")
    assert session.household.size == 1
    assert [(m.relation, m.age) for m in session.household.members] == [("self", 16)]


def test_a_relative_living_with_one_still_is(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "guest:t", "gansu", "h5")
    engine.open(session, "我跟我大伯一起过，他七十了，我们俩都没收入")
    assert any(m.relation == "other" for m in session.household.members)
