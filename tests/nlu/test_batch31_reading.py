"""Dev openings 28 (session 41): elderly voice-to-text (额 for 我, speech-recognition slips such
as 残急证 and 抵保), whose pay a clause gives when the one before names "俺老汉", pay only
claimed (说是), and complaints told at the end of a long story."""

from __future__ import annotations

import datetime as dt

import pytest

from nlu.facts import read_facts
from nlu.floor_area import floor_area_said
from tests.nlu.reading import READ_ON, opening_incomes
from tests.nlu.reading import opening_facts as _facts


def _values(text: str, name: str) -> dict[str | None, object]:
    return {who: value for fact, value, who in _facts(text) if fact == name}


def test_e_is_the_speaker_in_north_western_speech() -> None:
    assert _values("那个 家里就额跟老伴两个人 额七十三了 老伴七十五", "members.age")["self"] == 73
    assert _values("额们家的低保一个月给的额度太少", "members.age") == {}


def test_recognition_slips_read_as_the_word_meant() -> None:
    said = _facts("额这腿不行 残急证是三级的 肢体的")
    assert ("members.has_disability", True, "self") in said
    assert ("members.disability_grade", 3, "self") in said
    assert ("already_receives", ("dibao",), None) in _facts("俺家一直吃着抵保 一个月三百来块")


def test_pay_of_the_husband_named_with_the_speakers_word() -> None:
    pays = _values(
        "俺 俺老汉 还有两个娃 俺老汉在外头打工 一个月也就两千多", "members.monthly_income"
    )
    assert pays == {"spouse": 2500}


def test_pay_only_claimed_is_not_income() -> None:
    text = "老汉在外地干活，说是一个月能挣三千，可到现在一分钱也没打回来"
    assert "members.monthly_income" not in {f for f, _, _ in _facts(text)}


@pytest.mark.parametrize(
    "text",
    [
        "复核以后把低保停了，我觉得不合理，希望有关部门重新核查，恢复我家的低保",
        "后来又去了两次都没办成",
        "希望窗口能改进一下服务",
        "以前一个月都有 从十月份就木有了 啥时候能给俺补上",
        "从八月到现在一分钱都没打到卡上 这钱到底啥时候能给",
    ],
)
def test_complaints_at_the_end_of_a_story(text: str) -> None:
    assert read_facts(text, READ_ON, opening=True).complaint


def test_nobody_to_take_the_child_is_no_complaint() -> None:
    assert not read_facts("孩子五岁上幼儿园，现在也没人接送", READ_ON, opening=True).complaint


def test_a_days_pay_over_the_days_worked() -> None:
    pays = _values("我在县城建筑队打工，一天一百二，一个月能干二十来天。", "members.monthly_income")
    assert pays == {"self": 2400}


def test_a_past_jobs_daily_pay_is_not_income_now() -> None:
    text = "我们家四口人 老汉原来在工地上干活 一天挣个一百多 现在也干不成了"
    assert "members.monthly_income" not in {f for f, _, _ in _facts(text)}


def test_a_sons_pay_is_not_the_couples_income() -> None:
    text = "儿子在银川跑外卖，一个月三千左右，他成家了有自己的家。家里就我和老伴两口人"
    assert opening_incomes(text) == []


def test_a_wife_who_died_is_no_member() -> None:
    said = _facts("我一个人 婆姨去年殁了 七十好几了")
    assert not any(who == "spouse" for _, _, who in said)


def test_the_area_of_a_room_shared_with_others_is_not_the_homes() -> None:
    assert floor_area_said("我们俩合租一间二十平米的房子，房租一个月八百") is None
    assert floor_area_said("租的一间三十平米的房子") is not None


def test_a_neighbour_called_by_surname_and_kin_word_is_no_relative() -> None:
    said = _facts("想替我们楼下的赵奶奶问问。她今年八十五了，老伴不在了")
    assert not any(name == "members.age" for name, _, _ in said)
    assert _values("我奶奶今年八十五了", "members.age") == {"grandparent#奶奶": 85}


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("我们村有个五保老人，一个人住，房子漏雨了", "tekun"),
        ("他每个月就领点五保的钱，腿脚也不方便", "tekun"),
        ("家里就靠我爸那点低保和奶奶的养老金", "dibao"),
    ],
)
def test_a_standing_told_in_passing_is_received_not_asked(text: str, item: str) -> None:
    reading = read_facts(text, READ_ON, opening=True)
    assert ("already_receives", (item,), None) in _facts(text)
    assert item not in reading.items


def test_income_after_somebody_who_cannot_work_is_not_theirs() -> None:
    text = "一家四口人：我、妻子、儿子和女儿。儿子今年十五岁。妻子为了照顾儿子没法出去打工，全家一年就靠这点地收入一万多块。"
    assert "spouse" not in _values(text, "members.monthly_income")


def test_a_job_of_years_ago_is_no_employment() -> None:
    said = _facts("我今年五十三岁。2019年我在工地干活从架子上摔下来，腰椎骨折")
    assert not any(name == "members.employment" for name, _, _ in said)


def test_a_flag_said_with_the_member_inside_it_is_theirs() -> None:
    text = "家里四口人，我和丈夫都四十多岁，儿子在上初一。今年8月女儿拿到录取通知书"
    assert _values(text, "members.is_new_admission") == {"daughter": True}


def test_a_bill_of_a_treatment_begun_months_ago_is_no_sudden_expense() -> None:
    in_june = dt.date(2025, 6, 1)
    bill = "8月份他查出来肺癌，做了手术，自费部分已经十来万。"
    situations = [
        f for f in read_facts(bill, in_june, opening=True).facts if f.name == "situations"
    ]
    assert situations == []
    recent = "5月份他突然住院，做了手术，已经花了十来万。"
    said = read_facts(recent, in_june, opening=True).facts
    assert any(f.name == "situations" and "sudden_medical_expense" in f.value for f in said)


@pytest.mark.parametrize(
    "text",
    ["额们住的自家的房子 四十来平米", "房子是俺自己家的 就是旧得不咋地", "住的是自己家的老房子"],
)
def test_living_in_the_familys_own_house(text: str) -> None:
    assert ("housing.has_own_housing", True, None) in _facts(text)


@pytest.mark.parametrize(
    ("text", "employment"),
    [
        ("我在一家物业公司做保洁，每月工资2600", "employed"),
        ("我在超市做理货员，一个月两千一", "employed"),
        ("一家三口就靠我看大门 一个月一千二三", "employed"),
        ("我为了接送孩子只能做家政钟点工，一个月也就一千五六", "flexible"),
        ("我今年五十九，现在每月领退休金2300元", "retired"),
    ],
)
def test_a_current_job_said_by_its_work(text: str, employment: str) -> None:
    assert _values(text, "members.employment") == {"self": employment}


@pytest.mark.parametrize(
    "text", ["想找个活干 看大门也行", "想去做保洁", "俺俩都木有领退休金 就靠种地"]
)
def test_a_job_wished_for_or_denied_is_no_employment(text: str) -> None:
    assert _values(text, "members.employment") == {}


def test_a_local_hukou_said_with_its_type() -> None:
    said = _facts("我今年50岁，本地城镇户口")
    assert ("has_local_hukou", True, None) in said
    assert ("has_local_hukou", True, None) not in _facts("我是外地农村户口")
