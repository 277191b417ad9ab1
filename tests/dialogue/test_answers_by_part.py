"""Answers made of parts: income from several sources or costs of several things add up, a
total said wins, a cost paid per visit counts the visits; an answer about the member asked
leaves out what the speaker says of themself; a school stage said as a grade is read, the
next stage is not the current one."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.answers import Doubt, Value, parse_answer
from dialogue.engine import DialogueEngine, IntentParser
from dialogue.prompts import DOUBTS
from dialogue.questions import question_bank
from dialogue.state import Pending
from tests.dialogue.sessions import family

TODAY = dt.date(2025, 6, 1)


def answer(question: str, text: str, **kw: bool) -> object:
    return parse_answer(question_bank().get(question), text, TODAY, **kw)


@pytest.mark.parametrize(
    ("question", "text", "value"),
    [
        ("household_income", "退休金一千八，低保二百", 2000.0),
        ("household_income", "种地一年六千，打零工一个月八百", 1300.0),
        ("household_income", "养老金八百，低保四百，一共一千二", 1200.0),  # the total said
        ("household_income", "一千五，其中养老金一千", 1500.0),  # a part of the whole
        ("household_income", "一个月一千，一年一万二", 1000.0),  # said twice, not added
        ("education_expense", "学费一年四千，住宿费八百", 4800.0),
        ("medical_expense", "住院花了一万，门诊又花了两千", 12000.0),
    ],
)
def test_parts_add_up(question: str, text: str, value: float) -> None:
    got = answer(question, text)
    assert isinstance(got, Value) and got.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("question", "text", "value"),
    [
        ("rehabilitation_expense", "做康复一次一百五，一个月去八次", 14400.0),
        ("medical_expense", "透析每次三百，一周两次", 31200.0),
    ],
)
def test_a_cost_per_visit_counts_the_visits(question: str, text: str, value: float) -> None:
    got = answer(question, text)
    assert isinstance(got, Value) and got.value == pytest.approx(value)


def test_a_cost_per_visit_without_how_often_is_asked_back() -> None:
    got = answer("rehabilitation_expense", "针灸一次八十")
    assert isinstance(got, Doubt) and got.kind == "per_visit" and "per_visit" in DOUBTS


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("member_income", "他没收入，我一个月有一千五", Value(0.0)),
        ("member_disability", "我是三级残疾，他没有证", Value(False)),
        ("member_age", "我七十二，她六十九", Value(69)),
    ],
)
def test_what_the_speaker_says_of_themself_is_not_the_members(
    question: str, text: str, expected: object
) -> None:
    assert answer(question, text, of_another=True) == expected


def test_the_speaker_asked_about_keeps_their_clause(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = family(["self", "spouse"], Pending(question_id="member_income", member=1))
    household = session.household
    engine.turn(session, text="她没有，我有退休金两千")
    assert household.members[1].monthly_income == 0
    session.pending = Pending(question_id="member_income", member=0)
    engine.turn(session, text="我有退休金两千")
    assert household.members[0].monthly_income == 2000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("读四年级，后年上初中", Value("primary")),  # a grade: 小学
        ("下半年就上幼儿园", Doubt("next_stage")),  # and now?
        ("初二，明年升初三", Value("junior_high")),
    ],
)
def test_the_stage_now_not_the_next(text: str, expected: object) -> None:
    assert answer("member_school_stage", text) == expected


def test_houses_after_a_relocation_are_the_ones_now() -> None:
    assert answer("houses", "原来有一处老院子，拆迁以后分了两套") == Value(2)


@pytest.mark.parametrize(
    ("text", "value"),
    [("存折上两万，卡里还有三千", 23000.0), ("银行定期一万，手头现金两千", 12000.0)],
)
def test_savings_kept_in_several_places_add_up(text: str, value: float) -> None:
    got = answer("deposits", text)
    assert isinstance(got, Value) and got.value == value


def test_the_age_said_of_the_member_asked_wins(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = family(["self", "son", "grandchild"], Pending(question_id="member_age", member=1))
    household = session.household
    engine.turn(session, text="儿子三十二，孙子才五岁")
    assert household.members[1].age == 32
