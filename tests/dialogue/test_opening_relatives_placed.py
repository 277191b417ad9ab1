"""Relatives the opening named as living here ("带着两个孙子过") but could not place (no size
said) are the members a size said later adds, when exactly as many: before, the bot asked
第3位家人是您的什么人 of each. Written for these tests from a played conversation (session 48),
not evaluation data."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Pending, Session
from guides.ids import RegionId

TODAY = dt.date(2026, 12, 7)
GRANDPARENTS = (
    "老汉今年71了 我68 带着两个孙子过 儿子出去打工五六年没音信了 儿媳妇跑了 日子过不下去了"
)


def _sized(nlu: IntentParser, opening: str, size: str) -> Session:
    engine = DialogueEngine(nlu, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    engine.open(session, opening)
    session.pending = Pending(question_id="household_size")
    engine.turn(session, text=size)
    return session


def test_the_grandsons_named_are_the_members_the_size_adds(nlu_backend: IntentParser) -> None:
    session = _sized(nlu_backend, GRANDPARENTS, "四口")
    relations = [m.relation for m in session.household.members]
    assert relations == ["self", "spouse", "grandchild", "grandchild"]
    assert session.pending is None or session.pending.question_id != "member_relation"


def test_more_members_than_named_are_still_asked_about(nlu_backend: IntentParser) -> None:
    # five: the son working away may be counted, or somebody else; which one is unsaid
    session = _sized(nlu_backend, GRANDPARENTS, "五口")
    assert [m.relation for m in session.household.members][2:] == [None, None, None]


def test_a_writer_for_somebody_else_places_nobody(nlu_backend: IntentParser) -> None:
    session = _sized(nlu_backend, "我替我妈问问 她带着两个孙子过 日子难", "三口")
    assert "grandchild" not in [m.relation for m in session.household.members]


def test_going_back_undoes_the_relations(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    engine.open(session, GRANDPARENTS)
    session.pending = Pending(question_id="household_size")
    engine.turn(session, text="四口")
    engine.turn(session, text="返回上一个问题")
    assert "grandchild" not in [m.relation for m in session.household.members]
