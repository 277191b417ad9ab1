"""Yes/no answers said around the question's words (dialogue/dev/answers4.yml): a condition
is not the answer, a refusal after the topic is a no, an intention denied is a no, a word only
asked about states nothing, and the classifier's unsure guess of "correction" does not swallow
a plain answer."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.answer_values import Value
from dialogue.answers import parse_answer
from dialogue.engine import DialogueEngine, IntentParser
from dialogue.questions import question_bank
from dialogue.state import Pending, Session
from guides.ids import RegionId

TODAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("member_wants_training", "要是不要钱的话，想学个电焊", True),  # 不要 is in the condition
        ("member_wants_training", "如果管饭的话，不去", False),
        ("member_wants_training", "培训就算了", False),  # the topic, then a refusal
        ("member_wants_job", "他不打算找，身体不行", False),  # 不打算 before 找
        ("member_unemployment_registered", "没去登记", False),
        ("member_unemployment_registered", "正在办，材料交上去了", True),  # 正在办理 counts
        ("any_veteran", "冇", False),
    ],
)
def test_yes_no_said_around_the_words(question: str, text: str, expected: bool) -> None:
    answer = parse_answer(question_bank().get(question), text, TODAY)
    assert isinstance(answer, Value) and answer.value is expected


def test_a_word_asked_about_states_nothing() -> None:
    question = question_bank().get("member_unemployment_registered")
    assert parse_answer(question, "啥登记？", TODAY) is None


def test_a_plain_answer_is_not_taken_for_a_correction(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.GANSU)
    engine.open(session)
    engine.turn(session, text="就我一个人")
    session.pending = Pending(question_id="has_local_hukou")
    engine.turn(session, text="户口迁过来好多年了")
    assert session.household.has_local_hukou is True


def test_a_close_estimate_said_unsure_is_kept_a_vague_one_is_not() -> None:
    income = question_bank().get("household_income")
    close = parse_answer(income, "不太清楚，就是养老金，两个人三百来块吧", TODAY)
    assert isinstance(close, Value) and close.is_estimate and 300 <= close.value < 400
    deposits = question_bank().get("deposits")
    assert not isinstance(parse_answer(deposits, "好几万，具体记不清了", TODAY), Value)
