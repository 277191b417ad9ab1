"""Answers from the outside-written dev conversations batch C (the wording here is mine): an
average said after the lean months is the month's income, not a doubt; "现在顾不上" to 想找工作吗
is a no; a partner named with a wish is the member the size counted and nobody named yet."""

from __future__ import annotations

import datetime as dt

from dialogue.answers import Doubt, Value, parse_answer
from dialogue.engine import DialogueEngine
from dialogue.questions import question_bank
from dialogue.state import Pending, Session
from guides.household import Member
from guides.ids import RegionId
from nlu.answers import parse_yes_no
from nlu.backend import LocalBackend

TODAY = dt.date(2025, 6, 1)


def test_an_average_after_the_lean_months_is_the_income() -> None:
    question = question_bank().get("household_income")
    said = "就我妈打零工，一个月一千五吧，哦不对，冬天一两个月没活干，平均下来也就一千二左右"
    answer = parse_answer(question, said, TODAY)
    assert isinstance(answer, Value) and answer.value == 1200
    # without an average the lean months still ask for a year's total
    lean = parse_answer(question, "夏天一个月四千，冬天就没活了", TODAY)
    assert isinstance(lean, Doubt) and lean.kind == "seasonal"


def test_no_time_for_it_now_is_a_no() -> None:
    assert parse_yes_no("现在顾不上") is False
    assert parse_yes_no("暂时走不开") is False


def _four_with_one_unnamed() -> Session:
    session = Session.new("s", "wx:test", RegionId.SHANXI)
    session.household.size = 4
    session.household.members = [
        Member(relation="self"),
        Member(relation="daughter", age=9),
        Member(relation="son", school_stage="junior_high"),
        Member(),
    ]
    session.pending = Pending(question_id="any_job_seeker")
    return session


def test_a_partner_named_with_a_wish_is_the_unnamed_member() -> None:
    engine = DialogueEngine(LocalBackend(), today=lambda: TODAY)
    session = _four_with_one_unnamed()
    engine.turn(session, text="孩子他爸想在县里找个活")
    spouse = session.household.members[3]
    assert spouse.relation == "spouse" and spouse.wants_job is True
    assert session.pending is None or session.pending.question_id != "member_relation"
    # "go back" undoes the placing with the answer
    engine.turn(session, text="回到上一个问题")
    assert session.household.members[3].relation is None


def test_a_partner_is_not_placed_where_two_are_unnamed() -> None:
    engine = DialogueEngine(LocalBackend(), today=lambda: TODAY)
    session = _four_with_one_unnamed()
    session.household.members[2] = Member()
    engine.turn(session, text="孩子他爸想在县里找个活")
    assert [m.relation for m in session.household.members] == ["self", "daughter", None, None]
