"""Openings read as people write them (written for these tests, after dev batch 15):
- 老大/老二 are the first/second child: an illness of 老二 is no illness of the speaker's;
- "反映个情况" is a complaint, as "反映情况" was;
- "考上了西北师大" is college;
- "我们兄妹三个都在外地" after the parents does not make a sibling the person asked for;
- "独自居住" is a household of one, "俺自己带着个闺女" one of two."""

from __future__ import annotations

import datetime as dt

import pytest

from nlu.facts import read_facts

TODAY = dt.date(2026, 12, 5)


def facts(text: str) -> dict[tuple[str, str | None], object]:
    return {(f.name, f.who): f.value for f in read_facts(text, TODAY, opening=True).facts}


def test_an_illness_of_the_second_child_is_not_the_speakers() -> None:
    said = facts("我今年三十四，老大五岁，老二才八个月，上个月老二查出来先天性心脏病")
    assert ("members.has_serious_illness", "self") not in said
    assert said.get(("members.age", "self")) == 34


def test_reporting_a_situation_is_a_complaint() -> None:
    assert read_facts("我要反映个情况，网格员说我家不符合低保", TODAY, opening=True).complaint


def test_a_teachers_university_is_college() -> None:
    assert facts("我闺女今年考上了西北师大")[("members.school_stage", "daughter")] == "college"


def test_the_parents_are_asked_for_not_the_siblings() -> None:
    text = "我爸八十五了，我妈八十二，俩人在乡下住，我们兄妹三个都在太原打工，想给他们申请低保"
    said = read_facts(text, TODAY, opening=True).speaks_for
    assert said is not None and said.person.relation == "parent" and said.size == 2


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("来电人称今年63岁，丈夫已去世，独自居住，无劳动能力", 1),
        ("俺对象前年没了，俺自己带着个闺女，闺女上高二", 2),
    ],
)
def test_sizes_said_in_these_words(text: str, size: int) -> None:
    reading = read_facts(text, TODAY, opening=True)
    assert reading.size is not None and reading.size.value == size


def test_asking_what_the_service_covers_is_a_policy_question() -> None:
    reading = read_facts("你们这个救助一件事到底能办些啥？我老伴有尿毒症", TODAY, opening=True)
    assert reading.policy_question


def test_asking_what_we_can_apply_for_is_no_policy_question() -> None:
    """ "我们这样的能申请啥": screening answers it, through the questionnaire."""
    reading = read_facts("老伴瘫在炕上好几年了，我们这样的能申请啥", TODAY, opening=True)
    assert not reading.policy_question


@pytest.mark.parametrize(
    ("text", "age"),
    [("我是中宁县的，1962年出生的，老伴前几年走了", 64), ("我五八年生的，一个人过", 68)],
)
def test_a_birth_year_said_as_such_gives_the_age(text: str, age: int) -> None:
    said = [f for f in read_facts(text, TODAY, opening=True).facts if f.name == "members.age"]
    assert [(f.who, f.value, f.estimate) for f in said] == [("self", age, True)]


def test_a_year_of_something_else_is_no_age() -> None:
    said = read_facts("2019年我家就是建档立卡户，我爸2010年上的学", TODAY, opening=True).facts
    assert "members.age" not in [f.name for f in said]
