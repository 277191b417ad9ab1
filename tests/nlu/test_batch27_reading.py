"""Item names typed with a homophone where the plain word means something else: 地保 for 低保
(but 种地收入 is no 低收入, 耕地保护 no 低保), and 危房改照 for 危房改造 (the item asked for, not
only a description of the house); a pay said after the work it comes from ("打点零工，一个月
七八百")."""

from __future__ import annotations

from nlu.facts import read_facts
from nlu.lexicon import find_items
from tests.nlu.reading import READ_ON as TODAY
from tests.nlu.reading import opening_facts as _facts


def _items(text: str) -> list[str]:
    return [str(i) for i in read_facts(text, TODAY, opening=True).items]


def test_dibao_typed_as_di_of_the_fields() -> None:
    assert _items("俺妈的地保批下来没有") == ["dibao"]
    assert find_items("一年种地收入也就几千块") == []
    assert find_items("村上搞耕地保护，把俺家地收了") == []


def test_the_housing_item_mistyped_is_still_asked_for() -> None:
    assert _items("俺家房子裂缝了，危房改灶能补多少") == ["rural_housing_renovation"]
    assert _items("俺家房子是危房，住着害怕") == []  # a description, no item


def test_own_pay_after_the_work_said_in_the_clause_before() -> None:
    """ "一直靠打零工，一个月一千来块": the work before the amount makes it the speaker's pay,
    though 一直 has a 一 in it and 打点零工 has a word inside 打零工."""
    odd_jobs = _facts("我和我妹一起过，我出不去上班，就在村里打点零工，一个月也就七八百块。")
    assert ("members.monthly_income", 750, "self") in odd_jobs
    steady = _facts("我以前在饭店上班，饭店关门了，一直靠打零工，一个月一千五左右。")
    assert ("members.monthly_income", 1500, "self") in steady
    counted = _facts("我们两口子都打零工，一个月也就两千来块。")  # the two's: nobody's own pay
    assert not [f for f in counted if f[0] == "members.monthly_income"]


def test_a_siblings_spouse_is_an_in_law() -> None:
    """ "我姐家男人没了": her husband died, not the sister (who is the one asked for), and "俺哥
    媳妇" is no wife of the speaker's."""
    widow = read_facts(
        "我姐家男人前年病没了，她一个人拉扯俩娃，能给她申请低保不？", TODAY, opening=True
    )
    assert widow.speaks_for is not None
    assert widow.speaks_for.person.relation == "sibling"
    sister = [m for m in widow.mentions if m.relation == "sibling"]
    assert sister and not any(m.departed for m in sister)
    assert [m.departed for m in widow.mentions if m.relation == "other"] == [True]
    brothers = read_facts("俺哥媳妇跟人跑了，俺跟俺娘一块过", TODAY, opening=True)
    assert not [m for m in brothers.mentions if m.relation == "spouse"]


def test_savings_of_a_child_living_elsewhere_are_not_the_households() -> None:
    """Only what 共同生活的家庭成员 own is counted: a son's or a married daughter's savings, said
    in the opening, are not stored as the household's (a large sum would decide 低保)."""
    for text in ("大儿子存款有六十多万，他不跟我们住", "闺女存款有几十万，她早就嫁出去了"):
        assert not [f for f in _facts(text) if f[0] == "assets.deposits"], text
    assert ("assets.deposits", 20000, None) in _facts("我和老伴存款有两万，儿子早就成家单过了")
