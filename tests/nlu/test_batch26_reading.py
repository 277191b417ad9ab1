"""Openings of the outside-written dev batch openings_24 (elderly and rural people typing or
voice-typing into WeChat; the wording here is mine): 屋里 is 家里; 拢共 sums; 落个 is what is
earned; 额家 is 我家; 特捆户 is 特困 received; money not paid after months is a complaint."""

from __future__ import annotations

from nlu.facts import read_facts
from tests.nlu.reading import READ_ON, opening_facts, opening_incomes, opening_size


def test_wuli_is_the_home() -> None:
    assert opening_size("俺屋里一家四口 儿子上高中") == 4
    assert opening_size("屋里就俺两个老的 俺六十三") == 2
    assert opening_size("屋里就俺老两口 种着三亩地") == 2
    assert opening_size("屋里就俺老两口带个孙子") != 2
    # 屋里的 is the wife, not the home
    got = opening_facts("俺屋里的在镇上饭馆洗碗，一个月一千二")
    assert not any(name == "monthly_income_total" for name, _, _ in got)


def test_longgong_sums_and_luoge_is_earned() -> None:
    assert opening_incomes("额家四口人 一个月拢共也就千把块") == [1000]
    assert opening_incomes("俺两口子在家种地 一年也就落个万把块") == [833]


def test_e_jia_is_the_speakers_home() -> None:
    got = opening_facts("额家老汉前年查出来尿毒症，一礼拜透析两回")
    assert ("members.has_serious_illness", True, "spouse") in got
    assert opening_facts("这个金额一个月是多少") == set()


def test_a_homophone_status_and_a_late_payment() -> None:
    text = "去年腊月住院报的医疗就助 到现在半年了钱还没给 俺是特捆户 一个人 七十一了"
    reading = read_facts(text, READ_ON, opening=True)
    assert any(f.name == "already_receives" and f.value == ["tekun"] for f in reading.facts)
    assert reading.complaint
    assert not read_facts("钱还没给我们说要等两个月", READ_ON, opening=True).complaint


def test_a_son_with_a_home_of_his_own_is_not_ours() -> None:
    text = (
        "屋里就俺老两口 种着三亩地 儿子三十了在太原送外卖 一个月四五千 自己在太原租房住 有媳妇有娃"
    )
    assert not any(who == "son" for _, _, who in opening_facts(text))
    # a son who lives with them keeps his age
    assert ("members.age", 30, "son") in opening_facts("儿子今年三十岁，在家种地，跟俺们一起住")
