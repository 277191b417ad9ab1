"""Openings of the outside-written dev batch openings_21 (the wording here is mine): a standing
the household says it does not have (不是低保户) is neither received nor asked for; the care
subsidy of the severely disabled is not the elderly's; a couple's joint pay is not the speaker's."""

from __future__ import annotations

import datetime as dt

from nlu.facts import read_facts
from tests.nlu.reading import opening_facts

TODAY = dt.date(2026, 12, 5)


def test_a_standing_said_not_to_be_held_is_neither_received_nor_asked_for() -> None:
    said = "俺们家不是低保户，家里出了事能不能申请临时救助"
    assert not any(name == "already_receives" for name, _, _ in opening_facts(said, TODAY))
    assert [str(i) for i in read_facts(said, TODAY, opening=True).items] == ["temporary_aid"]
    said = "孙女考上大学了，想办助学贷款，俺家既不是低保户也不是低收入户，能贷吗"
    assert [str(i) for i in read_facts(said, TODAY, opening=True).items] == ["student_loan"]


def test_a_standing_held_is_still_received_and_not_asked_for() -> None:
    said = "俺们家是低保户，家里出了事能不能申请临时救助"
    assert ("already_receives", ("dibao",), None) in opening_facts(said, TODAY)
    assert [str(i) for i in read_facts(said, TODAY, opening=True).items] == ["temporary_aid"]


def test_the_care_subsidy_of_the_severely_disabled_is_not_the_elderlys() -> None:
    said = "俺闺女是肢体残疾二级，重度残疾人护理补贴咋申请"
    assert "elderly_subsidy" not in [str(i) for i in read_facts(said, TODAY, opening=True).items]
    said = "俺爹八十多了瘫在炕上，老人的护理补贴咋申请"
    assert "elderly_subsidy" in [str(i) for i in read_facts(said, TODAY, opening=True).items]


def test_what_a_couple_earns_together_is_not_the_speakers_own_pay() -> None:
    def earners(said: str) -> list[str | None]:
        got = opening_facts(said, TODAY)
        return [who for name, _, who in got if name == "members.monthly_income"]

    assert earners("一家三口，俺两口子都在镇上打零工，一年下来也就挣个两万来块钱") == []
    assert earners("一家三口，俺在镇上打零工，一年下来也就挣个两万来块钱") == ["self"]


def test_a_farmer_by_what_they_are_has_a_rural_hukou() -> None:
    assert ("hukou_type", "rural", None) in opening_facts(
        "俺是庄浪县韩店镇的农民，想问问低保", TODAY
    )
    assert ("hukou_type", "rural", None) in opening_facts("我们都是种地的农民，家里困难", TODAY)
    # a migrant worker says where they work, not their hukou
    assert not any(n == "hukou_type" for n, _, _ in opening_facts("我是农民工，在兰州打工", TODAY))


def test_just_the_speaker_and_the_spouse_said_as_two_people() -> None:
    said = "房子塌了半边 家里就俺和老伴俩人 挤在剩下那一间"
    reading = read_facts(said, TODAY, opening=True)
    assert reading.size is not None and reading.size.value == 2
    said = "家里就俺和老伴俩人，还有儿子儿媳和孙子"
    reading = read_facts(said, TODAY, opening=True)
    assert reading.size is None or reading.size.value != 2


def test_a_drought_this_year_is_a_natural_disaster() -> None:
    got = opening_facts("今年天旱，地里基本没收成，日子过不下去了", TODAY)
    assert ("situations", ("natural_disaster",), None) in got


def test_an_age_a_rule_sets_is_nobodys() -> None:
    got = opening_facts("我妈快八十了，听说高龄津贴要满八十岁才有，她明年就满了", TODAY)
    assert [v for n, v, _ in got if n == "members.age"] == [79]
    got = opening_facts("听说八十岁以上的老人有高龄津贴，我爹今年八十二", TODAY)
    assert [v for n, v, _ in got if n == "members.age"] == [82]


def test_complaints_said_as_people_say_them() -> None:
    for said in (
        "村上说给报临时救助，额去乡上问了三回了都说等着，你们能不能给帮着催一下",
        "隔壁那家有小车还有楼房都吃上低保了，俺家就老两口，咋就评不上",
        "危房改造的钱到现在也没批下来，这事去哪儿说去",
        "公租房排了一年多了还没信儿，咋回事",
        "凭啥人家有关系的就能进监测户，我们这样的就不行",
    ):
        assert read_facts(said, TODAY, opening=True).complaint, said
    for said in ("我家老人八十了，想申请高龄津贴，去哪办", "低保没信心申请，手机没信号"):
        assert not read_facts(said, TODAY, opening=True).complaint, said


def test_looking_for_work_said_as_a_hardship_is_wanting_a_job() -> None:
    got = opening_facts("厂子倒闭了，我今年四十八了，找工作人家都嫌年龄大", TODAY)
    assert ("members.wants_job", True, "self") in got
