"""Dev batch 6 conversations (session 29): a grandmother raising two grandchildren alone, the
child's grandparents said as a pair, the couple's own lack of income beside a son who earns,
the only earners of a household, and a loan asked about for college."""

from __future__ import annotations

from nlu.facts import read_facts
from tests.nlu.reading import READ_ON as TODAY
from tests.nlu.reading import opening_facts as _facts


def test_raising_two_grandchildren_alone_is_three() -> None:
    reading = read_facts(
        "额今年七十了，一个人拉扯两个孙子，一个上初中一个上小学", TODAY, opening=True
    )
    assert reading.size is not None and reading.size.value == 3
    assert read_facts("我和老伴带着两个孙子过", TODAY, opening=True).size is None  # four, unsaid


def test_the_childs_grandparents_are_our_parents_each_with_the_age() -> None:
    facts = _facts("娃今年考上宁夏大学了，家里五口人，他爷爷奶奶都七十多了")
    ages = [f for f in facts if f[0] == "members.age"]
    assert ages == [("members.age", 75, "parent")]  # a set: the same fact for each of the two
    reading = read_facts(
        "娃今年考上宁夏大学了，家里五口人，他爷爷奶奶都七十多了", TODAY, opening=True
    )
    assert len([f for f in reading.facts if f.name == "members.age"]) == 2
    # 他爸妈: one of them is the speaker, so nothing is paired
    parents = read_facts("儿子在上学，他爸妈都在打工", TODAY, opening=True).mentions
    assert [m.relation for m in parents if m.relation == "parent"] == ["parent"]


def test_the_couples_no_income_is_not_the_households_when_a_son_earns() -> None:
    earning = "我跟老伴七十多了，和儿子儿媳孙子一起住，儿子跑大车一个月能挣七八千，我们老两口没收入"
    assert not [f for f in _facts(earning) if f[0] == "monthly_income_total"]
    away = "老婆在家带孙子，儿子儿媳在外地。我们俩没有收入了"
    assert ("monthly_income_total", 0, None) in _facts(away)
    assert ("monthly_income_total", 0, None) in _facts("我们老两口没收入，就靠低保")


def test_the_only_earners_income_is_the_households() -> None:
    facts = _facts("他爷爷奶奶都七十多了，就我跟他妈种地打工，一年三万块钱，供不起啊")
    assert ("monthly_income_total", 2500.0, None) in facts


def test_a_loan_asked_for_college_is_the_student_loan() -> None:
    items = read_facts("娃今年考上大学了，学费一年六千多，能贷款不", TODAY, opening=True).items
    assert [str(i) for i in items] == ["student_loan"]
    assert read_facts("买房贷款还没还完，孩子上大学", TODAY, opening=True).items == []


def test_a_couples_age_said_once_is_each_ones() -> None:
    facts = _facts("上礼拜俺家厨房着火了，俺老两口七十多了，就靠养老金过")
    assert ("members.age", 75, "self") in facts and ("members.age", 75, "spouse") in facts


def test_a_status_heard_of_is_the_wish_not_the_status() -> None:
    heard = read_facts("听说有个低保边缘户，俺家够不够", TODAY, opening=True)
    assert not [f for f in heard.facts if f.name == "already_receives"]
    assert [str(i) for i in heard.items] == ["dibao_edge"]
    assert ("already_receives", ("dibao_edge",), None) in _facts("我家是低保边缘户，老伴住院了")


def test_a_single_mother_is_the_speaker_and_the_age_is_the_childs() -> None:
    """ "单亲妈妈，带个5岁娃" read back "您母亲5岁" (dev batch 8)."""
    facts = _facts("单亲妈妈，带个5岁娃，在超市上班一个月1800，房子是租的，能办低保吗")
    assert ("members.age", 5, "child") in facts
    assert not [f for f in facts if f[2] and f[2].startswith("parent")]
    assert not [f for f in _facts("村里七十多岁的老人") if f[0] == "members.age"]
