"""A household-wide question answered "the one named has it, everyone else has not" ("孙子有，一级的，
别人都没有"): the member named keeps their yes (and the grade said with it), everyone else gets
the no, and a member whose yes could not be read gets no no either."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Pending
from tests.dialogue.sessions import family

TODAY = dt.date(2025, 6, 1)
MEMBERS = ["self", "spouse", "son", "grandchild"]


def _answered(nlu: IntentParser, question: str, text: str) -> list[dict[str, object]]:
    engine = DialogueEngine(nlu, today=lambda: TODAY)
    session = family(MEMBERS, Pending(question_id=question))
    engine.turn(session, text=text)
    return [m.model_dump() for m in session.household.members]


@pytest.mark.parametrize(
    ("question", "text", "fact", "named", "extra"),
    [
        ("any_disability", "孙子是脑瘫，办了一级的证，别人都没有", "has_disability", 3, {"disability_grade": 1}),
        ("any_disability", "就孙子有，别人都没有", "has_disability", 3, {}),
        ("any_disability", "我男人有，三级，其他人都没有", "has_disability", 1, {"disability_grade": 3}),
        ("any_disability", "我自己有，四级，别人都没有", "has_disability", 0, {"disability_grade": 4}),
        ("any_serious_illness", "老伴尿毒症，别的都没啥病", "has_serious_illness", 1, {}),
        ("any_veteran", "老伴当过兵，别人都没当过", "is_veteran", 1, {}),
    ],
)  # fmt: skip
def test_the_member_named_has_it_and_everyone_else_has_not(
    nlu_backend: IntentParser,
    question: str,
    text: str,
    fact: str,
    named: int,
    extra: dict[str, object],
) -> None:
    members = _answered(nlu_backend, question, text)
    assert members[named][fact] is True
    for name, value in extra.items():
        assert members[named][name] == value
    others = [m[fact] for i, m in enumerate(members) if i != named]
    assert others == [False] * (len(MEMBERS) - 1)


def test_a_no_for_the_one_named_and_for_everyone_else_is_everyones_no(
    nlu_backend: IntentParser,
) -> None:
    members = _answered(nlu_backend, "any_disability", "孙子也没有，别人都没有")
    assert [m["has_disability"] for m in members] == [False] * len(MEMBERS)


def test_everyone_else_is_not_the_one_named_whose_yes_was_not_read(
    nlu_backend: IntentParser,
) -> None:
    members = _answered(nlu_backend, "any_job_seeker", "儿子想去学个挖掘机，别的没有")
    assert members[2]["wants_training"] is not False and members[2]["wants_job"] is not False
