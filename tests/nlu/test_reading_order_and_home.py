"""Session 44 (lead): the stage of each child said right after 大的/小的 with no verb of studying
("两个娃上学 大的高三小的初二"), as people say it in one breath."""

from __future__ import annotations

from tests.nlu.reading import opening_facts


def _stages(text: str) -> set[tuple[object, str | None]]:
    return {
        (value, who) for fact, value, who in opening_facts(text) if fact == "members.school_stage"
    }


def test_stages_after_children_in_birth_order() -> None:
    assert _stages("我们两口子都在家种地 还有两个娃上学 大的高三小的初二") == {
        ("senior_high", "child"),
        ("junior_high", "child"),
    }
    assert _stages("两个闺女，大的高二，小的五年级") == {
        ("senior_high", "daughter"),
        ("primary", "daughter"),
    }


def test_a_place_of_work_after_the_eldest_is_no_stage() -> None:
    assert _stages("两个儿子，大的在大学当保安，小的打零工") == set()


def _situations(text: str) -> set[object]:
    return {value for fact, value, _ in opening_facts(text) if fact == "situations"}


def test_a_bill_of_an_elder_at_home_is_the_households() -> None:
    assert _situations("家里老人住院了，花了八万多，新农合报了一半，剩下的都是借的") == {
        ("sudden_medical_expense",)
    }
    assert _situations("村里老人住院了，花了八万多") == set()  # somebody of the village


def _assets(text: str) -> set[str]:
    return {fact for fact, _, _ in opening_facts(text) if fact.startswith("assets.")}


def test_a_car_or_house_of_kin_who_live_apart_is_not_the_households() -> None:
    for text in (
        "离婚五年了 一个人带着俩孩子 前夫再婚了 有车有房 一分抚养费都不给",
        "一辈子没结婚 一个人住在村里 侄子在城里 有楼房有车 逢年过节来看一眼",
        "俺娘八十九了 俺兄弟在济南市里住 有楼有车 一个月给俺娘三百",
    ):
        assert _assets(text) == set(), text


def test_the_households_own_car_is_still_read() -> None:
    assert "assets.vehicles" in _assets("俺两口子都六十多了 就靠儿子每个月给五百 有个老面包车拉货")
    assert "assets.vehicles" in _assets("我跟老伴过 老伴有辆小轿车")


def test_after_a_spouse_who_died_the_story_is_the_speakers_again() -> None:
    # voice input: one sentence; the facts after "老伴走了…" were taken as the late spouse's
    facts = opening_facts("俺七十六了 老伴走了十来年了 一辈子没儿没女 一个人住 办了残疾证 肢体三级")
    assert ("members.has_legal_supporter", False, "self") in facts
    assert ("members.disability_grade", 3, "self") in facts
    assert not {f for f in facts if f[2] == "spouse"}


def test_a_stage_of_somebody_no_member_word_names_is_not_the_speakers() -> None:
    assert _stages("我是会宁的 家里还有个上初中的丫头和七十多的婆婆") == set()
    assert _stages("孩子是上初中的，学习好") == {("junior_high", "child")}


def test_work_of_a_bare_nanren_is_not_the_speakers() -> None:
    jobs = {
        f
        for f in opening_facts("我是会宁的 男人在外面打工从脚手架上摔下来了")
        if f[0] == "members.employment"
    }
    assert jobs == set()
    assert ("members.employment", "migrant_worker", "spouse") in opening_facts(
        "我是会宁的 我男人在外面打工"
    )


def test_no_child_said_as_mei_haizi_leaves_no_supporter() -> None:
    facts = opening_facts("我一辈子没结婚，也没孩子，一个人住")
    assert ("members.has_legal_supporter", False, "self") in facts
    assert not {
        f for f in opening_facts("家里没孩子上学，就我们老两口") if f[0].endswith("supporter")
    }
