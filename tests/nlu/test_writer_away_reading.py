"""A story written for a parent who lives alone: the writer's own pay, told in a clause that
names nobody after the writer's job, is not the parent's household income (session 45)."""

from __future__ import annotations

from nlu.facts import read_facts
from tests.nlu.reading import READ_ON, opening_facts, opening_incomes


def test_the_writers_pay_after_the_writers_job_is_not_the_mothers_income() -> None:
    text = (
        "我想给我妈问一下 她今年七十八 一个人在村里住 我在太原开出租 一个月也就挣个四五千 "
        "还要供孩子上大学"
    )
    assert opening_incomes(text) == []
    # the writer's own pay stays the writer's (the questionnaire asks about the mother alone)
    pays = {fact for fact in opening_facts(text) if fact[0] == "members.monthly_income"}
    assert pays <= {("members.monthly_income", 4500.0, "self")}


def test_the_mothers_pension_after_her_own_clause_is_still_hers() -> None:
    text = "我想给我妈问一下 她今年七十八 一个人在村里住 我在太原开出租 她每月有一百多养老金"
    assert opening_incomes(text) == [150]
    # a reflexive 自己 names nobody new: the pension is still hers
    text = "帮我妈问一下 她68了 一个人在村里住自己的窑洞 就一个月一百三的养老金"
    assert opening_incomes(text) == [130]


def test_an_income_followed_by_another_source_is_only_a_part() -> None:
    # "还有三亩地包出去了一年一千五": the pensions' 三百来块 is not all the household has
    for pensions in ("一个月三百来块", "一个月加起来三百来块"):
        text = f"俺老两口 家里就靠俺俩的养老金 {pensions} 还有三亩地包出去了一年一千五"
        assert opening_incomes(text) == []
    # a cost after it is no further income
    text = "俺老两口 家里就靠俺俩的养老金 一个月三百来块 还有个孙子上学 一年学费三千"
    assert opening_incomes(text) == [300]


def test_a_question_about_a_parent_who_lives_alone_is_asked_for_her() -> None:
    text = (
        "我娘今年八十三了 俺爹走了好些年了 俺娘一个人在老家住 眼睛看不见了 "
        "我们姊妹四个都在外地打工 俺娘这样能吃上特困不"
    )
    said = read_facts(text, READ_ON, opening=True).speaks_for
    assert said is not None and said.person.relation == "parent" and said.size == 1
    # with no household of his own said, the father may live with the speaker
    assert (
        read_facts("我爸七十了 腿脚不好 我爸这种情况能办低保不", READ_ON, opening=True).speaks_for
        is None
    )


def test_the_certificate_after_the_speaker_cares_for_him_is_his() -> None:
    text = "俺男人前年在煤矿上出了事 腰椎骨折 现在瘫在床上 大小便都得俺伺候 办了残疾证 肢体一级"
    grades = {(f[2], f[1]) for f in opening_facts(text) if f[0] == "members.disability_grade"}
    assert grades == {("spouse", 1)}
    # the speaker's own, said after she names herself
    text = "我伺候我娘三年了 我自己也有病 办了残疾证 肢体二级"
    grades = {(f[2], f[1]) for f in opening_facts(text) if f[0] == "members.disability_grade"}
    assert grades == {("self", 2)}
