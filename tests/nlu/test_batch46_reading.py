"""Session 46 (dev openings 33): things that look like the household's facts but are not: the
spouse's own pay in a two-person household (not the two's income), a 亲家's disability. The
texts are written for these tests."""

from __future__ import annotations

import pytest

from nlu.facts import read_facts
from tests.nlu.reading import READ_ON as TODAY
from tests.nlu.reading import opening_incomes


def _whose(text: str, name: str) -> list[tuple[str | None, object]]:
    facts = read_facts(text, TODAY, opening=True).facts
    return [(f.who, f.value) for f in facts if f.name == f"members.{name}"]


def test_the_spouses_pay_in_a_couple_is_hers_not_the_households() -> None:
    text = "俺今年六十 俺老伴在镇上饭馆帮厨 一个月一千八 俺在家种地 家里就俺老两口"
    assert opening_incomes(text) == []
    assert _whose(text, "monthly_income") == [("spouse", 1800)]


def test_an_income_of_the_two_said_without_a_subject_is_still_the_twos() -> None:
    text = "家里就俺老两口，种了几亩地，一年也就收个三四千"
    assert opening_incomes(text) != []


def test_a_relative_by_a_childs_marriage_is_not_the_speaker() -> None:
    text = "俺今年五十五 俺亲家母是残疾人 二级的 俺家三口人"
    assert _whose(text, "has_disability") == []
    assert _whose(text, "disability_grade") == []


def test_the_dialect_da_is_the_father() -> None:
    text = "我大今年七十二 在老家种地 我在外头打工"
    assert _whose(text, "age") == [("parent#父亲", 72)]


def test_da_beginning_another_word_stays() -> None:
    assert _whose("我大儿子今年三十", "age") == [("son#大儿子", 30)]
    assert _whose("我今年五十 我大概知道", "age") == [("self", 50)]


def test_a_numbered_lists_marks_are_no_amounts() -> None:
    text = "1. 我爸妈在农村，我爸六十二。\n2. 他俩就靠我爸一个月一百五的养老金。"
    assert opening_incomes(text) == [150]


def test_a_married_out_daughter_asking_about_her_parents() -> None:
    text = "我爸七十 我妈六十八 我已经嫁到城里了 一个月工资三千 我爸妈能申请低保吗"
    reading = read_facts(text, TODAY, opening=True)
    assert reading.speaks_for is not None
    assert reading.speaks_for.person.relation == "parent"


def test_parents_asked_about_by_a_child_living_with_them_are_not_spoken_for() -> None:
    text = "我爸七十 我妈六十八 一家五口 我爸妈能申请低保吗"
    assert read_facts(text, TODAY, opening=True).speaks_for is None


def test_the_married_out_daughters_own_car_is_not_her_parents() -> None:
    text = "俺娘七十 俺爹七十二 俺出嫁了 俺对象跑运输 车是贷款买的 想问俺爹俺娘能申请低保不"
    facts = read_facts(text, TODAY, opening=True).facts
    assert not any(f.name == "assets.vehicles" for f in facts)


def test_an_illness_said_to_have_mended_well_enough_is_over() -> None:
    text = "我妈前几年得过脑梗 现在恢复得还行 能自己做饭"
    assert _whose(text, "has_serious_illness") == []


def test_a_pairs_pension_is_not_one_parents_pay() -> None:
    text = "替我爸妈问问 我爸七十 我妈六十八 他俩就靠一个月三百来块的养老金"
    assert _whose(text, "monthly_income") == []


def test_a_sons_pay_said_clauses_after_him_is_not_the_couples() -> None:
    text = (
        "1、户主，男，五十八岁；\n2、妻子五十五岁，在家种地；\n"
        "3、儿子二十六岁，在太原打工，一个月三千来块，已经结婚单过；\n4、家里就老两口两个人。"
    )
    assert opening_incomes(text) == []


def test_each_ones_share_of_the_pensions_they_live_on() -> None:
    text = "老伴有病 俺今年七十 家里就靠俺俩的养老金 一个人一百五"
    assert sorted(_whose(text, "monthly_income")) == [("self", 150), ("spouse", 150)]
    assert opening_incomes(text) == [300]


