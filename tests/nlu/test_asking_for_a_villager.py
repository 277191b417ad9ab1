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


def test_a_teacher_writing_of_a_pupils_family() -> None:
    # the pupil's grandfather is not the teacher's: nobody named is placed in that household
    text = "我是县里一所小学的老师 我们班有个孩子 今年九岁 跟着爷爷过 爷爷七十六了 有残疾证 肢体二级 他们家能吃低保吗"
    assert member_facts(text) == set()


def test_a_hospital_social_worker_writing_of_a_patient() -> None:
    text = "我是市医院的医务社工 急诊昨天收了一个病人 四十多岁 在工地上摔伤了 他家五口人 能申请临时救助吗"
    assert member_facts(text) == set()
    assert opening_size(text) == 5  # "他家五口人": the patient's household


def test_a_report_headed_by_the_grid_worker() -> None:
    # the worker's own age, told before the household in their charge
    text = (
        "网格员反映：我今年三十八，管着东关社区。网格内有一户，户主六十五岁，无儿无女，能申请特困吗"
    )
    assert member_facts(text) == set()


def test_a_stranger_called_big_sister_is_no_sister() -> None:
    text = "我是社区网格员 替辖区一个大姐问问 她今年五十一 一个人住 能申请公租房吗"
    assert member_facts(text) == set()


def test_recognised_as_a_patient_is_no_patient_asked_for() -> None:
    # "认定为…重病患者": the item asked about, not somebody the writer asks for
    text = "俺儿子十六了 得了白血病 想问问能不能认定为因病致贫重病患者并申请医疗救助"
    assert ("members.age", 16, "son") in opening_facts(text)
