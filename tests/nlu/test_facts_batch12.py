"""Facts in openings typed on a phone (dialogue/dev/openings_12.yml): relatives told in
dialect (俺对象, 孙娃, 我大爷, 舅妈), "我俩" after a spouse is named, the illness somebody died
of, a kind of people an aid is for, 低保边缘户 as a status, the household size said with a
place ("一个人在老家住") or a verb of raising children, and the size of a relative's own
household when asking for them."""

from __future__ import annotations

import datetime as dt

import pytest

from nlu.facts import read_facts

TODAY = dt.date(2026, 12, 4)


def _facts(text: str) -> set[tuple[str, object, str | None]]:
    return {
        (f.name, tuple(f.value) if isinstance(f.value, list) else f.value, f.who)
        for f in read_facts(text, TODAY, opening=True).facts
    }


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "俺对象去年得了脑梗，走路不利索",
            ("members.serious_illness_kind", "cardio_cerebral", "spouse"),
        ),
        ("我孙娃今年八岁了", ("members.age", 8, "grandchild")),
        ("我大爷今年八十五了", ("members.age", 85, "other")),
        ("老伴心脏不好，前几年做过支架", ("members.serious_illness_kind", "heart", "spouse")),
        ("我是退役士兵，现在五十多了", ("members.is_veteran", True, "self")),
        ("我儿子大学毕业了，想回县城找个活干", ("members.wants_job", True, "son")),
    ],
)
def test_relatives_and_facts_in_everyday_words(
    text: str, fact: tuple[str, object, str | None]
) -> None:
    assert fact in _facts(text)


def test_an_aunt_by_marriage_is_no_parent() -> None:
    reading = read_facts("舅妈在饭店洗碗", TODAY, opening=True)
    assert [m.relation for m in reading.mentions] == ["other"]


def test_we_two_after_the_spouse_is_named_are_both() -> None:
    facts = _facts("孙子跟着我和老伴过，我俩都七十多了")
    assert ("members.age", 75, "self") in facts
    assert ("members.age", 75, "spouse") in facts
    # nobody named as a spouse: 我俩 is not guessed to be a couple
    assert {f[2] for f in _facts("我俩都七十多了") if f[0] == "members.age"} == {"self"}


def test_the_illness_somebody_died_of_is_nobodys() -> None:
    facts = _facts("她男人前年得脑溢血没了，她自己腰不好")
    assert not [f for f in facts if "illness" in f[0]]
    # money spent is not a death: the illness stays
    assert ("members.serious_illness_kind", "kidney", "spouse") in _facts(
        "老伴得了尿毒症，透析钱都用光了"
    )


def test_a_kind_of_people_an_aid_is_for_is_no_members_fact() -> None:
    facts = _facts("孙子跟着我们，这边有没有对困难退役军人的帮扶")
    assert not [f for f in facts if f[0] == "members.is_veteran"]
    assert ("members.is_veteran", True, "self") in _facts("我是退役军人，孙子跟着我们")


def test_dibao_edge_household_is_a_status_not_an_item_asked() -> None:
    reading = read_facts("我们家是低保边缘户，闺女考上大学了", TODAY, opening=True)
    assert ("already_receives", ["dibao_edge"]) in [(f.name, f.value) for f in reading.facts]
    assert reading.items == []


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("老伴没了，我一个人在老家住，种不动地了", 1),
        ("三个闺女都嫁出去了，现在就俺俩在家", 2),
        ("娃他爸走了，我一个人拉扯两个娃，日子难", 3),
    ],
)
def test_household_size_in_everyday_words(text: str, size: int) -> None:
    reading = read_facts(text, TODAY, opening=True)
    assert reading.size is not None and reading.size.value == size


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("帮我舅舅问问，他有尿毒症，他们家就两口人，能申请吗", 2),
        ("替我妈问一下，她一个人在村里住，能办低保不", 1),
    ],
)
def test_the_size_of_the_household_asked_for(text: str, size: int) -> None:
    said = read_facts(text, TODAY, opening=True).speaks_for
    assert said is not None and said.size == size


def test_a_standard_asked_is_a_policy_question() -> None:
    assert read_facts("低保标准现在农村是多少钱一年", TODAY, opening=True).policy_question


def _income(text: str) -> list[float]:
    reading = read_facts(text, TODAY, opening=True)
    return [f.value for f in reading.facts if f.name == "monthly_income_total"]


def test_the_income_of_a_relative_asked_for_who_lives_alone_is_the_households() -> None:
    assert _income("替我姥姥问问，她一个人在镇上住，每个月就两百来块的养老金") == [200]
    # the speaker's own pay is not the relative's household's
    assert _income("替我姥姥问问，她一个人在镇上住，我在外地打工一个月三千") == []


