"""Question choice found wanting on dev batch N (issue 12): what only refines a result waits,
and a condition most households do not meet is asked before the item's other facts."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import screen_session
from dialogue.state import Session
from guides.household import Member
from guides.ids import ItemId, RegionId
from guides.screening.registry import OFFICE_VERIFIED
from tests.dialogue.sessions import next_question_id

TODAY = dt.date(2026, 12, 7)


def _elder_alone(region: RegionId = RegionId.GANSU) -> Session:
    """A widower of 71 living alone, local rural hukou, who asked for 低保 and gave his income."""
    session = Session.new("t", "wx:test", region)
    household = session.household
    household.size = 1
    household.members = [Member(relation="self", age=71, marital_status="widowed")]
    household.hukou_type = "rural"
    household.has_local_hukou = True
    household.monthly_income_total = 175.0
    session.consent = True
    session.items = [ItemId.DIBAO]
    return session


def test_the_deposits_wait_for_questions_that_decide_even_for_the_item_asked_about() -> None:
    # 低保 asked for: its only open facts are the property the 核对 checks anyway. The deposits
    # question refines that result; it does not jump ahead of one that decides another item.
    session = _elder_alone()
    assert set(screen_session(session, TODAY).item(ItemId.DIBAO).missing_facts) <= OFFICE_VERIFIED
    assert next_question_id(session, TODAY) != "deposits"


def test_the_hukou_is_not_asked_for_a_student_loan_before_anyone_is_known_to_study() -> None:
    # 甘肃 助学贷款: a student at college, and the hukou in the county (in principle). "家里有孩子
    # 在上学吗" answered "没有" settles it alone; where the hukou is cannot, so it waits.
    session = _elder_alone()
    session.items = None
    household = session.household
    household.has_local_hukou = None
    member = household.members[0]
    member.has_legal_supporter = False
    member.has_disability = False
    member.has_serious_illness = False
    member.wants_job = False
    member.wants_training = False
    household.situations = []
    household.assets.deposits = 0.0
    household.housing.has_own_housing = True
    household.housing.has_stable_income = False
    household.housing.total_floor_area = 60.0
    result = screen_session(session, TODAY)
    open_items = {i.item for i in result.items if i.outcome == "need_info"}
    assert ItemId.STUDENT_LOAN in open_items
    assert "has_local_hukou" in result.item(ItemId.STUDENT_LOAN).missing_facts
    asked = next_question_id(session, TODAY)
    assert asked != "has_local_hukou"
    assert asked == "any_student"
