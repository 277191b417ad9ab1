"""Dev batch J answers: the question's own 难 said back is a yes to 基本生活很难维持, and a
medical bill whose reimbursement is not settled yet is an out-of-pocket share not known (asked
back three times before, and never answerable)."""

from __future__ import annotations

import pytest

from dialogue.answers import DONT_KNOW, Value
from tests.dialogue.answering import answer


@pytest.mark.parametrize("text", ["难 钱全垫进医院了 借着钱过呢", "难啊", "借着钱过呢"])
def test_hard_said_back_is_a_yes(text: str) -> None:
    assert answer("basic_living", text) == Value(True)


@pytest.mark.parametrize("text", ["不难", "还行 不算太难"])
def test_not_hard_is_a_no(text: str) -> None:
    assert answer("basic_living", text) == Value(False)


@pytest.mark.parametrize(
    "text",
    [
        "十来万 哦现在十二三万了 医保能报多少还不知道",
        "花了三万，还没报销呢",
        "三万多，报销还没下来",
    ],
)
def test_a_bill_not_yet_reimbursed_is_not_known(text: str) -> None:
    assert answer("medical_expense", text) is DONT_KNOW


def test_a_bill_already_reimbursed_is_still_worked_out() -> None:
    assert answer("medical_expense", "花了两万，报了一万") == Value(10000.0)
