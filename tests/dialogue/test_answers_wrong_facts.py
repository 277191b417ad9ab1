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
