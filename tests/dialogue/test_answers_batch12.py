"""Dev batch 12 of answers (session 29): 平房 is a house, an age after 也是, a spouse named by
a dialect word alone or with the speaker as two, and 没上班 not working."""

from __future__ import annotations

from dialogue.answer_values import Value
from dialogue.doubts import Doubt
from nlu.lexicon import parse_relation
from tests.dialogue.answering import answer


def test_a_bungalow_is_a_home_not_an_area() -> None:
    said = answer("houses", "就住的那两间平房")
    assert isinstance(said, Value) and said.value == 1
    assert isinstance(answer("houses", "八十平"), Doubt)  # an area to 几套: asked back


def test_an_age_after_ye_shi() -> None:
    said = answer("member_age", "跟我同岁，也是六十六")
    assert isinstance(said, Value) and said.value == 66


def test_a_dialect_word_for_the_spouse_said_alone() -> None:
    assert parse_relation("婆姨") == "spouse"
    assert parse_relation("掌柜的") == "spouse"
    assert parse_relation("大爷") is None  # how one greets any old man


def test_not_at_work_is_not_employed() -> None:
    said = answer("member_employment", "在家看孙子，没上班")
    assert isinstance(said, Value) and said.value == "unable_to_work"
    employed = answer("member_employment", "在厂里上班")
    assert isinstance(employed, Value) and employed.value == "employed"


def test_a_workplace_pension_is_no_basic_pension() -> None:
    said = answer("member_basic_pension", "不是，是单位的退休金")
    assert isinstance(said, Value) and said.value == 0
    assert isinstance(answer("member_basic_pension", "两千多，我是退休工人"), Doubt)
