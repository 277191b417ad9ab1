"""Numbers and words in an answer that do not state the pending fact are not stored: what would
be ("要是…"), money paid out, a relative's own family, an answer that differs by member, a
consent given in part. Asked back instead, the earlier answers kept; what is stated is read."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.answers import Doubt, Value, parse_answer
from dialogue.engine import DialogueEngine, IntentParser
from dialogue.prompts import DOUBTS
from dialogue.questions import question_bank
from dialogue.state import Pending, Session
from guides.ids import RegionId
from nlu.answers import parse_consent
from nlu.numbers import parse_count

TODAY = dt.date(2025, 6, 1)


def answer(question: str, text: str) -> object:
    return parse_answer(question_bank().get(question), text, TODAY)


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("household_income", "如果闺女每月给钱，能有一千五，不给就剩养老金"),
        ("deposits", "假如把老伴的也算上，有个五万"),
        ("member_income", "要是天天有活干一个月能挣四千"),
        ("housing_area", "要是把院子也算上得有两百平"),
    ],
)
def test_a_supposed_number_is_asked_back(question: str, text: str) -> None:
    got = answer(question, text)
    assert isinstance(got, Doubt) and got.kind == "supposed" and "supposed" in DOUBTS


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("vehicles", "要是有钱早买了，没有", Value(False)),
        ("member_labour_ability", "如果身体好还能干，现在干不了了", Value("lost")),
        ("member_wants_training", "要是不收钱的话，想去学", Value(True)),  # a wish, said now
        ("household_income", "如果说收入的话，一个月一千二", Value(1200.0)),  # names the topic
    ],
)
def test_what_is_stated_beside_a_supposition_is_read(
    question: str, text: str, expected: object
) -> None:
    assert answer(question, text) == expected


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("household_income", "一个月水费电费得二百多"),
        ("deposits", "上个月交暖气费交了两千"),
        ("household_income", "光药费一个月就五六百"),
    ],
)
def test_money_paid_out_is_not_income_or_savings(question: str, text: str) -> None:
    got = answer(question, text)
    assert isinstance(got, Doubt) and got.kind == "cost_not_amount" and "cost_not_amount" in DOUBTS


def test_money_paid_out_beside_the_amount_leaves_the_amount() -> None:
    assert answer("household_income", "一个月药费三百，收入也就一千二") == Value(
        1200.0, is_estimate=True
    )


def test_amounts_per_person_with_the_period_said_once_add_up_per_month() -> None:
    got = answer("household_income", "老伴退休金两千，我一年种地挣六千")
    assert isinstance(got, Value) and got.value == 2500
    got = answer("household_income", "我低保三百多，老伴一个月打工挣一千")
    assert isinstance(got, Value) and 1300 <= got.value <= 1400


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("闺女一家四口在城里，家里就我一个人", 1),
        ("就老两口，儿子他们家三口人另住", 2),
        ("我们一家三口", 3),
        ("我跟我儿子两个", 2),
    ],
)
def test_a_relatives_own_family_is_not_the_household(text: str, size: int) -> None:
    assert parse_count(text) == size or answer("household_size", text) == Value(size)


def test_members_read_with_another_size_are_not_stored(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    session.pending = Pending(question_id="household_size")
    engine.turn(session, text="就我跟老伴俩，闺女一家三口住对门")
    assert session.household.size == 2
    assert all(m.relation != "daughter" for m in session.household.members)


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("has_local_hukou", "我的在本县，我老伴的在甘谷"),
        ("hukou_type", "我是城镇的，老伴还是农村的"),
        ("has_residence_permit", "我办了，儿子没办"),
    ],
)
def test_a_household_answer_that_differs_by_member_is_asked_back(question: str, text: str) -> None:
    got = answer(question, text)
    assert isinstance(got, Doubt) and got.kind == "differs_by_member"
    assert "differs_by_member" in DOUBTS


def test_the_same_answer_for_each_member_is_kept() -> None:
    assert answer("has_local_hukou", "我在本地，老伴也在") == Value(True)


def test_a_grade_rated_again_is_the_new_grade() -> None:
    assert answer("member_disability_grade", "以前是四级，前年重新评为三级") == Value(3)


@pytest.mark.parametrize(
    ("text", "consent"),
    [
        ("查我们老两口可以，孩子的别查", None),  # in part: the check covers the household
        ("查我可以", True),
        ("别查", False),
    ],
)
def test_consent_given_in_part_is_none(text: str, consent: bool | None) -> None:
    assert parse_consent(text) is consent


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("household_income", "一天一百，可一个月也干不了几天"),
        ("member_income", "打零工一天七十，有活干几天算几天"),
    ],
)
def test_a_days_pay_with_few_days_asks_how_many(question: str, text: str) -> None:
    got = answer(question, text)
    assert isinstance(got, Doubt) and got.kind == "days_unsure" and "days_unsure" in DOUBTS


def test_a_days_pay_with_the_days_said_is_counted() -> None:
    got = answer("member_income", "一天一百，一个月能干二十天")
    assert isinstance(got, Value) and got.value == 2000


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("自己盖的两层，一层九十平", 180.0),
        ("楼房三层，每层五十平方", 150.0),
        ("两间房，一间十来平", 20.0),
        ("三间土坯房，一间二十平米", 60.0),
        ("一间四十平", 40.0),
    ],
)
def test_floors_of_the_same_size_add_up(text: str, area: float) -> None:
    got = answer("housing_area", text)
    assert isinstance(got, Value) and got.value == area


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("dangerous_house", "不算危房吧，就是墙裂了"),  # the question's own yes and no words
        ("vehicles", "有是有，可那是农用车"),  # 有 says yes, the question's words say no
    ],
)
def test_yes_and_no_both_said_is_asked_back(question: str, text: str) -> None:
    got = answer(question, text)
    assert isinstance(got, Doubt) and got.kind == "yes_and_no" and "yes_and_no" in DOUBTS


def test_yes_and_no_both_said_stores_nothing_read(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    session.pending = Pending(question_id="dangerous_house")
    engine.turn(session, text="不算危房，就是老漏雨")
    assert session.household.housing.is_dangerous_house is None
    assert session.pending == Pending(question_id="dangerous_house")


def test_a_hukou_moved_back_is_local_now() -> None:
    assert answer("has_local_hukou", "原先在外省，去年迁回来了") == Value(True)


@pytest.mark.parametrize(
    ("text", "relation"),
    [("孙女她妈", None), ("儿子他媳妇", "daughter"), ("我儿子，他在外面打工", "son")],
)
def test_a_relatives_relative_linked_by_a_pronoun(text: str, relation: str | None) -> None:
    from nlu.lexicon import parse_relation

    assert parse_relation(text) == relation


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("relative_official", "俺侄子是村会计，这算不算"),
        ("any_veteran", "老伴当过民兵，算不算"),
    ],
)
def test_an_answer_that_asks_whether_it_counts_is_asked_back(question: str, text: str) -> None:
    assert not isinstance(answer(question, text), Value)


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("has_local_hukou", "有个三轮车"),
        ("has_local_hukou", "有辆摩托车"),
        ("applies_at_residence", "有一间老房子"),
    ],
)
def test_owning_a_thing_is_no_yes_to_a_question_that_asks_no_has(question: str, text: str) -> None:
    # "有个三轮车" to 户口在本地吗 tells another fact; taken as 在 it was a wrong fact
    assert answer(question, text) is None


@pytest.mark.parametrize(
    ("question", "text"), [("has_local_hukou", "有"), ("has_local_hukou", "有，在本地")]
)
def test_a_bare_you_still_answers_yes(question: str, text: str) -> None:
    assert answer(question, text) == Value(True)


@pytest.mark.parametrize("text", ["不能 腿疼干不了活", "不行，干不动了"])
def test_cannot_is_no_answer_to_whether_there_is_a_supporter(text: str) -> None:
    # an ability denied answers another question; taken as 没有赡养人 it favoured 特困 wrongly
    assert answer("member_legal_supporter", text) is None


def test_a_plain_no_still_answers_whether_there_is_a_supporter() -> None:
    assert answer("member_legal_supporter", "没有") == Value(False)
