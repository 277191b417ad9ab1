"""Once the items the citizen asked about are settled, past the soft budget, a class others
follow from (低保) is still pursued when the questions it needs, not counting what the office
verifies itself (存款, 房, 车, 营业执照), are few; houses, cars and businesses are never
asked; and the finished questionnaire's result leaves those to the office: 或许符合 with the check said, not 还需了解 (the conversation is over)."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.engine import DialogueEngine, IntentParser, screen_session
from dialogue.state import Session
from guides.household import Household
from guides.ids import ItemId, Outcome, RegionId
from guides.screening.engine import screen

TODAY = dt.date(2026, 12, 5)
ANSWERS = {
    "household_size": "四口人",
    "member_relation": "儿子",
    "member_study_status": "刚考上，九月份去报到",
    "has_local_hukou": "在",
    "member_student_loan": "还没办",
    "hukou_type": "农村户口",
    "consent": "同意",
    "household_income": "一个月一千五左右吧",
    "any_disability": "没有",
    "any_serious_illness": "没有",
}
# never asked (guides.screening.registry.NOT_ASKED); deposits may be, before the soft budget
NOT_ASKED = {"securities", "vehicles", "houses", "registered_business"}


@pytest.fixture
def engine(nlu_backend: IntentParser) -> DialogueEngine:
    return DialogueEngine(nlu_backend, today=lambda: TODAY)


def test_dibao_is_pursued_after_the_student_loan_and_the_assets_left_to_the_office(
    engine: DialogueEngine,
) -> None:
    session = Session.new("s", "guest:t", "gansu", "h5")
    engine.open(
        session, "娃今年考上兰州的大学了 录取通知书刚到 俺们两口子在家种地 听说能办助学贷款"
    )
    assert session.items == [ItemId.STUDENT_LOAN]
    asked: list[str] = []
    for _ in range(15):
        if session.pending is None:
            break
        asked.append(session.pending.question_id)
        engine.turn(session, ANSWERS.get(session.pending.question_id, "不知道"))
    assert session.status == "done"
    assert "household_income" in asked
    assert not NOT_ASKED & set(asked)
    result = screen_session(session, on=TODAY)
    dibao = result.item(ItemId.DIBAO)
    assert dibao.outcome == Outcome.POSSIBLE
    assert any("家庭经济状况核对" in r.text for r in dibao.reasons)


def test_only_the_finished_result_leaves_the_assets_to_the_office() -> None:
    household = Household.model_validate(
        {"region": RegionId.GANSU, "size": 2, "hukou_type": "rural", "monthly_income_total": 600,
         "has_local_hukou": True, "members": [{"relation": "self", "age": 50},
                                              {"relation": "spouse", "age": 48}]}
    )  # fmt: skip
    asking = screen(household, on=TODAY).item(ItemId.DIBAO)
    finished = screen(household, on=TODAY, final=True).item(ItemId.DIBAO)
    assert asking.outcome == Outcome.NEED_INFO
    assert "assets.deposits" in asking.missing_facts
    assert finished.outcome == Outcome.POSSIBLE
    assert not any(f.startswith("assets.") for f in finished.missing_facts)


def test_what_the_office_cannot_look_up_stays_to_be_told() -> None:
    """An unknown household size is no office check: still 还需了解 in the result."""
    household = Household.model_validate(
        {"region": RegionId.GANSU, "hukou_type": "rural", "monthly_income_total": 600}
    )
    finished = screen(household, on=TODAY, final=True).item(ItemId.DIBAO)
    assert finished.outcome == Outcome.NEED_INFO


def test_what_is_never_asked_does_not_hold_back_a_likely_item() -> None:
    """Houses and cars, never asked, are left to the 核对 without making 低保 only 或许符合:
    the office checks them for every likely item anyway (the reason says so)."""
    household = Household.model_validate(
        {"region": RegionId.GANSU, "size": 1, "hukou_type": "urban", "monthly_income_total": 0,
         "has_local_hukou": True, "assets": {"deposits": 0},
         "members": [{"relation": "self", "age": 78}]}
    )  # fmt: skip
    dibao = screen(household, on=TODAY, final=True).item(ItemId.DIBAO)
    assert dibao.outcome == Outcome.LIKELY
    assert any("家庭经济状况核对" in r.text for r in dibao.reasons)
    unsaid = household.model_copy(update={"assets": household.assets.model_copy(
        update={"deposits": None})})  # fmt: skip
    assert screen(unsaid, on=TODAY, final=True).item(ItemId.DIBAO).outcome == Outcome.POSSIBLE
