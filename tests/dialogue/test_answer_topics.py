"""An answer's words are read for the question they are about: another money or property topic
in the same answer is not this question's value, a question's own yes/no words outweigh a
generic 有/好 (and contradicting ones are asked again), and "不是X，是Y" corrects with Y."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.answers import Doubt, Value, parse_answer
from dialogue.engine import DialogueEngine, IntentParser
from dialogue.questions import question_bank
from dialogue.state import Pending, Session, resize_members
from guides.ids import RegionId

TODAY = dt.date(2026, 12, 4)


def answer(question: str, text: str) -> object:
    return parse_answer(question_bank().get(question), text, TODAY)


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("deposits", "存款一分也没有，老伴的退休金两千", Value(0.0)),
        ("deposits", "养老金一千二，存款有五千", Value(5000.0)),
        ("household_income", "每月收入一千八，存款没多少", Value(1800.0)),
        ("houses", "就这一套房，没买车", Value(1)),
        ("houses", "家里没车", None),  # about the car: read as that fact, not as 0 houses
        ("member_income", "退休金三千", Value(3000.0)),  # 养老金/退休金 are income for a member too
    ],
)
def test_amounts_come_from_the_clause_about_the_question(
    question: str, text: str, expected: object
) -> None:
    assert answer(question, text) == expected


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("dangerous_house", "我家这个不算危房", Value(False)),
        ("dangerous_house", "是危房，墙裂了", Value(True)),
        ("has_local_hukou", "户口一直在老家，没迁", Value(False)),
        ("has_local_hukou", "前年就迁来了", Value(True)),
        ("member_serious_illness", "他身体好着哩", Value(False)),
        ("member_serious_illness", "有，透析好几年了", Value(True)),
        # 有 (a supporter) against 管不了 (not a capable one): asked again, not stored
        ("member_supporter", "有个儿子，可他自己都管不了自己", Doubt("yes_and_no")),
    ],
)
def test_a_questions_own_yes_no_words(question: str, text: str, expected: object) -> None:
    assert answer(question, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("不能过", Value(True)),  # a no word negated says yes
        ("将就不了了", Value(True)),  # a no word undone after it
        ("糊口都难", Value(True)),
        ("还能将就", Value(False)),
        ("不算太难", Value(False)),
    ],
)
def test_a_no_word_negated_or_undone_says_yes(text: str, expected: object) -> None:
    assert answer("basic_living", text) == expected


def test_a_thing_denied_is_still_no() -> None:
    # 摩托 does not count as a car: "没有摩托" denies it, it does not say there is a car
    assert answer("vehicles", "没有车，也没有摩托") == Value(False)


def test_a_correction_names_its_fact_and_its_new_value(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("t", "t", RegionId.GANSU)
    session.household.size = 1
    session.pending = Pending(question_id="household_income")
    engine.turn(session, text="刚才存款说错了，不是三万，是三千")
    assert session.household.assets.deposits == 3000
    assert session.household.monthly_income_total is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我们两口子，还有三个孩子", Value(5)),  # a list of the people: counted
        ("我们两口子，还有三个孩子在外地打工", None),  # the others not counted: ask the total
        ("六口，我们两口子加四个老人", Value(6)),
        ("老两口", Value(2)),
    ],
)
def test_a_couple_is_the_household_only_when_nobody_is_added(text: str, expected: object) -> None:
    assert answer("household_size", text) == expected


def test_a_vague_amount_said_with_dont_know_is_dont_know() -> None:
    from dialogue.answers import DONT_KNOW

    assert answer("medical_expense", "花了好几万，记不清了") is DONT_KNOW


def test_departed_and_paired_relations_are_not_members(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    for text in ("我八十了，老头子走得早，就我一个", "我们娘儿俩"):
        session = Session.new("t", "t", RegionId.GANSU)
        session.pending = Pending(question_id="household_size")
        engine.turn(session, text=text)
        relations = [m.relation for m in session.household.members[1:]]
        assert "spouse" not in relations and "parent" not in relations, (text, relations)


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("deposits", "存款嘛没有", Value(0.0)),  # the topic first, then "none"
        ("securities", "那些都没有", Value(0.0)),
        ("household_income", "收入一点都没有", Value(0.0)),
        ("any_veteran", "我们家没人当兵", Value(False)),
        ("vehicles", "只有辆电瓶车", Value(False)),  # not a car
        ("registered_business", "执照去年注销了", Value(False)),
    ],
)
def test_everyday_ways_of_saying_none(question: str, text: str, expected: object) -> None:
    assert answer(question, text) == expected


def test_an_age_said_to_how_many_people_is_asked_back_and_kept_as_the_age(
    nlu_backend: IntentParser,
) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("t", "t", RegionId.GANSU)
    session.pending = Pending(question_id="household_size")
    said = engine.turn(session, text="我今年五十八岁")
    assert session.household.size is None  # not a household of 58
    assert session.household.members[0].age == 58
    assert session.pending is not None and session.pending.question_id == "household_size"
    assert said


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("member_age", "去年刚满二十", Value(20)),
        ("member_age", "五十出头吧", Value(52, is_estimate=True)),  # 50..54, a guess
        ("member_relation", "孩子他爸", Value("spouse")),
        ("has_residence_permit", "一直没顾上去", Value(False)),
    ],
)
def test_ages_relations_and_not_yet(question: str, text: str, expected: object) -> None:
    assert answer(question, text) == expected


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("relapse_monitoring", "镇上说我家算监测户", Value(True)),
        ("relapse_monitoring", "我们不算监测户", Value(False)),
        ("relative_official", "我哥是村干部", Value(True)),
        ("relative_official", "家里不认识什么工作人员", Value(False)),
    ],
)
def test_the_questions_subject_said_plainly(question: str, text: str, expected: object) -> None:
    assert answer(question, text) == expected


def test_the_kind_and_grade_said_with_a_disability_yes(nlu_backend: IntentParser) -> None:
    """ "有残疾证，听力的，三级" to 有残疾证吗: the kind is of the same topic, so the grade said
    with the yes is kept too (the kind once made the answer look like another topic's)."""
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("t", "t", RegionId.GANSU)
    session.household.size = 2
    resize_members(session.household, 2)
    session.household.members[1].relation = "spouse"
    session.members_closed = True
    session.pending = Pending(question_id="member_disability", member=1)
    engine.turn(session, text="有残疾证，听力的，三级")
    spouse = session.household.members[1]
    assert (spouse.has_disability, spouse.disability_grade, spouse.disability_kind) == (
        True,
        3,
        "hearing",
    )


def test_a_motorbike_is_not_a_car_and_no_doubt_is_raised() -> None:
    vehicles = question_bank().get("vehicles")
    assert parse_answer(vehicles, "有辆摩托车", TODAY) == Value(False)
    assert parse_answer(vehicles, "有辆三轮车", TODAY) == Value(False)
    assert parse_answer(vehicles, "有辆车", TODAY) == Value(True)
    assert parse_answer(vehicles, "有个摩托，还有辆面包车", TODAY) == Value(True)
