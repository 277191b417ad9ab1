"""Everyone's age in one question ("家里每个人多大岁数？") while two ages or more are open.

Dev conversations ended with 特困 还需了解 in 32 of 66 wrong outcomes, mostly because a
working-age household's ages were never asked: one question per member did not fit the budget.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.ending import display
from dialogue.engine import DialogueEngine, IntentParser
from dialogue.policy import is_open
from dialogue.questions import question_bank
from dialogue.scripting import Script, persona_answer
from dialogue.state import Pending, Session
from guides.household import Member
from guides.ids import RegionId
from tests.dialogue.sessions import family

AGES = "member_ages"


def _three_unnamed(engine: DialogueEngine) -> Session:
    session = Session.new("s", "wx:ages", RegionId.NINGXIA, "h5")
    engine.open(session)
    engine.turn(session, text="3口人")
    session.pending = Pending(question_id=AGES)
    return session


def _relations_and_ages(session: Session) -> list[tuple[str | None, int | None]]:
    return [(m.relation, m.age) for m in session.household.members]


def test_ages_said_with_who_name_the_members_counted(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend)
    session = _three_unnamed(engine)
    engine.turn(session, text="我27，老公29，儿子3岁")
    assert _relations_and_ages(session) == [("self", 27), ("spouse", 29), ("son", 3)]
    engine.turn(session, text="上一个")  # taken back with the answer: relations too
    assert session.question_ref == AGES
    assert _relations_and_ages(session) == [("self", None), (None, None), (None, None)]


def test_bare_ages_go_in_order_only_when_one_each(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend)
    session = _three_unnamed(engine)
    engine.turn(session, text="27、29、3")
    assert [m.age for m in session.household.members] == [27, 29, 3]

    session = _three_unnamed(engine)
    engine.turn(session, text="27，29")  # two numbers for three people: whose is which?
    assert [m.age for m in session.household.members] == [None, None, None]
    assert session.question_ref == AGES  # asked again


def test_asked_of_everyone_only_while_two_ages_are_open() -> None:
    question = question_bank().get(AGES)
    session = family(["self", "spouse", "son"], Pending(question_id="household_size"))
    assert is_open(session, question, None)
    session.household.members[0].age = 40
    session.household.members[1].age = 38
    assert not is_open(session, question, None)  # one left: asked of that member alone


def test_a_persona_answers_with_each_members_own_words() -> None:
    script = Script.model_validate(
        {
            "name": "ages",
            "region": "gansu",
            "about": "a couple in their fifties",
            "persona": {
                "member_relation": ["我自己", "老汉 我男人"],
                "member_age": ["五十三", "五十七 属猴的"],
            },
            "steps": [],
        }
    )
    session = Session.new("s", "wx:ages", RegionId.GANSU)
    session.household.members = [Member(relation="self"), Member(relation="spouse")]
    assert persona_answer(script, Pending(question_id=AGES), session) == "我五十三，老汉五十七"


def test_the_summary_says_each_age(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend)
    session = _three_unnamed(engine)
    engine.turn(session, text="我27，老公29，儿子3岁")
    shown = display(session, AGES, None, question_bank())
    assert shown == "您27岁，您老伴29岁，您儿子3岁"


@pytest.mark.parametrize(
    ("stages", "expected"),
    [
        (("primary", "junior_high"), [10, 14]),  # the elder is the one at junior high
        (("junior_high", "primary"), [14, 10]),
        # nothing tells the two apart: either is the elder, the household is the same
        (("primary", "primary"), [14, 10]),
    ],
)
def test_ages_by_birth_order_go_to_the_children_by_school_stage(
    nlu_backend: IntentParser, stages: tuple[str, str], expected: list[int | None]
) -> None:
    """ "大的十四，小的十岁" with two children of unsaid sex read from the opening as "一个上初中
    一个上小学": the elder's age goes to the one at the higher school stage."""
    session = Session.new("s", "wx:t", RegionId.JINAN_LICHENG)
    session.household.size = 4
    session.household.members = [
        Member(relation="self"),
        Member(relation="spouse"),
        *(Member(school_stage=stage) for stage in stages),  # type: ignore[arg-type]
    ]
    session.pending = Pending(question_id="member_ages")
    DialogueEngine(nlu_backend, today=lambda: dt.date(2026, 12, 7)).turn(
        session, "俺四十一，俺男的四十三，大的十四，小的十岁"
    )
    ages = [m.age for m in session.household.members]
    assert ages == [41, 43, *expected]


def test_ages_by_birth_order_go_to_two_members_nothing_tells_apart(
    nlu_backend: IntentParser,
) -> None:
    """ "带着两个孙子过" then 四口 leaves two blank members: "大的十二 小的九岁" gives them their ages
    (before: nothing stored, and each age asked again). Played conversation, session 48."""
    session = Session.new("s", "wx:t", RegionId.GANSU)
    session.household.size = 4
    session.household.members = [
        Member(relation="self", age=68),
        Member(relation="spouse", age=71),
        Member(),
        Member(),
    ]
    session.pending = Pending(question_id="member_ages")
    DialogueEngine(nlu_backend, today=lambda: dt.date(2026, 12, 7)).turn(
        session, "大的十二 小的九岁"
    )
    assert [m.age for m in session.household.members] == [68, 71, 12, 9]


def test_birth_order_is_not_placed_on_members_told_apart(nlu_backend: IntentParser) -> None:
    session = Session.new("s", "wx:t", RegionId.GANSU)
    session.household.size = 4
    session.household.members = [
        Member(relation="self", age=68),
        Member(relation="spouse", age=71),
        Member(relation="grandchild"),
        Member(relation="son"),
    ]
    session.pending = Pending(question_id="member_ages")
    DialogueEngine(nlu_backend, today=lambda: dt.date(2026, 12, 7)).turn(
        session, "大的十二 小的九岁"
    )
    assert [m.age for m in session.household.members][2:] == [None, None]
