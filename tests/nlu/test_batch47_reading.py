"""Openings of dev set 34 (session 47): facts of people at large, of a son who has a home of
his own and of his child, a mortgage, and an event of last year were stored as the household's.
The texts are written for these tests, not copied from the set."""

from __future__ import annotations

from tests.nlu.reading import opening_facts


def test_the_villages_men_working_away_are_not_the_speaker() -> None:
    facts = opening_facts("俺们村里男的都出去打工了 俺男人前年没了 俺带着两个娃 能吃低保不")
    assert not any(f[0] == "members.employment" for f in facts)


def test_a_benefit_many_in_the_village_get_is_not_ours() -> None:
    text = "我替我姥姥问问 她八十一了 一个人住 她说村里跟她一样岁数的好几个都吃上低保了 她能办不"
    assert not any(f[0] == "already_receives" for f in opening_facts(text))


def test_an_only_son_said_as_yige_er_is_a_son() -> None:
    # "就一个儿" (甘肃/宁夏/山西 for an only son) who has married: his job is not the speaker's
    facts = opening_facts("俺就一个儿 在银川打工 早就成家了 俺今年六十九 能办个啥")
    assert ("members.age", 69, "self") in facts
    assert not any(f[0] == "members.employment" for f in facts)


def test_an_only_son_at_home_keeps_his_facts() -> None:
    facts = opening_facts("俺这一个儿 今年三十二 有智力残疾 二级 跟着俺过")
    assert ("members.age", 32, "son") in facts
    assert ("members.disability_grade", 2, "son") in facts


def test_the_grandchild_of_a_married_son_lives_with_him() -> None:
    text = "俺今年六十一 俺有个儿子 在太原成家了 孙子都上高中了 俺老伴腿不好"
    assert not any(f[0] == "members.school_stage" for f in opening_facts(text))


def test_no_mortgage_is_not_no_house() -> None:
    facts = opening_facts("住的是俺爹留下的老房子 么有房贷 俺想去学个手艺")
    assert ("assets.houses", 0, None) not in facts


def test_a_flood_the_day_before_yesterday_is_still_read() -> None:
    text = "俺家五口人 前天夜里下暴雨 把院墙冲倒了 能申请临时救助不"
    assert ("situations", ("natural_disaster",), None) in opening_facts(text)


def test_a_hand_lost_is_not_the_husband_gone() -> None:
    text = "俺男人在砖厂上班 机器把手绞了 右手没了 评了个肢体残疾二级 现在干不了重活"
    facts = opening_facts(text)
    assert ("members.has_disability", True, "spouse") in facts
    assert ("members.disability_grade", 2, "spouse") in facts


def test_the_in_laws_pensions_on_their_own_are_not_our_income() -> None:
    text = "俺家三口人 俺 俺对象 一个孩子 俺公公婆婆自己住在村里 一个月养老金加起来四百多 俺家能吃低保不"
    assert not any(f[0] == "monthly_income_total" for f in opening_facts(text))


def test_the_mother_in_laws_benefit_when_asking_for_ones_father() -> None:
    text = "俺是替俺爹问的 俺爹七十了 一个人住 俺嫁到外村了 俺婆婆是低保户 俺爹能申请低保吗"
    assert not any(f[0] == "already_receives" for f in opening_facts(text))


def test_a_mother_in_law_living_with_us_is_of_our_household() -> None:
    text = "俺婆婆跟俺们一起住 俺婆婆是低保户 俺娘在老家 能领啥补贴"
    assert ("already_receives", ("dibao",), None) in opening_facts(text)
