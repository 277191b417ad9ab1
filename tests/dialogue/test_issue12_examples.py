"""The ordinary answers issue 12 lists as misread, each to the question it was said to:
understood (stored, or asked back about the one thing in doubt), never "请说有或没有"."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.replies import reply_text
from dialogue.state import Pending, Session
from guides.ids import RegionId

TODAY = dt.date(2026, 12, 4)
NOT_UNDERSTOOD = "请说“有”或“没有”"


def answer(
    nlu: IntentParser, question: str, text: str, household: str = "四口人，我、老伴、儿子和孙子"
) -> tuple[Session, str]:
    engine = DialogueEngine(nlu, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    engine.open(session)
    engine.turn(session, text=household)
    session.pending = Pending(question_id=question)
    said = " / ".join(reply_text(r) for r in engine.turn(session, text=text))
    return session, said


def members_with(session: Session, field: str) -> list[object]:
    return [getattr(m, field) for m in session.household.members]


def test_no_twice_is_no(nlu_backend: IntentParser) -> None:
    session, said = answer(nlu_backend, "any_disability", "没有没有")
    assert NOT_UNDERSTOOD not in said
    assert members_with(session, "has_disability") == [False] * 4


def test_a_son_who_wants_work_is_a_job_seeker(nlu_backend: IntentParser) -> None:
    session, said = answer(nlu_backend, "any_job_seeker", "儿子想找个工作")
    assert NOT_UNDERSTOOD not in said
    assert True in members_with(session, "wants_job")


def test_a_grandchild_at_high_school_is_a_student(nlu_backend: IntentParser) -> None:
    session, said = answer(nlu_backend, "any_student", "孙子上高中")
    assert NOT_UNDERSTOOD not in said
    assert members_with(session, "school_stage")[3] == "senior_high"


@pytest.mark.parametrize("text", ["两个孩子上小学", "上小学"])
def test_a_school_said_without_whom_is_a_yes(nlu_backend: IntentParser, text: str) -> None:
    session, said = answer(nlu_backend, "any_student", text, household="三口人")
    assert NOT_UNDERSTOOD not in said
    assert "上一个问题" not in said  # 上小学 is not 回到上一个问题
    assert session.answered("any_student")
    assert session.pending is None or session.pending.question_id != "any_student"


def test_a_disability_certificate_with_its_grade(nlu_backend: IntentParser) -> None:
    session, said = answer(nlu_backend, "any_disability", "儿子办了残疾证，二级的")
    assert NOT_UNDERSTOOD not in said
    assert members_with(session, "has_disability")[2] is True
    assert members_with(session, "disability_grade")[2] == 2


def test_no_car_but_a_house_keeps_both(nlu_backend: IntentParser) -> None:
    session, _ = answer(nlu_backend, "vehicles", "没车，房子倒是有一套")
    assert session.household.assets.vehicles == []
    assert session.household.housing.has_own_housing is True


def test_a_correction_keeps_every_fact_it_states(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    engine.open(session)
    engine.turn(session, text="三口人")
    session.pending = Pending(question_id="vehicles")
    engine.turn(session, text="有一辆车")
    said = " / ".join(
        reply_text(r)
        for r in engine.turn(session, text="刚才说错了，我们家没有车，有一套自己住的房子")
    )
    assert "改过来" in said and "1套房" in said
    assert session.household.assets.vehicles == []
    assert len(session.household.assets.houses or []) == 1


def test_a_typo_in_hukou_type(nlu_backend: IntentParser) -> None:
    session, _ = answer(nlu_backend, "hukou_type", "成镇户口")
    assert session.household.hukou_type == "urban"


def test_hukou_left_in_another_place_is_not_local(nlu_backend: IntentParser) -> None:
    session, _ = answer(nlu_backend, "has_local_hukou", "户口还在老家固原")
    assert session.household.has_local_hukou is False


def test_rooms_said_to_the_car_question_are_a_house_not_a_car(nlu_backend: IntentParser) -> None:
    session, _ = answer(nlu_backend, "vehicles", "有两间土坯房")
    assert not session.household.assets.vehicles
    assert session.household.housing.has_own_housing is True


def test_no_car_then_after_a_pause_another_topic_is_still_no_car(
    nlu_backend: IntentParser,
) -> None:
    # voice input: the pause parts the clauses; the dialysis is in the second one
    session, said = answer(nlu_backend, "vehicles", "没有 有个电动三轮拉他去透析")
    assert NOT_UNDERSTOOD not in said
    assert session.household.assets.vehicles == []


def test_no_car_said_to_the_house_question_stores_no_house(nlu_backend: IntentParser) -> None:
    session, _ = answer(nlu_backend, "houses", "没有车")
    assert session.household.assets.houses is None
    assert session.household.assets.vehicles == []


def test_a_size_mended_with_words_of_correction_keeps_the_rest_of_the_answer(
    nlu_backend: IntentParser,
) -> None:
    # "刚才说错了" mends the size inside the answer; the daughter at college is still kept
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.NINGXIA)
    engine.open(session)
    session.pending = Pending(question_id="household_size")
    engine.turn(session, text="三口 哎刚才说错了 四口 女子上大学户口也在家里")
    household = session.household
    assert household.size == 4
    assert [m.school_stage for m in household.members if m.relation == "daughter"] == ["college"]


def test_a_size_answer_listing_who_lives_together_drops_those_living_elsewhere(
    nlu_backend: IntentParser,
) -> None:
    # the story named a working son and a mother; the size answer lists the couple only
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    engine.open(session, "我儿子在西安上班，我老汉今年开春犯了脑梗，我娘八十了")
    relations = [m.relation for m in session.household.members]
    assert "spouse" in relations and len(relations) > 2
    session.pending = Pending(question_id="household_size")
    engine.turn(session, text="就我跟老汉两个 儿子结婚另过了")
    members = session.household.members
    assert [m.relation for m in members] == ["self", "spouse"]
    assert members[1].has_serious_illness is True
