"""An in-law is a son or daughter on the form (女/婿, 子/媳), but the household's son is no 女婿:
a daughter's husband lives here only with the daughter. "我女婿得了癌" in a household of the
applicant, the spouse, a son and a grandchild is about nobody in it; with a daughter at home the
son-relation member may be him."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Pending
from tests.dialogue.sessions import family

TODAY = dt.date(2025, 6, 1)


def _illness_after(nlu: IntentParser, members: list[str], text: str) -> list[object]:
    engine = DialogueEngine(nlu, today=lambda: TODAY)
    session = family(members, Pending(question_id="any_serious_illness"))
    engine.turn(session, text=text)
    return [m.has_serious_illness for m in session.household.members]


def test_a_son_in_law_is_not_the_son_of_the_household(nlu_backend: IntentParser) -> None:
    ill = _illness_after(nlu_backend, ["self", "spouse", "son", "grandchild"], "我女婿得了癌")
    assert ill[2] is not True
    assert len(ill) == 4  # nor a new member


def test_a_daughter_in_law_is_not_the_daughter_of_the_household(nlu_backend: IntentParser) -> None:
    ill = _illness_after(nlu_backend, ["self", "daughter"], "儿媳妇查出来尿毒症了")
    assert ill[1] is not True


def test_with_the_daughter_at_home_the_son_in_law_may_be_a_member(
    nlu_backend: IntentParser,
) -> None:
    ill = _illness_after(nlu_backend, ["self", "daughter", "son"], "我女婿得了癌")
    assert ill[2] is True
