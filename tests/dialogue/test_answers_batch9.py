"""Answers that once stored a wrong fact or lost a stated one (dev batch answers9): a school
year is no age, a rhetorical "还能干啥" is no ability to work, a spoken decimal is not its last
digit, and "不知道还要登记" says what was not known, not that the answer is unknown."""

from __future__ import annotations

import pytest

from dialogue.answers import DONT_KNOW, Doubt, Value
from nlu.answers import parse_consent
from nlu.numerals import spoken_numerals
from tests.dialogue.answering import answer


@pytest.mark.parametrize(
    ("question", "text", "expected"),
    [
        ("member_age", "孙子上初二了，十四", Value(14)),
        ("member_age", "他大三了，二十一", Value(21)),
        ("member_age", "上高一了", None),  # a school year alone: asked again
        ("member_labour_ability", "七十多了还能干啥，地都种不动了", Value("lost")),
        ("member_labour_ability", "重活干不动", Value("partial")),
        ("member_unemployment_registered", "没登记过，不知道还要登记", Value(False)),
        ("member_unemployment_registered", "不知道登没登记", DONT_KNOW),
        ("housing_area", "房产证上写的七十二点五平", Value(72.5)),
        ("deposits", "一点五万", Value(15000.0)),
        ("household_size", "我和老伴，还有个傻儿子", Value(3)),
        ("member_serious_illness", "不算大病", Value(False)),
    ],
)
def test_batch9_answers(question: str, text: str, expected: object) -> None:
    assert answer(question, text) == expected


def test_an_illness_said_not_serious_is_never_a_yes() -> None:
    # "有高血压" names an illness, "不算大病" says no: asked again, never stored as 重病
    assert answer("member_serious_illness", "她有高血压，不算大病吧") == Doubt("yes_and_no")


def test_a_yes_to_the_disability_card_keeps_its_kind_and_grade() -> None:
    said = answer("member_disability", "有证，是精神的，二级")
    assert said == Value(True, extra={"disability_grade": 2, "disability_kind": "mental"})


def test_a_time_is_not_a_decimal() -> None:
    assert spoken_numerals("下午三点五十到") == "下午三点五十到"
    assert spoken_numerals("三点半") == "三点半"


def test_consent_after_the_question_echoed_back() -> None:
    assert parse_consent("查银行卡？那不行") is False
    assert parse_consent("要查存款？行吧") is True
    assert parse_consent("查啥？") is None
