""" "爸爸妈妈还在吗", asked of a child and not understood, is asked again in its own words, not with
"请说“有”或“没有”" (dev batch P, session 49)."""

from __future__ import annotations

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.replies import reply_text
from dialogue.state import Pending
from tests.dialogue.sessions import family


def _reask(nlu: IntentParser, age: int) -> str:
    session = family(
        ["self", "grandchild"], Pending(question_id="member_legal_supporter", member=1)
    )
    session.household.members[1].age = age
    replies = DialogueEngine(nlu).turn(session, text="唉 这娃命苦")
    return " ".join(reply_text(r) for r in replies)


def test_a_childs_parents_are_asked_about_in_their_words(nlu_backend: IntentParser) -> None:
    said = _reask(nlu_backend, 9)
    assert "爸爸妈妈在不在" in said and "请说“有”或“没有”" not in said


def test_an_adult_is_asked_again_as_before(nlu_backend: IntentParser) -> None:
    assert "请说“有”或“没有”" in _reask(nlu_backend, 30)
