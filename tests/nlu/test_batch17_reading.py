"""Long 12345 stories of dev batch openings_17: typos of the item's name, a status cancelled,
parents who divorced each other, 她 for the elder the story is about, and an income that is
only a part of what the person lives on."""

from __future__ import annotations

from nlu.facts import read_facts
from nlu.lexicon import find_items
from tests.nlu.reading import READ_ON as TODAY
from tests.nlu.reading import opening_facts as _facts


def test_typed_homophones_of_dibao_and_of_the_disability_card() -> None:
    assert [str(i) for i in find_items("凭啥取消我们家的低包")] == ["dibao"]
    assert find_items("承包地") == []
    facts = _facts("我们家是低包户，我老伴是残废证二级")
    assert ("already_receives", ("dibao",), None) in facts
    assert ("members.disability_grade", 2, "spouse") in facts


def test_a_status_cancelled_is_not_received_now() -> None:
    cancelled = read_facts(
        "我们家是低保户，去年村里把我们家低保给取消了，凭啥取消？", TODAY, opening=True
    )
    assert not [f for f in cancelled.facts if f.name == "already_receives"]
    assert cancelled.complaint
    late = _facts("我们家是低保户，这个月的低保钱还没到账")
    assert ("already_receives", ("dibao",), None) in late  # a late payment: still received


def test_parents_who_divorced_each_other_still_count() -> None:
    facts = _facts("我爸妈前几年离婚了，我跟着我妈过，我妈今年五十，在超市上班")
    assert ("members.age", 50, "parent#母亲") in facts
    # the grandchildren's parents who divorced are not ours
    facts = _facts("两个孙子都是我带大的，他们爸妈离婚了，都不管。我今年六十七，老伴七十")
    assert ("members.age", 67, "self") in facts


def test_she_is_the_elder_asked_about_not_a_sister_in_a_group() -> None:
    text = (
        "我母亲今年八十三岁，我父亲三年前去世了，她现在一个人住在老房子里，"
        "我们姐弟四个每人每月给她二百块生活费。请问她能申请低保吗？"
    )
    reading = read_facts(text, TODAY, opening=True)
    assert reading.speaks_for is not None and reading.speaks_for.person.relation == "parent"


def test_an_income_followed_by_more_is_only_a_part() -> None:
    text = (
        "我母亲今年八十三岁，她一个人住，每月有一百六十多元的养老金，"
        "还有我们姐弟四个每人每月给她二百块生活费。她能申请低保吗？"
    )
    assert not [f for f in _facts(text) if f[0] == "monthly_income_total"]


def test_a_home_sold_is_none_of_their_own_but_renting_says_nothing() -> None:
    assert ("housing.has_own_housing", False, None) in _facts(
        "做生意赔了，房子也卖了还债，现在租房住"
    )
    assert not [f for f in _facts("在兰州租房子住了五年了") if f[0] == "housing.has_own_housing"]


def test_a_public_flat_lived_in_is_not_an_item_asked_for() -> None:
    reading = read_facts("我们住的是公租房，一个月房租三百。能申请低保吗？", TODAY, opening=True)
    assert [str(i) for i in reading.items] == ["dibao"]


def test_no_income_of_the_relative_asked_for_who_lives_alone() -> None:
    text = "我姑妈七十六了，一辈子没结婚，一个人住在村里，没收入，我想帮她问问特困能不能办"
    assert ("monthly_income_total", 0, None) in _facts(text)
    # a grown son's 没收入 is his own, not the household's
    assert not [f for f in _facts("我儿子三十了，没工作，没收入") if f[0] == "monthly_income_total"]
