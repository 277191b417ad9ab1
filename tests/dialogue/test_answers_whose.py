"""Whose fact an answer to a household question states: a relative of a member ("儿子的媳妇",
"儿子…他媳妇") is placed from the speaker's side, never as the speaker's own spouse; a member
named only as the owner of another ("老伴的爹当过兵") or beside the one the fact is about is not
given the fact; a car had once and scrapped is not a car now."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.answers import parse_answer
from dialogue.engine import DialogueEngine, IntentParser
from dialogue.questions import question_bank
from dialogue.state import Pending
from nlu.facts import read_facts
from tests.dialogue.sessions import family

TODAY = dt.date(2025, 6, 1)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("闺女的丈夫得了肝癌", "son"),  # 女婿: 子/婿 on the form
        ("儿子在城里上班，他媳妇查出了乳腺癌", "daughter"),  # 儿媳: 女/媳
        ("老伴的妹妹得了白血病", "other"),
    ],
)
def test_a_relative_of_a_member_is_placed_from_the_speakers_side(text: str, who: str) -> None:
    said = {f.who for f in read_facts(text, TODAY).facts if f.name == "members.has_serious_illness"}
    assert said == {who}


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("any_serious_illness", "儿子的媳妇得了癌"),
        ("any_serious_illness", "儿子出去打工了，他媳妇住院了，尿毒症"),
        ("any_veteran", "老伴她爸当过兵"),
    ],
)
def test_no_member_named_only_as_an_owner_gets_the_fact(
    nlu_backend: IntentParser, question: str, text: str
) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = family(["self", "spouse", "son", "grandchild"], Pending(question_id=question))
    before = session.household.model_dump()
    engine.turn(session, text=text)
    after = session.household.model_dump()
    # the illness or service is nobody's of these three ("儿子出去打工了" is the son's work)
    told = ("has_serious_illness", "serious_illness_kind", "is_veteran")
    assert [{k: m[k] for k in told} for m in after["members"][:3]] == [
        {k: m[k] for k in told} for m in before["members"][:3]
    ]


def test_a_car_had_once_and_scrapped_is_not_one_now() -> None:
    got = parse_answer(question_bank().get("vehicles"), "有过，开了几年卖废品了", TODAY)
    assert got is None or getattr(got, "value", None) is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("有一套，可那是厂里的", "rented_not_owned"),  # the house said is not ours: asked
        ("一套我们自己的，另一套是公家的", 1),
    ],
)
def test_a_house_that_is_not_ours_is_not_counted(text: str, expected: object) -> None:
    got = parse_answer(question_bank().get("houses"), text, TODAY)
    assert getattr(got, "kind", None) == expected or getattr(got, "value", None) == expected
