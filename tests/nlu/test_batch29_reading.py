"""Dev openings (session 39): a big hospital bill said in the story is the sudden medical
expense (临时救助 支出型), a hit-and-run driver who ran off is not a member who left, a Latin
word ("ICU") between voice-typed pauses, and a speaker alone or a couple living on one income."""

from __future__ import annotations

from nlu.facts import read_facts
from tests.nlu.reading import READ_ON as TODAY
from tests.nlu.reading import opening_facts as _facts

SUDDEN_BILL = ("situations", ("sudden_medical_expense",), None)


def test_a_big_hospital_bill_is_a_sudden_medical_expense() -> None:
    assert SUDDEN_BILL in _facts("我妈在固原住院做心脏搭桥，已经花了八万多，我们家不是低保户")
    assert SUDDEN_BILL in _facts("丈夫在医院做了两次手术，已经花了八万多，医院还在催费")
    assert SUDDEN_BILL in _facts("我儿子看病借了三万块")


def test_a_regular_or_long_past_medical_cost_is_not_sudden() -> None:
    assert SUDDEN_BILL not in _facts("老伴尿毒症，每个月透析花两千多")
    assert SUDDEN_BILL not in _facts("前几年老汉住院花了五万多，现在好了")
    assert SUDDEN_BILL not in _facts("家里花了三万块盖了个棚")  # no treatment said
    assert SUDDEN_BILL not in _facts("要是住院花了两万的话能报多少")  # supposed
    assert SUDDEN_BILL not in _facts("这几年给老伴看病花了十几万")  # over years
    assert SUDDEN_BILL not in _facts("老伴住院三年多花了二十万")


def test_a_sum_spent_said_in_an_answer_is_the_expense_not_an_event() -> None:
    answer = read_facts("住院花了三万多，报了一万", TODAY)
    assert not [f for f in answer.facts if f.name == "situations"]


def test_the_driver_who_ran_off_is_not_the_husband() -> None:
    text = "我丈夫上周骑电动车下班的时候被一辆货车撞了，肇事司机跑了"
    assert ("situations", ("traffic_accident",), None) in _facts(text)
    husband = [m for m in read_facts(text, TODAY, opening=True).mentions if m.relation == "spouse"]
    assert husband and not husband[0].departed
    gone = read_facts("我男人跑了，孩子跟着我", TODAY, opening=True).mentions
    assert [m.departed for m in gone if m.relation == "spouse"] == [True]


def test_a_latin_word_between_pauses_ends_its_clause() -> None:
    text = "俺对象上个月骑电动车让货车撞了 现在还在ICU 肇事的跑了 到现在花了十二万"
    facts = _facts(text)
    assert ("situations", ("traffic_accident",), None) in facts
    assert SUDDEN_BILL in facts


def test_the_speaker_alone_at_home_is_one() -> None:
    for text in ("我一个人在家，没有退休金", "闺女嫁到河北了，平时都是我一个人。身体越来越差"):
        reading = read_facts(text, TODAY, opening=True)
        assert reading.size is not None and reading.size.value == 1, text
    assert read_facts("我一个人在家带孩子，老公在外打工", TODAY, opening=True).size is None


def test_the_two_who_live_on_one_income_are_two() -> None:
    reading = read_facts("俺和老伴都七十多了，俺俩就靠每月一千三的退休金过", TODAY, opening=True)
    assert reading.size is not None and reading.size.value == 2
    assert read_facts("俺俩就靠儿子养活", TODAY, opening=True).size is None


def test_a_house_sold_is_none_now_and_a_wish_to_sell_is_not() -> None:
    sold = _facts("前前后后花了一百多万 卖了房子还欠了四十多万 现在我们租房住")
    assert ("housing.has_own_housing", False, None) in sold
    for wish in ("要不要卖了房子给他看病", "只能卖了房子", "能卖了房子吗"):
        assert not [f for f in _facts(wish) if f[0] == "housing.has_own_housing"], wish


def test_a_home_half_fallen_or_leaking_in_the_rain_is_dangerous() -> None:
    text = "一个人住在村里的老窑洞，去年秋天连阴雨塌了半边，现在下雨就往里漏"
    assert ("housing.is_dangerous_house", True, None) in _facts(text)
    assert not [f for f in _facts("院墙塌了半边") if f[0] == "housing.is_dangerous_house"]


def test_a_policy_question_in_dialect_is_one() -> None:
    """Shanxi's 甚 is 什么: "是甚意思" asks what a term means, as "是什么意思" does."""
    asked = read_facts("低保边缘说的是甚意思", TODAY, opening=True).policy_question
    assert asked == "低保边缘说的是甚意思"
    assert read_facts("甚至连饭都吃不上", TODAY, opening=True).policy_question is None


def test_an_age_said_before_where_they_work_is_theirs() -> None:
    facts = _facts("俺五十二 俺男人五十五在银川工地上干活")
    assert ("members.age", 52, None) in facts and ("members.age", 55, "spouse") in facts
    assert ("members.age", 70, "spouse") in _facts("老伴七十还在地里干活")
    # "二十就出去打工了": when he left, not how old he is
    assert not [f for f in _facts("儿子二十就出去打工了") if f[0] == "members.age"]


def test_each_of_the_couples_pay_is_each_ones() -> None:
    facts = _facts("我两口子在饭店打工，一个人一个月两千五，还有俩娃上小学")
    assert ("members.monthly_income", 2500.0, "self") in facts
    assert ("members.monthly_income", 2500.0, "spouse") in facts
    alone = _facts("就俺老两口，一人一个月一百七十块养老金")
    assert ("monthly_income_total", 340.0, None) in alone
    brick = _facts("额和老汉两个都在砖厂干活，一个人一个月两千")
    assert ("members.monthly_income", 2000.0, "spouse") in brick


def test_each_of_two_who_are_not_the_couple_is_not_read_as_theirs() -> None:
    for text in (
        "我和儿子两个人，一人一个月一千",
        "他们俩一人一个月两千",
        "我跟闺女俩，一个人一个月一千五",
    ):
        assert not [f for f in _facts(text) if "income" in f[0]], text


def test_my_aunt_or_uncle_said_short_is_the_person_asked_for() -> None:
    """我姑, 俺舅, 俺姨: an aunt or uncle after a possessive, as 姑姑, 舅舅 are; 我姑娘 stays a
    daughter."""
    reading = read_facts("替我姑问问，她今年六十七了，一个人住", TODAY, opening=True)
    assert reading.speaks_for is not None and reading.speaks_for.word == "姑"
    assert reading.speaks_for.size == 1
    assert ("members.age", 67, "other") in _facts("帮俺舅问问，他一个人过，六十七了")
    daughter = read_facts("我姑娘今年考上大学了", TODAY, opening=True).mentions
    assert [m.relation for m in daughter if m.relation != "self"] == ["daughter"]


def test_a_grade_not_remembered_is_not_stored() -> None:
    """ "三级还是四级记不清了": which grade is not known, so none is stored (the first one said was)."""
    for text in ("他办了个残疾证 眼睛看不见 三级还是四级记不清了", "老伴是残疾人，三级或者四级"):
        facts = _facts(text)
        assert [f for f in facts if f[0] == "members.has_disability"], text
        assert not [f for f in facts if f[0] == "members.disability_grade"], text
    assert [f[1] for f in _facts("我爸有残疾证，二级的") if f[0] == "members.disability_grade"] == [
        2
    ]
