"""Openings of dev batch openings_16: money spent is no person gone, a disaster said by its
kind, a job looked for in vain, and the woman asked about by 她 (never a brother named later)."""

from __future__ import annotations

from nlu.facts import read_facts
from tests.nlu.reading import READ_ON as TODAY
from tests.nlu.reading import opening_facts as _facts


def test_money_spent_on_a_relative_is_not_the_relative_gone() -> None:
    facts = _facts("俺和老伴都七十多了，老伴前年中风瘫在床上，存款早就给老伴看病花没了")
    assert ("members.age", 75, "spouse") in facts
    assert ("members.has_serious_illness", True, "spouse") in facts
    assert ("assets.deposits", 0, None) in facts
    # a person who did die still does
    assert not [f for f in _facts("老伴前年没了，我一个人过") if f[2] == "spouse"]


def test_a_landslide_is_a_natural_disaster() -> None:
    assert ("situations", ("natural_disaster",), None) in _facts("下暴雨，后山滑坡把我家房子冲塌了")


def test_a_job_looked_for_in_vain_is_wanted() -> None:
    assert ("members.wants_job", True, "son") in _facts("我儿子在银川找了半年工作都没找到")


def test_she_is_the_mother_asked_for_not_the_brother_named_after() -> None:
    text = (
        "我娘家妈今年七十六，我爸走了十几年了，她一个人过，我是嫁出去的闺女，"
        "我弟弟在外地打工也顾不上她。她能不能申请低保？"
    )
    reading = read_facts(text, TODAY, opening=True)
    assert reading.speaks_for is not None
    assert reading.speaks_for.person.relation == "parent"
    assert reading.speaks_for.size == 1
