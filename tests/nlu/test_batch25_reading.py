"""Openings of the outside-written dev batch openings_23 (hotline summaries and citizens'
stories; the wording here is mine): "与老伴二人生活" is a size of two; the one earner's pay is
theirs as well as the household's; "存款都没了" is the savings gone, not the person named
before; "好的时候" is the best months, not the income; 希望找到工作 and 适合…的岗位 are wishes
for work; 系特困供养人员 is 特困 received; a payment not arriving is a complaint."""

from __future__ import annotations

from nlu.facts import read_facts
from tests.nlu.reading import READ_ON, opening_facts, opening_incomes, opening_size


def test_two_who_live_together_said_in_a_summary() -> None:
    assert opening_size("来电人今年62岁，与老伴二人在家生活。") == 2
    assert opening_size("其本人患乳腺癌，目前与女儿二人生活。") == 2
    assert opening_size("来电人今年81岁，老两口单独居住，每月各有养老金200余元") == 2
    # the speaker is not one of them: their parents' household is not said to be two
    assert opening_size("我妈和我爸两人在老家生活，我在外地打工") is None


def test_the_one_earner_earns_the_household_income() -> None:
    text = "家里现在就靠媳妇在饭馆洗碗一个月一千五 存款一分都没了"
    got = opening_facts(text)
    assert ("monthly_income_total", 1500.0, None) in got
    assert ("members.monthly_income", 1500.0, "spouse") in got
    got = opening_facts("家里一个月就我老婆打零工挣一千五")
    assert ("members.monthly_income", 1500.0, "spouse") in got
    got = opening_facts("家里就靠我打零工，一个月一千来块")
    assert ("members.monthly_income", 1000.0, "self") in got
    # a sum of several is nobody's pay alone
    got = opening_facts("我跟老伴的养老金加起来一个月一千二")
    assert not any(name == "members.monthly_income" for name, _, _ in got)


def test_savings_gone_is_not_a_person_gone() -> None:
    reading = read_facts(
        "家里就靠媳妇在饭馆洗碗一个月一千五，存款一分都没了", READ_ON, opening=True
    )
    assert not any(m.departed for m in reading.mentions if m.relation == "spouse")
    reading = read_facts("老伴前年查出肺癌，上个月人没了", READ_ON, opening=True)
    assert all(m.departed for m in reading.mentions if m.relation == "spouse")


def test_the_best_months_are_not_the_income() -> None:
    text = "家里就靠俺在村里给人摘花椒打零工 好的时候一个月能挣个一千来块"
    assert opening_incomes(text) == []
    assert opening_incomes("家里就靠俺在村里给人摘花椒打零工 一个月能挣个一千来块") == [1000]


def test_wishes_for_work_said_by_an_agent_or_as_a_question() -> None:
    got = opening_facts("来电人咨询能否认定为就业困难人员，表示希望尽快找到工作。")
    assert ("members.wants_job", True, "self") in got
    got = opening_facts("来电人咨询助学贷款，另想了解有没有适合其的轻体力岗位。")
    assert ("members.wants_job", True, "self") in got
    # a job had is no wish
    assert not any(n == "members.wants_job" for n, _, _ in opening_facts("我在超市上班，工作挺好"))


def test_xi_tekun_is_tekun_received() -> None:
    got = opening_facts("其母亲今年82岁，系特困供养人员（五保户），一人住在镇上敬老院")
    assert ("already_receives", ("tekun",), None) in got
    assert not any(n == "already_receives" for n, _, _ in opening_facts("关系特困的事想问问"))


def test_a_payment_not_arriving_is_a_complaint() -> None:
    said = "来电人称母亲的供养金已经两个月没有到账，打电话问乡民政办，让等通知，要求尽快核实发放。"
    assert read_facts(said, READ_ON, opening=True).complaint
    assert read_facts(
        "村上说给报临时救助，这都两个多月了一点信儿都没有", READ_ON, opening=True
    ).complaint
    assert not read_facts("低保金每个月几号到账？", READ_ON, opening=True).complaint
