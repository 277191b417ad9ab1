"""A member who lives with another child of their own ("我婆婆在老家跟她大儿子过") is not in
the household, and neither is that child: her son is not the speaker's son."""

from __future__ import annotations

from tests.nlu.reading import opening_facts, opening_size


def relation(who: str | None) -> str | None:
    return who.split("#")[0] if who else None  # "parent#婆婆": a parent named 婆婆


def test_a_mother_in_law_living_with_her_other_son_is_not_ours() -> None:
    text = (
        "我们一家四口在外头租房子住 家里就靠我老公在工地干活 我在家看俩孩子 "
        "大的是闺女八岁 小的是儿子才三岁 我婆婆七十多了在老家跟她大儿子过"
    )
    got = opening_facts(text)
    assert not any(relation(who) == "parent" for _, _, who in got), got
    assert ("members.age", 3, "son") in got
    assert opening_size(text) == 4


def test_her_daughter_is_not_ours_either() -> None:
    got = opening_facts("我妈八十了，跟着她闺女住，我一个人，今年五十八")
    assert not any(relation(who) in ("parent", "daughter") for _, _, who in got), got


def test_going_somewhere_with_a_brother_keeps_the_member() -> None:
    got = opening_facts("我老伴六十二了，跟他弟弟去工地干活，一个月两千")
    assert ("members.age", 62, "spouse") in got
