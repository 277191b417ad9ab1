"""Dev batch 6 conversations (session 29): the members an answer names again are those already
kept, and the one child an opening names keeps its facts when the size is said too."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Session

TODAY = dt.date(2026, 12, 5)


@pytest.fixture
def engine(nlu_backend: IntentParser) -> DialogueEngine:
    return DialogueEngine(nlu_backend, today=lambda: TODAY)


def test_grandchildren_named_again_are_not_new_members(engine: DialogueEngine) -> None:
    session = Session.new("s", "guest:t", "gansu", "h5")
    engine.open(session, "额今年七十了，两个孙子一个上初中一个上小学，日子难")
    assert session.pending is not None and session.pending.question_id == "household_size"
    engine.turn(session, "三个，额和两个孙子")
    household = session.household
    assert household.size == 3
    assert [m.relation for m in household.members] == ["self", "grandchild", "grandchild"]
    assert [m.school_stage for m in household.members[1:]] == ["junior_high", "primary"]


def test_the_opening_child_keeps_its_school_beside_the_size(engine: DialogueEngine) -> None:
    session = Session.new("s", "guest:t", "ningxia", "h5")
    engine.open(session, "娃今年考上宁夏大学了，家里五口人，他爷爷奶奶都七十多了")
    members = session.household.members
    assert session.household.size == 5
    assert [m.school_stage for m in members].count("college") == 1
    parents = [m for m in members if m.relation == "parent"]
    assert [m.age for m in parents] == [75, 75]
