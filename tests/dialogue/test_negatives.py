"""D14: negative numbers are never stored as positives, and impossible ones are named back."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.replies import reply_text
from dialogue.state import Pending, Session
from guides.ids import RegionId

TODAY = dt.date(2025, 6, 1)


@pytest.fixture(scope="module")
def engine(nlu_backend: IntentParser) -> DialogueEngine:
    return DialogueEngine(nlu_backend, today=lambda: TODAY)


def at(engine: DialogueEngine, question: str, member: int | None = None) -> Session:
    session = Session.new("s", "wx:n", RegionId("gansu"), "h5")
    engine.open(session)
    engine.turn(session, text="2口人")
    session.pending = Pending(question_id=question, member=member)
    return session


def words(replies: list) -> str:
    return "\n".join(reply_text(r) for r in replies)


@pytest.mark.parametrize(
    ("question", "member", "text", "field"),
    [
        ("household_income", None, "-500", "全家月收入"),
        ("household_income", None, "每月收入-500", "收入"),
        ("household_income", None, "一个月负五百块", "钱数"),
        ("member_age", 0, "-5岁", "年龄"),
        ("member_age", 0, "我今年-5岁", "年龄"),
        ("hukou_type", None, "我今年－5岁", "年龄"),
        ("hukou_type", None, "-3口人", "家里人数"),
        ("member_age", 1, "他负3岁", "年龄"),
        ("consent", None, "-500", "这个数"),  # found by the fuzz test: a 500 before
        ("member_more", None, "-2口人", "家里人数"),
    ],
)
def test_a_negative_is_not_stored_and_the_field_is_named(
    engine: DialogueEngine, question: str, member: int | None, text: str, field: str
) -> None:
    session = at(engine, question, member)
    before = session.household.model_dump()
    replies = engine.turn(session, text=text)
    said = words(replies)
    assert f"{field}不会是负数" in said, said
    assert session.household.model_dump() == before
    assert session.pending == Pending(question_id=question, member=member)  # asked again


def test_a_negative_in_the_opening_story_is_not_stored(engine: DialogueEngine) -> None:
    session = Session.new("s", "wx:n", RegionId("gansu"), "h5")
    said = words(engine.open(session, "我们家-3口人，我今年-5岁"))
    assert session.household.size is None
    assert all(m.age is None for m in session.household.members)
    assert "不会是负数" in said


def test_ranges_with_a_dash_are_still_read(engine: DialogueEngine) -> None:
    session = at(engine, "household_income")
    engine.turn(session, text="每月1000-2000元")
    assert session.household.monthly_income_total == 1500


def test_zero_people_and_impossible_ages_are_named(engine: DialogueEngine) -> None:
    session = Session.new("s", "wx:n", RegionId("gansu"), "h5")
    engine.open(session)
    said = words(engine.turn(session, text="0口人"))
    assert "家里的人数至少是1" in said and session.household.size is None
    session = at(engine, "member_age", 0)
    said = words(engine.turn(session, text="250岁"))
    assert "年龄250岁好像不对" in said and session.household.members[0].age is None
