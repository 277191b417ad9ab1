"""Answers as citizens say them (dialogue/dev/answers2.yml): each fact lands on the member it is
about and a fact the words do not state is not stored."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Pending, Session
from guides.ids import RegionId

TODAY = dt.date(2026, 12, 4)
HOUSEHOLD = "四口人，我、老伴、儿子和孙子"


def asked(
    nlu: IntentParser, question: str, member: int | None = None
) -> tuple[DialogueEngine, Session]:
    """The four-person household, with `question` (about `member`) waiting for its answer."""
    engine = DialogueEngine(nlu, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    engine.open(session)
    engine.turn(session, text=HOUSEHOLD)
    session.pending = Pending(question_id=question, member=member)
    return engine, session


def answer(nlu: IntentParser, question: str, text: str, member: int | None = None) -> Session:
    engine, session = asked(nlu, question, member)
    engine.turn(session, text=text)
    return session


def test_my_man_is_the_spouse_not_the_speaker(nlu_backend: IntentParser) -> None:
    session = answer(nlu_backend, "any_disability", "我男人是二级残疾")
    me, spouse = session.household.members[0], session.household.members[1]
    assert (spouse.has_disability, spouse.disability_grade) == (True, 2)
    assert me.has_disability is not True and me.disability_grade is None


def test_the_childs_father_is_the_spouse(nlu_backend: IntentParser) -> None:
    session = answer(nlu_backend, "any_serious_illness", "娃他爸尿毒症")
    spouse = session.household.members[1]
    assert (spouse.has_serious_illness, spouse.serious_illness_kind) == (True, "kidney")
    assert session.household.members[0].has_serious_illness is not True


def test_an_old_man_of_mine_served(nlu_backend: IntentParser) -> None:
    session = answer(nlu_backend, "any_veteran", "俺老汉年轻时当过兵")
    assert [m.is_veteran for m in session.household.members][:2] == [None, True]


def test_no_house_to_the_own_home_question_is_both_facts(nlu_backend: IntentParser) -> None:
    session = answer(nlu_backend, "own_housing", "没有房，租的一间平房")
    assert session.household.housing.has_own_housing is False
    assert session.household.assets.houses == []


def test_money_left_said_to_the_medical_question_is_savings(nlu_backend: IntentParser) -> None:
    session = answer(nlu_backend, "medical_expense", "看病花得就剩三千了")
    assert session.household.assets.deposits == 3000
    assert session.household.expenses_12m.medical is None


def test_a_fact_of_another_member_to_a_member_question_is_that_members(
    nlu_backend: IntentParser,
) -> None:
    # 您本人有残疾证吗
    session = answer(nlu_backend, "member_disability", "我男人是二级残疾", member=0)
    me, spouse = session.household.members[0], session.household.members[1]
    assert (spouse.has_disability, spouse.disability_grade) == (True, 2)
    assert me.has_disability is None and me.disability_grade is None


def test_what_one_member_lives_on_is_not_the_households_income(nlu_backend: IntentParser) -> None:
    session = answer(nlu_backend, "member_living_source", "就靠每月一百多的养老金", member=1)
    assert session.household.monthly_income_total is None


def test_a_basic_pension_is_not_taken_for_a_living_source(nlu_backend: IntentParser) -> None:
    # 特困办法 第六条: 城乡居民基础养老金 is not counted; "养老金" alone does not say which
    engine, session = asked(nlu_backend, "member_living_source", member=1)
    engine.turn(session, text="就靠那点养老金")
    assert session.household.members[1].has_living_source is not True
    engine.turn(session, text="有退休金")
    assert session.household.members[1].has_living_source is True


def test_no_house_in_the_households_name_means_no_home_of_its_own(
    nlu_backend: IntentParser,
) -> None:
    engine, session = asked(nlu_backend, "houses")
    engine.turn(session, text="一套也没有")
    assert session.household.housing.has_own_housing is False
    engine.turn(session, text="回到上一个问题")  # going back undoes both
    assert session.household.housing.has_own_housing is None
