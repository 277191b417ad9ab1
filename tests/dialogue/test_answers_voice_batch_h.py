"""Voice-input answers from dev conversations batch H. A yes/no answer for the whole household
that opens with a plain no and adds an aside: the no is everyone's when the aside is about the
past, a dead relative or something else; a yes to the question's own fact in the aside
("老伴尿毒症") or a no said about one member still leaves the answer to the facts read. A number
mended with "刚才说错了" is the new one; a yearly total is counted per month."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogue.answer_values import Value
from dialogue.answers import parse_answer
from dialogue.questions import question_bank

TODAY = dt.date(2026, 12, 4)


def parsed(question_id: str, text: str) -> object:
    return parse_answer(question_bank().get(question_id), text, TODAY, region=None)


@pytest.mark.parametrize(
    "text",
    [
        "没有大病 老头子是摔的",  # a fall: no illness
        "没有 她爸那会儿是肝癌 人已经走了",  # a late father's illness, back then
        "没有，就老伴有点高血压",  # a chronic illness is not a serious one
    ],
)
def test_a_leading_no_with_an_aside_is_everyones_no(text: str) -> None:
    assert parsed("any_serious_illness", text) == Value(False)


@pytest.mark.parametrize(
    ("question_id", "text"),
    [
        ("any_serious_illness", "没有，老伴尿毒症"),  # the aside says yes for someone
        ("any_disability", "孙子智力有点问题，没办证"),  # the no is the grandson's
    ],
)
def test_a_no_that_is_not_everyones_is_not_taken(question_id: str, text: str) -> None:
    assert parsed(question_id, text) is None


@pytest.mark.parametrize(
    ("question_id", "text", "expected"),
    [
        # voice input: "刚才说错了" mends the number said just before it
        ("household_size", "三口 哎刚才说错了 四口", 4),
        ("household_size", "三口人，刚说错了，四口", 4),
        # the mending said again after the new value: still the new value
        ("household_income", "五千，哦不对，是一千五，我说错了", 1500.0),
    ],
)
def test_a_number_mended_in_the_answer_is_the_new_one(
    question_id: str, text: str, expected: float
) -> None:
    said = parsed(question_id, text)
    assert isinstance(said, Value)
    assert said.value == expected


def test_a_monthly_part_and_a_yearly_total_give_the_total_per_month() -> None:
    # "两千来块，加上地里的（no amount），一年下来也就两万多点": the total is per year
    said = parsed("household_income", "两千来块吧 加上地里的 一年下来也就两万多点")
    assert isinstance(said, Value)
    assert 1500 <= said.value <= 2100


@pytest.mark.parametrize("text", ["有个两三千防着看病", "存款 嗯 没有几个 有个两三千防着看病"])
def test_money_put_by_for_illness_is_savings(text: str) -> None:
    # 看病 names the medical-cost question, but money kept for it is still savings
    said = parsed("deposits", text)
    assert isinstance(said, Value)
    assert said.value == 2500.0


def test_the_amount_said_without_a_time_beside_good_and_bad_times_is_the_usual_one() -> None:
    # a hedge first ("这个不好说"), then the usual amount and the good and bad months
    said = parsed(
        "household_income", "这个不好说 两个人加起来一个月六千来块吧 好的时候七千 不好的时候四五千"
    )
    assert isinstance(said, Value)
    assert said.value == 6000.0 and said.is_estimate


@pytest.mark.parametrize(
    "text",
    [
        # the year said with the mended amount holds for the new one
        "一年玉米卖个四五千 哦刚才说错了 今年旱了 就卖了三千来块",
        # the amount said per month beside one said without a period answers a monthly question
        "今年旱了，就卖了三千来块，一个月也就二三百",
    ],
)
def test_a_years_sales_are_not_taken_as_a_month(text: str) -> None:
    said = parsed("household_income", text)
    assert isinstance(said, Value)
    assert 200 <= said.value <= 300
