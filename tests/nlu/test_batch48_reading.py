"""Openings of dev set 35 (session 48): a disabled persons' federation worker's client, a
landlord's tenants, a cadre's report on a 户主, a loan paid back, the two parents' pensions said
each, a kind of people asked about and other households' benefits were read as the household's
(or the speaker's). The texts are written for these tests, not copied from the set."""

from __future__ import annotations

from nlu.facts import read_facts
from tests.nlu.reading import READ_ON, opening_facts, opening_incomes


def _items(text: str) -> list[str]:
    return [str(i) for i in read_facts(text, READ_ON, opening=True).items]


def test_a_disabled_persons_federation_workers_client_is_nobody_of_theirs() -> None:
    text = "我是县残联的 我们这边有个残疾人 五十岁 肢体二级 跟他老母亲一起过 家里就娘俩 能办特困吗"
    facts = opening_facts(text)
    assert not any(f[0].startswith("members.") for f in facts)


def test_a_landlord_is_not_the_tenant_household() -> None:
    text = "我是房东 我有个租户一家三口 男的在工地干活 我自己也七十了 他们能申请公租房吗"
    facts = opening_facts(text)
    assert not any(f[0].startswith("members.") for f in facts)


def test_a_landlord_who_does_not_say_so_keeps_the_house_to_himself() -> None:
    text = "俺有套房子租出去了 租给一家从外地来的 两口子带着个娃 男的跑快递 他们能申请个救助不"
    facts = opening_facts(text)
    assert not any(f[0].startswith("members.") for f in facts)
    assert not any(f[0] == "housing.has_own_housing" for f in facts)


def test_a_cadres_report_on_a_head_of_household() -> None:
    text = "我是村支书 反映个情况 1、户主六十岁 2、他老母亲八十多 3、他去年查出来胃癌 还在化疗"
    assert not any(f[0].startswith("members.") for f in opening_facts(text))


def test_waiye_and_wainai_are_the_mothers_parents() -> None:
    facts = opening_facts("我替我外爷问问 外爷今年八十一了 一个人住 能办低保不")
    assert any(
        f[0] == "members.age" and f[1] == 81 and str(f[2]).startswith("grandparent") for f in facts
    )


def test_a_loan_paid_back_each_month_is_no_pay() -> None:
    facts = opening_facts("俺家四口人 俺老公开大车一个月还车贷五千 俺在家带娃")
    assert not any(f[0] == "members.monthly_income" for f in facts)


def test_the_two_parents_pensions_said_each() -> None:
    text = "我爸七十五 我妈七十二 就靠两个人的养老金过 一个人一百二"
    assert opening_incomes(text) == [240]
    pays = [f for f in opening_facts(text) if f[0] == "members.monthly_income"]
    assert len(pays) == 2 and all(f[1] == 120 and str(f[2]).startswith("parent") for f in pays)


def test_a_kind_of_people_asked_about_is_not_the_household() -> None:
    assert not any(
        f[0] == "has_local_hukou" for f in opening_facts("外地户口在这打工的 能申请公租房吗")
    )
    said = opening_facts("俺们是外地户口 能在这申请公租房吗")
    assert ("has_local_hukou", False, None) in said


def test_other_households_benefit_is_no_item_asked_for() -> None:
    assert "dibao" not in _items("村里好几户都吃上低保了 俺家想申请个临时救助")
    assert "dibao" not in _items("俺家以前吃过低保 后来取消了 这回想申请临时救助")
    assert "dibao" in _items("俺家想申请低保 能行不")
    # named alone, the item is the one wanted: "凭啥他们能吃上 俺家不行"
    assert "dibao" in _items("隔壁那家都吃上低保了 凭啥俺家不行")


def test_homes_owned_said_in_everyday_ways() -> None:
    for text in (
        "俺家三口人 就住着公公留下的两间老房子 能吃低保不",
        "家里两口人 住的是前年危房改造盖的砖房",
        "家里三口人 房子是移民搬迁分的",
        "家里三口人 住的是老房子 自己家的",
        "家里就娘俩 房子是自己家的老院子",
        "俺家四口人 住的是俺们自己的窑",
    ):
        assert ("housing.has_own_housing", True, None) in opening_facts(text), text


def test_staying_at_a_relatives_is_borrowed() -> None:
    for text in ("家里着火了 俺们一家四口现在住在亲戚家", "俺一个人过 住在俺侄子家的一间小屋里"):
        assert ("housing.current_housing", "borrowed", None) in opening_facts(text), text
    assert not any(
        f[0] == "housing.current_housing" for f in opening_facts("我妈住在我姐家 我想给她办个低保")
    )


def test_not_even_a_tricycle_is_no_car() -> None:
    assert ("assets.vehicles", False, None) in opening_facts("俺俩七十多了 俺家连个三轮都没有")


def test_a_payment_not_arriving_is_received_and_complained_about() -> None:
    reading = read_facts("额上个月的低保钱到现在还莫有打到卡上", READ_ON, opening=True)
    assert reading.complaint
    assert any(f.name == "already_receives" and f.value == ["dibao"] for f in reading.facts)
    assert read_facts("俺娘的补贴这仨月咋还么有发", READ_ON, opening=True).complaint


def test_rule_questions_said_plainly() -> None:
    for text in ("低保和残疾人补贴能一起领吗", "高龄补贴和护理补贴能一块领不"):
        assert read_facts(text, READ_ON, opening=True).policy_question is not None, text


def test_each_ones_kind_and_grade_in_clauses_of_their_own() -> None:
    facts = opening_facts("俺和俺对象都是残疾人 他是肢体的 三级 俺是视力的 一级 俺俩都么有正式工作")
    assert ("members.disability_kind", "physical", "spouse") in facts
    assert ("members.disability_grade", 3, "spouse") in facts
    assert ("members.disability_kind", "visual", "self") in facts
    assert ("members.disability_grade", 1, "self") in facts


def test_a_job_now_after_a_year_long_past() -> None:
    text = "2014年公公得了病走了 俺男人以前在砖厂上班 现在在兰州工地上打工"
    assert ("members.employment", "migrant_worker", "spouse") in opening_facts(text)
    # the year's job, without 现在, stays a past one
    assert not any(
        f[0] == "members.employment" for f in opening_facts("2019年我在工地干活 摔下来了")
    )
