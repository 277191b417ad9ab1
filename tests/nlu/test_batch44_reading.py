"""Session 44 (dev openings 31): whose a fact is in long first messages, jobs said by what one
does, money that is no income (an old-age allowance, the 低保 listed among incomes, a crop's
season), and another family's head count."""

from __future__ import annotations

import pytest

from nlu.facts import read_facts
from tests.nlu.reading import READ_ON as TODAY
from tests.nlu.reading import opening_facts, opening_incomes, opening_size


def _whose(text: str, name: str) -> list[tuple[str | None, object]]:
    facts = read_facts(text, TODAY, opening=True).facts
    return [(f.who, f.value) for f in facts if f.name == f"members.{name}"]


def test_a_child_given_to_the_speaker_is_the_one_at_school() -> None:
    text = "前年离的婚，孩子判给我了，今年上小学三年级，我在商场卖衣服"
    assert {who for who, _ in _whose(text, "school_stage")} == {"child"}


def test_the_speaker_followed_still_works() -> None:
    assert _whose("孩子跟着俺，上初二", "school_stage") == [("child", "junior_high")]


@pytest.mark.parametrize(
    "text",
    [
        "俺老两口七十多了，儿子在嘉峪关上班，有时候给寄个几百块，自己一家四口也紧巴",
        "闺女嫁到兰州了，他家五口人住在城里",
    ],
)
def test_another_familys_head_count_is_no_size(text: str) -> None:
    assert opening_size(text) is None


def test_our_own_head_count_is_the_size() -> None:
    assert opening_size("我们自己一家四口，就靠我打工") == 4
    assert opening_size("儿子在外地，我们家一家三口") == 3


def test_dialysis_paid_for_is_the_ill_son_in_laws_not_the_speakers() -> None:
    text = (
        "我跟着闺女女婿过，女婿今年查出来尿毒症，一周透析两次，"
        "家里就靠闺女那点工资和我这点养老金，透析的钱医保报完一个月还得自己掏一千多"
    )
    ill = _whose(text, "has_serious_illness")
    assert ill and all(who == "son#女婿" for who, _ in ill)


@pytest.mark.parametrize(
    ("text", "employment"),
    [
        ("我在家附近的小饭馆帮厨，一个月1800", "employed"),
        ("我男人在太原给人家看工地，一个月三千五", "employed"),
        ("我在超市收银，一个月两千三", "employed"),
        ("我在商场卖衣服，底薪两千", "employed"),
        ("我爱人在物流公司开货车，一个月五六千", "employed"),
        ("我在小区门口修自行车，一个月一千多块", "flexible"),
        ("我在小区门口卖早点", "flexible"),
        ("俺在外头工地上干活，一天二百", "migrant_worker"),
    ],
)
def test_a_job_said_by_what_one_does(text: str, employment: str) -> None:
    assert employment in {value for _, value in _whose(text, "employment")}


@pytest.mark.parametrize(
    ("text", "pay"),
    [
        ("我今年五十三，我在家附近的小饭馆帮厨，一个月1800", 1800),
        ("我男人在太原给人家看工地，一个月三千五", 3500),
        ("我五十六了，在小区门口修自行车，一个月一千五", 1500),
    ],
)
def test_the_pay_of_such_a_job_is_the_workers(text: str, pay: int) -> None:
    assert [round(v) for _, v in _whose(text, "monthly_income")] == [pay]  # type: ignore[call-overload]


def test_an_old_age_allowance_is_no_income() -> None:
    text = "俺娘今年八十九了，俺娘没有养老金，就一个月一百多的老年补贴"
    assert _whose(text, "monthly_income") == []


def test_a_crops_season_is_no_quarter() -> None:
    text = "俺老两口就靠种点樱桃，一季能卖个七八千，俺俩七十了"
    assert opening_incomes(text) == []


def test_the_dibao_listed_with_the_money_is_received_not_earned() -> None:
    text = "俺就领着俩娃过，地种不过来包出去了，再就是低保，三口人一个月加起来九百多"
    assert ("already_receives", ("dibao",), None) in opening_facts(text)
    assert opening_incomes(text) == []


def test_the_dibao_asked_for_after_another_item_is_not_received() -> None:
    text = "我一个人过，想问问能不能申请公租房，还有低保"
    assert not any(name == "already_receives" for name, _, _ in opening_facts(text))


def test_a_couples_yearly_earnings_are_not_the_speakers_own_pay() -> None:
    text = "额是同心县的，额和娃他妈都在家务农，养了十几只羊，一年也就挣个两万块钱"
    assert [who for who, _ in _whose(text, "monthly_income")] == []


def test_her_own_wish_for_work_is_hers() -> None:
    text = "我想帮我闺女问一下，她今年二十九了，听力残疾二级，她自己想找个活干"
    assert _whose(text, "wants_job") == [("daughter", True)]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("我在家照顾婆婆，婆婆八十一了，老年痴呆，大小便都不知道了，全靠我伺候", "parent#婆婆"),
        ("老汉七十四，三年前脑梗了，瘫在炕上，大小便都不知道了，全靠俺一个人伺候", "spouse"),
        ("俺娘今年八十九了，下不来炕了，吃喝拉撒都得人伺候", "parent#母亲"),
    ],
)
def test_total_care_said_of_an_elder_is_the_heaviest_grade(text: str, who: str) -> None:
    assert _whose(text, "elder_ability_grade") == [(who, 3)]


@pytest.mark.parametrize(
    "text",
    [
        # a son of forty-three: no elder-ability question for him
        "俺家小子四十三了，下半身瘫痪，大小便都得俺俩给弄",
        # the grade assessed wins over the description
        "老伴79岁，一直卧床，吃喝拉撒都要人伺候，上个月评估，评的是中度失能",
        # bedridden alone says no grade
        "婆婆八十七了，瘫在床上三年了",
    ],
)
def test_no_total_care_grade_for_the_young_the_assessed_or_the_bedridden_alone(text: str) -> None:
    assert (None, 3) not in _whose(text, "elder_ability_grade")
    assert not any(v == 3 for _, v in _whose(text, "elder_ability_grade"))


def test_the_one_worked_for_is_not_the_worker() -> None:
    text = "我男人在太原给人家看工地，一个月三千五"
    assert _whose(text, "employment") == [("spouse", "employed")]


def test_savings_said_then_spent_are_none() -> None:
    text = "俺家里就我爸我妈和我三口人，家里的存款就2万多，早就花完了，这会儿还借了五万"
    assert [v for n, v, _ in opening_facts(text) if n == "assets.deposits"] == [0]


def test_savings_kept_are_read() -> None:
    assert [
        v for n, v, _ in opening_facts("存款有两万，还留着看病用") if n == "assets.deposits"
    ] == [20000]


def test_knocked_down_by_a_truck_is_a_traffic_accident() -> None:
    text = "昨天下午我老公骑电动车去送孩子上学，在路口被一辆大货车刮倒了，左腿粉碎性骨折"
    assert ("situations", ("traffic_accident",), None) in opening_facts(text)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("俺和屋里人都四十出头，俺在外头工地上干活", 40, 44),
        ("俺和俺对象都是四十来岁，在家种地", 36, 44),
    ],
)
def test_an_age_said_of_the_couple_with_dou_is_each_ones(text: str, low: int, high: int) -> None:
    ages = _whose(text, "age")
    assert {who for who, _ in ages} == {"self", "spouse"}
    assert all(low <= age <= high for _, age in ages)  # type: ignore[operator]


def test_no_age_from_money_said_with_dou() -> None:
    assert _whose("我和老伴看病钱都五十多块一次", "age") == []
