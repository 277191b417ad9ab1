"""An answer to 几口人 that names more people than it counts ("就额们老两口 儿子在兰州自己过":
two) does not make the ones living elsewhere members (before, the son was added: three)."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.state import Pending, Session
from guides.ids import RegionId


def test_a_son_living_on_his_own_is_not_counted(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: dt.date(2026, 12, 6))
    session = Session.new("s", "wx:test", RegionId.GANSU)
    engine.open(session, "家里着火了，粮食全烧了")
    session.pending = Pending(question_id="household_size")
    engine.turn(session, text="就额们老两口 儿子在兰州自己过")
    assert session.household.size == 2
    assert len(session.household.members) == 2
    assert "son" not in [m.relation for m in session.household.members]


@pytest.mark.parametrize(
    ("said", "relations"),
    [
        ("四口 俺俩加俩孩子", ["self", "spouse", None, None]),  # the children's parents
        ("三口 我们俩带着孩子", ["self", "spouse", None]),
        (
            "两口 我和我妈 我俩相依为命",
            ["self", "parent"],
        ),  # 我俩 with a mother named: not a couple
    ],
)
def test_we_two_with_the_children_are_a_couple(
    nlu_backend: IntentParser, said: str, relations: list[str | None]
) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: dt.date(2026, 12, 7))
    session = Session.new("s", "wx:test", RegionId.JINAN_LICHENG)
    engine.open(session)
    session.pending = Pending(question_id="household_size")
    engine.turn(session, text=said)
    assert [m.relation for m in session.household.members] == relations
