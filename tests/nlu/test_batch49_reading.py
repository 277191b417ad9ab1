"""Openings of dev set 36 (session 49): first-person stories where the reader stored wrong
facts: a stage said of "一个…一个…" or "大的" given to the speaker named last, the 供养金 a
person lives on read as an income (and its missing payment not heard as a complaint), "几千块"
stored as 5500, the villagers' claim about a son's car, a dialysis cost read as a sudden bill.
The texts are written for these tests, not copied from the set."""

from __future__ import annotations

from nlu.facts import read_facts
from tests.nlu.reading import READ_ON, opening_facts, opening_incomes


def _stages(text: str) -> set[tuple[object, str]]:
    return {
        (f[1], str(f[2]).partition("#")[0])
        for f in opening_facts(text)
        if f[0] == "members.school_stage"
    }


def test_one_of_two_grandsons_at_school_is_not_the_grandmother() -> None:
    text = "老伴走得早，三个孙女跟着我过，一个上初三，一个上小学，还有一个上幼儿园。"
    stages = _stages(text)
    assert all(who == "grandchild" for _, who in stages)
    assert {stage for stage, _ in stages} == {"junior_high", "primary", "preschool"}


def test_the_elder_at_school_with_no_child_named_is_nobodys() -> None:
    # not the speaker's (a fact without a member is the speaker's): whose children is not said
    assert _stages("我在家伺候婆婆，走不开。大的上高三，小的上初二。") == set()


def test_the_speaker_still_goes_to_school_when_said_of_herself() -> None:
    assert ("college", "self") in _stages("我今年考上了太原的一个大专，家里困难，学费交不起")


def test_living_on_the_support_payment_is_no_income() -> None:
    text = "我七十九了，一个人住。我的供养金上个月没打到卡上。俺就靠这点钱过，一个月六百来块。"
    assert opening_incomes(text) == []
    assert not any(f[0] == "members.monthly_income" for f in opening_facts(text))


def test_living_on_the_pension_pointed_back_at_is_an_income() -> None:
    text = "我七十九了，一个人住。我有养老金。俺就靠这点钱过，一个月六百来块。"
    assert opening_incomes(text) == [600]


def test_a_support_payment_not_paid_to_the_card_is_a_complaint() -> None:
    reading = read_facts(
        "我是特困户，特困供养金这三个月都没打到卡上，找谁去", READ_ON, opening=True
    )
    assert reading.complaint
    assert "tekun" in [str(i) for i in reading.items]


def test_a_few_thousand_a_year_says_no_income() -> None:
    assert opening_incomes("俺俩就靠种那几亩地，一年也就落个几千块。") == []


def test_two_or_three_thousand_a_year_is_still_read() -> None:
    assert opening_incomes("俺俩就靠种那几亩地，一年也就落个两三千块。") != []


def test_what_the_villagers_say_of_a_sons_car_is_their_claim() -> None:
    text = "乡里人都说俺家不困难，说俺小儿子有辆车，其实他早就搬出去住了。"
    assert not any(f[0] == "assets.vehicles" for f in opening_facts(text))


def test_a_dialysis_cost_it_takes_is_no_sudden_bill() -> None:
    text = "老伴尿毒症，一个星期透析三次。光透析自费的就得八千多，俺俩就靠退休金。"
    assert ("situations", ("sudden_medical_expense",), None) not in opening_facts(text)


def _pay(text: str) -> set[tuple[object, object]]:
    return {
        (f[1], f[0])
        for f in opening_facts(text)
        if f[0] in ("members.employment", "members.monthly_income") and f[2] in (None, "self")
    }


def test_work_told_by_what_one_does_gives_the_pay() -> None:
    for text in (
        "我在医院上夜班，一个月两千六。",
        "俺在饭馆刷盘子，一个月一千七。",
        "我在菜市场看车棚，一个月一千三。",
        "我在镇上的小厂子里干活，一个月两千三。",
    ):
        pay = _pay(text)
        assert ("employed", "members.employment") in pay, text
        assert any(name == "members.monthly_income" for _, name in pay), text


def test_a_disability_assessed_is_a_disability() -> None:
    facts = opening_facts("我男人干活摔断了腿，后来评了残疾，肢体四级，现在在家。")
    assert ("members.has_disability", True, "spouse") in {
        (f[0], f[1], str(f[2]).partition("#")[0]) for f in facts
    }


def test_the_own_house_said_in_passing() -> None:
    for text in (
        "俺俩住的是自家老窑洞，冬天冷得很。",
        "住的是老院子，自家的，就是旧了。",
        "房子是贷款买的，一个月还一千五。",
    ):
        assert ("housing.has_own_housing", True, None) in opening_facts(text), text
