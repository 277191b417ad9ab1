"""Voice-typed answers: a repair between pauses ("五口 不对 四口") is read as mended, with what
was said before it still holding ("一年 四万来块 不对 三万多": a year's); a couple's "一人…"
counts twice beside somebody else's pay, never doubling theirs; what was paid out of pocket
said after a pause ("报完 自己掏了 嗯 一万七八"); "明年才毕业" is no graduation this year."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.answers import Value, parse_answer
from dialogue.questions import question_bank

TODAY = dt.date(2025, 6, 1)


def parsed(question_id: str, text: str) -> object:
    return parse_answer(question_bank().get(question_id), text, TODAY)


def test_a_repair_between_pauses() -> None:
    assert parsed("household_size", "五口 不对 四口 儿媳妇跑了 不算") == Value(4)
    mended = parsed("member_income", "一年 四万来块 不对 三万多")
    assert isinstance(mended, Value)
    assert mended.value == pytest.approx(35000 / 12, abs=1)
    yearly = parsed("member_income", "一年 挣三万多")  # no repair: the period stays with it
    assert isinstance(yearly, Value)
    assert yearly.value == pytest.approx(35000 / 12, abs=1)


def test_a_couples_each_beside_a_sons_pay() -> None:
    both = parsed("household_income", "儿子一个月三千，额们老两口一人一百七十几的养老金")
    assert isinstance(both, Value)
    assert both.value == pytest.approx(3000 + 2 * 175, abs=10)
    assert parsed("household_income", "老两口每月各一千") == Value(2000)


def test_out_of_pocket_after_a_pause() -> None:
    paid = parsed("medical_expense", "三万多 报完 自己掏了 嗯 一万七八")
    assert isinstance(paid, Value)
    assert 17000 <= paid.value <= 18999


def test_graduating_next_year() -> None:
    assert parsed("member_graduating", "明年 明年六月才毕业") == Value(False)
    assert parsed("member_graduating", "今年六月毕业") == Value(True)


@pytest.mark.parametrize(
    "text", ["两个 就额跟老婆子", "俩人 俺跟儿子", "就额们老两口 儿子在兰州自己过"]
)
def test_voice_typed_household_of_two(text: str) -> None:
    assert parsed("household_size", text) == Value(2)


def test_the_exact_age_after_a_guess() -> None:
    assert parsed("member_age", "七十好几了 七十七") == Value(77)
    assert parsed("member_age", "六十多，六十三了") == Value(63)
