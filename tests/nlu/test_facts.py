"""Facts stated in free text, with the member they are about."""

from __future__ import annotations

import datetime as dt

from nlu.facts import read_facts

TODAY = dt.date(2025, 6, 1)


def _facts(text: str) -> set[tuple[str, object, str | None]]:
    return {
        (f.name, tuple(f.value) if isinstance(f.value, list) else f.value, f.who)
        for f in read_facts(text, TODAY).facts
    }


def test_member_facts_go_to_the_member_named() -> None:
    facts = _facts("我今年73岁了，老伴得了尿毒症，一周透析三次")
    assert ("members.age", 73, "self") in facts
    assert ("members.has_serious_illness", True, "spouse") in facts
    assert ("members.serious_illness_kind", "kidney", "spouse") in facts


def test_departed_members_get_no_facts_and_are_not_members() -> None:
    reading = read_facts("老伴前年走了，七十五了，现在一个人住", TODAY)
    assert not [f for f in reading.facts if f.name == "members.age"]
    assert reading.members() == []
    assert reading.size is not None and reading.size.value == 1


def test_household_facts_and_what_is_already_received() -> None:
    facts = _facts("我们家已经吃低保了，上个月着火了，没车，农村户口")
    assert ("already_receives", ("dibao",), None) in facts
    assert ("situations", ("fire",), None) in facts
    assert ("assets.vehicles", False, None) in facts
    assert ("hukou_type", "rural", None) in facts
    assert read_facts("我们家已经吃低保了", TODAY).items == []


def test_supposed_or_negated_clauses_state_nothing() -> None:
    assert _facts("有车的话还能吃低保吗") == set()
    assert ("housing.is_dangerous_house", True, None) not in _facts("房子不是危房")


def test_disability_grade_and_school_stage() -> None:
    facts = _facts("老伴办了残疾证，二级的。孙子在上高中")
    assert ("members.disability_grade", 2, "spouse") in facts
    assert ("members.school_stage", "senior_high", "grandchild#孙子") in facts
    assert not [f for f in read_facts("大学毕业一年了", TODAY).facts if f.name.endswith("stage")]


def test_complaint_and_policy_question() -> None:
    reading = read_facts("申请了三个月一直没消息，我要投诉。低保的标准是多少？", TODAY)
    assert reading.complaint
    assert reading.policy_question == "低保的标准是多少？"


def test_negative_ages_and_sizes_are_not_read() -> None:
    import datetime as dt

    from nlu.dates import find_ages
    from nlu.facts import read_facts

    today = dt.date(2025, 6, 1)
    assert find_ages("我今年-5岁", today) == []
    reading = read_facts("我们家-3口人，老伴负70岁", today)
    assert reading.size is None
    assert not [f for f in reading.facts if f.name == "members.age"]


def test_a_car_accident_is_not_a_car() -> None:
    assert "assets.vehicles" not in {f.name for f in read_facts("还有车祸", TODAY).facts}


def test_a_fact_said_both_ways_is_not_kept() -> None:
    for text in ("有车，车早卖了", "有辆车，车早报废了"):
        assert "assets.vehicles" not in {f.name for f in read_facts(text, TODAY).facts}, text
    assert ("assets.vehicles", False) in {
        (f.name, f.value) for f in read_facts("车早报废了", TODAY).facts
    }


def test_a_cancer_named_after_the_member_is_that_members() -> None:
    reading = read_facts("俺老伴肺癌晚期", TODAY)
    assert {(f.name, f.who) for f in reading.facts} == {
        ("members.has_serious_illness", "spouse"),
        ("members.serious_illness_kind", "spouse"),
    }
    assert read_facts("没得癌", TODAY).facts == []
