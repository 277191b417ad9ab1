"""Session 44 (dev openings 31), members an opening adds: an in-law is one of the household when
the same story says their partner lives there too ("跟着闺女女婿过": the son-in-law's illness is
kept as his; one whose partner married out is not); "娃一个上初中一个上小学" is two children."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Session
from guides.ids import RegionId

TODAY = dt.date(2026, 12, 7)


@pytest.fixture
def engine(nlu_backend: IntentParser) -> DialogueEngine:
    return DialogueEngine(nlu_backend, today=lambda: TODAY)


def _ill(engine: DialogueEngine, text: str) -> list[tuple[str | None, bool | None]]:
    session = Session.new("s", "guest:t", RegionId.GANSU, "h5")
    engine.open(session, text)
    members = session.household.members
    return [(m.relation, m.in_law) for m in members if m.has_serious_illness]


def test_the_son_in_law_living_with_the_daughter_and_the_speaker_is_a_member(
    engine: DialogueEngine,
) -> None:
    text = (
        "我今年六十六了，老伴前年走了，我现在跟着闺女女婿过，一家五口，"
        "女婿今年三月份查出来尿毒症，现在一周透析两次，想问问能不能申请医疗救助"
    )
    assert _ill(engine, text) == [("son", True)]


def test_the_son_in_law_of_a_daughter_married_out_is_not(engine: DialogueEngine) -> None:
    text = "我闺女嫁到银川了，女婿去年得了白血病，我一个人在家，想问问低保"
    assert _ill(engine, text) == []


def test_one_child_and_the_other_are_two_children(engine: DialogueEngine) -> None:
    session = Session.new("s", "guest:t", RegionId.SHANXI, "h5")
    engine.open(
        session, "俺们一家四口，俺和俺对象在家种地，娃一个上初中一个上小学，危房改造能申请不"
    )
    stages = sorted(m.school_stage for m in session.household.members if m.school_stage)
    assert stages == ["junior_high", "primary"]
