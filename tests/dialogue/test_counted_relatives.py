"""Relatives named by count ("两个女儿"): as many members, and what is said of them in turn
("一个上高三一个上初二") or of each ("都在上小学") goes to each of them."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Session
from guides.ids import RegionId

TODAY = dt.date(2025, 6, 1)


def _household(nlu_backend: IntentParser, text: str) -> list[tuple[object, object, object]]:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("t", "t", RegionId.NINGXIA)
    engine.open(session, text)
    return [(m.relation, m.age, m.school_stage) for m in session.household.members]


def test_facts_said_in_turn_go_to_each(nlu_backend: IntentParser) -> None:
    members = _household(nlu_backend, "我今年四十二，老婆四十，两个女儿一个上高三一个上初二")
    assert ("daughter", None, "senior_high") in members
    assert ("daughter", None, "junior_high") in members


def test_a_fact_said_of_both_goes_to_both(nlu_backend: IntentParser) -> None:
    members = _household(nlu_backend, "两个儿子都在上小学")
    assert members.count(("son", None, "primary")) == 2


def test_a_listed_household_with_two_grandchildren(nlu_backend: IntentParser) -> None:
    members = _household(nlu_backend, "家里四口人，我和老伴还有两个孙子")
    assert [m[0] for m in members] == ["self", "spouse", "grandchild", "grandchild"]


def test_ages_in_birth_order(nlu_backend: IntentParser) -> None:
    members = _household(nlu_backend, "我有两个闺女，大的十七小的十二")
    assert [m[:2] for m in members[1:]] == [("daughter", 17), ("daughter", 12)]
    # children of unsaid sex: no relation guessed, their ages still in birth order
    children = _household(nlu_backend, "两个孩子，大的十七小的十二")[1:]
    assert [m[:2] for m in children] == [(None, 17), (None, 12)]
