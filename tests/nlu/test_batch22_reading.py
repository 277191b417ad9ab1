"""Openings of the outside-written dev batch openings_20 (the wording here is mine): a spouse
named as a story's subject without a possessive (老汉前年查出来尿毒症), 家里就俺两个 and the
farm they work, a courtyard wall that fell (no dangerous house), an accident 前几年 (long
ago), the speaker's or spouse's own pay (theirs, said back, never the household's), 是…农村的
(a rural hukou; 在…农村 only where they live), and the village head's brother (nobody of ours)."""

from __future__ import annotations

import datetime as dt

import pytest

from nlu.facts import read_facts
from tests.nlu.reading import opening_facts

TODAY = dt.date(2026, 12, 5)


def facts(text: str) -> set[tuple[str, object, str | None]]:
    return opening_facts(text, TODAY)


def test_the_spouse_as_the_subject_of_the_speakers_story() -> None:
    said = "俺是定西的今年五十八了老汉前年查出来尿毒症一个礼拜透析两回家里就俺两个种了十来亩洋芋一年到头也就落个五六千块钱"
    got = facts(said)
    assert ("members.serious_illness_kind", "kidney", "spouse") in got
    assert not any(who == "self" for name, _, who in got if name.startswith("members.has_serious"))
    assert any(name == "monthly_income_total" for name, _, _ in got)
    reading = read_facts(said, TODAY, opening=True)
    assert reading.size is not None and reading.size.value == 2


@pytest.mark.parametrize("text", ["村里一个老汉，八十了，身体不好", "老汉们都出去打工了"])
def test_an_old_man_of_the_village_is_no_spouse(text: str) -> None:
    assert not any(who == "spouse" for _, _, who in facts(text))


def test_a_courtyard_wall_is_no_dangerous_house() -> None:
    assert not any(n == "housing.is_dangerous_house" for n, _, _ in facts("发洪水，院墙也塌了"))
    assert ("housing.is_dangerous_house", True, None) in facts("后墙塌了一半")


def test_an_accident_some_years_ago_is_no_situation() -> None:
    said = "跟我舅一家住，我舅前几年出车祸一条腿没了"
    assert not any(name == "situations" for name, _, _ in facts(said))


@pytest.mark.parametrize(
    ("text", "who", "monthly"),
    [
        ("离婚了自己带闺女，我在超市上班一个月两千二，房租就得八百", "self", 2200),
        ("公公婆婆七十多，老公在外打工一年能挣三万多，我在家带两个孩子", "spouse", 2917),
    ],
)
def test_one_earners_own_pay_is_theirs(text: str, who: str, monthly: int) -> None:
    got = {(w, round(v)) for n, v, w in facts(text) if n == "members.monthly_income"}
    assert got == {(who, monthly)}
    assert not any(name == "monthly_income_total" for name, _, _ in facts(text))


def test_a_sons_pay_away_is_not_stored() -> None:
    assert not any(
        n.endswith("monthly_income") for n, _, _ in facts("儿子在外地打工一个月挣五六千")
    )


@pytest.mark.parametrize(
    ("text", "rural"),
    [("我们是中卫沙坡头区农村的，四口人", True), ("我家在西吉县农村", False)],
)
def test_who_they_are_says_the_hukou_where_they_live_does_not(text: str, rural: bool) -> None:
    assert (("hukou_type", "rural", None) in facts(text)) is rural


def test_the_village_heads_brother_is_nobody_of_ours() -> None:
    said = "村主任都说名额满了不给往上报，可他自家兄弟开着小车还吃着低保"
    assert not any(name == "already_receives" for name, _, _ in facts(said))


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("我在厂里上班一个月六千，媳妇在幼儿园三千五", None),  # where she works
        ("闺女在大学当老师", None),
        ("孩子在幼儿园", "preschool"),
        ("儿子在上大学", "college"),
    ],
)
def test_a_school_one_works_at_is_no_school_stage(text: str, stage: str | None) -> None:
    stages = {value for name, value, _ in facts(text) if name == "members.school_stage"}
    assert stages == ({stage} if stage else set())


@pytest.mark.parametrize(
    ("text", "received", "items"),
    [
        ("俺是吕梁临县的五保户，一个人住在村里的老窑洞，想报危房改造", ["tekun"], []),
        ("儿子白血病，医疗救助已经在报了，还有啥救助能申请", ["medical_aid"], []),
        ("零工市场天天去也找不上活，有没有给安排工作的", [], ["employment_aid"]),
    ],
)
def test_statuses_held_and_help_asked(text: str, received: list[str], items: list[str]) -> None:
    reading = read_facts(text, TODAY, opening=True)
    held = [i for f in reading.facts if f.name == "already_receives" for i in f.value]
    assert held == received
    assert [str(i) for i in reading.items if str(i) not in ("rural_housing_renovation",)] == items
