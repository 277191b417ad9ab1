"""The chat's result carries the guide's own notes (办理提示), as `guides screen` prints them:
Ningxia's pilot status and Licheng's 集中申报日 must reach a citizen who chats (issue 11)."""

from __future__ import annotations

import datetime as dt

from dialogue.ending import result_reply
from dialogue.replies import ResultReply, reply_text
from dialogue.state import Session
from guides.household import Household
from guides.screening.engine import screen


def _reply(region: str) -> ResultReply:
    household = Household.model_validate({"region": region})
    session = Session(id="t", owner="wx:t", region=region, household=household)
    return result_reply(session, screen(household, on=dt.date(2026, 12, 4)))


def test_ningxia_result_says_the_one_application_is_still_a_pilot() -> None:
    reply = _reply("ningxia")
    assert any("试点" in note for note in reply.notes)
    assert any("试点" in line for line in reply_text(reply).splitlines())


def test_each_region_result_carries_every_guide_note() -> None:
    for region in ("gansu", "ningxia", "shanxi", "jinan-licheng"):
        household = Household.model_validate({"region": region})
        result = screen(household, on=dt.date(2026, 12, 4))
        assert result.notes, region
        assert _reply(region).notes == list(result.notes), region
