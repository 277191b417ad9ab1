"""Money answers of dev batch answers11 that stored a wrong amount: days a week, a season's
pay, an unknown said as none, the pay before deductions, a part said as the whole, and a stay
in hospital counted as a price per visit."""

from __future__ import annotations

import pytest

from dialogue.answers import DONT_KNOW, Doubt, Value
from nlu.facts import read_facts
from tests.dialogue.answering import ANSWERED_ON as TODAY
from tests.dialogue.answering import answer


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("household_income", "一周干五天，一天一百二", Value(2604.0, is_estimate=True)),
        ("household_income", "夏天在工地一个月能挣四千，冬天就没活了", Doubt("seasonal")),
        ("household_income", "说不好，有活就有钱没活就没钱", DONT_KNOW),
        ("household_income", "三千块钱的工资，扣了五险一金到手两千六", Value(2600.0)),
        ("household_income", "啥收入也没有，全靠借", Value(0.0)),
        ("medical_expense", "住了一次院花了三万，报销了两万，自己出了一万", Value(10000.0)),
        ("medical_expense", "一次两百", Doubt("per_visit")),
    ],
)
def test_batch11_amounts(question: str, text: str, expected: object) -> None:
    assert answer(question, text) == expected


def test_a_part_of_the_spending_is_asked_back() -> None:
    said = answer("medical_expense", "一年吃药就得五六千，住院还另算")
    assert isinstance(said, Doubt) and said.kind == "only_part"


def test_money_saved_for_college_is_nobody_at_college() -> None:
    facts = read_facts("有是有，两万多，那是给孙子上大学攒的", TODAY).facts
    assert not [f for f in facts if f.name == "members.school_stage"]
