"""Openings of dev set 34 (session 47): facts of people at large, of a son who has a home of
his own and of his child, a mortgage, and an event of last year were stored as the household's.
The texts are written for these tests, not copied from the set."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    "text",
    [
        "俺家三口人 住的是俺爹留下的老房子 么有房贷",  # inherited
        "两口子住在厂里的老楼 单位分的 后来房改买下来了 五十来平米",  # bought under 房改
        "额家以前住两孔土窑 2018年政府给盖了三间砖房",  # built for them
        "俺家四口人 住的是俺公婆给的房子 房本上是俺对象的名",  # the deed in a member's name
        "一家三口 住的是分给他们的移民安置房",  # allotted
        "俺老丈人住的是2012年自己盖的四间砖房",  # rooms between 盖的 and 房
    ],
)
def test_a_home_owned_without_saying_ziji_de(text: str) -> None:
    assert ("housing.has_own_housing", True, None) in opening_facts(text)


def test_a_flat_of_the_neighbours_late_son_is_not_said_to_be_owned() -> None:
    text = "替楼下的刘奶奶问问 她一个人住在儿子留下的老房子里 能申请临时救助吗"
    assert ("housing.has_own_housing", True, None) not in opening_facts(text)


def test_a_monitoring_that_ended_is_no_monitoring_now() -> None:
    text = "俺家以前是脱贫户 后来一直是监测户 去年已经消除风险了 今年俺男人查出来尿毒症"
    facts = opening_facts(text)
    assert ("is_relapse_monitoring_object", False, None) in facts
    assert ("is_relapse_monitoring_object", True, None) not in facts


def test_asking_whether_one_can_be_monitored_again_states_nothing() -> None:
    facts = opening_facts("消除风险了还能再纳入监测吗")
    assert not any(f[0] == "is_relapse_monitoring_object" for f in facts)


def test_repairing_cars_at_a_shop_is_a_job() -> None:
    assert ("members.employment", "employed", "spouse") in opening_facts(
        "俺对象在汽修店修车 一个月四千来块 俺在家带孩子"
    )
