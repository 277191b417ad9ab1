"""An opening that gives the household size and names exactly that many people lists the
household: each is a member with their relation, said back with the size. A story that names
fewer or more people than the size keeps only those a fact is about (they may live apart)."""

from __future__ import annotations

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.replies import reply_text
from dialogue.state import Pending, Session
from guides.ids import RegionId


def _open(nlu: IntentParser, text: str) -> tuple[Session, str]:
    session = Session.new("t", "wx:test", RegionId.SHANXI)
    replies = DialogueEngine(nlu).open(session, text)
    return session, "\n".join(reply_text(r) for r in replies)


def test_size_and_as_many_people_named_are_the_members(nlu_backend: IntentParser) -> None:
    session, said = _open(nlu_backend, "我们家三口人，我跟我媳妇，还有个闺女，想问问能不能吃低保")
    assert session.household.size == 3
    assert [m.relation for m in session.household.members] == ["self", "spouse", "daughter"]
    assert "家里3口人：您、您老伴、您女儿" in said


def test_people_named_beside_a_different_size_are_not_all_members(
    nlu_backend: IntentParser,
) -> None:
    # Four people live together, but only the son is named besides the speaker: who the other
    # two are is asked, not guessed.
    session, _ = _open(nlu_backend, "家里四口人，儿子在外地打工，想问问低保")
    assert session.household.size == 4
    assert "son" not in [m.relation for m in session.household.members[1:]]


def test_a_size_said_to_another_question_is_kept(nlu_backend: IntentParser) -> None:
    session, _ = _open(nlu_backend, "我今年67岁，想问问低保")
    engine = DialogueEngine(nlu_backend)
    assert session.household.size is None and session.pending is not None
    # the size is asked first now (only the speaker was named: the size is not known); said
    # to another question, it is kept all the same
    engine._ask(session, Pending(question_id="hukou_type"), count=False)
    said = "\n".join(reply_text(r) for r in engine.turn(session, text="两口人，我和老伴"))
    assert session.household.size == 2
    assert [m.relation for m in session.household.members] == ["self", "spouse"]
    assert "家里2口人" in said
