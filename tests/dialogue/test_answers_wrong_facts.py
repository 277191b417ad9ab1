"""Answers whose facts were stored wrongly on the dev sets (session 41), each by its cause:
a monthly amount said with a pause after what it pays for ("一个月吃喝 一千多") is still monthly
for a yearly question, ..."""

from __future__ import annotations

import datetime as dt

from dialogue.answers import Value, parse_answer
from dialogue.questions import question_bank

TODAY = dt.date(2025, 6, 1)


def parsed(question_id: str, text: str) -> object:
    return parse_answer(question_bank().get(question_id), text, TODAY)


def test_a_period_with_what_it_pays_for_before_a_pause_keeps_its_amount() -> None:
    yearly = parsed("basic_living_expense", "一个月吃喝 一千多 一年 那就一万多两万")
    assert isinstance(yearly, Value) and 12000 <= float(yearly.value) <= 20000
    spent = parsed("basic_living_expense", "一个月花 两千")
    assert isinstance(spent, Value) and float(spent.value) == 24000


def test_a_birth_month_said_apart_from_the_year_counts() -> None:
    """Born in 腊月 1955: not yet 70 on 1 June 2025."""
    age = parsed("member_age", "五几年的 五五年 腊月生的")
    assert isinstance(age, Value) and age.value == 69
    age = parsed("member_age", "58年，十月份出生")
    assert isinstance(age, Value) and age.value == 66
    age = parsed("member_age", "1955年的")
    assert isinstance(age, Value) and age.value == 70
