"""Only the first member is the applicant: "上大学贷的款交的学费，自己没掏钱" to 第4位家人是您的
什么人 made a second 'self' (read from 自己), a session that then failed to load on every later
message (api.bench's realistic citizens found it)."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Pending, Session, set_fact
from tests.dialogue.sessions import family


def test_a_second_applicant_is_refused_and_the_session_stays_loadable(
    nlu_backend: IntentParser,
) -> None:
    session = family(["self", "spouse", "son"], Pending(question_id="member_relation", member=2))
    session.household.members[2].relation = None
    engine = DialogueEngine(nlu_backend, today=lambda: dt.date(2026, 12, 7))
    engine.turn(session, "上大学贷的款交的学费，自己没掏钱")
    assert session.household.members[2].relation != "self"
    Session.model_validate_json(session.model_dump_json())  # loads again


def test_set_fact_refuses_self_beyond_the_first_member() -> None:
    session = family(["self", "spouse"], Pending(question_id="member_ages"))
    with pytest.raises(ValueError):
        set_fact(session.household, "members.1.relation", "self")
    set_fact(session.household, "members.0.relation", "self")
