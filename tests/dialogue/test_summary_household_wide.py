"""The summary line of a household-wide question ("家里有人有残疾证吗") says what was answered:
a member with the condition is "有", never "没有" because the members' facts are settled."""

from __future__ import annotations

import datetime as dt

from dialogue.ending import display
from dialogue.engine import DialogueEngine, IntentParser
from dialogue.questions import question_bank
from dialogue.state import Pending, Session
from guides.household import Member
from guides.ids import RegionId

TODAY = dt.date(2026, 12, 4)


def _alone(member: Member) -> Session:
    session = Session.new("s", "wx:test", RegionId.NINGXIA)
    session.household.size = 1
    session.household.members = [member]
    session.household.hukou_type = "urban"
    return session


def _answered(nlu_backend: IntentParser, question_id: str, text: str) -> str:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = _alone(Member(relation="self", age=45))
    session.pending = Pending(question_id=question_id)
    engine.turn(session, text=text)
    assert any(r.question_id == question_id for r in session.history)
    return display(session, question_id, None, question_bank())


def test_a_member_with_a_disability_certificate_reads_as_yes(nlu_backend: IntentParser) -> None:
    assert _answered(nlu_backend, "any_disability", "他自己一级残疾") == "有"


def test_no_one_with_a_disability_reads_as_no(nlu_backend: IntentParser) -> None:
    assert _answered(nlu_backend, "any_disability", "没有") == "没有"


def test_a_member_at_school_reads_as_yes(nlu_backend: IntentParser) -> None:
    assert _answered(nlu_backend, "any_student", "我在上大学") in ("有", "有或不清楚")
    assert _answered(nlu_backend, "any_student", "没有") == "没有"