def test_a_mother_living_alone_asked_about_by_name() -> None:
    text = "俺娘七十一 俺爹走了以后她现在一个人住 俺在城里上班 请问俺娘要是重新申请低保 要带啥"
    said = read_facts(text, TODAY, opening=True).speaks_for
    assert said is not None and said.person.relation == "parent" and said.size == 1
    assert _whose(text, "age") == [("parent#母亲", 71)]


def test_everyday_ways_of_saying_the_work_done() -> None:
    assert ("spouse", "employed") in _whose(
        "俺今年四十 俺媳妇在商场卖化妆品 一个月三千", "employment"
    )
    assert _whose("俺今年四十 俺媳妇在商场卖化妆品 一个月三千", "monthly_income") == [
        ("spouse", 3000)
    ]
    assert ("spouse", "migrant_worker") in _whose("我今年四十 我对象在建筑队干活", "employment")
    assert ("self", "farming") in _whose("俺今年五十 俺自己在家种点樱桃", "employment")


def test_looking_for_work_and_planning_to_train() -> None:
    text = "俺今年三十九 一直没找着合适的活 俺准备去考个叉车证"
    assert _whose(text, "wants_job") == [("self", True)]
    assert _whose(text, "wants_training") == [("self", True)]
    text = "我今年四十四 上个月店关了 现在没工作 正在找 打算去报个育婴师的培训"
    assert _whose(text, "wants_job") == [("self", True)]
    assert _whose(text, "wants_training") == [("self", True)]


def test_a_brain_tumour_is_a_tumour() -> None:
    text = "我今年五十 爱人五十三 今年三月爱人查出脑瘤"
    assert _whose(text, "serious_illness_kind") == [("spouse", "tumor")]


@pytest.mark.parametrize(
    "text",
    [
        "我今年五十二，住房是2005年买的，贷款已经还清了",
        "俺娘现在一个人住，有个小院，三间平房",
        "额家房子是老土房 住了四十多年了",
    ],
)
def test_everyday_ways_of_saying_the_home_is_ones_own(text: str) -> None:
    facts = read_facts(text, TODAY, opening=True).facts
    assert [f.value for f in facts if f.name == "housing.has_own_housing"] == [True]


def test_a_relatives_own_pension_said_with_ziji() -> None:
    text = "我替我妈问一下 我妈今年七十四了 我妈自己一个月一百多的养老金"
    assert [who for who, _ in _whose(text, "monthly_income")] == ["parent#母亲"]


def test_what_one_would_get_with_a_card_is_no_card() -> None:
    """ "听说办了残疾证能多给点，还没去办": if one had the card (办了…能多给), not a card had."""
    facts = read_facts("我男人腿不好，听说办了残疾证能多给点，还没去办", TODAY, opening=True).facts
    assert not [f for f in facts if f.name == "members.has_disability"]
    had = read_facts("俺男人办了残疾证，能多领点不", TODAY, opening=True).facts
    assert [(f.who, f.value) for f in had if f.name == "members.has_disability"] == [
        ("spouse", True)
    ]


def test_a_sons_own_households_dibao_is_not_ours() -> None:
    """ "就一个儿子…他自己一家子还吃着低保": his household's 低保; the mother asked for alone
    ("她自己吃着低保") and the speaker's own still count."""

    def received(text: str) -> list[object]:
        facts = read_facts(text, TODAY, opening=True).facts
        return [f.value for f in facts if f.name == "already_receives"]

    assert received("老伴走了好几年，就一个儿子，他自己一家子还吃着低保，顾不上我") == []
    assert received("儿子在村里住，他家吃着底保") == []
    assert received("替我妈问一下，她一个人住，她自己吃着低保，能办临时救助吗") == [["dibao"]]
    assert received("我自己吃着低保") == [["dibao"]]


def test_a_spouses_death_told_at_the_end_of_what_happened() -> None:
    """ "我男人…让大货车撞了，人没了": widowed, the death said clauses after the husband."""

    def marital(text: str) -> list[tuple[str | None, object]]:
        facts = read_facts(text, TODAY, opening=True).facts
        return [(f.who, f.value) for f in facts if f.name == "members.marital_status"]

    assert marital("我男人上个月骑电动车去镇上，让大货车撞了，人没了") == [("self", "widowed")]
    assert marital("老伴住院了，花了好多钱，病好了") == []
