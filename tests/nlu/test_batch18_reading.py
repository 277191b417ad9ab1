"""Dev batch 5 conversations (session 29): a question about the veterans' office is no fact
about anyone, a planned stent is a heart illness ("心脏不好" denies nothing), a widow alone with
two children and which school each is at, and 脱的贫 / 纳入监测 in everyday words."""

from __future__ import annotations

from nlu.facts import read_facts
from nlu.lexicon import find_items
from tests.nlu.reading import READ_ON as TODAY
from tests.nlu.reading import opening_facts as _facts


def test_asking_the_veterans_office_is_nobodys_fact() -> None:
    facts = _facts("我是九几年退伍的老兵，现在五十八了，老伴身体也不好，退役军人那边有没有帮扶")
    assert ("members.is_veteran", True, "self") in facts
    assert ("members.is_veteran", True, "spouse") not in facts


def test_a_stent_to_come_is_a_heart_illness_and_not_good_denies_nothing() -> None:
    facts = _facts("老伴心脏不好要下支架")
    assert ("members.serious_illness_kind", "heart", "spouse") in facts
    assert not [f for f in _facts("他不是癌症") if f[0] == "members.has_serious_illness"]


def test_alone_with_two_children_is_three_and_the_children_are_counted() -> None:
    reading = read_facts(
        "孩子他爸前年车祸没了，我一个人带俩孩子，大的上初中小的上小学", TODAY, opening=True
    )
    assert reading.size is not None and reading.size.value == 3
    children = [m for m in reading.members() if m.relation == "child"]
    assert [m.count for m in children] == [2]
    # "在家带娃" says nothing of the size; "二娃" is the second child, not two
    assert read_facts("老婆在家带娃", TODAY, opening=True).size is None
    second = read_facts("二娃上小学", TODAY, opening=True)
    assert [m.count for m in second.members() if m.relation == "child"] == [1]


def test_out_of_poverty_and_monitoring_in_everyday_words() -> None:
    assert ("is_formerly_poor", True, None) in _facts("俺家前几年才脱的贫")
    assert [str(i) for i in find_items("能不能给纳入监测")] == ["relapse_monitoring"]


def test_work_hard_to_find_is_looking_for_work() -> None:
    assert ("members.wants_job", True, "self") in _facts("俺四十二了不好找活")
