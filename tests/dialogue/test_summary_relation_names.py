"""The summary says a member's relation in the citizen's words ("儿子", "女婿"), not the
form's "子/婿" (played conversation, session 49; not evaluation data)."""

from __future__ import annotations

import pytest

from dialogue.ending import summary
from dialogue.engine import DialogueEngine, IntentParser
from dialogue.questions import question_bank
from dialogue.state import Pending
from tests.dialogue.sessions import family


@pytest.mark.parametrize(
    ("said", "shown"), [("儿子", "儿子"), ("是我女婿", "女婿"), ("闺女", "女儿")]
)
def test_the_relation_is_shown_as_said(nlu_backend: IntentParser, said: str, shown: str) -> None:
    session = family(["self", "other"], Pending(question_id="member_relation", member=1))
    session.household.members[1].relation = None
    DialogueEngine(nlu_backend).turn(session, text=said)
    lines = [
        line
        for group in summary(session, question_bank()).groups
        for line in group.lines
        if line.edit == "edit:member_relation:1"
    ]
    assert [line.value for line in lines] == [shown]
