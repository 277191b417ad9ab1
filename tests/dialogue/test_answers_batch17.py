"""Voice-input answers (pauses for commas) whose figures were stored wrong or dropped: a couple's
"一人…" after a pause is theirs, not the son's pay doubled; the count said first of several houses;
the household counted again after someone forgotten; an area said "七八十个平方" beside the rooms;
a school stage left ("念到初二就不念了") is not where the member studies now."""

from __future__ import annotations

import datetime as dt

from dialogue.answers import Doubt, Value, parse_answer
from dialogue.questions import question_bank
from nlu.facts import read_facts

TODAY = dt.date(2026, 12, 6)


def parsed(question_id: str, text: str) -> object:
    return parse_answer(question_bank().get(question_id), text, TODAY)


def test_a_couples_each_after_a_pause_is_theirs_not_the_sons_doubled() -> None:
    said = parsed("household_income", "儿子一个月三千 额们老两口一人一百七十几的养老金")
    assert isinstance(said, Value)
    assert 3340 <= said.value <= 3360  # 3000 + 2 × 170-odd, not 3000 × 2
    assert said.is_estimate


def test_pauses_without_a_person_each_keep_the_amount_with_its_period() -> None:
    said = parsed("household_income", "一年 挣三万多")
    assert isinstance(said, Value) and round(said.value) == 2917


def test_the_count_said_first_of_several_houses() -> None:
    assert parsed("houses", "两个 一个老院子 儿子在县城还按揭了一套") == Value(2)
    assert parsed("houses", "两个，一个老院子，儿子在县城还按揭了一套") == Value(2)
    assert parsed("houses", "一套，老家还有一套") == Value(2)
    assert parsed("houses", "一个，就住的那个") == Value(1)


def test_the_household_counted_again_after_someone_forgotten() -> None:
    assert parsed("household_size", "额们一家子 就三个 哦 还有孙子 那就四个") == Value(4)
    assert parsed("household_size", "三个，还有孙子，一共四口人") == Value(4)
    assert parsed("household_size", "我和老伴，一共两个人") == Value(2)


def test_an_area_with_ge_before_its_unit_is_the_area_beside_the_rooms() -> None:
    said = parsed("housing_area", "那个 七八十个平方吧 三间房")
    assert isinstance(said, Value) and 70 <= said.value <= 80
    assert isinstance(parsed("housing_area", "三间房"), Doubt)  # rooms alone: asked back


def test_a_stage_left_is_not_the_stage_studied_now() -> None:
    left = read_facts("我孙子念到初二就不念了，跟他爸打工去了", TODAY)
    assert not [f for f in left.facts if f.name == "members.school_stage"]
    studying = read_facts("我孙子上初二了", TODAY)
    assert [f.value for f in studying.facts if f.name == "members.school_stage"] == ["junior_high"]


def test_a_disability_in_the_legs_is_physical() -> None:
    said = parsed("any_disability", "老伴有 残急证 腿上的 三级")
    assert isinstance(said, Value) and said.extra.get("disability_kind") == "physical"


def test_nongchun_typed_for_nongcun_is_a_rural_hukou() -> None:
    assert parsed("hukou_type", "农春户口") == Value("rural")


def test_a_disability_without_its_certificate_is_no_certificate() -> None:
    assert parsed("member_disability", "残疾倒是 那个 手指头少了两根 证没去办") == Value(False)
    said = parsed("member_disability", "有残疾，没办证")
    assert said != Value(True)  # 有残疾证吗: the disability is there, the certificate is not
    assert parsed("member_disability", "有证，二级") == Value(True, extra={"disability_grade": 2})
