"""Openings of the outside-written dev batch openings_22, built around traps for wrong facts
(the wording here is mine): a brother's pay is not the speaker's; "就是特困供养" names the item
again, it is no standing; what officials claim is theirs to claim; a grandparent speaking of a
grandchild, whose 爷爷 is the speaker's partner; 退伍兵 asks for the veterans' help."""

from __future__ import annotations

import datetime as dt

from nlu.facts import read_facts
from tests.nlu.reading import opening_facts

TODAY = dt.date(2026, 12, 5)


def facts(text: str) -> set[tuple[str, object, str | None]]:
    return opening_facts(text, TODAY)


def test_a_brothers_pay_is_not_the_speakers() -> None:
    got = facts("俺两口子在家种地，挣不了几个钱，俺兄弟在市里上班，一个月七八千，他也顾不上")
    assert not any(name == "members.monthly_income" for name, _, _ in got)
    got = facts("俺在市里上班，一个月七八千")
    assert [who for name, _, who in got if name == "members.monthly_income"] == ["self"]


def test_naming_the_item_again_is_no_standing() -> None:
    got = facts("我听人说我爸这种情况能办五保，就是特困供养，是不是得没有儿女才行")
    assert not any(name == "already_receives" for name, _, _ in got)
    assert ("already_receives", ("tekun",), None) in facts("我家就是特困户，想问问医疗救助")


def test_what_officials_claim_is_not_stated() -> None:
    got = facts("村干部说我家有个儿子在外面挣钱，一个月好几千，可我儿子早就分出去了，一分钱都不给")
    assert not any(name == "monthly_income_total" for name, _, _ in got)
    got = facts("问村上说是查出来我家有车，那车是我儿子的，他早就搬到银川去了")
    assert not any(name == "assets.vehicles" for name, _, _ in got)
    got = facts("低保给停了，去乡上问说是大数据比对查出名下有车，可那车是儿子的")
    assert not any(name == "assets.vehicles" for name, _, _ in got)
    # what the doctor says is still the illness
    assert ("members.serious_illness_kind", "kidney", "spouse") in facts(
        "老伴去医院，医生说是尿毒症"
    )


def test_a_grandchilds_grandfather_is_the_speakers_partner() -> None:
    got = facts("额孙子今年考上大学了，娃从小就跟着额和他爷爷过，俩人都七十多了")
    assert ("members.age", 75, "spouse") in got
    assert not any(who == "parent" for _, _, who in got)


def test_a_discharged_soldier_asks_for_the_veterans_help() -> None:
    items = read_facts("我是退伍兵，回来后一直没活干，有啥帮扶没", TODAY, opening=True).items
    assert [str(i) for i in items] == ["veteran_aid"]


def test_dialect_forms_of_not_having() -> None:
    got = facts("俺家莫有车，也木有存款，就俺老两口")
    assert ("assets.vehicles", False, None) in got
    assert ("assets.deposits", 0, None) in got


def test_an_age_right_before_what_they_ask() -> None:
    got = facts("听说八十岁以上有补贴，俺爹七十九能领吗")
    assert [(v, w) for n, v, w in got if n == "members.age"] == [(79, "parent#父亲")]


def test_a_car_and_a_home_said_not_to_be_had_topic_first() -> None:
    got = facts("房子是租的，不是自己的，车也没有，俺和对象都六十出头了")
    assert ("assets.vehicles", False, None) in got
    assert ("housing.has_own_housing", False, None) in got
    assert not any(n == "assets.vehicles" for n, _, _ in facts("电动车也没有，就一辆三轮"))
    # renting says nothing of a home back in the village
    assert not any(n == "housing.has_own_housing" for n, _, _ in facts("在县城租房子住"))


def test_a_hukou_said_as_the_villages_or_the_towns() -> None:
    assert ("hukou_type", "rural", None) in facts("俺一个人带俩娃，户口是村里的")
    assert ("hukou_type", "urban", None) in facts("我们老两口户口是城里的")


def test_traps_of_batch_23() -> None:
    # what a kind of people may get is a rule, nobody's disability ("我是残疾人" still is)
    got = facts("儿子智力残疾二级，听说重度残疾人能单独办低保，我们这情况能办不")
    assert [w for n, _, w in got if n == "members.has_disability"] == ["son"]
    assert ("members.has_disability", True, "self") in facts("我是残疾人可以办低保吗")
    # the same illness named again in a question is the one already said, nobody new's
    got = facts(
        "来电人称老伴查出尿毒症，每周透析两次。来电人询问能否纳入监测，透析的自付费用还能否报"
    )
    assert {w for n, _, w in got if n == "members.has_serious_illness"} == {"spouse"}
    # the reason officials gave (以…为由) is their claim
    got = facts("社区工作人员以其儿子有车有房为由不予受理，来电人称车和房都是儿子的")
    assert not any(n == "assets.vehicles" for n, _, _ in got)


def test_the_same_pronoun_and_relative_said_again_is_the_same_person() -> None:
    got = facts("我闺女从小脑瘫，有残疾证，一直是我和她爸照顾，她爸今年查出来肝癌")
    assert {w for n, _, w in got if n == "members.has_serious_illness"} == {"spouse"}
