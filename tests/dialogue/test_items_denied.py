"""An item's word denied in an answer ("不是危房，就是旧") is no wish for that item: nothing is
noted ("帮您重点看看：农村危房改造" would say the opposite), while "是危房" still is."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.replies import reply_text
from dialogue.state import Pending
from guides.ids import ItemId, RegionId
from nlu.lexicon import items_not_denied
from tests.dialogue.sessions import family


@pytest.fixture
def engine(nlu_backend: IntentParser) -> DialogueEngine:
    return DialogueEngine(nlu_backend, today=lambda: dt.date(2026, 12, 7))


@pytest.mark.parametrize("text", ["不是危房，就是旧", "俺家不是低保户"])
def test_a_denied_item_is_not_noted(engine: DialogueEngine, text: str) -> None:
    session = family(["self", "spouse"], Pending(question_id="member_ages"))
    session.region = RegionId.SHANXI
    replies = [reply_text(r) for r in engine.turn(session, text)]
    assert not session.items
    assert not any("重点看看" in r for r in replies)


def test_an_item_said_plainly_is_still_found() -> None:
    assert items_not_denied("房子是危房，不是低保户") == [ItemId.RURAL_HOUSING_RENOVATION]
    assert items_not_denied("不是低保户，能办临时救助吗") == [ItemId.TEMPORARY_AID]
