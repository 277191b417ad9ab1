"""Dev batch 6 conversations (session 29): the members an answer names again are those already
kept, and the one child an opening names keeps its facts when the size is said too."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Session

TODAY = dt.date(2026, 12, 5)


@pytest.fixture
def engine(nlu_backend: IntentParser) -> DialogueEngine:
    return DialogueEngine(nlu_backend, today=lambda: TODAY)


def _asked(
    engine: DialogueEngine,
    session: Session,
    reply: Callable[[str, int | None], str],
    turns: int,
    last: str | None = None,
) -> list[tuple[str, int | None]]:
    """The questions asked (with the member) while `reply` answers them, up to `turns`, or
    until the question `last` is answered."""
    asked: list[tuple[str, int | None]] = []
    for _ in range(turns):
        pending = session.pending
        if pending is None:
            break
        asked.append((pending.question_id, pending.member))
        engine.turn(session, reply(pending.question_id, pending.member))
        if pending.question_id == last:
            break
    return asked


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


def test_a_freshman_is_asked_about_first_not_the_parents_school(engine: DialogueEngine) -> None:
    """The student loan asked about, a child at college: whether the child is enrolled is asked,
    not "您现在上学吗" of the parent; "九月份开学去报到" answers it."""
    session = Session.new("s", "guest:t", "ningxia", "h5")
    engine.open(session, "娃考上宁夏大学了，家里三口人，能贷款不")
    answers = {"member_relation": "儿子", "member_study_status": "九月份开学去报到"}
    asked = _asked(
        engine, session, lambda q, _: answers.get(q, "不知道"), 12, "member_study_status"
    )
    child = next(i for i, m in enumerate(session.household.members) if m.school_stage)
    assert ("member_study_status", child) in asked
    assert not [q for q, member in asked if q == "member_school_stage" and member != child]
    assert session.household.members[child].study_status == "enrolled"


def test_this_years_freshman_needs_no_study_status(engine: DialogueEngine) -> None:
    """ "今年考上" says the child holds this year's 录取通知书: neither the child's study status
    nor the parents' school is asked."""
    session = Session.new("s", "guest:t", "ningxia", "h5")
    engine.open(session, "娃今年考上宁夏大学了，家里三口人，能贷款不")
    child = next(i for i, m in enumerate(session.household.members) if m.school_stage)
    assert session.household.members[child].is_new_admission is True
    asked = _asked(engine, session, lambda q, _: {"member_relation": "儿子"}.get(q, "不知道"), 12)
    assert not [q for q, _ in asked if q in ("member_study_status", "member_school_stage")]


def test_a_young_child_is_not_asked_who_supports_them(engine: DialogueEngine) -> None:
    """Issue 12: a six-year-old living with both parents was asked "您女儿有没有配偶、子女这些
    按法律要赡养、照顾的人？"; the parents are asked whether they can work instead."""
    session = Session.new("s", "guest:t", "gansu", "h5")
    engine.open(session, "在兰州租房子住，我送外卖，老婆在家带娃，想申请公租房")
    answers = {"household_size": "三个人，我老婆和女儿", "member_relation": "女儿",
               "member_age": "35", "consent": "同意"}  # fmt: skip

    def reply(question: str, member: int | None) -> str:
        return "6" if (question, member) == ("member_age", 2) else answers.get(question, "不知道")

    asked = _asked(engine, session, reply, 15)
    daughter = [i for i, m in enumerate(session.household.members) if m.relation == "daughter"]
    # her age, when asked, is hers; with both parents able to support her (特困办法 第八条) it
    # decides nothing and need not be asked
    assert daughter and session.household.members[daughter[0]].age in (None, 6)
    assert ("member_legal_supporter", daughter[0]) not in asked
    assert ("member_supporter", daughter[0]) not in asked
