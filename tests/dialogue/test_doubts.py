"""A number that does not fit the question is asked back, never stored."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.answers import Doubt, Value, parse_answer
from dialogue.engine import DialogueEngine, IntentParser
from dialogue.prompts import DOUBTS
from dialogue.questions import question_bank
from dialogue.replies import reply_text
from dialogue.state import Pending, Session
from guides.ids import RegionId

TODAY = dt.date(2025, 6, 1)


@pytest.mark.parametrize(
    ("question", "text", "kind"),
    [
        ("household_size", "今年我29岁", "age_not_size"),
        ("household_size", "100", "size_impossible"),
        ("household_size", "0", "size_zero"),
        ("houses", "三间土坯房", "rooms_not_houses"),
        ("houses", "80平", "area_not_houses"),
        ("housing_area", "三间土坯房，不知道多少平米", "rooms_not_area"),
        ("household_income", "-500", "negative"),
        ("member_age", "250岁", "age_impossible"),
        ("member_age", "他比我小两岁", "relative_age"),
        ("member_age", "110105194912310021", "id_checksum"),
        ("member_disability_grade", "五级", "grade_impossible"),
    ],
)
def test_doubtful_numbers_are_asked_back(question: str, text: str, kind: str) -> None:
    answer = parse_answer(question_bank().get(question), text, TODAY)
    assert isinstance(answer, Doubt) and answer.kind == kind
    assert kind in DOUBTS


@pytest.mark.parametrize(
    ("question", "text", "value"),
    [
        ("household_size", "三口人", 3),
        ("houses", "一套也没有", 0),
        ("houses", "两套，一套是拆迁分的", 2),
        ("housing_area", "八十平", 80),
        ("member_age", "六十八了", 68),
        ("deposits", "五十多万", 550_000),
    ],
)
def test_fitting_numbers_are_kept(question: str, text: str, value: float) -> None:
    answer = parse_answer(question_bank().get(question), text, TODAY)
    assert isinstance(answer, Value) and answer.value == value


@pytest.mark.parametrize(
    ("text", "why"),
    [("-500", "负数"), ("要是儿子寄钱能有三千", "要是"), ("电费一个月八十都交不起", "花出去")],
)
def test_a_doubt_keeps_earlier_answers_and_stores_nothing(
    nlu_backend: IntentParser, text: str, why: str
) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    engine.open(session)
    engine.turn(session, text="三口人")
    before = session.household.model_dump()
    session.pending = Pending(question_id="household_income")
    replies = engine.turn(session, text=text)
    assert why in reply_text(replies[0])
    assert session.household.model_dump() == before
    assert session.pending == Pending(question_id="household_income")


def test_an_income_source_without_amount_asks_how_much() -> None:
    answer = parse_answer(question_bank().get("household_income"), "就靠那点养老金", TODAY)
    assert answer == Doubt("how_much", "养老金")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("租的两间房", "rented_not_owned"),  # rooms rented: not houses owned, and not 2
        ("就俩窑洞", "caves_not_houses"),  # caves are the rooms of one home
    ],
)
def test_rooms_rented_or_caves_are_not_a_count_of_houses(text: str, kind: str) -> None:
    answer = parse_answer(question_bank().get("houses"), text, TODAY)
    assert isinstance(answer, Doubt) and answer.kind == kind
    assert kind in DOUBTS


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("没有房，租的一间平房", 0),  # the count is read from the clauses about homes owned
        ("一间都没有", 0),
        ("老家有个院子，城里租房住", 1),
        ("一套自己住，一套出租", 2),  # one let out is still owned
        ("两套房，不对，一套，另一套早卖了", 1),  # mended, and the one sold is not counted
    ],
)
def test_houses_are_counted_from_the_homes_owned(text: str, value: int) -> None:
    answer = parse_answer(question_bank().get("houses"), text, TODAY)
    assert answer == Value(value)


def test_an_income_that_varies_widely_asks_for_the_year() -> None:
    question = question_bank().get("household_income")
    wide = parse_answer(question, "收入不稳定，好的时候三千，差的时候几百", TODAY)
    assert isinstance(wide, Doubt) and wide.kind == "varying_wide" and "varying_wide" in DOUBTS
    narrow = parse_answer(question, "有时候五百有时候一千", TODAY)
    assert isinstance(narrow, Value) and narrow.is_estimate and 500 <= narrow.value <= 1000


def test_a_good_year_and_a_bad_one_are_a_varying_income() -> None:
    """ "收成好了能卖一万，不好就几千": two years' takings, not the first amount said."""
    question = question_bank().get("household_income")
    wide = parse_answer(question, "地里一年收成好了能卖一万，不好就几千", TODAY)
    assert isinstance(wide, Doubt) and wide.kind == "varying_wide"
    both = parse_answer(question, "生意好的话一个月三千，不好就一千来块", TODAY)
    assert isinstance(both, Value) and both.is_estimate and 1000 < both.value < 3000
