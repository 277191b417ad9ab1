"""Hardship told in a citizen's words to 基本生活是不是很难维持 (dev3 conversations): "难住了",
"撑不住了", "没法过了" are a yes, "将就着过" a no; a degree word between a negation and the
yes word ("没那么困难", "不算太难") keeps it a no, never a stored yes."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.answer_values import DONT_KNOW, Value
from dialogue.answers import parse_answer
from dialogue.questions import question_bank

TODAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一下子难住了，衣裳被子都烧了", True),
        ("太难了，看病的钱都凑不齐", True),
        ("吃饭没问题，就是看病难", False),  # 难 said of something else
        ("实在撑不住了", True),
        ("这日子没法过了", True),  # was read as a no (没)
        ("娃的学费都交不上", True),
        ("将就着过吧", False),
        ("吃饭够，穿的也有", False),  # food said to be enough: a no, as 吃得上
        ("粮食够吃", False),
        ("粮食都不够吃", True),  # the negation undoes 够吃
        ("凑合着能过", False),
        ("没那么困难", False),
        ("也不算太难", False),
        ("不是很难", False),
        ("不太困难", False),
    ],
)
def test_hardship_in_own_words(text: str, expected: bool) -> None:
    answer = parse_answer(question_bank().get("basic_living"), text, TODAY)
    assert isinstance(answer, Value) and answer.value is expected


@pytest.mark.parametrize(
    "text", ["吃饭够，看病没钱", "吃的还行，就是看不起病", "能吃饱，娃的学费交不起"]
)
def test_food_enough_and_a_need_unpaid_is_left_to_the_office(text: str) -> None:
    """Neither a no (支出型临时救助 is about a bill the family cannot pay, and a no would rule
    out 急难型) nor asked again three times: not known, the office checks."""
    assert parse_answer(question_bank().get("basic_living"), text, TODAY) is DONT_KNOW


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("儿子自己都顾不过来，一年给个几百块", False),
        ("闺女靠不上", False),
        ("有个儿子，可他自己都养不活", None),  # was a yes (有): asked again, never stored
        ("有，儿子挺孝顺", True),
    ],
)
def test_a_supporter_who_cannot_support(text: str, expected: bool | None) -> None:
    """To 有能养活、照顾自己的子女吗: a child who cannot support is a no, not a yes for 有."""
    answer = parse_answer(question_bank().get("member_supporter"), text, TODAY)
    if expected is None:
        assert not isinstance(answer, Value)
    else:
        assert isinstance(answer, Value) and answer.value is expected


def test_the_supporter_question_reads_for_anyone() -> None:
    """ "您有能养活、照顾他的子女…" named the wrong person: 自己 reads for 您 and 您母亲 alike."""
    assert "照顾自己的" in question_bank().get("member_supporter").text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("孙子在特教学校", True),  # was asked three times
        ("有，在念书", True),
        ("大的毕业了，小的还在读", True),  # one still at school: never everyone's no
        ("孩子都不念了", False),
    ],
)
def test_a_school_named_answers_who_is_at_school(text: str, expected: bool) -> None:
    answer = parse_answer(question_bank().get("any_student"), text, TODAY)
    assert isinstance(answer, Value) and answer.value is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("还是小孩", "none"), ("还在上学呢", "none"), ("要照顾小孩，出不去", None)],
)
def test_a_child_has_no_working_ability(text: str, expected: str | None) -> None:
    """ "您女儿还能干活挣钱吗" "还是小孩": 无劳动能力 (the form's value for a minor); a parent
    who must mind a child is not one."""
    answer = parse_answer(question_bank().get("member_labour_ability"), text, TODAY)
    if expected is None:
        assert not (isinstance(answer, Value) and answer.value == "none")
    else:
        assert isinstance(answer, Value) and answer.value == expected
