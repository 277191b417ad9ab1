"""Each member's part of a household income answer is theirs too (特困 asks a member's own
income): "老伴养老金一百多，我打零工一个月六七百". Not when nobody is named, nor a sum of two."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Pending, Session
from guides.household import Member
from guides.ids import RegionId


def _answered(nlu_backend: IntentParser, text: str) -> Session:
    engine = DialogueEngine(nlu_backend, today=lambda: dt.date(2026, 12, 7))
    session = Session.new("s", "wx:income", RegionId.GANSU)
    engine.open(session)
    session.household.size = 2
    session.household.members = [Member(relation="self"), Member(relation="spouse")]
    session.consent = True
    session.pending = Pending(question_id="household_income")
    engine.turn(session, text=text)
    return session


def test_each_part_named_is_that_members(nlu_backend: IntentParser) -> None:
    session = _answered(nlu_backend, "老伴养老金一百多，我打零工一个月一千来块")
    own = [m.monthly_income for m in session.household.members]
    assert own == [1000, 150]
    assert session.household.monthly_income_total == 1150


@pytest.mark.parametrize(
    "text",
    [
        "去年一年卖洋芋挣了八千",  # the household's, nobody named
        "我俩养老金加一块不到八百",  # a sum of two
    ],
)
def test_no_part_when_nobody_owns_it_alone(nlu_backend: IntentParser, text: str) -> None:
    session = _answered(nlu_backend, text)
    assert [m.monthly_income for m in session.household.members] == [None, None]
    assert session.household.monthly_income_total is not None
