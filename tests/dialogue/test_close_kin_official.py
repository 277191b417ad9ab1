"""您家的近亲属里，有没有办低保的工作人员或村（居）干部: 近亲属 on the form are the spouse,
parents, children, siblings, grandparents and grandchildren (004 表格说明 8). A nephew or a
cousin who is a 村干部 is not stored as a yes: the answer is asked back, saying who counts. The
buttons are 有/没有 (the question asks 有没有), not 办了/没办."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.replies import ChoicesReply, reply_text
from dialogue.state import Pending, Session


def _at_relative_official(engine: DialogueEngine) -> Session:
    session = Session.new("s", "guest:t", "gansu", "h5")
    engine.open(session, "我想问问低保")
    session.pending = Pending(question_id="household_size")
    engine.turn(session, "两口人，我和老伴")
    session.pending = Pending(question_id="relative_official")
    return session


def test_a_nephew_official_is_asked_back(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: dt.date(2026, 12, 7))
    for text in ("俺侄子在村里当会计", "我表哥是村支书"):
        session = _at_relative_official(engine)
        replies = engine.turn(session, text)
        assert session.household.relative_is_aid_official is None, text
        assert "兄弟姐妹" in reply_text(replies[0])
        assert session.pending == Pending(question_id="relative_official")
        engine.turn(session, "那没有")
        assert session.household.relative_is_aid_official is False


def test_a_son_official_is_a_yes(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: dt.date(2026, 12, 7))
    session = _at_relative_official(engine)
    engine.turn(session, "我儿子是村干部")
    assert session.household.relative_is_aid_official is True


def test_the_buttons_say_you_or_meiyou(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: dt.date(2026, 12, 7))
    session = _at_relative_official(engine)
    asked = engine.resume(session)[-1]
    assert isinstance(asked, ChoicesReply)
    assert [c.label for c in asked.choices][:2] == ["有", "没有"]
