"""Voice-typed money and household answers (dev conversations G): pauses part clauses in an
amount answer too ("有个一万来块 给儿子攒的学费"), except after a period said alone ("一年 挣三万多");
savings spent, partly spent or left; a total said after a part added without its amount; the
usual amount; the one income left with its amount unsaid; people who live elsewhere."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.answers import Doubt, Value, parse_answer
from dialogue.questions import question_bank

TODAY = dt.date(2026, 12, 6)


def parsed(question_id: str, text: str) -> object:
    return parse_answer(question_bank().get(question_id), text, TODAY)


def _value(question_id: str, text: str) -> float:
    said = parsed(question_id, text)
    assert isinstance(said, Value), said
    return float(said.value)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("有个两三千块 防着看病", 2000, 3000),  # what it is kept for is no cost
        ("有个一万来块 给儿子攒的学费", 9000, 11000),
        ("有个两万来块 这几个月花了点 还剩一万七八", 17000, 18999),  # what is left
        ("还剩个五千来块 这半年花了不少", 4500, 5500),
        ("老头子走的时候留了几千，快花完了", 2000, 9000),  # nearly spent: some is left
    ],
)
def test_savings_said_with_what_they_are_for_or_what_is_left(
    text: str, low: int, high: int
) -> None:
    assert low <= _value("deposits", text) <= high


def test_savings_spent_are_none() -> None:
    assert parsed("deposits", "没有了 原来攒的一万多全花在医院了 还欠三万") == Value(0.0)
    assert parsed("deposits", "木有了 早花完了 还欠着亲戚两万") == Value(0.0)
    assert _value("deposits", "存款一万，原来的三万都花光了") == 10000  # the other was spent


def test_savings_partly_spent_are_asked_again() -> None:
    assert isinstance(parsed("deposits", "原来有个一万来块 这一着火 买吃的穿的花了一半了"), Doubt)


def test_a_period_before_a_pause_stays_with_the_amount() -> None:
    assert _value("member_income", "一年 挣三万多") == pytest.approx(35000 / 12, abs=1)


def test_the_total_after_a_part_added_without_its_amount() -> None:
    assert 1480 <= _value("household_income", "就她那一千二 加上我零工 一千五不到") <= 1500
    assert _value("household_income", "一千二，还有零工五百") == 1700  # parts that add up


def test_the_usual_amount_wins_over_the_best_months() -> None:
    said = _value("household_income", "就俺跑外卖 一个月六千来块 好的时候七千 平常六千五左右")
    assert said == 6500


def test_the_one_income_left_with_its_amount_unsaid_is_not_none() -> None:
    said = parsed("household_income", "原来他打工一个月三千来块 现在一分没有 就我种地那点")
    assert isinstance(said, Doubt) and said.kind == "how_much"  # asked how much it brings
    assert said.number == "种地"
    farmed = _value("household_income", "就我种地那点，一年三四千")  # its amount said
    assert 250 <= farmed <= 334


def test_people_who_live_elsewhere_are_not_counted() -> None:
    assert parsed("household_size", "俺两口子 儿子在太原上班 不跟俺们一块过") == Value(2)
    assert parsed("household_size", "俺娘跟俺弟弟两个人 俺不跟他们一块住") == Value(2)
    assert parsed("household_size", "三口人，儿子在外地打工") == Value(3)  # may still be one


def test_a_relative_by_marriage_is_noted_as_one() -> None:
    assert parsed("member_relation", "儿媳妇") == Value("daughter", extra={"in_law": True})
    assert parsed("member_relation", "我女婿") == Value("son", extra={"in_law": True})
    assert parsed("member_relation", "女儿") == Value("daughter")
