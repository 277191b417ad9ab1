"""An opening a grid worker, a village cadre or a neighbour writes for a villager's household:
the writer's own age and family, and the villager's relatives named by their relation to the
villager, are nobody's in that household; only what is said of the household as a whole is
kept. Before, the writer's age was stored as the applicant's and the villager's wife as the
writer's spouse. The texts are written for these tests."""

from __future__ import annotations

from tests.nlu.reading import opening_facts, opening_size


def member_facts(text: str) -> set[tuple[str, object, str | None]]:
    return {f for f in opening_facts(text) if f[0].startswith("members.")}


def test_a_grid_workers_own_age_is_not_the_applicants() -> None:
    text = (
        "我是村里的网格员 今年二十九 替我们村一个老人问问 他七十八了 腿有残疾 肢体二级 能办特困吗"
    )
    assert member_facts(text) == set()


def test_the_villagers_relatives_are_not_the_writers() -> None:
    text = "我是村支书，替村里王家问一下：他家四口人，老汉六十五，老伴六十二，儿子三十了在外地打工。能申请低保吗"
    assert member_facts(text) == set()
    assert opening_size(text) == 4  # "他家四口人": the household asked for


def test_a_household_in_the_grid_workers_charge() -> None:
    text = "你好 我是社区网格员 我们小区有个老大爷 八十多了 儿子有智力残疾 一级 我自己的父亲也八十了 他们能申请特困吗"
    assert member_facts(text) == set()


def test_household_facts_of_the_villager_stay() -> None:
    text = "我是替我们楼下的张奶奶问的，她今年八十一，住的是她自己的房子，家里是低保户，能申请临时救助吗"
    facts = opening_facts(text)
    assert ("already_receives", ("dibao",), None) in facts
    assert not any(f[0].startswith("members.") for f in facts)


def test_asking_for_the_village_then_telling_of_ones_own_family() -> None:
    # "就是替村里人问问" and then the speaker's own household: the speaker's facts stay
    text = "临时救助能办几次 就是替村里人问问 俺家四口人 俺和老伴都五十 在家种地"
    assert ("members.age", 50, "self") in opening_facts(text)


def test_a_relative_asked_for_is_still_the_relatives() -> None:
    text = "我替我们村里的我姑姑问问，她七十了，一个人住"
    assert ("members.age", 70, "self") not in opening_facts(text)
