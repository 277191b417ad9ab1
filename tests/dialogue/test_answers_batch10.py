"""Answers of dev batch answers10 that stored a wrong fact: a hardship long past is not 最近, a
retirement pension is not the 城乡居民 basic pension, September's school is the next stage, and
"还找啥工作" asks back a no."""

from __future__ import annotations

import pytest

from dialogue.answers import Doubt, Value
from tests.dialogue.answering import answer


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("situations", "前年发洪水把地冲了，今年倒没啥", Value([])),
        ("situations", "三年前着过火，上个月老伴突发脑梗住院", Value(["sudden_serious_illness"])),
        ("situations", "上个月着火了", Value(["fire"])),
        ("member_basic_pension", "两千多，我是退休工人", Doubt("workers_pension")),
        ("member_basic_pension", "一百六十多，每个月打到卡上", Value(165.0, is_estimate=True)),
        ("member_school_stage", "今年九月就上高中了，现在初三", Value("junior_high")),
        ("member_wants_job", "她都七十了还找啥工作", Value(False)),
        ("member_wants_job", "在找工作", Value(True)),
        ("member_elder_ability", "自己还能做饭洗衣服", Value(0)),
        ("relative_official", "我侄子是村上的会计", Doubt("not_close_kin", "侄子")),  # no 近亲属
        ("current_housing", "住的还是我爹留下的老房子", Value("own_private")),
        ("member_employment", "在县城开了个小饭馆", Value("flexible")),
    ],
)
def test_batch10_answers(question: str, text: str, expected: object) -> None:
    assert answer(question, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("村里的老房子", Value(1)),  # one home named without a number
        ("老家的房子", Value(1)),
        ("名下没有，住的是老人留下的房子", Value(0)),  # the no decides, not the home lived in
        ("两套房子", Value(2)),
    ],
)
def test_a_home_named_without_a_number_is_one(text: str, expected: object) -> None:
    assert answer("houses", text) == expected