def test_an_amount_after_a_clause_about_income_is_the_lone_speakers() -> None:
    assert _income("家里就我一个人，收入不稳定，一个月也就一两千") == [1500]
    # not when the clause before has an amount of its own
    assert _income("老伴没了，就我一个人，收入有两千，一个月房租八百") == []


def test_the_household_lives_on_the_amount_said_before() -> None:
    text = "我在饭馆打工一个月两千二，儿子上初中，一家三口就靠我这点工资"
    assert _income(text) == [2200]
    assert _income("我在饭馆打工一个月两千二，儿子上初中") == []
    # "就靠这个": the thing said before, whatever it was called
    assert _income("俺退休金一个月两千四，仨人就靠这个") == [2400]
    assert _income("老伴养老金一个月一千二，俺俩全靠这个过日子") == [1200]


def test_somebody_living_in_our_home_does_not_make_a_status_someone_elses() -> None:
    facts = _facts("我和老伴都种地，家里还有个老人，一家三口，是脱贫户")
    assert ("is_formerly_poor", True, None) in facts
    assert ("is_formerly_poor", True, None) not in _facts("我们村有个老人，是脱贫户")


def test_a_grade_said_on_its_own_after_a_disability_is_that_members() -> None:
    facts = _facts("我腿有残疾，残疾证是二级，我老婆是听力残疾，也有证，三级")
    assert ("members.disability_grade", 2, "self") in facts
    assert ("members.disability_grade", 3, "spouse") in facts


def test_a_wish_in_the_speakers_own_asking_is_the_speakers() -> None:
    facts = _facts("我今年三十岁，爸妈都在家种地，想问问有没有免费的技能培训")
    assert ("members.wants_training", True, "self") in facts
    facts = _facts("老婆在饭店上班，儿子在读初中，想问问能领点啥，也想参加个技能培训")
    assert ("members.wants_training", True, "self") in facts
    # a member named after the asking verb is the one who wishes
    facts = _facts("想问问我儿子能不能参加，他想找个工作")
    assert ("members.wants_job", True, "self") not in facts


def test_a_late_payment_means_it_is_received_and_a_complaint_is_about_it() -> None:
    reading = read_facts("低保的钱这个月咋还没到账，一拖再拖", TODAY, opening=True)
    assert ("already_receives", ["dibao"]) in [(f.name, f.value) for f in reading.facts]
    assert reading.complaint and reading.items == ["dibao"]
    # a status alone is not what a complaint is about
    reading = read_facts("我家是低保户，申请临时救助三个月了没消息", TODAY, opening=True)
    assert reading.complaint and reading.items == ["temporary_aid"]


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("俺姐夫", "other"),  # no 姐
        ("我弟媳", "other"),  # no 弟
        ("孩儿他娘", "spouse"),
        ("我先生", "spouse"),
        ("我继母", "parent"),
        ("我重孙女", "grandchild"),
        ("俺姑爷", "son"),
    ],
)
def test_relatives_in_law_and_by_other_words(text: str, relation: str) -> None:
    from nlu.lexicon import match_relations

    assert [m.id for m in match_relations(text)] == [relation]


def test_item_names_in_everyday_words() -> None:
    from nlu.lexicon import find_items

    assert find_items("想申请零时救助") == ["temporary_aid"]
    assert find_items("失业证在哪办") == ["unemployment_registration"]
    reading = read_facts("我们家是边缘户，老伴住院了", TODAY, opening=True)
    assert ("already_receives", ["dibao_edge"]) in [(f.name, f.value) for f in reading.facts]
    assert reading.items == []


def test_a_house_said_to_be_dangerous_is_no_request_for_renovation() -> None:
    reading = read_facts("我家房子是危房，下雨就漏，想申请低保", TODAY, opening=True)
    assert ("housing.is_dangerous_house", True) in [(f.name, f.value) for f in reading.facts]
    assert reading.items == ["dibao"]
    assert read_facts("房子是危房，想申请危房改造", TODAY, opening=True).items == [
        "rural_housing_renovation"
    ]


def test_no_other_income_makes_the_amount_before_the_households() -> None:
    text = "我在工地干活一个月两千五，老婆没工作。家里就这一个收入。已经吃着低保了，一个月三百多"
    assert _income(text) == [2500]
    assert _income("老伴一个月一千二的退休金，别的啥收入也没有") == [1200]
    # two amounts before it: which one the household lives on is not guessed
    assert _income("我一个月两千，老婆一个月八百，别的收入也没有") == []


def test_an_income_after_a_clause_with_the_couple_as_subject_is_the_households() -> None:
    assert _income("我和老伴都在家种地，一年收入也就一万二") == [1000]
    assert _income("两个人都干不了重活，一年种地收入也就一万二") == [1000]
    # the spouse alone before it: the spouse's
    assert _income("老伴在家种地，一年收入也就一万二") == []
