"""Answers dev batch 13 (written by a helper from their own reading) found read wrongly or not
at all; the wording here is mine: a no with the question's own words (没有，都好好的), a
question back (啥叫监测户？), a son's car, the spouse as the subject of an answer, an age
counted 虚岁, a number corrected within the answer, a couple and more people listed, a part of
the income, a 危房 graded C, a migrant worker following a 包工头, a pupil who stopped school."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.answers import Doubt, Value, parse_answer
from dialogue.questions import question_bank
from nlu.facts import read_facts

TODAY = dt.date(2025, 6, 1)


def answer(question: str, text: str) -> object:
    return parse_answer(question_bank().get(question), text, TODAY)


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("any_disability", "没有，都好好的", Value(False)),
        ("relapse_monitoring", "啥叫监测户？", None),
        ("vehicles", "儿子有个车，在兰州开网约车哩", Value(True)),
        ("vehicles", "三轮车有一辆，汽车买不起", Value(False)),
        ("household_size", "三个，哦不对，四个，把孙子忘了", Value(4)),
        ("household_size", "就俺们老两口，儿子，再加个小孙子", Value(4)),  # the list: four, not two
        ("dangerous_house", "村里来人看过，说是C级", Value(True)),
        ("member_employment", "在新疆摘棉花，跟着包工头干", Value("migrant_worker")),
        ("member_employment", "在家看孙子做饭，别的啥也不干", Value("unable_to_work")),
        ("member_study_status", "念了一半不念了", Value("dropped_out")),
    ],
)
def test_answers_said_the_everyday_way(question: str, text: str, expected: object) -> None:
    got = answer(question, text)
    if expected is None:
        assert got is None
    else:
        assert isinstance(got, Value) and isinstance(expected, Value)
        assert got.value == expected.value


def test_an_income_said_to_leave_a_part_out_is_asked_for_whole() -> None:
    """ "…儿子打工挣的另算": the doubt that says it is only a part, and asks for the total."""
    got = answer("household_income", "地里刨食，一年能落个两万多，儿子打工挣的另算")
    assert isinstance(got, Doubt) and got.kind == "only_part"


def test_an_age_counted_from_one_at_birth() -> None:
    got = answer("member_age", "七十三，虚岁")
    assert isinstance(got, Value) and got.value == 72


def test_the_spouse_as_the_subject_of_an_answer() -> None:
    facts = {(f.name, f.value, f.who) for f in read_facts("老汉去年查出来是胃癌", TODAY).facts}
    assert ("members.serious_illness_kind", "tumor", "spouse") in facts


def test_a_question_back_states_no_status() -> None:
    assert not read_facts("啥叫监测户？", TODAY).facts


def test_a_child_word_in_an_answer_about_a_child_is_that_child(nlu_backend) -> None:  # type: ignore[no-untyped-def]
    """ "娃才七岁，上一年级" asked about the grandchild: the school stage is the grandchild's."""
    from dialogue.engine import DialogueEngine
    from dialogue.state import Pending, Session

    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", "gansu")
    engine.open(session)
    engine.turn(session, text="三口人，我、老伴和孙子")
    grandchild = next(
        i for i, m in enumerate(session.household.members) if m.relation == "grandchild"
    )
    session.pending = Pending(question_id="member_age", member=grandchild)
    engine.turn(session, text="娃才七岁，上一年级")
    member = session.household.members[grandchild]
    assert (member.age, member.school_stage) == (7, "primary")
