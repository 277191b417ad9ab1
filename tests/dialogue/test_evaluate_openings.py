"""The openings evaluation scores what the opening stored, every member included."""

from __future__ import annotations

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.evaluate_answers import TODAY
from dialogue.evaluate_openings import relation_facts
from dialogue.state import Session


def test_a_child_of_unsaid_sex_is_scored_as_a_child(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "u", "gansu", "web")
    engine.open(session, "俺家是低保户，娃上大学了，能办助学贷款不")
    assert [m.relation for m in session.household.members if m.relation != "self"] == [None]
    assert relation_facts(session)["child.school_stage"] == "college"
