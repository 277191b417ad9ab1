"""Openings as dev batch openings_18 found them read wrongly (the wording is mine, not the
evaluation's): voice input without punctuation, where one 能不能 made the whole message a
question; 吗 and 还是 asking only what they govern; allowances that are no income; a leg's
disability, a collapse in heavy rain, "七十多" after a relative, children who live with the
speaker, an income 家里 earns, "一万多点", a hukou moved back to the county."""

from __future__ import annotations

import datetime as dt

import pytest

from nlu.lexicon import find_items
from nlu.numbers import find_amounts
from nlu.voice_input import punctuate
from tests.nlu.reading import opening_facts, opening_size

TODAY = dt.date(2026, 12, 5)


def facts(text: str, region: str | None = None) -> set[tuple[str, object, str | None]]:
    return opening_facts(text, TODAY, region)


def size(text: str) -> int | None:
    return opening_size(text, TODAY)


def test_voice_input_gets_its_clauses_back() -> None:
    said = "喂你好我想问一下我们家是建档立卡脱贫户我和他爸都在家种地能不能办助学贷款要准备啥"
    assert punctuate(said) == (
        "喂你好，我想问一下，我们家是建档立卡脱贫户，我和他爸都在家种地，能不能办助学贷款，要准备啥"
    )
    assert punctuate("我和老伴，能不能办") == "我和老伴，能不能办"  # typed commas: untouched


def test_a_question_in_voice_input_does_not_swallow_the_statements() -> None:
    said = "我们家是建档立卡脱贫户我和他爸都在家种地一年也就收入两万来块钱能不能办助学贷款要准备啥"
    got = facts(said)
    assert ("is_formerly_poor", True, None) in got
    assert any(name == "monthly_income_total" for name, _, _ in got)


@pytest.mark.parametrize(
    ("text", "received"),
    [
        ("我是低保户能领补贴吗", True),  # 吗 asks about the request, the status is said
        ("我们家算低保户吗", False),
        ("能吃个低保吗还是特困", False),  # 还是 after 吗: both asked
    ],
)
def test_what_is_asked_about_is_not_received(text: str, received: bool) -> None:
    assert any(name == "already_receives" for name, _, _ in facts(text)) is received


def test_a_condition_still_governs_its_whole_clause() -> None:
    said = "我们俩就靠种五亩旱地，一年收成好的话能卖个六七千块钱"
    assert not any(name == "monthly_income_total" for name, _, _ in facts(said))


@pytest.mark.parametrize(
    "text",
    ["一个人住，每月就靠三百多块钱的残疾人补贴", "一个人过，一个月就靠高龄津贴两百块"],
)
def test_allowances_are_no_income(text: str) -> None:
    assert not any(name == "monthly_income_total" for name, _, _ in facts(text))


@pytest.mark.parametrize(
    "text",
    [
        "我老公腿有残疾，三级，我们家四口人",
        "俺六十三 俺老汉六十七 腿是残疾 三级的",  # voice-typed, 是 for 有
        "我老公腿残疾，三级",
    ],
)
def test_a_leg_with_a_disability_and_its_grade(text: str) -> None:
    got = facts(text)
    assert {
        ("members.has_disability", True, "spouse"),
        ("members.disability_grade", 3, "spouse"),
    } <= got


def test_a_house_brought_down_by_heavy_rain_is_a_natural_disaster() -> None:
    assert ("situations", ("natural_disaster",), None) in facts("房子前几天下大雨塌了一间")


@pytest.mark.parametrize(
    ("text", "who"),
    [("公公七十多，身体不好", "parent#公公"), ("我妈七十多，腿脚不好", "parent#母亲")],
)
def test_an_age_in_the_seventies_after_a_relative(text: str, who: str) -> None:
    assert ("members.age", 75, who) in facts(text)


def test_children_who_live_with_the_speaker_alone() -> None:
    assert size("2019年离的婚，两个孩子都跟着我，大女儿16岁") == 3
    # with a partner named, the household is more than the speaker and the children
    assert size("我和老伴带着，两个孙子都跟着我") is None


def test_an_income_the_household_earns_after_a_son_who_left() -> None:
    said = "儿子在外地成家了，一年回来一趟，家里六亩地一年收入也就四五千"
    assert ("monthly_income_total", 375.0, None) in facts(said)


def test_a_little_over_ten_thousand() -> None:
    found = find_amounts("一年一万多点")[0].value
    assert 10000 <= found.low <= found.value <= found.high <= 12000


@pytest.mark.parametrize(
    ("text", "local"),
    [
        ("户口已经迁回历城了", True),
        ("户口在历城区", True),
        ("户口在济南", None),
        ("户口迁到济南市区了", None),
    ],
)
def test_a_hukou_in_licheng_is_said_by_the_county(text: str, local: bool | None) -> None:
    got = {value for name, value, _ in facts(text, "jinan-licheng") if name == "has_local_hukou"}
    assert got == ({local} if local is not None else set())


def test_employment_help_names_the_item() -> None:
    assert "employment_aid" in find_items("有没有针对退役军人的就业帮扶")
